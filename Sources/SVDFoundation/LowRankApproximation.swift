/// The truncated SVD A_k = U_k·Σ_k·V_kᵀ = Σ_{i≤k} σᵢ·uᵢ·vᵢᵀ.
///
/// **Eckart–Young–Mirsky theorem.** Among all matrices of rank at most k, A_k is closest to A in
/// both the 2-norm and the Frobenius norm, and the distances are known in advance:
///
///     ‖A − A_k‖₂ = σ_{k+1},        ‖A − A_k‖_F = √(σ²_{k+1} + … + σ²_p).
///
/// Storing the factors takes k·(m + n + 1) numbers (k columns of U, k of V, k singular values)
/// instead of m·n: a saving whenever k < m·n/(m + n + 1).
public struct LowRankApproximation<Scalar: SVDScalar>: Sendable {
    /// k.
    public let rank: Int
    /// U_k (m×k).
    public let u: Matrix<Scalar>
    /// σ₁ … σ_k.
    public let singularValues: [Scalar]
    /// V_k (n×k).
    public let v: Matrix<Scalar>
    /// ‖A − A_k‖₂ = σ_{k+1}, predicted by Eckart–Young.
    public let spectralError: Scalar
    /// ‖A − A_k‖_F = √(Σ_{i>k} σᵢ²), predicted by Eckart–Young.
    public let frobeniusError: Scalar

    @usableFromInline
    init(rank: Int, u: Matrix<Scalar>, singularValues: [Scalar], v: Matrix<Scalar>, spectralError: Scalar,
         frobeniusError: Scalar) {
        self.rank = rank
        self.u = u
        self.singularValues = singularValues
        self.v = v
        self.spectralError = spectralError
        self.frobeniusError = frobeniusError
    }

    /// A_k = U_k·Σ_k·V_kᵀ as a dense m×n matrix.
    @inlinable
    public var matrix: Matrix<Scalar> {
        u.scalingColumns(by: singularValues) * v.transposed
    }

    /// k·(m + n + 1): the numbers stored by the factors.
    public var storedValues: Int { rank * (u.rows + v.rows + 1) }

    /// m·n: the numbers stored by the dense matrix.
    public var denseValues: Int { u.rows * v.rows }

    /// m·n / (k·(m + n + 1)): how many times smaller the factors are.
    public var compressionRatio: Double {
        storedValues == 0 ? .infinity : Double(denseValues) / Double(storedValues)
    }
}

extension SingularValueDecomposition {
    /// The best rank-k approximation A_k (Eckart–Young), for 0 ≤ k ≤ min(m, n).
    ///
    /// - Parameter k: the rank, 0 ≤ k ≤ p.
    /// - Returns: A_k = Σ_{i≤k} σᵢ·uᵢ·vᵢᵀ as its factors; no matrix of rank k is closer to A in
    ///   the 2-norm or the Frobenius norm.
    /// - Complexity: O((m + n)·k) to copy the factors.
    @inlinable
    public func truncated(rank k: Int) -> LowRankApproximation<Scalar> {
        precondition(k >= 0 && k <= singularValues.count,
                     "Truncation rank must be in 0...\(singularValues.count), got \(k)")
        return LowRankApproximation(rank: k, u: u.leadingColumns(k), singularValues: Array(singularValues.prefix(k)),
                                    v: v.leadingColumns(k), spectralError: spectralTruncationError(rank: k),
                                    frobeniusError: frobeniusTruncationError(rank: k))
    }
}
