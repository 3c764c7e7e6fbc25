import ExerciseTestSupport
import SVDDecomposers
import Testing

extension Exercise5Tests {
    @Test("exercise5 --decomposer: every registered name runs and is named in the report and the JSON; an unknown name is one line listing them")
    func decomposerOption() throws {
        try DecomposerOptionCheck(executable: "exercise5", arguments: ["--size", "64", "--ranks", "2,4", "--batch", "4", "--repeats", "1"], names: DecomposerRegistry.names).run()
    }
}
