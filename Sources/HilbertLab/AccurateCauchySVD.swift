import SVDCore

/// The singular values of a Cauchy matrix to full relative accuracy in Double: every σᵢ, the
/// smallest included, with a relative error of a modest multiple of ε, however ill conditioned
/// the matrix is.
///
/// ## Why ordinary SVDs cannot do this
/// Any algorithm that starts from the *stored* matrix fl(C) has lost the small singular values
/// before it begins: rounding each entry perturbs C by about ε‖C‖, which moves σ_min by up to
/// that much (Weyl), a relative change of ε·κ(C). For H₁₅, ε·κ ≈ 1.4·10⁵. So the input must be
/// the exact nodes, not the rounded entries.
///
/// ## Algorithm (Demmel 1999; Demmel et al. 1999, Algorithm 3.1, with Jacobi in step 1)
/// 1. ``StructuredCauchyLDU``: P·C·Q = L·D·U with every entry accurate to a few ulps. Singular
///    values ignore permutations, so σ(C) = σ(L·D·U). Write X = L, Y = Uᵀ: C ~ X·D·Yᵀ.
/// 2. One-sided Jacobi on G = X·D, keeping V₁: G = U₁·Σ₁·V₁ᵀ. G is X with its columns scaled
///    by D, the case in which one-sided Jacobi is accurate (Demmel & Veselić 1992): the computed
///    factorization is exact for (X + δX)·D with ‖δX‖ ≲ ε‖X‖, a perturbation that changes
///    σ(X·D·Yᵀ) by a relative amount ≲ ε·κ(X), because X + δX = (I + δX·X⁻¹)·X.
/// 3. Then C ~ U₁·W with W = Σ₁·(V₁ᵀ·Yᵀ). U₁ has orthonormal columns, so σ(C) = σ(W). Forming
///    B = V₁ᵀ·Yᵀ costs a relative error ≲ nε·κ(Y) *multiplying from the right*, which again moves
///    every σ of Σ₁·B by a relative amount of that size.
/// 4. One-sided Jacobi on Wᵀ = Bᵀ·Σ₁: once more a matrix with scaled columns and a well
///    conditioned unscaled factor Bᵀ (κ(B) = κ(Y)). Its column norms are the singular values.
///
/// Altogether each σᵢ carries a relative error of order n·ε·(κ(X) + κ(Y)). With complete
/// pivoting L and U are well conditioned for Hilbert matrices (κ(L) ≈ 10–10³ for n ≤ 40, see
/// ``conditionOfFactors``), so every σᵢ of H₂₀ comes out with 14–15 correct digits, although
/// κ(H₂₀) ≈ 2.5·10²⁸ and Double carries 16.
///
/// Demmel's Algorithm 3.1 uses QR with column pivoting in step 2; one-sided Jacobi has the same
/// kind of accuracy for column-scaled matrices and is already the core of this package.
public struct AccurateCauchySVD: Sendable {
    /// The singular values σ₁ ≥ … ≥ σ_p, p = min(m, n).
    public let singularValues: [Double]
    /// The structured factorization the values were computed from.
    public let factorization: StructuredCauchyLDU

    /// Computes the singular values of `c`.
    ///
    /// - Throws: `SVDError.noConvergence` if a Jacobi iteration reaches its sweep limit (not
    ///   observed for Cauchy matrices).
    public init(_ c: CauchyMatrix) throws(SVDError) {
        let ldu = StructuredCauchyLDU(c)
        // Always one-sided Jacobi, whatever `--decomposer` says: steps 2 and 4 rely on its
        // relative accuracy for matrices with scaled columns, which the AᵀA route does not have.
        // This route is the exercise's accurate reference, not one of the methods under study.
        let jacobi = OneSidedJacobi()
        // Step 2: G = L·D = U₁Σ₁V₁ᵀ (m×p with p = min(m, n) columns).
        let first = try jacobi.decompose(ldu.l.scalingColumns(by: ldu.d), vectors: .thin)
        // Step 3: Wᵀ = Y·V₁·Σ₁ = Uᵀ·V₁·Σ₁, formed with the scaling applied last, column by column.
        let wTransposed = ldu.u.transposeTimes(first.v).scalingColumns(by: first.singularValues)
        // Step 4: the singular values of Wᵀ are those of C.
        let second = try jacobi.singularValues(of: wTransposed)
        self.singularValues = second.singularValues
        self.factorization = ldu
    }

    /// The 2-norm condition number σ₁/σ_p (∞ when σ_p = 0, which happens only for repeated nodes).
    public var conditionNumber: Double {
        let smallest = singularValues.last ?? 0
        return smallest == 0 ? .infinity : singularValues[0] / smallest
    }

    /// κ₂(L) and κ₂(U) of the factorization, computed with one-sided Jacobi in Double (they are
    /// small, so Double is plenty): the numbers that bound the relative error of the result.
    public func conditionOfFactors() throws(SVDError) -> (l: Double, u: Double) {
        let jacobi = OneSidedJacobi()   // a bound of the reference's error: see `init`
        return (try jacobi.singularValues(of: factorization.l).conditionNumber,
                try jacobi.singularValues(of: factorization.u).conditionNumber)
    }
}
