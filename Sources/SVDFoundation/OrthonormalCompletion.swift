/// Extends a matrix with orthonormal columns to more orthonormal columns.
///
/// Given Q (m×k) with QᵀQ = I, returns [Q  Q₂] (m×target) whose columns are still orthonormal.
/// This is what turns a thin SVD into a full one: the added columns of U span the left null space
/// of A, those of V its null space, and neither is determined by A beyond being orthonormal and
/// orthogonal to the rest.
///
/// Method: the unit vector eᵢ keeps the part 1 − ‖Q[i, :]‖² of its squared length after projection
/// onto the complement of span(Q) (row i of Q holds its components along the columns). These
/// remainders add up to m − k, so the largest is at least (m − k)/m ≥ 1/m: choosing that eᵢ
/// (greedily, at each step) always leaves a vector of length at least 1/√m to normalize, never
/// a rounding-error residue. It is orthogonalized against every column so far with modified
/// Gram–Schmidt, twice ("twice is enough", Kahan–Parlett: the second pass removes what
/// cancellation left behind in the first). Deterministic, so output is reproducible.
///
/// - Parameters:
///   - q: Q, m×k, with orthonormal columns.
///   - target: the number of columns wanted, k ≤ `target` ≤ m.
/// - Returns: [Q  Q₂], m×`target`, with orthonormal columns; Q itself when `target` ≤ k.
/// - Complexity: O(m·target·(target − k)) flops.
@inlinable
public func completingOrthonormalColumns<Scalar: SVDScalar>(_ q: Matrix<Scalar>, to target: Int) -> Matrix<Scalar> {
    let m = q.rows
    precondition(target <= m, "Cannot have \(target) orthonormal columns in ℝ^\(m)")
    guard q.columns < target else { return q }
    var basis = q.elements
    var count = q.columns
    // rowSquares[i] = ‖Q[i, :]‖², the part of eᵢ already inside span(Q).
    var rowSquares = [Scalar](repeating: 0, count: m)
    for j in 0..<count {
        for i in 0..<m { rowSquares[i] += basis[i + j * m] * basis[i + j * m] }
    }
    while count < target {
        let best = rowSquares.indices.min { rowSquares[$0] < rowSquares[$1] }!
        var w = [Scalar](repeating: 0, count: m)
        w[best] = 1
        for _ in 0..<2 {
            for j in 0..<count {
                var projection: Scalar = 0
                for i in 0..<m { projection += basis[i + j * m] * w[i] }
                for i in 0..<m { w[i] -= projection * basis[i + j * m] }
            }
        }
        let length = scaledNorm(w)
        for i in 0..<m {
            w[i] /= length
            rowSquares[i] += w[i] * w[i]
        }
        basis.append(contentsOf: w)
        count += 1
    }
    return Matrix(rows: m, columns: count, columnMajor: basis)
}
