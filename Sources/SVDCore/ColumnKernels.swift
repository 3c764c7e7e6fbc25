import SVDFoundation

/// The inner loops of one-sided Jacobi, on raw column pointers.
///
/// Column access goes through raw pointers because `[Scalar]` subscripts in these loops cost
/// 2–3.5× (a bounds and a uniqueness check on every element); the sweep takes one pointer to each
/// matrix per sweep. The plain loops below are the textbook form of each kernel; for `Double` and
/// `Float` the same arithmetic runs in explicit SIMD (`SIMDColumnKernels.swift`). The test
/// `Scalar.self == Double.self` costs nothing: the core is compiled separately for each scalar
/// type (`@_specialize`), and in each copy the test is a constant that the optimizer removes
/// together with the branches not taken.

extension Matrix {
    /// Exchanges columns p and q.
    mutating func swapColumns(_ p: Int, _ q: Int) {
        guard p != q else { return }
        let m = rows
        elements.withUnsafeMutableBufferPointer { buffer in
            SVDCore.swapColumns(buffer.baseAddress! + p * m, buffer.baseAddress! + q * m, count: m)
        }
    }

    /// Calls `body` with pointers to the first entries of columns p and q (p ≠ q).
    mutating func withColumns<R>(_ p: Int, _ q: Int,
                                 _ body: (UnsafeMutablePointer<Scalar>, UnsafeMutablePointer<Scalar>) -> R) -> R {
        let m = rows
        return elements.withUnsafeMutableBufferPointer { buffer in
            body(buffer.baseAddress! + p * m, buffer.baseAddress! + q * m)
        }
    }
}

/// xᵀy for two columns of length `count`.
@inline(__always)
func dotProduct<Scalar: SVDScalar>(_ x: UnsafeMutablePointer<Scalar>, _ y: UnsafeMutablePointer<Scalar>,
                                   count: Int) -> Scalar {
    if Scalar.self == Double.self {
        return unsafeBitCast(simdDotProduct(x.typed(as: Double.self), y.typed(as: Double.self), count: count),
                             to: Scalar.self)
    }
    if Scalar.self == Float.self {
        return unsafeBitCast(simdDotProduct(x.typed(as: Float.self), y.typed(as: Float.self), count: count),
                             to: Scalar.self)
    }
    var sum: Scalar = 0
    for i in 0..<count { sum += x[i] * y[i] }
    return sum
}

/// ‖x‖² for a column of length `count` (entries already scaled so that no square overflows).
@inline(__always)
func sumOfSquares<Scalar: SVDScalar>(_ x: UnsafeMutablePointer<Scalar>, count: Int) -> Scalar {
    dotProduct(x, x, count: count)
}

/// Exchanges two columns of length `count`.
@inline(__always)
func swapColumns<Scalar: SVDScalar>(_ x: UnsafeMutablePointer<Scalar>, _ y: UnsafeMutablePointer<Scalar>,
                                    count: Int) {
    for i in 0..<count { swap(&x[i], &y[i]) }
}

/// y ← y − w·x for two columns of length `count` (the update of a Householder reflection).
@inline(__always)
func subtractMultiple<Scalar: SVDScalar>(_ w: Scalar, of x: UnsafeMutablePointer<Scalar>,
                                         from y: UnsafeMutablePointer<Scalar>, count: Int) {
    // A loop without a reduction: the compiler vectorizes it as written.
    for i in 0..<count { y[i] -= w * x[i] }
}
