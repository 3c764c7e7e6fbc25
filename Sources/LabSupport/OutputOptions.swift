import ArgumentParser
import Foundation
import Plotting

/// The output options every exercise shares: `--json`, `--plots-dir DIR` and `--no-plots`.
///
/// An exercise includes them with `@OptionGroup var output: OutputOptions`, so that the names,
/// the default directory and the check on them are the same in every command. What an exercise
/// draws in `--json` mode is its own choice (exercise 4 draws its figures and reports them on
/// standard error; the others draw none), and its `--help` discussion says which; the help texts
/// here are true of every exercise. `--json` with `--no-plots` is accepted: it only makes sure
/// that nothing is written.
public struct OutputOptions: ParsableArguments, Sendable {
    /// The directory figures go to when `--plots-dir` is not given, relative to the working directory.
    public static let defaultPlotsDirectory = "plots"

    /// `--json`: print one JSON object instead of the report.
    @Flag(help: "Print one JSON object instead of the report.")
    public var json = false

    /// `--plots-dir DIR`: the directory figures and other output files are written to.
    @Option(help: ArgumentHelp("The directory figures and other output files are written to.", valueName: "DIR"))
    public var plotsDir: String = OutputOptions.defaultPlotsDirectory

    /// `--no-plots`: write no figures or other files.
    @Flag(help: "Write no figures or other files.")
    public var noPlots = false

    /// The options with their default values, as ArgumentParser creates them before parsing.
    public init() {}

    /// ``plotsDir`` as a directory URL, relative paths resolved against the working directory.
    public var plotsDirectory: URL { URL(fileURLWithPath: plotsDir, isDirectory: true) }

    /// Refuses an empty `--plots-dir`: it names no directory, and resolving it would silently
    /// mean the working directory.
    ///
    /// - Throws: `ValidationError` for an empty `--plots-dir`.
    public func validate() throws {
        if plotsDir.isEmpty { throw ValidationError("--plots-dir needs a directory name, got an empty string") }
    }

    /// Writes the exercise's files under the suite's convention (see `FigureBatch`), after the
    /// report has been printed: nothing at all with `--no-plots`; otherwise `produce` first (for
    /// files that are not figures, such as reconstructed images), then every figure, each failure
    /// collected. With `--json` the lines about files go to standard error, so that standard
    /// output holds only the JSON object.
    ///
    /// - Parameters:
    ///   - figures: the figures to draw.
    ///   - produce: writes the other files first, through the batch, or `nil` for none.
    /// - Throws: `ExitCode.failure` after the failures have been reported, when a file could not
    ///   be written or drawn. A missing gnuplot is not a failure: the scripts are written and one
    ///   line says how to draw them.
    public func writeFigures(_ figures: [Figure], after produce: ((inout FigureBatch) -> Void)? = nil) throws {
        guard !noPlots else { return }
        if !json { print("") }
        var plots = FigureBatch(directory: plotsDirectory, informationTo: json ? .standardError : .standardOutput)
        produce?(&plots)
        plots.render(figures)
        guard plots.finish() else { throw ExitCode.failure }
    }
}
