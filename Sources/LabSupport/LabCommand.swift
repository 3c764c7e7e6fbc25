import ArgumentParser
import Foundation

/// A command of the suite: `svd` and every exercise. Conforming instead of `ParsableCommand`
/// replaces the argument parser's entry point by one that keeps the README's promise, *bad input
/// gives one line on standard error and a non-zero status*:
///
/// - Every error, an argument error included, is printed as one line `Error: …` (the parser's
///   usage block is left out; the line points to `--help`). Text echoed from the input is made
///   printable: line breaks and other control characters are escaped, and a very long token is
///   cut (see ``ErrorLine``). The status is the parser's: 64 for a usage error, 1 otherwise.
/// - A negative number after an option is its value: `--ranks -1` is read as `--ranks=-1`, so the
///   option's own check names the problem instead of "missing value".
/// - An argument that is not valid UTF-8 (a file or directory name in another encoding) is
///   refused: Swift would replace its bytes, and the program would use a different name.
/// - Standard output is flushed and checked at the end: a report lost to a full disk or a closed
///   pipe is an error, not a success.
public protocol LabCommand: ParsableCommand {}

extension LabCommand {
    /// Parses the arguments, runs the command and exits under the conventions above: one
    /// `Error: …` line and a non-zero status for any failure, standard output checked at the end.
    public static func main() {
        do {
            let arguments = try CommandLineText.arguments()
            var command = try parseAsRoot(CommandLineText.joiningNegativeValues(arguments))
            try command.run()
            try StandardOutput.flush()
        } catch {
            exit(reporting: error)
        }
        Foundation.exit(0)
    }

    /// Prints `error` as the suite does and exits with its status.
    private static func exit(reporting error: Error) -> Never {
        let code = exitCode(for: error)
        if code == .success {
            // --help and friends: the full text, on standard output.
            print(fullMessage(for: error))
            do { try StandardOutput.flush() } catch {
                printError("Error: \(error)")
                Foundation.exit(1)
            }
            Foundation.exit(0)
        }
        _ = try? StandardOutput.flush()
        let text = message(for: error)
        // ExitCode.failure carries no text: what failed has been reported already.
        if !text.isEmpty {
            let help = code == .validationFailure ? " (see '\(configuration.commandName ?? "") --help')" : ""
            printError("Error: " + ErrorLine.printable(text) + help)
        }
        Foundation.exit(code.rawValue)
    }
}

/// The command line as text.
enum CommandLineText {
    /// The arguments after the program name.
    /// - Throws: `UserFacingError` for an argument that is not valid UTF-8.
    static func arguments() throws -> [String] {
        var arguments: [String] = []
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            guard let text = String(validatingCString: pointer) else {
                throw UserFacingError("argument \(index) is not valid UTF-8 text (a name in another encoding?); "
                                      + "rename the file or directory, or choose another")
            }
            arguments.append(text)
        }
        return arguments
    }

    /// `arguments` with every `--option -N` (N a number) joined into `--option=-N`, up to a `--`.
    static func joiningNegativeValues(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { return result + arguments[index...] }
            if argument.hasPrefix("--"), !argument.contains("="), index + 1 < arguments.count,
               isNegativeNumber(arguments[index + 1]) {
                result.append(argument + "=" + arguments[index + 1])
                index += 2
            } else {
                result.append(argument)
                index += 1
            }
        }
        return result
    }

    /// "-1", "-0.5", "-.5", "-1e3", "-1,5" (a list), "-inf": text no option name looks like.
    static func isNegativeNumber(_ text: String) -> Bool {
        guard text.hasPrefix("-"), text.count >= 2 else { return false }
        let second = text[text.index(after: text.startIndex)]
        return second.isASCII && (second.isNumber || second == ".") || Double(text) != nil
    }
}

/// Standard output, checked.
public enum StandardOutput {
    /// Flushes standard output.
    /// - Throws: `UserFacingError` when a write failed, now or earlier (a full disk, a closed pipe).
    public static func flush() throws {
        let flushed = fflush(nil) == 0
        let failure = flushed ? 0 : errno
        if !flushed || standardOutputHasError() {
            let reason = failure != 0 ? String(cString: strerror(failure)) : "a write failed"
            throw UserFacingError("cannot write the output to standard output: \(reason)")
        }
    }
}

/// One printable line for a message that may quote the user's input.
public enum ErrorLine {
    /// Tokens (runs without spaces) longer than this are cut in the middle.
    public static let longestToken = 120

    /// `text` with control characters escaped (`\r`, `\n`, `\t`, `\u{1B}`) so that the message
    /// stays on one line and cannot move the terminal's cursor, and every token longer than
    /// ``longestToken`` characters cut to its first 80 and last 20, with the count of those left out.
    ///
    /// - Parameter text: the message.
    /// - Returns: the message on one line, safe to print on a terminal.
    public static func printable(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                escaped += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped.split(separator: " ", omittingEmptySubsequences: false).map { token in
            guard token.count > longestToken else { return String(token) }
            return "\(token.prefix(80))…[\(token.count - 100) characters]…\(token.suffix(20))"
        }.joined(separator: " ")
    }
}
