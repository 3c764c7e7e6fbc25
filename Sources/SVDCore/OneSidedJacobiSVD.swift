import SVDFoundation
import SVDTextbook

/// The one-sided Jacobi SVD (Hestenes' method): every singular value to a relative accuracy set
/// by the condition of A's columns scaled to unit norm, not by σ₁/σᵢ.
///
/// ## Purpose
/// Computes A = U·Σ·Vᵀ for a real m×n matrix by orthogonalizing the columns of A with plane
/// rotations applied from the right:
///
///     A · J₁ · J₂ · J₃ ⋯ = G,   with the columns of G mutually orthogonal.
///
/// Then V = J₁J₂J₃⋯ is orthogonal, the column norms of G are the singular values, σⱼ = ‖gⱼ‖,
/// and the normalized columns uⱼ = gⱼ/σⱼ are the left singular vectors: A·V = G = U·Σ.
///
/// ## Algorithm
/// 1. If m < n, decompose Aᵀ instead and swap the roles of U and V (Aᵀ = U′ΣV′ᵀ ⇒ A = V′ΣU′ᵀ).
/// 2. Scale A by a power of two so that its largest entry lies in [2^h, 2^(h+1)), as high as it
///    can go with ‖A‖²_F below the overflow threshold (`ExactScaling(withHeadroomFor:)`; h ≈ 500
///    in `Double`). Power-of-two scaling is exact, so it changes no digit of the result; no square
///    or dot product can overflow, and the small entries gain room below them. Columns whose
///    squares still underflow keep their norms as a scale and a sum of squares in the sweeps
///    (`ScaledColumnNorms.swift`).
/// 3. Precondition (Drmač–Veselić): A·P = Q·R by Householder QR with column pivoting
///    (`JacobiPreconditioner`: in two stages when m ≥ 2n), and continue with the n×n lower
///    triangular X = Rᵀ, which has the same singular values. On a tall matrix the sweeps then
///    work on n rows instead of m; on a graded one they need fewer rotations (the counts:
///    Benchmarks/RESULTS.md, "What bought what").
/// 4. A first pass that uses the triangle (`TriangularFirstPass`): blocks of the columns of X are
///    rotated among themselves on the rows where they can be nonzero: about half a sweep's
///    work, which saves a whole sweep on graded matrices.
///    Then sweep over all pairs (p, q), p < q (`JacobiSweep`). For each pair form α = ‖x_p‖²,
///    β = ‖x_q‖², γ = x_pᵀx_q. If |γ| ≤ tol·√α·√β the columns are already orthogonal to working
///    accuracy; otherwise apply the rotation of `JacobiRotation` to columns p and q of X (and of
///    Vₓ, if wanted).
/// 5. Stop after the first sweep that finds every pair orthogonal. Each rotation reduces the
///    off-orthogonality Σ(xᵢᵀxⱼ)² and convergence is eventually quadratic; 7–12 sweeps are
///    typical for n in the hundreds. A sweep limit (default 30) guards against the unexpected and
///    is reported as `SVDError.noConvergence`.
/// 6. σⱼ = ‖gⱼ‖ for the final columns gⱼ; sort descending; with vectors, U = Q·Vₓ and
///    V = P·Uₓ, Uₓ = the normalized columns gⱼ/σⱼ (see `decomposeTall`); fix signs
///    (see `SingularValueDecomposition`).
/// 7. A shortcut for the vectors (Drmač–Veselić): when R is well conditioned once its rows are
///    scaled, as after pivoted QR of a graded matrix, steps 4–6 run instead on R·Q₂ from a second
///    QR factorization Rᵀ = Q₂·R₂, without accumulating rotations, and V comes from one triangular
///    solve (`VectorsBySubstitution.swift`), with the same accuracy and less work. When R is not, the same is done for R′ from a pivoted QR of Rᵀ,
///    which usually is; R = P′·R′ᵀ·Q′ᵀ, so then U comes from the solve and V from the converged
///    columns, from n = 200 on (below, accumulating is cheaper). Only if R′ is not well conditioned either, or n < 200, are the
///    rotations accumulated.
///
/// `ReferenceJacobi` is the same iteration in its plainest form, without steps 2–3 and without
/// the tricks of the sweep; the tests check that both agree.
///
/// ## Choices, and why
/// - **Relative stopping rule** |x_pᵀx_q| ≤ tol·‖x_p‖‖x_q‖ with tol = √k·ε for a k-row matrix
///   (k = n after preconditioning): a test on the cosine of the angle between columns, independent
///   of their scale. An absolute test (|γ| ≤ ε‖A‖²) would stop before small columns are orthogonal
///   and destroy their relative accuracy. √k·ε is the size of the rounding error in a k-term dot
///   product of unit vectors; the remaining non-orthogonality is then about this large. (k·ε saves
///   about 5% of the rotations and loses an order of magnitude of orthogonality on tall matrices.)
/// - **de Rijk pivoting**: before the pairs (p, p+1), …, (p, n−1) are visited, the column of largest
///   norm among p…n−1 is swapped into position p. Columns then come out nearly sorted, zero columns
///   sink to the end, and fewer sweeps are needed (about 25% fewer in our measurements).
/// - **Norms are updated, not recomputed**, inside a sweep: a rotation changes α and β to α − tγ
///   and β + tγ exactly. They are recomputed from the columns at the start of every sweep, so
///   rounding cannot accumulate across sweeps.
/// - **The triangle first** (`TriangularFirstPass`): X = Rᵀ is lower triangular, so a block of
///   trailing columns rotated only among themselves stays in the rows below its first column;
///   sweeping such blocks first, as LAPACK's `dgesvj` does, is cheaper than a sweep and leaves
///   the full sweeps less to do.
/// - **Pairs remembered as orthogonal** (`PairMemory`): a pair found orthogonal one sweep ago
///   whose columns have not changed since is not measured again. Near convergence most pairs are
///   such, and their dot products were most of the work of the last sweeps.
/// - **Speed** comes from raw column pointers, explicit SIMD (`SIMDColumnKernels.swift`) on a
///   copy whose columns start on cache lines (`AlignedColumns`), a cache-blocked order of the
///   pairs with each rotation fused with the next dot product (`JacobiSweep`), and the
///   preconditioning of step 3. Benchmarks/RESULTS.md has the figures
///   against LAPACK's `dgejsv` and `dgesdd`.
///
/// ## Accuracy
/// For A = B·D with D diagonal (columns of very different scale), each computed σᵢ has a relative
/// error of about ε·κ(B)·(small polynomial in n), however large κ(A) is (Demmel & Veselić 1992).
/// Bidiagonalization-based SVDs (LAPACK's `gesvd`/`gesdd`, NumPy) only guarantee an absolute error
/// of about ε·σ₁, which can leave the small singular values of a graded matrix without a single
/// correct digit. The preconditioning keeps this: Householder QR is backward stable column by
/// column, and Rᵀ is again of the form (well conditioned)·(diagonal) (see `HouseholderQR`).
/// ‖A − UΣVᵀ‖ ≈ ε‖A‖. For m ≥ n, V = P·Uₓ (the normalized converged columns) is orthonormal to
/// about the stopping tolerance √n·ε, and U = Q·Vₓ (reflections times rotations) to a small
/// multiple of ε; for m < n the two exchange roles. With the shortcut of step 7, one set comes
/// from the converged columns and the other from back substitution, orthonormal to within about
/// γₙ·κ(R̃) (a bound; far less in practice; R̃′ in place of R̃ on the way through R′), below √n
/// by the rule that allows it (the orthogonality measured: Benchmarks/RESULTS.md, "Accuracy").
///
/// ## References
/// - M. R. Hestenes, Inversion of matrices by biorthogonalization, J. SIAM 6 (1958).
/// - H. Rutishauser, The Jacobi method for real symmetric matrices, Numer. Math. 9 (1966).
/// - P. P. M. de Rijk, A one-sided Jacobi algorithm for computing the SVD on a vector computer,
///   SIAM J. Sci. Stat. Comput. 10 (1989).
/// - J. Demmel and K. Veselić, Jacobi's method is more accurate than QR, SIAM J. Matrix Anal.
///   Appl. 13 (1992).
/// - Z. Drmač and K. Veselić, New fast and accurate Jacobi SVD algorithm I/II, SIAM J. Matrix
///   Anal. Appl. 29 (2008) — LAPACK's `dgesvj` and `dgejsv`.
public struct OneSidedJacobi: SingularValueDecomposer {
    /// The sweep limit; LAPACK's `dgesvj` uses 30 as well.
    public var maxSweeps: Int

    /// The smallest n for which the vectors of an n×n factor R that fails the condition test are
    /// found through R′ (`VectorsBySubstitution.swift`) rather than by accumulating rotations.
    /// Below it, two more QR factorizations, two condition estimates, a solve and a product with
    /// Q′ cost more than rotating the small V.
    ///
    /// [TP] Tunable: the order where the two routes cost the same, measured (Benchmarks/RESULTS.md, "Tunable parameters").
    static let smallestOrderThroughSecondFactorization = 200

    /// Whether singular vectors may be found by back substitution when that is as accurate
    /// (`VectorsBySubstitution.swift`). Always true, except in tests that compare both routes.
    var substitutesForRotations = true

    /// Whether the sweeps begin with the first pass over the triangle (`TriangularFirstPass`).
    /// Always true, except in tests that compare with and without it.
    var makesTriangularFirstPass = true

    /// "one-sided Jacobi", the name reports give this decomposer.
    public var name: String { "one-sided Jacobi" }

    /// A one-sided Jacobi decomposer.
    ///
    /// - Parameter maxSweeps: the sweep limit, positive; 30 by default, as in LAPACK's `dgesvj`.
    public init(maxSweeps: Int = 30) {
        precondition(maxSweeps > 0, "maxSweeps must be positive")
        self.maxSweeps = maxSweeps
    }

    /// The convergence tolerance for sweeps over columns of m entries: √m·ε, the textbook's
    /// (`ReferenceJacobi.tolerance(rows:for:)`). `OneSidedJacobi` sweeps over the p×p factor of a
    /// pivoted QR and so uses √p·ε, p = min(m, n).
    ///
    /// - Parameters:
    ///   - m: the length of the columns swept over.
    ///   - scalarType: the floating-point type of the tolerance.
    /// - Returns: √m·ε in `Scalar`.
    @inlinable
    public static func tolerance<Scalar: SVDScalar>(rows m: Int, for scalarType: Scalar.Type) -> Scalar {
        ReferenceJacobi.tolerance(rows: m, for: Scalar.self)
    }

    // `@_specialize(exported: true, …)` compiles a specialized copy for each scalar type into this
    // module and publishes it to callers in other modules. Without it, a caller in an exercise
    // would run the generic code through witness tables, 100–250× slower.
    /// The singular values of `a` alone, without accumulating any rotation.
    ///
    /// Each σᵢ carries a relative error of about ε·κ(B)·(small polynomial in n), where A = B·D
    /// with D diagonal and the columns of B of unit norm, however small σᵢ/σ₁ is (see the
    /// accuracy section of ``OneSidedJacobi``).
    ///
    /// - Parameter a: A, m×n, non-empty, with finite entries.
    /// - Returns: σ₁ ≥ … ≥ σ_p ≥ 0, p = min(m, n), with the sweeps and rotations it took.
    /// - Throws: `SVDError.emptyMatrix` or `SVDError.nonFiniteEntry` for a matrix
    ///   it cannot take (checked first); `SVDError.noConvergence` when
    ///   ``maxSweeps`` sweeps leave a pair of columns that is not orthogonal to the tolerance.
    /// - Complexity: O(M·p²) for the QR preconditioning plus O(sweeps·p³) for the sweeps on the
    ///   p×p factor, M = max(m, n); sweeps ≤ ``maxSweeps`` (7–12 typical for p in the hundreds).
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
    @_specialize(exported: true, where Scalar == Float80)
    #endif
    public func singularValues<Scalar: SVDScalar>(of a: Matrix<Scalar>) throws(SVDError) -> SingularValues<Scalar> {
        // Called through `any SingularValueDecomposer` (as `--decomposer` does), this generic body runs
        // with Scalar known only at run time; Double and Float go on to the copies compiled for them.
        if let a = a as? Matrix<Double> { return try computeSingularValues(of: a) as! SingularValues<Scalar> }
        if let a = a as? Matrix<Float> { return try computeSingularValues(of: a) as! SingularValues<Scalar> }
        return try computeSingularValues(of: a)
    }

    private func computeSingularValues<Scalar: SVDScalar>(of a: Matrix<Scalar>) throws(SVDError) -> SingularValues<Scalar> {
        try SVDError.validate(a)
        let tall = a.rows >= a.columns ? a : a.transposed
        let scale = ExactScaling(withHeadroomFor: tall)
        let work = scale.applied(to: tall)
        // A·P = Q·R and Rᵀ have the same singular values (see `decomposeTall`).
        var g = JacobiPreconditioner(work).rTransposed
        var noRotations: Matrix<Scalar>? = nil
        let diagnostics = try orthogonalizeColumns(of: &g, accumulating: &noRotations)
        let sigma = g.columnNorms.map(scale.undo)
        return SingularValues(rows: a.rows, columns: a.columns,
                              singularValues: sigma.sorted(by: >), diagnostics: diagnostics)
    }

    /// The decomposition A = U·Σ·Vᵀ, with the singular values as accurate as those of
    /// ``singularValues(of:)``, U and V orthonormal to about √p·ε, and ‖A − U·Σ·Vᵀ‖ ≈ ε·‖A‖.
    ///
    /// - Parameters:
    ///   - a: A, m×n, non-empty, with finite entries.
    ///   - vectors: `.thin` (U m×p, V n×p), `.full` (U m×m, V n×n, completed by orthonormal bases
    ///     of the null spaces) or `.none`.
    /// - Returns: U, σ₁ ≥ … ≥ σ_p ≥ 0 and V, oriented by the sign convention, with diagnostics.
    /// - Throws: `SVDError.emptyMatrix` or `SVDError.nonFiniteEntry` for a matrix
    ///   it cannot take (checked first); `SVDError.noConvergence` when
    ///   ``maxSweeps`` sweeps leave a pair of columns that is not orthogonal to the tolerance.
    /// - Complexity: O(sweeps·m·n²) for m ≥ n (m and n exchanged otherwise): O(m·n²) for the QR
    ///   preconditioning and for forming U, and O(sweeps·n³) for the sweeps on the n×n factor;
    ///   sweeps ≤ ``maxSweeps`` (7–12 typical for n in the hundreds). `.full` adds O(m³) for
    ///   completing U.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
    @_specialize(exported: true, where Scalar == Float80)
    #endif
    public func decompose<Scalar: SVDScalar>(_ a: Matrix<Scalar>, vectors: SingularVectors) throws(SVDError)
        -> SingularValueDecomposition<Scalar>
    {
        // See `singularValues(of:)`.
        if let a = a as? Matrix<Double> {
            return try computeDecomposition(a, vectors: vectors) as! SingularValueDecomposition<Scalar>
        }
        if let a = a as? Matrix<Float> {
            return try computeDecomposition(a, vectors: vectors) as! SingularValueDecomposition<Scalar>
        }
        return try computeDecomposition(a, vectors: vectors)
    }

    private func computeDecomposition<Scalar: SVDScalar>(_ a: Matrix<Scalar>, vectors: SingularVectors) throws(SVDError)
        -> SingularValueDecomposition<Scalar>
    {
        try SVDError.validate(a)
        if a.rows < a.columns {
            // Aᵀ = U′ΣV′ᵀ  ⇒  A = V′ΣU′ᵀ: the roles of U and V swap.
            let t = try decomposeTall(a.transposed, vectors: vectors)
            return orientedBySignConvention(rows: a.rows, columns: a.columns, u: t.v,
                                            singularValues: t.singularValues, v: t.u,
                                            diagnostics: t.diagnostics)
        }
        let d = try decomposeTall(a, vectors: vectors)
        return orientedBySignConvention(rows: a.rows, columns: a.columns, u: d.u,
                                        singularValues: d.singularValues, v: d.v,
                                        diagnostics: d.diagnostics)
    }

    /// The decomposition of a matrix with m ≥ n: U is m×n (thin) or m×m (full), V is n×n.
    ///
    /// With A·P = Q·R (`JacobiPreconditioner`) and R = L·Σ·Wᵀ (`triangularFactors(of:)`),
    /// A = Q·R·Pᵀ = (Q·L)·Σ·(P·W)ᵀ: the left singular vectors of A are Q·L and the right ones
    /// are P·W, the rows of W put back in A's column order.
    private func decomposeTall<Scalar: SVDScalar>(_ a: Matrix<Scalar>, vectors: SingularVectors) throws(SVDError)
        -> (u: Matrix<Scalar>, singularValues: [Scalar], v: Matrix<Scalar>, diagnostics: DecompositionDiagnostics)
    {
        let m = a.rows
        let scale = ExactScaling(withHeadroomFor: a)
        let qr = JacobiPreconditioner(scale.applied(to: a))
        let factors = try triangularFactors(of: qr)

        var u = qr.q(times: factors.left)
        if vectors == .full { u = completingOrthonormalColumns(u, to: m) }
        // V = P·W: row k of W belongs to column permutation[k] of A.
        let v = factors.right.rowsMoved(to: qr.permutation)
        return (u, factors.singularValues.map(scale.undo), v, factors.diagnostics)
    }

    /// The SVD R = L·Σ·Wᵀ of the triangular factor. Jacobi runs on X = Rᵀ: X·Vₓ = G = Uₓ·Σ gives
    /// R = Vₓ·Σ·Uₓᵀ, so L = Vₓ (the accumulated rotations) and W = Uₓ (the normalized columns).
    /// When R, or the factor R′ of one more pivoted QR of Rᵀ, is well conditioned after scaling
    /// its rows, one set of vectors is found by back substitution instead of accumulating
    /// rotations (`VectorsBySubstitution.swift`), which is cheaper.
    private func triangularFactors<Scalar: SVDScalar>(of qr: JacobiPreconditioner<Scalar>) throws(SVDError)
        -> TriangularFactors<Scalar>
    {
        let r = qr.r
        if substitutesForRotations {
            if isWellConditionedForSubstitution(r), let solved = try factorsBySubstitution(of: r) {
                return solved
            }
            if r.rows >= Self.smallestOrderThroughSecondFactorization,
               let solved = try factorsThroughSecondPivotedFactorization(of: r) {
                return solved
            }
        }
        var x = qr.rTransposed
        let f = try orthogonalFactors(of: &x)
        return TriangularFactors(left: f.rotations, singularValues: f.singularValues, right: f.normalizedColumns,
                                 diagnostics: f.diagnostics)
    }

    /// Runs the iteration on `g` (m×n, m ≥ n, scaled) and returns its factors, sorted by
    /// decreasing σ: G·V = U·Σ with `normalizedColumns` U (m×n, zero columns replaced by an
    /// orthonormal completion), `singularValues` σ and `rotations` V (n×n).
    private func orthogonalFactors<Scalar: SVDScalar>(of g: inout Matrix<Scalar>) throws(SVDError)
        -> (normalizedColumns: Matrix<Scalar>, singularValues: [Scalar], rotations: Matrix<Scalar>,
            diagnostics: DecompositionDiagnostics)
    {
        let n = g.columns
        var rotations: Matrix<Scalar>? = Matrix.identity(n)
        let diagnostics = try orthogonalizeColumns(of: &g, accumulating: &rotations)

        // σⱼ = ‖gⱼ‖, in decreasing order.
        let (order, sorted) = g.columnsByDecreasingNorm
        let v = rotations!.columns(inOrder: order)

        // uⱼ = gⱼ/σⱼ for σⱼ > 0. Columns with σⱼ = 0 carry no direction; they are filled in by
        // completing the orthonormal basis, as U must have orthonormal columns.
        let nonzero = sorted.prefix { $0 > 0 }.count
        let u = g.columns(inOrder: Array(order.prefix(nonzero))).dividingColumns(by: Array(sorted.prefix(nonzero)))
        return (completingOrthonormalColumns(u, to: n), sorted, v, diagnostics)
    }

    /// Orthogonalizes the columns of `g` by plane rotations, accumulating the rotations into `v`
    /// when it is not nil. This is the whole algorithm; everything else is bookkeeping. The
    /// rotations run on copies laid out for the kernels (`AlignedColumns`), which are written back
    /// into `g` and `v` when the sweeps end, converged or not: the same numbers as in place.
    /// When `g` is lower triangular — as Rᵀ, R₂ᵀ and R′ᵀ are, wherever this is called — the sweeps
    /// begin with the first pass over the triangle (`TriangularFirstPass`).
    ///
    /// - Precondition: `g` has at least as many rows as columns and entries far from overflow:
    ///   after `ExactScaling(withHeadroomFor:)` every column of A, of Rᵀ and of the rotated
    ///   columns has ‖·‖² ≤ ‖A‖²_F < 2^(e_max − 1), and no square or dot product can overflow.
    func orthogonalizeColumns<Scalar: SVDScalar>(of g: inout Matrix<Scalar>,
                                                  accumulating v: inout Matrix<Scalar>?) throws(SVDError)
        -> DecompositionDiagnostics
    {
        let rows = g.rows, columns = g.columns
        let tolerance = Self.tolerance(rows: rows, for: Scalar.self)
        var rotationCount = 0
        var outcome = JacobiSweep<Scalar>.Outcome()
        // The sweeps work on copies whose columns start on cache lines (`AlignedColumns`), and
        // write the columns back however they end, converged or not.
        let x = AlignedColumns(copying: g)
        let rotations = v.map { AlignedColumns(copying: $0) }
        defer {
            x.copy(into: &g)
            if let rotations { rotations.copy(into: &v!) }
        }
        let (gColumns, vColumns) = (x.view, rotations?.view)
        if makesTriangularFirstPass && g.isLowerTriangular {
            rotationCount += TriangularFirstPass(x: gColumns.base, order: columns, columnStride: gColumns.stride,
                                                 v: vColumns?.base, vColumnStride: vColumns?.stride,
                                                 tolerance: tolerance).run()
        }
        var memory = PairMemory(columns: columns)
        for sweep in 1...maxSweeps {
            outcome = JacobiSweep(g: gColumns.base, rows: rows, columns: columns, columnStride: gColumns.stride,
                                  v: vColumns?.base, vColumnStride: vColumns?.stride,
                                  tolerance: tolerance).run(memory: &memory)
            rotationCount += outcome.rotations
            if outcome.rotations == 0 {
                return DecompositionDiagnostics(sweeps: sweep, rotations: rotationCount,
                                                largestRemainingCosine: Double(outcome.largestCosine),
                                                tolerance: Double(tolerance))
            }
        }
        throw .noConvergence(sweeps: maxSweeps, largestCosine: Double(outcome.largestCosine))
    }

}

/// R = L·Σ·Wᵀ for the n×n triangular factor R: L and W orthogonal, σ descending.
struct TriangularFactors<Scalar: SVDScalar> {
    var left: Matrix<Scalar>
    var singularValues: [Scalar]
    var right: Matrix<Scalar>
    var diagnostics: DecompositionDiagnostics
}
