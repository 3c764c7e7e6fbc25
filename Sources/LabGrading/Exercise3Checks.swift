import Foundation
import LeastSquaresLab
import SVDCore
import SVDTestMatrices

/// The checks of Exercise 3's tasks E3.1–E3.3 (Guides/Exercise3-LeastSquares.md, "Your tasks").
/// The decompositions come from the lab's `OneSidedJacobi`, so that these tasks do not depend on
/// your core tasks.
enum Exercise3Checks {
    static var all: [Check] { [cutoff, penrose, truncated, leastSquares, normalEquations, normalEquationsSingular] }

    static let cutoff = Check(
        "E3.1.cutoff", task: "E3.1",
        rationale: "Σ⁺ inverts exactly the σᵢ above the cut-off: 1/σᵢ (one correctly rounded division, so compared exactly) for σᵢ > τ, and 0 for σᵢ ≤ τ, including σᵢ = τ and σᵢ = 0.",
        cases: 100, minimumRows: 1, minimumColumns: 1,
        generate: { g in
            let p = Int.random(in: 1...8, using: &g)
            var sigma = (0..<p).map { _ in Double.pow(10, Double.random(in: -12...2, using: &g)) }
            if Bool.random(using: &g) { sigma[p - 1] = 0 }
            sigma.sort(by: >)
            // The cut-off, in the last row: one of the σ exactly (the boundary), or between two.
            let tau = Bool.random(using: &g) ? sigma[Int.random(in: 0..<p, using: &g)] : Double.pow(10, Double.random(in: -13...2, using: &g))
            return (Matrix(rows: p + 1, columns: 1, columnMajor: sigma + [tau]), "σ as a column, the cut-off τ in its last row")
        }
    ) { a in
        guard a.rows >= 2 else { return nil }
        let values = Array(a.column(0).dropLast()), tau = a[a.rows - 1, 0]
        let sorted = values.sorted(by: >)
        let expected = sorted.map { $0 > tau ? 1 / $0 : 0 }
        let actual = try PseudoinverseTasks.invertedSingularValues(sorted, cutoff: tau)
        guard actual == expected else {
            return Violation("Σ⁺ with the cut-off τ = \(Measures.show(tau))", expected: Measures.show(expected), actual: Measures.show(actual))
        }
        return nil
    }

    /// A random matrix of any shape, full rank or not, and its decomposition (thin or full).
    @Sendable static func anyShape(_ g: inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String) {
        let m = Int.random(in: 1...7, using: &g), n = Int.random(in: 1...7, using: &g)
        if min(m, n) > 1 && Bool.random(using: &g) {
            let r = Int.random(in: 1..<min(m, n), using: &g)
            return (TestMatrices.lowRank(rows: m, columns: n, rank: r, using: &g), "rank-\(r) matrix")
        }
        return (Measures.gaussian(m, n, &g), "Gaussian matrix")
    }

    static let penrose = Check(
        "E3.2.penrose", task: "E3.2",
        rationale: "A⁺ = V·Σ⁺·Uᵀ is the one matrix X with AXA = A, XAX = X, (AX)ᵀ = AX and (XA)ᵀ = XA. With the default cut-off each holds to 16·p·max(m,n)·ε·κᵣ·‖·‖ (κᵣ = σ₁/σᵣ over the kept σ), for the thin and the full decomposition alike.",
        cases: 100, minimumRows: 1, minimumColumns: 1, generate: anyShape
    ) { a in
        for vectors in [SingularVectors.thin, .full] {
            let svd = try OneSidedJacobi().decompose(a, vectors: vectors)
            let x = try PseudoinverseTasks.pseudoinverse(svd, cutoff: svd.defaultRankTolerance)
            guard x.rows == a.columns, x.columns == a.rows else {
                return Violation("A⁺ is n×m", expected: "\(a.columns)×\(a.rows)", actual: "\(x.rows)×\(x.columns)")
            }
            let kappa = svd.effectiveConditionNumber()
            let c = 16 * Double(svd.singularValues.count * max(a.rows, a.columns)) * Measures.epsilon * (kappa.isFinite ? kappa : 1)
            let conditions: [(String, Matrix<Double>, Double)] = [
                ("A·A⁺·A = A", a * x * a - a, a.frobeniusNorm),
                ("A⁺·A·A⁺ = A⁺", x * a * x - x, x.frobeniusNorm),
                ("(A·A⁺)ᵀ = A·A⁺", (a * x).transposed - a * x, 1),
                ("(A⁺·A)ᵀ = A⁺·A", (x * a).transposed - x * a, 1),
            ]
            for (name, difference, scale) in conditions where difference.frobeniusNorm > c * max(scale, Measures.epsilon) {
                return Violation("the Penrose condition \(name) (\(vectors) decomposition)", expected: "‖difference‖_F ≤ \(Measures.show(c * scale))",
                                 actual: Measures.show(difference.frobeniusNorm))
            }
        }
        return nil
    }

    static let truncated = Check(
        "E3.2.truncated", task: "E3.2",
        rationale: "With a cut-off τ at a gap in the spectrum, A⁺ keeps only the σᵢ > τ: it must equal Σ_{σᵢ>τ} vᵢuᵢᵀ/σᵢ to 16·p·max(m,n)·ε·‖A⁺‖_F, and its rank is the number of σᵢ > τ.",
        cases: 80, minimumRows: 2, minimumColumns: 2,
        generate: { g in
            let m = Int.random(in: 2...7, using: &g), n = Int.random(in: 2...7, using: &g)
            let r = Int.random(in: 1..<min(m, n), using: &g)
            let a0 = TestMatrices.lowRank(rows: m, columns: n, rank: r, using: &g, as: Double.self)
            let noise = Measures.gaussian(m, n, &g)
            return (a0 + (1e-8 * a0.frobeniusNorm / noise.frobeniusNorm) * noise, "rank-\(r) matrix plus noise of relative size 1e-8")
        }
    ) { a in
        let svd = try OneSidedJacobi().decompose(a, vectors: .thin)
        let tau = 1e-4 * svd.largestSingularValue
        let x = try PseudoinverseTasks.pseudoinverse(svd, cutoff: tau)
        let kept = svd.singularValues.filter { $0 > tau }.count
        var expected = Matrix<Double>(rows: a.columns, columns: a.rows)
        for i in 0..<kept {
            expected = expected + (1 / svd.singularValues[i]) * (Matrix(rows: a.columns, columns: 1, columnMajor: svd.v.column(i))
                                                                 * Matrix(rows: 1, columns: a.rows, columnMajor: svd.u.column(i)))
        }
        let bound = 16 * Double(svd.singularValues.count * max(a.rows, a.columns)) * Measures.epsilon * expected.frobeniusNorm
        guard x.rows == expected.rows, x.columns == expected.columns, (x - expected).frobeniusNorm <= bound else {
            return Violation("A⁺ with the cut-off τ = \(Measures.show(tau)) keeps \(kept) of \(svd.singularValues.count) σ",
                             expected: "‖A⁺ − Σ_{σᵢ>τ} vᵢuᵢᵀ/σᵢ‖_F ≤ \(Measures.show(bound))",
                             actual: x.rows == expected.rows && x.columns == expected.columns ? Measures.show((x - expected).frobeniusNorm) : "shape \(x.rows)×\(x.columns)")
        }
        return nil
    }

    static let leastSquares = Check(
        "E3.3.least-squares", task: "E3.3",
        rationale: "x = Σ_{σᵢ>τ} (uᵢᵀb/σᵢ)·vᵢ is the minimum-norm least-squares solution: it must match that sum to 16·(m + n)·ε·(‖x‖ + ‖b‖/σᵣ) (the rounding of p dot products of length m and of the final combination), for tall, wide and rank-deficient A. The input is [A b]: b is its last column.",
        cases: 100, minimumRows: 1, minimumColumns: 2,
        generate: { g in
            let (a, kind) = anyShape(&g)
            let b = (0..<a.rows).map { _ in g.nextGaussian() }
            return (Matrix(rows: a.rows, columns: a.columns + 1, columnMajor: a.elements + b), "[A b] with A a \(kind)")
        }
    ) { ab in
        let a = ab.columns(0..<(ab.columns - 1)), b = ab.column(ab.columns - 1)
        let svd = try OneSidedJacobi().decompose(a, vectors: .thin)
        let tau = svd.defaultRankTolerance
        let x = try PseudoinverseTasks.leastSquaresSolution(svd, b, cutoff: tau)
        let kept = svd.singularValues.filter { $0 > tau }
        var expected = [Double](repeating: 0, count: a.columns)
        for i in kept.indices {
            let coefficient = dot(svd.u.column(i), b) / kept[i]
            for j in 0..<a.columns { expected[j] += coefficient * svd.v[j, i] }
        }
        guard x.count == a.columns else {
            return Violation("x has n entries", expected: "\(a.columns)", actual: "\(x.count)")
        }
        let smallest = kept.last ?? 1
        let bound = 16 * Double(a.rows + a.columns) * Measures.epsilon * (scaledNorm(expected) + scaledNorm(b) / smallest)
        let error = scaledNorm(zip(x, expected).map { $0 - $1 })
        guard error <= bound else {
            return Violation("the minimum-norm least-squares solution", expected: "x = \(Measures.show(expected)) (to \(Measures.show(bound)))",
                             actual: "x = \(Measures.show(x))")
        }
        return nil
    }

    static let normalEquations = Check(
        "E3.4.normal-equations", task: "E3.4",
        rationale: "On a well-conditioned tall A (singular values in [1, 10]) the Cholesky solution of AᵀA·x = Aᵀb is the least-squares solution to about ε·κ²: |x − x_ref| ≤ 64·m·n·ε·κ²·(‖x_ref‖ + ‖b‖/σₙ) (forming AᵀA squares κ; c = 64 covers the product, the factorization and two triangular solves). The input is [A b].",
        cases: 100, minimumRows: 2, minimumColumns: 2,
        generate: { g in
            let n = Int.random(in: 1...5, using: &g), m = n + Int.random(in: 1...5, using: &g)
            let a = Measures.ordinary(m, n, &g)
            let b = (0..<m).map { _ in g.nextGaussian() }
            return (Matrix(rows: m, columns: n + 1, columnMajor: a.elements + b), "[A b] with A an ordinary tall matrix")
        }
    ) { ab in
        let a = ab.columns(0..<(ab.columns - 1)), b = ab.column(ab.columns - 1)
        guard a.rows >= a.columns else { return nil }
        let svd = try OneSidedJacobi().decompose(a, vectors: .thin)
        guard svd.smallestSingularValue > 0 else { return nil }
        let expected = svd.solveLeastSquares(b)
        guard let x = try NormalEquations.solve(a, b), x.count == a.columns else {
            return Violation("a solution for a full-rank A", expected: "x = \(Measures.show(expected))", actual: "nil or the wrong length")
        }
        let kappa = svd.conditionNumber
        let bound = 64 * Double(a.rows * a.columns) * Measures.epsilon * kappa * kappa
            * (scaledNorm(expected) + scaledNorm(b) / svd.smallestSingularValue)
        let error = scaledNorm(zip(x, expected).map { $0 - $1 })
        guard error <= bound else {
            return Violation("the least-squares solution by the normal equations", expected: "x = \(Measures.show(expected)) (to \(Measures.show(bound)))",
                             actual: "x = \(Measures.show(x))")
        }
        return nil
    }

    static let normalEquationsSingular = Check(
        "E3.4.not-positive-definite", task: "E3.4",
        rationale: "When a column of A is zero, AᵀA is singular: a Cholesky pivot is exactly 0, and the solver must say so (nil) instead of dividing by it (∞ or NaN in x).",
        cases: 60, minimumRows: 1, minimumColumns: 2,
        generate: { g in
            let n = Int.random(in: 1...4, using: &g), m = n + Int.random(in: 0...4, using: &g)
            var a = Measures.gaussian(m, n, &g)
            let j = Int.random(in: 0..<n, using: &g)
            for i in 0..<m { a[i, j] = 0 }
            let b = (0..<m).map { _ in g.nextGaussian() }
            return (Matrix(rows: m, columns: n + 1, columnMajor: a.elements + b), "[A b] with a zero column in A")
        }
    ) { ab in
        let a = ab.columns(0..<(ab.columns - 1)), b = ab.column(ab.columns - 1)
        guard (0..<a.columns).contains(where: { j in a.column(j).allSatisfy { $0 == 0 } }) else { return nil }
        if let x = try NormalEquations.solve(a, b) {
            return Violation("nil when AᵀA is singular", expected: "nil", actual: "x = \(Measures.show(x))")
        }
        return nil
    }
}
