import Foundation

/// Writes the figures of one run (and any other files the run was asked to produce) and tells the
/// user what happened, the same way in every exercise.
///
/// ```swift
/// print(report)                                    // the results come first, in full
/// guard !noPlots else { return }                   // --no-plots: nothing written, nothing said
/// print("")
/// var batch = FigureBatch(directory: URL(fileURLWithPath: plotsDir, isDirectory: true))
/// batch.render(figures)
/// guard batch.finish() else { throw ExitCode.failure }
/// ```
///
/// The convention:
/// - **Results first.** The caller prints its report (or its JSON) before it creates the batch,
///   so no failure here can hide a number.
/// - **One line per file written**, as it is written: "Wrote plots/a.png (script: plots/a.gp)".
/// - **gnuplot missing is not a failure.** Every script is still written with its data
///   ("Wrote plots/a.gp (script only)"), and ``finish()`` adds *one* line saying where gnuplot
///   was looked for, how to install it (`apt-get install gnuplot-nox`) and the command that
///   draws the scripts later; it returns `true`.
/// - **A file that cannot be written or drawn is a failure** — a directory that cannot be made or
///   written, a file in the way, gnuplot rejecting a script: the user asked for output that was
///   not produced. The remaining figures are still attempted; then ``finish()`` prints one
///   `Error: …` line per failure on standard error, naming the path and the plain reason, and
///   returns `false`, so that the command exits non-zero. When several files fail for the same
///   reason (every figure of an unusable `--plots-dir`), the identical message is printed once.
/// - **Standard output stays machine-readable when it must.** With `--json`, standard output
///   carries only the JSON object; create the batch with
///   `informationTo: .standardError` so that the lines about files go to standard error.
public struct FigureBatch {
    /// Where the lines about written files go.
    public enum Stream: Sendable {
        /// Standard output, after a text report.
        case standardOutput
        /// Standard error, when standard output carries JSON.
        case standardError
    }

    /// The directory every figure is written to.
    public let directory: URL
    /// The renderer that writes the scripts and runs gnuplot.
    public let renderer: GnuplotRenderer
    /// What each successful rendering produced, in order.
    public private(set) var outcomes: [RenderOutcome] = []
    /// One message per failure, in order (without the `Error: ` prefix).
    public private(set) var failures: [String] = []

    private let inform: (String) -> Void
    private let complain: (String) -> Void

    /// A batch writing into `directory`, with lines about files going to `informationTo` and
    /// error lines to standard error.
    ///
    /// - Parameters:
    ///   - directory: the directory every figure is written to (created when needed).
    ///   - renderer: how figures are drawn; by default gnuplot from `$GNUPLOT` or
    ///     `$PATH` (see ``GnuplotRenderer/locate(environment:)``).
    ///   - stream: where the lines about written files go: standard output after a text
    ///     report, standard error when standard output carries JSON.
    public init(directory: URL, renderer: GnuplotRenderer = GnuplotRenderer(),
                informationTo stream: Stream = .standardOutput) {
        // Standard output through `print`, whose buffer also holds the report printed before:
        // writing to the file handle directly would overtake it. Standard error is unbuffered.
        let toStandardError: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let inform: (String) -> Void = stream == .standardOutput ? { print($0) } : toStandardError
        self.init(directory: directory, renderer: renderer, inform: inform, complain: toStandardError)
    }

    /// A batch that hands its lines to `inform` (lines about files written, and the gnuplot
    /// hint) and `complain` (the `Error: …` lines) instead of printing them: for tests.
    ///
    /// - Parameters:
    ///   - directory: the directory every figure is written to (created when needed).
    ///   - renderer: how figures are drawn.
    ///   - inform: receives each line about a file written, and the gnuplot hint.
    ///   - complain: receives each `Error: …` line.
    public init(directory: URL, renderer: GnuplotRenderer,
                inform: @escaping (String) -> Void, complain: @escaping (String) -> Void) {
        self.directory = directory
        self.renderer = renderer
        self.inform = inform
        self.complain = complain
    }

    /// Renders each figure into ``directory``, one line per figure written; a figure that
    /// fails is recorded and the next one is still attempted.
    ///
    /// - Parameters:
    ///   - figures: the figures, rendered in order.
    ///   - formats: the images drawn for each figure, PNG by default.
    public mutating func render(_ figures: [Figure], formats: [ImageFormat] = [.png]) {
        for figure in figures {
            do {
                let outcome = try renderer.render(figure, formats: formats, in: directory)
                outcomes.append(outcome)
                switch outcome {
                case .rendered:
                    inform(outcome.summary)
                case .scriptOnly(let script, _):
                    inform("Wrote \(script.relativeDisplayPath) (script only)")
                }
            } catch {
                failures.append(error.description)
            }
        }
    }

    /// Produces another output file (such as an image computed by the exercise) under the same
    /// convention: `produce` writes it and returns the line that says so; if it throws, its
    /// error's description is recorded as a failure and the batch goes on.
    ///
    /// - Parameter produce: writes the file and returns the line that says so.
    public mutating func write(_ produce: () throws -> String) {
        do {
            inform(try produce())
        } catch {
            failures.append("\(error)")
        }
    }

    /// The scripts written without their images because gnuplot is missing.
    public var scriptsNotDrawn: [URL] {
        outcomes.compactMap { outcome in
            if case .scriptOnly(let script, _) = outcome { return script }
            return nil
        }
    }

    /// The one line printed when gnuplot is missing, or `nil` when every script was drawn.
    public var gnuplotHint: String? {
        let scripts = scriptsNotDrawn
        guard !scripts.isEmpty else { return nil }
        let command = (["gnuplot"] + scripts.map { shellWord($0.relativeDisplayPath) }).joined(separator: " ")
        return "\(renderer.notFoundDescription): to draw the figures, apt-get install gnuplot-nox, then run \(command)"
    }

    /// Ends the batch: prints the gnuplot hint if gnuplot was missing, then one `Error: …` line
    /// per distinct failure.
    ///
    /// - Returns: `true` when every requested file was written (a missing gnuplot included);
    ///   `false` when something was not, and the command should exit with a non-zero status.
    @discardableResult
    public func finish() -> Bool {
        if let gnuplotHint { inform(gnuplotHint) }
        var printed: Set<String> = []
        for message in failures where printed.insert(message).inserted {
            complain("Error: \(message)")
        }
        return failures.isEmpty
    }

    /// `word` quoted for a POSIX shell when it holds anything but plain path characters, so
    /// that the hint can be pasted as it is.
    private func shellWord(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "/._-+,:@%".unicodeScalars.contains($0)
        }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
