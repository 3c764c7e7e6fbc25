import Foundation
import SVDCore
import SVDDecomposers
import SVDTestMatrices

/// What adding αI to Hₙ does: to its condition number, and to the solution of Hₙx = b when b
/// carries noise (seed §5: "add a small value to the diagonal to lower the condition number").
///
/// ## The experiment
/// The true solution is x = (1, …, 1). The exact right-hand side is b = Hₙx, and the measured one
/// b̃ = b + δb with a seeded random δb of relative size ‖δb‖/‖b‖ = `noise`. For each α the
/// regularized system (Hₙ + αI)·x_α = b̃ is solved in Double by the SVD of the stored
/// fl(Hₙ) + αI (x_α = V·Σ⁻¹·Uᵀ·b̃), and the error splits into two parts:
///
/// - **bias** ‖x_α(b) − x‖/‖x‖: the solution of the *regularized* problem with *exact* data is not
///   x; it equals −α(Hₙ + αI)⁻¹x away from it and grows with α. For α ≲ ε·κ-level values this
///   column also contains the rounding error of the solve, ≈ ε·κ(Hₙ + αI).
/// - **noise** ‖x_α(b̃) − x_α(b)‖/‖x‖: the data error amplified by (Hₙ + αI)⁻¹, at most
///   ‖δb‖/(λ_min + α), shrinking as α grows.
///
/// The total error ‖x_α(b̃) − x‖/‖x‖ is at most their sum, and is smallest where they cross.
///
/// Beside it, Tikhonov's solution for the same α (task E4.3): x = Σᵢ σᵢ/(σᵢ² + α)·(uᵢᵀb̃)·vᵢ from
/// the SVD of fl(Hₙ), which damps the components with σᵢ ≲ √α instead of those with λᵢ ≲ α.
/// Since Hₙ is symmetric positive definite, κ₂(Hₙ + αI) = (λ_max + α)/(λ_min + α) exactly; it is
/// computed from the accurate eigenvalues (``AccurateCauchySVD``).
public struct RegularizationStudy: Sendable {
    /// One value of α and what it gives.
    public struct Row: Sendable {
        /// The shift α ≥ 0.
        public let alpha: Double
        /// κ₂(Hₙ + αI) = (λ_max + α)/(λ_min + α).
        public let conditionNumber: Double
        /// ‖x_α(b) − x‖/‖x‖ (exact data): bias, plus rounding for tiny α.
        public let bias: Double
        /// ‖x_α(b̃) − x_α(b)‖/‖x‖: the propagated data noise.
        public let noise: Double
        /// ‖x_α(b̃) − x‖/‖x‖.
        public let total: Double
        /// ‖x_T − x‖/‖x‖ for Tikhonov's solution x_T of min ‖fl(Hₙ)·x − b̃‖² + α‖x‖² (task E4.3).
        public let tikhonov: Double
    }

    public let n: Int
    /// ‖δb‖/‖b‖.
    public let noiseLevel: Double
    /// α = 0 first, then the positive values in increasing order.
    public let rows: [Row]

    /// The shifts tried by default: 0 and 10⁻¹⁶, 10⁻¹⁵, …, 10⁰.
    public static let defaultAlphas: [Double] = [0] + (-16...0).map { Foundation.pow(10, Double($0)) }

    /// Runs the experiment on Hₙ with data noise of relative size `noise`, using a seeded
    /// generator so that every run prints the same table.
    ///
    /// The shifted systems are solved through their SVD by `decomposer`; the exact κ₂(Hₙ + αI)
    /// comes from the accurate route (``AccurateCauchySVD``) whatever the decomposer.
    ///
    /// - Throws: `SVDError`, also `.notImplemented` until task E4.3 is done.
    /// - Precondition: n ≥ 2, 0 ≤ noise < 1, every α ≥ 0.
    public init(n: Int, noise: Double, alphas: [Double] = defaultAlphas, seed: UInt64 = 4,
                decomposer: any SingularValueDecomposer = DecomposerRegistry.standard.decomposer) throws(SVDError) {
        precondition(n >= 2, "The regularization study needs n ≥ 2, got \(n)")
        precondition(noise >= 0 && noise < 1, "The noise level must lie in [0, 1), got \(noise)")
        precondition(alphas.allSatisfy { $0 >= 0 && $0.isFinite }, "Every α must be finite and ≥ 0")
        let hilbert = CauchyMatrix.hilbert(n)
        let stored: Matrix<Double> = hilbert.stored()
        let x = [Double](repeating: 1, count: n)
        // bᵢ = Σⱼ 1/(i + j − 1), each term correctly rounded and positive: accurate to n·ε.
        let b = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + hilbert.entry(i, $1, as: Double.self) } }
        var generator = SeededGenerator(seed: seed)
        let direction = (0..<n).map { _ in generator.nextGaussian() }
        let scale = noise * scaledNorm(b) / scaledNorm(direction)
        let noisy = zip(b, direction).map { $0 + scale * $1 }

        let eigenvalues = try AccurateCauchySVD(hilbert).singularValues
        let (largest, smallest) = (eigenvalues.first!, eigenvalues.last!)
        let normX = scaledNorm(x)
        let unshifted = try decomposer.decompose(stored, vectors: .thin)
        var rows: [Row] = []
        for alpha in alphas {
            var shifted = stored
            for i in 0..<n { shifted[i, i] += alpha }
            let svd = try decomposer.decompose(shifted, vectors: .thin)
            // Cutoff 0: invert every singular value, to show what the unregularized solve does.
            let clean = svd.solveLeastSquares(b, cutoff: 0)
            let measured = svd.solveLeastSquares(noisy, cutoff: 0)
            let tikhonov = try RegularizationTasks.tikhonovSolution(unshifted, noisy, alpha: alpha)
            func distance(_ u: [Double], _ v: [Double]) -> Double { scaledNorm(zip(u, v).map { $0 - $1 }) / normX }
            rows.append(Row(alpha: alpha,
                            conditionNumber: (largest + alpha) / (smallest + alpha),
                            bias: distance(clean, x),
                            noise: distance(measured, clean),
                            total: distance(measured, x),
                            tikhonov: distance(tikhonov, x)))
        }
        self.n = n
        self.noiseLevel = noise
        self.rows = rows
    }

    /// The row with the smallest total error.
    public var best: Row { rows.min { $0.total < $1.total }! }
}
