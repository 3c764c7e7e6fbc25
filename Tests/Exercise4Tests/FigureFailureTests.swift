import ExerciseTestSupport
import Foundation
import Testing

/// What exercise4 does with figures it cannot produce, run end to end: the convention documented
/// on `FigureBatch` (results first; gnuplot missing → scripts, one install hint, success; a file
/// not written or drawn → one `Error:` line per failure, exit status 1; --no-plots → silence);
/// with --json the figures are still drawn and the lines about them go to standard error.
extension Exercise4Tests {
    static let figureConvention = FigureConventionCheck(
        executable: "exercise4",
        arguments: ["--sizes", "5,10,15"],
        reportEnding: "without regularization.",
        figures: ["exercise4-hilbert-condition", "exercise4-hilbert-15-spectrum", "exercise4-regularization-tradeoff"],
        figuresWithJSON: true)

    @Test("exercise4: an unusable --plots-dir prints the results, then one Error line, exit status 1")
    func unusablePlotsDirectoryFailsAfterTheResults() throws {
        try Self.figureConvention.unusablePlotsDirectory()
    }

    @Test("exercise4: without gnuplot the scripts are written, one line says how to draw them, exit status 0")
    func missingGnuplotWritesTheScriptsAndSucceeds() throws {
        try Self.figureConvention.missingGnuplot()
    }

    @Test("exercise4: a gnuplot error on every figure gives one Error line each, exit status 1")
    func gnuplotErrorsAreReportedForEveryFigure() throws {
        try Self.figureConvention.failingGnuplot()
    }

    @Test("exercise4: --no-plots writes nothing and says nothing about plots")
    func noPlotsWritesAndSaysNothingAboutPlots() throws {
        try Self.figureConvention.noPlots()
    }

    @Test("exercise4: --json keeps standard output for the JSON object")
    func jsonKeepsStandardOutputForTheObject() throws {
        try Self.figureConvention.json()
    }
}
