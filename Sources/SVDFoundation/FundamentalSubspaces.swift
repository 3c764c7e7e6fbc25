/// Orthonormal bases of the four fundamental subspaces of an m×n matrix A of rank r.
///
/// With the full SVD A = U·Σ·Vᵀ and σ₁ ≥ … ≥ σ_r > 0 = σ_{r+1} = …:
///
/// | subspace                     | basis                    | dimension |
/// |------------------------------|--------------------------|-----------|
/// | column space  col(A) ⊂ ℝᵐ    | first r columns of U     | r         |
/// | row space     row(A) ⊂ ℝⁿ    | first r columns of V     | r         |
/// | null space    null(A) ⊂ ℝⁿ   | last n − r columns of V  | n − r     |
/// | left null space null(Aᵀ) ⊂ ℝᵐ | last m − r columns of U  | m − r     |
///
/// They come in orthogonal pairs, row(A) ⟂ null(A) and col(A) ⟂ null(Aᵀ), which is the
/// fundamental theorem of linear algebra: ℝⁿ = row(A) ⊕ null(A), ℝᵐ = col(A) ⊕ null(Aᵀ).
/// Numerically, r is the numerical rank (see `SingularSpectrum.rank(tolerance:)`); A·(null basis)
/// is then of the size of the discarded singular values, not exactly zero.
public struct FundamentalSubspaces<Scalar: SVDScalar>: Sendable {
    /// The rank r used to split U and V.
    public let rank: Int
    /// col(A): m×r.
    public let columnSpace: Matrix<Scalar>
    /// row(A): n×r.
    public let rowSpace: Matrix<Scalar>
    /// null(A): n×(n − r).
    public let nullSpace: Matrix<Scalar>
    /// null(Aᵀ): m×(m − r).
    public let leftNullSpace: Matrix<Scalar>

    @usableFromInline
    init(rank: Int, columnSpace: Matrix<Scalar>, rowSpace: Matrix<Scalar>, nullSpace: Matrix<Scalar>,
         leftNullSpace: Matrix<Scalar>) {
        self.rank = rank
        self.columnSpace = columnSpace
        self.rowSpace = rowSpace
        self.nullSpace = nullSpace
        self.leftNullSpace = leftNullSpace
    }
}

extension SingularValueDecomposition {
    /// The four fundamental subspaces, split at the numerical rank for `rankTolerance`
    /// (default `defaultRankTolerance`). A thin U or V is completed to a full orthonormal basis first.
    ///
    /// - Parameter rankTolerance: the threshold of ``SingularSpectrum/rank(tolerance:)``, or `nil`
    ///   for ``SingularSpectrum/defaultRankTolerance``.
    /// - Returns: orthonormal bases of the column space, the null space, the row space and the left
    ///   null space of A.
    /// - Complexity: O(m³ + n³) when U or V is thin and must be completed, O(m² + n²) otherwise.
    @inlinable
    public func fundamentalSubspaces(rankTolerance: Scalar? = nil) -> FundamentalSubspaces<Scalar> {
        let r = rank(tolerance: rankTolerance)
        let fullU = completingOrthonormalColumns(u, to: rows)
        let fullV = completingOrthonormalColumns(v, to: columns)
        return FundamentalSubspaces(rank: r,
                                    columnSpace: fullU.leadingColumns(r),
                                    rowSpace: fullV.leadingColumns(r),
                                    nullSpace: fullV.columns(r..<columns),
                                    leftNullSpace: fullU.columns(r..<rows))
    }
}
