import SVDCore

/// Exercise 3's tasks: the pseudoinverse and least squares from a decomposition
/// (Guides/Exercise3-LeastSquares.md, "Your tasks"). The regimes of sections 1–3 call these.
public enum PseudoinverseTasks {
    // TASK E3.1 (2): Σ⁺ with a cut-off
    /// The diagonal of Σ⁺: 1/σᵢ for every σᵢ > `cutoff`, and 0 for every σᵢ ≤ `cutoff`.
    ///
    /// Values at or below the cut-off are treated as zero: at rounding level they are noise, and
    /// inverting them would add components of size ‖b‖/σᵢ along meaningless directions.
    /// - Parameters:
    ///   - sigma: σ₁ ≥ … ≥ σ_p ≥ 0.
    ///   - cutoff: τ ≥ 0 (`SingularValueDecomposition.defaultRankTolerance` is σ₁·max(m,n)·ε).
    /// - Returns: p numbers, in the order of `sigma`.
    public static func invertedSingularValues(_ sigma: [Double], cutoff: Double) throws -> [Double] {
        // BEGIN SOLUTION
        return sigma.map { $0 > cutoff ? 1 / $0 : 0 }
        // END SOLUTION
    }

    // TASK E3.2 (2): the pseudoinverse A⁺ = V·Σ⁺·Uᵀ
    /// A⁺ = V·Σ⁺·Uᵀ (n×m), with Σ⁺ from `invertedSingularValues` (E3.1): the sum over the kept
    /// σᵢ of vᵢ·uᵢᵀ/σᵢ. Uses the first p = min(m, n) columns of U and V, so a thin and a full
    /// decomposition give the same A⁺.
    /// - Returns: the n×m matrix, satisfying the four Penrose conditions when nothing is cut off.
    public static func pseudoinverse(_ svd: SingularValueDecomposition<Double>, cutoff: Double) throws -> Matrix<Double> {
        // BEGIN SOLUTION
        let p = svd.singularValues.count
        let inverted = try invertedSingularValues(svd.singularValues, cutoff: cutoff)
        return svd.v.leadingColumns(p).scalingColumns(by: inverted) * svd.u.leadingColumns(p).transposed
        // END SOLUTION
    }

    // TASK E3.3 (3): least squares without forming A⁺
    /// x = A⁺b = Σᵢ (uᵢᵀb/σᵢ)·vᵢ over the kept σᵢ: the minimum-norm least-squares solution of
    /// Ax ≈ b, computed as V·(Σ⁺·(Uᵀb)) without forming A⁺ (O((m + n)·p) flops instead of
    /// O(m·n·p), and no rounding errors of size 1/σ_p spread through an explicit matrix).
    /// - Parameter b: m numbers.
    /// - Returns: n numbers.
    public static func leastSquaresSolution(_ svd: SingularValueDecomposition<Double>, _ b: [Double],
                                            cutoff: Double) throws -> [Double] {
        // BEGIN SOLUTION
        let p = svd.singularValues.count
        let inverted = try invertedSingularValues(svd.singularValues, cutoff: cutoff)
        let coefficients = (0..<p).map { i in inverted[i] == 0 ? 0 : dot(svd.u.column(i), b) * inverted[i] }
        return svd.v.leadingColumns(p) * coefficients
        // END SOLUTION
    }
}
