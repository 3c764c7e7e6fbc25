import Foundation
import SVDCore
import SVDTestMatrices

/// One matrix of the benchmark, generated from a fixed seed so that every run (and every peer)
/// sees the same entries.
struct BenchmarkCase: Sendable {
    /// Short name used in the table and on the command line ("square500", "tall2000x200", …).
    let name: String
    let rows: Int
    let columns: Int
    /// How the entries are drawn, in words for the results file.
    let summary: String
    let make: @Sendable () -> Matrix<Double>

    /// The matrices of the performance issue: Gaussian square and tall, and a graded B·D.
    static let all: [BenchmarkCase] = [
        gaussian(100, 100), gaussian(200, 200), gaussian(500, 500), gaussian(1000, 1000),
        gaussian(2000, 200), gaussian(10000, 100), graded(500),
    ]

    static func named(_ name: String) -> BenchmarkCase? { all.first { $0.name == name } }

    /// An m×n matrix of independent standard normal entries.
    static func gaussian(_ m: Int, _ n: Int) -> BenchmarkCase {
        BenchmarkCase(name: m == n ? "square\(n)" : "tall\(m)x\(n)", rows: m, columns: n,
                      summary: "Gaussian N(0,1) entries, seed \(m * 7919 + n)") {
            var generator = SeededGenerator(seed: UInt64(m * 7919 + n))
            return TestMatrices.gaussian(rows: m, columns: n, using: &generator)
        }
    }

    /// A = B·D with B Gaussian with unit columns and D = diag(10^(−12j/(n−1))), j = 0…n−1:
    /// κ(A) ≈ 1e12·κ(B), yet its singular values are determined to about ε·κ(B) relative accuracy.
    static func graded(_ n: Int) -> BenchmarkCase {
        BenchmarkCase(name: "graded\(n)", rows: n, columns: n,
                      summary: "B·diag(10^(−12j/(n−1))), B Gaussian with unit columns, seed \(n)") {
            var generator = SeededGenerator(seed: UInt64(n))
            let b = TestMatrices.graded(rows: n, columns: n, exponents: 0...0, using: &generator, as: Double.self).b
            let d = (0..<n).map { j in pow(10, -12 * Double(j) / Double(n - 1)) }
            return b.scalingColumns(by: d)
        }
    }
}

/// The flop counts the GFLOP/s column is computed from: Golub and Van Loan's counts for the
/// Golub–Reinsch SVD of an m×n matrix, m ≥ n (Matrix Computations, 4th ed., §8.6.3):
/// 4mn² − 4n³/3 for Σ alone and 14mn² + 8n³ for the thin U, Σ, V. The same count is used for
/// every program, so the column is an effective rate that compares times; it is not the number of
/// operations a Jacobi method performs (which depends on the number of sweeps).
enum NominalFlops {
    static func count(rows: Int, columns: Int, vectors: Bool) -> Double {
        let m = Double(max(rows, columns)), n = Double(min(rows, columns))
        return vectors ? 14 * m * n * n + 8 * n * n * n : 4 * m * n * n - 4 * n * n * n / 3
    }
}
