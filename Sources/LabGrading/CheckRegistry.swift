/// Every check the grader knows, by name: the visible ones, and in the instructor's tree the
/// hidden ones (`HiddenChecks.swift`, which the student version does not have).
public enum CheckRegistry {
    public static var all: [Check] {
        let hidden: [[Check]] = [
            // BEGIN HIDDEN
            HiddenChecks.all,
            Exercise45HiddenChecks.all,
            // END HIDDEN
        ]
        return CoreChecks.all + SpectrumChecks.all + Exercise3Checks.all + Exercise4Checks.all + Exercise5Checks.all
            + hidden.joined()
    }

    public static func check(named name: String) -> Check? { all.first { $0.name == name } }
}
