import Foundation
import GradingSupport
import LabMarkers

/// Each task is checked in a process of its own, with a time limit: a sweep that never ends, or
/// a trap, costs that task only.
public enum TaskProcess {
    /// The child's side: runs the task's checks here and returns their outcomes. Tests the rubric
    /// names but this build does not have are left out (the parent reports them as missing).
    public static func runChecks(_ task: Rubric.Task, includeHidden: Bool, seed: UInt64, hiddenSeed: UInt64,
                                 replay: UInt64? = nil) -> [CheckOutcome] {
        let entries = task.visibleTests.map { ($0.name, seed) } + (includeHidden ? task.hiddenTests.map { ($0.name, hiddenSeed) } : [])
        return entries.compactMap { name, seed in CheckRegistry.check(named: name)?.run(seed: seed, replay: replay) }
    }

    /// The parent's side: runs `executable run-task ID …` with the time limit and reads its report.
    public static func spawn(executable: String, task: Rubric.Task, includeHidden: Bool, seed: UInt64, hiddenSeed: UInt64,
                             replay: UInt64? = nil, limit: Double) -> TaskRun {
        var arguments = ["run-task", task.id, "--seed", String(seed), "--hidden-seed", String(hiddenSeed)]
        if includeHidden { arguments.append("--hidden") }
        if let replay { arguments += ["--replay", String(replay)] }
        let result: TimeLimitedProcess.Result
        do { result = try TimeLimitedProcess.run(executable, arguments, limit: limit) } catch {
            return .crashed("could not start \(executable): \(error)")
        }
        switch result.ending {
        case .timedOut:
            return .timedOut(seconds: limit)
        case let .signaled(signal):
            return .crashed("stopped by signal \(signal) (a trap: an index out of range, an overflow, a force-unwrapped nil?) "
                            + lastLines(result.standardError))
        case let .exited(status):
            guard status == 0, let outcomes = try? JSONDecoder().decode([CheckOutcome].self, from: result.standardOutput) else {
                return .crashed("exit status \(status) " + lastLines(result.standardError))
            }
            return .finished(outcomes)
        }
    }

    static func lastLines(_ data: Data) -> String {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(3)
        return lines.isEmpty ? "" : "— " + lines.joined(separator: " / ")
    }

    /// The child's output: the outcomes as JSON.
    public static func encode(_ outcomes: [CheckOutcome]) throws -> String {
        String(decoding: try JSONEncoder().encode(outcomes), as: UTF8.self)
    }

    /// A seed for cases nobody has seen: drawn from the system's generator.
    public static func freshSeed() -> UInt64 { UInt64.random(in: 1 ... UInt64.max) }

    /// The package root: the nearest folder at or above the current directory that holds the rubric.
    public static func packageRoot() throws -> String {
        var url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(Rubric.path).path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { throw RubricError("no \(Rubric.path) here or above: run this inside the lab's folder") }
            url = parent
        }
    }
}
