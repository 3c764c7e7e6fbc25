import SVDFoundation

// TASK T1 (4): property tests that catch faulty decomposers
/// The problems of `d` as the SVD of `a` that was asked for (`vectors`), one sentence each; an
/// empty list when `d` has every property of an SVD computed in floating point.
///
/// Check what any correct decomposer guarantees, whatever the matrix (tall, wide, graded,
/// rank-deficient, entries near 1e±300):
/// - the shapes: U m×p and V n×p for `.thin`, U m×m and V n×n for `.full`, p = min(m, n) values
///   (check them first: multiplying matrices whose shapes do not fit traps);
/// - σ₁ ≥ σ₂ ≥ … ≥ σ_p ≥ 0, all finite, and finite entries in U and V;
/// - U and V with orthonormal columns: every entry of QᵀQ − I within c·max(m, n)·ε;
/// - A = U·Σ·Vᵀ: ‖A − U·Σ·Vᵀ‖_F within c·p·max(m, n)·ε·‖A‖_F, computed so that nothing
///   overflows or underflows for entries near 1e±300 (divide A and Σ by ‖A‖_F first).
///
/// The grader calls this on the decompositions of the lab's correct decomposer, which must pass
/// (one false alarm and the task scores nothing), and on those of six faulty ones, each of which
/// it must catch on at least one matrix (Guides/Verification.md, "Your task T1").
/// - Returns: the problems found, empty when there are none.
/// - Throws: `TaskNotImplemented` until the task is done.
public func checkDecomposition(_ a: Matrix<Double>, _ d: SingularValueDecomposition<Double>,
                               vectors: SingularVectors) throws -> [String] {
    // BEGIN SOLUTION
    let m = a.rows, n = a.columns, p = min(m, n)
    let (uColumns, vColumns) = vectors == .full ? (m, n) : (p, p)
    guard d.u.rows == m, d.u.columns == uColumns, d.v.rows == n, d.v.columns == vColumns, d.singularValues.count == p
    else {
        return ["shapes: expected U \(m)×\(uColumns), \(p) σ, V \(n)×\(vColumns); got U \(d.u.rows)×\(d.u.columns), "
                + "\(d.singularValues.count) σ, V \(d.v.rows)×\(d.v.columns)"]
    }
    let sigma = d.singularValues
    var problems: [String] = []
    if !sigma.allSatisfy({ $0.isFinite && $0 >= 0 }) { problems.append("σ not all finite and non-negative: \(sigma)") }
    if !zip(sigma, sigma.dropFirst()).allSatisfy({ $0 >= $1 }) { problems.append("σ not in decreasing order: \(sigma)") }
    if d.u.firstNonFiniteEntry != nil || d.v.firstNonFiniteEntry != nil { problems.append("U or V has a NaN or infinite entry") }
    guard problems.isEmpty else { return problems }
    let epsilon = Double.ulpOfOne, size = Double(max(m, n))
    for (name, q) in [("U", d.u), ("V", d.v)] where q.orthogonalityError > 16 * size * epsilon {
        problems.append("\(name) is not orthonormal: max|\(name)ᵀ\(name) − I| = \(q.orthogonalityError)")
    }
    let norm = a.frobeniusNorm
    guard norm > 0 else {
        if sigma.contains(where: { $0 != 0 }) { problems.append("A = 0 but σ = \(sigma)") }
        return problems
    }
    let scaledA = Matrix(rows: m, columns: n) { i, j in a[i, j] / norm }
    let product = d.u.leadingColumns(p).scalingColumns(by: sigma.map { $0 / norm }) * d.v.leadingColumns(p).transposed
    let residual = (scaledA - product).frobeniusNorm
    if !(residual <= 16 * Double(p) * size * epsilon) {
        problems.append("A ≠ U·Σ·Vᵀ: ‖A − U·Σ·Vᵀ‖_F/‖A‖_F = \(residual)")
    }
    return problems
    // END SOLUTION
}
