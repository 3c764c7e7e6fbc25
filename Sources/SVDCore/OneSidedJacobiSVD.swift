/// # One-sided Jacobi SVD (Hestenes' method)
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
/// 2. Scale A by a power of two so that its largest entry lies in [1, 2). Power-of-two scaling is
///    exact, so it changes no digit of the result, and afterwards no square or dot product can
///    overflow and none of the significant ones underflows, even for entries near 1e±300.
/// 3. Sweep over all pairs (p, q), p < q. For each pair form α = ‖g_p‖², β = ‖g_q‖², γ = g_pᵀg_q.
///    If |γ| ≤ tol·√α·√β the columns are already orthogonal to working accuracy; otherwise apply
///    the rotation of `JacobiRotation` to columns p and q of G (and of V, if wanted).
/// 4. Stop after the first sweep that finds every pair orthogonal. Each rotation reduces the
///    off-orthogonality Σ(gᵢᵀgⱼ)² and convergence is eventually quadratic; 6–10 sweeps are
///    typical for n in the hundreds. A sweep limit (default 30) guards against the unexpected and
///    is reported as `SVDError.noConvergence`.
/// 5. σⱼ = ‖gⱼ‖, uⱼ = gⱼ/σⱼ; sort descending; fix signs (see `SingularValueDecomposition`).
///
/// ## Choices, and why
/// - **Relative stopping rule** |g_pᵀg_q| ≤ tol·‖g_p‖‖g_q‖ with tol = √m·ε: a test on the cosine
///   of the angle between columns, independent of their scale. An absolute test (|γ| ≤ ε‖A‖²)
///   would stop before small columns are orthogonal and destroy their relative accuracy. √m·ε is
///   the size of the rounding error in an m-term dot product of unit vectors; the remaining
///   non-orthogonality of U is then about this large. (m·ε saves about 5% of the rotations and
///   loses an order of magnitude of orthogonality on tall matrices.)
/// - **de Rijk pivoting**: before the pairs (p, p+1), …, (p, n−1) are visited, the column of largest
///   norm among p…n−1 is swapped into position p. Columns then come out nearly sorted, zero columns
///   sink to the end, and fewer sweeps are needed (about 25% fewer in our measurements).
/// - **Norms are updated, not recomputed**, inside a sweep: a rotation changes α and β to α − tγ
///   and β + tγ exactly. They are recomputed from the columns at the start of every sweep, so
///   rounding cannot accumulate across sweeps.
///
/// ## Accuracy
/// For A = B·D with D diagonal (columns of very different scale), each computed σᵢ has a relative
/// error of about ε·κ(B)·(small polynomial in n), however large κ(A) is (Demmel & Veselić 1992).
/// Bidiagonalization-based SVDs (LAPACK's `gesvd`/`gesdd`, NumPy) only guarantee an absolute error
/// of about ε·σ₁, which can leave the small singular values of a graded matrix without a single
/// correct digit. U and V are orthonormal to about √m·ε and n·ε, and ‖A − UΣVᵀ‖ ≈ ε‖A‖.
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

    public var name: String { "one-sided Jacobi" }

    public init(maxSweeps: Int = 30) {
        precondition(maxSweeps > 0, "maxSweeps must be positive")
        self.maxSweeps = maxSweeps
    }

    /// The convergence tolerance for an m-row matrix: √m·ε.
    public static func tolerance<Scalar: SVDScalar>(rows m: Int, for _: Scalar.Type) -> Scalar {
        Scalar(m).squareRoot() * Scalar.ulpOfOne
    }

    // `@_specialize(exported: true, …)` compiles a specialized copy for each scalar type into this
    // module and publishes it to callers in other modules. Without it, a caller in an exercise
    // would run the generic code through witness tables, 100–250× slower.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    #if arch(x86_64) || arch(i386)
    @_specialize(exported: true, where Scalar == Float80)
    #endif
    public func singularValues<Scalar: SVDScalar>(of a: Matrix<Scalar>) throws(SVDError) -> SingularValues<Scalar> {
        try SVDError.validate(a)
        var work = a.rows >= a.columns ? a : a.transposed
        let scale = ExactScaling(toUnitMaximum: work)
        scale.apply(to: &work)
        var noRotations: Matrix<Scalar>? = nil
        let diagnostics = try orthogonalizeColumns(of: &work, accumulating: &noRotations)
        let sigma = (0..<work.columns).map { scale.undo(scaledNorm(work.elements[($0 * work.rows)..<(($0 + 1) * work.rows)])) }
        return SingularValues(rows: a.rows, columns: a.columns,
                              singularValues: sigma.sorted(by: >), diagnostics: diagnostics)
    }

    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    #if arch(x86_64) || arch(i386)
    @_specialize(exported: true, where Scalar == Float80)
    #endif
    public func decompose<Scalar: SVDScalar>(_ a: Matrix<Scalar>, vectors: SingularVectors) throws(SVDError)
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
    private func decomposeTall<Scalar: SVDScalar>(_ a: Matrix<Scalar>, vectors: SingularVectors) throws(SVDError)
        -> (u: Matrix<Scalar>, singularValues: [Scalar], v: Matrix<Scalar>, diagnostics: DecompositionDiagnostics)
    {
        let m = a.rows, n = a.columns
        var g = a
        let scale = ExactScaling(toUnitMaximum: g)
        scale.apply(to: &g)
        var rotations: Matrix<Scalar>? = Matrix.identity(n)
        let diagnostics = try orthogonalizeColumns(of: &g, accumulating: &rotations)
        var v = rotations!

        // σⱼ = ‖gⱼ‖; order the columns by decreasing σ (de Rijk pivoting has nearly done so).
        let norms = (0..<n).map { scaledNorm(g.elements[($0 * m)..<(($0 + 1) * m)]) }
        let order = norms.indices.sorted { norms[$0] > norms[$1] }
        g = Matrix(rows: m, columns: n, columnMajor: order.flatMap { g.column($0) })
        v = Matrix(rows: n, columns: n, columnMajor: order.flatMap { v.column($0) })
        let sortedNorms = order.map { norms[$0] }

        // uⱼ = gⱼ/σⱼ for σⱼ > 0. Columns with σⱼ = 0 carry no direction; they are filled in by
        // completing the orthonormal basis, as the thin (and full) U must have orthonormal columns.
        let nonzero = sortedNorms.prefix { $0 > 0 }.count
        var u = Matrix<Scalar>(rows: m, columns: nonzero)
        for j in 0..<nonzero {
            for i in 0..<m { u[i, j] = g[i, j] / sortedNorms[j] }
        }
        u = completingOrthonormalColumns(u, to: vectors == .full ? m : n)
        return (u, sortedNorms.map(scale.undo), v, diagnostics)
    }

    /// Orthogonalizes the columns of `g` in place by plane rotations, accumulating the rotations
    /// into `v` when it is not nil. This is the whole algorithm; everything else is bookkeeping.
    ///
    /// - Precondition: `g` has at least as many rows as columns and entries of magnitude below 2
    ///   (see `ExactScaling`), so that no square overflows.
    func orthogonalizeColumns<Scalar: SVDScalar>(of g: inout Matrix<Scalar>,
                                                  accumulating v: inout Matrix<Scalar>?) throws(SVDError)
        -> DecompositionDiagnostics
    {
        let tolerance = Self.tolerance(rows: g.rows, for: Scalar.self)
        var rotationCount = 0
        var outcome = SweepOutcome<Scalar>(rotations: 0, largestCosine: 0)
        // V's entries live in a plain array during the sweeps, so that "no V" is an empty array
        // rather than an optional the inner loops would have to unwrap.
        // (The pointer to an empty array need not be nil, hence the explicit test.)
        var vElements = v?.elements ?? []
        let accumulates = v != nil
        for sweep in 1...maxSweeps {
            outcome = g.elements.withUnsafeMutableBufferPointer { gBuffer in
                vElements.withUnsafeMutableBufferPointer { vBuffer in
                    Self.sweep(g: gBuffer.baseAddress!, rows: g.rows, columns: g.columns,
                               v: accumulates ? vBuffer.baseAddress : nil, tolerance: tolerance)
                }
            }
            rotationCount += outcome.rotations
            if outcome.rotations == 0 {
                if v != nil { v!.elements = vElements }
                return DecompositionDiagnostics(sweeps: sweep, rotations: rotationCount,
                                                largestRemainingCosine: Double(outcome.largestCosine),
                                                tolerance: Double(tolerance))
            }
        }
        throw .noConvergence(sweeps: maxSweeps, largestCosine: Double(outcome.largestCosine))
    }

    /// What one sweep did.
    struct SweepOutcome<Scalar: SVDScalar> {
        var rotations: Int
        var largestCosine: Scalar
    }

    /// One sweep over all pairs (p, q), p < q, of the m×n column-major matrix at `g`, rotating the
    /// n×n matrix at `v` (if any) alongside. The textbook form of the same sweep is
    /// `ReferenceJacobi.sweep`; this one differs only in the tricks named in the comments.
    private static func sweep<Scalar: SVDScalar>(g: UnsafeMutablePointer<Scalar>, rows m: Int, columns n: Int,
                                                 v: UnsafeMutablePointer<Scalar>?, tolerance: Scalar)
        -> SweepOutcome<Scalar>
    {
        func column(_ j: Int) -> UnsafeMutablePointer<Scalar> { g + j * m }
        var outcome = SweepOutcome<Scalar>(rotations: 0, largestCosine: 0)
        // ‖g_j‖² from the columns at the start of every sweep (so rounding in the updates below
        // cannot accumulate across sweeps), then updated exactly as each rotation changes them.
        var squaredNorms = (0..<n).map { sumOfSquares(column($0), count: m) }

        for p in 0..<(n - 1) {
            // de Rijk: the longest remaining column goes first.
            var longest = p
            for j in (p + 1)..<n where squaredNorms[j] > squaredNorms[longest] { longest = j }
            if longest != p {
                swapColumns(column(p), column(longest), count: m)
                if let v { swapColumns(v + p * n, v + longest * n, count: n) }
                squaredNorms.swapAt(p, longest)
            }
            // A zero column is orthogonal to everything; de Rijk keeps zero columns last, so once
            // column p is zero all the remaining ones are.
            if squaredNorms[p] == 0 { break }

            // Fusion: γ for the pair (p, q) is computed by the previous step (see
            // `applyReturningDot`), so each step starts with its γ already known.
            var gamma = dotProduct(column(p), column(p + 1), count: m)
            for q in (p + 1)..<n {
                let alpha = squaredNorms[p], beta = squaredNorms[q]
                let hasNext = q + 1 < n
                let cosine = beta == 0 ? 0 : abs(gamma) / (alpha.squareRoot() * beta.squareRoot())
                outcome.largestCosine = max(outcome.largestCosine, cosine)
                if cosine <= tolerance {
                    if hasNext { gamma = dotProduct(column(p), column(q + 1), count: m) }
                    continue
                }
                let rotation = JacobiRotation(alpha: alpha, beta: beta, gamma: gamma)
                squaredNorms[p] = alpha - rotation.t * gamma
                squaredNorms[q] = beta + rotation.t * gamma
                if hasNext {
                    gamma = rotation.applyReturningDot(column(p), column(q), next: column(q + 1), count: m)
                } else {
                    rotation.apply(column(p), column(q), count: m)
                }
                if let v { rotation.apply(v + p * n, v + q * n, count: n) }
                outcome.rotations += 1
            }
        }
        return outcome
    }
}

/// Multiplication by the power of two 2^(−e) that brings the largest entry of a matrix into
/// [1, 2). Multiplying by a power of two only changes the exponent, so it is exact (barring
/// underflow of entries 2^1000 times smaller than the largest), and undoing it on the singular
/// values is exact too.
struct ExactScaling<Scalar: SVDScalar> {
    /// e, the exponent of the largest entry.
    let exponent: Scalar.Exponent

    init(toUnitMaximum a: Matrix<Scalar>) {
        let largest = a.maxAbsoluteEntry
        exponent = largest == 0 ? 0 : largest.exponent
    }

    func apply(to a: inout Matrix<Scalar>) {
        guard exponent != 0 else { return }
        for index in a.elements.indices { a.elements[index] = Scalar(sign: .plus, exponent: -exponent, significand: a.elements[index]) }
    }

    func undo(_ value: Scalar) -> Scalar {
        Scalar(sign: .plus, exponent: exponent, significand: value)
    }
}
