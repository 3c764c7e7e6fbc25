import SVDFoundation

/// One-sided Jacobi in its textbook form: the algorithm of `OneSidedJacobi` without a single
/// trick, to be read first and to check the fast version against.
///
/// Hestenes' method, cyclic by rows: for every pair of columns (p, q), p < q, of G (initially A),
/// compute α = ‖g_p‖², β = ‖g_q‖², γ = g_pᵀg_q. If |γ| > tol·√(αβ), tol = √m·ε for the m rows of
/// G (m ≥ n after transposing a wide A), rotate the pair so that it becomes orthogonal:
///
///     ζ = (β − α)/(2γ),   t = sign(ζ)/(|ζ| + √(1 + ζ²)),   c = 1/√(1 + t²),   s = c·t,
///     g_p ← c·g_p − s·g_q,   g_q ← s·g_p + c·g_q,
///
/// and apply the same rotation to the columns of V (initially I). Repeat sweeps until one finds
/// every pair orthogonal; then σⱼ = ‖g_j‖, uⱼ = g_j/σⱼ and A·V = U·Σ.
///
/// What `OneSidedJacobi` adds, each for a reason stated where it is done: power-of-two scaling
/// (no overflow), QR preconditioning (less work), de Rijk pivoting (fewer sweeps), Rutishauser's
/// update form (orthogonality of V), updated norms, blocked pair order, fused loops and SIMD
/// (speed). Both are backward stable, so their singular values agree to c·max(m, n)·ε·σ₁, and
/// on a graded B·D both find every σᵢ to relative accuracy ε·κ(B); the vectors agree up to sign
/// within Wedin's sin θ bound (`CoreKernelTests`).
///
/// The one concession to floating point: α, β and γ are not formed as sums of squares and
/// products, which overflow for entries beyond about 1e154 and underflow below 1e-154 (a column
/// whose squares all underflow looked like a zero column and was never rotated). The code works
/// with the norms ‖g_p‖, ‖g_q‖ (`scaledNorm`) and the cosine of the columns divided by them,
/// cos = γ/√(αβ), which is the same iteration: ζ = (‖g_q‖/‖g_p‖ − ‖g_p‖/‖g_q‖)/(2·cos).
///
/// Array subscripts, no pointers, no scaling of A: fine for the small matrices it is meant for,
/// and slow (20–60× slower than `OneSidedJacobi` on Gaussian 50×50 to 200×200, debug build,
/// which is optimized here). Entries in the subnormal range (below about 1e-308) carry fewer
/// significant bits, and so do the rotated columns made of them; `OneSidedJacobi` scales them
/// into the normal range first.
public struct ReferenceJacobi: SingularValueDecomposer {
    /// The sweep limit; reaching it throws `SVDError.noConvergence`.
    public var maxSweeps: Int

    /// "one-sided Jacobi as the textbook writes it", the name reports give this decomposer.
    public var name: String { "one-sided Jacobi as the textbook writes it" }

    /// A textbook one-sided Jacobi decomposer.
    ///
    /// - Parameter maxSweeps: the sweep limit, positive; 30 by default.
    public init(maxSweeps: Int = 30) {
        precondition(maxSweeps > 0, "maxSweeps must be positive")
        self.maxSweeps = maxSweeps
    }

    /// The convergence tolerance for sweeps over columns of m entries: √m·ε. A pair whose
    /// |cos ∠(g_p, g_q)| is at most this is orthogonal to working precision and is not rotated.
    /// `ReferenceJacobi` sweeps over A itself and uses √max(m, n)·ε; `OneSidedJacobi` sweeps over
    /// the p×p factor of a pivoted QR and so uses √p·ε, p = min(m, n).
    ///
    /// - Parameters:
    ///   - m: the length of the columns swept over.
    ///   - scalarType: the floating-point type of the tolerance.
    /// - Returns: √m·ε in `Scalar`.
    @inlinable
    public static func tolerance<Scalar: SVDScalar>(rows m: Int, for scalarType: Scalar.Type) -> Scalar {
        Scalar(m).squareRoot() * Scalar.ulpOfOne
    }

    // Specialized copies for callers in other modules (see `OneSidedJacobi`).
    /// The singular values of `a`: the column norms of A·V once the columns are orthogonal.
    ///
    /// - Parameter a: A, m×n, non-empty, with finite entries.
    /// - Returns: σ₁ ≥ … ≥ σ_p ≥ 0, p = min(m, n), with the sweeps and rotations it took.
    /// - Throws: `SVDError` for an empty matrix or a non-finite entry, or when
    ///   ``maxSweeps`` sweeps do not orthogonalize every pair of columns.
    /// - Complexity: O(sweeps·M·p²), M = max(m, n), p = min(m, n): each sweep visits p(p − 1)/2
    ///   pairs of columns of M entries.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func singularValues<Scalar: SVDScalar>(of a: Matrix<Scalar>) throws(SVDError) -> SingularValues<Scalar> {
        // Called through `any SingularValueDecomposer` (as `--decomposer` does), this generic body runs
        // with Scalar known only at run time; Double and Float go on to the copies compiled for them.
        if let a = a as? Matrix<Double> { return try computeSingularValues(of: a) as! SingularValues<Scalar> }
        if let a = a as? Matrix<Float> { return try computeSingularValues(of: a) as! SingularValues<Scalar> }
        return try computeSingularValues(of: a)
    }

    private func computeSingularValues<Scalar: SVDScalar>(of a: Matrix<Scalar>) throws(SVDError) -> SingularValues<Scalar> {
        let d = try computeDecomposition(a, vectors: .thin)
        return SingularValues(rows: a.rows, columns: a.columns, singularValues: d.singularValues,
                              diagnostics: d.diagnostics)
    }

    /// The decomposition A = U·Σ·Vᵀ by plane rotations of the columns of A (of Aᵀ when m < n),
    /// with the rotations accumulated into V.
    ///
    /// - Parameters:
    ///   - a: A, m×n, non-empty, with finite entries.
    ///   - vectors: `.thin`, `.full` or `.none`.
    /// - Returns: U, σ₁ ≥ … ≥ σ_p ≥ 0 and V, oriented by the sign convention.
    /// - Throws: `SVDError` for an empty matrix or a non-finite entry, or when
    ///   ``maxSweeps`` sweeps do not orthogonalize every pair of columns.
    /// - Complexity: O(sweeps·M·p²), M = max(m, n), p = min(m, n), twice that with vectors.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
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
        // Aᵀ = U′ΣV′ᵀ  ⇒  A = V′ΣU′ᵀ.
        let tall = a.rows >= a.columns
        var g = tall ? a : a.transposed
        let m = g.rows, n = g.columns
        var v = Matrix<Scalar>.identity(n)
        let tolerance = Self.tolerance(rows: m, for: Scalar.self)
        var rotations = 0
        var converged = false
        var largestCosine: Scalar = 0
        var sweeps = 0
        while !converged && sweeps < maxSweeps {
            sweeps += 1
            converged = true
            largestCosine = 0
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) {
                    // The norms, and the cosine from the columns divided by them, so that no
                    // square or product leaves the range of the format at any scale.
                    let normP = scaledNorm(g.column(p)), normQ = scaledNorm(g.column(q))
                    if normP == 0 || normQ == 0 { continue }
                    var cosine: Scalar = 0
                    for i in 0..<m { cosine += (g[i, p] / normP) * (g[i, q] / normQ) }
                    largestCosine = max(largestCosine, abs(cosine))
                    if abs(cosine) <= tolerance { continue }
                    // ζ = (β − α)/(2γ) with α = ‖g_p‖², β = ‖g_q‖², γ = cos·‖g_p‖‖g_q‖.
                    let zeta = (normQ / normP - normP / normQ) / (2 * cosine)
                    let t = (zeta >= 0 ? 1 : -1) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    // Norms more than the range of the format apart: ζ overflows and t = 0; no
                    // rotation can then change the columns, which are as orthogonal as they can be.
                    if t == 0 { continue }
                    converged = false
                    rotations += 1
                    let c = 1 / (1 + t * t).squareRoot()
                    let s = c * t
                    for i in 0..<m {
                        let x = g[i, p], y = g[i, q]
                        g[i, p] = c * x - s * y
                        g[i, q] = s * x + c * y
                    }
                    for i in 0..<n {
                        let x = v[i, p], y = v[i, q]
                        v[i, p] = c * x - s * y
                        v[i, q] = s * x + c * y
                    }
                }
            }
        }
        guard converged else { throw .noConvergence(sweeps: sweeps, largestCosine: Double(largestCosine)) }

        // σⱼ = ‖gⱼ‖, in decreasing order; uⱼ = gⱼ/σⱼ, completed where σⱼ = 0.
        let norms = (0..<n).map { scaledNorm(g.column($0)) }
        let order = norms.indices.sorted { norms[$0] > norms[$1] }
        let sigma = order.map { norms[$0] }
        let nonzero = sigma.prefix { $0 > 0 }.count
        var u = Matrix<Scalar>(rows: m, columns: nonzero) { i, j in g[i, order[j]] / sigma[j] }
        u = completingOrthonormalColumns(u, to: vectors == .full ? m : n)
        let sortedV = Matrix<Scalar>(rows: n, columns: n) { i, j in v[i, order[j]] }
        let diagnostics = DecompositionDiagnostics(sweeps: sweeps, rotations: rotations,
                                                   largestRemainingCosine: Double(largestCosine),
                                                   tolerance: Double(tolerance))
        let (left, right) = tall ? (u, sortedV) : (sortedV, u)
        return orientedBySignConvention(rows: a.rows, columns: a.columns, u: left, singularValues: sigma,
                                        v: right, diagnostics: diagnostics)
    }
}
