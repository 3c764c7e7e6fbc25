import Foundation
import GradingSupport
import Testing
@testable import svd_grade

/// The grader of the test suite fails the grade for every way a run can look better than it is.
@Suite struct GraderTests {
    static let xunit = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites>
          <testsuite name="TestResults">
            <testcase classname="Exercise3Tests.Regimes" name="overdetermined()" time="0.1"/>
            <testcase classname="Exercise3Tests.Regimes" name="underdetermined()" time="0.1"/>
            <testcase classname="Exercise3Tests.Regimes" name="rankDeficient()" time="0.1"><skipped message="gnuplot missing"/></testcase>
            <testcase classname="Exercise3Tests.Output" name="json()" time="0.1"><failure message="a"/><failure message="b"/></testcase>
          </testsuite>
        </testsuites>
        """

    static let manifest = ["Exercise3Tests.Regimes/overdetermined()", "Exercise3Tests.Regimes/underdetermined()"]

    @Test func aCompleteRunOfPassingTestsPasses() throws {
        let cases = try TestCaseReader.read(Data(Self.xunit.utf8)).filter { $0.outcome == .passed }
        let grade = Grade(cases: cases, expect: ["Exercise3Tests"], timedOut: [], manifest: Self.manifest)
        #expect(grade.problems.isEmpty)
        #expect(grade.rows.map(\.result) == ["pass"])
    }

    @Test func testsAreCountedNotIssues() throws {
        let cases = try TestCaseReader.read(Data(Self.xunit.utf8))
        let row = try #require(Grade(cases: cases, expect: ["Exercise3Tests"], timedOut: [], manifest: nil).rows.first)
        #expect((row.passed, row.failed, row.skipped) == (2, 1, 1))
    }

    @Test func aSkippedTestFailsTheGrade() throws {
        let cases = try TestCaseReader.read(Data(Self.xunit.utf8)).filter { $0.outcome != .failed }
        #expect(cases.contains { $0.outcome == .skipped })
        let grade = Grade(cases: cases, expect: ["Exercise3Tests"], timedOut: [], manifest: Self.manifest)
        #expect(grade.rows.first?.result == "FAIL")
        #expect(grade.problems.contains { $0.contains("rankDeficient()") && $0.contains("skipped") })
    }

    @Test func aTestMissingFromTheManifestFailsTheGrade() throws {
        // underdetermined() deleted, #if-ed out or renamed: it does not run, and nothing else fails.
        let cases = try TestCaseReader.read(Data(Self.xunit.utf8))
            .filter { $0.outcome == .passed && $0.name != "underdetermined()" }
        let grade = Grade(cases: cases, expect: ["Exercise3Tests"], timedOut: [], manifest: Self.manifest)
        #expect(grade.missingTests == ["Exercise3Tests.Regimes/underdetermined()"])
        #expect(grade.rows.first?.result == "FAIL")
        #expect(grade.problems.contains { $0.contains("underdetermined()") && $0.contains("did not run") })
    }

    @Test func aPartThatRunsNoTestsFailsTheGrade() {
        let grade = Grade(cases: [], expect: ["Exercise3Tests"], timedOut: [], manifest: nil)
        #expect(grade.rows.first?.result == "DID NOT RUN")
        #expect(!grade.problems.isEmpty)
    }

    @Test func aPartThatHangsIsStoppedAndFailsTheGrade() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grader-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let start = Date()
        let runs = PartRunner.run(parts: ["Exercise3Tests"], outDir: directory, limit: 0.5) { _, _ in ["/bin/sleep", "30"] }
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(runs.map(\.ending) == [.timedOut])
        let grade = Grade(cases: runs.flatMap(\.cases), expect: ["Exercise3Tests"], timedOut: ["Exercise3Tests"], manifest: nil)
        #expect(grade.rows.first?.result == "TIMED OUT")
        #expect(grade.problems.contains { $0.contains("time limit") })
    }

    @Test func aPartThatFinishesInTimeIsRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grader-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let runs = PartRunner.run(parts: ["Exercise3Tests"], outDir: directory, limit: 30) { _, xunit in
            ["/bin/sh", "-c", "cat > '\(xunit)' <<'XML'\n\(Self.xunit)\nXML"]
        }
        #expect(runs.map(\.ending) == [.exited(0)])
        #expect(runs.first?.cases.count == 4)
    }

    @Test func aTrappingProcessIsReportedBySignal() throws {
        let result = try TimeLimitedProcess.run("/bin/sh", ["-c", "kill -SEGV $$"], limit: 10)
        #expect(result.ending == .signaled(11))
    }
}
