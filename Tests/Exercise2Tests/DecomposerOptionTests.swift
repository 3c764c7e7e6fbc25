import ExerciseTestSupport
import SVDDecomposers
import Testing

extension Exercise2Tests {
    @Test("exercise2 --decomposer: every registered name runs and is named in the report and the JSON; an unknown name is one line listing them")
    func decomposerOption() throws {
        try DecomposerOptionCheck(executable: "exercise2", arguments: ["--image", "tiny.pgm", "--ranks", "1,2"], names: DecomposerRegistry.names, inputs: ["tiny.pgm": Self.tinyImage]).run()
    }
}
