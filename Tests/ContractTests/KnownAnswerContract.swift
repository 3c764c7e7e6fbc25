import Foundation
import SVDCore
import Testing

/// Matrices whose SVD is known in closed form.
@Suite("ContractTests: known answers")
struct KnownAnswerContract {
    /// A diagonal matrix: σ = the |dᵢ| sorted, within Weyl's bound (a Jacobi method finds its
    /// columns orthogonal already and returns them exactly; the contract asks only for the bound).
    @Test("Diagonal matrix: σ = sorted |dᵢ|", arguments: ContractSubjects.all)
    func diagonal(subject: ContractSubject) {
        let d: [Double] = [-3, 0.5, 7, 0, -1e-8]
        let a = Matrix.diagonal(d)
        guard let svd = subject.decomposition(of: a, vectors: .full, label: "diag") else { return }
        let bound = ContractTolerance.singularValue(rows: 5, columns: 5, frobeniusNorm: a.frobeniusNorm)
        for (x, y) in zip(svd.singularValues, d.map(abs).sorted(by: >)) {
            #expect(abs(x - y) <= bound, "σ = \(svd.singularValues)")
        }
        expectDefiningProperties(svd, of: a, vectors: .full, factor: subject.guaranteeFactor(svd.singularValues),
                                 label: "diag")
    }

    /// x·yᵀ with x = (1, 2, 2), y = (3, 4) (exact entries): σ₁ = ‖x‖‖y‖ = 15, σ₂ = 0, rank 1,
    /// u₁ = x/3 and v₁ = y/5 (the sign convention makes v₁'s largest entry positive). The vectors
    /// to Wedin's sin θ ≤ ‖E‖/gap, gap = σ₁ − σ₂ = 15, ‖E‖ Weyl's bound.
    @Test("Rank-one outer product x·yᵀ: σ₁ = ‖x‖‖y‖, σ₂ = 0, u₁ = x/‖x‖, v₁ = y/‖y‖", arguments: ContractSubjects.all)
    func rankOne(subject: ContractSubject) {
        let x: [Double] = [1, 2, 2], y: [Double] = [3, 4]
        let a = Matrix(rows: 3, columns: 2) { i, j in x[i] * y[j] }
        guard let svd = subject.decomposition(of: a, label: "x·yᵀ") else { return }
        let weyl = ContractTolerance.singularValue(rows: 3, columns: 2, frobeniusNorm: 15)
        #expect(abs(svd.singularValues[0] - 15) <= weyl, "σ₁ = \(svd.singularValues[0])")
        #expect(svd.singularValues[1] <= weyl, "σ₂ = \(svd.singularValues[1])")
        #expect(svd.rank() == 1)
        let sinTheta = weyl / 15
        #expect(distance(svd.u.column(0), x.map { $0 / 3 }) <= sinTheta, "u₁ = \(svd.u.column(0))")
        #expect(distance(svd.v.column(0), y.map { $0 / 5 }) <= sinTheta, "v₁ = \(svd.v.column(0))")
    }

    /// For a 2×2 matrix [a b; c d], σ₁,₂ = (p ± q)/2 with p = ‖(a + d, c − b)‖, q = ‖(a − d, b + c)‖.
    /// Evaluated in floating point (hypot, so that neither overflows nor underflows), p and q carry
    /// a relative error ≤ 2ε (a sum, then hypot) and the halving one more rounding: the closed
    /// form itself is within 3·ε·σ₁ of the exact σ, which is added to Weyl's bound.
    @Test("2×2 closed form", arguments: ContractSubjects.all)
    func twoByTwo(subject: ContractSubject) {
        var generator = ContractSeed.generator(for: "twoByTwo")
        for index in 0..<200 {
            let e = (0..<4).map { _ in Double.random(in: -10...10, using: &generator) }
            let a = Matrix(rows: 2, columns: 2, columnMajor: [e[0], e[2], e[1], e[3]])
            let p = hypot(e[0] + e[3], e[2] - e[1]), q = hypot(e[0] - e[3], e[1] + e[2])
            let expected = [(p + q) / 2, abs(p - q) / 2]
            guard let computed = subject.values(of: a, label: "2×2 #\(index)") else { continue }
            let closedForm = 3 * ContractTolerance.epsilon * expected[0]
            let bound = subject.guaranteeFactor(computed)
                * ContractTolerance.singularValue(rows: 2, columns: 2, frobeniusNorm: a.frobeniusNorm) + closedForm
            for (x, y) in zip(computed, expected) {
                #expect(abs(x - y) <= bound, "2×2 #\(index) \(e): \(computed) vs \(expected)")
            }
        }
    }
}
