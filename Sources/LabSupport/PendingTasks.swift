import SVDCore

/// What an exercise prints for a section whose code is one of the student's tasks, not yet done.
///
/// In the student version the exercises run from the first day: a section that calls a task's
/// stub catches its `TaskNotImplemented`, says which task it waits for and how to get help, and
/// the other sections run as usual.
public enum PendingTasks {
    /// Runs `section`; when it stops at a task's stub, returns the note that names the task instead.
    /// Any other error propagates.
    public static func run(_ title: String, _ section: () throws -> String) throws -> String {
        do {
            return try section()
        } catch {
            guard let missing = TaskNotImplemented.missingTask(in: error) else { throw error }
            return note(title, missing: [missing])
        }
    }

    /// The note for a section waiting for `missing`.
    public static func note(_ title: String, missing: [TaskNotImplemented]) -> String {
        var lines = ["━━ \(title): waiting for your code"]
        for task in missing {
            lines.append("  This section needs task \(task.task), not implemented yet (\(task.guideSection)).")
            lines.append("  Check it: swift run lab check \(task.task)    a hint: swift run lab hint \(task.task)")
        }
        return lines.joined(separator: "\n")
    }
}
