/// Extends a matrix with orthonormal columns to more orthonormal columns.
///
/// Given Q (m×k) with QᵀQ = I, returns [Q  Q₂] (m×target) whose columns are still orthonormal.
/// This is what turns a thin SVD into a full one: the added columns of U span the left null space
/// of A, those of V its null space, and neither is determined by A beyond being orthonormal and
/// orthogonal to the rest.
///
/// Method: try the unit vectors e₁, e₂, … in turn; orthogonalize each against every column so far
/// with modified Gram–Schmidt, twice ("twice is enough", Kahan–Parlett: the second pass removes
/// what the first left behind through cancellation), and keep it when at least half of its length
/// survives. A unit vector survives by at least 1/√m of its length against a k-dimensional
/// subspace for some eᵢ, so the search always finishes. Deterministic, so output is reproducible.
/// Cost: O(m²·(target − k)) flops.
public func completingOrthonormalColumns<Scalar: SVDScalar>(_ q: Matrix<Scalar>, to target: Int) -> Matrix<Scalar> {
    let m = q.rows
    precondition(target <= m, "Cannot have \(target) orthonormal columns in ℝ^\(m)")
    guard q.columns < target else { return q }
    var basis = q.elements
    var count = q.columns
    var candidateIndex = 0
    // Prefer the unit vectors that are least represented in the current span (largest remaining
    // component), so that the accepted vectors are as well conditioned as possible.
    var bestResidual: [Scalar] = []
    while count < target && candidateIndex < m {
        var w = [Scalar](repeating: 0, count: m)
        w[candidateIndex] = 1
        candidateIndex += 1
        for _ in 0..<2 {
            for j in 0..<count {
                var projection: Scalar = 0
                for i in 0..<m { projection += basis[i + j * m] * w[i] }
                for i in 0..<m { w[i] -= projection * basis[i + j * m] }
            }
        }
        let length = scaledNorm(w)
        if length > 0.5 {
            basis.append(contentsOf: w.map { $0 / length })
            count += 1
        } else if bestResidual.isEmpty || length > scaledNorm(bestResidual) {
            bestResidual = w
        }
    }
    // Unreachable in exact arithmetic (see above), kept so that rounding cannot produce a short basis.
    while count < target {
        var w = bestResidual
        for _ in 0..<2 {
            for j in 0..<count {
                var projection: Scalar = 0
                for i in 0..<m { projection += basis[i + j * m] * w[i] }
                for i in 0..<m { w[i] -= projection * basis[i + j * m] }
            }
        }
        let length = scaledNorm(w)
        basis.append(contentsOf: w.map { $0 / length })
        count += 1
    }
    return Matrix(rows: m, columns: count, columnMajor: basis)
}
