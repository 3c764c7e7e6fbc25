// INSTRUCTOR ONLY
import SVDCore
import SVDTestMatrices

/// The hidden tier of Exercises 1 and 2 (tasks E1.1–E2.3): the visible properties on fresh
/// inputs drawn at every grading, larger or further out than the visible ones.
enum HiddenExercise12Checks {
    static var all: [Check] {
        [
            HiddenChecks.variant(Exercise1Checks.centres, "E1.1.hidden-offset", cases: 60) { g in
                Exercise1Checks.offsetData(&g, maxOffsetExponent: 12, manyRows: 500...3000)
            },
            HiddenChecks.variant(Exercise1Checks.variances, "E1.2.hidden-variances", cases: 200, generate: Exercise1Checks.spectrum),
            HiddenChecks.variant(Exercise1Checks.scores, "E1.3.hidden-tall", cases: 40) { g in
                let p = Int.random(in: 2...8, using: &g), n = p + Int.random(in: 10...50, using: &g)
                let r = Int.random(in: 1...p, using: &g)
                let a = TestMatrices.lowRank(rows: n, columns: p, rank: r, using: &g, as: Double.self)
                let offset = Double.random(in: -1000...1000, using: &g)
                return (Matrix(rows: n, columns: p) { i, j in a[i, j] + offset }, "tall rank-\(r) data plus \(Measures.show(offset))")
            },
            HiddenChecks.variant(Exercise2Checks.fullDecomposition, "E2.1.hidden-shapes", cases: 40) { g in
                let m = Int.random(in: 1...30, using: &g), n = Int.random(in: 1...30, using: &g)
                if min(m, n) > 1 && Bool.random(using: &g) {
                    let r = Int.random(in: 1..<min(m, n), using: &g)
                    return (TestMatrices.lowRank(rows: m, columns: n, rank: r, using: &g), "rank-\(r) matrix")
                }
                return (Measures.gaussian(m, n, &g), "Gaussian matrix")
            },
            HiddenChecks.variant(Exercise2Checks.energyRandom, "E2.2.hidden-smallest-rank", cases: 150) { g in
                Exercise2Checks.decayingSpectra(&g, maxRank: 200)
            },
            HiddenChecks.variant(Exercise2Checks.psnr, "E2.3.hidden-psnr", cases: 40) { g in
                Exercise2Checks.noisyImage(&g, count: 1000...20000)
            },
        ]
    }
}
