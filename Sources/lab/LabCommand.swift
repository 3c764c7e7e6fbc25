import ArgumentParser
import Foundation
import GradingSupport
import LabGrading
import LabMarkers

/// `swift run lab …`: the student's side of the lab — the tasks, their checks, hints and grade.
@main
struct Lab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Your tasks in SVD Lab: list them, check one, get a hint, start one over, grade them all.",
        discussion: """
            Each task is a function in the sources between `// BEGIN SOLUTION` and `// END SOLUTION`; \
            its guide section says what to write. For example:
              swift run lab list
              swift run lab check C1
              swift run lab hint C1 --level 2
              swift run lab grade
            """,
        subcommands: [List.self, Check.self, Hint.self, Reset.self, Watch.self, Grade.self, RunTaskCommand.self])
}

/// Seeds of the visible cases: fixed, so that `lab check` shows the same cases every time.
let visibleSeed: UInt64 = 20_260_601

extension Lab {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The tasks, their points and where each stands.")

        func run() throws {
            let root = try TaskProcess.packageRoot()
            let rubric = try Rubric.load(packageRoot: root)
            let report = gradeVisible(rubric, only: nil)
            var exercise = ""
            for task in report.tasks {
                if task.exercise != exercise {
                    exercise = task.exercise
                    print("\n\(exercise)")
                }
                let bonus = rubric.task(task.id)?.bonus == true ? " (bonus)" : ""
                let id = task.id.padding(toLength: 6, withPad: " ", startingAt: 0)
                let points = "\(ReportFormat.points(task.points))/\(task.maxPoints)".padding(toLength: 7, withPad: " ", startingAt: 0)
                let status = task.status.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                print("  " + id + points + status + task.title + bonus)
            }
            print("\nScore on the visible tests: \(ReportFormat.points(report.score)) / \(report.maxScore). "
                  + "Next: swift run lab check TASK")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one task's visible tests and explain each result.",
            discussion: """
                A failing test shows the property, why it must hold, the (shrunk) input, expected and actual, \
                and the seed that replays that one case (--replay SEED). The failing matrix is written to \
                .lab/failures/TEST.txt, which `swift run svd FILE` reads.
                """)

        @Argument(help: "The task's id (see `lab list`).")
        var task: String

        @Option(help: "Replay one case by its seed (printed with a failure).")
        var replay: UInt64?

        func run() throws {
            let root = try TaskProcess.packageRoot()
            let rubric = try Rubric.load(packageRoot: root)
            guard let task = rubric.task(task) else { throw unknownTask(task, rubric) }
            print("\(task.id) \(task.title) (\(task.points) points) — \(task.guideSection)")
            let run = TaskProcess.spawn(executable: TimeLimitedProcess.currentExecutable, task: task, includeHidden: false,
                                        seed: visibleSeed, hiddenSeed: 0, replay: replay, limit: rubric.timeLimitSeconds)
            let result = Grading.grade(rubric, only: [task.id], includeHidden: false, seed: visibleSeed, hiddenSeed: nil) { _ in run }
                .tasks[0]
            for test in result.tests {
                print("")
                print(Grading.feedbackLine(test))
                if let outcome = test.outcome, outcome.status == .passed { print("    why: \(outcome.rationale)") }
                if let failure = test.outcome?.failure {
                    let path = try writeFailure(failure, test: test.name, root: root)
                    print("    the failing matrix: \(path)   (swift run svd \(path))")
                }
            }
            print("\n\(task.id): \(result.status.rawValue), \(ReportFormat.points(result.points)) / \(result.maxPoints)")
            if result.status == .notImplemented || result.status == .notCheckable { print(result.feedback) }
            if result.status != .passed { throw ExitCode(1) }
        }

        /// Writes the failing input in the text format `svd` reads, with its provenance.
        func writeFailure(_ failure: CaseFailure, test: String, root: String) throws -> String {
            let relative = ".lab/failures/\(test).txt"
            let url = URL(fileURLWithPath: root).appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var text = "# \(test): \(failure.property)\n# input: \(failure.input)\n"
            text += "# replay: swift run lab check \(test.split(separator: ".").first.map(String.init) ?? test) --replay \(failure.seed)\n"
            text += failure.matrix.map { $0.map { String(format: "%.17g", $0) }.joined(separator: " ") }.joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: url, options: .atomic)
            return relative
        }
    }

    struct Hint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A hint for a task, from a nudge (level 1) to nearly the answer.")

        @Argument(help: "The task's id.")
        var task: String

        @Option(help: "How much to reveal: 1 (a nudge) up to the last level.")
        var level: Int = 1

        func run() throws {
            let rubric = try Rubric.load(packageRoot: try TaskProcess.packageRoot())
            guard let task = rubric.task(task) else { throw unknownTask(task, rubric) }
            guard (1...task.hints.count).contains(level) else {
                throw LabError("\(task.id) has hints at levels 1 to \(task.hints.count)")
            }
            print("\(task.id) \(task.title) — \(task.guideSection)")
            for shown in 1...level { print("\nHint \(shown) of \(task.hints.count): \(task.hints[shown - 1])") }
            if level < task.hints.count { print("\nMore: swift run lab hint \(task.id) --level \(level + 1)") }
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a task's stub back (your code is kept in .lab/backup first).")

        @Argument(help: "The task's id.")
        var task: String

        @Flag(help: "Do not ask for confirmation.")
        var yes = false

        func run() throws {
            let root = try TaskProcess.packageRoot()
            let rubric = try Rubric.load(packageRoot: root)
            guard let task = rubric.task(task) else { throw unknownTask(task, rubric) }
            let url = URL(fileURLWithPath: root).appendingPathComponent(task.source)
            let marked = try MarkedSource(path: task.source, text: try String(contentsOf: url, encoding: .utf8))
            guard let region = marked.tasks.first(where: { $0.id == task.id }) else {
                throw LabError("\(task.source) has no markers for \(task.id): were they deleted?")
            }
            if !yes {
                print("Reset \(task.id) in \(task.source)? Your code there goes to .lab/backup/ and the stub comes back. [y/N] ",
                      terminator: "")
                guard let answer = readLine(), answer.lowercased().hasPrefix("y") else {
                    print("Nothing changed.")
                    return
                }
            }
            let backup = URL(fileURLWithPath: root)
                .appendingPathComponent(".lab/backup/\(task.id)-\(Int(Date().timeIntervalSince1970)).swift")
            try FileManager.default.createDirectory(at: backup.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(marked.body(of: region).joined(separator: "\n").utf8).write(to: backup)
            let stub = MarkedSource.stub(for: region, guideSection: task.guideSection)
            try Data(marked.replacingBodies([task.id: stub]).utf8).write(to: url, options: .atomic)
            print("\(task.id) is a stub again; your code is in \(backup.path.dropFirst(root.count + 1)).")
        }
    }

    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a task again whenever a source file changes (Ctrl-C to stop).")

        @Argument(help: "The task to watch (default: the first one not passed yet).")
        var task: String?

        @Option(help: "Seconds between looks at the sources.")
        var interval: Double = 1

        func run() throws {
            let root = try TaskProcess.packageRoot()
            let rubric = try Rubric.load(packageRoot: root)
            var last = ""
            while true {
                let stamp = sourcesStamp(root)
                if stamp != last {
                    last = stamp
                    let current = try task ?? firstUnfinished(rubric)
                    print("\n━━ \(Date()) — building and checking \(current)")
                    // `swift build` then the freshly built `lab check`, each a process of its own.
                    let build = Process()
                    build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                    build.arguments = ["swift", "build", "--product", "lab"]
                    build.currentDirectoryURL = URL(fileURLWithPath: root)
                    try build.run()
                    build.waitUntilExit()
                    if build.terminationStatus == 0 {
                        let check = Process()
                        check.executableURL = URL(fileURLWithPath: TimeLimitedProcess.currentExecutable)
                        check.arguments = ["check", current]
                        try check.run()
                        check.waitUntilExit()
                    }
                }
                Thread.sleep(forTimeInterval: max(0.2, interval))
            }
        }

        func firstUnfinished(_ rubric: Rubric) throws -> String {
            let report = gradeVisible(rubric, only: nil)
            return report.tasks.first { $0.status != .passed }?.id ?? rubric.tasks[0].id
        }

        /// The modification times of every Swift file under Sources, as one string.
        func sourcesStamp(_ root: String) -> String {
            let sources = URL(fileURLWithPath: root).appendingPathComponent("Sources")
            guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: [.contentModificationDateKey])
            else { return "" }
            var stamp: [String] = []
            for case let url as URL in walker where url.pathExtension == "swift" {
                let date = (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
                stamp.append("\(url.path)@\(date.timeIntervalSince1970)")
            }
            return stamp.sorted().joined(separator: "\n")
        }
    }

    struct Grade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade every task, each in its own process with a time limit.",
            discussion: """
                Statuses: passed, partial (some tests pass; the feedback says which fail and why), failed, \
                notImplemented (still the stub), notCheckable (it calls a task that does not pass yet), timedOut. \
                --format json writes {"score", "maxScore", "tasks": [{"id", "title", "exercise", "points", \
                "maxPoints", "status", "feedback", …}]}; gradescope writes Gradescope's results.json; junit a \
                JUnit XML file with one test case per test.
                """)

        @Option(help: "text, json, junit or gradescope.")
        var format: String = "text"

        @Option(help: "Write the report to FILE instead of standard output (an existing file is not overwritten).")
        var out: String?

        @Option(parsing: .upToNextOption, help: "Grade only these tasks.")
        var only: [String] = []

        @Flag(help: "Run the hidden tests too (the instructor's tree only has them).")
        var hidden = false

        @Option(help: "The seed of the hidden cases (default: fresh ones).")
        var hiddenSeed: UInt64?

        @Flag(help: "Exit 1 unless every graded task scores its full points (for CI steps).")
        var requireFullMarks = false

        func run() throws {
            guard let format = ReportFormat(rawValue: format) else {
                throw LabError("unknown format '\(format)'; choose text, json, junit or gradescope")
            }
            let root = try TaskProcess.packageRoot()
            let rubric = try Rubric.load(packageRoot: root)
            for id in only where rubric.task(id) == nil { throw unknownTask(id, rubric) }
            if let out, FileManager.default.fileExists(atPath: out) {
                throw LabError("\(out) exists; choose another file (nothing is overwritten)")
            }
            let hiddenSeed = hiddenSeed ?? TaskProcess.freshSeed()
            let executable = TimeLimitedProcess.currentExecutable
            let report = Grading.grade(rubric, only: only.isEmpty ? nil : Set(only), includeHidden: hidden,
                                       seed: visibleSeed, hiddenSeed: hiddenSeed) { task in
                TaskProcess.spawn(executable: executable, task: task, includeHidden: hidden, seed: visibleSeed,
                                  hiddenSeed: hiddenSeed, limit: rubric.timeLimitSeconds)
            }
            let rendered = try format.render(report)
            if let out {
                let url = URL(fileURLWithPath: out)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data((rendered + "\n").utf8).write(to: url, options: .withoutOverwriting)
            } else {
                print(rendered)
            }
            if requireFullMarks && report.tasks.contains(where: { $0.points < Double($0.maxPoints) }) { throw ExitCode(1) }
        }
    }

}

/// Grades the visible tests of every task (for `list` and `watch`).
func gradeVisible(_ rubric: Rubric, only: Set<String>?) -> GradeReport {
    let executable = TimeLimitedProcess.currentExecutable
    return Grading.grade(rubric, only: only, includeHidden: false, seed: visibleSeed, hiddenSeed: nil) { task in
        TaskProcess.spawn(executable: executable, task: task, includeHidden: false, seed: visibleSeed, hiddenSeed: 0,
                          limit: rubric.timeLimitSeconds)
    }
}

func unknownTask(_ id: String, _ rubric: Rubric) -> LabError {
    LabError("unknown task '\(id)'; the tasks are \(rubric.tasks.map(\.id).joined(separator: ", "))")
}
