import Foundation

/// Writes a line to standard error (reports go to standard output, problems to standard error).
public func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// An error with a one-line message for the user; command-line tools print it and exit non-zero.
public struct UserFacingError: LocalizedError, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
    public var errorDescription: String? { description }
}

/// Reads a whole text file, turning Foundation's errors into a one-line message that names the file.
public func readTextFile(_ path: String) throws -> String {
    try readTextFile(path) { UserFacingError("cannot read '\(path)': \($0)") }
}

/// Reads a whole UTF-8 text file; when it cannot, `failure` turns the reason, a few plain words
/// ("no such file", "it is a directory", "permission denied or unreadable", "not UTF-8 text"),
/// into the error thrown. For a library whose errors are typed and name the file their own way.
public func readTextFile<Failure: Error>(_ path: String,
                                         failure: (_ reason: String) -> Failure) throws(Failure) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw failure("no such file")
    }
    guard !isDirectory.boolValue else { throw failure("it is a directory") }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw failure("permission denied or unreadable")
    }
    guard let text = String(data: data, encoding: .utf8) else { throw failure("not UTF-8 text") }
    return text
}
