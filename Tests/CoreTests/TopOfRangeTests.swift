import Foundation
import SVDCore
import SVDTestMatrices
import SVDTextbook
import Testing

/// Matrices at the top of the exponent range: the rank tolerance σ₁·max(m, n)·ε was computed as
/// (σ₁·max(m, n))·ε, which overflowed to +∞ for σ₁ near 1e308 and gave every such matrix rank 0
/// and κ = 1; the `svd` tool's residual divided by ‖A‖_F = +∞ and printed 0.
@Suite("CoreTests: the top of the exponent range")
struct TopOfRangeTests {
    @Test("[[1e308, 1e308], [1e308, −1e308]] and 1.797e308·(rotation): rank 2, κ = 1, finite tolerance")
    func rankAndConditionNearOverflow() throws {
        let cases: [Matrix<Double>] = [
            Matrix(rows: 2, columns: 2, columnMajor: [1e308, 1e308, 1e308, -1e308]),
            // 1.797e308·[[0.6, −0.8], [0.8, 0.6]]: both σ = 1.797e308 (entries rounded once).
            Matrix(rows: 2, columns: 2, columnMajor: [0.6 * 1.797e308, 0.8 * 1.797e308, -0.8 * 1.797e308, 0.6 * 1.797e308]),
        ]
        for a in cases {
            let d = try OneSidedJacobi().decompose(a)
            #expect(d.defaultRankTolerance.isFinite && d.defaultRankTolerance > 0)
            #expect(d.rank() == 2, "\(a.rowArrays)")
            // σ₁ = σ₂: κ = 1 to rounding.
            #expect(abs(d.conditionNumber - 1) <= 8 * Double.ulpOfOne)
            #expect(d.pseudoinverse().elements.allSatisfy { $0.isFinite })
        }
        // The same in Float at its own top.
        let f = Matrix<Float>(rows: 2, columns: 2, columnMajor: [1e38, 1e38, 1e38, -1e38])
        let floatRank = try OneSidedJacobi().decompose(f).rank()
        #expect(floatRank == 2)
    }

    @Test("svd end to end on entries of 1.797e308: rank 2, finite residual, no null in the JSON")
    func svdToolNearOverflow() throws {
        let input = "1.797e308 0\n0 -1.797e308\n"
        let json = try runSVD(["--json"], input: input)
        #expect(json.status == 0, "stderr: \(json.standardError)")
        #expect(!json.standardOutput.contains("null"), "\(json.standardOutput)")
        #expect(json.standardOutput.contains("\"rank\":2"))
        let text = try runSVD([], input: "1e308 1e308\n1e308 -1e308\n")
        #expect(text.standardOutput.contains("Rank r = 2"))
        // The residual is a rounding error, not 0 from a division by +∞, and not NaN.
        let line = try #require(text.standardOutput.split(separator: "\n").first { $0.hasPrefix("Checks:") })
        let value = try #require(line.split(separator: "=").dropFirst().first?.split(separator: ",").first)
        let residual = try #require(Double(value.trimmingCharacters(in: .whitespaces)))
        #expect(residual > 0 && residual <= 8 * Double.ulpOfOne, "\(line)")
    }

    @Test("svd refuses a matrix whose σ₁ exceeds the format, with one line on stderr")
    func svdToolRefusesOverflowingNorm() throws {
        let run = try runSVD([], input: "1.797e308 1.797e308\n1.797e308 -1.797e308\n")
        #expect(run.status != 0)
        #expect(run.standardError.contains("exceeds the largest double number"))
        #expect(run.standardError.split(separator: "\n").count == 1)
    }
}
