import SVDFoundation

/// # Back substitution: R·Y = B for an upper triangular R
///
/// ## Purpose
/// Solves R·Y = B for an n×n upper triangular R with nonzero diagonal and an n×k right-hand side
/// B, overwriting B with Y (LAPACK `dtrsm`, side left, upper, no transpose). `OneSidedJacobi`
/// uses it to recover right singular vectors from left ones (see `VectorsBySubstitution.swift`).
///
/// ## Algorithm
/// Row n−1 of R·Y = B involves only yₙ₋₁ = bₙ₋₁/rₙ₋₁,ₙ₋₁; once yₖ is known, its contribution
/// rᵢₖ·yₖ is subtracted from every row i < k, and row k − 1 has one unknown left. In column form:
///
///     for k = n−1 down to 0:   yₖ = bₖ/rₖₖ;   b[0..<k] −= yₖ·R[0..<k, k]
///
/// which runs down contiguous columns of R (column-major storage). Blocked, for speed: the rows
/// are taken in blocks of `blockSize` from the bottom; a block's unknowns are found by the loop
/// above restricted to the block's own rows, and then all rows above it are updated at once,
/// B[top] −= R[top, block]·Y[block], one matrix product (`BlockedMatrixProduct.swift`) instead of
/// `blockSize` passes over B. The arithmetic is the same, only its order differs.
///
/// ## Accuracy
/// Back substitution is backward stable in the strongest, componentwise sense (Higham, *Accuracy
/// and Stability of Numerical Algorithms*, 2nd ed., Thm 8.5): each computed column ŷ solves
/// (R + ΔR)·ŷ = b with |ΔR| ≤ γₙ·|R|, γₙ = nε/(1 − nε), and blocking keeps a bound of this
/// form (§13.1). Because the bound is componentwise, scaling the rows of R does not change it:
/// the forward error ‖ŷ − y‖/‖y‖ is at most about γₙ·κ(D⁻¹R) for every diagonal D, in particular
/// for D = the row norms of R, however large κ(R) itself is.
///
/// - Complexity: n²k flops.
func solveUpperTriangular<Scalar: SVDScalar>(_ r: Matrix<Scalar>, overwriting b: inout Matrix<Scalar>) {
    let n = r.rows, k = b.columns
    precondition(r.columns == n && b.rows == n, "R·Y = B needs R n×n and B with n rows")
    guard n > 0, k > 0 else { return }
    let blockSize = 64
    // −Y of the current block: `anyAddProduct` only adds, so the update B −= R·Y adds R·(−Y).
    var negatedBlock = [Scalar](repeating: 0, count: blockSize * k)
    r.elements.withUnsafeBufferPointer { rBuffer in
        let rBase = UnsafeMutablePointer(mutating: rBuffer.baseAddress!)
        b.elements.withUnsafeMutableBufferPointer { bBuffer in
            let bBase = bBuffer.baseAddress!
            negatedBlock.withUnsafeMutableBufferPointer { negated in
                let firstBlockStart = (n - 1) / blockSize * blockSize
                for start in stride(from: firstBlockStart, through: 0, by: -blockSize) {
                    let end = min(start + blockSize, n), rows = end - start
                    // The block's own unknowns, by the column loop of the algorithm.
                    for j in 0..<k {
                        let column = bBase + j * n
                        for row in stride(from: end - 1, through: start, by: -1) {
                            let y = column[row] / rBase[row + row * n]
                            column[row] = y
                            subtractMultiple(y, of: rBase + start + row * n, from: column + start,
                                             count: row - start)
                        }
                    }
                    guard start > 0 else { continue }
                    // B[0..<start] += R[0..<start, block]·(−Y[block]).
                    for j in 0..<k {
                        for i in 0..<rows { negated[i + j * rows] = -bBase[start + i + j * n] }
                    }
                    anyAddProduct(MatrixView(rBase + start * n, rows: start, columns: rows, stride: n),
                                  MatrixView(negated.baseAddress!, rows: rows, columns: k, stride: rows),
                                  to: MatrixView(bBase, rows: start, columns: k, stride: n))
                }
            }
        }
    }
}
