import ExtendedPrecision
import Foundation
import ImageCompression
import SVDCore
import SVDTestMatrices

/// The checks of Exercise 2's tasks E2.1–E2.3 (Guides/Exercise2-ImageCompression.md, "Your
/// tasks"). The decompositions come from the lab's `OneSidedJacobi`; the references are sums
/// written out here, in double-double where rounding could decide the answer.
enum Exercise2Checks {
    static var all: [Check] { [rankOneSum, fullDecomposition, energyTies, energyRandom, psnr, psnrExactAndClipped] }

    // MARK: - E2.1 rank-k approximation

    /// Σ_{i≤k} σᵢ·uᵢ·vᵢᵀ, one rank-one term at a time.
    static func rankOneSum(_ svd: SingularValueDecomposition<Double>, rows m: Int, columns n: Int, rank k: Int) -> Matrix<Double> {
        var sum = Matrix<Double>(rows: m, columns: n)
        for l in 0..<k {
            for j in 0..<n {
                for i in 0..<m { sum[i, j] += svd.singularValues[l] * svd.u[i, l] * svd.v[j, l] }
            }
        }
        return sum
    }

    /// The property of E2.1 for one kind of decomposition: for every k from 0 to p, A_k is m×n,
    /// exactly 0 for k = 0, the sum of the first k rank-one terms to 8·(k + 1)·ε·‖A‖_F, and its
    /// distance to A is the Eckart–Young tail √(Σ_{i>k} σᵢ²) to 16·max(m, n)·ε·‖A‖_F.
    static func approximationProperty(_ a: Matrix<Double>, vectors: SingularVectors) throws -> Violation? {
        let svd = try OneSidedJacobi().decompose(a, vectors: vectors)
        let p = svd.singularValues.count
        let norm = max(a.frobeniusNorm, .leastNormalMagnitude)
        for k in 0...p {
            let ak = try CompressionTasks.rankApproximation(svd, rank: k)
            guard ak.rows == a.rows, ak.columns == a.columns else {
                return Violation("A_k is m×n (k = \(k), \(vectors) decomposition)", expected: "\(a.rows)×\(a.columns)", actual: "\(ak.rows)×\(ak.columns)")
            }
            if k == 0, let entry = ak.elements.first(where: { $0 != 0 }) {
                return Violation("A_0 is the zero matrix", expected: "every entry 0", actual: "an entry \(entry)")
            }
            let expected = rankOneSum(svd, rows: a.rows, columns: a.columns, rank: k)
            let bound = 8 * Double(k + 1) * Measures.epsilon * norm
            let difference = (ak - expected).frobeniusNorm
            guard difference <= bound else {
                return Violation("A_k = Σ_{i≤k} σᵢuᵢvᵢᵀ (k = \(k), \(vectors) decomposition)",
                                 expected: "‖A_k − Σ σᵢuᵢvᵢᵀ‖_F ≤ \(Measures.show(bound))", actual: Measures.show(difference))
            }
            let tail = scaledNorm(Array(svd.singularValues.dropFirst(k)))
            let error = (a - ak).frobeniusNorm
            let youngBound = 16 * Double(max(a.rows, a.columns)) * Measures.epsilon * norm
            guard abs(error - tail) <= youngBound else {
                return Violation("‖A − A_k‖_F = √(Σ_{i>k} σᵢ²) (k = \(k), \(vectors) decomposition)",
                                 expected: "\(Measures.show(tail)) (±\(Measures.show(youngBound)))", actual: Measures.show(error))
            }
        }
        return nil
    }

    static let rankOneSum = Check(
        "E2.1.sum-of-rank-one", task: "E2.1",
        rationale: "A_k = Σ_{i≤k} σᵢuᵢvᵢᵀ for every k from 0 (the zero matrix) to p (A itself): compared with the rank-one terms added one by one (to 8·(k + 1)·ε·‖A‖_F), and ‖A − A_k‖_F with the Eckart–Young tail √(Σ_{i>k} σᵢ²) (to 16·max(m, n)·ε·‖A‖_F), on thin decompositions of tall, wide and rank-deficient matrices.",
        cases: 60, minimumRows: 1, minimumColumns: 1, generate: Exercise3Checks.anyShape
    ) { a in try approximationProperty(a, vectors: .thin) }

    static let fullDecomposition = Check(
        "E2.1.full-decomposition", task: "E2.1",
        rationale: "A full decomposition has m columns in U and n in V, more than the p = min(m, n) singular values: A_k uses only the first k of each. Same bounds as E2.1.sum-of-rank-one, on rank-deficient matrices.",
        cases: 60, minimumRows: 1, minimumColumns: 1, generate: Exercise3Checks.anyShape
    ) { a in try approximationProperty(a, vectors: .full) }

    // MARK: - E2.2 the rank for an energy target

    /// The channels' σ (columns, each sorted) and the target (first entry of the last row).
    static func channelsAndTarget(_ a: Matrix<Double>) -> (channels: [[Double]], target: Double)? {
        guard a.rows >= 2 else { return nil }
        let target = a[a.rows - 1, 0]
        let channels = (0..<a.columns).map { Array(a.column($0).dropLast()).map(abs).sorted(by: >) }
        guard target > 0, target <= 1, channels.contains(where: { $0[0] > 0 }),
              channels.allSatisfy({ $0.allSatisfy { $0 <= 1e150 } }) else { return nil }
        return (channels, target)
    }

    /// The property of E2.2: the answer is the smallest k with Σ_{i≤k} σ² ≥ target·Σσ², the sums
    /// in double-double (products exact). A target within 1e-9 relative of a partial sum, but not
    /// on it, is too close to call in Double arithmetic: such a case is skipped.
    @Sendable static func energyProperty(_ a: Matrix<Double>) throws -> Violation? {
        guard let (channels, target) = channelsAndTarget(a) else { return nil }
        let p = channels[0].count
        var partial: [DoubleDouble] = []
        var kept = DoubleDouble(0)
        for i in 0..<p {
            for sigma in channels.map({ $0[i] }) {
                let (product, error) = DoubleDouble.twoProduct(sigma, sigma)
                kept = kept + DoubleDouble(hi: product, lo: error)
            }
            partial.append(kept)
        }
        let goal = kept * DoubleDouble(target)
        for sum in partial {
            let gap = sum - goal
            if gap.hi != 0 || gap.lo != 0, abs(gap.hi) <= 1e-9 * kept.hi { return nil }
        }
        let expected = (partial.firstIndex { !($0 < goal) } ?? (p - 1)) + 1
        let actual = try CompressionTasks.smallestRank(energy: target, channels: channels)
        guard actual == expected else {
            return Violation("the smallest k with Σ_{i≤k} σᵢ² ≥ \(target)·Σσᵢ² (σ per channel: \(channels.map { Measures.show($0) }.joined(separator: ", ")))",
                             expected: "k = \(expected)", actual: "k = \(actual)")
        }
        return nil
    }

    static let energyTies = Check(
        "E2.2.exact-ties", task: "E2.2",
        rationale: "With whole-number σ every sum is exact, so a target met exactly (equal σ: target k/p) must count as reached (≥, not >); target 1 asks for every σ that is not zero (trailing zeros are not needed). One, two or three channels; the target is in the last row.",
        cases: 100, minimumRows: 2, minimumColumns: 1,
        generate: { g in
            if Bool.random(using: &g) {
                // Equal σ (ties everywhere), p a power of two: target k/p is exact and met exactly by k.
                let p = [1, 2, 4, 8, 16].randomElement(using: &g)!
                let sigma = Double([1, 2, 4, 8].randomElement(using: &g)!)
                let zeros = Int.random(in: 0...3, using: &g)
                let k = Int.random(in: 1...p, using: &g)
                return (Matrix(rows: p + zeros + 1, columns: 1, columnMajor: Array(repeating: sigma, count: p) + Array(repeating: 0, count: zeros) + [Double(k) / Double(p)]),
                        "\(p) equal σ = \(Int(sigma)) and \(zeros) zeros, target \(k)/\(p)")
            }
            let c = Int.random(in: 1...3, using: &g), p = Int.random(in: 1...8, using: &g)
            var columns = (0..<c).map { _ in (0..<p).map { _ in Double(Int.random(in: 0...12, using: &g)) }.sorted(by: >) }
            if columns.allSatisfy({ $0[0] == 0 }) { columns[0][0] = 1 }
            let target = Bool.random(using: &g) ? 1 : Double(Int.random(in: 1...64, using: &g)) / 64
            let entries = columns.flatMap { $0 + [target] }
            return (Matrix(rows: p + 1, columns: c, columnMajor: entries), "\(c) channel(s) of \(p) whole-number σ, target \(target)")
        }, property: energyProperty)

    /// Decaying σ over a few decades, trailing zeros sometimes, and a target halfway between two
    /// partial sums or exactly 1.
    @Sendable static func decayingSpectra(_ g: inout SeededGenerator, maxRank: Int) -> (matrix: Matrix<Double>, kind: String) {
        let c = Int.random(in: 1...3, using: &g), p = Int.random(in: 1...maxRank, using: &g)
        let zeros = Bool.random(using: &g) ? Int.random(in: 0..<p, using: &g) : 0
        let decay = Double.random(in: 0.05...1, using: &g)
        var columns: [[Double]] = []
        for _ in 0..<c {
            var sigma = [Double](repeating: 0, count: p)
            for i in 0..<(p - zeros) {
                let size: Double = Double.pow(10, -decay * Double(i))
                sigma[i] = size * Double.random(in: 0.5...1.5, using: &g)
            }
            columns.append(sigma.sorted(by: >))
        }
        var cumulative: [Double] = []
        var sum = 0.0
        for i in 0..<p { sum += columns.reduce(0) { $0 + $1[i] * $1[i] }; cumulative.append(sum) }
        let target: Double
        if Int.random(in: 0..<4, using: &g) == 0 || p == 1 {
            target = 1
        } else {
            let k = Int.random(in: 1..<p, using: &g)
            target = min(1, (cumulative[k - 1] + cumulative[k]) / (2 * sum))
        }
        return (Matrix(rows: p + 1, columns: c, columnMajor: columns.flatMap { $0 + [target] }),
                "\(c) channel(s) of \(p) σ decaying by 10^-\(Measures.show(decay)) each, \(zeros) zero, target \(target)")
    }

    static let energyRandom = Check(
        "E2.2.smallest-rank", task: "E2.2",
        rationale: "The smallest k with Σ_c Σ_{i≤k} σ²_{c,i} ≥ target·Σ_c Σ_i σ²_{c,i}, the channels' energies together, compared with the same sums in double-double: decaying spectra, trailing zeros, targets between two partial sums and target 1.",
        cases: 100, minimumRows: 2, minimumColumns: 1, generate: { g in decayingSpectra(&g, maxRank: 30) }, property: energyProperty)

    // MARK: - E2.3 PSNR

    /// The property of E2.3: +∞ exactly when the clipped reconstruction is the original, else
    /// 10·log₁₀(1/MSE) with the MSE in double-double, to 10·(N + 2)·ε dB (a relative error δ in
    /// the MSE moves the PSNR by 10/ln 10·δ ≈ 4.3·δ dB; the sum of N squares is within N·ε).
    @Sendable static func psnrProperty(_ a: Matrix<Double>) throws -> Violation? {
        guard a.columns >= 2 else { return nil }
        let original = a.column(0), reconstruction = a.column(1)
        guard original.allSatisfy({ (0...1).contains($0) }) else { return nil }
        var sum = DoubleDouble(0)
        for (x, y) in zip(original, reconstruction) {
            let d = DoubleDouble(x) - DoubleDouble(min(max(y, 0), 1))
            sum = sum + d * d
        }
        let mse = (sum / DoubleDouble(Double(original.count))).hi
        let expected = mse == 0 ? Double.infinity : -10 * log10(mse)
        let actual = try CompressionTasks.peakSignalToNoise(original: original, reconstruction: reconstruction)
        let bound = 10 * Double(original.count + 2) * Measures.epsilon + 4 * Measures.epsilon * abs(expected)
        guard expected.isInfinite ? actual == expected : abs(actual - expected) <= bound else {
            return Violation("PSNR = 10·log₁₀(1/MSE) of the reconstruction clipped to [0, 1]",
                             expected: expected.isInfinite ? "+∞ (an exact copy after clipping)" : "\(expected) dB (±\(Measures.show(bound)))",
                             actual: "\(actual) dB")
        }
        return nil
    }

    /// Pixels in [0, 1] (some exactly 0 or 1) and a reconstruction off by noise of size `noise`,
    /// some of it outside [0, 1].
    @Sendable static func noisyImage(_ g: inout SeededGenerator, count: ClosedRange<Int>) -> (matrix: Matrix<Double>, kind: String) {
        let n = Int.random(in: count, using: &g)
        let noise = Double.pow(10, Double.random(in: -6 ... -0.5, using: &g))
        let original = (0..<n).map { _ in [0, 1, Double.random(in: 0...1, using: &g)].randomElement(using: &g)! }
        let reconstruction = original.map { $0 + noise * g.nextGaussian() }
        return (Matrix(rows: n, columns: 2, columnMajor: original + reconstruction),
                "\(n) pixels (column 1) and a reconstruction with noise \(Measures.show(noise)) (column 2)")
    }

    static let psnr = Check(
        "E2.3.psnr", task: "E2.3",
        rationale: "PSNR = 10·log₁₀(1/MSE), MSE the mean of (aᵢ − clip(âᵢ))² with clip to [0, 1], as the image is saved: compared with the MSE summed in double-double, to 10·(N + 2)·ε dB. Noisy reconstructions whose values leave [0, 1].",
        cases: 80, minimumRows: 1, minimumColumns: 2, generate: { g in noisyImage(&g, count: 1...200) }, property: psnrProperty)

    static let psnrExactAndClipped = Check(
        "E2.3.exact-and-clipped", task: "E2.3",
        rationale: "An exact copy has MSE = 0 and PSNR = +∞ (not NaN, not a huge finite number); so does a reconstruction that differs only where it overshoots a pixel that is 0 or 1, because clipping restores it. One pixel changed by δ gives 10·log₁₀(N/δ²).",
        cases: 60, minimumRows: 1, minimumColumns: 2,
        generate: { g in
            let n = Int.random(in: 1...100, using: &g)
            let original = (0..<n).map { _ in [0, 1, Double.random(in: 0...1, using: &g)].randomElement(using: &g)! }
            var reconstruction = original
            var kind = "an exact copy"
            switch Int.random(in: 0..<3, using: &g) {
            case 0: break
            case 1:
                for i in 0..<n where original[i] == 0 || original[i] == 1 {
                    reconstruction[i] += (original[i] == 0 ? -1 : 1) * Double.random(in: 0...0.5, using: &g)
                }
                kind = "a copy overshooting the pixels that are 0 or 1"
            default:
                let i = Int.random(in: 0..<n, using: &g)
                reconstruction[i] = Double.random(in: 0...1, using: &g)
                kind = "a copy with one pixel changed"
            }
            return (Matrix(rows: n, columns: 2, columnMajor: original + reconstruction), "\(n) pixels (column 1) and \(kind) (column 2)")
        }, property: psnrProperty)
}
