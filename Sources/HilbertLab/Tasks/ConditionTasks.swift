import Foundation
import SVDCore

/// Exercise 4's first tasks: the condition number from the singular values, and how many of its
/// digits a precision can be expected to keep against how many it kept
/// (Guides/Exercise4-Hilbert.md, "Your tasks"). Every row of the exercise's table calls both.
public enum ConditionTasks {
    // TASK E4.1 (2): κ₂ = σ_max/σ_min from the singular values
    /// κ₂(A) = σ₁/σ_p, the ratio of the largest to the smallest singular value: one correctly
    /// rounded division, +∞ when σ_p = 0 (a singular matrix; also when σ₁/σ_p overflows).
    /// - Parameter sigma: σ₁ ≥ … ≥ σ_p ≥ 0, at least one value.
    /// - Returns: κ₂ ≥ 1 (1 for p = 1 or for equal σ).
    public static func conditionNumber(_ sigma: [Double]) throws(SVDError) -> Double {
        // BEGIN SOLUTION
        guard let largest = sigma.first, let smallest = sigma.last else { return .nan }
        return smallest == 0 ? .infinity : largest / smallest
        // END SOLUTION
    }

    // TASK E4.2 (2): predicted against measured correct digits
    /// The correct significant digits of a computed κ, measured and predicted.
    ///
    /// - measured: −log₁₀(|κ_computed − κ_exact|/κ_exact), clamped to [0, 16] (the exact value
    ///   is itself a Double, so more than 16 cannot be claimed; an error ≥ 1, an infinite or NaN
    ///   κ_computed keep 0 digits; no error at all counts 16).
    /// - predicted: the rule of thumb "a backward-stable SVD loses log₁₀κ of the −log₁₀ε digits
    ///   of the arithmetic": −log₁₀(ε·κ_exact), clamped to [0, −log₁₀ε] (≈ 16 − log₁₀κ in
    ///   Double, ≈ 7 − log₁₀κ in Float).
    /// - Parameters:
    ///   - computed: κ as computed (may be +∞ or NaN).
    ///   - exact: the exact κ ≥ 1.
    ///   - epsilon: ε = 2^{1−p} of the arithmetic the matrix was stored and decomposed in.
    public static func correctDigits(computed: Double, exact: Double,
                                     epsilon: Double) throws(SVDError) -> (predicted: Double, measured: Double) {
        // BEGIN SOLUTION
        // Written so as never to return −0: a number of digits prints as "0.0", not "-0.0".
        func clamped(_ digits: Double, _ most: Double) -> Double { digits > 0 ? min(most, digits) : 0 }
        let error = abs(computed - exact) / exact
        let measured = error == 0 ? 16 : (error.isFinite ? clamped(-Foundation.log10(error), 16) : 0)
        let predicted = clamped(-Foundation.log10(epsilon * exact), -Foundation.log10(epsilon))
        return (predicted, measured)
        // END SOLUTION
    }
}
