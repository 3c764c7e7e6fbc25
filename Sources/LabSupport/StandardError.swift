import FileInput
import Foundation

/// Writes a line to standard error (reports go to standard output, problems to standard error).
///
/// - Parameter message: the line, without its newline.
public func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// An error with a one-line message for the user; command-line tools print it and exit non-zero.
public struct UserFacingError: LocalizedError, CustomStringConvertible, Sendable {
    /// The message, one line.
    public let description: String
    /// An error with the message `description`.
    ///
    /// - Parameter description: the message, one line.
    public init(_ description: String) { self.description = description }
    /// The message, for Foundation's `localizedDescription`.
    public var errorDescription: String? { description }
}

/// Reads a whole text file, turning Foundation's errors into a one-line message that names the file.
///
/// - Parameter path: the file, or a named pipe or process substitution.
/// - Returns: its content, at most ``textFileLimit`` bytes of UTF-8.
/// - Throws: `UserFacingError` naming the file and the reason.
public func readTextFile(_ path: String) throws -> String {
    try readTextFile(path) { UserFacingError("cannot read '\(path)': \($0)") }
}

/// The largest text file the tools read (64 MiB): several million numbers, more than any
/// decomposition that finishes on a laptop needs; an endless stream stops here.
public let textFileLimit = 64 << 20

/// Reads a whole UTF-8 text file of at most ``textFileLimit`` bytes (a FIFO, `/dev/stdin` or a
/// process substitution too); when it cannot, `failure` turns the reason, a few plain words
/// ("no such file", "it is a directory", "a loop of symbolic links", "a named pipe (FIFO) with no
/// writer…", "larger than…", "not UTF-8 text"), into the error thrown. For a library whose errors
/// are typed and name the file their own way.
///
/// - Parameters:
///   - path: the file, or a named pipe or process substitution.
///   - failure: makes the error thrown from the reason.
/// - Returns: its content, at most ``textFileLimit`` bytes of UTF-8.
/// - Throws: what `failure` makes.
public func readTextFile<Failure: Error>(_ path: String,
                                         failure: (_ reason: String) -> Failure) throws(Failure) -> String {
    let bytes: [UInt8]
    do { bytes = try BoundedInput.read(path: path, limit: textFileLimit) } catch { throw failure(error.reason) }
    return try decodeText(bytes, failure: failure)
}

/// Reads standard input as UTF-8 text of at most ``textFileLimit`` bytes.
///
/// - Returns: the text.
/// - Throws: `UserFacingError` when standard input is larger or not UTF-8.
public func readStandardInputText() throws -> String {
    let bytes: [UInt8]
    do { bytes = try BoundedInput.read(descriptor: 0, name: "standard input", limit: textFileLimit) } catch {
        throw UserFacingError("standard input: \(error.reason)")
    }
    return try decodeText(bytes) { UserFacingError("standard input is \($0)") }
}

private func decodeText<Failure: Error>(_ bytes: [UInt8], failure: (_ reason: String) -> Failure) throws(Failure) -> String {
    guard let text = String(validating: bytes, as: UTF8.self) else { throw failure("not UTF-8 text") }
    return text
}
