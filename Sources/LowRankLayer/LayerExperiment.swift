import Foundation
import LabSupport
import SVDCore
import SVDTestMatrices

/// Exercise 5: replace a dense m×n weight matrix by two rank-k factors and measure what it costs
/// (accuracy) and what it saves (parameters, memory, time).
///
/// Steps: build W (`SyntheticWeights`, Double); compute its top k_max singular triplets with
/// the randomized SVD, its range found by `RangeFinder` (task E5.2); for each k form the
/// factored layer (applied by task E5.1); evaluate both layers in Float32 — the
/// precision a GPU would store them in — on a batch of Gaussian inputs, timing y = x·W against
/// y = (x·A)·B for the batch and for a single input.
public struct LayerExperiment: Sendable {
    public var weights: SyntheticWeights
    /// The ranks k to try, ascending, each in 1…min(m, n).
    public var ranks: [Int]
    /// b, the number of inputs in the timed batch.
    public var batch: Int
    /// The randomized SVD's parameters (oversampling p, power iterations q, seed).
    public var randomizedSVD: RandomizedSVD
    /// How many times each product is timed (the median is reported).
    public var repeats: Int

    public init(weights: SyntheticWeights, ranks: [Int], batch: Int = 32,
                randomizedSVD: RandomizedSVD = RandomizedSVD(), repeats: Int = 5) {
        precondition(!ranks.isEmpty, "At least one rank is needed")
        precondition(ranks.allSatisfy { $0 >= 1 && $0 <= min(weights.rows, weights.columns) },
                     "Every rank must lie in 1…min(m, n)")
        precondition(batch >= 1 && repeats >= 1, "batch and repeats must be positive")
        self.weights = weights
        self.ranks = ranks.sorted()
        self.batch = batch
        self.randomizedSVD = randomizedSVD
        self.repeats = repeats
    }

    /// Runs the experiment (a few seconds at 2048×2048; see the exercise's help for sizes).
    /// - Throws: also `TaskNotImplemented` while task E5.1 or E5.2 is a stub (the student version).
    public func run() throws -> LayerExperimentResult {
        let m = weights.rows, n = weights.columns
        // One run each: building W and its SVD are timed, not benchmarked.
        let (buildSeconds, w) = Timing.median(repeats: 1) { weights.matrix() }
        let (svdSeconds, decomposition) = try Timing.median(repeats: 1) {
            try RangeFinder.randomizedSVD(w, rank: ranks.last!, using: randomizedSVD)
        }
        let sigma = decomposition.allSingularValues
        let frobeniusSquared = squaredFrobeniusNorm(w)

        var generator = SeededGenerator(seed: weights.seed &+ 1)
        let inputs: Matrix<Float> = TestMatrices.gaussian(rows: batch, columns: m, using: &generator)
        let singleInput = Matrix(rows: 1, columns: m, columnMajor: Array(inputs.row(0)))
        let dense = DenseLayer(weights: w.converted(to: Float.self))
        let (denseSeconds, denseOutputs) = Timing.median(repeats: repeats) { dense.apply(inputs) }
        let (denseVectorSeconds, _) = Timing.median(repeats: 3 * repeats) { dense.apply(singleInput) }

        var results: [RankResult] = []
        for k in ranks {
            let layer = FactoredLayer(u: decomposition.allU.leadingColumns(k).converted(to: Float.self),
                                      singularValues: sigma.prefix(k).map { Float($0) },
                                      v: decomposition.allV.leadingColumns(k).converted(to: Float.self))
            let (lowRankSeconds, outputs) = try Timing.median(repeats: repeats) { try layer.apply(inputs) }
            let (lowRankVectorSeconds, _) = try Timing.median(repeats: 3 * repeats) { try layer.apply(singleInput) }
            // ‖W − Ŵ_k‖_F² = ‖W‖_F² − Σ_{i≤k} σ̂ᵢ² exactly, Ŵ_k being a projection of W (Pythagoras).
            let captured = sigma.prefix(k).reduce(0) { $0 + $1 * $1 }
            let factorError = (max(0, frobeniusSquared - captured) / frobeniusSquared).squareRoot()
            results.append(RankResult(
                k: k, parameters: layer.parameterCount, seedParameters: layer.storedValuesWithSingularValues,
                denseParameters: m * n,
                relativeError: relativeDifference(outputs, denseOutputs),
                factorError: factorError,
                denseSeconds: denseSeconds, lowRankSeconds: lowRankSeconds,
                denseVectorSeconds: denseVectorSeconds, lowRankVectorSeconds: lowRankVectorSeconds))
        }
        return LayerExperimentResult(
            weights: weights, batch: batch, randomizedSVD: randomizedSVD, repeats: repeats,
            singularValues: sigma, frobeniusNorm: frobeniusSquared.squareRoot(),
            buildSeconds: buildSeconds, svdSeconds: svdSeconds, ranks: results)
    }
}

/// The figures measured for one rank k.
public struct RankResult: Sendable, Equatable {
    public var k: Int
    /// k·(m + n): the two factors.
    public var parameters: Int
    /// k·(m + n + 1): U_k, σ, V_k stored separately (the compression formula).
    public var seedParameters: Int
    /// m·n.
    public var denseParameters: Int
    /// ‖Y − Ŷ‖_F / ‖Y‖_F over the batch, both layers evaluated in Float32.
    public var relativeError: Double
    /// ‖W − A·B‖_F / ‖W‖_F (Double): the expected value of the above for Gaussian inputs, since
    /// E‖x·E‖² = ‖E‖_F² when x has independent standard normal entries.
    public var factorError: Double
    /// Median time of Y = X·W for the batch.
    public var denseSeconds: Double
    /// Median time of Y = (X·A)·B for the batch.
    public var lowRankSeconds: Double
    /// The same two for a single input (matrix–vector products).
    public var denseVectorSeconds: Double
    public var lowRankVectorSeconds: Double

    /// m·n / (k·(m + n)).
    public var parameterRatio: Double { Double(denseParameters) / Double(parameters) }
    /// The memory of the factors in MB (10⁶ bytes) at 4 bytes per Float32.
    public var megabytes: Double { Double(parameters) * 4 / 1e6 }
    public var speedUp: Double { denseSeconds / lowRankSeconds }
    public var vectorSpeedUp: Double { denseVectorSeconds / lowRankVectorSeconds }
}

/// Everything the exercise reports.
public struct LayerExperimentResult: Sendable {
    public var weights: SyntheticWeights
    public var batch: Int
    public var randomizedSVD: RandomizedSVD
    public var repeats: Int
    /// The ℓ = k_max + p singular values of P·W from the randomized SVD (σ̂ᵢ ≤ σᵢ).
    public var singularValues: [Double]
    /// ‖W‖_F, computed from the entries.
    public var frobeniusNorm: Double
    public var buildSeconds: Double
    public var svdSeconds: Double
    public var ranks: [RankResult]

    public var rows: Int { weights.rows }
    public var columns: Int { weights.columns }
}

/// ‖A‖_F² summed in Double.
func squaredFrobeniusNorm(_ a: Matrix<Double>) -> Double {
    a.elements.withUnsafeBufferPointer { entries in
        var sum = 0.0
        for value in entries { sum += value * value }
        return sum
    }
}

/// ‖A − B‖_F / ‖B‖_F, accumulated in Double.
func relativeDifference(_ a: Matrix<Float>, _ b: Matrix<Float>) -> Double {
    var difference = 0.0, reference = 0.0
    for index in a.elements.indices {
        let d = Double(a.elements[index]) - Double(b.elements[index])
        difference += d * d
        reference += Double(b.elements[index]) * Double(b.elements[index])
    }
    return (difference / reference).squareRoot()
}
