import Foundation
import Testing

/// The checks behind every exercise's tests of how figures are written and how a figure that
/// cannot be produced is reported: the convention documented on `FigureBatch` in the Plotting
/// module. Each check runs the built exercise in a scratch directory of its own:
///
/// - an unusable `--plots-dir` (a path below a regular file): the results are printed in full,
///   then one `Error: …` line naming the directory, exit status 1;
/// - gnuplot missing (`GNUPLOT` naming nothing): every script written, one line saying how to
///   install gnuplot and draw them, nothing on standard error, exit status 0;
/// - gnuplot failing on every script: every figure still attempted, one `Error:` line each,
///   exit status 1;
/// - `--no-plots`: nothing written, nothing said about plots;
/// - `--json`: standard output is exactly one JSON object.
public struct FigureConventionCheck: Sendable {
    /// The executable, such as `exercise3`.
    public let executable: String
    /// Arguments of every run besides `--plots-dir`, `--no-plots` and `--json`.
    public let arguments: [String]
    /// Text from the end of the report, which shows that the results were printed in full.
    public let reportEnding: String
    /// The names of the figures, in the order they are written.
    public let figures: [String]
    /// Other files the run writes into the plots directory (exercise 2's reconstructions).
    public let otherFiles: [String]
    /// Whether figures are drawn with `--json` too (their lines then go to standard error).
    public let figuresWithJSON: Bool
    /// Input files to create in the scratch directory first, by relative path.
    public let inputs: [String: Data]

    public init(executable: String, arguments: [String] = [], reportEnding: String, figures: [String],
                otherFiles: [String] = [], figuresWithJSON: Bool = false, inputs: [String: Data] = [:]) {
        self.executable = executable
        self.arguments = arguments
        self.reportEnding = reportEnding
        self.figures = figures
        self.otherFiles = otherFiles
        self.figuresWithJSON = figuresWithJSON
        self.inputs = inputs
    }

    /// The plots directory of the checks, relative to the scratch directory.
    static let plots = "figures"

    /// A scratch directory with the inputs in place, and the exercise ready to run there.
    func prepare() throws -> ExerciseCommand {
        let command = try ExerciseCommand(executable)
        for (path, data) in inputs { try data.write(to: command.scratch.appendingPathComponent(path)) }
        return command
    }

    /// The scripts' and other files' names, sorted, as they should be in the plots directory.
    var expectedFiles: [String] { (figures.map { "\($0).gp" } + otherFiles).sorted() }

    /// A `--plots-dir` below a regular file: the results, then one `Error:` line naming the
    /// directory (every figure fails for the same reason, and that is said once), exit status 1.
    public func unusablePlotsDirectory(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let command = try prepare()
        defer { command.remove() }
        _ = try command.impossibleDirectory()
        let run = try command.run(arguments + ["--plots-dir", "a-regular-file/plots"],
                                  environment: ["GNUPLOT": command.missingGnuplot])
        #expect(run.status == 1, "\(run.standardError)", sourceLocation: sourceLocation)
        #expect(run.standardOutput.contains(reportEnding), "the report is printed in full", sourceLocation: sourceLocation)
        #expect(!run.standardOutput.contains("Wrote "), sourceLocation: sourceLocation)
        #expect(run.errorLines.count == 1, "\(run.errorLines)", sourceLocation: sourceLocation)
        let line = run.errorLines.first ?? ""
        #expect(line.hasPrefix("Error: Cannot write /"), "\(line)", sourceLocation: sourceLocation)
        #expect(line.hasSuffix("/a-regular-file/plots: a part of the path is not a directory"), "\(line)",
                sourceLocation: sourceLocation)
    }

    /// gnuplot missing: the report, one "Wrote … (script only)" line per figure, then one line
    /// on how to install gnuplot and draw the scripts; nothing on standard error; exit status 0.
    public func missingGnuplot(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let command = try prepare()
        defer { command.remove() }
        let run = try command.run(arguments + ["--plots-dir", Self.plots], environment: ["GNUPLOT": command.missingGnuplot])
        #expect(run.status == 0, "\(run.standardError)", sourceLocation: sourceLocation)
        #expect(run.standardError.isEmpty, "\(run.standardError)", sourceLocation: sourceLocation)
        #expect(command.files(in: command.scratch.appendingPathComponent(Self.plots)) == expectedFiles,
                sourceLocation: sourceLocation)
        let lines = run.outputLines
        let wrote = figures.map { "Wrote \(Self.plots)/\($0).gp (script only)" }
        #expect(lines.filter { $0.hasPrefix("Wrote ") } == wrote, sourceLocation: sourceLocation)
        let scripts = figures.map { "\(Self.plots)/\($0).gp" }.joined(separator: " ")
        let hint = "gnuplot was not found at \(command.missingGnuplot): to draw the figures, "
            + "apt-get install gnuplot-nox, then run gnuplot \(scripts)"
        #expect(lines.filter { $0.contains("gnuplot-nox") } == [hint], sourceLocation: sourceLocation)
        #expect(lines.last(where: { !$0.isEmpty }) == hint, "the hint comes last", sourceLocation: sourceLocation)
        let report = lines.firstIndex { $0.contains(reportEnding) }
        let firstFile = lines.firstIndex { $0.hasPrefix("Wrote ") }
        #expect(report != nil && firstFile != nil && report! < firstFile!, "results first", sourceLocation: sourceLocation)
    }

    /// gnuplot rejecting every script: each figure is still attempted (its script written), and
    /// each failure gets its own `Error:` line with gnuplot's message, in order; exit status 1.
    public func failingGnuplot(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let command = try prepare()
        defer { command.remove() }
        let run = try command.run(arguments + ["--plots-dir", Self.plots],
                                  environment: ["GNUPLOT": try command.failingGnuplot()])
        #expect(run.status == 1, sourceLocation: sourceLocation)
        #expect(run.standardOutput.contains(reportEnding), sourceLocation: sourceLocation)
        #expect(command.files(in: command.scratch.appendingPathComponent(Self.plots)) == expectedFiles,
                sourceLocation: sourceLocation)
        #expect(run.errorLines.count == figures.count, "\(run.errorLines)", sourceLocation: sourceLocation)
        for (line, figure) in zip(run.errorLines, figures) {
            #expect(line.hasPrefix("Error: gnuplot failed on /") && line.contains("/\(Self.plots)/\(figure).gp ")
                    && line.hasSuffix("line 1: simulated gnuplot error"), "\(line)", sourceLocation: sourceLocation)
        }
        #expect(!run.standardOutput.contains("gnuplot-nox"), sourceLocation: sourceLocation)
    }

    /// `--no-plots`: no directory made, and not a word about plots; exit status 0.
    public func noPlots(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let command = try prepare()
        defer { command.remove() }
        let run = try command.run(arguments + ["--no-plots", "--plots-dir", Self.plots],
                                  environment: ["GNUPLOT": command.missingGnuplot])
        #expect(run.status == 0, sourceLocation: sourceLocation)
        #expect(run.standardError.isEmpty, "\(run.standardError)", sourceLocation: sourceLocation)
        #expect(run.standardOutput.contains(reportEnding), sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: command.scratch.appendingPathComponent(Self.plots).path),
                sourceLocation: sourceLocation)
        for word in ["Wrote ", "gnuplot", "\(Self.plots)/", "Error:"] {
            #expect(!run.standardOutput.contains(word), "\(word)", sourceLocation: sourceLocation)
        }
    }

    /// `--json` with gnuplot missing: standard output is exactly one JSON object on one line;
    /// figures are written only where the exercise draws them with --json, and the lines about
    /// them go to standard error; exit status 0.
    public func json(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let command = try prepare()
        defer { command.remove() }
        let run = try command.run(arguments + ["--json", "--plots-dir", Self.plots],
                                  environment: ["GNUPLOT": command.missingGnuplot])
        #expect(run.status == 0, "\(run.standardError)", sourceLocation: sourceLocation)
        let output = run.standardOutput
        #expect(output.hasSuffix("}\n") && output.filter { $0 == "\n" }.count == 1, sourceLocation: sourceLocation)
        let object = try? JSONSerialization.jsonObject(with: Data(output.utf8))
        #expect(object is [String: Any], "\(output.prefix(200))", sourceLocation: sourceLocation)
        let plots = command.scratch.appendingPathComponent(Self.plots)
        if figuresWithJSON {
            #expect(command.files(in: plots) == expectedFiles, sourceLocation: sourceLocation)
            #expect(run.errorLines.filter { $0.hasPrefix("Wrote ") }.count == figures.count, sourceLocation: sourceLocation)
            #expect(run.errorLines.last?.contains("apt-get install gnuplot-nox") == true, sourceLocation: sourceLocation)
        } else {
            #expect(run.standardError.isEmpty, "\(run.standardError)", sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: plots.path), sourceLocation: sourceLocation)
        }
    }
}
