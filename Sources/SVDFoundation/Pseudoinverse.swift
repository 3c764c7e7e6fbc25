/// The Moore–Penrose pseudoinverse and least-squares solutions.
///
/// A⁺ = V·Σ⁺·Uᵀ, where Σ⁺ holds 1/σᵢ for the singular values above a cut-off and 0 for the rest.
/// It is the unique matrix satisfying the four Penrose conditions
///
///     A·A⁺·A = A,   A⁺·A·A⁺ = A⁺,   (A·A⁺)ᵀ = A·A⁺,   (A⁺·A)ᵀ = A⁺·A,
///
/// and x = A⁺b is the least-squares solution of Ax ≈ b of minimal norm: it minimizes ‖Ax − b‖₂,
/// and among all minimizers it has the smallest ‖x‖₂ (it has no component in null(A)).
/// Overdetermined, full column rank: the unique minimizer. Underdetermined or rank-deficient:
/// the minimum-norm one.
///
/// **The cut-off matters.** Singular values at rounding level are noise; inverting them would add
/// components of size ‖b‖/σᵢ along meaningless directions. The default cut-off is the rank
/// tolerance σ₁·max(m, n)·ε: the convention of NumPy's `lstsq` (`rcond=None`) and `matrix_rank`,
/// of SciPy's `pinv` and of MATLAB's `pinv` and `rank`. NumPy's `pinv` is the exception: its
/// default `rcond` is the fixed relative cut-off 10⁻¹⁵·σ₁. Raising the cut-off is truncated-SVD
/// regularization.
extension SingularValueDecomposition {
    /// Σ⁺'s diagonal: 1/σᵢ above `cutoff` (default the rank tolerance), 0 below.
    ///
    /// - Parameter cutoff: singular values at or below it count as zero; `nil` for
    ///   ``SingularSpectrum/defaultRankTolerance``.
    /// - Returns: p values, 1/σᵢ for σᵢ > `cutoff` and 0 for the others.
    /// - Complexity: O(p).
    @inlinable
    public func invertedSingularValues(cutoff: Scalar? = nil) -> [Scalar] {
        let threshold = cutoff ?? defaultRankTolerance
        return singularValues.map { $0 > threshold ? 1 / $0 : 0 }
    }

    /// A⁺ = V·Σ⁺·Uᵀ (n×m).
    ///
    /// - Parameter cutoff: singular values at or below it count as zero; `nil` for
    ///   ``SingularSpectrum/defaultRankTolerance``.
    /// - Returns: the Moore–Penrose pseudoinverse of A at that cut-off, n×m.
    /// - Complexity: O(m·n·p).
    @inlinable
    public func pseudoinverse(cutoff: Scalar? = nil) -> Matrix<Scalar> {
        let p = singularValues.count
        let inverted = invertedSingularValues(cutoff: cutoff)
        return v.leadingColumns(p).scalingColumns(by: inverted) * u.leadingColumns(p).transposed
    }

    /// x = A⁺b = Σᵢ (uᵢᵀb/σᵢ)·vᵢ, the minimum-norm least-squares solution of Ax ≈ b.
    ///
    /// Computed as V·(Σ⁺·(Uᵀb)) without forming A⁺: O((m + n)·p) flops instead of O(m·n·p).
    ///
    /// - Parameters:
    ///   - b: the right-hand side, m entries.
    ///   - cutoff: singular values at or below it count as zero; `nil` for
    ///     ``SingularSpectrum/defaultRankTolerance``.
    /// - Returns: x, n entries, minimizing ‖Ax − b‖₂ and, among the minimizers, ‖x‖₂.
    /// - Complexity: O((m + n)·p).
    @inlinable
    public func solveLeastSquares(_ b: [Scalar], cutoff: Scalar? = nil) -> [Scalar] {
        precondition(b.count == rows, "Right-hand side has \(b.count) entries, the matrix \(rows) rows")
        let p = singularValues.count
        let inverted = invertedSingularValues(cutoff: cutoff)
        let coefficients = (0..<p).map { i in inverted[i] == 0 ? 0 : dot(u.column(i), b) * inverted[i] }
        return v.leadingColumns(p) * coefficients
    }
}
