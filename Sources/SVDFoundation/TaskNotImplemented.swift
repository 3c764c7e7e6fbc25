/// A piece of the lab that is left for the student to write: what a task's stub throws.
///
/// In the student version of the lab every solution is replaced by a stub that throws this error
/// (never `fatalError`: one trap would end the whole process, and with it every other section of an
/// exercise and every other task's grade). The exercises catch it and say which task a section
/// needs; the grader reports the task as not implemented instead of failed.
public struct TaskNotImplemented: Error, Equatable, Sendable, CustomStringConvertible {
    /// The task's id in the rubric (`C1`, `E3.2`, …).
    public let task: String
    /// Where the guide explains the task ("Guides/OneSidedJacobi.md, Your task C1").
    public let guideSection: String

    /// The error a task's stub throws.
    ///
    /// - Parameters:
    ///   - task: the task's id in the rubric (`C1`, `E3.2`, …).
    ///   - guideSection: where the guide explains the task.
    public init(task: String, guideSection: String) {
        self.task = task
        self.guideSection = guideSection
    }

    /// One line: which task is missing, where the guide explains it, and how to ask for a hint.
    public var description: String {
        "task \(task) is not implemented yet (\(guideSection); a hint: swift run lab hint \(task))"
    }

    /// The task an error says is missing: a `TaskNotImplemented`, or one wrapped in an `SVDError`.
    ///
    /// - Parameter error: any error.
    /// - Returns: the missing task, or `nil` when the error is about something else.
    public static func missingTask(in error: any Error) -> TaskNotImplemented? {
        if let missing = error as? TaskNotImplemented { return missing }
        if case let .notImplemented(missing)? = error as? SVDError { return missing }
        return nil
    }
}
