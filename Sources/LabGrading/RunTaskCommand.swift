import ArgumentParser
import LabMarkers

/// `run-task`: the child process of a grading. Runs one task's checks and prints their outcomes
/// as JSON on standard output. Not for people: `lab grade` and `lab check` start it.
public struct RunTaskCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "run-task", shouldDisplay: false)

    @Argument var task: String
    @Option var seed: UInt64
    @Option var hiddenSeed: UInt64
    @Flag var hidden = false
    @Option var replay: UInt64?

    public init() {}

    public func run() throws {
        let rubric = try Rubric.load(packageRoot: try TaskProcess.packageRoot())
        guard let task = rubric.task(task) else { throw ValidationError("unknown task '\(task)'") }
        print(try TaskProcess.encode(TaskProcess.runChecks(task, includeHidden: hidden, seed: seed,
                                                           hiddenSeed: hiddenSeed, replay: replay)))
    }
}

/// A one-line error of the lab's commands, printed as `Error: …` without the usage text.
public struct LabError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
