import Foundation
import SVDCore
import SVDDecomposers

/// κ₂(Hₙ), σ_max and σ_min as computed by one ``HilbertMethod``, next to the reference values.
public struct ConditionNumberResult: Sendable {
    public let n: Int
    public let method: HilbertMethod
    /// All singular values, largest first.
    public let singularValues: [Double]
    /// The reference values (mpmath, 120 digits) for this n, when n ≤ ``HilbertReference/largestSize``.
    public let reference: HilbertReference.Entry?

    /// σ_max/σ_min (task E4.1); ∞ if σ_min came out as 0.
    public let conditionNumber: Double
    /// The correct significant digits of κ₂: measured against the reference, and predicted by
    /// the rule of thumb −log₁₀(ε·κ₂) for the method's ε (task E4.2); `nil` without a reference.
    public let digits: (predicted: Double, measured: Double)?

    /// Computes the singular values of Hₙ with `method`, the stored matrices decomposed by
    /// `decomposer`, then κ₂ (task E4.1) and its correct digits (task E4.2).
    public init(n: Int, method: HilbertMethod,
                decomposer: any SingularValueDecomposer = DecomposerRegistry.standard.decomposer) throws(SVDError) {
        self.n = n
        self.method = method
        self.singularValues = try method.singularValues(ofHilbert: n, using: decomposer)
        self.reference = HilbertReference.entry(n)
        self.conditionNumber = try ConditionTasks.conditionNumber(singularValues)
        if let reference {
            digits = try ConditionTasks.correctDigits(computed: conditionNumber, exact: reference.conditionNumber,
                                                      epsilon: method.epsilon)
        } else {
            digits = nil
        }
    }

    public var sigmaMax: Double { singularValues.first ?? 0 }
    public var sigmaMin: Double { singularValues.last ?? 0 }

    /// |κ_computed − κ_exact| / κ_exact, or `nil` without a reference.
    public var relativeError: Double? {
        reference.map { abs(conditionNumber - $0.conditionNumber) / $0.conditionNumber }
    }

    /// The number of correct significant digits of κ₂, −log₁₀(relative error), between 0 and
    /// 16 (the reference itself is a Double, so more cannot be claimed); `nil` without a reference.
    public var correctDigits: Double? { digits?.measured }

    /// The digits the rule of thumb predicts, −log₁₀(ε·κ₂) between 0 and −log₁₀ε; `nil` without
    /// a reference.
    public var predictedDigits: Double? { digits?.predicted }
}
