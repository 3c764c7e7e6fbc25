import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ArgumentParser

/// A test module that is graded, and the title shown in the table.
struct GradedSuite: Sendable {
    let module: String
    let title: String

    static let all: [GradedSuite] = [
        GradedSuite(module: "ContractTests", title: "Contract: every property, on every decomposer"),
        GradedSuite(module: "CoreTests", title: "Core: the fast path's kernels"),
        GradedSuite(module: "PlottingTests", title: "Plotting (gnuplot)"),
        GradedSuite(module: "ImageCodecTests", title: "Image codecs (PNG, PGM/PPM)"),
        GradedSuite(module: "Exercise0Tests", title: "Exercise 0: geometry"),
        GradedSuite(module: "Exercise1Tests", title: "Exercise 1: PCA"),
        GradedSuite(module: "Exercise2Tests", title: "Exercise 2: image compression"),
        GradedSuite(module: "Exercise3Tests", title: "Exercise 3: least squares"),
        GradedSuite(module: "Exercise4Tests", title: "Exercise 4: Hilbert condition"),
        GradedSuite(module: "Exercise5Tests", title: "Exercise 5: low-rank layer"),
        GradedSuite(module: "HostileInputTests", title: "Hostile input, every executable"),
        GradedSuite(module: "GuideTests", title: "Quoted output of the guides"),
        GradedSuite(module: "GraderTests", title: "The grader itself"),
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

    /// How the manifest names it: `Module.Suite/name`.
    var manifestEntry: String { className + "/" + name }
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
    static func write(cases: [TestCaseResult], suites: [GradedSuite], missing: [String] = [], to path: String) throws {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let failedTotal = cases.filter { $0.outcome == .failed }.count
        xml += "<testsuites tests=\"\(cases.count)\" failures=\"\(failedTotal)\">\n"
        for suite in suites {
            let mine = cases.filter { $0.module == suite.module }
            let failed = mine.filter { $0.outcome == .failed }.count
            let skipped = mine.filter { $0.outcome == .skipped }.count
            let absent = missing.filter { $0.hasPrefix(suite.module + ".") }
            xml += "  <testsuite name=\"\(escape(suite.module))\" tests=\"\(mine.count + absent.count)\" failures=\"\(failed + skipped + absent.count)\" "
                + "skipped=\"\(skipped)\" errors=\"\(mine.isEmpty ? 1 : 0)\">\n"
            for entry in absent {
                xml += "    <testcase classname=\"\(escape(suite.module))\" name=\"\(escape(entry))\"><failure message=\"in the manifest, did not run\"/></testcase>\n"
            }
            if mine.isEmpty {
                xml += "    <testcase classname=\"\(escape(suite.module))\" name=\"suite ran\"><error message=\"no tests ran\"/></testcase>\n"
            }
            for test in mine {
                xml += "    <testcase classname=\"\(escape(test.className))\" name=\"\(escape(test.name))\" time=\"\(escape(test.time))\""
                switch test.outcome {
                case .passed: xml += "/>\n"
                case .skipped: xml += "><skipped/><failure message=\"skipped: a skipped test is not passed\"/></testcase>\n"
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
