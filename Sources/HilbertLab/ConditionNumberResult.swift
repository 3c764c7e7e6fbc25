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

    /// Computes the singular values of Hₙ with `method`, the stored matrices decomposed by
    /// `decomposer`.
    public init(n: Int, method: HilbertMethod,
                decomposer: any SingularValueDecomposer = DecomposerRegistry.standard.decomposer) throws(SVDError) {
        self.n = n
        self.method = method
        self.singularValues = try method.singularValues(ofHilbert: n, using: decomposer)
        self.reference = HilbertReference.entry(n)
    }

    public var sigmaMax: Double { singularValues.first ?? 0 }
    public var sigmaMin: Double { singularValues.last ?? 0 }
    /// σ_max/σ_min; ∞ if σ_min came out as 0.
    public var conditionNumber: Double { sigmaMin == 0 ? .infinity : sigmaMax / sigmaMin }

    /// |κ_computed − κ_exact| / κ_exact, or `nil` without a reference.
    public var relativeError: Double? {
        reference.map { abs(conditionNumber - $0.conditionNumber) / $0.conditionNumber }
    }

    /// The number of correct significant digits of κ₂, −log₁₀(relative error), between 0 and
    /// 16 (the reference itself is a Double, so more cannot be claimed); `nil` without a reference.
    public var correctDigits: Double? {
        relativeError.map { Self.digits(relativeError: $0) }
    }

    /// −log₁₀(e) clamped to [0, 16].
    public static func digits(relativeError e: Double) -> Double {
        guard e.isFinite else { return 0 }
        guard e > 0 else { return 16 }
        let digits = -Foundation.log10(e)
        return digits > 0 ? min(16, digits) : 0  // written so as never to return −0
    }
}
