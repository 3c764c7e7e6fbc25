import PropertyBased
import SVDCore
import SVDTestMatrices
import Testing

/// Eckart–Young–Mirsky: A_k = Σ_{i≤k} σᵢuᵢvᵢᵀ is a best rank-k approximation, with
/// ‖A − A_k‖₂ = σ_{k+1} and ‖A − A_k‖_F = √(σ²_{k+1} + … + σ²_p).
@Suite("CoreTests: Eckart–Young low-rank approximation")
struct EckartYoungTests {
    @Test("‖A − A_k‖_F and ‖A − A_k‖₂ equal the predicted errors, for every k")
    func errorsMatchPrediction() async {
        await propertyCheck(count: 120, input: MatrixGen.anyCase) { testCase in
            let a = testCase.matrix
            let svd = try OneSidedJacobi().decompose(a)
            let scale = svd.largestSingularValue
            // Both sides carry the rounding of the decomposition and of forming A − A_k.
            let tolerance = Tolerance.backward(16, rows: a.rows, columns: a.columns, scale: scale)
            for k in 0...svd.singularValues.count {
                let approximation = svd.truncated(rank: k)
                let difference = a - approximation.matrix
                let frobenius = difference.frobeniusNorm
                #expect(abs(frobenius - approximation.frobeniusError) <= tolerance,
                        "\(testCase) k=\(k): ‖A − A_k‖_F = \(frobenius), predicted \(approximation.frobeniusError)")
                let spectral = try OneSidedJacobi().singularValues(of: difference).norm2
                #expect(abs(spectral - approximation.spectralError) <= tolerance,
                        "\(testCase) k=\(k): ‖A − A_k‖₂ = \(spectral), σ_{k+1} = \(approximation.spectralError)")
                #expect(approximation.storedValues == k * (a.rows + a.columns + 1))
            }
        }
    }

    /// No rank-k matrix does better: sampled competitors are random rank-k products and small
    /// random perturbations of A_k's factors (the neighbourhood where a better one would lie).
    @Test("No sampled rank-k matrix is closer to A than A_k")
    func noSampledMatrixDoesBetter() async {
        await propertyCheck(count: 60, input: zip(MatrixGen.cases(of: .gaussian), Gen.uint64())) { testCase, seed in
            let a = testCase.matrix
            let p = min(a.rows, a.columns)
            guard p >= 2 else { return }
            let svd = try OneSidedJacobi().decompose(a)
            var generator = SeededGenerator(seed: seed)
            let k = Int(generator.next() % UInt64(p - 1)) + 1
            let best = svd.truncated(rank: k)
            let bestError = (a - best.matrix).frobeniusNorm
            let slack = Tolerance.backward(16, rows: a.rows, columns: a.columns, scale: svd.largestSingularValue)
            for trial in 0..<20 {
                let competitor: Matrix<Double>
                if trial < 5 {
                    competitor = TestMatrices.lowRank(rows: a.rows, columns: a.columns, rank: k, using: &generator)
                } else {
                    // Perturb the factors: (U_k + δX)Σ_k(V_k + δY)ᵀ still has rank ≤ k.
                    let delta = 1e-3 * Double(trial)
                    let x: Matrix<Double> = TestMatrices.gaussian(rows: a.rows, columns: k, using: &generator)
                    let y: Matrix<Double> = TestMatrices.gaussian(rows: a.columns, columns: k, using: &generator)
                    competitor = (best.u + delta * x).scalingColumns(by: best.singularValues) * (best.v + delta * y).transposed
                }
                let error = (a - competitor).frobeniusNorm
                #expect(error >= bestError - slack, "\(testCase) k=\(k) trial \(trial): \(error) < \(bestError)")
                let spectralError = try OneSidedJacobi().singularValues(of: a - competitor).norm2
                #expect(spectralError >= best.spectralError - slack, "\(testCase) k=\(k) trial \(trial) (2-norm)")
            }
        }
    }
}
