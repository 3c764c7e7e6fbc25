import ExtendedPrecision
import Foundation
import PrincipalComponents
import SVDCore
import SVDTestMatrices

/// The checks of Exercise 1's tasks E1.1–E1.3 (Guides/Exercise1-PCA.md, "Your tasks"). The
/// references are computed here in double-double arithmetic (sums about 2⁻¹⁰⁶ relative) and from
/// the lab's `OneSidedJacobi`, never by the task functions.
enum Exercise1Checks {
    static var all: [Check] { [centres, centresExtreme, variances, ratiosExtreme, scores] }

    // MARK: - E1.1 centring

    /// The power of two at or below the largest |entry| (1 for a zero column): dividing by it is exact.
    static func power(_ column: [Double]) -> Double {
        let largest = column.map(abs).max() ?? 0
        return largest > 0 ? Double(sign: .plus, exponent: largest.exponent, significand: 1) : 1
    }

    /// The mean of `column` in double-double, in units of `power(column)`.
    static func referenceMean(_ column: [Double]) -> DoubleDouble {
        let scale = power(column)
        let sum = column.reduce(DoubleDouble(0)) { $0 + DoubleDouble($1 / scale) }
        return sum / DoubleDouble(Double(column.count))
    }

    /// The property of E1.1: every mean within 4·ε·max|aⱼ| of the exact mean, every centred
    /// entry within 8·ε·max|aⱼ| of aᵢⱼ − μⱼ (exact, then rounded once), all finite.
    @Sendable static func centringProperty(_ a: Matrix<Double>) throws -> Violation? {
        let (means, x) = try PCATasks.centred(a)
        guard means.count == a.columns, x.rows == a.rows, x.columns == a.columns else {
            return Violation("p means and an n×p centred matrix", expected: "\(a.columns) means, \(a.rows)×\(a.columns)",
                             actual: "\(means.count) means, \(x.rows)×\(x.columns)")
        }
        for j in 0..<a.columns {
            let column = a.column(j)
            let scale = power(column), mean = referenceMean(column)
            let largest = column.map(abs).max() ?? 0
            let expectedMean = mean.hi * scale
            guard means[j].isFinite, abs(means[j] - expectedMean) <= 4 * Measures.epsilon * largest else {
                return Violation("the mean of column \(j + 1) to 4·ε·max|aⱼ|", expected: "\(expectedMean) (±\(Measures.show(4 * Measures.epsilon * largest)))",
                                 actual: "\(means[j])")
            }
            for i in 0..<a.rows {
                let expected = (DoubleDouble(column[i] / scale) - mean).hi * scale
                guard x[i, j].isFinite, abs(x[i, j] - expected) <= 8 * Measures.epsilon * largest else {
                    return Violation("the centred entry (\(i + 1), \(j + 1)) is aᵢⱼ − μⱼ to 8·ε·max|aⱼ|",
                                     expected: "\(expected) (±\(Measures.show(8 * Measures.epsilon * largest)))", actual: "\(x[i, j])")
                }
            }
        }
        return nil
    }

    /// Columns of many kinds: spread around 0, at an offset up to 1e8 (with many rows, where a
    /// one-pass mean is off by several units in its last place), constant.
    @Sendable static func offsetData(_ g: inout SeededGenerator, maxOffsetExponent: Double = 8,
                                     manyRows: ClosedRange<Int> = 200...1500) -> (matrix: Matrix<Double>, kind: String) {
        let many = Int.random(in: 0..<3, using: &g) == 0
        let n = many ? Int.random(in: manyRows, using: &g) : Int.random(in: 2...40, using: &g)
        let p = Int.random(in: 1...(many ? 3 : 5), using: &g)
        var kinds: [String] = []
        var a = Matrix<Double>(rows: n, columns: p)
        for j in 0..<p {
            let spread = Double.pow(10, Double.random(in: -3...3, using: &g))
            let offset: Double
            switch Int.random(in: 0..<4, using: &g) {
            case 0: offset = 0; kinds.append("spread \(Measures.show(spread))")
            case 1: offset = Double.pow(10, Double.random(in: 2...maxOffsetExponent, using: &g)) * (Bool.random(using: &g) ? 1 : -1)
                kinds.append("offset \(Measures.show(offset)), spread \(Measures.show(spread))")
            case 2: offset = Double.pow(10, maxOffsetExponent) * Double.random(in: 1...2, using: &g)
                kinds.append("offset \(Measures.show(offset)), spread \(Measures.show(spread))")
            default:
                let value = Double.random(in: -1000...1000, using: &g)
                for i in 0..<n { a[i, j] = value }
                kinds.append("constant \(value)")
                continue
            }
            for i in 0..<n { a[i, j] = offset + spread * g.nextGaussian() }
        }
        return (a, "columns: " + kinds.joined(separator: "; "))
    }

    static let centres = Check(
        "E1.1.column-means", task: "E1.1",
        rationale: "X = A − 1·μᵀ: each mean must be the exact mean to 4·ε·max|aⱼ| and each centred entry aᵢⱼ − μⱼ to 8·ε·max|aⱼ| (references in double-double). With a column at offset 1e8 and hundreds of rows the one-pass Σaᵢⱼ/n is off by several units in its last place; a second pass over the residuals removes that.",
        cases: 60, minimumRows: 1, minimumColumns: 1, generate: { g in offsetData(&g) }, property: centringProperty)

    static let centresExtreme = Check(
        "E1.1.constant-and-huge", task: "E1.1",
        rationale: "A constant column centres to 0 (to 4·ε·|c|, with up to 1500 rows), and a column of entries near 1e308 has a finite mean and finite centred entries: their sum overflows unless the column is first divided by a power of two near its largest entry (exact). Same bounds as E1.1.column-means.",
        cases: 40, minimumRows: 1, minimumColumns: 1,
        generate: { g in
            // Constant columns with many rows, or huge ones with a few (enough to overflow a sum,
            // few enough that a failure shrinks to a matrix small enough to print).
            let huge = Bool.random(using: &g)
            let n = huge ? Int.random(in: 5...40, using: &g) : Int.random(in: 5...1500, using: &g)
            let p = Int.random(in: 1...3, using: &g)
            var a = Matrix<Double>(rows: n, columns: p)
            var kinds: [String] = []
            for j in 0..<p {
                if !huge || (j > 0 && Bool.random(using: &g)) {
                    let value = Double.random(in: -1...1, using: &g) * Double.pow(10, Double.random(in: -5...5, using: &g))
                    for i in 0..<n { a[i, j] = value }
                    kinds.append("constant \(value)")
                } else {
                    // Entries in [1, 7]·2^1020 ≈ [1.1e307, 7.9e307]: finite, as is every difference.
                    for i in 0..<n { a[i, j] = Double(sign: .plus, exponent: 1020, significand: Double.random(in: 1...7, using: &g)) }
                    kinds.append("entries in [1.1e307, 7.9e307]")
                }
            }
            return (a, "\(n) rows; columns: " + kinds.joined(separator: "; "))
        }, property: centringProperty)

    // MARK: - E1.2 variances and ratios

    /// σ (sorted) and n from a column whose last entry is n.
    static func sigmaAndCount(_ a: Matrix<Double>) -> (sigma: [Double], n: Int)? {
        guard a.rows >= 2 else { return nil }
        let last = a[a.rows - 1, 0]
        guard last >= 2, last <= 1e6, last == last.rounded() else { return nil }
        let sigma = Array(a.column(0).dropLast()).map(abs).sorted(by: >)
        guard sigma[0] > 0 else { return nil }
        return (sigma, Int(last))
    }

    /// σᵢ²/Σσⱼ² in double-double, in units of a power of two near σ₁ (no overflow).
    static func referenceRatios(_ sigma: [Double]) -> [Double] {
        let scale = power(sigma)
        let squares = sigma.map { DoubleDouble($0 / scale) * DoubleDouble($0 / scale) }
        let total = squares.reduce(DoubleDouble(0), +)
        return squares.map { ($0 / total).hi }
    }

    /// The ratios to (2q + 4)·ε relative (plus 1e-300 absolute, for ratios in the subnormal
    /// range), and their sum 1 to 2q·ε.
    static func ratiosViolation(_ ratios: [Double], _ sigma: [Double]) -> Violation? {
        let expected = referenceRatios(sigma)
        let q = Double(sigma.count)
        guard ratios.count == sigma.count,
              zip(ratios, expected).allSatisfy({ $0.isFinite && abs($0 - $1) <= (2 * q + 4) * Measures.epsilon * $1 + 1e-300 }) else {
            return Violation("the ratios σᵢ²/Σσⱼ² to (2q + 4)·ε", expected: Measures.show(expected), actual: Measures.show(ratios))
        }
        let sum = ratios.reduce(0, +)
        guard abs(sum - 1) <= 2 * q * Measures.epsilon + Measures.epsilon else {
            return Violation("the ratios add up to 1", expected: "1 (±\(Measures.show(2 * q * Measures.epsilon)))", actual: "\(sum)")
        }
        return nil
    }

    /// Sorted σ over a few decades, sometimes with ties and trailing zeros, and n in the last row.
    @Sendable static func spectrum(_ g: inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String) {
        let q = Int.random(in: 1...8, using: &g)
        let top = Double.pow(10, Double.random(in: -100...100, using: &g))
        var sigma = (0..<q).map { _ in top * Double.pow(10, -Double.random(in: 0...12, using: &g)) }
        var kind = "σ₁ ≈ \(Measures.show(top))"
        switch Int.random(in: 0..<4, using: &g) {
        case 0: sigma = Array(repeating: top, count: q); kind += ", all equal"
        case 1 where q > 1: sigma[q - 1] = 0; if q > 2 { sigma[q - 2] = 0 }; kind += ", trailing zeros"
        default: break
        }
        sigma[0] = top
        sigma.sort(by: >)
        let n = Bool.random(using: &g) ? 2 : Int.random(in: 2...1000, using: &g)
        return (Matrix(rows: q + 1, columns: 1, columnMajor: sigma + [Double(n)]), kind + ", n = \(n) in the last row")
    }

    static let variances = Check(
        "E1.2.variances", task: "E1.2",
        rationale: "The variance along vᵢ is σᵢ²/n (population) and σᵢ²/(n − 1) (sample, as numpy.cov, scikit-learn and R divide): each to 4·ε relative (two roundings, or three by another order). The ratios σᵢ²/Σσⱼ² to (2q + 4)·ε, summing to 1; ties give equal ratios, zero σ a ratio 0. References in double-double; n = 2 is included (n − 1 = 1).",
        cases: 100, minimumRows: 2, minimumColumns: 1, generate: spectrum
    ) { a in
        guard let (sigma, n) = sigmaAndCount(a) else { return nil }
        let result = try PCATasks.componentVariances(sigma, observations: n)
        for (name, values, divisor) in [("σᵢ²/n", result.population, Double(n)), ("σᵢ²/(n − 1)", result.sample, Double(n - 1))] {
            let expected = sigma.map { ((DoubleDouble($0) * DoubleDouble($0)) / DoubleDouble(divisor)).hi }
            guard values.count == sigma.count,
                  zip(values, expected).allSatisfy({ abs($0 - $1) <= 4 * Measures.epsilon * $1 }) else {
                return Violation("the variances \(name) (n = \(n))", expected: Measures.show(expected), actual: Measures.show(values))
            }
        }
        return ratiosViolation(result.ratios, sigma)
    }

    static let ratiosExtreme = Check(
        "E1.2.ratios-no-overflow", task: "E1.2",
        rationale: "σ near 1e±200: σ² overflows to ∞ or underflows to 0, but the ratios σᵢ²/Σσⱼ² = (σᵢ/σ₁)²/Σ(σⱼ/σ₁)² do not. They must be right to (2q + 4)·ε and sum to 1 (the variances themselves are not representable here and are not checked).",
        cases: 60, minimumRows: 2, minimumColumns: 1,
        generate: { g in
            let q = Int.random(in: 1...8, using: &g)
            let top = Double.pow(10, (Bool.random(using: &g) ? 1 : -1) * Double.random(in: 170...250, using: &g))
            let sigma = [top] + (1..<q).map { _ in top * Double.random(in: 1e-3...1, using: &g) }
            return (Matrix(rows: q + 1, columns: 1, columnMajor: sigma.sorted(by: >) + [10]), "σ around \(Measures.show(top)), n = 10 in the last row")
        }
    ) { a in
        guard let (sigma, n) = sigmaAndCount(a) else { return nil }
        return ratiosViolation(try PCATasks.componentVariances(sigma, observations: n).ratios, sigma)
    }

    // MARK: - E1.3 scores

    /// X = A − 1·μᵀ with the means in double-double (this check's own centring, not E1.1's).
    static func centredReference(_ a: Matrix<Double>) -> Matrix<Double> {
        var x = a
        for j in 0..<a.columns {
            let column = a.column(j)
            let scale = power(column), mean = referenceMean(column)
            for i in 0..<a.rows { x[i, j] = (DoubleDouble(column[i] / scale) - mean).hi * scale }
        }
        return x
    }

    static let scores = Check(
        "E1.3.scores", task: "E1.3",
        rationale: "Z = X·V_k equals U_k·Σ_k (X·vⱼ = σⱼ·uⱼ): for every k from 0 to q, Z is n×k and within 8·max(n, p)·ε·‖X‖_F of U_k·Σ_k, with X centred data (tall, wide, rank-deficient) and its SVD from the lab's decomposer.",
        cases: 60, minimumRows: 2, minimumColumns: 1,
        generate: { g in
            let n = Int.random(in: 2...12, using: &g), p = Int.random(in: 1...6, using: &g)
            var (a, kind) = Exercise3Checks.anyShape(&g)
            if a.rows < 2 { a = Measures.gaussian(n, p, &g); kind = "Gaussian matrix" }
            let offset = Double.random(in: -100...100, using: &g)
            return (Matrix(rows: a.rows, columns: a.columns) { i, j in a[i, j] + offset }, "\(kind) plus \(Measures.show(offset)) (the data before centring)")
        }
    ) { a in
        guard a.rows >= 2 else { return nil }
        let x = centredReference(a)
        let svd = try OneSidedJacobi().decompose(x, vectors: .thin)
        let q = svd.singularValues.count
        let bound = 8 * Double(max(a.rows, a.columns)) * Measures.epsilon * max(x.frobeniusNorm, .leastNormalMagnitude)
        for k in 0...q {
            let z = try PCATasks.scores(x, directions: svd.v, components: k)
            guard z.rows == a.rows, z.columns == k else {
                return Violation("Z is n×k (k = \(k))", expected: "\(a.rows)×\(k)", actual: "\(z.rows)×\(z.columns)")
            }
            let expected = svd.u.leadingColumns(k).scalingColumns(by: Array(svd.singularValues.prefix(k)))
            let difference = (z - expected).frobeniusNorm
            guard difference <= bound else {
                return Violation("X·V_k = U_k·Σ_k (k = \(k))", expected: "‖Z − U_k·Σ_k‖_F ≤ \(Measures.show(bound))", actual: Measures.show(difference))
            }
        }
        return nil
    }
}
