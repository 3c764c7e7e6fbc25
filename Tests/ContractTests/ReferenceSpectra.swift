import Foundation
import SVDCore

/// Matrices with singular values computed outside Swift, in 50-digit arithmetic (mpmath), from
/// the very double entries the suite decomposes: `Fixtures/spectra.json`, made by
/// `Fixtures/make_fixtures.py` (provenance in `Fixtures/README.md`).
struct ReferenceSpectrum: Decodable, Sendable, CustomStringConvertible {
    /// "graded", "prescribed", "hilbert" or "extreme".
    let kind: String
    let name: String
    let rows: Int
    let columns: Int
    /// Row by row, as C99 hexadecimal floats (exact).
    let entries: [[String]]
    /// σ₁ ≥ … ≥ σ_p as 50-digit decimal strings.
    let singularValues: [String]
    /// For graded matrices: σ_min of the tall orientation with unit columns (B of A = B·D).
    let unitColumnsSigmaMin: String?

    var description: String { name }

    var matrix: Matrix<Double> {
        Matrix(rows: rows, columns: columns) { i, j in Double(entries[i][j])! }
    }

    /// The reference σ rounded to the nearest double (Swift's parser rounds correctly).
    var sigma: [Double] { singularValues.map { Double($0)! } }

    private struct File: Decodable { let cases: [ReferenceSpectrum] }

    /// Every fixture; a missing or malformed file stops the test run with its reason, instead of
    /// turning into an empty list that would pass every test.
    static let all: [ReferenceSpectrum] = {
        guard let url = Bundle.module.url(forResource: "spectra", withExtension: "json") else {
            fatalError("Fixtures/spectra.json is not among the test resources")
        }
        do {
            let cases = try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
            precondition(!cases.isEmpty, "Fixtures/spectra.json holds no cases")
            for c in cases {
                precondition(c.entries.count == c.rows && c.entries.allSatisfy { $0.count == c.columns }
                             && c.entries.joined().allSatisfy { Double($0) != nil }
                             && c.singularValues.count == min(c.rows, c.columns), "malformed fixture \(c.name)")
            }
            return cases
        } catch {
            fatalError("Fixtures/spectra.json: \(error)")
        }
    }()

    static func of(kind: String) -> [ReferenceSpectrum] { all.filter { $0.kind == kind } }
}
