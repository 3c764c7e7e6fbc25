import Foundation
import SVDCore
import SVDTextbook

/// A decomposer with one known fault, for task T1: the student's property check must catch each
/// of them on at least one matrix, and pass the correct decomposer everywhere.
///
/// The faults are the classic mistakes of the course, each described in the guide
/// (Guides/Verification.md, "Your task T1"). None of them throws on the matrices that expose it:
/// a property check can only catch what it is shown.
public struct FaultyDecomposer: Sendable {
    /// A short name ("unsorted σ").
    public let name: String
    /// What is wrong, and on which kind of matrix it shows.
    public let fault: String
    /// The decomposition, with the fault.
    public let decompose: @Sendable (Matrix<Double>, SingularVectors) throws -> SingularValueDecomposition<Double>

    /// The six faults of task T1, in the order of the task's cases.
    public static let all: [FaultyDecomposer] = [
        FaultyDecomposer(
            name: "the AᵀA route",
            fault: "σ = √λ(AᵀA), U = A·V/σ: forming AᵀA squares κ, so U is orthonormal only to about ε·κ² (try κ ≥ 1e8)",
            decompose: { a, vectors in try NormalEquationsSVD().decompose(a, vectors: vectors) }),
        FaultyDecomposer(
            name: "an absolute stopping test",
            fault: "one-sided Jacobi that skips a pair when |γ| ≤ tol·‖A‖²_F instead of tol·‖g_p‖‖g_q‖: on a graded matrix the small columns are never made orthogonal",
            decompose: { a, vectors in PlainJacobi(absoluteTest: true, scaling: true).decompose(a, vectors: vectors) }),
        FaultyDecomposer(
            name: "no scaling",
            fault: "one-sided Jacobi on A as it is, with ‖g‖² summed directly: for entries near 1e±300 the squares overflow to ∞ (NaN follows) or underflow to 0 (σ = 0)",
            decompose: { a, vectors in PlainJacobi(absoluteTest: false, scaling: false).decompose(a, vectors: vectors) }),
        FaultyDecomposer(
            name: "unsorted σ",
            fault: "a correct decomposition with the triplets (σᵢ, uᵢ, vᵢ) in increasing order of σ",
            decompose: { a, vectors in
                let d = try OneSidedJacobi().decompose(a, vectors: vectors)
                let p = d.singularValues.count
                func reversingLeading(_ q: Matrix<Double>) -> Matrix<Double> {
                    Matrix(rows: q.rows, columns: q.columns) { i, j in j < p ? q[i, p - 1 - j] : q[i, j] }
                }
                return SingularValueDecomposition(rows: d.rows, columns: d.columns, u: reversingLeading(d.u),
                                                  singularValues: d.singularValues.reversed(), v: reversingLeading(d.v),
                                                  diagnostics: d.diagnostics)
            }),
        FaultyDecomposer(
            name: "V returned as Vᵀ",
            fault: "a correct decomposition whose V is stored transposed, as NumPy's svd returns Vh = Vᵀ (wrong unless V is symmetric; the wrong shape for the thin SVD of a wide matrix)",
            decompose: { a, vectors in
                let d = try OneSidedJacobi().decompose(a, vectors: vectors)
                return SingularValueDecomposition(rows: d.rows, columns: d.columns, u: d.u, singularValues: d.singularValues,
                                                  v: d.v.transposed, diagnostics: d.diagnostics)
            }),
        FaultyDecomposer(
            name: "U not completed",
            fault: "uⱼ = gⱼ/σⱼ only where σⱼ > 0, and nothing else: the columns of U beyond p (full SVD of a tall matrix) and those of zero σ are left zero",
            decompose: { a, vectors in
                let d = try OneSidedJacobi().decompose(a, vectors: vectors)
                let sigma = d.singularValues
                let u = Matrix(rows: d.u.rows, columns: d.u.columns) { i, j in j < sigma.count && sigma[j] > 0 ? d.u[i, j] : 0 }
                return SingularValueDecomposition(rows: d.rows, columns: d.columns, u: u, singularValues: sigma, v: d.v,
                                                  diagnostics: d.diagnostics)
            }),
    ]
}

/// One-sided Jacobi in its plainest form, with the two switches the faults need: the stopping
/// test (relative |γ| ≤ tol·√(αβ), or absolute |γ| ≤ tol·‖G‖²_F) and the power-of-two scaling of A
/// with norms by `scaledNorm` (or none, and norms as √(Σ g²)). With the relative test and the
/// scaling it is a correct SVD; it never throws: after 30 sweeps it returns what it has.
struct PlainJacobi: Sendable {
    let absoluteTest: Bool
    let scaling: Bool

    func decompose(_ a: Matrix<Double>, vectors: SingularVectors) -> SingularValueDecomposition<Double> {
        let tall = a.rows >= a.columns
        var g = tall ? a : a.transposed
        var exponent = 0
        if scaling, let largest = g.elements.map(abs).max(), largest > 0 {
            exponent = Int(largest.exponent)
            g = Matrix(rows: g.rows, columns: g.columns,
                       columnMajor: g.elements.map { Double(sign: .plus, exponent: -exponent, significand: $0) })
        }
        let m = g.rows, n = g.columns
        var v = Matrix<Double>.identity(n)
        let tolerance = Double(m).squareRoot() * .ulpOfOne
        // Columns below ε²·‖G‖_F are rounding noise: they take no part in rotations.
        let negligible = Double.ulpOfOne * Double.ulpOfOne * g.frobeniusNorm
        var sweeps = 0, rotations = 0
        for _ in 0..<30 {
            sweeps += 1
            var rotated = 0
            let total = g.elements.map { $0 * $0 }.reduce(0, +)
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) {
                    var alpha = 0.0, beta = 0.0, gamma = 0.0
                    for i in 0..<m {
                        alpha += g[i, p] * g[i, p]
                        beta += g[i, q] * g[i, q]
                        gamma += g[i, p] * g[i, q]
                    }
                    if alpha == 0 || beta == 0 || alpha.squareRoot() <= negligible || beta.squareRoot() <= negligible { continue }
                    let small = absoluteTest ? abs(gamma) <= tolerance * total
                                             : abs(gamma) <= tolerance * alpha.squareRoot() * beta.squareRoot()
                    if small { continue }
                    let zeta = (beta - alpha) / (2 * gamma)
                    let t = abs(zeta) > 1 / Double.ulpOfOne.squareRoot()
                        ? 1 / (2 * zeta) : (zeta >= 0 ? 1 : -1) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), s = c * t
                    for i in 0..<m {
                        let (x, y) = (g[i, p], g[i, q])
                        (g[i, p], g[i, q]) = (c * x - s * y, s * x + c * y)
                    }
                    for i in 0..<n {
                        let (x, y) = (v[i, p], v[i, q])
                        (v[i, p], v[i, q]) = (c * x - s * y, s * x + c * y)
                    }
                    rotated += 1
                }
            }
            rotations += rotated
            if rotated == 0 { break }
        }
        let norms = (0..<n).map { j -> Double in
            let norm = scaling ? scaledNorm(g.column(j)) : g.column(j).map { $0 * $0 }.reduce(0, +).squareRoot()
            return norm > negligible || !norm.isFinite ? norm : 0
        }
        let order = norms.indices.sorted { norms[$0] > norms[$1] || (norms[$0].isNaN && !norms[$1].isNaN) }
        let sigma = order.map { norms[$0] }
        let nonzero = sigma.prefix { $0 > 0 || $0.isNaN }.count
        let leading = Matrix<Double>(rows: m, columns: nonzero) { i, j in g[i, order[j]] / sigma[j] }
        let target = vectors == .full ? m : n
        // Completion needs finite columns; with NaN there is nothing to complete.
        let left = leading.firstNonFiniteEntry == nil
            ? completingOrthonormalColumns(leading, to: target)
            : Matrix(rows: m, columns: target) { i, j in j < nonzero ? leading[i, j] : 0 }
        let right = Matrix<Double>(rows: n, columns: n) { i, j in v[i, order[j]] }
        let values = sigma.map { Double(sign: .plus, exponent: exponent, significand: $0) }
        let diagnostics = DecompositionDiagnostics(sweeps: sweeps, rotations: rotations, largestRemainingCosine: 0,
                                                   tolerance: tolerance)
        let (u, vOut) = tall ? (left, right) : (right, left)
        return SingularValueDecomposition(rows: a.rows, columns: a.columns, u: u, singularValues: values, v: vOut,
                                          diagnostics: diagnostics)
    }
}
