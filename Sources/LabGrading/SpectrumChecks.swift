import Foundation
import SpectrumTasks
import SVDCore
import SVDTestMatrices

/// The checks of the spectrum tasks S1 and S2 (Guides/Exercise2-ImageCompression.md, "Your tasks").
enum SpectrumChecks {
    static var all: [Check] { [eckartYoung, extremeScale, rankAndCondition] }

    /// A random matrix, sometimes of low rank.
    @Sendable static func matrix(_ g: inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String) {
        let m = Int.random(in: 1...7, using: &g), n = Int.random(in: 1...7, using: &g)
        if min(m, n) > 1 && Bool.random(using: &g) {
            let r = Int.random(in: 1..<min(m, n), using: &g)
            return (TestMatrices.lowRank(rows: m, columns: n, rank: r, using: &g), "rank-\(r) matrix")
        }
        return (Measures.gaussian(m, n, &g), "Gaussian matrix")
    }

    static let eckartYoung = Check(
        "S1.eckart-young", task: "S1",
        rationale: "Eckart–Young: A_k = Σ_{i≤k} σᵢuᵢvᵢᵀ leaves ‖A − A_k‖₂ = σ_{k+1} and ‖A − A_k‖_F = √(Σ_{i>k} σᵢ²). Both are compared with the norms of the matrix A − A_k itself, for every k from 0 to p + 1, to 8·m·n·ε·‖A‖_F.",
        cases: 60, generate: matrix
    ) { a in
        let d = try OneSidedJacobi().decompose(a, vectors: .thin)
        let p = d.singularValues.count
        let bound = 8 * Double(a.rows * a.columns) * Measures.epsilon * a.frobeniusNorm
        for k in 0...(p + 1) {
            let errors = try truncationErrors(d.singularValues, rank: k)
            let difference = a - d.truncated(rank: min(k, p)).matrix
            let spectral = try Measures.referenceSingularValues(difference).first ?? 0
            let frobenius = difference.frobeniusNorm
            guard abs(errors.spectral - spectral) <= bound, abs(errors.frobenius - frobenius) <= bound else {
                return Violation("the errors of the rank-\(k) truncation", expected: "‖A − A_k‖₂ = \(Measures.show(spectral)), ‖A − A_k‖_F = \(Measures.show(frobenius))",
                                 actual: "\(Measures.show(errors.spectral)), \(Measures.show(errors.frobenius))")
            }
        }
        return nil
    }

    static let extremeScale = Check(
        "S1.no-overflow", task: "S1",
        rationale: "σ near 1e±200: their squares overflow or underflow, their root-sum-square does not. ‖A − A_k‖_F must be √(Σ_{i>k} σᵢ²) to 4·p·ε relative, computed with scaling (scaledNorm), not as the root of a sum of squares.",
        cases: 60,
        generate: { g in
            let p = Int.random(in: 2...8, using: &g)
            let scale = Double.pow(10, (Bool.random(using: &g) ? 1 : -1) * Double.random(in: 170...250, using: &g))
            let sigma = (0..<p).map { _ in scale * Double.random(in: 1...10, using: &g) }.sorted(by: >)
            return (Matrix(rows: p, columns: 1, columnMajor: sigma), "σ around \(Measures.show(scale)) as a column")
        }
    ) { a in
        let sigma = a.column(0).sorted(by: >)
        for k in 0..<sigma.count {
            let errors = try truncationErrors(sigma, rank: k)
            let largest = sigma[k]
            let expected = largest * (sigma[k...].map { ($0 / largest) * ($0 / largest) }.reduce(0, +)).squareRoot()
            guard errors.frobenius.isFinite, abs(errors.frobenius - expected) <= 4 * Double(sigma.count) * Measures.epsilon * expected else {
                return Violation("‖A − A_k‖_F without overflow or underflow (k = \(k))", expected: Measures.show(expected),
                                 actual: Measures.show(errors.frobenius))
            }
        }
        return nil
    }

    static let rankAndCondition = Check(
        "S2.rank-and-condition", task: "S2",
        rationale: "The numerical rank counts the σᵢ strictly above σ₁·max(m,n)·ε; κ₂ = σ₁/σ_p (+∞ for σ_p = 0) and σ₁/σ_r (+∞ for r = 0) are one division each, so they are compared exactly — on full-rank, low-rank and zero matrices.",
        cases: 100,
        generate: { g in
            if Int.random(in: 0..<10, using: &g) == 0 {
                return (Matrix(rows: Int.random(in: 1...4, using: &g), columns: Int.random(in: 1...4, using: &g)), "the zero matrix")
            }
            return matrix(&g)
        }
    ) { a in
        let sigma = try OneSidedJacobi().singularValues(of: a).singularValues
        let tolerance = sigma[0] * Double(max(a.rows, a.columns)) * Measures.epsilon
        let r = sigma.filter { $0 > tolerance }.count
        let expected = RankAndCondition(rank: r, conditionNumber: sigma.last! == 0 ? .infinity : sigma[0] / sigma.last!,
                                        effectiveConditionNumber: r == 0 ? .infinity : sigma[0] / sigma[r - 1])
        let actual = try SpectrumTasks.rankAndCondition(sigma, rows: a.rows, columns: a.columns)
        guard actual == expected else {
            return Violation("rank, κ₂ and σ₁/σ_r of σ = \(Measures.show(sigma))",
                             expected: "r = \(expected.rank), κ₂ = \(expected.conditionNumber), σ₁/σ_r = \(expected.effectiveConditionNumber)",
                             actual: "r = \(actual.rank), κ₂ = \(actual.conditionNumber), σ₁/σ_r = \(actual.effectiveConditionNumber)")
        }
        return nil
    }
}
