/// The grade of a run: a row per part, and every reason it fails.
struct Grade {
    struct Row {
        let suite: GradedSuite
        let passed: Int
        let failed: Int
        let skipped: Int
        /// Tests of the manifest for this part that did not run.
        let missing: Int
        let timedOut: Bool
        var didNotRun: Bool { passed + failed + skipped == 0 }
        var result: String {
            if timedOut { return "TIMED OUT" }
            if didNotRun { return "DID NOT RUN" }
            return failed + skipped + missing == 0 ? "pass" : "FAIL"
        }
    }

    let rows: [Row]
    /// Manifest entries (`Module.Suite/name`) that did not run.
    let missingTests: [String]
    let problems: [String]
    var suites: [GradedSuite] { rows.map(\.suite) }

    /// - Parameters:
    ///   - cases: every test case that ran.
    ///   - expect: the parts (test modules) that must have run.
    ///   - timedOut: the parts stopped at the time limit.
    ///   - manifest: the tests that must have run, when there is a manifest.
    init(cases: [TestCaseResult], expect: [String], timedOut: [String], manifest: [String]?) {
        let ran = Set(cases.map(\.manifestEntry))
        let missingTests = (manifest ?? []).filter { entry in
            expect.contains(where: { entry.hasPrefix($0 + ".") }) && !ran.contains(entry)
        }
        var rows: [Row] = []
        var problems: [String] = []
        for module in expect {
            let suite = GradedSuite.all.first { $0.module == module } ?? GradedSuite(module: module, title: module)
            let mine = cases.filter { $0.module == module }
            let row = Row(suite: suite, passed: mine.filter { $0.outcome == .passed }.count,
                          failed: mine.filter { $0.outcome == .failed }.count,
                          skipped: mine.filter { $0.outcome == .skipped }.count,
                          missing: missingTests.filter { $0.hasPrefix(module + ".") }.count,
                          timedOut: timedOut.contains(module))
            rows.append(row)
            if row.timedOut { problems.append("\(module): stopped at the time limit") }
            if row.didNotRun && !row.timedOut { problems.append("\(module): no tests ran") }
            if row.failed > 0 { problems.append("\(module): \(row.failed) tests failed") }
            for test in mine where test.outcome == .skipped {
                problems.append("\(module): \(test.className)/\(test.name) was skipped, and a skipped test is not passed")
            }
        }
        for entry in missingTests {
            problems.append("\(entry) is in the manifest but did not run (deleted, #if-ed out or renamed?)")
        }
        self.rows = rows
        self.missingTests = missingTests
        self.problems = problems
    }

    func table() -> String {
        let titleWidth = max(rows.map { $0.suite.title.count }.max() ?? 0, 8)
        func pad(_ s: String, _ width: Int, left: Bool = true) -> String {
            let fill = String(repeating: " ", count: max(0, width - s.count))
            return left ? s + fill : fill + s
        }
        var lines = ["", "Grades (one row per graded suite; a test passes when it records no issue and is not skipped)"]
        lines.append("  " + pad("Exercise", titleWidth) + "  " + pad("passed", 6, left: false) + "  " + pad("failed", 6, left: false)
                     + "  " + pad("skipped", 7, left: false) + "  " + pad("missing", 7, left: false) + "  result")
        let rule = "  " + String(repeating: "─", count: titleWidth + 42)
        lines.append(rule)
        for row in rows {
            lines.append("  " + pad(row.suite.title, titleWidth) + "  " + pad("\(row.passed)", 6, left: false) + "  "
                         + pad("\(row.failed)", 6, left: false) + "  " + pad("\(row.skipped)", 7, left: false) + "  "
                         + pad("\(row.missing)", 7, left: false) + "  " + row.result)
        }
        lines.append(rule)
        lines.append("  " + pad("Total", titleWidth) + "  " + pad("\(rows.map(\.passed).reduce(0, +))", 6, left: false) + "  "
                     + pad("\(rows.map(\.failed).reduce(0, +))", 6, left: false) + "  "
                     + pad("\(rows.map(\.skipped).reduce(0, +))", 7, left: false) + "  "
                     + pad("\(rows.map(\.missing).reduce(0, +))", 7, left: false))
        return lines.joined(separator: "\n")
    }
}

/// The tests a grade expects: one `Module.Suite/name` per line, `#` comments allowed.
enum Manifest {
    static let defaultPath = "Tests/grading-manifest.txt"

    static func read(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the manifest '\(path)'")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func write(_ cases: [TestCaseResult], to path: String) throws {
        let lines = ["# The tests the grade expects, one per line (Module.Suite/name). A test missing from a run fails",
                     "# the grade. Regenerate after adding or renaming tests on purpose: Scripts/grade.sh --update-manifest"]
            + Set(cases.map(\.manifestEntry)).sorted()
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

import ArgumentParser
import Foundation
