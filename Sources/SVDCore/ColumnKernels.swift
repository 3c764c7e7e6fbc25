import RealModule

/// The inner loops of one-sided Jacobi, on raw column pointers.
///
/// Two things make these loops fast, and each is worth a comment because neither is visible in the
/// arithmetic:
///
/// - **Raw pointers.** `[Scalar]` subscripts in these loops cost 2–3.5× (a bounds check and a
///   uniqueness check on every element). The sweep takes one pointer to each matrix per sweep.
/// - **Relaxed sums.** A floating-point sum `s += x[i]·y[i]` has one fixed evaluation order, so the
///   compiler may not split it into several partial sums held in vector registers: the loop runs one
///   multiply-add at a time, waiting each time for the previous addition. swift-numerics'
///   `Relaxed.multiplyAdd` allows reassociation (and fusing into an FMA where the target has one),
///   which lets the loop vectorizer keep 2–4 vector accumulators. The result differs from the
///   sequential sum only by rounding, within the same error bound (|error| ≤ m·ε·Σ|xᵢyᵢ|).
///   Together with the fused rotation of `JacobiRotation.applyReturningDot` this bought
///   1.35–1.6× on 200×200 and 500×500 Gaussian matrices (release build, baseline x86-64 target,
///   CPU time: 50 → 34 ms and 787 → 485 ms for the values, 62 → 46 ms and 971 → 683 ms with
///   vectors). It is generic: for `Float80`, which has no vector unit, it is the plain sum.

extension Matrix {
    /// Exchanges columns p and q.
    mutating func swapColumns(_ p: Int, _ q: Int) {
        guard p != q else { return }
        let m = rows
        elements.withUnsafeMutableBufferPointer { buffer in
            let x = buffer.baseAddress! + p * m, y = buffer.baseAddress! + q * m
            for i in 0..<m { swap(&x[i], &y[i]) }
        }
    }
}

/// xᵀy for two columns of length `count`.
@inline(__always)
func dotProduct<Scalar: SVDScalar>(_ x: UnsafeMutablePointer<Scalar>, _ y: UnsafeMutablePointer<Scalar>,
                                   count: Int) -> Scalar {
    var sum: Scalar = 0
    for i in 0..<count { sum = Relaxed.multiplyAdd(x[i], y[i], sum) }
    return sum
}

/// ‖x‖² for a column of length `count` (entries already scaled so that no square overflows).
@inline(__always)
func sumOfSquares<Scalar: SVDScalar>(_ x: UnsafeMutablePointer<Scalar>, count: Int) -> Scalar {
    var sum: Scalar = 0
    for i in 0..<count { sum = Relaxed.multiplyAdd(x[i], x[i], sum) }
    return sum
}

/// Exchanges two columns of length `count`.
@inline(__always)
func swapColumns<Scalar: SVDScalar>(_ x: UnsafeMutablePointer<Scalar>, _ y: UnsafeMutablePointer<Scalar>,
                                    count: Int) {
    for i in 0..<count { swap(&x[i], &y[i]) }
}

extension Matrix {
    /// Calls `body` with pointers to the first entries of columns p and q (p ≠ q).
    mutating func withColumns<R>(_ p: Int, _ q: Int,
                                 _ body: (UnsafeMutablePointer<Scalar>, UnsafeMutablePointer<Scalar>) -> R) -> R {
        let m = rows
        return elements.withUnsafeMutableBufferPointer { buffer in
            body(buffer.baseAddress! + p * m, buffer.baseAddress! + q * m)
        }
    }
}
