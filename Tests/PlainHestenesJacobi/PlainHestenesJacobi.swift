import SVDFoundation

/// A one-sided Jacobi SVD written outside the package, with its public API only: the stand-in
/// for a student's or a reader's own decomposer, graded by the same contract as the package's.
///
/// Hestenes' method on the columns of G = 2^(−e)·A (a power of two, so exact, that brings the
/// largest entry into [1, 2) and keeps every square finite), on Aᵀ when A is wide. Each pair
/// (p, q) with |gₚᵀg_q| > √m·ε·‖gₚ‖‖g_q‖ is rotated by the angle of the symmetric 2×2 Schur
/// decomposition (Golub–Van Loan, Algorithm 8.5.1) of its Gram matrix; sweeps repeat until none
/// rotates. Then σⱼ = ‖gⱼ‖, uⱼ = gⱼ/σⱼ (completed to an orthonormal set where σⱼ = 0), and V
/// accumulates the rotations. The package's sign convention is applied at the end.
public struct PlainHestenesJacobi: SingularValueDecomposer {
    public init() {}

    public var name: String { "plain Hestenes Jacobi (test target)" }

    public func singularValues<Scalar: SVDScalar>(of a: Matrix<Scalar>) throws(SVDError) -> SingularValues<Scalar> {
        let svd = try decompose(a, vectors: .thin)
        return SingularValues(rows: a.rows, columns: a.columns, singularValues: svd.singularValues,
                              diagnostics: svd.diagnostics)
    }

    public func decompose<Scalar: SVDScalar>(_ a: Matrix<Scalar>, vectors: SingularVectors) throws(SVDError)
        -> SingularValueDecomposition<Scalar>
    {
        if a.isEmpty { throw .emptyMatrix }
        if let (i, j) = a.firstNonFiniteEntry { throw .nonFiniteEntry(row: i, column: j) }
        let tall = a.rows >= a.columns
        // 2^(−e) in two halves: for subnormal or huge entries 2^(−e) itself would overflow.
        let largest = a.maxAbsoluteEntry
        let exponent: Scalar.Exponent = largest > 0 ? largest.exponent : 0
        let half = Scalar(sign: .plus, exponent: -exponent / 2, significand: 1)
        let rest = Scalar(sign: .plus, exponent: -exponent - (-exponent / 2), significand: 1)
        var g = rest * (half * (tall ? a : a.transposed))
        let m = g.rows, n = g.columns
        var v = Matrix<Scalar>.identity(n)
        let tolerance = Scalar(m).squareRoot() * Scalar.ulpOfOne
        // Columns below ε²·‖G‖_F are rounding noise (an exactly rank-deficient A leaves such
        // columns, which shrink by ε each sweep without ever becoming orthogonal to each other):
        // they take no part in rotations. Graded columns down to 1/ε² of the largest still do.
        let negligible = Scalar.ulpOfOne * Scalar.ulpOfOne * g.frobeniusNorm
        var sweeps = 0, rotations = 0, largestCosine: Scalar = 1
        while largestCosine > tolerance {
            guard sweeps < 60 else { throw .noConvergence(sweeps: sweeps, largestCosine: Double(largestCosine)) }
            sweeps += 1
            largestCosine = 0
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) {
                    var alpha: Scalar = 0, beta: Scalar = 0, gamma: Scalar = 0
                    for i in 0..<m {
                        alpha += g[i, p] * g[i, p]
                        beta += g[i, q] * g[i, q]
                        gamma += g[i, p] * g[i, q]
                    }
                    guard alpha.squareRoot() > negligible && beta.squareRoot() > negligible else { continue }
                    let cosine = abs(gamma) / (alpha.squareRoot() * beta.squareRoot())
                    largestCosine = max(largestCosine, cosine)
                    guard cosine > tolerance else { continue }
                    rotations += 1
                    let tau = (beta - alpha) / (2 * gamma)
                    let t = (tau >= 0 ? 1 : -1) / (abs(tau) + (1 + tau * tau).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot()
                    rotate(&g, p, q, cosine: c, sine: t * c)
                    rotate(&v, p, q, cosine: c, sine: t * c)
                }
            }
        }
        let norms = (0..<n).map { j -> Scalar in
            let norm = scaledNorm(g.column(j))
            return norm > negligible ? norm : 0
        }
        let order = norms.indices.sorted { norms[$0] > norms[$1] }
        let nonzero = order.prefix { norms[$0] > 0 }.count
        let normalized = Matrix<Scalar>(rows: m, columns: nonzero) { i, j in g[i, order[j]] / norms[order[j]] }
        var left = completingOrthonormalColumns(normalized, to: vectors == .full ? m : n)
        var right = Matrix<Scalar>(rows: n, columns: n) { i, j in v[i, order[j]] }
        let sigma = order.map { (norms[$0] / half) / rest }
        // The sign convention: the first entry of largest magnitude of each right singular vector
        // is positive, and its left partner flips with it; extra left columns on their own.
        if !tall { swap(&left, &right) }
        for j in 0..<max(left.columns, right.columns) {
            let partnered = j < sigma.count
            let decider = j < right.columns ? right.column(j) : left.column(j)
            let first = decider.indices.max { abs(decider[$0]) < abs(decider[$1]) || (abs(decider[$0]) == abs(decider[$1]) && $0 > $1) }!
            guard decider[first] < 0 else { continue }
            if j < right.columns { for i in 0..<right.rows { right[i, j] = -right[i, j] } }
            if j < left.columns && (partnered || j >= right.columns) { for i in 0..<left.rows { left[i, j] = -left[i, j] } }
        }
        let diagnostics = DecompositionDiagnostics(sweeps: sweeps, rotations: rotations,
                                                   largestRemainingCosine: Double(largestCosine),
                                                   tolerance: Double(tolerance))
        return SingularValueDecomposition(rows: a.rows, columns: a.columns, u: left, singularValues: sigma,
                                          v: right, diagnostics: diagnostics)
    }

    /// Columns p and q of x replaced by c·xₚ − s·x_q and s·xₚ + c·x_q.
    private func rotate<Scalar: SVDScalar>(_ x: inout Matrix<Scalar>, _ p: Int, _ q: Int, cosine c: Scalar,
                                           sine s: Scalar) {
        for i in 0..<x.rows {
            let (xp, xq) = (x[i, p], x[i, q])
            (x[i, p], x[i, q]) = (c * xp - s * xq, s * xp + c * xq)
        }
    }
}
