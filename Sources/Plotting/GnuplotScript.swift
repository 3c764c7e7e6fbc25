/// The gnuplot script that draws a figure: text only, no files and no processes.
///
/// The script is self-contained, so that a student can open it, change it and run it again:
///
/// - the data of every series is inside it, as an inline data block (`$series1 << EOD … EOD`);
/// - it sets the terminal itself (gnuplot-nox has no usable default terminal);
/// - it writes its images *next to itself*, whatever the working directory, so that
///   `gnuplot plots/spectrum.gp` and `cd plots && gnuplot spectrum.gp` both work.
///
/// For each requested ``ImageFormat`` the script sets the terminal and output, then draws the
/// figure from a clean state (`reset`); the data blocks are written once and shared.
///
/// ```swift
/// let script = try GnuplotScript(figure, formats: [.png, .svg])
/// print(script.text)   // what `<name>.gp` will contain
/// ```
public struct GnuplotScript: Sendable, Equatable {
    /// The name of the gnuplot variable that holds the directory the images are written to,
    /// ending in `/` (or empty for the working directory). The script gives it a value only
    /// if it has none, so `gnuplot -e "outdir='elsewhere/'" name.gp` writes the images elsewhere.
    public static let outputDirectoryVariable = "outdir"

    /// The figure this script draws.
    public let figure: Figure
    /// The formats this script writes, in order, without repetitions.
    public let formats: [ImageFormat]
    /// The script.
    public let text: String

    /// The script for `figure`, writing one image per format.
    ///
    /// - Parameters:
    ///   - figure: the figure to draw; validated first (``Figure/validate()``).
    ///   - formats: the images the script writes, PNG by default; repetitions are dropped.
    /// - Throws: ``PlotError/invalidFigure(name:reason:)`` when the figure cannot be drawn or
    ///   no format is given.
    public init(_ figure: Figure, formats: [ImageFormat] = [.png]) throws(PlotError) {
        try figure.validate()
        var unique: [ImageFormat] = []
        for format in formats where !unique.contains(format) { unique.append(format) }
        guard !unique.isEmpty else {
            throw .invalidFigure(name: figure.name, reason: "no image format was requested")
        }
        self.figure = figure
        self.formats = unique
        self.text = ScriptWriter(figure: figure, formats: unique).write()
    }

    /// The file name of the script for a figure named `name`: `<name>.gp`.
    ///
    /// - Parameter name: the figure's ``Figure/name``.
    /// - Returns: `name` followed by `.gp`.
    public static func fileName(for name: String) -> String { name + ".gp" }

    /// The file names of the images this script writes, one per format.
    public var imageFileNames: [String] { formats.map { $0.fileName(for: figure.name) } }
}

/// An image format gnuplot can write without a display.
public enum ImageFormat: String, Sendable, Equatable, CaseIterable {
    /// A bitmap, drawn by the anti-aliasing cairo library (`pngcairo`).
    case png
    /// A vector image, which stays sharp at any zoom.
    case svg

    /// `<name>.png` or `<name>.svg`.
    ///
    /// - Parameter name: the figure's ``Figure/name``.
    /// - Returns: `name` followed by this format's extension.
    public func fileName(for name: String) -> String { name + "." + rawValue }

    /// The `set terminal` line for an image of `size`, with an 11-point sans-serif font and
    /// enhanced text (sub- and superscripts).
    func terminal(size: PixelSize) -> String {
        switch self {
        case .png:
            return "set terminal pngcairo size \(size.width),\(size.height) enhanced font 'Sans,11'"
        case .svg:
            return "set terminal svg size \(size.width),\(size.height) dynamic enhanced "
                + "font 'Sans,11' background '#ffffff'"
        }
    }
}

/// Builds the text of a ``GnuplotScript`` line by line. The figure has been validated.
private struct ScriptWriter {
    let figure: Figure
    let formats: [ImageFormat]
    private var lines: [String] = []

    init(figure: Figure, formats: [ImageFormat]) {
        self.figure = figure
        self.formats = formats
    }

    /// The name of the data block of series `s` of panel `p` (both zero-based). A single-panel
    /// figure drops the panel number, which makes the common case easier to read.
    func blockName(panel p: Int, series s: Int) -> String {
        figure.panels.count == 1 ? "$series\(s + 1)" : "$panel\(p + 1)_series\(s + 1)"
    }

    consuming func write() -> String {
        let name = figure.name
        let dir = GnuplotScript.outputDirectoryVariable
        lines += [
            "# \(GnuplotScript.fileName(for: name)): draws \(formats.map { $0.fileName(for: name) }.joined(separator: " and ")).",
            "# Written by the SVD Lab Plotting module. Change it and run it again with",
            "#     gnuplot path/to/\(GnuplotScript.fileName(for: name))",
            "# from any directory: the images are written next to this script.",
            "",
        ]
        writeDataBlocks()
        lines += [
            "# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory",
            "# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive",
            "# function. Set \(dir) before running the script to write the images elsewhere.",
            "last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))",
            "if (!exists(\"\(dir)\")) \(dir) = ARG0[1:last_slash(ARG0, strlen(ARG0))]",
            "",
        ]
        for format in formats {
            lines += [
                "# ---- \(format.rawValue.uppercased()) ----",
                format.terminal(size: figure.size),
                "set output \(dir).\(GnuplotSyntax.quoted(format.fileName(for: name)))",
            ]
            writeFigure()
            lines += ["unset output", ""]
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Data

    private mutating func writeDataBlocks() {
        lines.append("# ---- Data: one block per series; NaN marks a missing value ----")
        for (p, panel) in figure.panels.enumerated() {
            for (s, series) in panel.series.enumerated() {
                lines.append("\(blockName(panel: p, series: s)) << EOD")
                lines += dataLines(series.content)
                lines += ["EOD", ""]
            }
        }
    }

    /// The rows of a series' data block, numbers separated by spaces.
    private func dataLines(_ content: Series.Content) -> [String] {
        let n = GnuplotSyntax.number
        switch content {
        case .xy(let xs, let ys, _):
            return zip(xs, ys).map { "\(n($0)) \(n($1))" }
        case .bars(let values, _):
            return values.enumerated().map { "\($0.offset + 1) \(n($0.element))" }
        case .heatMap(let matrix, _), .picture(let matrix):
            // gnuplot's `matrix` format: one line per row, row 0 first.
            return matrix.map { row in row.map(n).joined(separator: " ") }
        case .colorPicture(let red, let green, let blue):
            // `rgbimage` reads x, y and the three levels 0…255 of each pixel, one pixel a line.
            func level(_ value: Double) -> Int { value.isFinite ? Int((min(max(value, 0), 1) * 255).rounded()) : 0 }
            return red.indices.flatMap { i in
                red[i].indices.map { j in "\(j) \(i) \(level(red[i][j])) \(level(green[i][j])) \(level(blue[i][j]))" }
            }
        case .arrows(let arrows):
            // `with vectors` reads the tail and the displacement to the head.
            return arrows.map { a in
                "\(n(a.tailX)) \(n(a.tailY)) \(n(a.headX - a.tailX)) \(n(a.headY - a.tailY))"
            }
        }
    }

    // MARK: - Drawing

    private mutating func writeFigure() {
        let single = figure.panels.count == 1
        // A single panel with at most one title is an ordinary plot; otherwise gnuplot's
        // multiplot arranges the panels and carries the figure's title above them.
        if single && (figure.title == nil || figure.panels[0].title == nil) {
            writePanel(0, title: figure.panels[0].title ?? figure.title)
            return
        }
        var layout = "set multiplot layout \(figure.grid.rows),\(figure.grid.columns) rowsfirst"
        if let title = figure.title { layout += " title \(GnuplotSyntax.quoted(title)) font ',13'" }
        lines.append(layout)
        for p in figure.panels.indices {
            lines.append("# Panel \(p + 1)")
            writePanel(p, title: figure.panels[p].title)
        }
        lines.append("unset multiplot")
    }

    private mutating func writePanel(_ p: Int, title: String?) {
        let panel = figure.panels[p]
        // Start each panel from gnuplot's defaults, so no setting leaks from the panel before.
        lines.append("reset")
        if let title { lines.append("set title \(GnuplotSyntax.quoted(title))") }
        if let label = panel.x.label { lines.append("set xlabel \(GnuplotSyntax.quoted(label))") }
        if let label = panel.y.label { lines.append("set ylabel \(GnuplotSyntax.quoted(label))") }
        writeScale(panel.x, axis: "x")
        writeScale(panel.y, axis: "y")
        writeKey(panel.key)
        if panel.aspect == .equal { lines.append("set size ratio -1") }

        let drawable = DrawablePoints(panel)
        if let matrix = panel.matrixSeries {
            writeMatrixSettings(matrix, panel: panel)
        } else {
            if panel.showsGrid { lines.append("set grid") }
            writeRange(panel.x, name: "x", values: drawable.xs)
            writeRange(panel.y, name: "y", values: drawable.ys)
        }
        writeBarSettings(panel)
        writeArrowLabels(panel)
        for note in panel.notes where note.x.isFinite && note.y.isFinite {
            lines.append("set label \(GnuplotSyntax.quoted(note.text)) at "
                         + "\(GnuplotSyntax.number(note.x)),\(GnuplotSyntax.number(note.y)) center offset 0,0.8 front")
        }

        // Series with no drawable point are left out: gnuplot would stop at them.
        let elements = panel.series.indices.filter(drawable.hasPoints).map { s in
            plotElement(panel.series[s], block: blockName(panel: p, series: s))
        }
        guard !elements.isEmpty else {
            let log = panel.x.scale != .linear || panel.y.scale != .linear
            let reason = log ? "no positive value to draw on a log scale" : "no finite value to draw"
            lines += ["unset logscale", "set format x '%g'", "set format y '%g'", "unset tics",
                      "set xrange [0:1]", "set yrange [0:1]", "unset key",
                      "set label \(GnuplotSyntax.quoted(reason)) at graph 0.5, 0.5 center",
                      "plot NaN notitle"]
            return
        }
        lines.append("plot " + elements.joined(separator: ", \\\n     "))
    }

    /// The axis range: the one the figure fixes, or, when every drawable point shares one
    /// value (one point, a constant series), a range around it (gnuplot refuses an empty one).
    private mutating func writeRange(_ axis: Axis, name: String, values: [Double]) {
        var range = axis.range
        if range == nil, let first = values.first, values.allSatisfy({ $0 == first }) {
            range = DrawablePoints.widened(first, log: axis.scale != .linear)
        }
        if let range { lines.append("set \(name)range [\(range.lowerBound):\(range.upperBound)]") }
    }

    private mutating func writeScale(_ axis: Axis, axis name: String) {
        guard case .log(let base) = axis.scale else { return }
        let baseText = GnuplotSyntax.number(base)
        lines.append("set logscale \(name) \(baseText)")
        // %L is the exponent in the log base of the axis: tics read 10^{-8}, not 1e-08.
        if base == base.rounded() {
            lines.append("set format \(name) \"\(Int(base))^{%L}\"")
        }
    }

    private mutating func writeKey(_ key: KeyPosition) {
        switch key {
        case .topRight: lines.append("set key top right")
        case .topLeft: lines.append("set key top left")
        case .bottomRight: lines.append("set key bottom right")
        case .bottomLeft: lines.append("set key bottom left")
        case .outsideRight: lines.append("set key outside right top")
        case .hidden: lines.append("unset key")
        }
    }

    /// Axis ranges, tics and palette for a panel that shows a matrix.
    private mutating func writeMatrixSettings(_ series: Series, panel: Panel) {
        let matrix: [[Double]]
        switch series.content {
        case .heatMap(let m, _), .picture(let m), .colorPicture(let m, _, _): matrix = m
        default: return
        }
        let rows = matrix.count, columns = matrix[0].count
        // Cell (i, j) is centred on (j, i), so the cells span -0.5 … n - 0.5. gnuplot puts row 0
        // at the bottom; the reversed y range puts it at the top, as the matrix is printed.
        let x = panel.x.range ?? -0.5...(Double(columns) - 0.5)
        let y = panel.y.range ?? -0.5...(Double(rows) - 0.5)
        lines.append("set xrange [\(x.lowerBound):\(x.upperBound)]")
        lines.append("set yrange [\(y.upperBound):\(y.lowerBound)]  # reversed: row 0 at the top")

        switch series.content {
        case .colorPicture:
            lines += [
                "unset colorbox",
                "unset tics",
                "unset border",
                "set size ratio -1  # square pixels",
            ]
        case .picture:
            lines += [
                "set palette gray",
                "set cbrange [0:1]",
                "unset colorbox",
                "unset tics",
                "unset border",
                "set size ratio -1  # square pixels",
            ]
        case .heatMap(_, let palette):
            // About ten integer tics per axis, whatever the size of the matrix.
            lines.append("set xtics 0,\(max(1, (columns + 9) / 10)) out nomirror")
            lines.append("set ytics 0,\(max(1, (rows + 9) / 10)) out nomirror")
            switch palette {
            case .sequential:
                break
            case .gray:
                lines.append("set palette gray")
            case .diverging:
                let largest = matrix.joined().filter(\.isFinite).map(abs).max() ?? 0
                let bound = largest > 0 ? largest : 1
                lines.append("set palette defined (-1 '#2166ac', 0 '#ffffff', 1 '#b2182b')")
                lines.append("set cbrange [-\(GnuplotSyntax.number(bound)):\(GnuplotSyntax.number(bound))]  # white is 0")
            }
        default:
            break
        }
    }

    /// Bar style, labels under the bars and an x range that shows the outer bars whole.
    private mutating func writeBarSettings(_ panel: Panel) {
        var count = 0
        var labels: [String]?
        for series in panel.series {
            if case .bars(let values, let names) = series.content {
                count = max(count, values.count)
                labels = labels ?? names
            }
        }
        guard count > 0 else { return }
        lines += ["set style fill solid 0.85 border -1", "set boxwidth 0.8"]
        if let labels {
            let tics = labels.enumerated().map { "\(GnuplotSyntax.quoted($0.element)) \($0.offset + 1)" }
            lines.append("set xtics (\(tics.joined(separator: ", "))) nomirror")
        }
        if panel.x.range == nil { lines.append("set xrange [0.5:\(Double(count) + 0.5)]") }
    }

    private mutating func writeArrowLabels(_ panel: Panel) {
        for series in panel.series {
            guard case .arrows(let arrows) = series.content else { continue }
            for arrow in arrows {
                guard let label = arrow.label, arrow.headX.isFinite, arrow.headY.isFinite else { continue }
                let at = "\(GnuplotSyntax.number(arrow.headX)),\(GnuplotSyntax.number(arrow.headY))"
                lines.append("set label \(GnuplotSyntax.quoted(label)) at \(at) offset character 0.6,0.6 front")
            }
        }
    }

    /// One element of the `plot` command: the data block, how it is drawn, colour and title.
    private func plotElement(_ series: Series, block: String) -> String {
        let width = "lw \(GnuplotSyntax.number(series.lineWidth))"
        var element: String
        switch series.content {
        case .xy(_, _, .lines): element = "\(block) using 1:2 with lines \(width)"
        case .xy(_, _, .points): element = "\(block) using 1:2 with points pt 7 ps 1"
        case .xy(_, _, .linesPoints): element = "\(block) using 1:2 with linespoints \(width) pt 7 ps 1"
        case .bars: element = "\(block) using 1:2 with boxes"
        case .heatMap, .picture: element = "\(block) matrix with image"
        case .colorPicture: element = "\(block) using 1:2:3:4:5 with rgbimage"
        case .arrows: element = "\(block) using 1:2:3:4 with vectors head filled \(width)"
        }
        if let color = series.color, !series.isMatrix { element += " lc rgb \(GnuplotSyntax.quoted(color))" }
        element += series.title.map { " title \(GnuplotSyntax.quoted($0))" } ?? " notitle"
        return element
    }
}
