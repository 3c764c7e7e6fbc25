import Foundation
import SVDCore
import SVDTextbook

/// Three identities of PCA, each checked numerically on an analysis: what an instructor would
/// ask a student to verify.
///
/// 1. **Two routes to the scores.** X·V_k = U_k·Σ_k, because X·vᵢ = σᵢ·uᵢ.
/// 2. **The covariance route.** The eigenvalues of C = XᵀX/n are σᵢ²/n and its eigenvectors are
///    the vᵢ (up to sign), because XᵀX = V·Σ²·Vᵀ.
/// 3. **Eckart–Young.** X_k = U_k·Σ_k·V_kᵀ is the best rank-k approximation of X and
///    ‖X − X_k‖²_F = Σ_{i>k} σᵢ²: the variance PCA leaves out, Σ_{i>k} σᵢ²/n, is the squared
///    approximation error divided by n.
public struct PCAConsistency: Sendable {
    /// max |(X·V_k − U_k·Σ_k)ᵢⱼ|.
    public let scoresDifference: Double
    /// The eigenvalues λ₁ ≥ … ≥ λ_p of C = XᵀX/n, from the Jacobi eigensolver.
    public let covarianceEigenvalues: [Double]
    /// |λᵢ − σᵢ²/n| for i = 1 … q (q = min(n, p); if n < p the further λᵢ should be ≈ 0).
    public let eigenvalueDifferences: [Double]
    /// The angle in radians between the line through the eigenvector wᵢ and the line through
    /// vᵢ, i = 1 … q (sign-independent).
    public let eigenvectorAngles: [Double]
    /// The smallest distance from σᵢ²/n to another σⱼ²/n: the gap that makes vᵢ well determined.
    /// An eigenvector is perturbed by about (error in C)/gap, so a tiny gap allows a large angle.
    public let varianceGaps: [Double]
    /// Σ_{i>k} σᵢ²/n, from the singular values.
    public let varianceLeftOut: Double
    /// ‖X − X_k‖²_F / n, from the matrices.
    public let squaredApproximationError: Double

    /// Runs the three checks on `analysis`.
    ///
    /// - Throws: `SVDError` if the eigensolver fails (it does not converge only on pathological input).
    public init(_ analysis: PrincipalComponentAnalysis) throws(SVDError) {
        let n = Double(analysis.rows)
        let x = analysis.centered
        let k = analysis.componentCount

        scoresDifference = (analysis.scores - analysis.scoresFromLeftVectors).maxAbsoluteEntry

        let covariance = (1 / n) * x.transposeTimes(x)
        let eigen = try SymmetricEigendecomposition(symmetric: covariance)
        covarianceEigenvalues = eigen.eigenvalues
        let variances = analysis.variances
        let q = variances.count
        eigenvalueDifferences = (0..<q).map { abs(eigen.eigenvalues[$0] - variances[$0]) }
        eigenvectorAngles = (0..<q).map { i in
            lineAngle(eigen.eigenvectors.column(i), analysis.directions.column(i))
        }
        varianceGaps = (0..<q).map { i in
            (0..<q).filter { $0 != i }.map { abs(variances[$0] - variances[i]) }.min() ?? .infinity
        }

        varianceLeftOut = analysis.varianceLeftOut
        let residual = x - analysis.svd.truncated(rank: k).matrix
        let error = residual.frobeniusNorm
        squaredApproximationError = error * error / n
    }
}

/// The angle between the lines spanned by the unit vectors a and b, in [0, π/2].
///
/// Computed as 2·asin(‖a ∓ b‖/2) with the sign that makes the difference shorter, not as
/// acos(|a·b|): near 0, where it matters, acos of a number within ε of 1 cannot resolve angles
/// below √(2ε) ≈ 2·10⁻⁸, while the difference of the vectors resolves them down to ε.
func lineAngle(_ a: [Double], _ b: [Double]) -> Double {
    let minus = scaledNorm(zip(a, b).map { $0 - $1 })
    let plus = scaledNorm(zip(a, b).map { $0 + $1 })
    return 2 * asin(min(min(minus, plus) / 2, 1))
}
