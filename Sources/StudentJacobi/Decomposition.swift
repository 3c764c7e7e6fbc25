import SVDFoundation

// TASK C3 (4): the decomposition from the sweeps
/// A = U·Σ·Vᵀ by one-sided Jacobi: for a tall A (m ≥ n) sweep G = A, V = I with
/// tolerance √m·ε until a sweep rotates nothing (at most `maxSweeps` sweeps, else throw
/// `SVDError.noConvergence`), setting to zero after each sweep every column whose norm has fallen
/// to rounding noise, ≤ ε²·‖A‖_F; then σⱼ = ‖gⱼ‖, sorted in decreasing order with the columns of V in
/// the same order, uⱼ = gⱼ/σⱼ for σⱼ > 0, and U completed to orthonormal columns
/// (`completingOrthonormalColumns`: n columns for `.thin`, m for `.full`). A wide A is done
/// through its transpose, Aᵀ = U′ΣV′ᵀ ⇒ A = V′ΣU′ᵀ (then U and V trade places; `.full` completes
/// V′ to n columns, which is m′ = n of the transpose). Finish with `orientedBySignConvention`.
/// - Parameters:
///   - a: a non-empty matrix with finite entries (`StudentJacobi` checks that).
///   - vectors: `.thin` (U m×p, V n×p, p = min(m, n)) or `.full` (U m×m, V n×n).
///   - maxSweeps: the sweep limit.
/// - Throws: `SVDError.noConvergence(sweeps:largestCosine:)` at the sweep limit;
///   `SVDError.notImplemented` until the task (or C1, C2) is done.
public func jacobiDecomposition<Scalar: SVDScalar>(_ a: Matrix<Scalar>, vectors: SingularVectors, maxSweeps: Int)
    throws(SVDError) -> SingularValueDecomposition<Scalar>
{
    // BEGIN SOLUTION
    let tall = a.rows >= a.columns
    var g = tall ? a : a.transposed
    let m = g.rows, n = g.columns
    var v = Matrix<Scalar>.identity(n)
    let tolerance = Scalar(m).squareRoot() * Scalar.ulpOfOne
    var sweeps = 0
    var record = SweepRecord(rotations: 0, largestCosine: 0)
    var rotations = 0
    // Rounding noise: an exactly rank-deficient A leaves columns that each rotation shrinks by
    // about ε without making them orthogonal. Below ε²·‖A‖_F a column is set to zero, so that the
    // sweeps skip it and U is completed for it.
    let negligible = Scalar.ulpOfOne * Scalar.ulpOfOne * g.frobeniusNorm
    repeat {
        guard sweeps < maxSweeps else {
            throw .noConvergence(sweeps: sweeps, largestCosine: record.largestCosine)
        }
        record = try jacobiSweep(&g, &v, tolerance: tolerance)
        rotations += record.rotations
        sweeps += 1
        for j in 0..<n where scaledNorm(g.column(j)) <= negligible {
            for i in 0..<m { g[i, j] = 0 }
        }
    } while record.rotations > 0

    let norms = (0..<n).map { scaledNorm(g.column($0)) }
    let order = norms.indices.sorted { norms[$0] > norms[$1] }
    let sigma = order.map { norms[$0] }
    let nonzero = sigma.prefix { $0 > 0 }.count
    let leading = Matrix<Scalar>(rows: m, columns: nonzero) { i, j in g[i, order[j]] / sigma[j] }
    let left = completingOrthonormalColumns(leading, to: vectors == .full ? m : n)
    let right = Matrix<Scalar>(rows: n, columns: n) { i, j in v[i, order[j]] }
    let diagnostics = DecompositionDiagnostics(sweeps: sweeps, rotations: rotations,
                                               largestRemainingCosine: record.largestCosine,
                                               tolerance: Double(tolerance))
    let (u, vOut) = tall ? (left, right) : (right, left)
    return orientedBySignConvention(rows: a.rows, columns: a.columns, u: u, singularValues: sigma, v: vOut,
                                    diagnostics: diagnostics)
    // END SOLUTION
}
