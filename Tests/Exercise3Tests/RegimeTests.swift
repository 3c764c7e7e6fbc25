import Foundation
@testable import LeastSquaresLab
import PropertyBased
import SVDCore
import SVDTestMatrices
import Testing

extension Exercise3Tests {
    /// The pseudoinverse's defining properties, on random matrices of every shape, and the three
    /// regimes of the exercise.
    @Suite struct Regimes {
        let eps = Double.ulpOfOne

        /// Penrose conditions (1)–(4) for A⁺ = V·Σ⁺·Uᵀ of random full-rank matrices with
        /// prescribed singular values (κ up to 10⁴): each relative residual ≤ c·ε·κ·max(m, n).
        @Test func penroseConditionsHold() async {
            await propertyCheck(count: 60, input: zip(Gen.int(in: 1...9), Gen.int(in: 1...9), Gen.int(in: 0...4),
                                                      Gen.uint64())) { m, n, logKappa, seed in
                try checkPenrose(rows: m, columns: n, kappa: pow(10, Double(logKappa)), seed: seed)
            }
        }

        // A separate synchronous function: the same body inside the async closure crashes the
        // Swift 6.3.1 compiler's SendNonSendable pass at -O.
        private func checkPenrose(rows m: Int, columns n: Int, kappa: Double, seed: UInt64) throws {
            var generator = SeededGenerator(seed: seed)
            let p = min(m, n)
            let sigma = (0..<p).map { p == 1 ? 1 : pow(kappa, -Double($0) / Double(p - 1)) }
            let a: Matrix<Double> = TestMatrices.withSingularValues(sigma, rows: m, columns: n, using: &generator)
            let x = try OneSidedJacobi().decompose(a, vectors: .thin).pseudoinverse()
            let conditions = PenroseConditions(a: a, x: x)
            let tolerance = 64 * eps * kappa * Double(max(m, n))
            for (index, residual) in conditions.all.enumerated() {
                #expect(residual <= tolerance, "Penrose condition \(index + 1): \(residual) > \(tolerance) for \(m)×\(n), κ = \(kappa)")
            }
        }

        /// Overdetermined, full column rank: the residual of A⁺b is orthogonal to col(A):
        /// ‖Aᵀr‖ ≤ c·ε·‖A‖·(‖A‖‖x‖ + ‖b‖) (the rounding of r = b − Ax), for random b far from col(A).
        @Test func overdeterminedResidualIsOrthogonal() async {
            await propertyCheck(count: 60, input: zip(Gen.int(in: 2...12), Gen.int(in: 1...6), Gen.uint64())) { extra, n, seed in
                try checkOrthogonality(rows: n + extra, columns: n, seed: seed)
            }
        }

        private func checkOrthogonality(rows m: Int, columns n: Int, seed: UInt64) throws {
            var generator = SeededGenerator(seed: seed)
            let a: Matrix<Double> = TestMatrices.gaussian(rows: m, columns: n, using: &generator)
            let b = (0..<m).map { _ in generator.nextGaussian() }
            let x = try OneSidedJacobi().decompose(a, vectors: .thin).solveLeastSquares(b)
            let r = zip(b, a * x).map { $0 - $1 }
            let normA = a.frobeniusNorm
            let bound = 32 * eps * Double(m) * normA * (normA * scaledNorm(x) + scaledNorm(b))
            #expect(scaledNorm(a.transposeTimes(r)) <= bound)
            // And no nearby x is better: ‖A(x+δ) − b‖ ≥ ‖Ax − b‖ (Pythagoras: r ⟂ Aδ).
            for _ in 0..<5 {
                let moved = x.map { $0 + 1e-6 * generator.nextGaussian() }
                #expect(scaledNorm(zip(b, a * moved).map { $0 - $1 }) >= scaledNorm(r) * (1 - 4 * eps))
            }
        }

        /// Underdetermined, full row rank: x⁺ = A⁺b solves Ax = b, lies in row(A), and adding any
        /// null-space vector z keeps Ax = b while ‖x⁺ + z‖² = ‖x⁺‖² + ‖z‖².
        @Test func underdeterminedSolutionHasMinimumNorm() async {
            await propertyCheck(count: 60, input: zip(Gen.int(in: 1...6), Gen.int(in: 1...6), Gen.uint64())) { m, extra, seed in
                try checkMinimumNorm(rows: m, columns: m + extra, seed: seed)
            }
        }

        private func checkMinimumNorm(rows m: Int, columns n: Int, seed: UInt64) throws {
            var generator = SeededGenerator(seed: seed)
            let a: Matrix<Double> = TestMatrices.gaussian(rows: m, columns: n, using: &generator)
            let b = (0..<m).map { _ in generator.nextGaussian() }
            let svd = try OneSidedJacobi().decompose(a, vectors: .full)
            let x = svd.solveLeastSquares(b)
            let kappa = svd.conditionNumber
            let scale = a.frobeniusNorm * scaledNorm(x) + scaledNorm(b)
            #expect(scaledNorm(zip(a * x, b).map { $0 - $1 }) <= 32 * eps * Double(n) * kappa * scale)
            let null = svd.fundamentalSubspaces().nullSpace
            #expect(null.columns == n - m)
            let c = (0..<null.columns).map { _ in generator.nextGaussian() }
            let z = null * c
            let other = zip(x, z).map { $0 + $1 }
            let expected = (dot(x, x) + dot(z, z)).squareRoot()
            #expect(abs(scaledNorm(other) - expected) <= 32 * eps * Double(n) * expected)
            #expect(scaledNorm(other) >= scaledNorm(x))
            #expect(scaledNorm(zip(a * other, b).map { $0 - $1 }) <= 32 * eps * Double(n) * kappa * (scale + a.frobeniusNorm * scaledNorm(z)))
        }

        /// The exercise's own demonstrations say what the report claims.
        @Test func demonstrations() throws {
            let over = try OverdeterminedRegime()
            let svdDigits = over.correctDigits(over.pseudoinverseSolution)
            let neDigits = over.correctDigits(try #require(over.normalEquationsSolution))
            // κ = 10⁶: the SVD keeps about 16 − 6 digits, the normal equations about 16 − 12.
            #expect(svdDigits >= 16 - log10(over.conditionNumber) - 1.5)
            #expect(neDigits <= 16 - 2 * log10(over.conditionNumber) + 1.5)
            for p in over.perturbations {
                #expect(abs(p.increase - p.predicted) <= 1e-6 * p.predicted + 8 * eps * over.residualNorm * over.residualNorm + 1e-27)
            }

            let under = try UnderdeterminedRegime()
            #expect(under.relativeResidual <= 32 * eps * Double(under.columns))
            #expect(under.nullSpaceComponent <= 32 * eps * Double(under.columns))
            let x0 = scaledNorm(under.minimumNormSolution)
            for s in under.otherSolutions { #expect(s.norm > x0) }

            let deficient = try RankDeficientRegime()
            let none = try #require(deficient.cutoffs.first), gap = try #require(deficient.cutoffs.last)
            #expect(none.rank == deficient.columns && gap.rank == deficient.trueRank)
            #expect(none.solutionNorm > 1e6 * gap.solutionNorm)           // the noise explodes x
            #expect(gap.errorFromNoiseFree < 1e3 * deficient.noiseLevel)  // truncation recovers A₀⁺b
            #expect(none.residualNorm <= gap.residualNorm)                 // at a lower residual
        }

        /// Normal equations agree with the SVD on a well-conditioned problem (the warning is about
        /// κ², not about a bug), and say so when AᵀA is not positive definite.
        @Test func normalEquations() throws {
            var generator = SeededGenerator(seed: 9)
            let a: Matrix<Double> = TestMatrices.gaussian(rows: 10, columns: 3, using: &generator)
            let b = (0..<10).map { _ in generator.nextGaussian() }
            let x = try #require(try NormalEquations.solve(a, b))
            let reference = try OneSidedJacobi().decompose(a, vectors: .thin).solveLeastSquares(b)
            #expect(scaledNorm(zip(x, reference).map { $0 - $1 }) <= 1e3 * eps * scaledNorm(reference))
            let singular = try Matrix<Double>(rows: [[1, 1], [1, 1], [1, 1]])
            #expect(try NormalEquations.solve(singular, [1, 2, 3]) == nil)
        }
    }
}
