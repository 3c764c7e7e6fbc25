import SVDCore
import SVDTestMatrices
import Testing

/// Eckart–Young–Mirsky: A_k = Σ_{i≤k} σᵢuᵢvᵢᵀ is a best rank-k approximation, with
/// ‖A − A_k‖₂ = σ_{k+1} and ‖A − A_k‖_F = √(σ²_{k+1} + … + σ²_p).
@Suite("ContractTests: Eckart–Young low-rank approximation")
struct EckartYoungContract {
    /// Both norms of A − A_k, measured from the factors (the 2-norm by an independent symmetric
    /// eigensolver), equal the errors Σ̂ predicts, for every k; the factors store k(m + n + 1) numbers.
    @Test("‖A − A_k‖_F and ‖A − A_k‖₂ equal the predicted errors, for every k", arguments: ContractSubjects.all)
    func errorsMatchPrediction(subject: ContractSubject) throws {
        for testCase in ContractCase.draw(40, for: "errorsMatchPrediction") {
            let a = testCase.matrix
            let m = a.rows, n = a.columns
            guard let svd = subject.decomposition(of: a, label: "\(testCase)") else { continue }
            let factor = subject.guaranteeFactor(svd.singularValues)
            let fromFactors = factor * ContractTolerance.fromFactors(rows: m, columns: n, frobeniusNorm: a.frobeniusNorm)
            for k in 0...svd.singularValues.count {
                let approximation = svd.truncated(rank: k)
                let difference = a - approximation.matrix
                let frobenius = difference.frobeniusNorm
                #expect(abs(frobenius - approximation.frobeniusError) <= fromFactors,
                        "\(testCase) k=\(k): ‖A − A_k‖_F = \(frobenius), predicted \(approximation.frobeniusError)")
                let spectral = try spectralNorm(difference)
                let measurement = ContractTolerance.spectralNormMeasurement(rows: m, columns: n, frobenius: frobenius,
                                                                           spectral: spectral)
                #expect(abs(spectral - approximation.spectralError) <= fromFactors + measurement,
                        "\(testCase) k=\(k): ‖A − A_k‖₂ = \(spectral), σ_{k+1} = \(approximation.spectralError)")
                #expect(approximation.storedValues == k * (m + n + 1), "\(testCase) k=\(k)")
            }
        }
    }

    /// No rank-k matrix is closer: competitors are random rank-k products and perturbations of
    /// A_k's own factors, (U_k + δX)·Σ_k·(V_k + δY)ᵀ, the neighbourhood where a better one would lie.
    @Test("No sampled rank-k matrix is closer to A than A_k, in either norm", arguments: ContractSubjects.all)
    func noSampledMatrixDoesBetter(subject: ContractSubject) throws {
        var generator = ContractSeed.generator(for: "noSampledMatrixDoesBetter competitors")
        let cases = ContractCase.draw(30, for: "noSampledMatrixDoesBetter", kinds: [.gaussian, .repeated, .prescribed])
        // p = 1 has no rank k with 0 < k < p to compete for (k = 0 and k = p are exact).
        for testCase in cases where min(testCase.rows, testCase.columns) >= 2 {
            let a = testCase.matrix
            let m = a.rows, n = a.columns
            guard let svd = subject.decomposition(of: a, label: "\(testCase)") else { continue }
            let k = Int.random(in: 1..<min(m, n), using: &generator)
            let best = svd.truncated(rank: k)
            let slack = subject.guaranteeFactor(svd.singularValues)
                * ContractTolerance.fromFactors(rows: m, columns: n, frobeniusNorm: a.frobeniusNorm)
            for trial in 0..<20 {
                let competitor: Matrix<Double>
                if trial < 5 {
                    competitor = TestMatrices.lowRank(rows: m, columns: n, rank: k, using: &generator)
                } else {
                    let delta = 1e-3 * Double(trial)
                    let x: Matrix<Double> = TestMatrices.gaussian(rows: m, columns: k, using: &generator)
                    let y: Matrix<Double> = TestMatrices.gaussian(rows: n, columns: k, using: &generator)
                    competitor = (best.u + delta * x).scalingColumns(by: best.singularValues) * (best.v + delta * y).transposed
                }
                let error = a - competitor
                #expect(error.frobeniusNorm >= best.frobeniusError - slack,
                        "\(testCase) k=\(k) trial \(trial): ‖A − B‖_F = \(error.frobeniusNorm) < \(best.frobeniusError)")
                let spectral = try spectralNorm(error)
                let measurement = ContractTolerance.spectralNormMeasurement(rows: m, columns: n, frobenius: error.frobeniusNorm,
                                                                           spectral: spectral)
                #expect(spectral >= best.spectralError - slack - measurement,
                        "\(testCase) k=\(k) trial \(trial): ‖A − B‖₂ = \(spectral) < σ_{k+1} = \(best.spectralError)")
            }
        }
    }
}
