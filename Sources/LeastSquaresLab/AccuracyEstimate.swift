import Foundation

/// How many digits of a fit to expect when there is no certified answer to compare with: a
/// forward error bound from the condition number, the residual and the arithmetic of the
/// refinement, stated for the exact least-squares solution of the data as written.
///
/// ## The bounds (normwise, relative, in the scaled coordinates y = D⁻¹β the solver works in)
/// For a rank-deficient fit, whose answer is the minimum-norm A⁺b of the unscaled X, the same
/// bound with D = I and κ = σ₁/σᵣ, σᵣ the smallest singular value above the cut-off (assuming a
/// clear gap below it).
/// - **The SVD alone** is backward stable, so its solution has a relative error of about
///   η_SVD = ε·(κ + κ²·‖r‖/(σ₁·‖y‖)) (Golub–Wedin; Higham, *Accuracy and Stability*, §20.1), with
///   κ = κ₂(X·D), σ₁ = ‖X·D‖₂, r the residual and ε = 2⁻⁵³.
/// - **Refinement** with residuals in an arithmetic of unit roundoff u converges while κ·ε < 1 and
///   stops where the computed residuals stop being exact: f = b − r − X·D·y carries an error of
///   about u·(‖b‖ + ‖r‖ + σ₁‖y‖), which the correction multiplies by 1/σₙ, and g = −(X·D)ᵀr one
///   of about u·σ₁‖r‖, which it multiplies by 1/σₙ². So
///   η_ref = max(ε, u·(κ·(1 + (‖b‖ + ‖r‖)/(σ₁‖y‖)) + κ²·‖r‖/(σ₁‖y‖)), c·κε), the last term the
///   step the refinement did not take after its last correction c (relative to ‖y‖). With Double
///   residuals (u = ε) this is the SVD's own bound: refinement in the working precision cannot
///   remove the κ² term; with double-double it is ε, the rounding of the answer to Double.
/// - **Per coefficient**: a normwise error η·‖y‖ is a relative error η·‖y‖/|yⱼ| in coefficient j,
///   so a coefficient 10ᵏ times smaller than ‖y‖ (in the scaled coordinates) has k digits fewer.
///
/// Digits are −log₁₀ of the relative error, between 0 and 15 (as NIST's LRE). These are estimates
/// up to modest constants (powers of m and n), not guarantees; the test suite checks them against
/// the LREs of NIST's eleven certified problems.
public struct AccuracyEstimate: Sendable {
    /// η_SVD: the expected normwise relative error of the SVD solution without refinement.
    public let svdError: Double
    /// η_ref: the same after refinement, or `nil` when the fit was not refined (rank-deficient,
    /// or fewer observations than parameters).
    public let refinedError: Double?
    /// The expected correct significant digits of each reported coefficient.
    public let coefficientDigits: [Double]

    public init(_ fit: LeastSquaresFit) {
        let epsilon = Double.ulpOfOne / 2
        let n = fit.coefficients.count, m = fit.degreesOfFreedom + n
        // Without full rank the reported answer is A⁺b of the unscaled X (see RefinedLeastSquares),
        // and κ is that of the part of X above the cut-off: σ₁/σᵣ.
        let deficient = fit.rank < n
        let sigma = deficient ? fit.designSingularValues : fit.scaledSingularValues
        let sigma1 = sigma.first ?? 0
        let kept = sigma.filter { $0 > sigma1 * Double(max(m, n)) * Double.ulpOfOne }
        let kappa = deficient ? (kept.last.map { sigma1 / $0 } ?? .infinity) : fit.scaledConditionNumber
        // y = D⁻¹β: coefficient j times 2^eⱼ (no scaling for a rank-deficient fit).
        let exponents = deficient ? Array(repeating: 0, count: n) : fit.columnScaleExponents
        let y = zip(fit.coefficients, exponents).map { $0 * Double(sign: .plus, exponent: $1, significand: 1) }
        let yNorm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let residualNorm = max(fit.residualSumOfSquares, 0).squareRoot()
        let bNorm = fit.responseNorm
        let scale = sigma1 * yNorm
        svdError = scale > 0 && kappa.isFinite ? epsilon * (kappa + kappa * kappa * residualNorm / scale) : .infinity
        if fit.refinementCorrections.isEmpty || !(kappa * epsilon < 1) || scale == 0 {
            refinedError = nil
        } else {
            let limit = fit.residualUnitRoundoff
                * (kappa * (1 + (bNorm + residualNorm) / scale) + kappa * kappa * residualNorm / scale)
            let step = (fit.refinementCorrections.last ?? 0) * kappa * epsilon
            refinedError = max(epsilon, limit, step)
        }
        let error = refinedError ?? svdError
        coefficientDigits = y.map { yj in
            guard yj != 0, error.isFinite else { return 0 }
            return Self.digits(error * yNorm / abs(yj))
        }
    }

    /// −log₁₀ of a relative error, between 0 and 15.
    public static func digits(_ relativeError: Double) -> Double {
        guard relativeError > 0 else { return 15 }
        return min(15, max(0, -log10(relativeError)))
    }
}
