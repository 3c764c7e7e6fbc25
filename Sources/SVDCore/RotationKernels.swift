import SVDFoundation
import SVDTextbook

/// The rotation of `JacobiRotation` applied to raw columns, for the sweeps of `OneSidedJacobi`.
///
/// The same arithmetic as `JacobiRotation.rotateColumns(_:_:of:)`, in Rutishauser's form, on
/// column pointers (the sweep takes one pointer to each matrix per sweep), in explicit SIMD for
/// `Double` and `Float` (`SIMDColumnKernels.swift`), and optionally fused with the dot product
/// the sweep needs next.
extension JacobiRotation {
    /// Applies the rotation to the pair (x, y) in place: x ← c·x − s·y, y ← s·x + c·y.
    @inline(__always)
    func apply(_ x: UnsafeMutablePointer<Scalar>, _ y: UnsafeMutablePointer<Scalar>, count: Int) {
        _ = rotate(x, y, count: count, dotWith: nil)
    }

    /// Applies the rotation to (x, y) and returns x′ᵀz, the dot product the sweep needs next: after
    /// the pair (p, q) comes (p, q + 1), whose γ is the new column p against column q + 1.
    ///
    /// Fusing the two loops reads x′ while it is still in a register instead of streaming column p
    /// through the cache a second time.
    @inline(__always)
    func applyReturningDot(_ x: UnsafeMutablePointer<Scalar>, _ y: UnsafeMutablePointer<Scalar>,
                           next z: UnsafeMutablePointer<Scalar>, count: Int) -> Scalar {
        rotate(x, y, count: count, dotWith: z)
    }

    /// The rotation in Rutishauser's form, with x′ᵀz accumulated when z is given. For `Double`
    /// and `Float` the same arithmetic runs in explicit SIMD (`SIMDColumnKernels.swift`).
    @inline(__always)
    private func rotate(_ x: UnsafeMutablePointer<Scalar>, _ y: UnsafeMutablePointer<Scalar>, count: Int,
                        dotWith z: UnsafeMutablePointer<Scalar>?) -> Scalar {
        if Scalar.self == Double.self {
            return unsafeBitCast(simdRotate(x.typed(as: Double.self), y.typed(as: Double.self),
                                            s: unsafeBitCast(s, to: Double.self), tau: unsafeBitCast(tau, to: Double.self),
                                            count: count, dotWith: z?.typed(as: Double.self)), to: Scalar.self)
        }
        if Scalar.self == Float.self {
            return unsafeBitCast(simdRotate(x.typed(as: Float.self), y.typed(as: Float.self),
                                            s: unsafeBitCast(s, to: Float.self), tau: unsafeBitCast(tau, to: Float.self),
                                            count: count, dotWith: z?.typed(as: Float.self)), to: Scalar.self)
        }
        var sum: Scalar = 0
        for i in 0..<count {
            let xi = x[i], yi = y[i]
            x[i] = xi - s * (yi + tau * xi)
            y[i] = yi + s * (xi - tau * yi)
            if let z { sum += x[i] * z[i] }
        }
        return sum
    }
}
