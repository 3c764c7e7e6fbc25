import Foundation
import Testing
@testable import Plotting

/// Whether gnuplot can be run here. CI installs it; on a machine without it the rendering
/// tests are reported as skipped, with the reason, rather than passing silently.
let gnuplotAvailable = GnuplotRenderer().isAvailable

/// A fresh, empty temporary directory; tests never write to the repository's `plots/`.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("PlottingTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The lines of `text` between `header` and the next `EOD`.
func dataBlock(_ header: String, in text: String) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(of: header) else { return [] }
    let rest = lines[(start + 1)...]
    guard let end = rest.firstIndex(of: "EOD") else { return [] }
    return Array(lines[(start + 1)..<end])
}

@Suite struct PlottingTests {
    let sigma: [Double] = [3, 1, 0.1, 1e-3, 1e-8]

    // MARK: - Script generation (no gnuplot needed)

    @Test func scriptSetsTerminalOutputAndWritesDataInline() throws {
        let figure = Figure(name: "line-test", panel: Panel(
            title: "A line", x: Axis("x"), y: Axis("y"),
            series: [.line([0, 1, 2], [0.5, 1.5, -2], title: "f")]))
        let text = try GnuplotScript(figure).text

        #expect(text.contains("set terminal pngcairo size 800,500 enhanced font 'Sans,11'"))
        #expect(text.contains("set output outdir.'line-test.png'"))
        #expect(dataBlock("$series1 << EOD", in: text) == ["0.0 0.5", "1.0 1.5", "2.0 -2.0"])
        #expect(text.contains("plot $series1 using 1:2 with lines lw 2.0 title 'f'"))
        #expect(text.contains("set title 'A line'"))
        #expect(text.contains("set xlabel 'x'"))
        #expect(text.contains("set grid"))
        // The terminal is set before the output and before anything is drawn.
        let terminal = try #require(text.range(of: "set terminal"))
        let plot = try #require(text.range(of: "\nplot "))
        #expect(terminal.lowerBound < plot.lowerBound)
        #expect(!text.contains("multiplot"))
        #expect(!text.contains("svg"))
    }

    @Test func numbersRoundTripAndNonFiniteValuesAreMissing() throws {
        let values: [Double] = [0.1, 1.0 / 3.0, .pi, 1e-300, 5e-324, -0.0, 1.7976931348623157e308,
                                123456789.123456789, .nan, .infinity, -.infinity]
        let figure = Figure(name: "numbers", panel: Panel(series: [.line(values)]))
        let rows = dataBlock("$series1 << EOD", in: try GnuplotScript(figure).text)
        #expect(rows.count == values.count)
        for (row, value) in zip(rows, values) {
            let written = String(row.split(separator: " ")[1])
            if value.isFinite {
                let read = try #require(Double(written))
                #expect(read.bitPattern == value.bitPattern, "\(value) was written as \(written)")
            } else {
                #expect(written == "NaN")
            }
        }
        // x of `line(_ y:)` is the 1-based index.
        #expect(rows.first?.hasPrefix("1.0 ") == true)
    }

    @Test func logScaleAxisHasPowerTics() throws {
        let figure = Figure(name: "spectrum", panel: Panel(
            x: Axis("k"), y: .log("σ_k"), series: [.linesPoints(sigma, title: "σ_k")]))
        let text = try GnuplotScript(figure).text
        #expect(text.contains("set logscale y 10.0"))
        #expect(text.contains("set format y \"10^{%L}\""))
        #expect(!text.contains("set logscale x"))
        #expect(text.contains("with linespoints"))

        let base2 = Figure(name: "base2", panel: Panel(x: .log(base: 2), series: [.line(sigma)]))
        #expect(try GnuplotScript(base2).text.contains("set format x \"2^{%L}\""))
    }

    @Test func gridOfPanelsUsesMultiplotLayout() throws {
        let panels = [
            Panel(title: "one", series: [.line(sigma)]),
            Panel(title: "two", series: [.points([1, 2], [3, 4])]),
            Panel(title: "three", series: [.bars([1, 2, 3])]),
        ]
        let figure = Figure(name: "grid", title: "Three panels", rows: 2, columns: 2, panels: panels)
        let text = try GnuplotScript(figure).text

        #expect(text.contains("set multiplot layout 2,2 rowsfirst title 'Three panels'"))
        #expect(text.contains("unset multiplot"))
        #expect(text.components(separatedBy: "\nreset\n").count - 1 == 3)
        #expect(text.contains("$panel1_series1 << EOD"))
        #expect(text.contains("$panel3_series1 << EOD"))
        #expect(text.contains("set title 'two'"))
        // Panels are written in order, each after its own reset.
        let one = try #require(text.range(of: "set title 'one'"))
        let three = try #require(text.range(of: "set title 'three'"))
        #expect(one.lowerBound < three.lowerBound)
        // The default size grows with the grid.
        #expect(text.contains("size 960,760"))
    }

    @Test func picturesAndHeatMapsPutRowZeroAtTheTop() throws {
        let matrix: [[Double]] = [[0, 0.5, 1], [1, 1, 1]]   // 2×3
        let picture = try GnuplotScript(Figure(name: "picture", panel: Panel(series: [.picture(matrix)]))).text
        // Row 0 is the first line of the block; gnuplot draws that line at y = 0, and the
        // reversed y range puts y = 0 at the top.
        #expect(dataBlock("$series1 << EOD", in: picture) == ["0.0 0.5 1.0", "1.0 1.0 1.0"])
        #expect(picture.contains("set yrange [1.5:-0.5]"))
        #expect(picture.contains("set xrange [-0.5:2.5]"))
        #expect(picture.contains("set palette gray"))
        #expect(picture.contains("set cbrange [0:1]"))
        #expect(picture.contains("set size ratio -1"))
        #expect(picture.contains("$series1 matrix with image notitle"))
        #expect(!picture.contains("set grid"))

        let heat = try GnuplotScript(Figure(name: "heat", panel: Panel(
            series: [.heatMap([[-2, 1], [0.5, 0]], palette: .diverging)]))).text
        #expect(heat.contains("set yrange [1.5:-0.5]"))
        #expect(heat.contains("set cbrange [-2.0:2.0]"))
    }

    @Test func scatterMakesOneSeriesPerGroupInOrderOfAppearance() throws {
        let series = Series.scatter(x: [1, 2, 3, 4], y: [10, 20, 30, 40], groups: ["b", "a", "b", "c"])
        #expect(series.map(\.title) == ["b", "a", "c"])
        #expect(series[0].content == .xy(x: [1, 3], y: [10, 30], mark: .points))
        let text = try GnuplotScript(Figure(name: "scatter", panel: Panel(series: series))).text
        #expect(text.contains("$series3 using 1:2 with points pt 7 ps 1 title 'c'"))
    }

    @Test func barsAreLabelledAndFullyVisible() throws {
        let figure = Figure(name: "energy", panel: Panel(
            series: [.bars([0.6, 0.3, 0.1], labels: ["σ_1", "σ_2", "σ_3"], color: "#1f77b4")]))
        let text = try GnuplotScript(figure).text
        #expect(dataBlock("$series1 << EOD", in: text) == ["1 0.6", "2 0.3", "3 0.1"])
        #expect(text.contains("set xtics ('σ_1' 1, 'σ_2' 2, 'σ_3' 3) nomirror"))
        #expect(text.contains("set xrange [0.5:3.5]"))
        #expect(text.contains("with boxes lc rgb '#1f77b4' notitle"))
    }

    @Test func arrowsAreVectorsWithLabelsAtTheirHeads() throws {
        let figure = Figure(name: "circle", panel: Panel(aspect: .equal, series: [
            .arrows([Arrow(from: (1, 1), to: (3, 0.5), label: "σ_1 u_1")], title: "σ_i u_i"),
        ]))
        let text = try GnuplotScript(figure).text
        #expect(dataBlock("$series1 << EOD", in: text) == ["1.0 1.0 2.0 -0.5"])
        #expect(text.contains("using 1:2:3:4 with vectors head filled"))
        #expect(text.contains("set label 'σ_1 u_1' at 3.0,0.5"))
        #expect(text.contains("set size ratio -1"))
    }

    @Test func aColourPictureIsOnePixelALineInLevelsOf255() throws {
        let figure = Figure(name: "colour", panel: Panel(series: [
            .colorPicture(red: [[1, 0], [0.5, 2]], green: [[0, 1], [0.5, -1]], blue: [[0, 0], [.nan, 1]]),
        ]))
        let text = try GnuplotScript(figure).text
        // Row 0 first; values clipped to [0, 1], NaN as 0.
        #expect(dataBlock("$series1 << EOD", in: text) == ["0 0 255 0 0", "1 0 0 255 0", "0 1 128 128 0", "1 1 255 0 255"])
        #expect(text.contains("using 1:2:3:4:5 with rgbimage"))
        #expect(text.contains("set yrange [1.5:-0.5]"))

        let ragged = Figure(name: "ragged", panel: Panel(series: [
            .colorPicture(red: [[1, 0]], green: [[0, 1]], blue: [[0]]),
        ]))
        #expect(throws: PlotError.self) { try ragged.validate() }
    }

    @Test func notesAreLabelsAtTheirPointsAndNonFiniteOnesAreLeftOut() throws {
        let figure = Figure(name: "notes", panel: Panel(
            notes: [Note("95.8 %", at: 1, 0.958), Note("lost", at: .nan, 1)],
            series: [.bars([0.958, 0.042])]))
        let text = try GnuplotScript(figure).text
        #expect(text.contains("set label '95.8 %' at 1.0,0.958 center offset 0,0.8 front"))
        #expect(!text.contains("'lost'"))
    }

    @Test func textIsSingleQuotedSoThatGnuplotReadsItBackAndRunsNothing() {
        #expect(GnuplotSyntax.quoted("plain") == "'plain'")
        #expect(GnuplotSyntax.quoted("it's") == "'it''s'")
        #expect(GnuplotSyntax.quoted("say \"hi\"") == "'say \"hi\"'")
        #expect(GnuplotSyntax.quoted("two\nlines") == "'two'.\"\\n\".'lines'")
        #expect(GnuplotSyntax.quoted("cr\r\nlf\rend") == "'cr'.\"\\n\".'lf'.\"\\n\".'end'")
        #expect(GnuplotSyntax.quoted("a\\_b") == "'a\\_b'")
        #expect(GnuplotSyntax.quoted("a`id`b") == "'a`id`b'")
        #expect(GnuplotSyntax.quoted("nul\u{0}bell\u{7}tab\t") == "'nul bell tab\t'")
    }

    @Test func svgIsAddedAfterPngAndFormatsAreNotRepeated() throws {
        let figure = Figure(name: "both", panel: Panel(series: [.line(sigma)]))
        let script = try GnuplotScript(figure, formats: [.png, .svg, .png])
        #expect(script.formats == [.png, .svg])
        #expect(script.imageFileNames == ["both.png", "both.svg"])
        let png = try #require(script.text.range(of: "set terminal pngcairo"))
        let svg = try #require(script.text.range(of: "set terminal svg"))
        #expect(png.lowerBound < svg.lowerBound)
        #expect(script.text.contains("set output outdir.'both.svg'"))
        // The data is written once and drawn twice.
        #expect(script.text.components(separatedBy: "$series1 << EOD").count == 2)

        #expect(throws: PlotError.self) { try GnuplotScript(figure, formats: []) }
    }

    @Test func inconsistentFiguresAreRejectedBeforeAnythingIsWritten() throws {
        func reason(_ figure: Figure) -> String? {
            do { try figure.validate(); return nil } catch {
                guard case .invalidFigure(_, let reason) = error else { return "wrong error" }
                return reason
            }
        }
        #expect(reason(Figure(name: "ok", panel: Panel(series: [.line(sigma)]))) == nil)
        #expect(reason(Figure(name: "xy", panel: Panel(series: [.line([1, 2], [1])])))?
            .contains("2 x values and 1 y values") == true)
        #expect(reason(Figure(name: "ragged", panel: Panel(series: [.heatMap([[1, 2], [3]])])))?
            .contains("not rectangular") == true)
        #expect(reason(Figure(name: "../escape", panel: Panel(series: [.line(sigma)]))) != nil)
        #expect(reason(Figure(name: "", panel: Panel(series: [.line(sigma)]))) != nil)
        #expect(reason(Figure(name: "empty", panel: Panel(series: []))) != nil)
        #expect(reason(Figure(name: "bars", panel: Panel(series: [.bars([1, 2], labels: ["a"])]))) != nil)
        #expect(reason(Figure(name: "log-image", panel: Panel(y: .log(), series: [.picture([[0]])]))) != nil)
        let crowded = Figure(name: "crowded", rows: 1, columns: 2,
                             panels: Array(repeating: Panel(series: [.line(sigma)]), count: 3))
        #expect(reason(crowded)?.contains("do not fit") == true)

        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: PlotError.self) {
            try GnuplotRenderer().render(Figure(name: "bad", panel: Panel(series: [.line([1], [])])), in: directory)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    // MARK: - Without gnuplot

    @Test func missingGnuplotWritesTheScriptAndSaysHowToInstallIt() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let renderer = GnuplotRenderer(executable: directory.appendingPathComponent("no-such-gnuplot"))
        #expect(!renderer.isAvailable)

        let figure = Figure(name: "spectrum", panel: Panel(series: [.line(sigma)]))
        let outcome = try renderer.render(figure, formats: [.png, .svg], in: directory)

        guard case .scriptOnly(let script, let reason) = outcome else {
            Issue.record("expected scriptOnly, got \(outcome)")
            return
        }
        #expect(script.lastPathComponent == "spectrum.gp")
        #expect(try String(contentsOf: script, encoding: .utf8) == GnuplotScript(figure, formats: [.png, .svg]).text)
        #expect(reason.contains("apt-get install gnuplot-nox"))
        #expect(!reason.contains("\n"))
        #expect(outcome.images.isEmpty)
        #expect(outcome.summary.contains("spectrum.gp"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["spectrum.gp"])
    }

    @Test func gnuplotIsFoundThroughTheOverrideOrThePath() throws {
        #expect(GnuplotRenderer.locate(environment: ["GNUPLOT": "/opt/x/gnuplot", "PATH": "/usr/bin"])?.path
                == "/opt/x/gnuplot")
        #expect(GnuplotRenderer.locate(environment: ["PATH": ""]) == nil)

        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fake = directory.appendingPathComponent("gnuplot")
        try "#!/bin/sh\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        #expect(GnuplotRenderer.locate(environment: ["PATH": "/nonexistent:\(directory.path)"])?.path == fake.path)
    }

    // MARK: - Errors

    /// A directory that cannot be made gives one clean line naming the path and the reason,
    /// not Foundation's `Error Domain=NSCocoaErrorDomain Code=… UserInfo={…}`.
    @Test func unwritableDirectoryIsReportedInOneCleanLine() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("a-file")
        try "not a directory\n".write(to: file, atomically: true, encoding: .utf8)
        let target = file.appendingPathComponent("plots")
        let renderer = GnuplotRenderer(executable: directory.appendingPathComponent("no-such-gnuplot"))
        do {
            try renderer.render(Figure(name: "spectrum", panel: Panel(series: [.line(sigma)])), in: target)
            Issue.record("rendering into \(target.path) succeeded")
        } catch {
            #expect(error.description == "Cannot write \(target.path): a part of the path is not a directory")
            #expect(!error.description.contains("\n"))
            #expect(!error.description.contains("Domain"))
        }
    }

    /// Foundation's file errors, with and without a POSIX cause, become a few plain words.
    @Test func fileSystemErrorsBecomePlainReasons() {
        func cocoa(_ code: Int, posix: Int32? = nil) -> NSError {
            NSError(domain: NSCocoaErrorDomain, code: code, userInfo: posix.map {
                [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int($0))]
            } ?? [:])
        }
        #expect(FileSystemReason.describe(cocoa(4, posix: ENOENT)) == "no such file or directory")
        #expect(FileSystemReason.describe(cocoa(513, posix: EACCES)) == "permission denied")
        #expect(FileSystemReason.describe(cocoa(512, posix: ENOTDIR)) == "a part of the path is not a directory")
        #expect(FileSystemReason.describe(cocoa(642)) == "read-only file system")
        #expect(FileSystemReason.describe(cocoa(513)) == "permission denied")
        #expect(FileSystemReason.describe(cocoa(4)) == "no such file or directory")
        #expect(FileSystemReason.describe(NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS))) == "read-only file system")
        #expect(FileSystemReason.describe(errno: ENOSPC) == "no space left on device")
        // An errno without a phrase of its own: the C library's text, starting lower-case.
        #expect(FileSystemReason.describe(errno: EMLINK) == "too many links")
        // Anything else: one line, never "(null)".
        let other = FileSystemReason.describe(cocoa(512))
        #expect(!other.contains("\n") && other != "(null)" && !other.isEmpty)
    }

    // MARK: - Atomic writes

    @Test func anExistingFileIsReplacedOnlyOnceTheNewOneIsComplete() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("figure.gp")
        try AtomicFile.write("old content\n", to: file)

        try AtomicFile.write(to: file) { (handle: FileHandle) throws in
            handle.write(Data("new ".utf8))
            // Half-way through, the destination still holds the complete old file.
            #expect(try String(contentsOf: file, encoding: .utf8) == "old content\n")
            handle.write(Data("content\n".utf8))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "new content\n")

        struct Interrupted: Error {}
        #expect(throws: PlotError.self) {
            try AtomicFile.write(to: file) { handle in
                handle.write(Data("partial".utf8))
                throw Interrupted()
            }
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "new content\n")
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["figure.gp"])
    }

    // MARK: - With gnuplot

    @Test(.enabled(if: gnuplotAvailable, "gnuplot is not installed: apt-get install gnuplot-nox"))
    func rendersPNGAndSVG() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let figure = Figure(name: "spectrum", title: "Singular values", panel: Panel(
            x: Axis("k"), y: .log("σ_k"), series: [.linesPoints(sigma + [0, .nan], title: "σ_k")]))

        let outcome = try GnuplotRenderer().render(figure, formats: [.png, .svg], in: directory)

        guard case .rendered(let images, let script, _) = outcome else {
            Issue.record("expected rendered, got \(outcome)")
            return
        }
        #expect(images.map(\.lastPathComponent) == ["spectrum.png", "spectrum.svg"])
        #expect(script.lastPathComponent == "spectrum.gp")
        let png = try Data(contentsOf: directory.appendingPathComponent("spectrum.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(png.count > 5_000 && png.count < 2_000_000, "PNG of \(png.count) bytes")
        // Width and height are the first fields of the IHDR chunk, big-endian, at offset 16.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 800 && height == 500)
        let svg = try String(contentsOf: directory.appendingPathComponent("spectrum.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<svg") && svg.contains("</svg>"))
        // Only the script and the images: no staging directory or temporary file is left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
                == ["spectrum.gp", "spectrum.png", "spectrum.svg"])
    }

    @Test(.enabled(if: gnuplotAvailable, "gnuplot is not installed: apt-get install gnuplot-nox"))
    func aGridOfEveryKindOfSeriesRenders() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let t = (0...64).map { Double($0) / 64 * 2 * .pi }
        let figure = Figure(name: "everything", title: "All series", rows: 2, columns: 2, panels: [
            Panel(y: .log(), series: [.linesPoints(sigma, title: "σ_k")]),
            Panel(series: Series.scatter(x: [1, 2, 3], y: [3, 1, 2], groups: ["a", "b", "a"])
                  + [.bars([1, 2, 3], labels: ["x", "y", "z"])]),
            Panel(series: [.heatMap([[1, -1], [0.5, 0]], palette: .diverging)]),
            Panel(aspect: .equal, series: [.line(t.map(cos), t.map(sin)),
                                           .arrows([Arrow(from: (0, 0), to: (1, 0), label: "v_1")])]),
        ])
        let outcome = try GnuplotRenderer().render(figure, in: directory)
        #expect(outcome.images.map(\.lastPathComponent) == ["everything.png"])
    }

    @Test(.enabled(if: gnuplotAvailable, "gnuplot is not installed: apt-get install gnuplot-nox"))
    func aRejectedScriptIsATypedErrorNamingTheScriptAndKeepsTheOldImage() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let renderer = GnuplotRenderer()
        let good = Figure(name: "broken", panel: Panel(series: [.line(sigma)]))
        try renderer.render(good, in: directory)
        let image = directory.appendingPathComponent("broken.png")
        let before = try Data(contentsOf: image)

        // gnuplot knows no such colour and stops at that line.
        let bad = Figure(name: "broken", panel: Panel(series: [.line(sigma, color: "no-such-colour")]))
        do {
            try renderer.render(bad, in: directory)
            Issue.record("gnuplot accepted an unknown colour")
        } catch {
            guard case .gnuplotFailed(let script, let status, let message) = error else {
                Issue.record("expected gnuplotFailed, got \(error)")
                return
            }
            #expect(script.lastPathComponent == "broken.gp")
            #expect(status != 0)
            #expect(message.contains("broken.gp"), "gnuplot's message: \(message)")
            #expect(error.description.contains("broken.gp"))
            // One line: gnuplot's error line, without the echoed command and its caret.
            #expect(!error.description.contains("\n") && error.description.contains("line "), "\(error.description)")
        }
        // The failed run left the previous image whole, and the script to be fixed by hand.
        #expect(try Data(contentsOf: image) == before)
        #expect(try String(contentsOf: directory.appendingPathComponent("broken.gp"), encoding: .utf8)
                .contains("no-such-colour"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
                == ["broken.gp", "broken.png"])
    }

    @Test(.enabled(if: gnuplotAvailable, "gnuplot is not installed: apt-get install gnuplot-nox"))
    func aWrittenScriptRedrawsItsImageNextToItselfFromAnyDirectory() throws {
        let directory = try makeTemporaryDirectory()
        let elsewhere = try makeTemporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let renderer = GnuplotRenderer(executable: URL(fileURLWithPath: "/nonexistent/gnuplot"))
        let outcome = try renderer.render(Figure(name: "standalone", panel: Panel(series: [.line(sigma)])),
                                          in: directory)

        // What a student does: `gnuplot path/to/standalone.gp`, from some other directory.
        let gnuplot = GnuplotRenderer().executable
        try #require(gnuplot != nil)
        let process = Process()
        process.executableURL = gnuplot
        process.arguments = [outcome.script.path]
        process.currentDirectoryURL = elsewhere
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()

        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("standalone.png").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }
}
