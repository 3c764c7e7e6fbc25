import ArgumentParser
import Foundation
import LabSupport
import LowRankLayer
import SVDCore

/// Exercise 5: the low-rank linear layer y = (x·A)·B of seed 000 §4.
@main
struct Exercise5: LabCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise5",
        abstract: "Replace a dense weight matrix W by two rank-k factors (randomized SVD) and measure the cost and the gain.",
        discussion: """
            A linear layer y = x·W with W of size n×n holds n² numbers. Its best rank-k \
            replacement (Eckart–Young) is W_k = U_k·Σ_k·V_kᵀ = A·B with A = U_kΣ_k^{1/2} (n×k) and \
            B = Σ_k^{1/2}V_kᵀ (k×n): 2kn numbers (k(2n+1) if σ is stored apart), and y = (x·A)·B \
            costs 2kn multiply-adds instead of n². At n = 4096, k = 100 that is 20× fewer.

            W is built with a stated spectrum: W = U·diag(s)·Vᵀ + N, sᵢ = i^(−α) for i ≤ r, U and V \
            Haar-random, N Gaussian noise whose singular values fill a Marchenko–Pastur bulk up to \
            ν(1+√c) (default ν = s_r/2). Its top singular triplets come from a randomized SVD \
            (Halko–Martinsson–Tropp: Gaussian sketch, q power iterations, Householder QR, one-sided \
            Jacobi on the small factor), which is first checked against the exact SVD on a \
            300×200 matrix.

            For each k the report gives the parameters and memory (Float32), the relative error \
            of y on a batch of Gaussian inputs next to ‖W − AB‖_F/‖W‖_F, and the measured time of \
            y = x·W against y = (x·A)·B, for the batch and for one input (where reading W from \
            memory is the bottleneck). Times depend on the machine and the build: \
            `swift run exercise5` is a debug build, optimized in this package, so release is not \
            much faster. The default size 2048 runs in a few seconds; the seed's 4096 in about \
            10 s: `swift run exercise5 --size 4096`.

            --json prints one object: decomposer, rows, cols, ranks (objects with k, parameters = \
            k(m+n), relativeError, denseSeconds, lowRankSeconds, then seedParameters = k(m+n+1), \
            factorError, denseVectorSeconds, lowRankVectorSeconds), batch, singularValues (at most 50).

            --decomposer chooses the exact SVD the text report checks the randomized one against \
            (the factors themselves always come from the randomized SVD; --json runs no check and \
            names the decomposer it would use).

            Plots (gnuplot; without it only their .gp scripts are written): exercise5-spectrum, \
            exercise5-error-vs-rank and exercise5-speedup-vs-rank in --plots-dir (not with --json). \
            A figure that cannot be written or drawn (a bad --plots-dir, a gnuplot error) is \
            reported after the results as an error, and the exit status is then 1.
            """)

    @Option(help: "n: W is n×n (the seed's layer is 4096).")
    var size: Int = 2048

    @Option(help: "Comma-separated ranks k, each in 1…n.")
    var ranks: String = "10,50,100,200"

    @Option(help: "Inputs per timed batch.")
    var batch: Int = 32

    @Option(help: "r: number of power-law singular values sᵢ = i^(−α), in 1…n (default min(256, n)).")
    var signalRank: Int?

    /// r as given, or its default for the size.
    var resolvedSignalRank: Int { signalRank ?? SyntheticWeights.defaultSignalRank(rows: size, columns: size) }

    @Option(help: "α, the power-law exponent.")
    var decay: Double = 1

    @Option(help: "ν, the noise scale (default s_r/2; 0 for none).")
    var noise: Double?

    @Option(help: "q, power iterations of the randomized SVD.")
    var powerIterations: Int = 2

    @Option(help: "p, extra samples of the randomized SVD (its error bound needs p ≥ 4).")
    var oversampling: Int = 10

    @Option(help: "Seed of every random draw.")
    var seed: UInt64 = 2025

    @Option(help: "Runs per timing (the median is reported).")
    var repeats: Int = 5

    @OptionGroup var output: OutputOptions

    @OptionGroup var decomposer: DecomposerOption

    /// The largest n accepted: W and its copies take about 5·8·n² bytes (2.7 GB at 8192).
    static let largestSize = 8192

    func parsedRanks() throws -> [Int] {
        do { return try RankList.parse(ranks, limit: size) } catch { throw ValidationError("\(error)") }
    }

    func validate() throws {
        guard size >= 2 && size <= Self.largestSize else {
            throw ValidationError("--size must be in 2…\(Self.largestSize), got \(size)")
        }
        _ = try parsedRanks()
        guard batch >= 1 && batch <= 4096 else { throw ValidationError("--batch must be in 1…4096, got \(batch)") }
        if let signalRank {
            do { try SyntheticWeights.checkSignalRank(signalRank, rows: size, columns: size) } catch {
                throw ValidationError(error.description)
            }
        }
        guard decay.isFinite && decay >= 0 else { throw ValidationError("--decay must be a finite number ≥ 0, got \(decay)") }
        if let noise, !(noise.isFinite && noise >= 0) { throw ValidationError("--noise must be a finite number ≥ 0, got \(noise)") }
        guard (0...10).contains(powerIterations) else { throw ValidationError("--power-iterations must be in 0…10, got \(powerIterations)") }
        guard (0...100).contains(oversampling) else { throw ValidationError("--oversampling must be in 0…100, got \(oversampling)") }
        guard (1...100).contains(repeats) else { throw ValidationError("--repeats must be in 1…100, got \(repeats)") }
    }

    func run() throws {
        let weights = SyntheticWeights(rows: size, columns: size, signalRank: resolvedSignalRank, decay: decay,
                                       noise: noise, seed: seed)
        let method = RandomizedSVD(oversampling: oversampling, powerIterations: powerIterations, seed: seed &+ 7)
        let experiment = LayerExperiment(weights: weights, ranks: try parsedRanks(), batch: batch,
                                         randomizedSVD: method, repeats: repeats)
        // In the student version the experiment stops at the first task still a stub (E5.2, the
        // range finder, then E5.1, the factored layer's product): the run says which, and succeeds.
        var pending = PendingTasks()
        guard let result = try pending.attempt({ try experiment.run() }) else {
            let note = pending.note("The low-rank layer (\(size)×\(size))")
            if output.json {
                FileHandle.standardError.write(Data((note + "\n").utf8))
            } else {
                print(note)
            }
            return
        }
        if output.json {
            print(DecomposerOption.tagging(result.json, with: decomposer.selected).rendered())
            return
        }
        let checkWeights = SyntheticWeights(rows: 300, columns: 200, signalRank: min(resolvedSignalRank, 200), decay: decay,
                                            noise: noise, seed: seed &+ 3)
        let check = try RandomizedSVDCheck.run(weights: checkWeights, rank: 20, using: method,
                                               decomposer: decomposer.selected)
        #if DEBUG
        let buildMode = "debug (optimized)"
        #else
        let buildMode = "release"
        #endif
        print(result.report(check: check, buildMode: buildMode))
        try output.writeFigures(result.figures)
    }
}
