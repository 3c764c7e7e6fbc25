import SVDCore
import SVDDecomposers

/// Principal component analysis through the SVD of the centred data.
///
/// Let A be the n×p data (n observations in rows, p variables in columns) and X = A − 1·μᵀ the
/// data with each column's mean μⱼ subtracted (and, when standardizing, each column divided by
/// its standard deviation sⱼ). With the thin SVD X = U·Σ·Vᵀ:
///
/// - the **principal directions** are the columns v₁, v₂, … of V: orthonormal directions in
///   variable space, the first along which the data vary most, each next one the most among
///   directions orthogonal to the previous;
/// - the **variance along vᵢ** is σᵢ²/n, because ‖X·vᵢ‖² = σᵢ² and the mean of X·vᵢ is 0;
///   equivalently, C = XᵀX/n = V·(Σ²/n)·Vᵀ is the eigendecomposition of the covariance matrix;
/// - the **explained-variance ratio** of component i is σᵢ²/Σⱼσⱼ², and the **scores** (the data
///   in the new coordinates) are Z = X·V_k = U_k·Σ_k.
///
/// **n or n − 1.** This type divides by n, as the covariance C = XᵀX/n does. numpy.cov,
/// scikit-learn's `explained_variance_` and R's `prcomp` (its `sdev²`) divide by n − 1, the
/// unbiased estimate of a population's variance from a sample; their variances are ours times
/// n/(n − 1). Ratios, directions and scores are the same either way.
///
/// **Signs.** A direction vᵢ and −vᵢ describe the same axis. The SVD core makes the entry of
/// largest magnitude of each vᵢ positive (and flips uᵢ, hence the scores, with it), so results
/// are reproducible; other programs may print some components and scores with opposite signs.
///
/// **Why the SVD and not the covariance matrix.** Forming XᵀX squares the data's condition
/// number: eigenvalues of C carry absolute errors of about ε·λ₁, so a small variance λᵢ loses
/// about log₁₀(λ₁/λᵢ) digits. The SVD of X keeps σᵢ to about ε·σ₁ absolute, i.e. the variances
/// to ε·σ₁·σᵢ: it loses half as many digits.
public struct PrincipalComponentAnalysis: Sendable {
    /// n, the number of observations.
    public let rows: Int
    /// p, the number of variables.
    public let columns: Int
    /// The column means μ that were subtracted.
    public let means: [Double]
    /// The standard deviations sⱼ (divisor n) the centred columns were divided by, or `nil`
    /// when the data were only centred.
    public let scales: [Double]?
    /// X, the centred (and possibly scaled) data that were decomposed.
    public let centered: Matrix<Double>
    /// The thin SVD X = U·Σ·Vᵀ.
    public let svd: SingularValueDecomposition<Double>
    /// The decomposer that computed `svd`.
    public let decomposer: NamedDecomposer
    /// k, the number of components kept for the projection.
    public let componentCount: Int
    /// The variance of the data along each principal direction, σᵢ²/n (task E1.2).
    public let variances: [Double]
    /// The same with the divisor n − 1 (numpy.cov, scikit-learn, R's prcomp): σᵢ²/(n − 1).
    public let sampleVariances: [Double]
    /// σᵢ²/Σⱼσⱼ²: the share of the total variance along each direction, computed in units of σ₁
    /// so that no square can overflow.
    public let explainedVarianceRatio: [Double]
    /// X·V_j for j = max(k, min(2, q)) (task E1.3): the scores, and the plots' first two.
    let projected: Matrix<Double>

    /// Centres (and, if asked, scales) `data` and decomposes it.
    ///
    /// - Parameters:
    ///   - data: n×p, n ≥ 2, finite entries.
    ///   - standardize: divide each centred column by its standard deviation (divisor n), so
    ///     that every variable has variance 1 and C is the correlation matrix. Use it when the
    ///     variables have different units: otherwise the variable with the largest numbers
    ///     dominates the first component merely by its unit.
    ///   - components: k, 1 ≤ k ≤ min(n, p).
    ///   - variableNames: used in error messages (a constant column); defaults to "column j".
    ///   - decomposer: the SVD algorithm (one-sided Jacobi unless `--decomposer` names another).
    /// - Throws: ``PCAError``.
    public init(data: Matrix<Double>, standardize: Bool = false, components: Int = 2,
                variableNames: [String]? = nil,
                decomposer: NamedDecomposer = DecomposerRegistry.standard) throws(PCAError) {
        let n = data.rows, p = data.columns
        guard n >= 2 else { throw .tooFewRows(found: n) }
        let available = min(n, p)
        guard available >= 1, (1...available).contains(components) else {
            throw .componentsOutOfRange(requested: components, available: available)
        }
        if let (i, j) = data.firstNonFiniteEntry {
            throw .decomposition(.nonFiniteEntry(row: i, column: j))
        }
        let name = { (j: Int) in variableNames?[j] ?? "column \(j + 1)" }

        // Task E1.1: the column means and X = A − 1·μᵀ, accurate whatever the data's offset.
        let centring: (means: [Double], centred: Matrix<Double>)
        do { centring = try PCATasks.centred(data) } catch { throw .notImplemented(error) }
        var x = centring.centred
        var scales = [Double](repeating: 1, count: p)
        let epsilon = Double.ulpOfOne
        var everyColumnIsConstant = true
        for j in 0..<p {
            // The power of two nearest below the column's largest |entry|: the scale of its
            // rounding errors.
            let largest = data.column(j).map(abs).max() ?? 0
            let power = largest > 0 ? Double(sign: .plus, exponent: largest.exponent, significand: 1) : 1
            let centred = x.column(j)
            let deviation = scaledNorm(centred) / Double(n).squareRoot()
            // A column whose spread is at the level of the rounding in its mean (≈ n·ε relative
            // to its largest entry) is constant.
            let isConstant = deviation <= 2 * Double(n) * epsilon * power
            if !isConstant { everyColumnIsConstant = false }
            if standardize {
                // Scaling a constant column would blow rounding noise up to unit variance.
                guard !isConstant else { throw .constantColumn(name: name(j)) }
                scales[j] = deviation
                for i in 0..<n { x[i, j] = centred[i] / deviation }
            }
        }
        // All columns constant (to rounding): nothing to explain, and every ratio would be 0/0.
        guard !everyColumnIsConstant else { throw .noVariance }

        do {
            svd = try decomposer.decomposer.decompose(x, vectors: .thin)
        } catch {
            throw .decomposition(error)
        }
        // Squares of numbers beyond about 10^±154 leave the range of a Double: variances would be
        // ∞ or 0, and their ratios NaN. Refuse rather than print them.
        let largestVariance = svd.singularValues[0] * svd.singularValues[0] / Double(n)
        guard largestVariance.isNormal else {
            throw .varianceOutOfRange(largestSingularValue: svd.singularValues[0])
        }
        // Tasks E1.2 and E1.3: the variances and their ratios, the scores (the first k, and at
        // least the first two for the plots).
        do {
            let variances = try PCATasks.componentVariances(svd.singularValues, observations: n)
            self.variances = variances.population
            self.sampleVariances = variances.sample
            self.explainedVarianceRatio = variances.ratios
            projected = try PCATasks.scores(x, directions: svd.v, components: max(components, min(2, available)))
        } catch {
            throw .notImplemented(error)
        }
        self.rows = n
        self.decomposer = decomposer
        self.columns = p
        self.means = centring.means
        self.scales = standardize ? scales : nil
        self.centered = x
        self.componentCount = components
    }

    /// σ₁ ≥ σ₂ ≥ … ≥ σ_q ≥ 0, q = min(n, p): the singular values of X.
    public var singularValues: [Double] { svd.singularValues }

    /// The principal directions v₁ … v_q as the columns of V (p×q).
    public var directions: Matrix<Double> { svd.v }

    /// The first k principal directions, V_k (p×k).
    public var keptDirections: Matrix<Double> { svd.v.leadingColumns(componentCount) }


    /// Σᵢσᵢ²/n = ‖X‖²_F/n = trace(C): the total variance, the sum of the variables' variances.
    public var totalVariance: Double { variances.reduce(0, +) }


    /// The running sums of ``explainedVarianceRatio``: the share captured by the first k.
    public var cumulativeExplainedVarianceRatio: [Double] {
        var sum = 0.0
        return explainedVarianceRatio.map { sum += $0; return sum }
    }

    /// The scores Z = X·V_k (n×k): each observation's coordinates along the kept directions.
    public var scores: Matrix<Double> { scores(components: componentCount) }

    /// X·V_j for the first j directions, 1 ≤ j ≤ max(k, 2) (at most q).
    public func scores(components j: Int) -> Matrix<Double> {
        projected.leadingColumns(j)
    }

    /// The same scores computed the other way, U_k·Σ_k (no product with X needed): the
    /// columns of U scaled by the singular values.
    public var scoresFromLeftVectors: Matrix<Double> {
        svd.u.leadingColumns(componentCount).scalingColumns(by: Array(singularValues.prefix(componentCount)))
    }

    /// The variance the first k components leave out: Σ_{i>k} σᵢ²/n.
    public var varianceLeftOut: Double {
        variances.dropFirst(componentCount).reduce(0, +)
    }
}
