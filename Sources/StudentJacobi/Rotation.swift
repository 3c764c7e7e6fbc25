import SVDFoundation

/// A plane rotation [c s; −s c] with c² + s² = 1, applied to a pair of columns (x, y) as
/// x ← c·x − s·y, y ← s·x + c·y.
public struct PlaneRotation<Scalar: SVDScalar>: Sendable, Equatable {
    /// cos θ.
    public let c: Scalar
    /// sin θ.
    public let s: Scalar

    public init(c: Scalar, s: Scalar) {
        self.c = c
        self.s = s
    }
}

// TASK C1 (2): the rotation that makes two columns orthogonal
/// The rotation that makes columns x and y orthogonal, given α = ‖x‖², β = ‖y‖² and γ = xᵀy ≠ 0.
///
/// With ζ = (β − α)/(2γ), t = tan θ must solve t² + 2ζt − 1 = 0; take the smaller root,
/// t = sign(ζ)/(|ζ| + √(1 + ζ²)) (sign(0) = +1), so that |θ| ≤ π/4. Then c = 1/√(1 + t²), s = c·t.
/// When |ζ| is so large that ζ² would overflow (|ζ| > 1/√ε is enough), √(1 + ζ²) = |ζ| to working
/// precision and t = 1/(2ζ).
/// - Returns: c and s, with c > 0 and |s| ≤ c.
/// - Throws: `SVDError.notImplemented` until the task is done.
public func jacobiRotation<Scalar: SVDScalar>(alpha: Scalar, beta: Scalar, gamma: Scalar) throws(SVDError)
    -> PlaneRotation<Scalar>
{
    // BEGIN SOLUTION
    let zeta = (beta - alpha) / (2 * gamma)
    let t: Scalar
    if abs(zeta) > 1 / Scalar.ulpOfOne.squareRoot() {
        t = 1 / (2 * zeta)
    } else {
        t = (zeta >= 0 ? 1 : -1) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
    }
    let c = 1 / (1 + t * t).squareRoot()
    return PlaneRotation(c: c, s: c * t)
    // END SOLUTION
}
