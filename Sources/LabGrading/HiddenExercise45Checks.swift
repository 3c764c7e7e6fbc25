// INSTRUCTOR ONLY
import Foundation
import SVDCore
import SVDTestMatrices

/// The hidden tier of Exercises 4 and 5: the visible properties on adversarial inputs drawn
/// fresh at every grading (see `HiddenChecks`).
enum HiddenExercise45Checks {
    static var all: [Check] {
        [
            HiddenChecks.variant(Exercise4Checks.ratio, "E4.1.hidden-extremes", cases: 120) { g in
                // σ at the ends of the exponent range: the quotient overflows to +∞ or is subnormal.
                let p = Int.random(in: 1...5, using: &g)
                let low = Double.random(in: -320 ... -290, using: &g), high = Double.random(in: 290...308, using: &g)
                let sigma = (0..<p).map { _ in Double.pow(10, Double.random(in: low...high, using: &g)) }.sorted(by: >)
                return (Matrix(rows: p, columns: 1, columnMajor: sigma), "σ between 1e\(Int(low)) and 1e\(Int(high)), subnormal ones included")
            },
            HiddenChecks.variant(Exercise4Checks.measuredDigits, "E4.2.hidden-edges", cases: 120) { g in
                // κ within one ulp, κ_exact = 1, κ_exact near the top of the range.
                let epsilon = Exercise4Checks.epsilons[Int.random(in: 0..<Exercise4Checks.epsilons.count, using: &g)]
                let exact = [1, Double.pow(10, Double.random(in: 250...300, using: &g)), Double.random(in: 1...2, using: &g)][Int.random(in: 0..<3, using: &g)]
                let computed = [exact.nextUp, exact.nextDown, exact, 2 * exact, -exact][Int.random(in: 0..<5, using: &g)]
                return (Matrix(rows: 1, columns: 3, columnMajor: [computed, exact, epsilon]), "[κ_computed, κ_exact, ε] at the edges")
            },
            HiddenChecks.variant(Exercise4Checks.tikhonovStacked, "E4.3.hidden-stacked", cases: 100) { g in
                // α from 1e-8·σ₁² (κ_S up to 1e4) to 10·σ₁², tall and wide matrices up to 12.
                var (matrix, kind) = Exercise4Checks.stackedInput(&g, decades: -8...1)
                if Bool.random(using: &g) {
                    let m = Int.random(in: 8...12, using: &g), n = Int.random(in: 1...3, using: &g)
                    let a = Measures.gaussian(m, n, &g)
                    let b = (0..<m).map { _ in g.nextGaussian() }
                    let alpha = Double.pow(10, Double.random(in: -6...1, using: &g))
                    matrix = Matrix(rows: m, columns: n + 2, columnMajor: a.elements + b + [Double](repeating: alpha, count: m))
                    kind = "[A b α] with A a tall Gaussian matrix"
                }
                return (matrix, kind)
            },
            HiddenChecks.variant(Exercise4Checks.shiftLowers, "E4.4.hidden-alpha", cases: 60) { g in
                let alpha = Bool.random(using: &g) ? Double.pow(10, Double.random(in: -300 ... -8, using: &g))
                                                   : Double.random(in: 0.3...0.99, using: &g)
                return (Matrix(rows: 1, columns: 1, columnMajor: [alpha]), "α near 0 or near 1")
            },
            HiddenChecks.variant(Exercise5Checks.product, "E5.1.hidden-shapes", cases: 60) { g in
                // Extreme shapes: a single input, rank 1, one output, a long input.
                let shapes = [[1, 300, 1, 2], [7, 1, 1, 1], [1, 1, 1, 50], [3, 120, 2, 90], [16, 64, 64, 64]]
                let shape = shapes[Int.random(in: 0..<shapes.count, using: &g)].map(Double.init)
                return (Matrix(rows: 1, columns: 5, columnMajor: shape + [Double(g.next() >> 12)]), "[b, m, k, n, seed] of an extreme shape")
            },
            HiddenChecks.variant(Exercise5Checks.rangeBound, "E5.2.hidden-flat-tail", cases: 60) { g in
                // A flat noisy tail, where the power iterations make the difference.
                Exercise5Checks.spectrumMatrix(&g, tailLevel: Double.pow(10, Double.random(in: -3 ... -0.3, using: &g)))
            },
        ]
    }
}
