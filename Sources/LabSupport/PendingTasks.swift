import SVDCore

/// What an exercise prints for a section whose code is one of the student's tasks, not yet done.
///
/// In the student version the exercises run from the first day: a section that calls a task's
/// stub catches its `TaskNotImplemented`, says which tasks it waits for and how to get help, and
/// the other sections run as usual.
public struct PendingTasks {
    /// The tasks whose stubs were reached, each once, in the order met.
    public private(set) var missing: [TaskNotImplemented] = []

    /// No task missing yet.
    public init() {}

    /// The value `make` computes, or nil when it stops at a task's stub (the task is remembered).
    /// Any other error propagates.
    ///
    /// - Parameter make: computes the value; it may call a task's stub.
    /// - Returns: the value, or `nil` when `make` threw `TaskNotImplemented`.
    /// - Throws: any other error `make` throws.
    public mutating func attempt<T>(_ make: () throws -> T) throws -> T? {
        do {
            return try make()
        } catch {
            guard let task = TaskNotImplemented.missingTask(in: error) else { throw error }
            if !missing.contains(task) { missing.append(task) }
            return nil
        }
    }

    /// The note for a section titled `title` that waits for the missing tasks.
    ///
    /// - Parameter title: the section's title.
    /// - Returns: one line naming the section, the missing tasks and how to get a hint.
    public func note(_ title: String) -> String {
        var lines = ["━━ \(title): waiting for your code"]
        for task in missing {
            lines.append("  This section needs task \(task.task), not implemented yet (\(task.guideSection)).")
            lines.append("  Check it: swift run lab check \(task.task)    a hint: swift run lab hint \(task.task)")
        }
        return lines.joined(separator: "\n")
    }
}
