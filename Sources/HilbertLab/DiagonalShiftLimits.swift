import Foundation
import SVDCore
import SVDDecomposers

/// Why "add a small value to the diagonal" (seed 000 §5) is not a general cure, and what is.
///
/// For a symmetric positive definite A, such as Hₙ, A + αI has eigenvalues λᵢ + α, so every
/// singular value moves away from 0 and κ falls. For a general A nothing of the kind holds:
/// Weyl's inequality only gives σ_min(A + αI) ≥ σ_min(A) − α, and the bound is reached. The
/// counterexample (task E4.4) is A = diag(1, −α): σ_min(A) = α, but A + αI = diag(1 + α, 0) is
/// singular.
///
/// The general device is **Tikhonov** (ridge) regularization: minimize ‖Ax − b‖² + α‖x‖², that is
/// solve (AᵀA + αI)·x = Aᵀb, the least-squares problem of the stacked matrix [A; √α·I]. Its
/// singular values are √(σᵢ² + α) ≥ √α for every A, and its solution replaces each 1/σᵢ of
/// A⁺b by the filter factor σᵢ/(σᵢ² + α), which is at most 1/(2√α).
public struct DiagonalShiftLimits: Sendable {
    /// The shift α.
    public let alpha: Double
    /// The counterexample A of task E4.4 (diag(1, −α) in the instructor's solution).
    public let matrix: Matrix<Double>
    /// σ_min(A).
    public let smallestBefore: Double
    /// σ_min(A + αI): 0 when the shift made A singular.
    public let smallestAfterShift: Double
    /// σ_min([A; √α·I]) = √(σ_min(A)² + α): Tikhonov's stacked matrix.
    public let smallestTikhonov: Double

    /// The Tikhonov filter factor σ/(σ² + α): what replaces 1/σ in the regularized solution.
    public static func filterFactor(_ sigma: Double, alpha: Double) -> Double {
        sigma / (sigma * sigma + alpha)
    }

    /// - Parameters:
    ///   - alpha: the shift α, with 0 < α < 1.
    ///   - decomposer: the SVD that measures the three smallest singular values.
    /// - Throws: `SVDError`, also `.notImplemented` until task E4.4 is done.
    public init(alpha: Double = 1e-3,
                decomposer: any SingularValueDecomposer = DecomposerRegistry.standard.decomposer) throws(SVDError) {
        precondition(alpha > 0 && alpha < 1, "α must lie in (0, 1), got \(alpha)")
        self.alpha = alpha
        let a = try RegularizationTasks.shiftCounterexample(alpha: alpha)
        precondition(a.rows == a.columns && a.rows > 0, "the counterexample must be a square matrix")
        let n = a.rows
        var shifted = a
        for i in 0..<n { shifted[i, i] += alpha }
        let root = alpha.squareRoot()
        let stacked = Matrix<Double>(rows: 2 * n, columns: n) { i, j in i < n ? a[i, j] : (i - n == j ? root : 0) }
        matrix = a
        smallestBefore = try decomposer.singularValues(of: a).singularValues.last ?? 0
        smallestAfterShift = try decomposer.singularValues(of: shifted).singularValues.last ?? 0
        smallestTikhonov = try decomposer.singularValues(of: stacked).singularValues.last ?? 0
    }
}
