import SVDCore

/// The variances of the principal components and their shares (task E1.2).
public struct ComponentVariances: Sendable, Equatable {
    /// σᵢ²/n: the variance of the scores along vᵢ, as C = XᵀX/n defines it.
    public var population: [Double]
    /// σᵢ²/(n − 1): the same with the divisor of numpy.cov, scikit-learn and R's prcomp.
    public var sample: [Double]
    /// σᵢ²/Σⱼσⱼ²: the share of the total variance along vᵢ.
    public var ratios: [Double]

    public init(population: [Double], sample: [Double], ratios: [Double]) {
        self.population = population
        self.sample = sample
        self.ratios = ratios
    }
}

/// Exercise 1's tasks: the steps of PCA around the SVD (Guides/Exercise1-PCA.md, "Your tasks").
/// `PrincipalComponentAnalysis` calls them: centring before the decomposition, the variances and
/// the scores after it.
public enum PCATasks {
    // TASK E1.1 (3): centring: the column means subtracted
    /// The column means μⱼ = (1/n)·Σᵢ aᵢⱼ and the centred data X = A − 1·μᵀ.
    ///
    /// Each mean must be accurate to a few units in its last place, whatever the data's offset
    /// and size: data at 1e8 with a spread of 1 (the one-pass mean Σaᵢⱼ/n is then off by up to
    /// n·ε·1e8, which a second pass over the residuals aᵢⱼ − μⱼ removes), constant columns
    /// (centred to 0), entries near 1e308 (whose sum overflows unless the column is first divided
    /// by a power of two near its largest entry: exact, and undone at the end).
    /// - Parameter data: n×p, n ≥ 1, finite entries.
    /// - Returns: p means and the n×p centred matrix.
    public static func centred(_ data: Matrix<Double>) throws(TaskNotImplemented) -> (means: [Double], centred: Matrix<Double>) {
        // BEGIN SOLUTION
        let n = data.rows
        var means = [Double](repeating: 0, count: data.columns)
        var centred = data
        for j in 0..<data.columns {
            let largest = data.column(j).map(abs).max() ?? 0
            let power = largest > 0 ? Double(sign: .plus, exponent: largest.exponent, significand: 1) : 1
            let column = data.column(j).map { $0 / power }
            // Two passes: the mean, then the mean of the residuals as a correction.
            var mean = column.reduce(0, +) / Double(n)
            mean += column.reduce(0) { $0 + ($1 - mean) } / Double(n)
            means[j] = mean * power
            for i in 0..<n { centred[i, j] = (column[i] - mean) * power }
        }
        return (means, centred)
        // END SOLUTION
    }

    // TASK E1.2 (3): the variances σᵢ²/n and σᵢ²/(n − 1), and the explained-variance ratios
    /// From the singular values σ₁ ≥ … ≥ σ_q ≥ 0 of the centred data: the population variances
    /// σᵢ²/n, the sample variances σᵢ²/(n − 1), and the ratios σᵢ²/Σⱼσⱼ².
    ///
    /// The ratios are computed in units of σ₁ (σᵢ/σ₁ squared), so that they stay right when σ²
    /// would overflow or underflow (σ near 1e±200).
    /// - Parameters:
    ///   - sigma: q ≥ 1 values, sorted, σ₁ > 0.
    ///   - n: the number of observations, n ≥ 2.
    public static func componentVariances(_ sigma: [Double], observations n: Int) throws(TaskNotImplemented) -> ComponentVariances {
        // BEGIN SOLUTION
        let population = sigma.map { $0 * $0 / Double(n) }
        let sample = sigma.map { $0 * $0 / Double(n - 1) }
        let relative = sigma.map { $0 / sigma[0] }
        let total = relative.reduce(0) { $0 + $1 * $1 }
        return ComponentVariances(population: population, sample: sample, ratios: relative.map { $0 * $0 / total })
        // END SOLUTION
    }

    // TASK E1.3 (2): the scores Z = X·V_k
    /// The scores Z = X·V_k (n×k): row i holds observation i's coordinates along v₁ … v_k,
    /// zᵢⱼ = Σₗ xᵢₗ·vₗⱼ. (They equal U_k·Σ_k, because X·vⱼ = σⱼ·uⱼ: the checks compare with that.)
    /// - Parameters:
    ///   - x: the centred data, n×p.
    ///   - directions: V, p×q (q ≥ k), orthonormal columns.
    ///   - k: 0 ≤ k ≤ q.
    public static func scores(_ x: Matrix<Double>, directions: Matrix<Double>, components k: Int) throws(TaskNotImplemented) -> Matrix<Double> {
        // BEGIN SOLUTION
        return x * directions.leadingColumns(k)
        // END SOLUTION
    }
}
