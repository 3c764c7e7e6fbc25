/// Products, sums and norms of dense matrices.
///
/// The product loops are written in "axpy" order (for each column j of the result, add
/// B[k, j] times column k of A), which walks both column-major operands contiguously and lets
/// the compiler vectorize the innermost loop: it is a sum of independent updates, not a
/// reduction, so no reassociation is needed.

extension Matrix {
    /// The matrix product A·B.
    ///
    /// - Parameters:
    ///   - a: A, m×k.
    ///   - b: B, k×n.
    /// - Returns: the m×n product.
    /// - Complexity: O(m·k·n).
    @inlinable
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.columns == b.rows, "Cannot multiply \(a.rows)×\(a.columns) by \(b.rows)×\(b.columns)")
        var c = Matrix(rows: a.rows, columns: b.columns)
        let m = a.rows, inner = a.columns
        a.elements.withUnsafeBufferPointer { aBuffer in
            b.elements.withUnsafeBufferPointer { bBuffer in
                c.elements.withUnsafeMutableBufferPointer { cBuffer in
                    for j in 0..<b.columns {
                        let cColumn = cBuffer.baseAddress! + j * m
                        for k in 0..<inner {
                            let factor = bBuffer[k + j * inner]
                            if factor == 0 { continue }
                            let aColumn = aBuffer.baseAddress! + k * m
                            for i in 0..<m { cColumn[i] += factor * aColumn[i] }
                        }
                    }
                }
            }
        }
        return c
    }

    /// The matrix–vector product A·x.
    ///
    /// - Parameters:
    ///   - a: A, m×n.
    ///   - x: a vector of n entries.
    /// - Returns: the m entries of A·x.
    /// - Complexity: O(m·n).
    @inlinable
    public static func * (a: Matrix, x: [Scalar]) -> [Scalar] {
        precondition(a.columns == x.count, "Cannot multiply \(a.rows)×\(a.columns) by a vector of length \(x.count)")
        var y = [Scalar](repeating: 0, count: a.rows)
        for j in 0..<a.columns where x[j] != 0 {
            for i in 0..<a.rows { y[i] += a[i, j] * x[j] }
        }
        return y
    }

    /// The product Aᵀ·B without forming Aᵀ (entry (i, j) is the dot product of column i of A
    /// with column j of B).
    ///
    /// - Parameter b: B, with as many rows as this matrix A.
    /// - Returns: Aᵀ·B, with as many rows as A has columns and as many columns as B.
    /// - Complexity: O(m·n·(columns of B)).
    @inlinable
    public func transposeTimes(_ b: Matrix) -> Matrix {
        precondition(rows == b.rows, "Cannot form AᵀB for A \(rows)×\(columns) and B \(b.rows)×\(b.columns)")
        var c = Matrix(rows: columns, columns: b.columns)
        for j in 0..<b.columns {
            for i in 0..<columns {
                var sum: Scalar = 0
                for k in 0..<rows { sum += self[k, i] * b[k, j] }
                c[i, j] = sum
            }
        }
        return c
    }

    /// The product Aᵀ·x.
    ///
    /// - Parameter x: a vector of m entries, one per row of A.
    /// - Returns: the n entries of Aᵀ·x.
    /// - Complexity: O(m·n).
    @inlinable
    public func transposeTimes(_ x: [Scalar]) -> [Scalar] {
        precondition(rows == x.count, "Cannot form Aᵀx for A \(rows)×\(columns) and x of length \(x.count)")
        return (0..<columns).map { j in
            var sum: Scalar = 0
            for i in 0..<rows { sum += self[i, j] * x[i] }
            return sum
        }
    }

    /// The sum A + B, entry by entry.
    ///
    /// - Parameters:
    ///   - a: A.
    ///   - b: B, of the same shape as A.
    /// - Returns: A + B.
    /// - Complexity: O(m·n).
    @inlinable
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "Cannot add \(a.rows)×\(a.columns) and \(b.rows)×\(b.columns)")
        return Matrix(rows: a.rows, columns: a.columns, columnMajor: zip(a.elements, b.elements).map { $0 + $1 })
    }

    /// The difference A − B, entry by entry.
    ///
    /// - Parameters:
    ///   - a: A.
    ///   - b: B, of the same shape as A.
    /// - Returns: A − B.
    /// - Complexity: O(m·n).
    @inlinable
    public static func - (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "Cannot subtract \(b.rows)×\(b.columns) from \(a.rows)×\(a.columns)")
        return Matrix(rows: a.rows, columns: a.columns, columnMajor: zip(a.elements, b.elements).map { $0 - $1 })
    }

    /// The multiple c·A.
    ///
    /// - Parameters:
    ///   - c: the factor.
    ///   - a: A.
    /// - Returns: A with every entry multiplied by c.
    /// - Complexity: O(m·n).
    @inlinable
    public static func * (c: Scalar, a: Matrix) -> Matrix {
        Matrix(rows: a.rows, columns: a.columns, columnMajor: a.elements.map { c * $0 })
    }

    /// A with column j multiplied by `factors[j]` (that is, A·diag(factors)).
    ///
    /// - Parameter factors: one factor per column.
    /// - Returns: A·diag(factors).
    /// - Complexity: O(m·n).
    @inlinable
    public func scalingColumns(by factors: [Scalar]) -> Matrix {
        precondition(factors.count == columns, "Need \(columns) column factors, got \(factors.count)")
        var result = self
        for j in 0..<columns {
            for i in 0..<rows { result[i, j] *= factors[j] }
        }
        return result
    }

    /// max |aᵢⱼ| (0 for an empty matrix; NaN entries are skipped), eight lanes at a time for
    /// `Double` and `Float` (`largestMagnitude(in:)`, `ExactScaling.swift`).
    @inlinable
    public var maxAbsoluteEntry: Scalar {
        elements.withUnsafeBufferPointer { largestMagnitude(in: $0) }
    }

    /// The Frobenius norm ‖A‖_F = √(Σ aᵢⱼ²), computed without overflow or underflow
    /// (see `scaledNorm`).
    @inlinable
    public var frobeniusNorm: Scalar {
        scaledNorm(elements[...])
    }

    /// ‖aⱼ‖₂ for every column j, each by `scaledNorm` (no square can overflow or underflow).
    @inlinable
    package var columnNorms: [Scalar] {
        (0..<columns).map { scaledNorm(elements[($0 * rows)..<(($0 + 1) * rows)]) }
    }

    /// The column indices in order of decreasing norm, and those norms: for the converged columns
    /// of Jacobi, the order that gives σ₁ ≥ σ₂ ≥ … (de Rijk pivoting has nearly made it already).
    @inlinable
    package var columnsByDecreasingNorm: (order: [Int], norms: [Scalar]) {
        let norms = columnNorms
        let order = norms.indices.sorted { norms[$0] > norms[$1] }
        return (order, order.map { norms[$0] })
    }

    /// Whether A is square with zeros above the diagonal (aᵢⱼ = 0 for i < j).
    @inlinable
    package var isLowerTriangular: Bool {
        guard rows == columns else { return false }
        return (1..<Swift.max(columns, 1)).allSatisfy { j in (0..<j).allSatisfy { i in self[i, j] == 0 } }
    }

    /// A with column j divided by `divisors[j]` (that is, A·diag(divisors)⁻¹): normalizes columns
    /// by their norms with one rounding per entry, where multiplying by reciprocals would take two.
    @inlinable
    package func dividingColumns(by divisors: [Scalar]) -> Matrix {
        precondition(divisors.count == columns, "Need \(columns) column divisors, got \(divisors.count)")
        var result = self
        for j in 0..<columns {
            for i in 0..<rows { result[i, j] /= divisors[j] }
        }
        return result
    }

    /// The largest entry of |AᵀA − I|: how far the columns are from orthonormal.
    /// (The max-entry norm is the one quoted in the verification suite.)
    @inlinable
    public var orthogonalityError: Scalar {
        let gram = transposeTimes(self)
        var worst: Scalar = 0
        for j in 0..<columns {
            for i in 0..<columns {
                worst = Swift.max(worst, abs(gram[i, j] - (i == j ? 1 : 0)))
            }
        }
        return worst
    }
}

/// The Euclidean norm √(Σ xᵢ²) of a vector, without spurious overflow or underflow.
///
/// Squaring entries near 1e200 overflows and squaring entries near 1e-200 underflows, even when
/// the norm itself is representable. Dividing by the largest magnitude first keeps every square
/// in [0, 1]; the result is then scaled back. Accuracy: a few ulps, the same as the naive sum
/// where that does not overflow. Cost: two passes over the data.
///
/// - Parameter x: the entries of the vector.
/// - Returns: ‖x‖₂; 0 for an empty vector, +∞ or NaN when an entry is.
/// - Complexity: O(n), two passes.
@inlinable
public func scaledNorm<Scalar: SVDScalar, C: Collection>(_ x: C) -> Scalar where C.Element == Scalar {
    var largest: Scalar = 0
    for value in x { largest = max(largest, abs(value)) }
    guard largest > 0, largest.isFinite else { return largest }
    var sum: Scalar = 0
    for value in x {
        let scaled = value / largest
        sum += scaled * scaled
    }
    return largest * sum.squareRoot()
}

/// The dot product xᵀy of two equally long arrays.
///
/// - Parameters:
///   - x: the first vector.
///   - y: the second vector, as long as `x`.
/// - Returns: Σᵢ xᵢ·yᵢ, summed in order.
/// - Complexity: O(n).
@inlinable
public func dot<Scalar: SVDScalar>(_ x: [Scalar], _ y: [Scalar]) -> Scalar {
    precondition(x.count == y.count, "dot: lengths \(x.count) and \(y.count) differ")
    var sum: Scalar = 0
    for i in x.indices { sum += x[i] * y[i] }
    return sum
}
