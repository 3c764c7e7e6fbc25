import Foundation
import GradingSupport

/// Runs each graded part in a process of its own with a time limit, so that a part that hangs
/// is stopped and reported while the others still run.
enum PartRunner {
    struct PartRun {
        let part: String
        let ending: TimeLimitedProcess.Ending
        /// The test cases of the part's xUnit file (none when it wrote none).
        let cases: [TestCaseResult]
    }

    /// - Parameter command: the program and arguments that run `part` and write its xUnit file to
    ///   the given path.
    static func run(parts: [String], outDir: String, limit: Double,
                    command: (_ part: String, _ xunit: String) -> [String]) -> [PartRun] {
        try? FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        return parts.map { part in
            let xunit = outDir + "/\(part).xml"
            // Swift Testing appends "-swift-testing" to the name when XCTest runs too.
            let written = [xunit, outDir + "/\(part)-swift-testing.xml"]
            for file in written { try? FileManager.default.removeItem(atPath: file) }
            let arguments = command(part, xunit)
            let ending: TimeLimitedProcess.Ending
            do {
                let result = try TimeLimitedProcess.run(arguments[0], Array(arguments.dropFirst()), limit: limit)
                FileHandle.standardOutput.write(result.standardOutput)
                FileHandle.standardError.write(result.standardError)
                ending = result.ending
            } catch {
                FileHandle.standardError.write(Data("grade: cannot run \(part): \(error)\n".utf8))
                ending = .exited(127)
            }
            let cases = written.compactMap { FileManager.default.contents(atPath: $0) }.first
                .flatMap { try? TestCaseReader.read($0) } ?? []
            return PartRun(part: part, ending: ending, cases: ending == .timedOut ? [] : cases)
        }
    }
}
