import RealModule

/// The plane rotation that makes two columns orthogonal, in Rutishauser's stable form.
///
/// Given columns x and y with α = ‖x‖², β = ‖y‖², γ = xᵀy, the rotation
///
///     x′ = c·x − s·y,    y′ = s·x + c·y
///
/// makes x′ᵀy′ = 0 when t = s/c solves t² + 2ζt − 1 = 0 with ζ = (β − α)/(2γ). Of the two roots
/// we take the smaller, t = sign(ζ)/(|ζ| + √(1 + ζ²)), so that the angle is at most π/4: this is
/// what makes the iteration converge (Forsythe–Henrici) and keeps the update well conditioned.
/// Then c = 1/√(1 + t²), s = c·t, and the new squared norms are exactly α − tγ and β + tγ.
///
/// The columns are updated in Rutishauser's form
///
///     x′ = x − s·(y + τ·x),    y′ = y + s·(x − τ·y),    τ = s/(1 + c),
///
/// which is algebraically the same (1 − sτ = c) but adds a small correction to the old value
/// instead of recombining two large terms. It keeps the accumulated rotations V orthonormal to
/// about 1e-15 at n = 500, where the textbook form c·x − s·y drifts to about 1e-13 (measured on
/// this suite's prototype). After the QR preconditioning these rotations become U = Q·Vₓ.
public struct JacobiRotation<Scalar: SVDScalar>: Sendable {
    /// cos θ.
    public let c: Scalar
    /// sin θ.
    public let s: Scalar
    /// tan θ: the squared norms change by ∓t·γ.
    public let t: Scalar
    /// s/(1 + c), the coefficient of Rutishauser's update form.
    public let tau: Scalar

    /// The rotation that orthogonalizes two columns with ‖x‖² = `alpha`, ‖y‖² = `beta` and
    /// xᵀy = `gamma` (which must be non-zero).
    public init(alpha: Scalar, beta: Scalar, gamma: Scalar) {
        let zeta = (beta - alpha) / (2 * gamma)
        // ζ can be huge when γ is tiny against |β − α|, and then ζ² overflows. For |ζ| > 1/√ε,
        // √(1 + ζ²) = |ζ| to working precision and t = 1/(2ζ) (as in LAPACK's dgesvj). This
        // replaces a call of `hypot`, which cost 4% of the sweep.
        // When ζ itself overflows (γ below about 2^−1000·|β − α|, possible once the sweeps work on
        // a matrix scaled up for headroom), t = 1/(2ζ) = γ/(β − α), which is then representable.
        let t = abs(zeta) > 1 / Scalar.ulpOfOne.squareRoot()
            ? (zeta.isFinite ? 1 / (2 * zeta) : gamma / (beta - alpha))
            : (zeta >= 0 ? 1 : -1) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
        self.init(tangent: t)
    }

    /// The rotation with tan θ = `t` (|t| ≤ 1): c = 1/√(1 + t²), s = c·t.
    init(tangent t: Scalar) {
        let c = 1 / (1 + t * t).squareRoot()
        let s = c * t
        self.c = c
        self.s = s
        self.t = t
        self.tau = s / (1 + c)
    }

    /// Applies the rotation to the pair (x, y) in place: x ← c·x − s·y, y ← s·x + c·y.
    @inline(__always)
    public func apply(_ x: UnsafeMutablePointer<Scalar>, _ y: UnsafeMutablePointer<Scalar>, count: Int) {
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
