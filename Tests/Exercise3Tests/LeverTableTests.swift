import Foundation
import Testing
@testable import LeastSquaresLab
import LabSupport

extension Exercise3Tests {
    /// The NIST tables written by hand in the Exercise 3 guide ("Every lever, measured") and in
    /// the README hold numbers of this solver that no quoted-output block pins: each is checked
    /// here against a run, so a change of the core (row sorting, a new rotation) that moves a
    /// digit makes this test fail until the table is updated. The NumPy column is measured
    /// outside Swift and is not checked; κ₂(X) is checked to the digits shown.
    @Suite struct HandWrittenNISTTables {
        static let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

        /// The solver variant a table column shows, by the column's heading.
        static let columns: [String: String] = [
            "A⁺b, plain": "A⁺b, unscaled, Double",
            "plain A⁺b (Jacobi)": "A⁺b, unscaled, Double",
            "refined, Double residuals": "refined, residuals in Double",
            "refined, Float80": "refined, residuals in Float80",
            "**this solver** (double-double)": "refined, residuals in double-double",
            "this solver": "refined, residuals in double-double",
        ]

        /// The rows of every Markdown table of `file` whose first heading is "data set", as
        /// (heading → cell) with the bold markers of cells removed.
        static func nistRows(_ file: String) throws -> [[String: String]] {
            let text = try String(contentsOf: repository.appendingPathComponent(file), encoding: .utf8)
            var rows: [[String: String]] = []
            var headings: [String]?
            for line in text.components(separatedBy: "\n") {
                guard line.hasPrefix("|") else { headings = nil; continue }
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                if headings == nil {
                    headings = cells.first == "data set" ? cells : []
                } else if let headings, !headings.isEmpty, !cells.allSatisfy({ $0.allSatisfy { "-:".contains($0) } }) {
                    var row: [String: String] = [:]
                    for (heading, cell) in zip(headings, cells) { row[heading] = cell.replacingOccurrences(of: "**", with: "") }
                    rows.append(row)
                }
            }
            return rows
        }

        @Test(arguments: ["Guides/Exercise3-LeastSquares.md", "README.md"])
        func tableMatchesARun(_ file: String) throws {
            let rows = try Self.nistRows(file)
            #expect(Set(rows.compactMap { $0["data set"] }) == Set(ReferenceDatasets.names), "\(file): one row per set")
            var checked = 0
            for row in rows {
                let name = try #require(row["data set"])
                let graded = try GradedFit(try ReferenceDatasets.load(name))
                let levers = Dictionary(graded.leverComparison.map { ($0.name, $0.minimumLRE) }, uniquingKeysWith: { a, _ in a })
                for (heading, cell) in row {
                    if let variant = Self.columns[heading] {
                        // Float80 exists on x86-64 only; elsewhere its column cannot be checked.
                        guard let value = levers[variant] else { continue }
                        #expect(cell == Format.fixed(value, 2), "\(file), \(name), \(heading): \(cell), a run gives \(Format.fixed(value, 2))")
                        checked += 1
                    } else if heading == "goal" {
                        #expect(Double(cell) == ReferenceDatasets.accuracyGoals[name], "\(file), \(name): goal \(cell)")
                    } else if heading == "κ₂(X)" {
                        let shown = try #require(Double(cell), "\(file), \(name): κ \(cell)")
                        let kappa = graded.fit.conditionNumber
                        #expect(abs(shown - kappa) <= 0.051 * pow(10, floor(log10(kappa))), "\(file), \(name): κ \(cell) vs \(kappa)")
                    }
                }
            }
            #expect(checked >= 2 * ReferenceDatasets.names.count, "\(file): the solver's columns were found")
        }
    }
}
