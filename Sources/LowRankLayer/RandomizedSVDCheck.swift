import SVDCore
import SVDDecomposers

/// The randomized SVD checked against the exact one (by the chosen decomposer, one-sided Jacobi
/// unless `--decomposer` names another) on a matrix small enough for the latter: the same spectrum model as the exercise, at 300×200 by default.
///
/// What is compared, and what theory promises (see `RandomizedSVD`):
/// - singular values: σ̂ᵢ ≤ σᵢ and |σ̂ᵢ − σᵢ| ≤ ‖A − PA‖₂;
/// - the 2-norm error of the rank-k result, ‖A − Â_k‖₂ (from the exact singular values of the
///   difference), against σ_{k+1} and the bound (1 + C)·σ_{k+1}, C from HMT eq. (1.10);
/// - the Frobenius error against the Eckart–Young optimum √(Σ_{i>k} σᵢ²).
public struct RandomizedSVDCheck: Sendable {
    public var rows: Int
    public var columns: Int
    public var rank: Int
    /// The exact σ₁ … σ_p.
    public var exactSingularValues: [Double]
    /// σ̂₁ … σ̂_k.
    public var randomizedSingularValues: [Double]
    /// ‖A − Â_k‖₂.
    public var spectralError: Double
    /// ‖A − Â_k‖_F.
    public var frobeniusError: Double
    /// C in ‖A − PA‖₂ ≤ C·σ_{k+1}, so that ‖A − Â_k‖₂ ≤ (1 + C)·σ_{k+1}.
    public var boundFactor: Double
    /// 6·p^{−p} (1 when p < 4, where the bound says nothing).
    public var failureProbability: Double
    /// p, the oversampling of the randomized SVD.
    public var oversampling: Int
    /// The decomposer of the exact SVD.
    public var decomposer: NamedDecomposer

    /// Whether HMT's probabilistic bound applies: eq. (1.10) (from Theorem 10.8) needs p ≥ 4.
    public var probabilisticBoundApplies: Bool { oversampling >= 4 }

    /// σ_{k+1}: the Eckart–Young 2-norm error.
    public var optimalSpectralError: Double { exactSingularValues[rank] }
    /// √(Σ_{i>k} σᵢ²): the Eckart–Young Frobenius error.
    public var optimalFrobeniusError: Double { scaledNorm(exactSingularValues[rank...]) }
    /// max_{i≤k} |σ̂ᵢ − σᵢ| / σ₁.
    public var largestSingularValueError: Double {
        zip(randomizedSingularValues, exactSingularValues).map { abs($0 - $1) }.max()! / exactSingularValues[0]
    }
    /// Whether every σ̂ᵢ ≤ σᵢ, allowing for rounding (a few ε·σ₁).
    public var singularValuesInterlace: Bool {
        let slack = 100 * Double.ulpOfOne * exactSingularValues[0]
        return zip(randomizedSingularValues, exactSingularValues).allSatisfy { $0 <= $1 + slack }
    }

    /// Runs the comparison on `SyntheticWeights(rows:columns:…)` with the given randomized SVD
    /// (its range from `RangeFinder`, task E5.2), the exact one by `decomposer`.
    public static func run(weights: SyntheticWeights, rank k: Int, using method: RandomizedSVD,
                           decomposer: NamedDecomposer = DecomposerRegistry.standard) throws -> RandomizedSVDCheck {
        let a = weights.matrix()
        let exact = try decomposer.decomposer.singularValues(of: a)
        let approximation = try RangeFinder.randomizedSVD(a, rank: k, using: method)
        let difference = a - approximation.matrix()
        let differenceValues = try decomposer.decomposer.singularValues(of: difference)
        return RandomizedSVDCheck(
            rows: a.rows, columns: a.columns, rank: k,
            exactSingularValues: exact.singularValues,
            randomizedSingularValues: approximation.singularValues,
            spectralError: differenceValues.norm2, frobeniusError: difference.frobeniusNorm,
            boundFactor: method.spectralErrorBoundFactor(rank: k, rows: a.rows, columns: a.columns),
            failureProbability: method.failureProbabilityBound, oversampling: method.oversampling,
            decomposer: decomposer)
    }
}
