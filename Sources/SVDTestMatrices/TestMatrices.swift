import RealModule
import SVDFoundation

/// A gallery of matrices with known properties, shared by the tests, the exercises and the
/// benchmark (in the spirit of Higham's `anymatrix`). Random ones take a seeded generator.
public enum TestMatrices {
    /// The Hilbert matrix Hᵢⱼ = 1/(i + j − 1) (1-based): symmetric, positive definite, totally
    /// positive, and notoriously ill conditioned, κ₂(Hₙ) ≈ e^{3.5n}. Note that for n ≥ 2 its
    /// entries are not exactly representable in binary, so the stored matrix is already a
    /// perturbation of Hₙ by about ε in each entry.
    public static func hilbert<Scalar: SVDScalar>(_ n: Int, as _: Scalar.Type = Scalar.self) -> Matrix<Scalar> {
        Matrix(rows: n, columns: n) { i, j in 1 / Scalar(i + j + 1) }
    }

    /// An m×n matrix of independent standard normal entries.
    public static func gaussian<Scalar: SVDScalar>(rows m: Int, columns n: Int, using generator: inout SeededGenerator,
                                                   as _: Scalar.Type = Scalar.self) -> Matrix<Scalar> {
        var a = Matrix<Scalar>(rows: m, columns: n)
        for index in a.elements.indices { a.elements[index] = Scalar(generator.nextGaussian()) }
        return a
    }

    /// An m×k matrix with orthonormal columns, uniformly distributed (Haar): the Q factor of a
    /// Gaussian matrix, computed by modified Gram–Schmidt with reorthogonalization.
    public static func randomOrthonormalColumns<Scalar: SVDScalar>(rows m: Int, columns k: Int,
                                                                   using generator: inout SeededGenerator,
                                                                   as _: Scalar.Type = Scalar.self) -> Matrix<Scalar> {
        precondition(k <= m, "Cannot have \(k) orthonormal columns in ℝ^\(m)")
        let g: Matrix<Scalar> = gaussian(rows: m, columns: k, using: &generator)
        var q = Matrix<Scalar>(rows: m, columns: 0)
        for j in 0..<k {
            var w = g.column(j)
            for _ in 0..<2 {
                for i in 0..<q.columns {
                    let qi = q.column(i)
                    let projection = dot(qi, w)
                    for r in 0..<m { w[r] -= projection * qi[r] }
                }
            }
            let length = scaledNorm(w)
            q = Matrix(rows: m, columns: j + 1, columnMajor: q.elements + w.map { $0 / length })
        }
        return q
    }

    /// U·diag(σ)·Vᵀ with random orthonormal U (m×p) and V (n×p), p = σ.count ≤ min(m, n): a
    /// matrix whose singular values are exactly the given ones (up to the rounding of the product).
    public static func withSingularValues<Scalar: SVDScalar>(_ sigma: [Scalar], rows m: Int, columns n: Int,
                                                             using generator: inout SeededGenerator) -> Matrix<Scalar> {
        let p = sigma.count
        precondition(p <= min(m, n), "\(p) singular values do not fit an \(m)×\(n) matrix")
        let u: Matrix<Scalar> = randomOrthonormalColumns(rows: m, columns: p, using: &generator)
        let v: Matrix<Scalar> = randomOrthonormalColumns(rows: n, columns: p, using: &generator)
        return u.scalingColumns(by: sigma) * v.transposed
    }

    /// A graded matrix A = B·D: B is m×n Gaussian with columns scaled to unit length (so κ(B) is
    /// modest), D = diag(10^{e₀}, …, 10^{e₁}) spaced evenly in the exponent. κ(A) can be
    /// astronomically large, yet one-sided Jacobi finds every σᵢ to about ε·κ(B) relative accuracy.
    public static func graded<Scalar: SVDScalar>(rows m: Int, columns n: Int, exponents: ClosedRange<Double>,
                                                 using generator: inout SeededGenerator,
                                                 as _: Scalar.Type = Scalar.self) -> (a: Matrix<Scalar>, b: Matrix<Scalar>, d: [Scalar]) {
        var b: Matrix<Scalar> = gaussian(rows: m, columns: n, using: &generator)
        for j in 0..<n {
            let length = scaledNorm(b.column(j))
            for i in 0..<m { b[i, j] /= length }
        }
        let d = (0..<n).map { j -> Scalar in
            let fraction = n == 1 ? 0 : Double(j) / Double(n - 1)
            return Scalar(Double.pow(10, exponents.lowerBound + fraction * (exponents.upperBound - exponents.lowerBound)))
        }
        return (b.scalingColumns(by: d), b, d)
    }

    /// A rank-r matrix X·Yᵀ with Gaussian X (m×r) and Y (n×r).
    public static func lowRank<Scalar: SVDScalar>(rows m: Int, columns n: Int, rank r: Int,
                                                  using generator: inout SeededGenerator,
                                                  as _: Scalar.Type = Scalar.self) -> Matrix<Scalar> {
        let x: Matrix<Scalar> = gaussian(rows: m, columns: r, using: &generator)
        let y: Matrix<Scalar> = gaussian(rows: n, columns: r, using: &generator)
        return x * y.transposed
    }
}
