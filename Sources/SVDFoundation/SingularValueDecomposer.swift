/// Which singular vectors a decomposition computes.
public enum SingularVectors: Sendable, Equatable {
    /// The thin ("economy") SVD: U is m×p and V is n×p, p = min(m, n). Enough to rebuild A.
    case thin
    /// The full SVD: U is m×m and V is n×n, orthonormal bases of ℝᵐ and ℝⁿ. Needed for the null
    /// space (last n − r columns of V) and the left null space (last m − r columns of U).
    case full
}

/// What an iterative decomposer did: the figures LAPACK's `dgesvj` reports too.
public struct DecompositionDiagnostics: Sendable, Equatable {
    /// Number of sweeps (passes over all column pairs) performed, the last one finding nothing
    /// left to rotate. (`OneSidedJacobi` makes a first pass over blocks of its triangular matrix
    /// before the sweeps, `TriangularFirstPass`; it is not counted here.)
    public var sweeps: Int
    /// Number of plane rotations applied (by `OneSidedJacobi`, its first pass's included).
    public var rotations: Int
    /// The largest |cos ∠(gᵢ, gⱼ)| between two columns of the iterated matrix in the last sweep:
    /// after convergence it is below the tolerance, so it says how orthogonal the normalized
    /// columns are. (`OneSidedJacobi` does not measure again a pair whose columns have not
    /// changed since the previous sweep found it below the tolerance: `PairMemory`.) For
    /// `ReferenceJacobi` those columns are U (V for a wide matrix); for `OneSidedJacobi`, whose
    /// sweeps run on a triangular factor, they become one set of singular vectors or the other
    /// depending on the route (`OneSidedJacobi`, `VectorsBySubstitution.swift`).
    public var largestRemainingCosine: Double
    /// The convergence tolerance the iteration used.
    public var tolerance: Double
    /// True when `OneSidedJacobi` found one set of singular vectors by back substitution instead
    /// of accumulating rotations (`VectorsBySubstitution.swift`); the iterated columns then give
    /// the other set.
    public var vectorsBySubstitution: Bool

    /// Diagnostics as a decomposer reports them.
    ///
    /// - Parameters:
    ///   - sweeps: the number of sweeps run.
    ///   - rotations: the number of plane rotations applied.
    ///   - largestRemainingCosine: the largest |cos ∠(aᵢ, aⱼ)| left between iterated columns.
    ///   - tolerance: the convergence tolerance the iteration used.
    ///   - vectorsBySubstitution: whether one set of singular vectors came from back substitution.
    public init(sweeps: Int, rotations: Int, largestRemainingCosine: Double, tolerance: Double,
                vectorsBySubstitution: Bool = false) {
        self.sweeps = sweeps
        self.rotations = rotations
        self.largestRemainingCosine = largestRemainingCosine
        self.tolerance = tolerance
        self.vectorsBySubstitution = vectorsBySubstitution
    }
}

/// An algorithm that computes singular value decompositions.
///
/// In the package: `OneSidedJacobi` (SVDCore), the fast and accurate one; `ReferenceJacobi`
/// (SVDTextbook), the same method in its plain textbook form; `NormalEquationsSVD`, the route
/// through the eigenvalues of AᵀA, kept for contrast because it loses the small singular values;
/// and the student's `StudentJacobi`. A decomposer written anywhere else conforms the same way.
/// The contract suite (Tests/ContractTests) holds every registered decomposer to every property,
/// and states where one must fail, with the reason.
public protocol SingularValueDecomposer: Sendable {
    /// A short name for reports ("one-sided Jacobi", "eigenvalues of AᵀA").
    var name: String { get }

    /// The singular values of `a` alone, in descending order (no vectors accumulated).
    ///
    /// - Parameter a: A, m×n, non-empty, with finite entries.
    /// - Returns: σ₁ ≥ … ≥ σ_p ≥ 0, p = min(m, n), with the diagnostics of the iteration.
    /// - Throws: ``SVDError/emptyMatrix`` or ``SVDError/nonFiniteEntry(row:column:)`` for a matrix
    ///   no decomposer can take, ``SVDError/noConvergence(sweeps:largestCosine:)`` when an
    ///   iterative method runs out of sweeps.
    func singularValues<Scalar: SVDScalar>(of a: Matrix<Scalar>) throws(SVDError) -> SingularValues<Scalar>

    /// The decomposition A = U·Σ·Vᵀ with the requested singular vectors.
    ///
    /// - Parameters:
    ///   - a: A, m×n, non-empty, with finite entries.
    ///   - vectors: thin (U m×p, V n×p), full (U m×m, V n×n) or none.
    /// - Returns: U, σ₁ ≥ … ≥ σ_p ≥ 0 and V, oriented by the sign convention.
    /// - Throws: ``SVDError/emptyMatrix`` or ``SVDError/nonFiniteEntry(row:column:)`` for a matrix
    ///   no decomposer can take, ``SVDError/noConvergence(sweeps:largestCosine:)`` when an
    ///   iterative method runs out of sweeps.
    func decompose<Scalar: SVDScalar>(_ a: Matrix<Scalar>, vectors: SingularVectors) throws(SVDError)
        -> SingularValueDecomposition<Scalar>
}

extension SingularValueDecomposer {
    /// The thin decomposition A = U·Σ·Vᵀ.
    ///
    /// - Parameter a: A, m×n, non-empty, with finite entries.
    /// - Returns: U (m×p), σ₁ ≥ … ≥ σ_p ≥ 0 and V (n×p), p = min(m, n).
    /// - Throws: what ``decompose(_:vectors:)`` throws.
    @inlinable
    public func decompose<Scalar: SVDScalar>(_ a: Matrix<Scalar>) throws(SVDError) -> SingularValueDecomposition<Scalar> {
        try decompose(a, vectors: .thin)
    }
}
