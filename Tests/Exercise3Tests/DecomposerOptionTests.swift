import ExerciseTestSupport
import SVDDecomposers
import Testing

extension Exercise3Tests {
    @Test("exercise3 --decomposer: every registered name runs and is named in the report and the JSON; an unknown name is one line listing them")
    func decomposerOption() throws {
        try DecomposerOptionCheck(executable: "exercise3", arguments: [], names: DecomposerRegistry.names).run()
    }
}
