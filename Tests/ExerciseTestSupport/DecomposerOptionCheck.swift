import Foundation
import Testing

/// The checks of `--decomposer NAME` that every exercise shares, run on the built executable:
///
/// - with each registered name and `--json`, exit status 0 and the member `"decomposer": NAME`
///   in the one JSON object on standard output;
/// - with the same name and no `--json`, the report names the decomposer;
/// - with an unknown name, exit status 1, nothing on standard output and one line on standard
///   error that names the bad name and lists every registered one.
public struct DecomposerOptionCheck: Sendable {
    /// The executable, such as `exercise3`.
    public let executable: String
    /// Arguments of every run besides `--decomposer` and `--json` (`--no-plots` is added).
    public let arguments: [String]
    /// The registered names (`DecomposerRegistry.names`).
    public let names: [String]
    /// Input files to create in the scratch directory first, by relative path.
    public let inputs: [String: Data]

    public init(executable: String, arguments: [String] = [], names: [String], inputs: [String: Data] = [:]) {
        self.executable = executable
        self.arguments = arguments
        self.names = names
        self.inputs = inputs
    }

    /// Runs every check; each failure is recorded as a test issue.
    public func run() throws {
        let command = try ExerciseCommand(executable)
        defer { command.remove() }
        for (path, data) in inputs { try data.write(to: command.scratch.appendingPathComponent(path)) }
        for name in names {
            let json = try command.run(arguments + ["--no-plots", "--json", "--decomposer", name])
            #expect(json.status == 0, "\(executable) --decomposer \(name) --json: \(json.standardError)")
            let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
            #expect(object?["decomposer"] as? String == name, "\(executable) --decomposer \(name) --json")
            let text = try command.run(arguments + ["--no-plots", "--decomposer", name])
            #expect(text.status == 0, "\(executable) --decomposer \(name): \(text.standardError)")
            #expect(text.standardOutput.contains("\(name) ("), "\(executable)'s report names \(name)")
        }
        let bad = try command.run(arguments + ["--no-plots", "--decomposer", "no-such-svd"])
        #expect(bad.status == 1, "\(executable) --decomposer no-such-svd")
        #expect(bad.standardOutput.isEmpty)
        #expect(bad.errorLines.count == 1, "\(executable): \(bad.standardError)")
        let line = bad.errorLines.first ?? ""
        #expect(line.contains("unknown decomposer 'no-such-svd'"), "\(executable): \(line)")
        for name in names { #expect(line.contains(name), "\(executable)'s error lists \(name)") }
    }
}
