/// A singular value decomposition A = U·Σ·Vᵀ of an m×n matrix.
///
/// - `u`: the left singular vectors u₁, u₂, … as columns (m×p thin, m×m full), orthonormal.
/// - `singularValues`: σ₁ ≥ σ₂ ≥ … ≥ σ_p ≥ 0, p = min(m, n): the diagonal of Σ.
/// - `v`: the right singular vectors v₁, v₂, … as columns (n×p thin, n×n full), orthonormal.
///
/// Column by column, A·vᵢ = σᵢ·uᵢ and Aᵀ·uᵢ = σᵢ·vᵢ: A maps the orthonormal basis vᵢ of the input
/// space onto the orthogonal basis σᵢuᵢ of the output space (rotate, scale, rotate).
///
/// **V, not Vᵀ.** This type stores V and names its transpose `vTransposed`. NumPy's
/// `np.linalg.svd` returns `(U, s, Vh)` with Vh = Vᵀ, whose *rows* are the right singular vectors;
/// taking its columns instead is a classic mistake when porting code.
///
/// **Sign convention.** Each pair (uᵢ, vᵢ) is determined only up to a common sign (for distinct
/// σᵢ > 0). To make output reproducible, the entry of largest magnitude in each vᵢ is made
/// positive (the first such entry on a tie), and uᵢ is flipped with it.
public struct SingularValueDecomposition<Scalar: SVDScalar>: SingularSpectrum, Sendable {
    /// m, the number of rows of the decomposed matrix A.
    public let rows: Int
    /// n, the number of columns of A.
    public let columns: Int
    /// Left singular vectors as columns.
    public let u: Matrix<Scalar>
    /// σ₁ ≥ … ≥ σ_p ≥ 0.
    public let singularValues: [Scalar]
    /// Right singular vectors as columns (V itself, not Vᵀ).
    public let v: Matrix<Scalar>
    /// What the iteration did.
    public let diagnostics: DecompositionDiagnostics

    /// A decomposition from its parts, as a decomposer returns it (most use
    /// ``orientedBySignConvention(rows:columns:u:singularValues:v:diagnostics:)`` instead, which
    /// also applies the sign convention).
    ///
    /// - Parameters:
    ///   - rows: m, the number of rows of A.
    ///   - columns: n, its number of columns.
    ///   - u: the left singular vectors as columns (m×p thin or m×m full).
    ///   - singularValues: σ₁ ≥ … ≥ σ_p ≥ 0, p = min(m, n).
    ///   - v: the right singular vectors as columns (n×p thin or n×n full).
    ///   - diagnostics: what the decomposer's iteration did.
    public init(rows: Int, columns: Int, u: Matrix<Scalar>, singularValues: [Scalar], v: Matrix<Scalar>,
                diagnostics: DecompositionDiagnostics) {
        self.rows = rows
        self.columns = columns
        self.u = u
        self.singularValues = singularValues
        self.v = v
        self.diagnostics = diagnostics
    }

    /// Vᵀ, whose rows are the right singular vectors (what NumPy calls `Vh`).
    @inlinable
    public var vTransposed: Matrix<Scalar> { v.transposed }

    /// Σ as an m×n (full) or p×p (thin) diagonal matrix, matching the shapes of U and V.
    @inlinable
    public var sigma: Matrix<Scalar> {
        Matrix.diagonal(singularValues, rows: u.columns, columns: v.columns)
    }

    /// True when U and V are square (the full SVD).
    public var isFull: Bool { u.columns == rows && v.columns == columns }

    /// U·Σ·Vᵀ, which equals A up to rounding.
    ///
    /// - Returns: the m×n product U·Σ·Vᵀ.
    /// - Complexity: O(m·n·p).
    @inlinable
    public func reconstructed() -> Matrix<Scalar> {
        truncated(rank: singularValues.count).matrix
    }
}
