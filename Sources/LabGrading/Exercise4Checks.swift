import Foundation
import HilbertLab
import SVDCore
import SVDTestMatrices

/// The checks of Exercise 4's tasks E4.1–E4.4 (Guides/Exercise4-Hilbert.md, "Your tasks"). The
/// references are the definitions, the 120-digit mpmath values of ``HilbertReference`` and the
/// lab's `OneSidedJacobi`, never the task's own code.
enum Exercise4Checks {
    static var all: [Check] {
        [ratio, hilbertReference, measuredDigits, predictedDigits, tikhonovStacked, tikhonovZeroAlpha, shiftLowers]
    }

    // MARK: - E4.1

    /// Singular values as a column, descending: spread over many decades, sometimes with a zero
    /// last value, a single value, or all equal.
    @Sendable static func singularValueColumn(_ g: inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String) {
        let p = Int.random(in: 1...8, using: &g)
        var sigma = (0..<p).map { _ in Double.pow(10, Double.random(in: -20...20, using: &g)) }.sorted(by: >)
        var kind = "σ spread over 40 decades"
        switch Int.random(in: 0..<5, using: &g) {
        case 0: sigma[p - 1] = 0; kind = "σ with σ_p = 0"
        case 1: sigma = [Double](repeating: sigma[0], count: p); kind = "equal σ"
        default: break
        }
        return (Matrix(rows: p, columns: 1, columnMajor: sigma), kind + ", as a column")
    }

    static let ratio = Check(
        "E4.1.ratio", task: "E4.1",
        rationale: "κ₂ = σ₁/σ_p is one correctly rounded division, so it is compared exactly; a zero σ_p gives +∞ (the matrix is singular), and equal σ give 1.",
        cases: 100, minimumRows: 1, minimumColumns: 1, generate: singularValueColumn
    ) { a in
        let sigma = a.column(0).sorted(by: >)
        let expected = sigma.last! == 0 ? Double.infinity : sigma.first! / sigma.last!
        let actual = try ConditionTasks.conditionNumber(sigma)
        guard actual == expected else {
            return Violation("κ₂ of σ = \(Measures.show(sigma))", expected: Measures.show(expected), actual: Measures.show(actual))
        }
        return nil
    }

    static let hilbertReference = Check(
        "E4.1.hilbert-reference", task: "E4.1",
        rationale: "From the singular values of Hₙ computed by the lab's accurate method (Cauchy LDU + Jacobi, relative error below 4nε), κ₂(Hₙ) must agree with the 120-digit mpmath value to 4nε + 2ε, for every n from 1 to 40 (κ₂(H₄₀) ≈ 10⁵⁹). The input is n.",
        cases: 40, minimumRows: 1, minimumColumns: 1,
        generate: { g in
            let n = Int.random(in: 1...HilbertReference.largestSize, using: &g)
            return (Matrix(rows: 1, columns: 1, columnMajor: [Double(n)]), "n of the Hilbert matrix Hₙ")
        }
    ) { a in
        let n = Int(a[0, 0])
        guard let reference = HilbertReference.entry(n) else { return nil }
        let sigma = try HilbertMethod.accurate.singularValues(ofHilbert: n)
        let kappa = try ConditionTasks.conditionNumber(sigma)
        let bound = (4 * Double(n) + 2) * Measures.epsilon
        let error = abs(kappa - reference.conditionNumber) / reference.conditionNumber
        guard error <= bound else {
            return Violation("κ₂(H\(n)) against mpmath's \(reference.conditionNumberText)",
                             expected: "relative error ≤ \(Measures.show(bound))", actual: "κ₂ = \(Measures.show(kappa)), relative error \(Measures.show(error))")
        }
        return nil
    }

    // MARK: - E4.2

    /// The three epsilons of the exercise's precisions.
    static let epsilons: [Double] = [Double(Float.ulpOfOne), Double.ulpOfOne, 0x1p-63]

    /// [κ_computed, κ_exact, ε] as a 1×3 matrix: κ_exact from 1 to 10⁴⁰, κ_computed off by a
    /// relative 10⁻²⁰ … 10², or exact, or +∞, or 0.
    @Sendable static func digitsInput(_ g: inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String) {
        let exact = Double.pow(10, Double.random(in: 0...40, using: &g))
        let epsilon = epsilons[Int.random(in: 0..<epsilons.count, using: &g)]
        let computed: Double
        let kind: String
        switch Int.random(in: 0..<8, using: &g) {
        case 0: computed = exact; kind = "κ computed exactly"
        case 1: computed = .infinity; kind = "κ computed as +∞"
        case 2: computed = 0; kind = "κ computed as 0"
        default:
            let sign: Double = Bool.random(using: &g) ? 1 : -1
            computed = exact * (1 + sign * Double.pow(10, Double.random(in: -20...2, using: &g)))
            kind = "κ computed with a relative error of 1e-20 … 1e2"
        }
        return (Matrix(rows: 1, columns: 3, columnMajor: [computed, exact, epsilon]), "[κ_computed, κ_exact, ε]: " + kind)
    }

    /// The input of a digits check: nil when shrinking has removed one of its three numbers.
    static func digitsArguments(_ a: Matrix<Double>) -> (computed: Double, exact: Double, epsilon: Double)? {
        guard a.rows == 1, a.columns == 3, a[0, 1] >= 1, a[0, 2] > 0, a[0, 2] < 1 else { return nil }
        return (a[0, 0], a[0, 1], a[0, 2])
    }

    static let measuredDigits = Check(
        "E4.2.measured", task: "E4.2",
        rationale: "The measured digits are −log₁₀(|κ − κ_exact|/κ_exact), clamped to [0, 16]: 16 for no error at all (the reference is a Double), 0 for an error ≥ 1, an infinite κ or a κ of 0; never negative. Compared to 1e-12.",
        cases: 120, minimumRows: 1, minimumColumns: 3, generate: digitsInput
    ) { a in
        guard let (computed, exact, epsilon) = digitsArguments(a) else { return nil }
        let error = abs(computed - exact) / exact
        let expected = error == 0 ? 16 : (error.isFinite ? min(16, max(0, -Foundation.log10(error))) : 0)
        let actual = try ConditionTasks.correctDigits(computed: computed, exact: exact, epsilon: epsilon).measured
        guard abs(actual - expected) <= 1e-12 else {
            return Violation("measured digits of κ = \(computed) against κ_exact = \(exact)",
                             expected: Measures.show(expected), actual: Measures.show(actual))
        }
        return nil
    }

    static let predictedDigits = Check(
        "E4.2.predicted", task: "E4.2",
        rationale: "A backward-stable SVD of a matrix stored with unit roundoff ε/2 finds σ_min to a relative ε·κ, so it keeps −log₁₀(ε·κ) digits, clamped to [0, −log₁₀ε] (15.7 in Double, 6.9 in Float); it depends on κ_exact and ε only. Compared to 1e-12.",
        cases: 120, minimumRows: 1, minimumColumns: 3, generate: digitsInput
    ) { a in
        guard let (computed, exact, epsilon) = digitsArguments(a) else { return nil }
        let most = -Foundation.log10(epsilon)
        let expected = min(most, max(0, -Foundation.log10(epsilon * exact)))
        let actual = try ConditionTasks.correctDigits(computed: computed, exact: exact, epsilon: epsilon).predicted
        guard abs(actual - expected) <= 1e-12 else {
            return Violation("predicted digits for κ_exact = \(exact) with ε = \(Measures.show(epsilon))",
                             expected: Measures.show(expected), actual: Measures.show(actual))
        }
        return nil
    }

    // MARK: - E4.3

    /// [A b α]: α in every row of the last column, b the column before it.
    static func tikhonovArguments(_ input: Matrix<Double>) -> (a: Matrix<Double>, b: [Double], alpha: Double)? {
        guard input.columns >= 3 else { return nil }
        let alpha = input[0, input.columns - 1]
        guard alpha.isFinite, alpha >= 0 else { return nil }
        return (input.columns(0..<(input.columns - 2)), input.column(input.columns - 2), alpha)
    }

    /// [A b α] with A of any shape (full rank, rank-deficient, a Hilbert matrix) and
    /// α = σ₁²·10^t, t from `decades`.
    @Sendable static func stackedInput(_ g: inout SeededGenerator, decades: ClosedRange<Double>) -> (matrix: Matrix<Double>, kind: String) {
        let m = Int.random(in: 1...7, using: &g), n = Int.random(in: 1...7, using: &g)
        var a: Matrix<Double>
        var kind: String
        switch Int.random(in: 0..<3, using: &g) {
        case 0 where min(m, n) > 1:
            let r = Int.random(in: 1..<min(m, n), using: &g)
            a = TestMatrices.lowRank(rows: m, columns: n, rank: r, using: &g)
            kind = "rank-\(r) matrix"
        case 1:
            let size = Int.random(in: 2...10, using: &g)
            a = Matrix(rows: size, columns: size) { i, j in 1 / Double(i + j + 1) }
            kind = "Hilbert matrix H\(size) (stored)"
        default:
            a = Measures.gaussian(m, n, &g)
            kind = "Gaussian matrix"
        }
        let largest = (try? Measures.referenceSingularValues(a).first) ?? 1
        let alpha = largest * largest * Double.pow(10, Double.random(in: decades, using: &g))
        let b = (0..<a.rows).map { _ in g.nextGaussian() }
        return (Matrix(rows: a.rows, columns: a.columns + 2, columnMajor: a.elements + b + [Double](repeating: alpha, count: a.rows)),
                "[A b α] with A a \(kind), α = σ₁²·10^t")
    }

    /// The property of E4.3.stacked: Tikhonov's x against the least squares of [A; √α·I].
    @Sendable static func stackedProperty(_ input: Matrix<Double>) throws -> Violation? {
        guard let (a, b, alpha) = tikhonovArguments(input), alpha > 0 else { return nil }
        let m = a.rows, n = a.columns
        let root = alpha.squareRoot()
        let stacked = Matrix<Double>(rows: m + n, columns: n) { i, j in i < m ? a[i, j] : (i - m == j ? root : 0) }
        let stackedSVD = try OneSidedJacobi().decompose(stacked, vectors: .thin)
        let expected = stackedSVD.solveLeastSquares(b + [Double](repeating: 0, count: n), cutoff: 0)
        let kappa = stackedSVD.largestSingularValue / stackedSVD.smallestSingularValue
        let bound = 64 * Double(m + n) * Measures.epsilon * kappa * kappa * (scaledNorm(expected) + scaledNorm(b) / root)
        for vectors in [SingularVectors.thin, .full] {
            let svd = try OneSidedJacobi().decompose(a, vectors: vectors)
            let x = try RegularizationTasks.tikhonovSolution(svd, b, alpha: alpha)
            guard x.count == n else { return Violation("x has n entries", expected: "\(n)", actual: "\(x.count)") }
            let error = scaledNorm(zip(x, expected).map { $0 - $1 })
            guard error <= bound else {
                return Violation("Tikhonov's x with α = \(Measures.show(alpha)) (\(vectors) decomposition) solves min ‖Ax − b‖² + α‖x‖²",
                                 expected: "x = \(Measures.show(expected)) (to \(Measures.show(bound)))", actual: "x = \(Measures.show(x))")
            }
        }
        return nil
    }

    static let tikhonovStacked = Check(
        "E4.3.stacked", task: "E4.3",
        rationale: "Tikhonov's x = Σ σᵢ/(σᵢ² + α)·(uᵢᵀb)·vᵢ minimizes ‖Ax − b‖² + α‖x‖², the least squares of the stacked [A; √α·I]·x ≈ [b; 0]: it must match that solution (computed by the lab's Jacobi SVD of the stacked matrix, condition κ_S) to 64·(m + n)·ε·κ_S²·(‖x‖ + ‖b‖/√α), from a thin and a full SVD of A, for tall, wide, rank-deficient and Hilbert A. The input is [A b α].",
        cases: 100, minimumRows: 1, minimumColumns: 3,
        generate: { g in stackedInput(&g, decades: -6...0) }, property: stackedProperty)

    static let tikhonovZeroAlpha = Check(
        "E4.3.zero-alpha", task: "E4.3",
        rationale: "With α = 0 the filter factors are 1 and Tikhonov's x is A⁺b with every σᵢ > 0 inverted; a σᵢ = 0 (a zero matrix, a zero column) contributes nothing, never 0/0 = NaN. Compared with the lab's solveLeastSquares(b, cutoff: 0) to 16·(m + n)·ε·(‖x‖ + ‖b‖/σ_min⁺). The input is [A b 0].",
        cases: 80, minimumRows: 1, minimumColumns: 3,
        generate: { g in
            let m = Int.random(in: 1...6, using: &g), n = Int.random(in: 1...6, using: &g)
            var a = Measures.gaussian(m, n, &g)
            let kind: String
            switch Int.random(in: 0..<3, using: &g) {
            case 0: a = Matrix(rows: m, columns: n); kind = "the zero matrix"
            case 1:
                let j = Int.random(in: 0..<n, using: &g)
                for i in 0..<m { a[i, j] = 0 }
                kind = "a Gaussian matrix with a zero column"
            default: kind = "a Gaussian matrix"
            }
            let b = (0..<m).map { _ in g.nextGaussian() }
            return (Matrix(rows: m, columns: n + 2, columnMajor: a.elements + b + [Double](repeating: 0, count: m)), "[A b 0] with A \(kind)")
        }
    ) { input in
        guard let (a, b, alpha) = tikhonovArguments(input), alpha == 0 else { return nil }
        let svd = try OneSidedJacobi().decompose(a, vectors: .thin)
        let expected = svd.solveLeastSquares(b, cutoff: 0)
        let x = try RegularizationTasks.tikhonovSolution(svd, b, alpha: 0)
        guard x.count == a.columns, x.allSatisfy(\.isFinite) else {
            return Violation("α = 0: a finite x with n entries", expected: "x = \(Measures.show(expected))", actual: "x = \(Measures.show(x))")
        }
        let smallest = svd.singularValues.last { $0 > 0 } ?? 1
        let bound = 16 * Double(a.rows + a.columns) * Measures.epsilon * (scaledNorm(expected) + scaledNorm(b) / smallest)
        guard scaledNorm(zip(x, expected).map { $0 - $1 }) <= bound else {
            return Violation("α = 0: x = A⁺b, every σᵢ > 0 inverted", expected: "x = \(Measures.show(expected)) (to \(Measures.show(bound)))",
                             actual: "x = \(Measures.show(x))")
        }
        return nil
    }

    // MARK: - E4.4

    /// The property of E4.4: the student's A for the α in the input's (0, 0) entry.
    @Sendable static func shiftProperty(_ input: Matrix<Double>) throws -> Violation? {
        let alpha = input[0, 0]
        guard alpha > 0, alpha < 1 else { return nil }
        let a = try RegularizationTasks.shiftCounterexample(alpha: alpha)
        guard a.rows == a.columns, (1...10).contains(a.rows), a.elements.allSatisfy(\.isFinite) else {
            return Violation("a square matrix of order 1…10 with finite entries", expected: "n×n", actual: "\(a.rows)×\(a.columns)")
        }
        var shifted = a
        for i in 0..<a.rows { shifted[i, i] += alpha }
        let before = try Measures.referenceSingularValues(a).last!
        let after = try Measures.referenceSingularValues(shifted).last!
        let slack = 16 * Double(a.rows) * Measures.epsilon
        guard before >= alpha * (1 - slack) else {
            return Violation("σ_min(A) ≥ α = \(Measures.show(alpha)) (A is not already nearly singular)",
                             expected: "σ_min(A) ≥ \(Measures.show(alpha))", actual: "σ_min(A) = \(Measures.show(before))")
        }
        guard after <= before / 2 else {
            return Violation("σ_min(A + αI) ≤ σ_min(A)/2 with α = \(Measures.show(alpha)): adding αI lowers σ_min",
                             expected: "σ_min(A + αI) ≤ \(Measures.show(before / 2))", actual: "σ_min(A + αI) = \(Measures.show(after))")
        }
        return nil
    }

    static let shiftLowers = Check(
        "E4.4.lowers-sigma-min", task: "E4.4",
        rationale: "The counterexample must be one: σ_min(A) ≥ α, and σ_min(A + αI) at most half of it (0 for diag(1, −α)), both measured by the lab's Jacobi SVD, for α from 1e-8 to 0.3. The input is α.",
        cases: 60, minimumRows: 1, minimumColumns: 1,
        generate: { g in
            (Matrix(rows: 1, columns: 1, columnMajor: [Double.pow(10, Double.random(in: -8 ... -0.5, using: &g))]), "α")
        }, property: shiftProperty)
}
