/// Every check the grader knows, by name: the visible ones, and in the instructor's tree the
/// hidden ones (`HiddenChecks.swift`, which the student version does not have).
public enum CheckRegistry {
    public static var all: [Check] {
        let hidden: [[Check]] = [
            // BEGIN HIDDEN
            HiddenChecks.all,
            HiddenExercise12Checks.all,
            // END HIDDEN
            // BEGIN HIDDEN
            HiddenExercise45Checks.all,
            // END HIDDEN
            // BEGIN HIDDEN
            HiddenPropertyTaskChecks.all,
            // END HIDDEN
        ]
        return CoreChecks.all + SpectrumChecks.all + Exercise1Checks.all + Exercise2Checks.all + Exercise3Checks.all
            + Exercise4Checks.all + Exercise5Checks.all + PropertyTaskChecks.all + hidden.joined()
    }

    public static func check(named name: String) -> Check? { all.first { $0.name == name } }
}
