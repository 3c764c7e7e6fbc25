import Foundation

/// Runs a program with a time limit and collects what it printed: how the graders keep one task
/// (or one graded test suite) that hangs or traps from costing the others.
public enum TimeLimitedProcess {
    /// How a run ended.
    public enum Ending: Equatable, Sendable {
        /// It exited by itself with this status.
        case exited(Int32)
        /// A signal ended it (a trap, a crash): the signal's number.
        case signaled(Int32)
        /// It ran past the limit and was killed.
        case timedOut
    }

    public struct Result: Sendable {
        public let ending: Ending
        public let standardOutput: Data
        public let standardError: Data
        public let seconds: Double
    }

    /// Runs `executable` with `arguments` in `directory`, killing it (SIGKILL) after `limit` seconds.
    /// Output is drained on other threads, so a child that prints a lot cannot block on a full pipe.
    /// - Throws: when the program cannot be started.
    public static func run(_ executable: String, _ arguments: [String], directory: String? = nil,
                           environment: [String: String]? = nil, limit seconds: Double) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        let collected = Collected()
        let group = DispatchGroup()
        let outputHandle = output.fileHandleForReading, errorHandle = error.fileHandleForReading
        group.enter()
        DispatchQueue.global().async {
            collected.setOutput(outputHandle.readDataToEndOfFile())
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            collected.setError(errorHandle.readDataToEndOfFile())
            group.leave()
        }
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let start = Date()
        try process.run()
        var timedOut = false
        if exited.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
        group.wait()
        let ending: Ending
        if timedOut {
            ending = .timedOut
        } else if process.terminationReason == .uncaughtSignal {
            ending = .signaled(process.terminationStatus)
        } else {
            ending = .exited(process.terminationStatus)
        }
        return Result(ending: ending, standardOutput: collected.output, standardError: collected.error,
                      seconds: Date().timeIntervalSince(start))
    }

    /// The running program's own executable, to start it again as a child.
    public static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// The two outputs, written by two threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var storedOutput = Data(), storedError = Data()
    var output: Data { lock.withLock { storedOutput } }
    var error: Data { lock.withLock { storedError } }
    func setOutput(_ data: Data) { lock.withLock { storedOutput = data } }
    func setError(_ data: Data) { lock.withLock { storedError = data } }
}
