import Foundation
import GradingSupport

/// Runs the toolchain and built programs in another tree, for validation and grading.
enum Shell {
    /// `swift ARGUMENTS` in `directory`.
    static func swift(_ arguments: [String], in directory: String) throws {
        _ = try run("/usr/bin/env", ["swift"] + arguments, in: directory, limit: 3600)
    }

    /// Runs a program and returns its standard output; throws with the end of its error output when
    /// it fails or runs past the limit.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: String, limit: Double = 600) throws -> String {
        let result = try TimeLimitedProcess.run(executable, arguments, directory: directory, limit: limit)
        let output = String(decoding: result.standardOutput, as: UTF8.self)
        guard result.ending == .exited(0) else {
            let errors = String(decoding: result.standardError, as: UTF8.self) + output
            let tail = errors.split(separator: "\n").suffix(15).joined(separator: "\n")
            throw ShellError(description: "\(([executable] + arguments).joined(separator: " ")) in \(directory): \(result.ending)\n\(tail)")
        }
        return output
    }
}

struct ShellError: Error, CustomStringConvertible {
    let description: String
}
