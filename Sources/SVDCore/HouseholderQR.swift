import RealModule

/// # Householder QR factorization A = Q·R (m ≥ n)
///
/// ## Purpose
/// Writes a tall matrix as an orthonormal basis of its column space times a small triangle:
/// A = Q·R with Q m×n, QᵀQ = I, and R n×n upper triangular. The randomized SVD uses it twice:
/// to orthonormalize the sample Y = AΩ (the basis Q *is* the answer there), and to shrink the
/// tall n×ℓ matrix Bᵀ to an ℓ×ℓ triangle before the Jacobi iteration.
///
/// ## Algorithm
/// For j = 0, 1, …, n−1, a reflector Hⱼ = I − τⱼ·vⱼvⱼᵀ maps column j below the diagonal,
/// x = A[j..<m, j], onto β·e₁ with β = −sign(x₁)·‖x‖ (the sign that avoids cancellation in
/// x₁ − β), v = (x − βe₁)/(x₁ − β) so that v₁ = 1, and τ = (β − x₁)/β. Hⱼ is applied to the
/// columns to the right, and v is kept in place of the zeros it created (LAPACK's `dgeqr2`).
/// Q = H₀H₁⋯H_{n−1}·[I; 0] is formed by applying the reflectors backwards to the first n
/// columns of the identity (LAPACK's `dorg2r`).
///
/// ## Accuracy
/// Backward stable: the computed R is the exact R of A + ΔA with ‖ΔA‖_F ≤ c·m·n·ε·‖A‖_F, and the
/// computed Q is orthonormal to about m·n·ε whatever the condition of A (Higham, *Accuracy and
/// Stability of Numerical Algorithms*, 2nd ed., Thm 19.4). Gram–Schmidt does not promise the
/// latter: classical Gram–Schmidt loses orthogonality in proportion to κ(A)², which is why the
/// randomized SVD, whose samples are nearly dependent after power iterations, uses reflectors.
///
/// - Complexity: 2mn² − 2n³/3 flops for R, as much again for the explicit Q.
public struct HouseholderQR<Scalar: SVDScalar>: Sendable {
    /// R above the diagonal, the reflector vectors vⱼ (without their leading 1) below it.
    private var packed: Matrix<Scalar>
    /// τⱼ of each reflector; 0 means Hⱼ = I (a column that was already zero below the diagonal).
    private var tau: [Scalar]

    /// Factors `a`, which must have at least as many rows as columns.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public init(_ a: Matrix<Scalar>) {
        precondition(a.rows >= a.columns, "Householder QR needs m ≥ n, got \(a.rows)×\(a.columns)")
        packed = a
        tau = Array(repeating: 0, count: a.columns)
        let m = a.rows, n = a.columns
        packed.elements.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            for j in 0..<n {
                let x = base + j + j * m
                let length = m - j
                let norm = scaledNorm(UnsafeBufferPointer(start: x, count: length))
                if norm == 0 { continue }
                let x1 = x[0]
                let beta = x1 >= 0 ? -norm : norm
                let scale = 1 / (x1 - beta)
                for i in 1..<length { x[i] *= scale }
                x[0] = beta
                let t = (beta - x1) / beta
                tau[j] = t
                for k in (j + 1)..<max(j + 1, n) {
                    applyReflector(v: x, tau: t, to: base + j + k * m, count: length)
                }
            }
        }
    }

    /// The n×n upper triangular factor R. Its diagonal may be negative (the sign convention of
    /// the reflectors); |Rⱼⱼ| is the length of column j orthogonal to the columns before it.
    public var r: Matrix<Scalar> {
        let n = packed.columns
        return Matrix(rows: n, columns: n) { i, j in i <= j ? packed[i, j] : 0 }
    }

    /// The m×n factor Q with orthonormal columns.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func thinQ() -> Matrix<Scalar> {
        let m = packed.rows, n = packed.columns
        var q = Matrix<Scalar>(rows: m, columns: n)
        for j in 0..<n { q[j, j] = 1 }
        packed.elements.withUnsafeBufferPointer { reflectors in
            q.elements.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress!
                var v = [Scalar](repeating: 0, count: m)
                for j in stride(from: n - 1, through: 0, by: -1) where tau[j] != 0 {
                    let length = m - j
                    v[0] = 1
                    for i in 1..<max(1, length) { v[i] = reflectors[j + i + j * m] }
                    v.withUnsafeMutableBufferPointer { vBuffer in
                        for k in j..<n {
                            applyReflector(v: vBuffer.baseAddress!, tau: tau[j], to: base + j + k * m, count: length)
                        }
                    }
                }
            }
        }
        return q
    }
}

/// y ← (I − τ·v·vᵀ)·y with v₁ taken to be 1 (the stored v₁ is ignored: it holds β in the
/// packed factor). The dot product may be reassociated (`Relaxed`) so that it vectorizes; that
/// changes only the order of rounding, not the error bound.
@inline(__always)
private func applyReflector<Scalar: SVDScalar>(v: UnsafeMutablePointer<Scalar>, tau: Scalar,
                                               to y: UnsafeMutablePointer<Scalar>, count: Int) {
    var dot = y[0]
    for i in 1..<max(1, count) { dot = Relaxed.multiplyAdd(v[i], y[i], dot) }
    let factor = tau * dot
    y[0] -= factor
    for i in 1..<max(1, count) { y[i] -= factor * v[i] }
}
