import ExerciseTestSupport
import Foundation
import Testing

/// What exercise3 does with figures it cannot produce, run end to end: the convention documented
/// on `FigureBatch` (results first; gnuplot missing → scripts, one install hint, success; a file
/// not written or drawn → one `Error:` line per failure, exit status 1; --no-plots → silence);
/// with --json nothing is written and standard output is only the object.
extension Exercise3Tests {
    static let figureConvention = FigureConventionCheck(
        executable: "exercise3",
        arguments: [],
        reportEnding: "Refinement (residuals in double-double)",
        figures: ["exercise3-digits-lost", "exercise3-minimum-norm", "exercise3-cutoff", "exercise3-four-subspaces",
                  "exercise3-longley-fit", "exercise3-longley-residuals", "exercise3-longley-singular-values"])

    @Test("exercise3: an unusable --plots-dir prints the results, then one Error line, exit status 1")
    func unusablePlotsDirectoryFailsAfterTheResults() throws {
        try Self.figureConvention.unusablePlotsDirectory()
    }

    @Test("exercise3: without gnuplot the scripts are written, one line says how to draw them, exit status 0")
    func missingGnuplotWritesTheScriptsAndSucceeds() throws {
        try Self.figureConvention.missingGnuplot()
    }

    @Test("exercise3: a gnuplot error on every figure gives one Error line each, exit status 1")
    func gnuplotErrorsAreReportedForEveryFigure() throws {
        try Self.figureConvention.failingGnuplot()
    }

    @Test("exercise3: --no-plots writes nothing and says nothing about plots")
    func noPlotsWritesAndSaysNothingAboutPlots() throws {
        try Self.figureConvention.noPlots()
    }

    @Test("exercise3: --json keeps standard output for the JSON object")
    func jsonKeepsStandardOutputForTheObject() throws {
        try Self.figureConvention.json()
    }
}
