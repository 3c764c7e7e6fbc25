// INSTRUCTOR ONLY
import Foundation
import SVDCore
import SVDTestMatrices

/// The hidden tier: the visible properties again on inputs the student has not seen, drawn fresh
/// at every grading (the seed is printed, so a grade can be replayed), plus adversarial shapes.
/// They hide no answer: a failure's feedback shows the case, which changes from one grading to
/// the next.
enum HiddenChecks {
    static var all: [Check] {
        [
            variant(CoreChecks.rotationOrthogonalizes, "C1.hidden-tiny-gamma", cases: 200) { g in
                // Nearly orthogonal pairs: γ at the edge of the normal range.
                let m = Int.random(in: 2...6, using: &g)
                var a = Measures.gaussian(m, 2, &g)
                let q = try? OneSidedJacobi().decompose(a, vectors: .thin).u
                if let q {
                    let tilt = Double.pow(10, Double.random(in: -14 ... -6, using: &g))
                    a = Matrix(rows: m, columns: 2) { i, j in j == 0 ? q[i, 0] : q[i, 1] + tilt * q[i, 0] }
                }
                return (a, "two unit columns tilted from orthogonal by 1e-14…1e-6")
            },
            variant(CoreChecks.sweepGraded, "C2.hidden-graded-any-order", cases: 120) { g in
                let n = Int.random(in: 3...9, using: &g), m = n + Int.random(in: 0...4, using: &g)
                let decades = Double.random(in: 8...14, using: &g)
                let graded: (a: Matrix<Double>, b: Matrix<Double>, d: [Double]) =
                    TestMatrices.graded(rows: m, columns: n, exponents: -decades...0, using: &g)
                let order = (0..<n).shuffled(using: &g)
                let a = Matrix<Double>(rows: m, columns: n) { i, j in graded.a[i, order[j]] }
                return (a, "graded A = B·D, columns in random order, norms from 1 down to 1e-\(Int(decades))")
            },
            variant(CoreChecks.decompositionFullRankDeficient, "C3.hidden-adversarial", cases: 120) { g in
                let m = Int.random(in: 1...7, using: &g), n = Int.random(in: 1...7, using: &g)
                switch Int.random(in: 0..<4, using: &g) {
                case 0:
                    let q = TestMatrices.randomOrthonormalColumns(rows: max(m, n), columns: min(m, n), using: &g, as: Double.self)
                    let a = m >= n ? q : q.transposed
                    return (3 * a, "a multiple of orthonormal columns (every σ equal)")
                case 1:
                    var a = Measures.gaussian(m, n, &g)
                    let j = Int.random(in: 0..<n, using: &g)
                    for i in 0..<m { a[i, j] = 0 }
                    return (a, "a Gaussian matrix with a zero column")
                case 2:
                    return (Measures.gaussian(1, n, &g), "a single row")
                default:
                    return (Measures.gaussian(m, 1, &g), "a single column")
                }
            },
            variant(CoreChecks.scalingExtremeEntries, "C4.hidden-extreme-wide", cases: 60) { g in
                let m = Int.random(in: 1...4, using: &g), n = m + Int.random(in: 1...3, using: &g)
                let b = Measures.ordinary(m, n, &g)
                let k = (Bool.random(using: &g) ? 1 : -1) * Int.random(in: 995...1010, using: &g)
                let a = Matrix<Double>(rows: m, columns: n) { i, j in Double(sign: .plus, exponent: k, significand: b[i, j]) }
                return (a, "an ordinary wide matrix times 2^\(k)")
            },
            variant(Exercise3Checks.leastSquares, "E3.3.hidden-tall", cases: 60) { g in
                let n = Int.random(in: 1...5, using: &g), m = n + Int.random(in: 5...40, using: &g)
                let a = Measures.gaussian(m, n, &g)
                let b = (0..<m).map { _ in g.nextGaussian() }
                return (Matrix(rows: m, columns: n + 1, columnMajor: a.elements + b), "[A b] with A a tall Gaussian matrix")
            },
            variant(Exercise3Checks.penrose, "E3.2.hidden-penrose", cases: 120, generate: Exercise3Checks.anyShape),
            variant(Exercise3Checks.cutoff, "E3.1.hidden-cutoff", cases: 200, generate: Exercise3Checks.cutoff.generate),
        ]
    }

    /// `check`'s property under a new name, on inputs from `generate`.
    static func variant(_ check: Check, _ name: String, cases: Int,
                        generate: @escaping @Sendable (inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String)) -> Check {
        Check(name, task: check.task, rationale: check.rationale, cases: cases, minimumRows: check.minimumRows,
              minimumColumns: check.minimumColumns, generate: generate, property: check.property)
    }
}
