import SVDFoundation

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
///
/// `SymmetricEigendecomposition` rotates with `rotateColumns(_:_:of:)` below; `OneSidedJacobi`
/// applies the same arithmetic to raw columns in explicit SIMD (`RotationKernels.swift` in
/// SVDCore), fused with the dot product its sweep needs next.
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
    ///
    /// - Parameters:
    ///   - alpha: α = ‖x‖².
    ///   - beta: β = ‖y‖².
    ///   - gamma: γ = xᵀy ≠ 0.
    @inlinable
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
    ///
    /// - Parameter t: tan θ, |t| ≤ 1.
    @inlinable
    public init(tangent t: Scalar) {
        let c = 1 / (1 + t * t).squareRoot()
        let s = c * t
        self.c = c
        self.s = s
        self.t = t
        self.tau = s / (1 + c)
    }

    /// Rotates columns p and q of `matrix` in place: x ← x − s·(y + τ·x), y ← y + s·(x − τ·y),
    /// which is x ← c·x − s·y, y ← s·x + c·y in Rutishauser's form.
    ///
    /// - Parameters:
    ///   - p: the column x.
    ///   - q: the column y (q ≠ p).
    ///   - matrix: the matrix whose columns are rotated.
    /// - Complexity: O(m) for m rows.
    @inlinable
    public func rotateColumns(_ p: Int, _ q: Int, of matrix: inout Matrix<Scalar>) {
        for i in 0..<matrix.rows {
            let x = matrix[i, p], y = matrix[i, q]
            matrix[i, p] = x - s * (y + tau * x)
            matrix[i, q] = y + s * (x - tau * y)
        }
    }
}
