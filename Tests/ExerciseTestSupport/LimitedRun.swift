import Foundation

/// The limits a run of an executable gets: a run that exceeds one ends instead of taking the
/// machine with it, and the test says which limit it met.
public struct RunLimits: Sendable {
    /// Virtual memory, `ulimit -v` (an allocation beyond it fails, and the program traps).
    public var memoryMiB: Int
    /// Processor time, `ulimit -t` (the kernel ends the program with SIGXCPU, then SIGKILL).
    public var cpuSeconds: Int
    /// Wall-clock time, after which the test sends SIGKILL (a program blocked in `open` or
    /// `read` uses no processor time).
    public var wallSeconds: Double

    public init(memoryMiB: Int = 3072, cpuSeconds: Int = 60, wallSeconds: Double = 90) {
        self.memoryMiB = memoryMiB
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
    }
}

/// One run under ``RunLimits``.
public struct LimitedRun: Sendable {
    public let run: ExerciseCommandRun
    /// Whether the run ended by a signal (a trap, SIGXCPU, the wall-clock kill) rather than exit.
    public let endedBySignal: Bool
    /// Whether the wall-clock limit killed it.
    public let timedOut: Bool
}

extension ExerciseCommand {
    /// Runs the executable with `arguments` under `limits`, through `/bin/sh`, which sets the
    /// limits with `ulimit` and then `exec`s the program (so the limits apply to it alone).
    ///
    /// - Parameters:
    ///   - rawArguments: shell words appended after `arguments`, unquoted, for arguments Swift
    ///     strings cannot carry (`"$(printf '\\377')"`, a name that is not UTF-8).
    ///   - standardInput: a file to read as standard input (default: /dev/null).
    ///   - standardOutput: a path to write standard output to instead of a file the test reads
    ///     (`/dev/full`); the run's `standardOutput` is then empty.
    public func runLimited(_ arguments: [String], rawArguments: String = "", limits: RunLimits = RunLimits(),
                           standardInput: String? = nil, standardOutput: String? = nil) throws -> LimitedRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let script = "ulimit -v \(limits.memoryMiB * 1024); ulimit -t \(limits.cpuSeconds); exec \"$0\" \"$@\" \(rawArguments)"
        process.arguments = ["-c", script, try Self.executable(named: name).path] + arguments
        process.currentDirectoryURL = scratch
        let input = try standardInput.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) }
        defer { try? input?.close() }
        var timedOut = false
        let run = try capture(process, standardInput: input ?? FileHandle.nullDevice, standardOutput: standardOutput) { process in
            let deadline = Date().addingTimeInterval(limits.wallSeconds)
            while process.isRunning {
                if Date() > deadline {
                    kill(process.processIdentifier, SIGKILL)
                    timedOut = true
                    break
                }
                Thread.sleep(forTimeInterval: 0.02)
            }
            process.waitUntilExit()
        }
        return LimitedRun(run: run, endedBySignal: process.terminationReason == .uncaughtSignal, timedOut: timedOut)
    }
}
