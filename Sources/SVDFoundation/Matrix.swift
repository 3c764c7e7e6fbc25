/// A dense real matrix stored column by column (column-major order, as in LAPACK and Fortran).
///
/// Column-major storage is the natural layout for one-sided Jacobi, which works on whole columns:
/// column `j` occupies the contiguous slice `elements[j*rows ..< (j+1)*rows]`.
///
/// ```swift
/// let a = try Matrix<Double>(rows: [[1, 2], [3, 4], [5, 6]])   // 3×2
/// a[2, 1]            // 6.0: row 2, column 1 (zero-based)
/// a.transposed.rows  // 2
/// ```
public struct Matrix<Scalar: SVDScalar>: Sendable, Equatable {
    /// Number of rows, m.
    public let rows: Int
    /// Number of columns, n.
    public let columns: Int
    /// The entries in column-major order: entry (i, j) is `elements[i + j*rows]`.
    public var elements: [Scalar]

    /// An m×n matrix with every entry equal to `value`.
    ///
    /// - Parameters:
    ///   - rows: m, the number of rows.
    ///   - columns: n, the number of columns.
    ///   - value: every entry; 0 by default.
    /// - Complexity: O(m·n).
    @inlinable
    public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative, got \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from its entries in column-major order.
    ///
    /// - Parameters:
    ///   - rows: m, the number of rows.
    ///   - columns: n, the number of columns.
    ///   - elements: the m·n entries, column after column: entry (i, j) is `elements[i + j*rows]`.
    @inlinable
    public init(rows: Int, columns: Int, columnMajor elements: [Scalar]) {
        precondition(elements.count == rows * columns,
                     "A \(rows)×\(columns) matrix needs \(rows * columns) entries, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix whose entry (i, j) is `entry(i, j)`.
    ///
    /// - Parameters:
    ///   - rows: m, the number of rows.
    ///   - columns: n, the number of columns.
    ///   - entry: the value at zero-based row i and column j, called once per entry.
    /// - Complexity: O(m·n) calls of `entry`.
    @inlinable
    public init(rows: Int, columns: Int, entry: (Int, Int) -> Scalar) {
        self.init(rows: rows, columns: columns)
        for j in 0..<columns {
            for i in 0..<rows { elements[i + j * rows] = entry(i, j) }
        }
    }

    /// A matrix from a list of rows, as one writes it on paper.
    ///
    /// - Parameter list: the rows, each with the same number of entries.
    /// - Throws: `MatrixError.empty` when there are no rows or the rows are empty,
    ///   `MatrixError.raggedRows` when the rows differ in length.
    public init(rows list: [[Scalar]]) throws(MatrixError) {
        guard let first = list.first, !first.isEmpty else { throw .empty }
        for (index, row) in list.enumerated() where row.count != first.count {
            throw .raggedRows(row: index, expected: first.count, found: row.count)
        }
        self.init(rows: list.count, columns: first.count) { i, j in list[i][j] }
    }

    /// The n×n identity matrix.
    ///
    /// - Parameter n: the order.
    /// - Returns: I, n×n.
    /// - Complexity: O(n²).
    @inlinable
    public static func identity(_ n: Int) -> Matrix {
        Matrix(rows: n, columns: n) { i, j in i == j ? 1 : 0 }
    }

    /// A diagonal m×n matrix with `diagonal` on its main diagonal.
    ///
    /// - Parameters:
    ///   - diagonal: the entries (0, 0), (1, 1), …; at most min(m, n) of them.
    ///   - rows: m, or `nil` for as many as there are diagonal entries.
    ///   - columns: n, or `nil` for as many as there are diagonal entries.
    /// - Returns: the m×n matrix, zero off the diagonal.
    /// - Complexity: O(m·n).
    @inlinable
    public static func diagonal(_ diagonal: [Scalar], rows: Int? = nil, columns: Int? = nil) -> Matrix {
        let m = rows ?? diagonal.count, n = columns ?? diagonal.count
        precondition(diagonal.count <= Swift.min(m, n), "The diagonal does not fit in a \(m)×\(n) matrix")
        var d = Matrix(rows: m, columns: n)
        for (i, value) in diagonal.enumerated() { d[i, i] = value }
        return d
    }

    /// Entry (i, j), zero-based.
    @inlinable
    public subscript(row: Int, column: Int) -> Scalar {
        get { elements[row + column * rows] }
        set { elements[row + column * rows] = newValue }
    }

    /// True when the matrix has no entries (0 rows or 0 columns).
    public var isEmpty: Bool { rows == 0 || columns == 0 }

    /// min(m, n): the number of singular values.
    public var minDimension: Int { Swift.min(rows, columns) }

    /// Column j as an array.
    ///
    /// - Parameter j: a zero-based column index, in `0..<columns`.
    /// - Returns: the m entries of column j, top to bottom.
    /// - Complexity: O(m).
    @inlinable
    public func column(_ j: Int) -> [Scalar] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Row i as an array.
    ///
    /// - Parameter i: a zero-based row index, in `0..<rows`.
    /// - Returns: the n entries of row i, left to right.
    /// - Complexity: O(n).
    @inlinable
    public func row(_ i: Int) -> [Scalar] {
        (0..<columns).map { self[i, $0] }
    }

    /// The rows as nested arrays (row-major), e.g. for printing or JSON.
    @inlinable
    public var rowArrays: [[Scalar]] {
        (0..<rows).map { row($0) }
    }

    /// The first `count` columns.
    ///
    /// - Parameter count: how many columns to keep, in `0...columns`.
    /// - Returns: the m×`count` matrix of the leading columns.
    /// - Complexity: O(m·count).
    @inlinable
    public func leadingColumns(_ count: Int) -> Matrix {
        precondition(count >= 0 && count <= columns, "Cannot take \(count) of \(columns) columns")
        return Matrix(rows: rows, columns: count, columnMajor: Array(elements[0..<(count * rows)]))
    }

    /// The columns in `range`.
    ///
    /// - Parameter range: zero-based column indices within `0..<columns`.
    /// - Returns: the m×`range.count` matrix of those columns, in order.
    /// - Complexity: O(m·range.count).
    @inlinable
    public func columns(_ range: Range<Int>) -> Matrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= columns, "Column range \(range) out of 0..<\(columns)")
        return Matrix(rows: rows, columns: range.count,
                      columnMajor: Array(elements[(range.lowerBound * rows)..<(range.upperBound * rows)]))
    }

    /// The columns in the order `order`: column j of the result is column `order[j]` of this one.
    @inlinable
    package func columns(inOrder order: [Int]) -> Matrix {
        Matrix(rows: rows, columns: order.count, columnMajor: order.flatMap { column($0) })
    }

    /// P·M for the permutation P of a pivoted QR (column k of A·P is column `permutation[k]` of
    /// A): row k of this matrix becomes row `permutation[k]` of the result.
    @inlinable
    package func rowsMoved(to permutation: [Int]) -> Matrix {
        precondition(permutation.count == rows, "A permutation of \(permutation.count) for \(rows) rows")
        var moved = Matrix(rows: rows, columns: columns)
        for j in 0..<columns {
            for k in 0..<rows { moved[permutation[k], j] = self[k, j] }
        }
        return moved
    }

    /// Aᵀ.
    @inlinable
    public var transposed: Matrix {
        Matrix(rows: columns, columns: rows) { i, j in self[j, i] }
    }

    /// The position of the first NaN or infinite entry, if any.
    @inlinable
    public var firstNonFiniteEntry: (row: Int, column: Int)? {
        guard let index = elements.firstIndex(where: { !$0.isFinite }) else { return nil }
        return (index % rows, index / rows)
    }

    /// The same matrix in another precision (rounded to nearest).
    ///
    /// - Parameter type: the scalar type of the result.
    /// - Returns: the matrix with every entry converted to `Other`.
    /// - Complexity: O(m·n).
    @inlinable
    public func converted<Other: SVDScalar>(to type: Other.Type = Other.self) -> Matrix<Other> {
        Matrix<Other>(rows: rows, columns: columns, columnMajor: elements.map { Other($0) })
    }
}

/// Why a matrix could not be built or used.
public enum MatrixError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No rows, or rows without entries.
    case empty
    /// Row `row` (zero-based) has `found` entries where the first row had `expected`.
    case raggedRows(row: Int, expected: Int, found: Int)
    /// Entry (row, column) is NaN or infinite.
    case nonFinite(row: Int, column: Int)
    /// Two operands whose shapes do not fit the operation.
    case dimensionMismatch(String)

    /// One line for a person, naming the problem.
    public var description: String {
        switch self {
        case .empty:
            return "the matrix is empty (no rows or no columns)"
        case let .raggedRows(row, expected, found):
            return "row \(row + 1) has \(found) entries, but the first row has \(expected)"
        case let .nonFinite(row, column):
            return "entry (\(row + 1), \(column + 1)) is NaN or infinite"
        case let .dimensionMismatch(what):
            return "dimension mismatch: \(what)"
        }
    }
}
