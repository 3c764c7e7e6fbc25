/// Everything that follows from the singular values alone: norms, numerical rank, condition
/// number and the Eckart–Young errors of truncation.
///
/// Both `SingularValues` (values only) and `SingularValueDecomposition` (with vectors) offer these.
public protocol SingularSpectrum {
    /// The floating-point type of the singular values.
    associatedtype Scalar: SVDScalar
    /// m, the number of rows of A.
    var rows: Int { get }
    /// n, the number of columns of A.
    var columns: Int { get }
    /// σ₁ ≥ σ₂ ≥ … ≥ σ_p ≥ 0, p = min(m, n).
    var singularValues: [Scalar] { get }
}

extension SingularSpectrum {
    /// The largest singular value σ₁ (0 for a zero matrix).
    public var largestSingularValue: Scalar { singularValues.first ?? 0 }

    /// The smallest singular value σ_p, p = min(m, n).
    public var smallestSingularValue: Scalar { singularValues.last ?? 0 }

    /// The spectral norm ‖A‖₂ = max ‖Ax‖/‖x‖ = σ₁: the largest stretch A applies to any vector.
    public var norm2: Scalar { largestSingularValue }

    /// The Frobenius norm ‖A‖_F = √(Σ aᵢⱼ²) = √(σ₁² + … + σ_p²), because orthogonal U and V
    /// preserve the sum of squares. Computed without overflow.
    public var frobeniusNorm: Scalar { scaledNorm(singularValues) }

    /// The default rank tolerance, σ₁ · max(m, n) · ε.
    ///
    /// This is the convention of MATLAB's `rank` and NumPy's `matrix_rank`: a singular value below
    /// it is indistinguishable from the rounding errors (about ε‖A‖ per entry, accumulated over
    /// max(m, n) terms) that any backward-stable SVD commits.
    ///
    /// Computed as σ₁·(max(m, n)·ε): the factor in parentheses is exact and below 1, so the
    /// product cannot overflow, even for σ₁ near the largest finite number (where σ₁·max(m, n)
    /// would, and a tolerance of +∞ would give every matrix rank 0). Rounded once, it is the same
    /// number as (σ₁·max(m, n))·ε wherever that is finite.
    public var defaultRankTolerance: Scalar {
        largestSingularValue * (Scalar(Swift.max(rows, columns)) * Scalar.ulpOfOne)
    }

    /// The numerical rank: the number of singular values strictly greater than `tolerance`
    /// (default `defaultRankTolerance`). In exact arithmetic it is the rank r of A.
    ///
    /// - Parameter tolerance: the threshold, or `nil` for ``defaultRankTolerance``.
    /// - Returns: the number r of σᵢ > `tolerance`, 0 ≤ r ≤ p.
    /// - Complexity: O(r).
    public func rank(tolerance: Scalar? = nil) -> Int {
        let cutoff = tolerance ?? defaultRankTolerance
        return singularValues.prefix { $0 > cutoff }.count
    }

    /// The 2-norm condition number κ₂(A) = σ₁/σ_p, p = min(m, n).
    ///
    /// For a square A this is ‖A‖₂‖A⁻¹‖₂, the factor by which a relative perturbation of b can be
    /// amplified in the solution of Ax = b. It is +∞ for a matrix of deficient column rank
    /// (σ_p = 0), and, as a computed number, meaningful only while κ·ε ≪ 1: the computed σ_p
    /// carries an absolute error of about ε·σ₁.
    public var conditionNumber: Scalar {
        let smallest = smallestSingularValue
        return smallest == 0 ? .infinity : largestSingularValue / smallest
    }

    /// The condition number of A restricted to its range, σ₁/σ_r with r the numerical rank:
    /// finite for a rank-deficient matrix, and the quantity that governs the pseudoinverse.
    ///
    /// - Parameter rankTolerance: the threshold of ``rank(tolerance:)``, or `nil` for
    ///   ``defaultRankTolerance``.
    /// - Returns: σ₁/σ_r, or +∞ when the numerical rank r is 0.
    /// - Complexity: O(r).
    public func effectiveConditionNumber(rankTolerance: Scalar? = nil) -> Scalar {
        let r = rank(tolerance: rankTolerance)
        return r == 0 ? .infinity : largestSingularValue / singularValues[r - 1]
    }

    /// Eckart–Young: the error of the best rank-k approximation in the 2-norm, σ_{k+1}
    /// (0 when k ≥ p).
    ///
    /// - Parameter k: the rank of the approximation, k ≥ 0.
    /// - Returns: ‖A − A_k‖₂ = σ_{k+1}, or 0 when k ≥ p.
    /// - Complexity: O(1).
    public func spectralTruncationError(rank k: Int) -> Scalar {
        precondition(k >= 0, "Rank must be non-negative, got \(k)")
        return k < singularValues.count ? singularValues[k] : 0
    }

    /// Eckart–Young: the error of the best rank-k approximation in the Frobenius norm,
    /// √(σ²_{k+1} + … + σ²_p).
    ///
    /// - Parameter k: the rank of the approximation, k ≥ 0.
    /// - Returns: ‖A − A_k‖_F, or 0 when k ≥ p.
    /// - Complexity: O(p − k).
    public func frobeniusTruncationError(rank k: Int) -> Scalar {
        precondition(k >= 0, "Rank must be non-negative, got \(k)")
        return k < singularValues.count ? scaledNorm(singularValues[k...]) : 0
    }

    /// The fraction of ‖A‖²_F captured by the first k singular values, Σ_{i≤k} σᵢ² / Σ σᵢ²
    /// (the "energy"; in PCA, the explained variance).
    ///
    /// - Parameter k: the number of leading singular values, k ≥ 0.
    /// - Returns: a fraction in [0, 1]; 1 for the zero matrix.
    /// - Complexity: O(p).
    public func capturedEnergy(rank k: Int) -> Scalar {
        let total = frobeniusNorm
        guard total > 0 else { return 1 }
        let tail = frobeniusTruncationError(rank: k) / total
        return 1 - tail * tail
    }
}

/// The singular values of a matrix without its singular vectors.
public struct SingularValues<Scalar: SVDScalar>: SingularSpectrum, Sendable {
    /// m, the number of rows of the matrix A.
    public let rows: Int
    /// n, the number of columns of A.
    public let columns: Int
    /// σ₁ ≥ … ≥ σ_p ≥ 0, p = min(m, n).
    public let singularValues: [Scalar]
    /// What the iteration did (sweeps, rotations, final orthogonality).
    public let diagnostics: DecompositionDiagnostics

    /// The singular values of an m×n matrix, as a decomposer returns them.
    ///
    /// - Parameters:
    ///   - rows: m, the number of rows of A.
    ///   - columns: n, its number of columns.
    ///   - singularValues: σ₁ ≥ … ≥ σ_p ≥ 0, p = min(m, n).
    ///   - diagnostics: what the decomposer's iteration did.
    public init(rows: Int, columns: Int, singularValues: [Scalar], diagnostics: DecompositionDiagnostics) {
        self.rows = rows
        self.columns = columns
        self.singularValues = singularValues
        self.diagnostics = diagnostics
    }
}
