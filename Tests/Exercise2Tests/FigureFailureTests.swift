import ExerciseTestSupport
import Foundation
import Testing

/// What exercise2 does with figures it cannot produce, run end to end: the convention documented
/// on `FigureBatch` (results first; gnuplot missing → scripts, one install hint, success; a file
/// not written or drawn → one `Error:` line per failure, exit status 1; --no-plots → silence);
/// with --json nothing is written and standard output is only the object.
extension Exercise2Tests {
    static let figureConvention = FigureConventionCheck(
        executable: "exercise2",
        arguments: ["--image", "tiny.pgm", "--ranks", "1,2"],
        reportEnding: "against m·n pixels",
        figures: ["exercise2-tiny-reconstructions", "exercise2-tiny-spectrum", "exercise2-tiny-energy", "exercise2-tiny-error",
                  "exercise2-tiny-residuals"],
        otherFiles: ["exercise2-tiny-k1.png", "exercise2-tiny-k2.png"],
        inputs: ["tiny.pgm": tinyImage])

    /// A 12×10 binary PGM with a deterministic pattern, small enough to decompose at once.
    static let tinyImage: Data = {
        let header = Data("P5\n12 10\n255\n".utf8)
        let pixels = (0..<10).flatMap { row in (0..<12).map { column in UInt8((37 * row + 11 * column) % 256) } }
        return header + Data(pixels)
    }()

    @Test("exercise2: an unusable --plots-dir prints the results, then one Error line, exit status 1")
    func unusablePlotsDirectoryFailsAfterTheResults() throws {
        try Self.figureConvention.unusablePlotsDirectory()
    }

    @Test("exercise2: without gnuplot the scripts are written, one line says how to draw them, exit status 0")
    func missingGnuplotWritesTheScriptsAndSucceeds() throws {
        try Self.figureConvention.missingGnuplot()
    }

    @Test("exercise2: a gnuplot error on every figure gives one Error line each, exit status 1")
    func gnuplotErrorsAreReportedForEveryFigure() throws {
        try Self.figureConvention.failingGnuplot()
    }

    @Test("exercise2: --no-plots writes nothing and says nothing about plots")
    func noPlotsWritesAndSaysNothingAboutPlots() throws {
        try Self.figureConvention.noPlots()
    }

    @Test("exercise2: --json keeps standard output for the JSON object")
    func jsonKeepsStandardOutputForTheObject() throws {
        try Self.figureConvention.json()
    }
}
