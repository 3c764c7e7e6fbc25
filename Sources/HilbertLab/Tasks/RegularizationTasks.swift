import SVDCore

/// Exercise 4's regularization tasks (Guides/Exercise4-Hilbert.md, "Your tasks"): Tikhonov's
/// solution from an SVD, the device that works for every matrix, and a matrix for which the
/// seed's "add a small value to the diagonal" makes things worse. The regularization section of
/// `exercise4` calls both.
public enum RegularizationTasks {
    // TASK E4.3 (3): Tikhonov's solution through the filter factors
    /// x_α = argmin ‖Ax − b‖² + α‖x‖², the solution of (AᵀA + αI)·x = Aᵀb, from the SVD of A:
    ///
    ///     x_α = Σᵢ fᵢ·(uᵢᵀb/σᵢ)·vᵢ = Σᵢ σᵢ/(σᵢ² + α)·(uᵢᵀb)·vᵢ,   fᵢ = σᵢ²/(σᵢ² + α),
    ///
    /// over i = 1 … p = min(m, n). The filter factor fᵢ is ≈ 1 for σᵢ ≫ √α (the component of A⁺b is
    /// kept) and ≈ σᵢ²/α for σᵢ ≪ √α (it is damped), so no term exceeds ‖b‖/(2√α). With α = 0 it is
    /// A⁺b with every σᵢ > 0 inverted, and a σᵢ = 0 contributes nothing (never 0/0).
    /// - Parameters:
    ///   - svd: a thin or full SVD of the m×n matrix A.
    ///   - b: m numbers.
    ///   - alpha: α ≥ 0.
    /// - Returns: n numbers.
    public static func tikhonovSolution(_ svd: SingularValueDecomposition<Double>, _ b: [Double],
                                        alpha: Double) throws(SVDError) -> [Double] {
        // BEGIN SOLUTION
        let p = svd.singularValues.count
        let coefficients = (0..<p).map { i -> Double in
            let sigma = svd.singularValues[i]
            let denominator = sigma * sigma + alpha
            return denominator == 0 ? 0 : sigma / denominator * dot(svd.u.column(i), b)
        }
        return svd.v.leadingColumns(p) * coefficients
        // END SOLUTION
    }

    // TASK E4.4 (2): a matrix whose σ_min falls when αI is added
    /// A square matrix A with σ_min(A) ≥ α whose shift A + αI has a smaller σ_min — singular, as
    /// the simplest example is: the seed's "adding a small value to the diagonal lowers the
    /// condition number" holds for symmetric positive definite A (eigenvalues λᵢ + α), not in
    /// general, where Weyl's inequality only promises σ_min(A + αI) ≥ σ_min(A) − α.
    /// - Parameter alpha: 0 < α < 1.
    /// - Returns: an n×n matrix with entries of size at most about 1.
    public static func shiftCounterexample(alpha: Double) throws(SVDError) -> Matrix<Double> {
        // BEGIN SOLUTION
        // diag(1, −α): σ = 1 and α, and A + αI = diag(1 + α, 0).
        return Matrix(rows: 2, columns: 2, columnMajor: [1, 0, 0, -alpha])
        // END SOLUTION
    }
}
