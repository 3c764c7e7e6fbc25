import SVDFoundation
import SVDTestMatrices

/// The randomized truncated SVD (Halko, Martinsson & Tropp 2011): the top k singular triplets of
/// a large matrix from a few products of it with thin matrices.
///
/// ## Purpose
/// The top k singular triplets of a large m×n matrix at the cost of a few products of A with
/// thin matrices, instead of the O(mn·min(m,n)) of a full SVD. A full one-sided Jacobi SVD of a
/// 4096×4096 matrix takes many minutes; its top 200 triplets take seconds this way.
///
/// ## Algorithm (HMT Algorithms 4.4 and 5.1, with ℓ = k + p samples)
/// 1. **Sample the range.** Draw a Gaussian test matrix Ω (n×ℓ, seeded) and form Y = A·Ω. Each
///    column of Y is a random combination of the columns of A, so span(Y) captures the dominant
///    part of the column space with high probability; the p extra samples ("oversampling",
///    default 10) make the failure probability negligible.
/// 2. **Orthonormalize:** Q = orth(Y) by Householder QR.
/// 3. **Power iterations** (q times, default 2): Q ← orth(A·orth(AᵀQ)). This samples
///    (AAᵀ)^q·A, whose singular values σⱼ^{2q+1} decay much faster, which helps when the tail of
///    the spectrum is flat (noise). Orthonormalizing after *every* product keeps the small
///    singular directions from drowning in rounding error (HMT Algorithm 4.4): without it,
///    (AAᵀ)^q·A·Ω computed in floating point keeps only the directions with σⱼ^{2q+1} ≳ ε·σ₁^{2q+1}.
/// 4. **Project:** B = QᵀA (ℓ×n), computed as its transpose Bᵀ = AᵀQ (n×ℓ).
/// 5. **Small SVD.** Bᵀ = Q_B·R (Householder QR, R is ℓ×ℓ), then one-sided Jacobi on R:
///    R = U_R·Σ·V_Rᵀ. Jacobi on the ℓ×ℓ triangle costs O(ℓ³) per sweep instead of O(nℓ²) on the
///    tall Bᵀ ("QR preconditioning", as in LAPACK's `dgejsv`).
/// 6. **Assemble.** Bᵀ = (Q_B·U_R)·Σ·V_Rᵀ, so A ≈ Q·B = (Q·V_R)·Σ·(Q_B·U_R)ᵀ:
///    U = Q·V_R, V = Q_B·U_R. Keep the first k of the ℓ triplets.
///
/// ## Error bounds
/// Write P = QQᵀ. In exact arithmetic the computed triplets are exactly the SVD of P·A, so
/// - σ̂ⱼ ≤ σⱼ for every j (P is an orthogonal projector), and |σ̂ⱼ − σⱼ| ≤ ‖A − PA‖₂ (Weyl);
/// - ‖A − Â_k‖_F² = ‖A‖_F² − Σ_{j≤k} σ̂ⱼ² exactly, where Â_k = U_kΣ_kV_kᵀ = P_k·A is the
///   projection of A onto span(u₁…u_k) (Pythagoras);
/// - ‖A − Â_k‖₂ ≤ σ_{k+1} + ‖A − PA‖₂ (HMT §9.4).
///
/// For a standard Gaussian Ω with k + p columns, p ≥ 2, and q = 0 (HMT Theorem 10.6):
///
///     E‖A − PA‖₂ ≤ (1 + √(k/(p−1)))·σ_{k+1} + (e·√(k+p)/p)·(Σ_{j>k} σⱼ²)^{1/2},
///
/// which simplifies to HMT eq. (1.9), E‖A − PA‖₂ ≤ [1 + 4·√(k+p)/(p−1)·√min(m,n)]·σ_{k+1}; and,
/// for one draw, HMT eq. (1.10) (from Theorem 10.8, p ≥ 4):
///
///     ‖A − PA‖₂ ≤ [1 + 11·√(k+p)·√min(m,n)]·σ_{k+1}   with probability ≥ 1 − 6·p^{−p}.
///
/// With q power iterations the same bounds hold for (AAᵀ)^q·A, whose singular values are
/// σⱼ^{2q+1}, and ‖A − PA‖₂ ≤ ‖(I − P)(AAᵀ)^q·A‖₂^{1/(2q+1)} (HMT Proposition 8.6), so the
/// factor in brackets is raised to the power 1/(2q+1): with q = 2 and k + p = 210 on a
/// 4096×4096 matrix, 1 + 11·√210·64 ≈ 10⁴ becomes ≈ 6.3. `failureProbabilityBound` and
/// `spectralErrorBoundFactor` give these numbers. Rounding adds about ε·‖A‖₂ times a modest
/// polynomial in the dimensions.
///
/// ## References
/// - N. Halko, P.-G. Martinsson and J. A. Tropp, Finding structure with randomness: probabilistic
///   algorithms for constructing approximate matrix decompositions, SIAM Review 53 (2011) 217–288.
/// - P.-G. Martinsson and J. A. Tropp, Randomized numerical linear algebra: foundations and
///   algorithms, Acta Numerica 29 (2020) 403–572.
/// - Z. Drmač and K. Veselić, New fast and accurate Jacobi SVD algorithm I, SIAM J. Matrix Anal.
///   Appl. 29 (2008) — QR preconditioning of one-sided Jacobi.
public struct RandomizedSVD: Sendable {
    /// p, the number of samples beyond the target rank (HMT recommend 5–10; the probabilistic
    /// bound needs p ≥ 4).
    public var oversampling: Int
    /// q, the number of power iterations.
    public var powerIterations: Int
    /// The seed of the Gaussian test matrix: the same seed gives the same result.
    public var seed: UInt64

    /// A randomized SVD with the given sampling parameters.
    ///
    /// - Parameters:
    ///   - oversampling: p ≥ 0, the samples beyond the target rank; 10 by default.
    ///   - powerIterations: q ≥ 0, the power iterations; 2 by default.
    ///   - seed: the seed of the Gaussian test matrix.
    public init(oversampling: Int = 10, powerIterations: Int = 2, seed: UInt64 = 0x5EED) {
        precondition(oversampling >= 0, "oversampling must be non-negative, got \(oversampling)")
        precondition(powerIterations >= 0, "powerIterations must be non-negative, got \(powerIterations)")
        self.oversampling = oversampling
        self.powerIterations = powerIterations
        self.seed = seed
    }

    /// The factor C in ‖A − PA‖₂ ≤ C·σ_{k+1} that holds with probability at least
    /// 1 − `failureProbabilityBound` (HMT eq. (1.10) with the power-iteration exponent):
    /// C = [1 + 11·√(k+p)·√min(m,n)]^{1/(2q+1)}.
    ///
    /// - Parameters:
    ///   - k: the target rank.
    ///   - m: the number of rows of A.
    ///   - n: the number of columns of A.
    /// - Returns: C ≥ 1.
    public func spectralErrorBoundFactor(rank k: Int, rows m: Int, columns n: Int) -> Double {
        let base = 1 + 11 * Double(k + oversampling).squareRoot() * Double(min(m, n)).squareRoot()
        return Double.pow(base, 1 / Double(2 * powerIterations + 1))
    }

    /// 6·p^{−p}: the probability that the bound of `spectralErrorBoundFactor` fails (p ≥ 4).
    public var failureProbabilityBound: Double {
        oversampling >= 4 ? 6 * Double.pow(Double(oversampling), -Double(oversampling)) : 1
    }

    /// The approximate top-k SVD of `a` (see the type's documentation), with all ℓ = min(k + p,
    /// m, n) computed triplets kept in the result.
    ///
    /// - Parameters:
    ///   - a: A, m×n, with finite entries.
    ///   - k: the target rank, 1 ≤ k ≤ min(m, n).
    /// - Returns: the exact SVD of P·A, P the projector onto the sampled subspace of dimension
    ///   ℓ = min(k + p, m, n); its first k triplets approximate those of A within the bound of
    ///   ``spectralErrorBoundFactor(rank:rows:columns:)``, except with probability at most
    ///   ``failureProbabilityBound``.
    /// - Complexity: O((2q + 2)·m·n·ℓ) for the products with A, plus O((m + n)·ℓ²) for the QR
    ///   factorizations and a one-sided Jacobi SVD of an ℓ×ℓ factor.
    /// - Precondition: 1 ≤ k ≤ min(m, n).
    /// - Throws: `SVDError` for an empty matrix or a NaN/infinite entry (checked first), or if the
    ///   Jacobi iteration on the small factor does not converge.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func decompose<Scalar: SVDScalar & SIMDScalar>(_ a: Matrix<Scalar>, rank k: Int) throws(SVDError)
        -> RandomizedDecomposition<Scalar>
    {
        if a.isEmpty { throw .emptyMatrix }
        if let (i, j) = a.firstNonFiniteEntry { throw .nonFiniteEntry(row: i, column: j) }
        precondition(k >= 1 && k <= a.minDimension, "Target rank must be in 1...\(a.minDimension), got \(k)")
        let samples = min(k + oversampling, a.minDimension)
        let aT = blockedTranspose(a)

        var generator = SeededGenerator(seed: seed)
        let omega: Matrix<Scalar> = TestMatrices.gaussian(rows: a.columns, columns: samples, using: &generator)
        var q = HouseholderQR(blockedProduct(a, omega)).thinQ()
        for _ in 0..<powerIterations {
            let z = HouseholderQR(blockedProduct(aT, q)).thinQ()
            q = HouseholderQR(blockedProduct(a, z)).thinQ()
        }
        return try decompose(a, rank: k, basis: q)
    }

    /// Steps 4–6 alone: the approximate top-k SVD of `a` from an orthonormal basis Q of the
    /// sampled range (steps 1–3 computed elsewhere, such as Exercise 5's range finder). The
    /// result is the exact SVD of QQᵀ·A, so the bounds above hold with P = QQᵀ whatever produced Q.
    ///
    /// - Precondition: Q has m rows and orthonormal columns, 1 ≤ k ≤ its number of columns ℓ ≤ n.
    /// - Throws: `SVDError` for an empty matrix or a NaN/infinite entry, or if the Jacobi
    ///   iteration on the small factor does not converge.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func decompose<Scalar: SVDScalar & SIMDScalar>(_ a: Matrix<Scalar>, rank k: Int,
                                                          basis q: Matrix<Scalar>) throws(SVDError)
        -> RandomizedDecomposition<Scalar>
    {
        if a.isEmpty { throw .emptyMatrix }
        if let (i, j) = a.firstNonFiniteEntry { throw .nonFiniteEntry(row: i, column: j) }
        precondition(q.rows == a.rows && q.columns <= a.columns, "Q must be \(a.rows)×ℓ with ℓ ≤ \(a.columns), got \(q.rows)×\(q.columns)")
        precondition(k >= 1 && k <= q.columns, "Target rank must be in 1...\(q.columns), got \(k)")
        let bT = blockedProduct(blockedTranspose(a), q)      // Bᵀ = AᵀQ, n×ℓ
        let qr = HouseholderQR(bT)
        let small = try OneSidedJacobi().decompose(qr.r)     // R = U_R Σ V_Rᵀ
        let u = blockedProduct(q, small.v)                   // U = Q V_R
        let v = blockedProduct(qr.thinQ(), small.u)          // V = Q_B U_R
        return RandomizedDecomposition(rank: k, u: u, singularValues: small.singularValues, v: v,
                                       powerIterations: powerIterations)
    }
}

/// The result of `RandomizedSVD`: the exact SVD of P·A, P the projector onto the sampled
/// subspace, whose first k triplets approximate the top k of A.
public struct RandomizedDecomposition<Scalar: SVDScalar>: Sendable {
    /// k, the target rank.
    public let rank: Int
    /// All ℓ left singular vectors of P·A as columns (m×ℓ).
    public let allU: Matrix<Scalar>
    /// All ℓ singular values of P·A, descending.
    public let allSingularValues: [Scalar]
    /// All ℓ right singular vectors of P·A as columns (n×ℓ).
    public let allV: Matrix<Scalar>
    /// q.
    public let powerIterations: Int

    init(rank: Int, u: Matrix<Scalar>, singularValues: [Scalar], v: Matrix<Scalar>, powerIterations: Int) {
        self.rank = rank
        self.allU = u
        self.allSingularValues = singularValues
        self.allV = v
        self.powerIterations = powerIterations
    }

    /// ℓ = k + p (or min(m, n) if smaller): the number of samples.
    public var samples: Int { allSingularValues.count }

    /// U_k (m×k).
    public var u: Matrix<Scalar> { allU.leadingColumns(rank) }
    /// σ̂₁ ≥ … ≥ σ̂_k.
    public var singularValues: [Scalar] { Array(allSingularValues.prefix(rank)) }
    /// V_k (n×k).
    public var v: Matrix<Scalar> { allV.leadingColumns(rank) }
}

extension RandomizedDecomposition where Scalar: SIMDScalar {
    /// U_j·Σ_j·V_jᵀ for j ≤ ℓ (default k) as a dense matrix. With j = ℓ this is P·A itself.
    ///
    /// - Parameter j: the number of triplets, 0 ≤ j ≤ ℓ, or `nil` for the target rank k.
    /// - Returns: the m×n matrix Σ_{i≤j} σ̂ᵢ·ûᵢ·v̂ᵢᵀ.
    /// - Complexity: O(m·n·j).
    public func matrix(rank j: Int? = nil) -> Matrix<Scalar> {
        let r = j ?? rank
        precondition(r >= 0 && r <= samples, "Rank must be in 0...\(samples), got \(r)")
        let left = allU.leadingColumns(r).scalingColumns(by: Array(allSingularValues.prefix(r)))
        return blockedProduct(left, blockedTranspose(allV.leadingColumns(r)))
    }
}
