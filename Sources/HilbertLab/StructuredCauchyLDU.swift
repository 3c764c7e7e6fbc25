import SVDCore

/// Gaussian elimination with complete pivoting on a Cauchy matrix, with every entry of the
/// factors computed to high *relative* accuracy (Demmel 1999, Algorithm 3).
///
/// ## The idea
/// Eliminating with pivot (k, k) replaces each entry of a Cauchy matrix Cᵢⱼ = 1/(xᵢ + yⱼ) by
///
///     Cᵢⱼ − Cᵢₖ·Cₖⱼ / Cₖₖ
///       = [(xᵢ + yₖ)(xₖ + yⱼ) − (xₖ + yₖ)(xᵢ + yⱼ)] / [(xᵢ + yⱼ)(xᵢ + yₖ)(xₖ + yⱼ)]
///       = Cᵢⱼ · (xᵢ − xₖ)(yⱼ − yₖ) / ((xᵢ + yₖ)(xₖ + yⱼ)),
///
/// since the numerator expands to xᵢyⱼ + xₖyₖ − xₖyⱼ − xᵢyₖ = (xᵢ − xₖ)(yⱼ − yₖ). The Schur
/// complement is again "Cauchy-like" (a Cauchy matrix scaled by row and column factors), and its
/// entries come from the old ones by multiplying with a ratio of differences and sums of the
/// *nodes*. For integer nodes those differences and sums are exact, so each elimination step
/// costs each entry four roundings (the two quotients, their product, and the update): after k
/// steps every entry has relative error at most about (4k + 1)·ε/2. No
/// subtraction of nearly equal computed numbers ever happens — the subtraction that ordinary
/// elimination performs, and that destroys the small entries of Hₙ's Schur complements, has been
/// done exactly, on the nodes.
///
/// ## Result
/// P·C·Q = L·D·U with P, Q permutations (``rowOrder``, ``columnOrder``), L unit lower triangular,
/// D diagonal and U unit upper triangular, every entry of L, D, U accurate to a few ulps.
/// Complete pivoting (the largest remaining entry in absolute value becomes the pivot) makes
/// |Lᵢⱼ|, |Uᵢⱼ| ≤ 1 and, for Cauchy matrices, L and U well conditioned in practice: C = X·D·Yᵀ is a
/// *rank-revealing decomposition*, with all the ill conditioning of C in the diagonal D.
/// ``AccurateCauchySVD`` turns it into singular values with full relative accuracy.
///
/// - Complexity: O(n³) flops, like ordinary elimination; O(n²) memory.
///
/// ## Reference
/// J. Demmel, Accurate singular value decompositions of structured matrices, SIAM J. Matrix Anal.
/// Appl. 21 (1999), 562–580. J. Demmel, M. Gu, S. Eisenstat, I. Slapničar, K. Veselić, Z. Drmač,
/// Computing the singular value decomposition with high relative accuracy, Linear Algebra Appl.
/// 299 (1999), 21–80.
public struct StructuredCauchyLDU: Sendable {
    /// Row i of L·D·U is row `rowOrder[i]` of C.
    public let rowOrder: [Int]
    /// Column j of L·D·U is column `columnOrder[j]` of C.
    public let columnOrder: [Int]
    /// Unit lower triangular, m×p with p = min(m, n).
    public let l: Matrix<Double>
    /// The pivots, p of them, in the order they were chosen (decreasing in magnitude, roughly).
    public let d: [Double]
    /// Unit upper triangular, p×n.
    public let u: Matrix<Double>

    /// Factors the Cauchy matrix `c`.
    public init(_ c: CauchyMatrix) {
        let m = c.rows, n = c.columns, p = min(m, n)
        var x = c.x, y = c.y
        var rowOrder = Array(0..<m), columnOrder = Array(0..<n)
        // g holds the current Schur complement in its trailing block; the rows and columns of
        // finished steps keep the values they had when they were eliminated: they are L·D and D·U.
        var g = c.stored(as: Double.self)

        for k in 0..<p {
            // Complete pivoting: the entry of largest magnitude in the trailing block.
            var (pr, pc, largest) = (k, k, -1.0)
            for j in k..<n {
                for i in k..<m where abs(g[i, j]) > largest { (pr, pc, largest) = (i, j, abs(g[i, j])) }
            }
            if pr != k {
                for j in 0..<n { (g[k, j], g[pr, j]) = (g[pr, j], g[k, j]) }
                x.swapAt(k, pr)
                rowOrder.swapAt(k, pr)
            }
            if pc != k {
                for i in 0..<m { (g[i, k], g[i, pc]) = (g[i, pc], g[i, k]) }
                y.swapAt(k, pc)
                columnOrder.swapAt(k, pc)
            }
            // The Schur complement, entry by entry, from exact node differences and sums.
            // (A zero pivot cannot occur: a Cauchy matrix with distinct nodes is nonsingular and
            // its Schur complements are Cauchy-like with nonzero entries; with repeated nodes the
            // factors (xᵢ − xₖ) or (yⱼ − yₖ) are exactly 0 and the trailing block is exactly 0.)
            for j in (k + 1)..<max(k + 1, n) {
                let columnFactor = (y[j] - y[k]) / (x[k] + y[j])
                for i in (k + 1)..<max(k + 1, m) {
                    g[i, j] *= (x[i] - x[k]) / (x[i] + y[k]) * columnFactor
                }
            }
        }

        var l = Matrix<Double>(rows: m, columns: p)
        var u = Matrix<Double>(rows: p, columns: n)
        var d = [Double](repeating: 0, count: p)
        for k in 0..<p {
            d[k] = g[k, k]
            l[k, k] = 1
            u[k, k] = 1
            guard d[k] != 0 else { continue }
            for i in (k + 1)..<max(k + 1, m) { l[i, k] = g[i, k] / d[k] }
            for j in (k + 1)..<max(k + 1, n) { u[k, j] = g[k, j] / d[k] }
        }
        self.rowOrder = rowOrder
        self.columnOrder = columnOrder
        self.l = l
        self.d = d
        self.u = u
    }

    /// L·D·U with rows and columns put back in their original order: C itself, up to rounding
    /// of the product (used to check the factorization, not by the SVD).
    public func reconstructed() -> Matrix<Double> {
        let product = l.scalingColumns(by: d) * u
        var c = Matrix<Double>(rows: product.rows, columns: product.columns)
        for j in 0..<product.columns {
            for i in 0..<product.rows { c[rowOrder[i], columnOrder[j]] = product[i, j] }
        }
        return c
    }
}
