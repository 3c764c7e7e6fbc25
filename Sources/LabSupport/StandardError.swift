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
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw UserFacingError("cannot read '\(path)': no such file")
    }
    guard !isDirectory.boolValue else { throw UserFacingError("cannot read '\(path)': it is a directory") }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw UserFacingError("cannot read '\(path)': permission denied or unreadable")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw UserFacingError("cannot read '\(path)': not UTF-8 text")
    }
    return text
}
