import SVDFoundation

/// # Singular vectors by back substitution instead of accumulated rotations
///
/// ## Purpose
/// One-sided Jacobi on X = Rᵀ finds X·Vₓ = G = Uₓ·Σ: the columns of G give one set of singular
/// vectors for free, but the other set, Vₓ, is the product of every rotation, accumulated as
/// the sweeps go. Accumulating costs as much as the sweeps themselves (measured, 1000×1000:
/// 1.79 s for Σ alone, 3.0 s with U and V). When the triangular factor R (or, failing that, the
/// factor R′ of one more pivoted QR) is well conditioned once its rows are scaled, Drmač and
/// Veselić (2008, the `dgejsv` algorithm) get that second set from the first by one triangular
/// solve instead, a fraction of the cost.
///
/// ## Algorithm
/// With A·P = Q·R from the preconditioner (R n×n upper triangular):
/// 1. Factor Rᵀ = Q₂·R₂ (Householder, no pivoting) and run Jacobi *without* accumulating on
///    X = R₂ᵀ = R·Q₂, a lower triangular matrix with the singular values of R whose columns are
///    nearly orthogonal already (a second round of the preconditioning of `JacobiPreconditioner`:
///    on the graded benchmark matrix 240 000 rotations instead of 329 000 on Rᵀ, both after the
///    first pass over the triangle).
/// 2. Jacobi ends with X·W = G = L·Σ, L the normalized columns of G. Since X = R·Q₂,
///    R·(Q₂·W) = G, so the right singular vectors of R are Q₂·W = R⁻¹·G: column j is found by back
///    substitution from gⱼ (`TriangularSolve.swift`) and normalized. Q₂ is never formed.
/// 3. So R = L·Σ·Wᵀ with W the normalized columns of R⁻¹·G, and A = (Q·L)·Σ·(P·W)ᵀ as in
///    `OneSidedJacobi`: here the iterated columns give U and the solve gives V.
///
/// ## When it is allowed
/// Back substitution makes an error of about γₙ·κ(R̃) in every solved column, R̃ = R with unit rows
/// (`TriangularSolve.swift`); after normalization that is the error in the singular vector, and
/// hence in their orthogonality. So the route is taken only if the estimate of κ(R̃)
/// (`RowScaledCondition.swift`) is below √n, the threshold `COND_OK` of LAPACK's `dgejsv`; then
/// the loss is comparable to the √n·ε to which Jacobi orthogonalizes the columns. Measured on R
/// from pivoted QR: κ(R̃) = 5.4 for the graded 500×500 benchmark matrix B·D (any grading: pivoting
/// moves it into the row norms), but 13.5, 22, 39, 59 for Gaussian n = 100, 200, 500, 1000, each
/// above √n (10, 14, 22, 32); there back substitution with R gave orthogonality 1.3e-14 at
/// n = 1000, against 7e-15 by accumulation.
///
/// ## When R is not well conditioned: one more pivoted QR
/// `dgejsv`'s answer for that case (its branch `CONDR2`): factor Rᵀ·P′ = Q′·R′ with column
/// pivoting and use the route on R′ instead, whose row-scaled condition number is usually far
/// smaller: 3.7, 4.2, 5.2, 5.6 for Gaussian matrices of the four sizes above (computed with
/// SciPy's pivoted QR and exact condition numbers). From R′ = L′·Σ·W′ᵀ (steps
/// 1–3 applied to R′),
///
///     R = P′·R′ᵀ·Q′ᵀ = (P′·W′)·Σ·(Q′·L′)ᵀ,
///
/// so the factors exchange roles: the solved columns W′, rows permuted by P′, are the left
/// singular vectors of R, and Q′ applied to the iterated columns L′ gives the right ones. Three
/// QR factorizations and a solve cost less than accumulating: 1000×1000 Gaussian with U, Σ, V in
/// 1.8–2.3 s instead of 2.6–3.1 s, orthogonality 7.2–9.2e-15 (Benchmarks/RESULTS.md), and 500×500 in
/// 0.72 of the time; but below n = 200 they cost more than accumulating the small V (1.08–1.17
/// of the time for n = 100 … 180), so there the rotations are accumulated
/// (`OneSidedJacobi.smallestOrderThroughSecondFactorization`). If κ(R̃′) is not below √n either,
/// the rotations are accumulated as usual.
///
/// ## Accuracy
/// Singular values as accurate as Jacobi on Rᵀ: R₂ᵀ = R·Q₂ + (an error of ε relative to each row
/// of R, Householder QR being columnwise backward stable on Rᵀ), which keeps the row scaling of R,
/// and rotations from the right keep it too. Measured on the graded 500×500 matrix: orthogonality
/// of V 3.4e-15 by substitution. On the way through R′, the QR of Rᵀ perturbs each row of R by
/// about ε relative to that row, which moves each σᵢ by about ε·κ(R̃) relative at most: no more
/// than the sweeps on Rᵀ itself would, whose accuracy depends on the same κ(R̃). From there on R′
/// is row-scaled and well conditioned, as the test demands, and steps 1–3 keep its accuracy. The
/// pivoting is what lets R′ pass the test: Rᵀ is graded by columns, and pivoting orders them, so
/// that the grading moves into the rows of R′ (as the first QR does for A). Without it, a matrix
/// whose rows are graded out of order gives an R′ graded by columns, whose rows, once scaled, are
/// far from well conditioned (the tests include such a matrix).
extension OneSidedJacobi {
    /// Whether back substitution with R is as accurate as accumulating rotations: the estimate
    /// of κ₂(R̃) is below √n (see "When it is allowed").
    func isWellConditionedForSubstitution<Scalar: SVDScalar>(_ r: Matrix<Scalar>) -> Bool {
        let limit = Scalar(r.rows).squareRoot()
        return estimatedRowScaledCondition(of: r, stoppingAbove: limit) < limit
    }

    /// R = L·Σ·Wᵀ through the route applied to R′ from Rᵀ·P′ = Q′·R′ (see "When R is not well
    /// conditioned"), or nil if R′ is not well conditioned either, or has a zero singular value.
    func factorsThroughSecondPivotedFactorization<Scalar: SVDScalar>(of r: Matrix<Scalar>) throws(SVDError)
        -> TriangularFactors<Scalar>?
    {
        let second = HouseholderQR(r.transposed, pivoting: true)
        let rPrime = second.r
        guard isWellConditionedForSubstitution(rPrime), let f = try factorsBySubstitution(of: rPrime) else {
            return nil
        }
        // R = (P′·W′)·Σ·(Q′·L′)ᵀ.
        return TriangularFactors(left: f.right.rowsMoved(to: second.permutation), singularValues: f.singularValues,
                                 right: second.q(times: f.left), diagnostics: f.diagnostics)
    }

    /// R = L·Σ·Wᵀ (σ descending) by steps 1–3 above, or nil if Jacobi finds a zero singular
    /// value after all (a rank the condition estimate missed): the caller then accumulates.
    func factorsBySubstitution<Scalar: SVDScalar>(of r: Matrix<Scalar>) throws(SVDError) -> TriangularFactors<Scalar>? {
        var x = HouseholderQR(r.transposed).rTransposed
        var noRotations: Matrix<Scalar>? = nil
        var diagnostics = try orthogonalizeColumns(of: &x, accumulating: &noRotations)
        diagnostics.vectorsBySubstitution = true

        let (order, sigma) = x.columnsByDecreasingNorm
        guard let smallest = sigma.last, smallest > 0 else { return nil }
        let g = x.columns(inOrder: order)

        var solved = g
        solveUpperTriangular(r, overwriting: &solved)
        return TriangularFactors(left: g.dividingColumns(by: sigma), singularValues: sigma,
                                 right: solved.dividingColumns(by: solved.columnNorms), diagnostics: diagnostics)
    }
}
