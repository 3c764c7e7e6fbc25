// INSTRUCTOR ONLY
import ArgumentParser
import Foundation
import GradingSupport
import LabGrading
import LabMarkers

/// `swift run lab-admin …`: the instructor's side — the student version, its validation, and the
/// grading of submissions against the hidden tests.
@main
struct LabAdmin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab-admin",
        abstract: "Make the student version of the lab, prove it consistent, grade submissions.",
        subcommands: [GenerateStudent.self, Validate.self, GradeSubmission.self, RunTaskCommand.self])
}

extension LabAdmin {
    struct GenerateStudent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate-student",
            abstract: "Write the student version: solutions become stubs, hidden tests and instructor-only files are left out.")

        @Option(help: "A new (or empty) folder for the student version.")
        var out: String

        func run() throws {
            let root = try TaskProcess.packageRoot()
            let rubric = try Rubric.load(packageRoot: root)
            try Consistency.check(root: root, rubric: rubric)
            let count = try StudentTree.generate(root: root, rubric: rubric, out: out)
            print("Wrote the student version (\(count) files, \(rubric.tasks.count) tasks) to \(out).")
            print("There: swift build, swift run exercise3, swift run lab list.")
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove the instructor's and the student's versions consistent.",
            discussion: """
                1. the markers and the rubric agree (every task has points, a rubric entry, hints, tests that exist);
                2. the instructor's tree passes every task, hidden tests included;
                3. the generated student tree builds, exercises 1–5 run (exit 0) and name the tasks they wait for,
                   and every graded test there is notImplemented (not passed, not crashed): score 0;
                4. with the solutions put back, it scores full marks;
                5. each seeded fault passes its task's ordinary tests and fails the one made for it, with feedback
                   naming the property, the matrix and the replay seed: the absolute stopping test in C2 (fails
                   C2.graded), no power-of-two scaling in E1.1's column sums (fails E1.1.constant-and-huge), the
                   ratios of E1.2 from σᵢ² unscaled (fail E1.2.ratios-no-overflow); a property check without the
                   order test (T1) catches five faults of six and earns 5/6 of T1.
                """)

        @Option(help: "Where to build the student version (default: a new temporary folder, removed afterwards).")
        var work: String?

        func run() throws {
            let root = try TaskProcess.packageRoot()
            let rubric = try Rubric.load(packageRoot: root)
            var clock = Stopwatch()

            try Consistency.check(root: root, rubric: rubric)
            step("1. markers and rubric: \(rubric.tasks.count) tasks, \(rubric.maxScore) points (+ bonus), consistent")

            let seed = TaskProcess.freshSeed()
            let instructor = Grading.grade(rubric, includeHidden: true, seed: 20_260_601, hiddenSeed: seed) { task in
                TaskProcess.spawn(executable: TimeLimitedProcess.currentExecutable, task: task, includeHidden: true,
                                  seed: 20_260_601, hiddenSeed: seed, limit: rubric.timeLimitSeconds)
            }
            try expect(instructor.tasks.allSatisfy { $0.status == .passed }, "the instructor's tree must pass every task",
                       report: instructor)
            step("2. instructor's tree: every task passed, hidden tests included (hidden seed \(seed)) \(clock.lap())")

            let temporary = work == nil
            let student = work ?? NSTemporaryDirectory() + "svdlab-student-\(UUID().uuidString)"
            defer { if temporary { try? FileManager.default.removeItem(atPath: student) } }
            try StudentTree.generate(root: root, rubric: rubric, out: student)
            try Shell.swift(["build"], in: student)
            step("3. student version built (swift build, every product) \(clock.lap())")
            let exercises: [(name: String, arguments: [String], rubricName: String)] = [
                ("exercise1", ["--no-plots"], "Exercise 1"),
                ("exercise2", ["--no-plots"], "Exercise 2"),
                ("exercise3", ["--no-plots"], "Exercise 3"),
                ("exercise4", ["--no-plots"], "Exercise 4"),
                ("exercise5", ["--no-plots", "--size", "256"], "Exercise 5"),
            ]
            for exercise in exercises {
                let output = try Shell.run(student + "/.build/debug/" + exercise.name, exercise.arguments, in: student)
                let waiting = rubric.tasks.filter { $0.exercise == exercise.rubricName }.map(\.id).filter { output.contains("task \($0)") }
                try expect(output.contains("waiting for your code") && !waiting.isEmpty,
                           "\(exercise.name) in the student version must run and name the tasks it waits for")
                step("   \(exercise.name): exit 0, waits for \(waiting.joined(separator: ", "))")
            }
            let empty = try studentGrade(student)
            let allStubs = empty.tasks.allSatisfy { task in
                // A test may stop at the stub of a task its task calls (C4's extreme entries at C3's).
                task.status == .notImplemented && task.tests.allSatisfy { $0.outcome?.status == .notImplemented }
            }
            try expect(allStubs && empty.score == 0, "every graded test of the student version must be notImplemented", report: empty)
            step("   lab grade: score 0 / \(empty.maxScore), all \(empty.tasks.count) tasks and "
                  + "\(empty.tasks.flatMap(\.tests).count) tests notImplemented \(clock.lap())")

            let solutions = try StudentTree.submittedBodies(submission: root, rubric: rubric)
            try StudentTree.insertBodies(solutions, root: student, rubric: rubric)
            try Shell.swift(["build", "--product", "lab"], in: student)
            let full = try studentGrade(student)
            try expect(full.tasks.allSatisfy { $0.status == .passed }, "the solutions put back must score full marks", report: full)
            step("4. solutions put back: \(ReportFormat.points(full.score)) / \(full.maxScore) (bonus included), every task passed \(clock.lap())")

            for fault in SeededFault.all {
                try StudentTree.insertBodies(fault.apply(to: solutions), root: student, rubric: rubric)
                try Shell.swift(["build", "--product", "lab"], in: student)
                let faulty = try studentGrade(student)
                let verdict = fault.verify(faulty)
                try expect(verdict == nil, "seeded fault '\(fault.name)': \(verdict ?? "")", report: faulty)
                step("5. seeded fault '\(fault.name)': \(fault.summary(faulty)) \(clock.lap())")
            }
            step("validate: green")
        }

        /// `lab grade --format json` in a built student tree.
        func studentGrade(_ student: String) throws -> GradeReport {
            let out = student + "/.lab/grade-\(UUID().uuidString).json"
            _ = try Shell.run(student + "/.build/debug/lab", ["grade", "--format", "json", "--out", out], in: student)
            return try JSONDecoder().decode(GradeReport.self, from: Data(contentsOf: URL(fileURLWithPath: out)))
        }
    }

    struct GradeSubmission: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grade",
            abstract: "Grade a student's submission against the visible and hidden tests.",
            discussion: """
                Only the code between each task's markers is taken from the submission; it goes into a copy of \
                the instructor's tree, so the tests, the rubric and everything else are the instructor's. The \
                hidden cases are drawn fresh (the seed is printed, --hidden-seed replays a grading).
                """)

        @Option(help: "The student's copy of the lab (a folder).")
        var submission: String

        @Option(help: "text, json, junit or gradescope.")
        var format: String = "text"

        @Option(help: "Write the report to FILE (an existing file is not overwritten).")
        var out: String?

        @Option(help: "The seed of the hidden cases (default: fresh ones).")
        var hiddenSeed: UInt64?

        @Option(help: "A folder to build in, kept between gradings so that the next build is incremental (default: temporary).")
        var work: String?

        func run() throws {
            guard ReportFormat(rawValue: format) != nil else {
                throw LabError("unknown format '\(format)'; choose text, json, junit or gradescope")
            }
            if let out, FileManager.default.fileExists(atPath: out) {
                throw LabError("\(out) exists; choose another file (nothing is overwritten)")
            }
            let root = try TaskProcess.packageRoot()
            let rubric = try Rubric.load(packageRoot: root)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: submission, isDirectory: &isFolder), isFolder.boolValue else {
                throw LabError("\(submission) is not a folder")
            }
            let bodies = try StudentTree.submittedBodies(submission: submission, rubric: rubric)
            let temporary = work == nil
            let tree = work ?? NSTemporaryDirectory() + "svdlab-grading-\(UUID().uuidString)"
            defer { if temporary { try? FileManager.default.removeItem(atPath: tree) } }
            try StudentTree.copyPackage(root: root, to: tree)
            try StudentTree.insertBodies(bodies, root: tree, rubric: rubric)
            do { try Shell.swift(["build", "--product", "lab"], in: tree) } catch {
                throw LabError("the submission does not compile: \(error)")
            }
            var arguments = ["grade", "--hidden", "--format", format, "--hidden-seed", String(hiddenSeed ?? TaskProcess.freshSeed())]
            if let out { arguments += ["--out", URL(fileURLWithPath: out).standardizedFileURL.path] }
            print(try Shell.run(tree + "/.build/debug/lab", arguments, in: tree, limit: 3600), terminator: "")
        }
    }
}

/// Prints a step of the validation at once, so that a CI log shows each step as it finishes.
func step(_ text: String) {
    print(text)
    fflush(nil)
}

/// Fails validation with a message and, when given, the grade that shows why.
func expect(_ condition: Bool, _ message: String, report: GradeReport? = nil) throws {
    guard !condition else { return }
    if let report { print(ReportFormat.text.renderText(report)) }
    throw LabError("validate: \(message)")
}

extension ReportFormat {
    func renderText(_ report: GradeReport) -> String { (try? ReportFormat.text.render(report)) ?? "" }
}

/// Elapsed time between the steps of a validation.
struct Stopwatch {
    private var last = Date()
    mutating func lap() -> String {
        let now = Date()
        defer { last = now }
        return String(format: "(%.0f s)", now.timeIntervalSince(last))
    }
}
