import Foundation
import SVDCore
import SVDDecomposers

/// How many digits least squares loses as κ grows, for the SVD and for the normal equations, at a
/// small and at a large residual: the overdetermined regime solved again for κ = 1 … 10¹².
///
/// What it shows (Golub–Wedin; Higham, *Accuracy and Stability*, §20.1): the SVD's error follows
/// ε·κ + ε·κ²·‖r‖/(‖A‖‖x‖), the normal equations' ε·κ². With ‖r‖ = 10⁻⁶ the SVD keeps about
/// twice the digits of the normal equations up to κ ≈ 10⁶ and then bends towards them; with
/// ‖r‖ = 1 the κ² term rules both from the start. Digits lost are −log₁₀ of the error over ε:
/// Double holds about 16, and a method that has lost them all has no correct digit left.
public struct DigitsLostStudy: Sendable {
    /// One problem: its κ and the digits each method lost.
    public struct Point: Sendable {
        public let conditionNumber: Double
        public let svdDigitsLost: Double
        /// `nil` when Cholesky failed (AᵀA not positive definite in floating point).
        public let normalEquationsDigitsLost: Double?
        /// log₁₀ of the backward-stable bound over ε.
        public let boundDigitsLost: Double
    }

    /// ‖r_true‖ of every problem in the study.
    public let residualSize: Double
    public let points: [Point]

    /// The condition numbers of the study: 10^0, 10^0.5, …, 10^12.
    public static let conditionNumbers: [Double] = (0...24).map { pow(10, Double($0) / 2) }

    /// Digits lost by an error: log₁₀(error/ε), between 0 and log₁₀(1/ε) ≈ 15.7 (a relative error
    /// above 1 has no correct digit).
    public static func digitsLost(relativeError error: Double) -> Double {
        let epsilon = Double.ulpOfOne
        guard error > epsilon else { return 0 }
        return log10(min(error, 1) / epsilon)
    }

    /// - Parameters:
    ///   - residualSize: ‖r_true‖ of every problem (‖A‖₂ = 1).
    ///   - decomposer: the SVD whose solutions are graded.
    public init(residualSize: Double,
                decomposer: any SingularValueDecomposer = DecomposerRegistry.standard.decomposer) throws {
        self.residualSize = residualSize
        points = try Self.conditionNumbers.map { kappa in
            let problem = try OverdeterminedRegime(conditionNumber: kappa, residualSize: residualSize,
                                                   decomposer: decomposer)
            return Point(
                conditionNumber: kappa,
                svdDigitsLost: Self.digitsLost(relativeError: problem.relativeError(problem.pseudoinverseSolution)),
                normalEquationsDigitsLost: problem.normalEquationsSolution.map {
                    Self.digitsLost(relativeError: problem.relativeError($0))
                },
                boundDigitsLost: Self.digitsLost(relativeError: problem.backwardStableErrorBound))
        }
    }
}
