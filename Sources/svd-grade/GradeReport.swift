import ArgumentParser
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `svd-grade`: turns the xUnit file of a `swift test` run into a score table per exercise and a
/// JUnit XML file for autograders. `Scripts/grade.sh` runs the tests and then this tool.
///
/// Two pitfalls of the raw output are handled here: Swift Testing's `failures` attribute counts
/// *issues* (one failing test can record many), so tests are counted from the `<testcase>`
/// elements instead; and a `--filter` that matches nothing exits 0, so every expected suite must
/// appear with at least one test, or the grade fails.
@main
struct GradeReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svd-grade",
        abstract: "Summarize a swift test xUnit file as a score table per exercise and write JUnit XML.")

    @Argument(help: "The xUnit XML written by `swift test --xunit-output FILE`.")
    var xunitFile: String

    @Option(help: "Where to write the per-exercise JUnit XML.")
    var junit: String?

    @Option(parsing: .upToNextOption, help: "Test modules that must have run (default: all graded suites).")
    var expect: [String] = GradedSuite.all.map(\.module)

    func run() throws {
        guard let data = FileManager.default.contents(atPath: xunitFile) else {
            throw ValidationError("cannot read '\(xunitFile)': the test run wrote no results")
        }
        let cases = try TestCaseReader.read(data)
        var rows: [(suite: GradedSuite, passed: Int, failed: Int, skipped: Int)] = []
        var missing: [String] = []
        for module in expect {
            let suite = GradedSuite.all.first { $0.module == module } ?? GradedSuite(module: module, title: module)
            let mine = cases.filter { $0.module == module }
            if mine.isEmpty { missing.append(module) }
            rows.append((suite, mine.filter { $0.outcome == .passed }.count, mine.filter { $0.outcome == .failed }.count,
                         mine.filter { $0.outcome == .skipped }.count))
        }

        print("")
        print("Grades (one row per graded suite; a test passes when it records no issue)")
        let titleWidth = max(rows.map { $0.suite.title.count }.max() ?? 0, 8)
        func pad(_ s: String, _ width: Int, left: Bool = true) -> String {
            let fill = String(repeating: " ", count: max(0, width - s.count))
            return left ? s + fill : fill + s
        }
        print("  " + pad("Exercise", titleWidth) + "  " + pad("passed", 6, left: false) + "  "
              + pad("failed", 6, left: false) + "  " + pad("skipped", 7, left: false) + "  result")
        print("  " + String(repeating: "─", count: titleWidth + 33))
        for row in rows {
            let result = missing.contains(row.suite.module) ? "DID NOT RUN" : (row.failed == 0 ? "pass" : "FAIL")
            print("  " + pad(row.suite.title, titleWidth) + "  " + pad("\(row.passed)", 6, left: false) + "  "
                  + pad("\(row.failed)", 6, left: false) + "  " + pad("\(row.skipped)", 7, left: false) + "  " + result)
        }
        let passed = rows.map(\.passed).reduce(0, +), failed = rows.map(\.failed).reduce(0, +)
        print("  " + String(repeating: "─", count: titleWidth + 33))
        print("  " + pad("Total", titleWidth) + "  " + pad("\(passed)", 6, left: false) + "  " + pad("\(failed)", 6, left: false))

        if let junit {
            try JUnitWriter.write(cases: cases, suites: rows.map(\.suite), to: junit)
            print("\nJUnit XML: \(junit)")
        }
        if !missing.isEmpty {
            throw ValidationError("no tests ran for \(missing.joined(separator: ", ")): the grade is incomplete")
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// A test module that is graded, and the title shown in the table.
struct GradedSuite: Sendable {
    let module: String
    let title: String

    static let all: [GradedSuite] = [
        GradedSuite(module: "CoreTests", title: "Core: one-sided Jacobi SVD"),
        GradedSuite(module: "PlottingTests", title: "Plotting (gnuplot)"),
        GradedSuite(module: "ImageCodecTests", title: "Image codecs (PNG, PGM/PPM)"),
        GradedSuite(module: "Exercise0Tests", title: "Exercise 0: geometry"),
        GradedSuite(module: "Exercise1Tests", title: "Exercise 1: PCA"),
        GradedSuite(module: "Exercise2Tests", title: "Exercise 2: image compression"),
        GradedSuite(module: "Exercise3Tests", title: "Exercise 3: least squares"),
        GradedSuite(module: "Exercise4Tests", title: "Exercise 4: Hilbert condition"),
        GradedSuite(module: "Exercise5Tests", title: "Exercise 5: low-rank layer"),
    ]
}

/// One `<testcase>` of the xUnit file.
struct TestCaseResult: Sendable {
    enum Outcome: Sendable { case passed, failed, skipped }
    /// The test module: the part of `classname` before the first dot.
    let module: String
    let className: String
    let name: String
    let time: String
    var outcome: Outcome
    var messages: [String]
}

/// Reads the `<testcase>` elements and whether each holds a `<failure>` or `<skipped>`.
final class TestCaseReader: NSObject, XMLParserDelegate {
    private var cases: [TestCaseResult] = []

    static func read(_ data: Data) throws -> [TestCaseResult] {
        let reader = TestCaseReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else {
            throw ValidationError("the xUnit file is not valid XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        return reader.cases
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch element {
        case "testcase":
            let className = attributes["classname"] ?? ""
            let module = String(className.split(separator: ".").first ?? "")
            cases.append(TestCaseResult(module: module, className: className, name: attributes["name"] ?? "",
                                        time: attributes["time"] ?? "0", outcome: .passed, messages: []))
        case "failure", "error":
            guard !cases.isEmpty else { return }
            cases[cases.count - 1].outcome = .failed
            cases[cases.count - 1].messages.append(attributes["message"] ?? "")
        case "skipped":
            guard !cases.isEmpty, cases[cases.count - 1].outcome != .failed else { return }
            cases[cases.count - 1].outcome = .skipped
        default:
            break
        }
    }
}

/// Writes one `<testsuite>` per graded module, counting failed *tests*.
enum JUnitWriter {
    static func write(cases: [TestCaseResult], suites: [GradedSuite], to path: String) throws {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let failedTotal = cases.filter { $0.outcome == .failed }.count
        xml += "<testsuites tests=\"\(cases.count)\" failures=\"\(failedTotal)\">\n"
        for suite in suites {
            let mine = cases.filter { $0.module == suite.module }
            let failed = mine.filter { $0.outcome == .failed }.count
            let skipped = mine.filter { $0.outcome == .skipped }.count
            xml += "  <testsuite name=\"\(escape(suite.module))\" tests=\"\(mine.count)\" failures=\"\(failed)\" "
                + "skipped=\"\(skipped)\" errors=\"\(mine.isEmpty ? 1 : 0)\">\n"
            if mine.isEmpty {
                xml += "    <testcase classname=\"\(escape(suite.module))\" name=\"suite ran\"><error message=\"no tests ran\"/></testcase>\n"
            }
            for test in mine {
                xml += "    <testcase classname=\"\(escape(test.className))\" name=\"\(escape(test.name))\" time=\"\(escape(test.time))\""
                switch test.outcome {
                case .passed: xml += "/>\n"
                case .skipped: xml += "><skipped/></testcase>\n"
                case .failed:
                    xml += ">" + test.messages.map { "<failure message=\"\(escape($0))\"/>" }.joined() + "</testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(xml.utf8).write(to: url, options: .atomic)
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\n", with: "&#10;")
    }
}
