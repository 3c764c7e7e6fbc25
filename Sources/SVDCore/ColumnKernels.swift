/// The two inner loops of one-sided Jacobi, on raw column pointers.
///
/// Column access goes through `withUnsafeMutableBufferPointer` because `[Scalar]` subscripts in
/// these loops cost 2–3.5× (bounds and uniqueness checks on every element); the loops themselves
/// are the plain textbook sums.

extension Matrix {
    /// Calls `body` with a pointer to the first entry of column j.
    mutating func withColumn<R>(_ j: Int, _ body: (UnsafeMutablePointer<Scalar>) -> R) -> R {
        let m = rows
        return elements.withUnsafeMutableBufferPointer { buffer in body(buffer.baseAddress! + j * m) }
    }

    /// Calls `body` with pointers to the first entries of columns p and q (p ≠ q).
    mutating func withColumns<R>(_ p: Int, _ q: Int,
                                 _ body: (UnsafeMutablePointer<Scalar>, UnsafeMutablePointer<Scalar>) -> R) -> R {
        let m = rows
        return elements.withUnsafeMutableBufferPointer { buffer in
            body(buffer.baseAddress! + p * m, buffer.baseAddress! + q * m)
        }
    }

    /// Exchanges columns p and q.
    mutating func swapColumns(_ p: Int, _ q: Int) {
        guard p != q else { return }
        let m = rows
        withColumns(p, q) { x, y in
            for i in 0..<m { swap(&x[i], &y[i]) }
        }
    }
}

/// xᵀy for two columns of length `count`.
func dotProduct<Scalar: SVDScalar>(_ x: UnsafeMutablePointer<Scalar>, _ y: UnsafeMutablePointer<Scalar>,
                                   count: Int) -> Scalar {
    var sum: Scalar = 0
    for i in 0..<count { sum += x[i] * y[i] }
    return sum
}

/// ‖x‖² for a column of length `count` (entries already scaled so that no square overflows).
func sumOfSquares<Scalar: SVDScalar>(_ x: UnsafeMutablePointer<Scalar>, count: Int) -> Scalar {
    var sum: Scalar = 0
    for i in 0..<count { sum += x[i] * x[i] }
    return sum
}
