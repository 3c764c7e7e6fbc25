import ArgumentParser
import Foundation
import GradingSupport

/// `svd-grade`: grades the suite part by part and writes a score table and JUnit XML.
/// `Scripts/grade.sh` builds the tests and runs it with `--run`.
///
/// What it guards against, each shown by a test of its own (`Tests/GraderTests`):
/// - Swift Testing's `failures` attribute counts *issues* (one failing test can record many), so
///   tests are counted from the `<testcase>` elements instead;
/// - a `--filter` that matches nothing exits 0, so every expected part must run tests;
/// - a skipped test is not a passed one: it fails the grade;
/// - a test that was deleted, `#if`-ed out or renamed is missing from the run: every test of the
///   manifest (`Tests/grading-manifest.txt`) must have run;
/// - a part that hangs is stopped at the time limit and fails the grade, and the other parts
///   still run (`--run` starts one `swift test` process per part).
@main
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svd-grade",
        abstract: "Grade the test suite part by part: a score table per exercise and JUnit XML.")

    @Argument(help: "xUnit files written by `swift test --xunit-output FILE` (without --run).")
    var xunitFiles: [String] = []

    @Flag(name: .customLong("run"), help: "Run each expected part itself: one `swift test --skip-build` per part, with the time limit.")
    var runsParts = false

    @Option(help: "Seconds one part may take with --run.")
    var timeLimit: Double = 900

    @Option(help: "Where --run writes each part's xUnit file.")
    var outDir: String = ".build/grading"

    @Option(help: "Where to write the per-part JUnit XML.")
    var junit: String?

    @Option(help: "The manifest: one expected test per line, 'Module.Suite/name()' (default Tests/grading-manifest.txt when it exists).")
    var manifest: String?

    @Flag(help: "Check no manifest (when writing a new one).")
    var noManifest = false

    @Option(help: "Write the tests that ran as a manifest to FILE (after adding or renaming tests on purpose).")
    var writeManifest: String?

    @Option(parsing: .upToNextOption, help: "Test modules that must have run (default: all graded suites).")
    var expect: [String] = GradedSuite.all.map(\.module)

    func run() throws {
        var cases: [TestCaseResult] = []
        var timedOut: [String] = []
        if runsParts {
            let runs = PartRunner.run(parts: expect, outDir: outDir, limit: timeLimit) { part, xunit in
                ["/usr/bin/env", "swift", "test", "--skip-build", "--disable-xctest", "--filter", "^\(part)\\.",
                 "--xunit-output", xunit]
            }
            for part in runs {
                if part.ending == .timedOut { timedOut.append(part.part) }
                cases += part.cases.filter { $0.module == part.part }
            }
        } else {
            guard !xunitFiles.isEmpty else { throw ValidationError("give xUnit files, or --run") }
            for file in xunitFiles {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationError("cannot read '\(file)': the test run wrote no results")
                }
                cases += try TestCaseReader.read(data)
            }
        }
        let manifestPath = noManifest ? nil
            : manifest ?? (FileManager.default.fileExists(atPath: Manifest.defaultPath) ? Manifest.defaultPath : nil)
        let expectedTests = try manifestPath.map { try Manifest.read($0) }
        let grade = Grade(cases: cases, expect: expect, timedOut: timedOut, manifest: expectedTests)
        print(grade.table())
        if let writeManifest {
            try Manifest.write(cases, to: writeManifest)
            print("\nManifest of the \(cases.count) tests that ran: \(writeManifest)")
        }
        if let junit {
            try JUnitWriter.write(cases: cases, suites: grade.suites, missing: grade.missingTests, to: junit)
            print("\nJUnit XML: \(junit)")
        }
        if !grade.problems.isEmpty {
            FileHandle.standardError.write(Data(("grade: the grade fails:\n  " + grade.problems.joined(separator: "\n  ") + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
