import Foundation
import PropertyChecks
import SVDCore
import SVDTestMatrices

/// The check of task T1, your `checkDecomposition` (Guides/Verification.md, "Your task T1"): one
/// case per faulty decomposer, each credited on its own.
///
/// A case passes when your check (1) reports no problem on any decomposition, thin or full, that
/// the lab's `OneSidedJacobi` computes for the matrices of the set, and (2) reports a problem on
/// at least one decomposition the faulty decomposer computes for them. (1) is part of every case:
/// a check that flags the correct decomposer scores nothing, however many faults it flags.
public enum PropertyTaskChecks {
    static var all: [Check] { [catchesFaults] }

    static let catchesFaults = faultCheck("T1.catches-faults", randomMatrices: 12)

    /// The check over the fixed matrices and `randomMatrices` more, drawn from each case's seed.
    static func faultCheck(_ name: String, randomMatrices: Int) -> Check {
        Check(name, task: "T1",
              rationale: "A property check is worth what it catches: each case is a decomposer with one known fault, which your check must flag on at least one of the matrices (thin or full SVD), while it passes the lab's correct decomposer on every one of them (a false alarm fails every case).",
              namedCases: FaultyDecomposer.all.map(\.name), minimumRows: 1, minimumColumns: 3,
              generate: { index, g in
                  // The case as numbers: the fault, the seed of the random matrices, how many.
                  let seed = Double(g.next() >> 11)
                  return (Matrix(rows: 1, columns: 3, columnMajor: [Double(index), seed, Double(randomMatrices)]),
                          "the faulty decomposer '\(FaultyDecomposer.all[index].name)' on \(fixedMatrices.count) fixed and \(randomMatrices) random matrices")
              },
              property: { input in try catches(input) })
    }

    /// One case: the input is [fault index, seed, number of random matrices].
    static func catches(_ input: Matrix<Double>) throws -> Violation? {
        guard input.rows == 1, input.columns == 3, let index = Int(exactly: input[0, 0]),
              FaultyDecomposer.all.indices.contains(index), let seed = UInt64(exactly: input[0, 1]),
              let count = Int(exactly: input[0, 2]) else { return nil }
        let fault = FaultyDecomposer.all[index]
        var generator = SeededGenerator(seed: seed)
        let matrices = fixedMatrices + (0..<count).map { randomMatrix($0, &generator) }
        for (a, kind) in matrices {
            for vectors in [SingularVectors.thin, .full] {
                let d = try OneSidedJacobi().decompose(a, vectors: vectors)
                let problems = try checkDecomposition(a, d, vectors: vectors)
                if !problems.isEmpty {
                    return Violation("no false alarm: the correct decomposer passes your check",
                                     expected: "no problem reported for the lab's one-sided Jacobi",
                                     actual: problems.joined(separator: "; "), witness: a, witnessKind: "\(kind), \(vectors) SVD")
                }
            }
        }
        for (a, _) in matrices {
            for vectors in [SingularVectors.thin, .full] {
                // A faulty decomposer that throws shows nothing to check on this matrix.
                guard let d = try? fault.decompose(a, vectors) else { continue }
                if try !checkDecomposition(a, d, vectors: vectors).isEmpty { return nil }
            }
        }
        let (witness, kind, vectors) = exposing(index)
        return Violation("catches \(fault.name)", expected: "a problem reported on at least one of the \(matrices.count) matrices",
                         actual: "none reported. The fault: \(fault.fault)", witness: witness,
                         witnessKind: "\(kind), \(vectors) SVD (a matrix that exposes it)")
    }

    /// A matrix on which the fault of case `index` shows, and the SVD that shows it.
    public static func exposing(_ index: Int) -> (Matrix<Double>, String, SingularVectors) {
        let choice: [(Int, SingularVectors)] = [(3, .thin), (2, .thin), (5, .thin), (0, .thin), (1, .thin), (0, .full)]
        let (matrix, vectors) = choice[index]
        return (fixedMatrices[matrix].matrix, fixedMatrices[matrix].kind, vectors)
    }

    /// The fixed matrices: one of every kind that some fault needs.
    public static let fixedMatrices: [(matrix: Matrix<Double>, kind: String)] = {
        let ordinary = Matrix<Double>(rows: 4, columns: 3, columnMajor: [4, 2, 0, 1, 1, -3, 5, 1, -2, 1, 2, 3])
        let wide = Matrix<Double>(rows: 2, columns: 4, columnMajor: [1, 2, 2, -1, 3, 0, 4, 5])
        var g = SeededGenerator(seed: 20_261_206)
        let graded: (a: Matrix<Double>, b: Matrix<Double>, d: [Double]) =
            TestMatrices.graded(rows: 6, columns: 4, exponents: -12...0, using: &g)
        let geometric: Matrix<Double> = TestMatrices.withSingularValues([1, 1e-3, 1e-7, 1e-10], rows: 5, columns: 4, using: &g)
        let lowRank = TestMatrices.lowRank(rows: 5, columns: 4, rank: 2, using: &g, as: Double.self)
        var zeroColumn = ordinary
        for i in 0..<4 { zeroColumn[i, 1] = 0 }
        func times2(_ k: Int, _ a: Matrix<Double>) -> Matrix<Double> {
            Matrix(rows: a.rows, columns: a.columns) { i, j in Double(sign: .plus, exponent: k, significand: a[i, j]) }
        }
        return [
            (ordinary, "ordinary 4×3"),
            (wide, "wide 2×4"),
            (graded.a, "graded 6×4, columns from 1 down to 1e-12"),
            (geometric, "5×4 with σ = 1, 1e-3, 1e-7, 1e-10 (κ = 1e10)"),
            (lowRank, "rank 2, 5×4"),
            (times2(996, ordinary), "the ordinary 4×3 times 2^996 (entries near 1e300)"),
            (times2(-1000, ordinary), "the ordinary 4×3 times 2^-1000 (entries near 1e-301)"),
            (zeroColumn, "4×3 with a zero column"),
        ]
    }()

    /// Random matrix `k` of a set: the kinds of the fixed ones in turn, of random sizes.
    static func randomMatrix(_ k: Int, _ g: inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String) {
        let m = Int.random(in: 1...7, using: &g), n = Int.random(in: 1...7, using: &g)
        let (tallM, tallN) = (max(m, n), min(m, n))
        switch k % 6 {
        case 0:
            return (Measures.gaussian(m, n, &g), "Gaussian \(m)×\(n)")
        case 1:
            let decades = Double.random(in: 6...12, using: &g)
            let graded: (a: Matrix<Double>, b: Matrix<Double>, d: [Double]) =
                TestMatrices.graded(rows: tallM, columns: tallN, exponents: -decades...0, using: &g)
            return (graded.a, "graded \(tallM)×\(tallN), columns from 1 down to 1e-\(Int(decades))")
        case 2:
            let r = Int.random(in: 0..<max(1, min(m, n)), using: &g)
            return (r == 0 ? Matrix(rows: m, columns: n) : TestMatrices.lowRank(rows: m, columns: n, rank: r, using: &g),
                    "rank \(r), \(m)×\(n)")
        case 3:
            let k = (Bool.random(using: &g) ? 1 : -1) * Int.random(in: 990...1000, using: &g)
            let b = Measures.ordinary(m, n, &g)
            return (Matrix(rows: m, columns: n) { i, j in Double(sign: .plus, exponent: k, significand: b[i, j]) },
                    "ordinary \(m)×\(n) times 2^\(k)")
        case 4:
            let p = min(m, n), decades = Double.random(in: 8...12, using: &g)
            let sigma = (0..<p).map { p == 1 ? 1 : Double.pow(10, -decades * Double($0) / Double(p - 1)) }
            return (TestMatrices.withSingularValues(sigma, rows: m, columns: n, using: &g), "\(m)×\(n) with κ = 1e\(Int(decades))")
        default:
            return (Measures.ordinary(n, m, &g), "ordinary \(n)×\(m)")
        }
    }
}
