import Foundation
import Testing
@testable import Plotting

/// `FigureBatch`: what it writes and what it says, with its lines captured instead of printed.
@Suite struct FigureBatchTests {
    /// A batch into `directory` whose lines are collected in `lines`.
    final class Lines {
        var information: [String] = []
        var errors: [String] = []
    }

    func batch(into directory: URL, gnuplot: URL?, _ lines: Lines) -> FigureBatch {
        FigureBatch(directory: directory, renderer: GnuplotRenderer(executable: gnuplot),
                    inform: { lines.information.append($0) }, complain: { lines.errors.append($0) })
    }

    func figure(_ name: String) -> Figure {
        Figure(name: name, panel: Panel(title: name, x: Axis("x"), y: Axis("y"),
                                        series: [.line([0, 1], [1, 2], title: "f")]))
    }

    @Test func missingGnuplotWritesEveryScriptAndGivesOneHint() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = Lines()
        let nowhere = directory.appendingPathComponent("no gnuplot here")
        var plots = batch(into: directory, gnuplot: nowhere, lines)
        plots.render([figure("a"), figure("b")])
        #expect(plots.finish())
        #expect(lines.errors.isEmpty)
        #expect(lines.information.count == 3)
        #expect(lines.information[0] == "Wrote \(directory.appendingPathComponent("a.gp").relativeDisplayPath) (script only)")
        let hint = lines.information[2]
        #expect(hint.hasPrefix("gnuplot was not found at \(nowhere.path): to draw the figures, apt-get install gnuplot-nox, then run gnuplot "))
        #expect(hint.hasSuffix("/a.gp \(directory.appendingPathComponent("b.gp").path)"))
        #expect(plots.scriptsNotDrawn.map(\.lastPathComponent) == ["a.gp", "b.gp"])
    }

    @Test func hintQuotesScriptPathsForTheShell() throws {
        let directory = try makeTemporaryDirectory().appendingPathComponent("my plots", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let lines = Lines()
        var plots = batch(into: directory, gnuplot: nil, lines)
        plots.render([figure("a")])
        #expect(plots.gnuplotHint?.hasSuffix("then run gnuplot '\(directory.appendingPathComponent("a.gp").path)'") == true)
        #expect(plots.gnuplotHint?.hasPrefix("gnuplot was not found on PATH: ") == true)
    }

    /// Every figure is attempted; identical failures are said once; another output's failure
    /// is its own line; the batch fails.
    @Test func failuresAreCollectedThenPrintedOnceEach() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("file")
        try Data().write(to: blocker)
        let lines = Lines()
        var plots = batch(into: blocker.appendingPathComponent("plots"), gnuplot: nil, lines)
        plots.write { throw PlotError.cannotWrite(blocker, reason: "simulated") }
        plots.render([figure("a"), figure("b")])
        plots.write { "Wrote something else" }
        #expect(plots.failures.count == 3)
        #expect(!plots.finish())
        #expect(lines.information == ["Wrote something else"])
        #expect(lines.errors == [
            "Error: Cannot write \(blocker.path): simulated",
            "Error: Cannot write \(blocker.path)/plots: a part of the path is not a directory",
        ])
    }
}
