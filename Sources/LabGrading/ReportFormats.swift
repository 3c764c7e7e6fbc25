import Foundation

/// The grade written for a person, for a CI system, or for an autograder.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, junit, gradescope

    public func render(_ report: GradeReport) throws -> String {
        switch self {
        case .text: return Self.text(report)
        case .json: return try Self.json(report)
        case .junit: return Self.junit(report)
        case .gradescope: return try Self.gradescope(report)
        }
    }

    public static func points(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x)
    }

    static func text(_ report: GradeReport) -> String {
        let bonus = report.score > Double(report.maxScore) ? " (bonus points included)" : ""
        var lines = ["Grade: \(points(report.score)) / \(report.maxScore)" + bonus]
        lines.append("  (visible cases seeded with \(report.seed)"
                     + (report.hiddenSeed.map { "; hidden cases drawn fresh with seed \($0)" } ?? "") + ")")
        lines.append("")
        let titleWidth = min(52, report.tasks.map(\.title.count).max() ?? 10)
        for task in report.tasks {
            let title = task.title.count > titleWidth ? String(task.title.prefix(titleWidth - 1)) + "…" : task.title
            lines.append("  " + task.id.padding(toLength: 6, withPad: " ", startingAt: 0)
                         + title.padding(toLength: titleWidth + 2, withPad: " ", startingAt: 0)
                         + "\(points(task.points))/\(task.maxPoints)".padding(toLength: 8, withPad: " ", startingAt: 0)
                         + task.status.rawValue)
        }
        for task in report.tasks where task.status != .passed {
            lines.append("")
            lines.append("\(task.id) \(task.title): \(task.status.rawValue)")
            lines += task.feedback.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ report: GradeReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    static func junit(_ report: GradeReport) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let failed = report.tasks.flatMap(\.tests).filter { !$0.passed }.count
        xml += "<testsuites name=\"lab grade\" tests=\"\(report.tasks.flatMap(\.tests).count)\" failures=\"\(failed)\">\n"
        for task in report.tasks {
            let tests = task.tests
            xml += "  <testsuite name=\"\(escape(task.id + " " + task.title))\" tests=\"\(tests.count)\" "
                + "failures=\"\(tests.filter { !$0.passed }.count)\">\n"
            for test in tests {
                xml += "    <testcase classname=\"\(escape(task.id))\" name=\"\(escape(test.name))\""
                if test.passed {
                    xml += "/>\n"
                } else {
                    let message = test.outcome == nil ? task.status.rawValue : Grading.feedbackLine(test)
                    xml += "><failure message=\"\(escape(task.status.rawValue))\">\(escape(message))</failure></testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    /// Gradescope's `results.json`: one entry per test, worth its share of the task's points,
    /// visible for the visible tier and shown after the grades are published for the hidden one.
    static func gradescope(_ report: GradeReport) throws -> String {
        var tests: [[String: Any]] = []
        for task in report.tasks {
            let total = task.tests.map(\.weight).reduce(0, +)
            for test in task.tests {
                let maxScore = total > 0 ? Double(task.maxPoints) * test.weight / total : 0
                let earned = task.status == .passed || task.status == .partial ? maxScore * test.credit : 0
                let output = task.status == .passed || task.status == .partial || task.status == .failed
                    ? Grading.feedbackLine(test) : "\(task.status.rawValue): \(task.feedback)"
                tests.append(["name": "\(task.id) \(task.title): \(test.name)", "score": (earned * 100).rounded() / 100,
                              "max_score": (maxScore * 100).rounded() / 100, "output": output,
                              "visibility": test.visibility == "hidden" ? "after_published" : "visible"])
            }
        }
        let object: [String: Any] = ["score": report.score, "tests": tests,
                                     "output": "Grade \(points(report.score)) / \(report.maxScore); cases seeded with \(report.seed)"
                                        + (report.hiddenSeed.map { ", hidden \($0)" } ?? "")]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\n", with: "&#10;")
    }
}
