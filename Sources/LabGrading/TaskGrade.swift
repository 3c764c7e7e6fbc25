import Foundation
import LabMarkers

/// A task's grade.
public struct TaskResult: Codable, Sendable {
    public enum Status: String, Codable, Sendable {
        case passed, partial, failed, notImplemented, notCheckable, timedOut
    }

    /// One of the task's tests.
    public struct TestResult: Codable, Sendable {
        public let name: String
        /// "visible" or "hidden".
        public let visibility: String
        public let weight: Double
        /// The check's outcome; nil when the test did not run (the task timed out or crashed, or
        /// the test is missing from this build).
        public let outcome: CheckOutcome?
        public var passed: Bool { outcome?.status == .passed }
        /// The share of `weight` earned: 1 when passed, the fraction of passing cases for a check
        /// with named cases, else 0.
        public var credit: Double { outcome?.credit ?? 0 }
    }

    public let id: String
    public let title: String
    public let exercise: String
    public let points: Double
    public let maxPoints: Int
    public let status: Status
    public let feedback: String
    public let tests: [TestResult]
}

/// The whole grade: the JSON of `lab grade --format json`.
public struct GradeReport: Codable, Sendable {
    public let score: Double
    public let maxScore: Int
    /// The seed of the visible cases, and of the hidden ones when they ran.
    public let seed: UInt64
    public let hiddenSeed: UInt64?
    public let tasks: [TaskResult]
}

/// How the task's process ended.
public enum TaskRun: Sendable {
    /// It reported an outcome for each of its checks.
    case finished([CheckOutcome])
    /// It ran past the time limit.
    case timedOut(seconds: Double)
    /// It ended without a report (a trap, a crash): what it printed on stderr.
    case crashed(String)
}

/// Turns each task's check outcomes into a status, points and feedback, by the rubric.
public enum Grading {
    /// Grades the tasks of `rubric` (those in `only` when given), in rubric order, running each
    /// task with `run`. A task whose dependency did not pass (or scored partly) is not checkable.
    public static func grade(_ rubric: Rubric, only: Set<String>? = nil, includeHidden: Bool, seed: UInt64,
                             hiddenSeed: UInt64?, run: (Rubric.Task) -> TaskRun) -> GradeReport {
        var results: [String: TaskResult] = [:]
        var ordered: [TaskResult] = []
        for task in rubric.tasks where only?.contains(task.id) ?? true {
            let result = grade(task, includeHidden: includeHidden, run: run(task), dependencies: task.dependsOn.compactMap { results[$0] })
            results[task.id] = result
            ordered.append(result)
        }
        let maxScore = only == nil ? rubric.maxScore
            : rubric.tasks.filter { only!.contains($0.id) && $0.bonus != true }.map(\.points).reduce(0, +)
        return GradeReport(score: ordered.map(\.points).reduce(0, +), maxScore: maxScore, seed: seed,
                           hiddenSeed: includeHidden ? hiddenSeed : nil, tasks: ordered)
    }

    static func grade(_ task: Rubric.Task, includeHidden: Bool, run: TaskRun, dependencies: [TaskResult]) -> TaskResult {
        let entries = task.visibleTests.map { ($0, "visible") } + (includeHidden ? task.hiddenTests.map { ($0, "hidden") } : [])
        func result(_ status: TaskResult.Status, points: Double, feedback: String, tests: [TaskResult.TestResult]) -> TaskResult {
            TaskResult(id: task.id, title: task.title, exercise: task.exercise, points: points, maxPoints: task.points,
                       status: status, feedback: feedback, tests: tests)
        }
        let notRun = entries.map { TaskResult.TestResult(name: $0.0.name, visibility: $0.1, weight: $0.0.weight, outcome: nil) }
        let outcomes: [CheckOutcome]
        switch run {
        case let .timedOut(seconds):
            return result(.timedOut, points: 0, feedback: "stopped after \(Int(seconds)) s, the time limit of a task: "
                          + "a loop that never ends? (sweeps must stop at maxSweeps)", tests: notRun)
        case let .crashed(message):
            return result(.failed, points: 0, feedback: "the task's process crashed: \(message)", tests: notRun)
        case let .finished(list):
            outcomes = list
        }
        let tests = entries.map { entry, visibility in
            TaskResult.TestResult(name: entry.name, visibility: visibility, weight: entry.weight,
                                  outcome: outcomes.first { $0.name == entry.name })
        }
        if tests.contains(where: { $0.outcome?.status == .notImplemented && $0.outcome?.missingTask == task.id }) {
            return result(.notImplemented, points: 0,
                          feedback: "not implemented yet: \(task.guideSection) (swift run lab hint \(task.id))", tests: tests)
        }
        let blocking = dependencies.filter { $0.status != .passed && $0.status != .partial }
        let missingElsewhere = Set(tests.compactMap { $0.outcome?.status == .notImplemented ? $0.outcome?.missingTask : nil })
        if !blocking.isEmpty || !missingElsewhere.isEmpty {
            let names = (blocking.map { "\($0.id) (\($0.status.rawValue))" } + missingElsewhere.sorted().map { "\($0) (notImplemented)" })
            return result(.notCheckable, points: 0,
                          feedback: "not checkable: it calls \(Array(Set(names)).sorted().joined(separator: ", ")), which must pass first", tests: tests)
        }
        let total = tests.map(\.weight).reduce(0, +)
        let passedWeight = tests.map { $0.weight * $0.credit }.reduce(0, +)
        let status: TaskResult.Status = passedWeight == total ? .passed : (passedWeight > 0 ? .partial : .failed)
        let points: Double
        switch task.partialCredit {
        case .weighted: points = total > 0 ? Double(task.points) * passedWeight / total : 0
        case .allOrNothing: points = status == .passed ? Double(task.points) : 0
        }
        let feedback = tests.map(feedbackLine).joined(separator: "\n")
        return result(status, points: (points * 100).rounded() / 100, feedback: feedback, tests: tests)
    }

    /// One test's feedback: its rationale when it passes; the property, the input, expected and
    /// actual, and how to replay the case when it fails.
    public static func feedbackLine(_ test: TaskResult.TestResult) -> String {
        guard let outcome = test.outcome else {
            return "✗ \(test.name): this test is not in the build (deleted or renamed?), so it counts as failed"
        }
        switch outcome.status {
        case .passed:
            return "✓ \(test.name) (\(outcome.casesRun) cases)"
        case .notImplemented:
            return "· \(test.name): needs task \(outcome.missingTask ?? "?")"
        case .failed:
            if let cases = outcome.namedCases, !cases.isEmpty {
                let passed = cases.filter(\.passed).count
                let lines = cases.map { named -> String in
                    guard !named.passed, let f = named.failure else { return "    ✓ \(named.name)" }
                    return "    ✗ \(named.name): " + failureLines(f, outcome, indent: "        ")
                }
                return "◐ \(test.name): \(passed) of \(cases.count) cases pass (credit \(passed)/\(cases.count) of its weight)\n"
                    + "    why: \(outcome.rationale)\n" + lines.joined(separator: "\n")
            }
            guard let f = outcome.failure else { return "✗ \(test.name)" }
            return "✗ \(test.name): " + failureLines(f, outcome, indent: "    ", rationale: true)
        }
    }

    /// A failed case: the property, the input, expected and actual, the replay command, and the
    /// matrix when it is small enough to read.
    static func failureLines(_ f: CaseFailure, _ outcome: CheckOutcome, indent: String, rationale: Bool = false) -> String {
        let rows = f.matrix.map { row in row.map { String(format: "%.17g", $0) }.joined(separator: " ") }
        let matrix = f.matrix.count <= 8 && (f.matrix.first?.count ?? 0) <= 8
            ? "\n\(indent)matrix:\n\(indent)  " + rows.joined(separator: "\n\(indent)  ") : ""
        return f.property + "\n"
            + (rationale ? "\(indent)why: \(outcome.rationale)\n" : "")
            + "\(indent)input: \(f.input)\n"
            + "\(indent)expected: \(f.expected)\n"
            + "\(indent)actual:   \(f.actual)\n"
            + "\(indent)replay: swift run lab check \(outcome.task) --replay \(f.seed)\(matrix)"
    }
}
