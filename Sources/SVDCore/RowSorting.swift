/// # Rows in order of decreasing size before the pivoted QR
///
/// ## Why
/// Householder QR with column pivoting is backward stable column by column: the computed R is
/// exact for A + ΔA with each column of ΔA small against the same column of A. That is what keeps
/// the relative accuracy of A = B·D (columns graded). For A = D₁·B·D₂ — rows graded as well, in
/// any order — it is not enough: a row far smaller than the others receives errors of the size of
/// the others, and the small σ lose their digits (up to 1e-1 relative on row-graded matrices with
/// shuffled rows). Powell and Reid, and Cox and Higham (1998), showed that Householder QR with
/// column pivoting is backward stable row by row — each row of ΔA small against the same row of
/// A, up to a modest growth factor — when the rows are first sorted by decreasing size. LAPACK's
/// `dgejsv` does this with JOBA = 'F' or 'G'; so does this suite, and then every σ of D₁·B·D₂
/// comes out to relative accuracy about ε·κ(B) times a modest function of m and n, whatever the
/// order of the rows and columns (Drmač and Veselić 2008; measured in
/// `TwoSidedGradingTests`).
///
/// ## Only where it matters
/// Column pivoting already takes care of the columns' scale, so the size of a row is measured
/// after the columns are brought to unit length: rᵢ = ‖row i of A·D_c⁻¹‖₂, D_c the column norms
/// (then a matrix B·D has the row sizes of B, which are alike). When no row is more than τ = 4
/// times larger than a row above it, the rows are left in their order: the row-wise error bound
/// is then at most τ times that of sorted rows. This keeps every ordinary matrix — Gaussian ones
/// of the benchmarks, column-graded ones — bit for bit as it was decomposed before, and sorts
/// where rows are graded. The sort is stable.
///
/// ## References
/// - A. J. Cox and N. J. Higham, Stability of Householder QR factorization for weighted least
///   squares problems, Numerical Analysis 1997 (1998).
/// - Z. Drmač and K. Veselić, New fast and accurate Jacobi SVD algorithm I, SIAM J. Matrix
///   Anal. Appl. 29 (2008).
extension Matrix {
    /// The ratio τ between a row's size and that of a row above it beyond which rows are sorted.
    static var rowSortingRatio: Scalar { 4 }

    /// The order in which to take the rows for a row-wise stable pivoted QR: `order[k]` is the row
    /// of this matrix that becomes row k, by decreasing size of the rows of A·D_c⁻¹ (see above);
    /// nil when the rows are in order already, within the ratio τ.
    ///
    /// - Complexity: O(m·n).
    func rowOrderForRowwiseStability() -> [Int]? {
        guard rows > 1 else { return nil }
        let inverseColumnNorms = columnNorms.map { $0 == 0 ? 0 : 1 / $0 }
        // ‖row i of A·D_c⁻¹‖², summed column by column, where the memory is contiguous. Each entry
        // is at most 1 in size, so no square overflows; squares below the normal range lose
        // digits, which can matter only for a row whose sum lies within n·λ/ε of zero (λ the
        // smallest normal number): such a row is measured again with `scaledNorm`, which keeps
        // rows of tiny entries apart.
        var sumsOfSquares = [Scalar](repeating: 0, count: rows)
        elements.withUnsafeBufferPointer { a in
            sumsOfSquares.withUnsafeMutableBufferPointer { sums in
                for j in 0..<columns where inverseColumnNorms[j] != 0 {
                    let column = a.baseAddress! + j * rows
                    let scale = inverseColumnNorms[j]
                    for i in 0..<rows {
                        let entry = column[i] * scale
                        sums[i] += entry * entry
                    }
                }
            }
        }
        let plainSumsHold = Scalar(columns) * Scalar.leastNormalMagnitude / Scalar.ulpOfOne
        let sizes: [Scalar] = (0..<rows).map { i in
            sumsOfSquares[i] >= plainSumsHold
                ? sumsOfSquares[i].squareRoot()
                : scaledNorm((0..<columns).map { j in self[i, j] * inverseColumnNorms[j] })
        }
        var smallestAbove = sizes[0]
        var inOrder = true
        for size in sizes.dropFirst() {
            if size > Self.rowSortingRatio * smallestAbove {
                inOrder = false
                break
            }
            smallestAbove = Swift.min(smallestAbove, size)
        }
        if inOrder { return nil }
        // Stable: equal sizes keep their order.
        return sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }

    /// The rows in the given order: row k of the result is row `order[k]` of this matrix.
    func rows(inOrder order: [Int]) -> Matrix {
        precondition(order.count == rows, "An order of \(order.count) for \(rows) rows")
        return Matrix(rows: rows, columns: columns) { k, j in self[order[k], j] }
    }
}
