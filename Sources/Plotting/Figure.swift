/// A picture to be drawn: one panel, or a grid of panels, saved under one name.
///
/// A figure is plain data. Nothing is drawn until a ``GnuplotRenderer`` renders it; the same
/// figure can be turned into gnuplot text with ``GnuplotScript`` and inspected as a string.
///
/// ```swift
/// let spectrum = Figure(name: "hilbert-12-singular-values",
///                       panel: Panel(title: "Singular values of H₁₂",
///                                    x: Axis("k"), y: .log("σ_k"),
///                                    series: [.linesPoints(sigma, title: "σ_k")]))
/// // rendering writes plots/hilbert-12-singular-values.gp and .png
/// ```
///
/// The ``name`` becomes the file names (`<name>.gp`, `<name>.png`, `<name>.svg`), so choose one
/// that says what the picture shows: `pca-iris-by-species`, not `plot3`.
public struct Figure: Sendable, Equatable {
    /// The base name of every file written for this figure. Letters, digits, `-`, `_` and `.`
    /// only, not starting with `.`, so it is a valid and unsurprising file name everywhere.
    public var name: String
    /// The title above the whole figure (above all panels of a grid), or `nil` for none.
    public var title: String?
    /// The size of the image in pixels (SVG uses the same numbers as its size in points).
    public var size: PixelSize
    /// How many rows and columns of panels. A single-panel figure is a 1×1 grid.
    public var grid: GridShape
    /// The panels, filled into the grid row by row. There may be fewer panels than cells.
    public var panels: [Panel]

    /// A figure with a single panel.
    ///
    /// - Parameters:
    ///   - name: the base name of the files written; letters, digits, `-`, `_` and `.` only.
    ///   - title: the title above the figure, or `nil` for none.
    ///   - size: the image size in pixels, ``PixelSize/standard`` by default.
    ///   - panel: the one panel.
    public init(name: String, title: String? = nil, size: PixelSize = .standard, panel: Panel) {
        self.name = name
        self.title = title
        self.size = size
        self.grid = GridShape(rows: 1, columns: 1)
        self.panels = [panel]
    }

    /// A figure with a grid of panels (gnuplot's `multiplot`), filled row by row.
    ///
    /// The default size grows with the grid so that each panel stays readable.
    ///
    /// - Parameters:
    ///   - name: the base name of the files written; letters, digits, `-`, `_` and `.` only.
    ///   - title: the title above the whole figure, or `nil` for none.
    ///   - rows: the number of rows of panels.
    ///   - columns: the number of columns of panels.
    ///   - size: the image size in pixels, or `nil` for 480 pixels a column and 380 a row (at
    ///     least 800×500).
    ///   - panels: the panels, filled into the grid row by row; at most `rows`·`columns`.
    public init(name: String, title: String? = nil, rows: Int, columns: Int,
                size: PixelSize? = nil, panels: [Panel]) {
        self.name = name
        self.title = title
        self.grid = GridShape(rows: rows, columns: columns)
        self.size = size ?? PixelSize(width: max(800, 480 * columns), height: max(500, 380 * rows))
        self.panels = panels
    }
}

/// The size of a rendered image in pixels.
public struct PixelSize: Sendable, Equatable {
    /// The width in pixels.
    public var width: Int
    /// The height in pixels.
    public var height: Int

    /// A size of `width`×`height` pixels.
    ///
    /// - Parameters:
    ///   - width: the width in pixels.
    ///   - height: the height in pixels.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// 800×500: wide enough for a readable key and tic labels at an 11-point font.
    public static let standard = PixelSize(width: 800, height: 500)
    /// 600×600: for pictures and for plots drawn with equal axes (circles stay round).
    public static let square = PixelSize(width: 600, height: 600)
}

/// The number of rows and columns of panels in a figure.
public struct GridShape: Sendable, Equatable {
    /// The number of rows of panels.
    public var rows: Int
    /// The number of columns of panels.
    public var columns: Int

    /// A grid of `rows`×`columns` cells.
    ///
    /// - Parameters:
    ///   - rows: the number of rows of panels.
    ///   - columns: the number of columns of panels.
    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }
}
