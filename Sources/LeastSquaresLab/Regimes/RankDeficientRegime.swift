import Foundation
import SVDCore
import SVDDecomposers
import SVDTestMatrices

/// A matrix that is rank-deficient up to noise: A = A₀ + E with rank(A₀) = r < n and a
/// perturbation E of relative size η (measurement or rounding error). A has n nonzero singular
/// values, but σ_{r+1}, …, σₙ ≈ η·‖A‖ carry no information about A₀.
///
/// A⁺b with every σᵢ inverted adds components (uᵢᵀb/σᵢ)·vᵢ of size ‖b‖/(η‖A‖) along those
/// meaningless directions: the solution explodes while the residual hardly improves. A cut-off
/// τ that treats σᵢ ≤ τ as zero (truncated SVD) removes them and recovers the minimum-norm
/// solution of the noise-free problem to about η·κ_r, κ_r = σ₁/σ_r. The default cut-off
/// σ₁·max(m,n)·ε only removes rounding-level values; noise above it needs a τ chosen from the
/// noise level, at the visible gap in the spectrum.
public struct RankDeficientRegime: Sendable {
    public let rows: Int
    public let columns: Int
    /// rank(A₀).
    public let trueRank: Int
    /// η, the relative size of E.
    public let noiseLevel: Double
    /// σ₁ ≥ … ≥ σₙ of A.
    public let singularValues: [Double]
    /// The minimum-norm least-squares solution of the noise-free problem, A₀⁺b.
    public let noiseFreeSolution: [Double]
    /// One row per cut-off tried.
    public let cutoffs: [Cutoff]
    /// The same for cut-offs from σₙ/10 to 10·σ₁, ten per decade, for the figure of ‖x‖, ‖Ax − b‖
    /// and the error against τ.
    public let cutoffSweep: [Cutoff]

    /// The solution for one cut-off τ.
    public struct Cutoff: Sendable {
        /// How τ was chosen ("none (τ = 0)", "default σ₁·max(m,n)·ε", …).
        public let label: String
        public let tau: Double
        /// Singular values kept (σᵢ > τ).
        public let rank: Int
        public let solutionNorm: Double
        public let residualNorm: Double
        /// ‖x − A₀⁺b‖ / ‖A₀⁺b‖.
        public let errorFromNoiseFree: Double
    }

    public init(rows m: Int = 8, columns n: Int = 5, rank r: Int = 3, noise eta: Double = 1e-10,
                seed: UInt64 = 5,
                decomposer: any SingularValueDecomposer = DecomposerRegistry.standard.decomposer) throws {
        precondition(r < n && n <= m)
        var generator = SeededGenerator(seed: seed)
        let a0: Matrix<Double> = TestMatrices.lowRank(rows: m, columns: n, rank: r, using: &generator)
        let e: Matrix<Double> = TestMatrices.gaussian(rows: m, columns: n, using: &generator)
        let a = a0 + (eta * a0.frobeniusNorm / e.frobeniusNorm) * e
        let b = (0..<m).map { _ in generator.nextGaussian() }

        let clean = try decomposer.decompose(a0, vectors: .thin)
        let xClean = clean.solveLeastSquares(b)
        let svd = try decomposer.decompose(a, vectors: .thin)
        let sigma = svd.singularValues

        rows = m
        columns = n
        trueRank = r
        noiseLevel = eta
        singularValues = sigma
        noiseFreeSolution = xClean
        let choices: [(String, Double)] = [
            ("none (τ = 0)", 0),
            ("default σ₁·max(m,n)·ε", svd.defaultRankTolerance),
            ("at the gap, τ = √η·σ₁", eta.squareRoot() * sigma[0]),
        ]
        func solve(_ label: String, _ tau: Double) throws -> Cutoff {
            let x = try PseudoinverseTasks.leastSquaresSolution(svd, b, cutoff: tau)
            let residual = zip(b, a * x).map { $0 - $1 }
            return Cutoff(label: label, tau: tau, rank: svd.rank(tolerance: tau),
                          solutionNorm: scaledNorm(x), residualNorm: scaledNorm(residual),
                          errorFromNoiseFree: scaledNorm(zip(x, xClean).map { $0 - $1 }) / scaledNorm(xClean))
        }
        cutoffs = try choices.map(solve)
        // From a decade below the smallest σ (at least ε·σ₁/10: a route such as the normal
        // equations can return σ = 0) to a decade above σ₁.
        if let largest = sigma.first, largest > 0 {
            let smallest = max(sigma.last(where: { $0 > 0 }) ?? largest, largest * Double.ulpOfOne)
            let low = log10(smallest / 10), high = log10(10 * largest)
            let steps = Int(((high - low) * 10).rounded(.up))
            cutoffSweep = try (0...steps).map { step in
                try solve("sweep", pow(10, low + (high - low) * Double(step) / Double(steps)))
            }
        } else {
            cutoffSweep = []
        }
    }
}
