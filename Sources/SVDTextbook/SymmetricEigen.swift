import SVDFoundation

/// Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method.
///
/// Each step chooses an off-diagonal pair (p, q) and applies the rotation J that zeroes s_pq in
/// JᵀSJ; the sum of squares of the off-diagonal entries falls by 2·s²_pq each time, and the
/// diagonal converges to the eigenvalues. The rotation is the same as in `JacobiRotation`, with
/// α = s_pp, β = s_qq, γ = s_pq. The accumulated product of rotations holds the eigenvectors.
///
/// Accuracy: each eigenvalue carries an absolute error of about ε·‖S‖₂ (the method is backward
/// stable). For S = AᵀA that is ε·σ₁², i.e. a small σᵢ = √λᵢ has relative error about ε·(σ₁/σᵢ)²:
/// the reason the normal-equations route to the SVD loses what one-sided Jacobi keeps.
public struct SymmetricEigendecomposition<Scalar: SVDScalar>: Sendable {
    /// λ₁ ≥ λ₂ ≥ … ≥ λ_n.
    public let eigenvalues: [Scalar]
    /// Orthonormal eigenvectors as columns, in the order of `eigenvalues`.
    public let eigenvectors: Matrix<Scalar>
    /// Sweeps and rotations performed.
    public let diagnostics: DecompositionDiagnostics

    /// Diagonalizes the symmetric matrix `s`. Every entry is read and rotated, so `s` must be
    /// symmetric; for AᵀA formed in floating point it is, exactly, because each entry (i, j)
    /// and (j, i) is the same dot product.
    ///
    /// - Parameters:
    ///   - s: S, n×n and symmetric.
    ///   - maxSweeps: the sweep limit; 30 by default.
    /// - Throws: `SVDError` for an empty or non-finite matrix, or when `maxSweeps` sweeps do not
    ///   suffice.
    /// - Complexity: O(sweeps·n³).
    public init(symmetric s: Matrix<Scalar>, maxSweeps: Int = 30) throws(SVDError) {
        precondition(s.rows == s.columns, "A symmetric matrix must be square, got \(s.rows)×\(s.columns)")
        try SVDError.validate(s)
        let n = s.rows
        var a = s
        var v = Matrix<Scalar>.identity(n)
        var rotations = 0
        // Converged when every |s_pq| ≤ ε·√(|s_pp|·|s_qq|) (a relative test, as for one-sided
        // Jacobi) or is negligible against ‖S‖_F.
        let epsilon = Scalar.ulpOfOne
        let normF = s.frobeniusNorm
        var finalSweep = 0
        var largestOffDiagonal: Scalar = 0
        sweeps: for sweep in 1...maxSweeps {
            var rotated = 0
            largestOffDiagonal = 0
            for p in 0..<max(n - 1, 0) {
                for q in (p + 1)..<n {
                    let gamma = a[p, q]
                    let scale = (abs(a[p, p]) * abs(a[q, q])).squareRoot()
                    largestOffDiagonal = max(largestOffDiagonal, abs(gamma) / max(scale, normF * epsilon))
                    if abs(gamma) <= epsilon * scale || abs(gamma) <= epsilon * epsilon * normF { continue }
                    let rotation = JacobiRotation(alpha: a[p, p], beta: a[q, q], gamma: gamma)
                    let (c, sn) = (rotation.c, rotation.s)
                    // S ← JᵀSJ: rotate columns p, q, then rows p, q.
                    for k in 0..<n {
                        let x = a[k, p], y = a[k, q]
                        a[k, p] = c * x - sn * y
                        a[k, q] = sn * x + c * y
                    }
                    for k in 0..<n {
                        let x = a[p, k], y = a[q, k]
                        a[p, k] = c * x - sn * y
                        a[q, k] = sn * x + c * y
                    }
                    a[p, q] = 0
                    a[q, p] = 0
                    rotation.rotateColumns(p, q, of: &v)
                    rotated += 1
                }
            }
            rotations += rotated
            finalSweep = sweep
            if rotated == 0 { break sweeps }
            if sweep == maxSweeps {
                throw .noConvergence(sweeps: maxSweeps, largestCosine: Double(largestOffDiagonal))
            }
        }
        let diagonal = (0..<n).map { a[$0, $0] }
        let order = diagonal.indices.sorted { diagonal[$0] > diagonal[$1] }
        eigenvalues = order.map { diagonal[$0] }
        eigenvectors = v.columns(inOrder: order)
        diagnostics = DecompositionDiagnostics(sweeps: finalSweep, rotations: rotations,
                                               largestRemainingCosine: Double(largestOffDiagonal),
                                               tolerance: Double(epsilon))
    }
}
