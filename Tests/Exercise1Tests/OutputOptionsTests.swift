import ExerciseTestSupport
import Foundation
import Testing

/// The output options every exercise shares (`OutputOptions` in LabSupport), checked on the
/// built executables: the same check in each, so one exercise cannot drift from the others.
extension Exercise1Tests {
    /// Every exercise built from the package; each takes `--json`, `--plots-dir` and `--no-plots`.
    static let exercises = ["exercise0", "exercise1", "exercise2", "exercise3", "exercise4", "exercise5"]

    @Test("an empty --plots-dir is refused before any work, with one line naming the option",
          arguments: exercises)
    func emptyPlotsDirectoryIsRefused(exercise: String) throws {
        let command = try ExerciseCommand(exercise)
        defer { command.remove() }
        let run = try command.run(["--plots-dir", ""])
        // ArgumentParser's exit status for a validation error is EX_USAGE (64).
        #expect(run.status == 64, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty, "nothing is computed or printed")
        #expect(run.errorLines == ["Error: --plots-dir needs a directory name, got an empty string (see '\(exercise) --help')"],
                "one line: \(run.errorLines)")
        #expect(command.files(in: command.scratch) == [], "nothing is written")
    }

    @Test("--json together with --no-plots is accepted: one JSON object, nothing written")
    func jsonWithNoPlotsIsAccepted() throws {
        let command = try ExerciseCommand("exercise0")
        defer { command.remove() }
        let run = try command.run(["--json", "--no-plots"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.isEmpty, "\(run.standardError)")
        let object = try? JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8))
        #expect(object is [String: Any], "\(run.standardOutput.prefix(200))")
        #expect(command.files(in: command.scratch) == [], "nothing is written")
    }
}
