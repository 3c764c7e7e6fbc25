import ExerciseTestSupport
import Foundation

/// The runs of the commands the guides quote, each made once per test run and shared by every
/// test that reads it (the quoted excerpts and the pinned numbers name the same commands).
///
/// A command is an executable and its arguments as a guide writes them; `--no-plots` is added
/// unless it prints JSON or is the `svd` tool. Concurrent requests for the same command wait for
/// the one run; requests for different commands run in parallel.
final class CommandRuns: @unchecked Sendable {
    static let shared = CommandRuns()

    /// One command's run, made by the first request.
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<ExerciseCommandRun, Error>?
    }

    private let lock = NSLock()
    private var entries: [[String]: Entry] = [:]

    /// The arguments actually passed to `executable`: the guide's, with a path to a file of the
    /// package (as a reader types it in the package's root) made absolute, since the command runs
    /// in a scratch directory; plus `--no-plots` where it applies.
    static func arguments(for command: [String]) -> [String] {
        guard let executable = command.first else { return [] }
        var arguments = command.dropFirst().map { argument in
            let file = QuotedOutputTests.repository.appendingPathComponent(argument)
            let isPackageFile = argument.contains("/") && !argument.hasPrefix("/")
                && FileManager.default.fileExists(atPath: file.path)
            return isPackageFile ? file.path : argument
        }
        if !arguments.contains("--json") && executable != "svd" && !arguments.contains("--no-plots") {
            arguments.append("--no-plots")
        }
        return arguments
    }

    /// The run of `command` (executable first), made now if no test has asked for it yet.
    func run(_ command: [String]) throws -> ExerciseCommandRun {
        guard let executable = command.first else { throw NoCommand() }
        let entry: Entry = lock.withLock {
            if let found = entries[command] { return found }
            let made = Entry()
            entries[command] = made
            return made
        }
        return try entry.lock.withLock {
            if let result = entry.result { return try result.get() }
            let result = Result<ExerciseCommandRun, Error> {
                let exercise = try ExerciseCommand(executable)
                defer { exercise.remove() }
                return try exercise.run(Self.arguments(for: command))
            }
            entry.result = result
            return try result.get()
        }
    }

    struct NoCommand: Error, CustomStringConvertible {
        var description: String { "the marker names no command" }
    }
}
