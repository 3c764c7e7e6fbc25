import ExtendedPrecision
import SVDCore
import SVDDecomposers

/// Least squares to (nearly) full `Double` accuracy: exact column scaling, the one-sided Jacobi
/// SVD, and iterative refinement of the augmented system with residuals in extended precision.
///
/// ## The problem
/// Minimize ‖Ax − b‖₂ for an m×n design matrix A of full column rank (m ≥ n). The answer is
/// x = A⁺b; the residual r = b − Ax is orthogonal to every column of A (Aᵀr = 0).
///
/// ## Three levers, and why each is needed
/// 1. **Column scaling by powers of two.** Column j is multiplied by 2^(−eⱼ), eⱼ the binary
///    exponent of its largest entry, so every column's largest entry lies in [1, 2). Then
///    A = A_s·D with D = diag(2^eⱼ), and x = D⁻¹·y where y solves the scaled problem. Multiplying
///    by a power of two only changes exponents, so A_s holds *exactly* the same digits as A: the
///    scaled problem is the same problem. Its condition number, however, is that of the columns'
///    directions rather than of their lengths (Filip's x¹⁰ column is 10¹⁰ times longer than its
///    constant column). Scaling by anything else (means, standard deviations) rounds every entry
///    and silently costs digits: for Wampler5 about 5 of them.
/// 2. **The SVD** A_s = U·Σ·Vᵀ (by `decomposer`: one-sided Jacobi unless `--decomposer` names
///    another) gives y₀ = V·Σ⁻¹·Uᵀb,
///    backward stable: its error is about ε·κ(A_s) + ε·κ(A_s)²·‖r‖/(‖A_s‖‖y‖), never the ε·κ²
///    of the normal equations.
/// 3. **Iterative refinement of the augmented system** (Björck 1967):
///
///        [ I   A_s ] [ r ]   [ b ]
///        [ A_sᵀ  0 ] [ y ] = [ 0 ],
///
///    whose solution is the least-squares solution y together with its residual r. Each step
///    computes the residuals of this system, f = b − r − A_s·y and g = −A_sᵀ·r, in **extended
///    precision** (double-double by default, see ``ResidualArithmetic``), solves for the
///    corrections with the SVD in `Double`,
///
///        δy = V·(Σ⁻¹·Uᵀf − Σ⁻²·Vᵀg),   δr = f − U·(Uᵀf − Σ⁻¹·Vᵀg),
///
///    and adds them to y and r, which are also kept in extended precision. The error contracts by
///    about κ(A_s)·ε per step, so a handful of steps reach the solution of the stored problem to
///    nearly the extended precision; the result is then rounded to `Double`. Refining the
///    augmented system rather than Ax = b alone matters: it refines r as well, and the κ²·‖r‖ term
///    that limits any method working on x alone disappears.
///
/// The extended residuals use the design matrix computed from the data's decimal numerals in
/// the extended arithmetic (x¹⁰ by repeated multiplication in it, so with an error of a few units
/// of its roundoff rather than of `Double`'s), which is what lets Filip, the degree-10
/// polynomial, pass the limit of about 7.6 digits that any solver has once xᵖ is rounded to
/// `Double`.
///
/// A matrix without full numerical column rank (after scaling) has no unique least-squares
/// solution; it gets the minimum-norm one A⁺b of the unscaled matrix with the default cut-off,
/// unrefined, and ``LeastSquaresFit/rank`` says so. (Scaling the columns changes which solution
/// is shortest, so the scaled route's answer is not reported then.)
///
/// ## References
/// - Å. Björck, Iterative refinement of linear least squares solutions I, BIT 7 (1967).
/// - N. J. Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., SIAM 2002, ch. 20.
/// - B. D. McCullough, Assessing the reliability of statistical software, Am. Stat. 52 (1998).
public struct RefinedLeastSquares: Sendable {
    /// The most refinement steps taken (each costs two products with A in extended precision).
    public var maximumRefinementSteps: Int
    /// The SVD algorithm of lever 2 (and of the plain A⁺b it is compared with).
    public var decomposer: any SingularValueDecomposer

    public init(maximumRefinementSteps: Int = 25,
                decomposer: any SingularValueDecomposer = DecomposerRegistry.standard.decomposer) {
        precondition(maximumRefinementSteps >= 0, "maximumRefinementSteps must not be negative")
        self.maximumRefinementSteps = maximumRefinementSteps
        self.decomposer = decomposer
    }

    /// Fits `data`'s model, with residuals in double-double arithmetic (the default everywhere:
    /// see ``ResidualArithmetic`` for why not `Float80`).
    public func fit(_ data: RegressionData) throws(SVDError) -> LeastSquaresFit {
        try fit(data, arithmetic: DoubleDouble.self)
    }

    /// Fits `data`'s model, with residuals in the chosen arithmetic.
    public func fit(_ data: RegressionData, residuals arithmetic: ResidualArithmetic) throws(SVDError) -> LeastSquaresFit {
        switch arithmetic {
        case .double: return try fit(data, arithmetic: Double.self)
        case .doubleDouble: return try fit(data, arithmetic: DoubleDouble.self)
        case .float80:
            #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
            return try fit(data, arithmetic: Float80.self)
            #else
            return try fit(data, arithmetic: DoubleDouble.self)
            #endif
        }
    }

    /// Fits `data`'s model, with residuals in the extended arithmetic `E`.
    public func fit<E: ExtendedPrecision>(_ data: RegressionData, arithmetic _: E.Type) throws(SVDError) -> LeastSquaresFit {
        try solve(a: data.designMatrix, b: data.response.values,
                  extendedA: data.extendedDesign(as: E.self),
                  extendedB: data.response.extendedValues(as: E.self))
    }

    /// Solves min ‖Ax − b‖ for A given both in `Double` and (column-major) in extended precision;
    /// the two must be roundings of the same numbers.
    @_specialize(where E == DoubleDouble)
    @_specialize(where E == Double)
    #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
    @_specialize(where E == Float80)
    #endif
    public func solve<E: ExtendedPrecision>(a: Matrix<Double>, b: [Double], extendedA: [E], extendedB: [E]) throws(SVDError)
        -> LeastSquaresFit
    {
        precondition(b.count == a.rows && extendedB.count == a.rows, "b needs one entry per row of A")
        precondition(extendedA.count == a.rows * a.columns, "extendedA needs every entry of A")
        let m = a.rows, n = a.columns
        let decomposer = self.decomposer

        // The plain route, for comparison: the SVD of A as it is, A⁺b in Double.
        let plain = try decomposer.decompose(a, vectors: .thin)
        let plainSolution = plain.solveLeastSquares(b)

        // Lever 1: exact scaling of the columns by powers of two.
        let exponents = (0..<n).map { j -> Int in
            let largest = a.column(j).reduce(0) { max($0, abs($1)) }
            return largest == 0 ? 0 : Int(largest.exponent)
        }
        let factors = exponents.map { Double(sign: .plus, exponent: -$0, significand: 1) }
        let scaled = a.scalingColumns(by: factors)
        var scaledExtended = extendedA
        for j in 0..<n {
            let factor = E(factors[j])
            for i in 0..<m { scaledExtended[i + j * m] = scaledExtended[i + j * m] * factor }
        }

        // Lever 2: the SVD of the scaled matrix.
        let svd = try decomposer.decompose(scaled, vectors: .thin)
        let rank = svd.rank()
        let y0 = svd.solveLeastSquares(b)
        let unscale = { (y: [Double]) in zip(y, factors).map { $0 * $1 } }
        var stages = [
            SolutionStage(name: "A⁺b, unscaled, Double", coefficients: plainSolution),
            SolutionStage(name: "A⁺b, columns scaled by 2^k", coefficients: unscale(y0)),
        ]

        // Lever 3: refinement of the augmented system, residuals in E.
        var y = y0.map { E($0) }
        var r = Self.residual(extendedB, minus: scaledExtended, times: y, rows: m)
        var corrections: [Double] = []
        if rank == n && m >= n {
            let sigma = svd.singularValues
            for _ in 0..<maximumRefinementSteps {
                // f = b − r − A·y and g = −Aᵀr, in E, then rounded: they are small, and their
                // leading digits are all the correction needs.
                let ay = Self.residual(extendedB, minus: scaledExtended, times: y, rows: m)
                let f = (0..<m).map { (ay[$0] - r[$0]).roundedToDouble }
                let g = (0..<n).map { j -> Double in
                    var sum = E.zero
                    for i in 0..<m { sum = sum + scaledExtended[i + j * m] * r[i] }
                    return -sum.roundedToDouble
                }
                // The correction from the SVD, in Double.
                let c = svd.u.transposeTimes(f)
                let h = svd.v.transposeTimes(g)
                let inner = (0..<n).map { c[$0] / sigma[$0] - h[$0] / (sigma[$0] * sigma[$0]) }
                let dy = svd.v * inner
                let w = svd.u * (0..<n).map { c[$0] - h[$0] / sigma[$0] }

                let size = y.reduce(0.0) { max($0, abs($1.roundedToDouble)) }
                let change = dy.reduce(0.0) { max($0, abs($1)) } / (size > 0 ? size : 1)
                // A correction that is not at least half the size of the previous one is
                // rounding noise of the extended residuals, not an improvement: the solution is
                // as accurate as this arithmetic allows, and the noise is left out.
                if let previous = corrections.last, change > 0.5 * previous { break }
                corrections.append(change)
                for j in 0..<n { y[j] = y[j] + E(dy[j]) }
                for i in 0..<m { r[i] = r[i] + E(f[i] - w[i]) }
                // Below 2⁻⁶⁰ a correction no longer reaches the last bit of a Double.
                if change <= 0x1p-60 { break }
            }
            stages.append(SolutionStage(name: "refined, residuals in \(E.arithmeticName)",
                                        coefficients: unscale(y.map(\.roundedToDouble))))
        }
        // Without full column rank the answer is the minimum-norm solution A⁺b of the problem as
        // given. The scaled route would give the one of least ‖D⁻¹x‖ instead: another solution.
        let coefficients = rank < n ? plainSolution : stages.last!.coefficients

        // The residual of the reported (Double) coefficients, computed in E on the unscaled data.
        let finalResidual = Self.residual(extendedB, minus: extendedA, times: coefficients.map { E($0) }, rows: m)
        var sumOfSquares = E.zero
        for value in finalResidual { sumOfSquares = sumOfSquares + value * value }
        let designValues = plain.singularValues

        return LeastSquaresFit(coefficients: coefficients,
                               residuals: finalResidual.map(\.roundedToDouble),
                               residualSumOfSquares: sumOfSquares.roundedToDouble,
                               degreesOfFreedom: m - n,
                               rank: rank,
                               designSingularValues: designValues,
                               scaledSingularValues: svd.singularValues,
                               columnScaleExponents: exponents,
                               stages: stages,
                               refinementCorrections: corrections,
                               arithmeticName: E.arithmeticName,
                               residualUnitRoundoff: E.unitRoundoff,
                               responseNorm: b.reduce(0) { $0 + $1 * $1 }.squareRoot())
    }

    /// b − A·x in E, for A column-major with `rows` rows.
    private static func residual<E: ExtendedPrecision>(_ b: [E], minus a: [E], times x: [E], rows m: Int) -> [E] {
        var r = b
        for j in x.indices {
            let xj = x[j]
            for i in 0..<m { r[i] = r[i] - a[i + j * m] * xj }
        }
        return r
    }
}

/// The result of ``RefinedLeastSquares``.
public struct LeastSquaresFit: Sendable {
    /// The estimated parameters x (rounded to `Double`).
    public let coefficients: [Double]
    /// r = b − A·x for the reported x, computed in extended precision and rounded.
    public let residuals: [Double]
    /// ‖r‖², computed in extended precision.
    public let residualSumOfSquares: Double
    /// m − n.
    public let degreesOfFreedom: Int
    /// The numerical rank of the scaled design matrix (n when the fit is unique).
    public let rank: Int
    /// σ₁ ≥ … ≥ σₙ of the design matrix as given.
    public let designSingularValues: [Double]
    /// σ₁ ≥ … ≥ σₙ of the design matrix after exact column scaling.
    public let scaledSingularValues: [Double]
    /// eⱼ: column j was scaled by 2^(−eⱼ).
    public let columnScaleExponents: [Int]
    /// The solution after each lever; the last one is reported, except without full rank (then
    /// the first, the minimum-norm A⁺b of the unscaled matrix).
    public let stages: [SolutionStage]
    /// max|δy|/max|y| of each refinement step.
    public let refinementCorrections: [Double]
    /// The extended arithmetic of the residuals ("Float80", "double-double").
    public let arithmeticName: String
    /// The unit roundoff of that arithmetic (2⁻⁵³ for Double, 2⁻⁶⁴ for Float80, about 2⁻¹⁰⁶ for
    /// double-double).
    public let residualUnitRoundoff: Double
    /// ‖b‖₂, the norm of the response.
    public let responseNorm: Double

    /// The residual standard deviation √(‖r‖²/(m − n)); `nil` when m = n (no degrees of freedom).
    public var residualStandardDeviation: Double? {
        degreesOfFreedom > 0 ? (residualSumOfSquares / Double(degreesOfFreedom)).squareRoot() : nil
    }

    /// κ₂ of the design matrix, σ₁/σₙ.
    public var conditionNumber: Double { Self.ratio(designSingularValues) }
    /// κ₂ after the exact column scaling: what the SVD and the refinement actually face.
    public var scaledConditionNumber: Double { Self.ratio(scaledSingularValues) }

    private static func ratio(_ sigma: [Double]) -> Double {
        guard let first = sigma.first, let last = sigma.last, last > 0 else { return .infinity }
        return first / last
    }
}

/// The coefficients after one stage of the solver, to show what each lever contributes.
public struct SolutionStage: Sendable {
    public let name: String
    public let coefficients: [Double]
}
