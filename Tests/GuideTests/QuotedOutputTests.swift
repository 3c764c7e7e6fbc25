import ExerciseTestSupport
import Foundation
import Testing

/// Every excerpt of a command's output that a guide or the README quotes is re-run and compared
/// line by line, so that no quoted number can go stale.
///
/// A quoted excerpt is a fenced code block right after a marker line naming the command:
///
///     <!-- output: exercise3 --residual 1 -->
///     ```
///       x = A⁺b (SVD)                  3.2e-06             5.5         2.4e-17
///     ```
///
/// Each non-empty line of the block must be a line of the command's standard output (trailing
/// spaces ignored); a line that is only `…` stands for lines left out. A file of the repository
/// named by its relative path (`--data Tests/…/plants.csv`) is passed by its absolute path. Durations (`0.84 s`,
/// `12 ms`) depend on the machine, so they are compared as "a duration", not by value. The command runs with
/// `--no-plots` added (unless it prints JSON), in a scratch directory, once per test run
/// (``CommandRuns``: the numbers pinned in the prose, ``PinnedNumberTests``, read the same runs).
@Suite struct QuotedOutputTests {
    /// One quoted excerpt: where it is, the command, and its lines.
    struct Excerpt: CustomTestStringConvertible, Sendable {
        let file: String
        let line: Int
        let arguments: [String]
        let lines: [String]
        var testDescription: String { "\(file):\(line) \(arguments.joined(separator: " "))" }
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The documents that quote output: README.md and every guide.
    static func documents() -> [URL] {
        let guides = repository.appendingPathComponent("Guides")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: guides.path)) ?? []
        return [repository.appendingPathComponent("README.md")]
            + names.filter { $0.hasSuffix(".md") }.sorted().map { guides.appendingPathComponent($0) }
    }

    /// Every marked excerpt of every document.
    static func excerpts() -> [Excerpt] {
        documents().flatMap { url -> [Excerpt] in
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
            let lines = text.components(separatedBy: "\n")
            var found: [Excerpt] = []
            for (index, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("<!-- output:"), trimmed.hasSuffix("-->") else { continue }
                let command = trimmed.dropFirst("<!-- output:".count).dropLast(3)
                    .split(separator: " ").map(String.init)
                guard index + 1 < lines.count, lines[index + 1].hasPrefix("```"),
                      let close = lines[(index + 2)...].firstIndex(where: { $0.hasPrefix("```") }) else {
                    found.append(Excerpt(file: url.lastPathComponent, line: index + 1, arguments: command, lines: []))
                    continue
                }
                found.append(Excerpt(file: url.lastPathComponent, line: index + 1, arguments: command,
                                     lines: Array(lines[(index + 2)..<close])))
            }
            return found
        }
    }

    /// A line without trailing spaces, its durations replaced by a placeholder.
    static func normalized(_ line: String) -> String {
        line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\\b[0-9]+(\\.[0-9]+)? ?(s|ms|µs)\\b", with: "<duration>", options: .regularExpression)
    }

    @Test func durationsAreComparedAsDurations() {
        #expect(Self.normalized("SVD (full): 0.84 s.  ") == Self.normalized("SVD (full): 1.42 s."))
        #expect(Self.normalized("σ₁ = 278.3") != Self.normalized("σ₁ = 278.4"))
    }

    @Test func theGuidesQuoteOutput() {
        // The marker must not silently match nothing (a renamed folder, a changed marker).
        #expect(Self.excerpts().count >= 2)
    }

    @Test(arguments: excerpts())
    func quotedOutputIsWhatTheCommandPrints(_ excerpt: Excerpt) throws {
        let quoted = excerpt.lines.map(Self.normalized)
            .filter { !$0.isEmpty && $0.trimmingCharacters(in: .whitespaces) != "…" }
        #expect(!quoted.isEmpty, "the marker at \(excerpt.file):\(excerpt.line) is not followed by a code block")
        guard !excerpt.arguments.isEmpty else {
            Issue.record("the marker at \(excerpt.file):\(excerpt.line) names no command")
            return
        }
        let run = try CommandRuns.shared.run(excerpt.arguments)
        #expect(run.status == 0, "\(excerpt.arguments.joined(separator: " ")) failed: \(run.standardError)")
        let printed = Set(run.outputLines.map(Self.normalized))
        // Float80 exists on x86-64 only: where the command prints no Float80 row, none is expected.
        let printsExtendedRow = run.standardOutput.contains("Float80")
        for line in quoted where printsExtendedRow || !line.contains("Float80") {
            #expect(printed.contains(line), "\(excerpt.file):\(excerpt.line) quotes a line the command no longer prints: \(line)")
        }
    }
}
