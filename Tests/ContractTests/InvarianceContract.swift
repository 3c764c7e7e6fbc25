import SVDCore
import SVDTestMatrices
import Testing

/// σ(A) = σ(Aᵀ) = σ(Q·A) = σ(A·W) for orthogonal Q and W; σ(2ᵏ·A) = 2ᵏ·σ(A); σ(c·A) = |c|·σ(A).
/// Both sides are computed, each within Weyl's bound of the exact σ, so they agree to
/// `ContractTolerance.twoDecompositions` (with the rounding of forming Q·A, A·W or c·A).
@Suite("ContractTests: invariances")
struct InvarianceContract {
    @Test("σ(A) = σ(Aᵀ) = σ(QA) = σ(AW); σ(2ᵏA) = 2ᵏσ(A); σ(cA) = |c|σ(A)", arguments: ContractSubjects.all)
    func invariances(subject: ContractSubject) {
        var generator = ContractSeed.generator(for: "invariances factors")
        for testCase in ContractCase.draw(50, for: "invariances") {
            let a = testCase.matrix
            let m = a.rows, n = a.columns, normA = a.frobeniusNorm
            guard let sigma = subject.values(of: a, label: "\(testCase)") else { continue }
            let q: Matrix<Double> = TestMatrices.randomOrthonormalColumns(rows: m, columns: m, using: &generator)
            let w: Matrix<Double> = TestMatrices.randomOrthonormalColumns(rows: n, columns: n, using: &generator)
            let power = [-40, -1, 3, 40][testCase.index % 4]
            let twoToThe = Double(sign: .plus, exponent: power, significand: 1)
            let c = Double.random(in: -1e3...1e3, using: &generator)
            let factor = subject.guaranteeFactor(sigma)
            let exact = factor * ContractTolerance.twoDecompositions(rows: m, columns: n, frobeniusNorm: normA)
            let rounded = factor * ContractTolerance.twoDecompositions(rows: m, columns: n, frobeniusNorm: normA,
                                                                       formedWithRounding: true)
            let variants: [(String, Matrix<Double>, scale: Double, bound: Double)] = [
                ("Aᵀ", a.transposed, 1, exact),
                ("QA", q * a, 1, rounded),
                ("AW", a * w, 1, rounded),
                ("2^\(power)·A", twoToThe * a, twoToThe, twoToThe * exact),
                ("\(c)·A", c * a, abs(c), abs(c) * rounded),
            ]
            for (name, variant, scale, bound) in variants {
                guard let values = subject.values(of: variant, label: "\(testCase) \(name)") else { continue }
                for (i, (x, y)) in zip(values, sigma).enumerated() {
                    #expect(abs(x - scale * y) <= bound, "\(testCase): σ\(i + 1)(\(name)) = \(x), expected \(scale)·\(y)")
                }
            }
        }
    }
}
