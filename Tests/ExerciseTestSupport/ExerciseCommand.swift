import Foundation

/// One run of a built exercise executable: its exit status and what it printed.
public struct ExerciseCommandRun: Sendable {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String

    /// The non-empty lines of standard error.
    public var errorLines: [String] {
        standardError.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// The lines of standard output.
    public var outputLines: [String] {
        standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// Runs the exercise executables that `swift build` / `swift test` put next to the test runner,
/// in a scratch directory of their own, with the environment a test chooses.
///
/// The tests of every exercise use it to check the command end to end: the order of report
/// and plot lines, what goes to standard output or standard error, and the exit status.
public struct ExerciseCommand: Sendable {
    /// The executable's name, such as `exercise3`.
    public let name: String
    /// A fresh directory, the working directory of every run; ``remove()`` deletes it.
    public let scratch: URL

    /// - Throws: when the executable was not built next to the tests.
    public init(_ name: String) throws {
        self.name = name
        _ = try Self.executable(named: name)
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-command-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    /// Runs the executable with `arguments`; `environment` entries are added to (or replace)
    /// those of the test process. Output goes to files, so no pipe can fill up and block.
    public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ExerciseCommandRun {
        let process = Process()
        process.executableURL = try Self.executable(named: name)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = scratch
        return try capture(process, standardInput: FileHandle.nullDevice) { $0.waitUntilExit() }
    }

    /// Runs `process` with its standard output and error going to files in ``scratch`` (so no
    /// pipe can fill up and block), `wait` deciding how to wait for it; returns what it printed.
    /// With `standardOutput`, standard output goes to that path instead and is returned empty.
    func capture(_ process: Process, standardInput: FileHandle, standardOutput: String? = nil,
                 wait: (Process) -> Void) throws -> ExerciseCommandRun {
        let id = UUID().uuidString
        let outputFile = scratch.appendingPathComponent(".stdout-\(id)")
        let errorFile = scratch.appendingPathComponent(".stderr-\(id)")
        try Data().write(to: outputFile)
        try Data().write(to: errorFile)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: standardOutput ?? outputFile.path))
        let error = try FileHandle(forWritingTo: errorFile)
        defer {
            try? output.close()
            try? error.close()
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        process.standardInput = standardInput
        process.standardOutput = output
        process.standardError = error
        try process.run()
        wait(process)
        // Lossy decoding: a program that prints bytes that are not UTF-8 is reported, not a test error.
        let read = { (url: URL) in String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
        return ExerciseCommandRun(status: process.terminationStatus,
                                  standardOutput: standardOutput == nil ? read(outputFile) : "",
                                  standardError: read(errorFile))
    }

    /// A path below a regular file in ``scratch``: no directory can ever be made there, whoever
    /// runs the tests (permission tests do not work for root).
    public func impossibleDirectory() throws -> URL {
        let file = scratch.appendingPathComponent("a-regular-file")
        try Data("not a directory\n".utf8).write(to: file)
        return file.appendingPathComponent("plots", isDirectory: true)
    }

    /// A path where no gnuplot exists, for `GNUPLOT`.
    public var missingGnuplot: String { scratch.appendingPathComponent("no-such-gnuplot").path }

    /// An executable that behaves like gnuplot rejecting every script: a message on standard
    /// error and exit status 1.
    public func failingGnuplot() throws -> String {
        let url = scratch.appendingPathComponent("failing-gnuplot")
        try Data("#!/bin/sh\necho \"line 1: simulated gnuplot error\" >&2\nexit 1\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }

    /// The names of the files in `directory`, sorted; empty when it does not exist.
    public func files(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    /// Deletes ``scratch`` and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// The built executable: SwiftPM puts it in the products directory (.build/<triple>/debug),
    /// where the swift-testing runner also lives; with XCTest the runner is in an .xctest
    /// bundle inside that directory.
    static func executable(named name: String) throws -> URL {
        var directories: [URL] = []
        if let runner = Bundle.main.executableURL { directories.append(runner.deletingLastPathComponent()) }
        directories.append(Bundle.main.bundleURL)
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        let candidates = directories.map { $0.appendingPathComponent(name) }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ExecutableNotFound(name: name, candidates: candidates.map(\.path))
        }
        return found
    }
}

/// The exercise executable was not built next to the tests.
struct ExecutableNotFound: Error, CustomStringConvertible {
    let name: String
    let candidates: [String]
    var description: String { "\(name) was not built next to the tests; looked at \(candidates.joined(separator: ", "))" }
}
