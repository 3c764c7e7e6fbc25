import ExerciseTestSupport
import Foundation
import Testing

/// Every number a guide or the README states in prose as the result of a run is re-derived from
/// that run, so that a stale number fails a test.
///
/// A marker line, invisible in the rendered Markdown, names the command and lists the numbers of
/// the paragraph that follows it (the lines up to the next blank line), as the prose writes them:
///
///     <!-- from: exercise3 --residual 1 | 5.8 | 4.6 "normal equations" -->
///     Now the SVD keeps only 5.8 digits, about one more than the normal equations (4.6): …
///
/// Each listed number must be written in the paragraph, and the command's standard output must
/// print a value that rounds to it at the digits written (``ProseNumber``); a quoted text after
/// the number restricts the search to output lines that contain it (a context naming Float80 is
/// skipped where the output has no Float80 row: that type exists on x86-64 only). The command runs as for the
/// quoted excerpts (``CommandRuns``: `--no-plots` added, each command once per test run). The
/// command `grading-manifest` is not run: its "output" is the counts of `Tests/grading-manifest.txt`
/// (`module CoreTests: N tests in S suites`, `suite ContractTests.ContractSelfTests: N tests`,
/// `total: N tests`), for the test counts a document quotes.
@Suite struct PinnedNumberTests {
    /// One marker: where it is, the command, the numbers and the paragraph they must be in.
    struct Marker: CustomTestStringConvertible, Sendable {
        struct Item: Sendable {
            let number: ProseNumber
            /// Text the output line must contain, if any.
            let context: String?
        }
        let file: String
        let line: Int
        let command: [String]
        let items: [Item]
        /// What the marker could not read, if anything (reported by the test).
        let problems: [String]
        /// The paragraph after the marker, each line with its line number.
        let paragraph: [(number: Int, text: String)]
        var testDescription: String { "\(file):\(line) \(command.joined(separator: " "))" }
    }

    static let prefix = "<!-- from:"

    /// Reads one marker line (`<!-- from: CMD ARGS | NUMBER ["CONTEXT"] | … -->`).
    static func parse(_ line: String, file: String, lineNumber: Int,
                      paragraph: [(number: Int, text: String)]) -> Marker? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(prefix), trimmed.hasSuffix("-->") else { return nil }
        let body = trimmed.dropFirst(prefix.count).dropLast(3)
        // Fields are separated by `|` outside quotes (a context may quote a norm, `|x|`).
        var fields = [""]
        var quoted = false
        for character in body {
            if character == "\"" { quoted.toggle() }
            if character == "|" && !quoted { fields.append("") } else { fields[fields.count - 1].append(character) }
        }
        fields = fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let command = fields[0].split(separator: " ").map(String.init)
        var items: [Marker.Item] = []
        var problems: [String] = []
        if command.isEmpty { problems.append("names no command") }
        if fields.count < 2 { problems.append("lists no number (write `| NUMBER` after the command)") }
        for field in fields.dropFirst() {
            var numberText = field
            var context: String?
            if let open = field.firstIndex(of: "\"") {
                let rest = field[field.index(after: open)...]
                guard let close = rest.firstIndex(of: "\""), rest.index(after: close) == rest.endIndex else {
                    problems.append("has an unclosed or misplaced quote in `\(field)`")
                    continue
                }
                context = String(rest[..<close])
                numberText = field[..<open].trimmingCharacters(in: .whitespaces)
            }
            guard let number = ProseNumber(numberText) else {
                problems.append("lists `\(field)`, which is not a number as prose writes one")
                continue
            }
            items.append(Marker.Item(number: number, context: context))
        }
        return Marker(file: file, line: lineNumber, command: command, items: items, problems: problems,
                      paragraph: paragraph)
    }

    /// Every marker of a document's lines; the paragraph of a marker starts after the markers
    /// stacked with it and ends at the next blank line.
    static func markers(in lines: [String], file: String) -> [Marker] {
        var found: [Marker] = []
        for (index, line) in lines.enumerated() where line.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) {
            var start = index + 1
            while start < lines.count, lines[start].trimmingCharacters(in: .whitespaces).hasPrefix(prefix) { start += 1 }
            var paragraph: [(number: Int, text: String)] = []
            var next = start
            while next < lines.count, !lines[next].trimmingCharacters(in: .whitespaces).isEmpty {
                paragraph.append((next + 1, lines[next]))
                next += 1
            }
            if let marker = parse(line, file: file, lineNumber: index + 1, paragraph: paragraph) {
                found.append(marker)
            } else {
                found.append(Marker(file: file, line: index + 1, command: [], items: [],
                                    problems: ["is not of the form <!-- from: CMD | NUMBER … -->"], paragraph: paragraph))
            }
        }
        return found
    }

    /// Every marker of README.md and the guides.
    static func allMarkers() -> [Marker] {
        QuotedOutputTests.documents().flatMap { url -> [Marker] in
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
            let name = url.deletingLastPathComponent().lastPathComponent == "Guides"
                ? "Guides/\(url.lastPathComponent)" : url.lastPathComponent
            return markers(in: text.components(separatedBy: "\n"), file: name)
        }
    }

    /// The lines standing for the output of the pseudo-command `grading-manifest`: per test
    /// module `module M: N tests in S suites`, per suite `suite M.S: N tests`, and `total: N tests`.
    static func manifestCounts() throws -> [String] {
        let url = QuotedOutputTests.repository.appendingPathComponent("Tests/grading-manifest.txt")
        let tests = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        var perModule: [String: Int] = [:]
        var perSuite: [String: Int] = [:]
        for test in tests {
            perModule[String(test.prefix { $0 != "." }), default: 0] += 1
            perSuite[String(test.prefix { $0 != "/" }), default: 0] += 1
        }
        let modules = perModule.keys.sorted().map { module in
            "module \(module): \(perModule[module]!) tests in \(perSuite.keys.filter { $0.hasPrefix(module + ".") }.count) suites"
        }
        let suites = perSuite.keys.sorted().map { "suite \($0): \(perSuite[$0]!) tests" }
        return modules + suites + ["total: \(tests.count) tests"]
    }

    /// Checks a marker's numbers against `output`; returns one message per failure.
    static func failures(of marker: Marker, output: [String]) -> [String] {
        var messages = marker.problems.map { "\(marker.file):\(marker.line): the marker \($0)" }
        let command = marker.command.joined(separator: " ")
        let joined = marker.paragraph.map(\.text).joined(separator: " ")
        // Float80 exists on x86-64 only: where the output has no Float80 row, none is expected.
        let printsExtendedRows = output.contains { $0.contains("Float80") }
        for item in marker.items where printsExtendedRows || !(item.context ?? "").contains("Float80") {
            let where_ = marker.paragraph.first { item.number.occurs(in: $0.text) }?.number ?? marker.line
            if !item.number.occurs(in: joined) {
                messages.append("\(marker.file):\(marker.line): the marker lists \(item.number.text), "
                    + "which the paragraph below it does not write")
            }
            let lines = output.filter { line in item.context.map { line.contains($0) } ?? true }
            let printed = lines.flatMap(ProseNumber.numbers(in:))
            if printed.contains(where: item.number.isRounding(of:)) { continue }
            let scope = item.context.map { " on a line containing \"\($0)\"" } ?? ""
            let nearest = printed.min { abs($0 - item.number.value) < abs($1 - item.number.value) }
            let hint = lines.isEmpty ? " (no output line contains that text)"
                : nearest.map { "; the nearest printed value is \($0)" } ?? " (it prints no number there)"
            messages.append("\(marker.file):\(where_): the prose says \(item.number.text), "
                + "but `\(command)` prints no value that rounds to it\(scope)\(hint)")
        }
        return messages
    }

    @Test func theGuidesPinTheirNumbers() {
        // The marker must not silently match nothing (a renamed folder, a changed marker).
        #expect(Self.allMarkers().count >= 10)
    }

    @Test(arguments: allMarkers())
    func pinnedNumbersAreWhatTheCommandPrints(_ marker: Marker) throws {
        guard let executable = marker.command.first else {
            for message in Self.failures(of: marker, output: []) { Issue.record(Comment(rawValue: message)) }
            return
        }
        let output: [String]
        if executable == "grading-manifest" {
            output = try Self.manifestCounts()
        } else {
            let run = try CommandRuns.shared.run(marker.command)
            #expect(run.status == 0, "\(marker.file):\(marker.line): `\(marker.command.joined(separator: " "))` failed: \(run.standardError)")
            output = run.outputLines
        }
        for message in Self.failures(of: marker, output: output) { Issue.record(Comment(rawValue: message)) }
    }

    // MARK: the matching logic on its own

    @Test func proseNumbersKeepTheirWrittenPrecision() throws {
        let plain = try #require(ProseNumber("6.5"))
        #expect(plain.isRounding(of: 6.53) && plain.isRounding(of: 6.45) && plain.isRounding(of: 6.55))
        #expect(!plain.isRounding(of: 6.56) && !plain.isRounding(of: 6.44) && !plain.isRounding(of: 7.4))
        let integer = try #require(ProseNumber("24×"))
        #expect(integer.isRounding(of: 23.9) && !integer.isRounding(of: 35) && !integer.isRounding(of: 23.4))
        let scientific = try #require(ProseNumber("4.9·10⁹"))
        #expect(scientific.isRounding(of: 4.87e9) && !scientific.isRounding(of: 4.8e9) && !scientific.isRounding(of: 4.9e8))
        let negativeExponent = try #require(ProseNumber("1.3·10⁻¹⁵"))
        #expect(negativeExponent.isRounding(of: 1.31e-15) && !negativeExponent.isRounding(of: 1.4e-15))
        let eNotation = try #require(ProseNumber("2.35e-5"))
        #expect(eNotation.isRounding(of: 2.3512e-5) && !eNotation.isRounding(of: 2.36e-5))
        let power = try #require(ProseNumber("10⁶"))
        #expect(power.isRounding(of: 1.2e6) && power.isRounding(of: 3.1e6) && power.isRounding(of: 3.2e5))
        #expect(!power.isRounding(of: 3.2e6) && !power.isRounding(of: 3.1e5) && !power.isRounding(of: -1e6))
        let percent = try #require(ProseNumber("92.5 %"))
        #expect(percent.isRounding(of: 0.9246187232) && percent.isRounding(of: 92.46) && !percent.isRounding(of: 0.9776))
        let minus = try #require(ProseNumber("−41.44"))
        #expect(minus.isRounding(of: -41.44) && !minus.isRounding(of: 41.44))
        let grouped = try #require(ProseNumber("16 722"))
        #expect(grouped.value == 16722 && grouped.isRounding(of: 16722) && !grouped.isRounding(of: 16723))
        let zeros = try #require(ProseNumber("12.0"))
        #expect(zeros.isRounding(of: 12.04) && !zeros.isRounding(of: 11.9))
        #expect(ProseNumber("about 6") == nil && ProseNumber("6.5 digits") == nil && ProseNumber("") == nil)
    }

    @Test func outputNumbersAreReadAsPrinted() {
        #expect(ProseNumber.numbers(in: "  5      0.1720140532       1.4e-15   17.0625    51.15×") == [5, 0.1720140532, 1.4e-15, 17.0625, 51.15])
        #expect(ProseNumber.numbers(in: "rotation by -41.44° (41.44° clockwise)") == [-41.44, 41.44])
        #expect(ProseNumber.numbers(in: "κ from 4.9·10⁹ to 4.8·10⁴") == [4.9e9, 4.8e4])
        #expect(ProseNumber.numbers(in: "H15 x86 σ₁ = 2") == [2])
    }

    @Test func aNumberIsFoundOnlyWhole() throws {
        let number = try #require(ProseNumber("6.5"))
        #expect(number.occurs(in: "lose 6.5 digits") && number.occurs(in: "(6.5)") && number.occurs(in: "6.5."))
        #expect(!number.occurs(in: "lose 16.5 digits") && !number.occurs(in: "6.55") && !number.occurs(in: "6.5·10⁴")
                && !number.occurs(in: "26.5") && !number.occurs(in: "6.5e-3"))
    }

    @Test func packageFilesArePassedByAbsolutePath() {
        let arguments = CommandRuns.arguments(for: ["exercise2", "--image", "Tests/grading-manifest.txt", "--ranks", "1,5"])
        let path = QuotedOutputTests.repository.appendingPathComponent("Tests/grading-manifest.txt").path
        #expect(arguments == ["--image", path, "--ranks", "1,5", "--no-plots"])
        #expect(CommandRuns.arguments(for: ["svd", "no/such/file", "--json"]) == ["no/such/file", "--json"])
    }

    @Test func theManifestIsCounted() throws {
        let counts = try Self.manifestCounts()
        #expect(counts.contains { $0.hasPrefix("module ContractTests: ") })
        #expect(counts.contains { $0.hasPrefix("suite GuideTests.PinnedNumberTests: ") })
        let total = try #require(counts.last.flatMap { ProseNumber.numbers(in: $0).first })
        let modules = counts.filter { $0.hasPrefix("module ") }.compactMap { ProseNumber.numbers(in: $0).first }
        #expect(modules.reduce(0, +) == total)
    }

    @Test func aStaleNumberFailsWithItsPlace() throws {
        let lines = [
            "Some text.",
            "<!-- from: exercise3 | 6.5 | 24× \"ratio |x|\" | 7 -->",
            "The SVD loses 6.5 digits, the factors are 24× smaller",
            "in 7 runs.",
            "",
            "<!-- from: exercise9 | x -->",
            "Text.",
        ]
        let markers = PinnedNumberTests.markers(in: lines, file: "Guide.md")
        #expect(markers.count == 2)
        let marker = try #require(markers.first)
        #expect(marker.command == ["exercise3"] && marker.items.count == 3 && marker.paragraph.map(\.number) == [3, 4])
        #expect(Self.failures(of: marker, output: ["digits lost 6.47", "ratio |x| 23.7", "7.02"]).isEmpty)
        let stale = Self.failures(of: marker, output: ["digits lost 7.4", "ratio |x| 35.0", "other 24", "6.98"])
        #expect(stale.count == 2)
        #expect(stale.first == "Guide.md:3: the prose says 6.5, but `exercise3` prints no value that rounds to it; the nearest printed value is 6.98")
        #expect(stale.last?.hasPrefix("Guide.md:3: the prose says 24×, but `exercise3` prints no value that rounds to it on a line containing \"ratio |x|\"") == true)
        let unwritten = PinnedNumberTests.markers(in: ["<!-- from: exercise3 | 6.5 | 8 -->", "It loses 6.5 digits in 7 runs."], file: "Guide.md")
        #expect(Self.failures(of: try #require(unwritten.first), output: ["6.5 8"])
                == ["Guide.md:1: the marker lists 8, which the paragraph below it does not write"])
        let malformed = try #require(markers.last)
        #expect(Self.failures(of: malformed, output: []).contains { $0.contains("`x`, which is not a number") })
    }
}
