import ExerciseTestSupport
import SVDDecomposers
import Testing

extension Exercise0Tests {
    @Test("exercise0 --decomposer: every registered name runs and is named in the report and the JSON; an unknown name is one line listing them")
    func decomposerOption() throws {
        try DecomposerOptionCheck(executable: "exercise0", arguments: [], names: DecomposerRegistry.names).run()
    }
}
