/// One thing drawn in a panel: a curve, a cloud of points, bars, a matrix, or arrows.
///
/// Build series with the static functions, which name what is drawn:
///
/// ```swift
/// .line(x, y, title: "cos")                 // a curve through (x[i], y[i])
/// .linesPoints(sigma, title: "σ_k")         // y against 1, 2, 3, … (the index k of σ_k)
/// .points(x, y)                             // markers only
/// Series.scatter(x: pc1, y: pc2, groups: species)   // one coloured series per group
/// .bars([0.62, 0.25, 0.13], labels: ["σ₁²", "σ₂²", "σ₃²"])
/// .heatMap(u, palette: .diverging)          // a matrix as coloured cells, row 0 at the top
/// .picture(pixels)                          // values in [0, 1] as a grayscale photo
/// .arrows([Arrow(from: (0, 0), to: (s1 * u1x, s1 * u1y), label: "σ_1u_1")])
/// ```
///
/// Data is kept as given. Values that are not finite (NaN, ±∞) are written to gnuplot as
/// `NaN`, which it treats as a missing point: the point is not drawn and a line is broken there.
public struct Series: Sendable, Equatable {
    /// What this series draws, with its data.
    public var content: Content
    /// The entry in the panel's key, or `nil` for no entry.
    public var title: String?
    /// A gnuplot colour: a name such as `"dark-red"` or `"#1f77b4"`. `nil` takes the next
    /// colour of gnuplot's default cycle, which is distinct for each series of a panel.
    public var color: String?
    /// The width of lines and arrow shafts, in multiples of gnuplot's thinnest line.
    public var lineWidth: Double

    /// A series drawing `content`.
    ///
    /// - Parameters:
    ///   - content: what is drawn, with its data.
    ///   - title: the entry in the panel's key, or `nil` for no entry.
    ///   - color: a gnuplot colour, or `nil` for the next one of gnuplot's default cycle.
    ///   - lineWidth: the width of lines and arrow shafts, in multiples of the thinnest line.
    public init(_ content: Content, title: String? = nil, color: String? = nil, lineWidth: Double = 2) {
        self.content = content
        self.title = title
        self.color = color
        self.lineWidth = lineWidth
    }

    /// The kinds of series, each with the data it needs.
    public enum Content: Sendable, Equatable {
        /// Points (x[i], y[i]) drawn as `mark`. `x` and `y` have the same length.
        case xy(x: [Double], y: [Double], mark: Mark)
        /// One bar per value at x = 1, 2, 3, …, labelled on the x axis with `labels` when given
        /// (as many labels as values).
        case bars(values: [Double], labels: [String]?)
        /// A matrix as a grid of coloured cells: entry (i, j) at column j, row i, with row 0 at
        /// the top as the matrix is printed. Every row has the same length.
        case heatMap(matrix: [[Double]], palette: Palette)
        /// A matrix of gray levels in [0, 1] (0 black, 1 white) drawn as a photo: row 0 at the
        /// top, square pixels, no axes. Values outside [0, 1] are shown as black or white.
        case picture(matrix: [[Double]])
        /// Three matrices of the same shape, the red, green and blue levels in [0, 1] of a colour
        /// photo: drawn like ``picture(matrix:)``, in colour.
        case colorPicture(red: [[Double]], green: [[Double]], blue: [[Double]])
        /// Arrows, each from a tail to a head, optionally labelled at the head.
        case arrows([Arrow])
    }

    /// How the points of an x–y series are drawn.
    public enum Mark: Sendable, Equatable {
        /// A line through the points, without markers.
        case lines
        /// A marker at each point, not joined.
        case points
        /// A marker at each point, joined by a line.
        case linesPoints
    }

    // MARK: - Curves and points

    /// A curve through the points (x[i], y[i]).
    ///
    /// - Parameters:
    ///   - x: the horizontal coordinates.
    ///   - y: the vertical coordinates, as many as `x`.
    ///   - title: the entry in the panel's key, or `nil` for none.
    ///   - color: a gnuplot colour, or `nil` for the next one of the default cycle.
    ///   - lineWidth: the width of the line, in multiples of the thinnest line.
    /// - Returns: a series of ``Series/Mark/lines``.
    public static func line(_ x: [Double], _ y: [Double], title: String? = nil,
                            color: String? = nil, lineWidth: Double = 2) -> Series {
        Series(.xy(x: x, y: y, mark: .lines), title: title, color: color, lineWidth: lineWidth)
    }

    /// A curve through (1, y[0]), (2, y[1]), …: values against their 1-based index, as σ_k
    /// against k.
    ///
    /// - Parameters:
    ///   - y: the values, drawn at x = 1, 2, 3, …
    ///   - title: the entry in the panel's key, or `nil` for none.
    ///   - color: a gnuplot colour, or `nil` for the next one of the default cycle.
    ///   - lineWidth: the width of the line, in multiples of the thinnest line.
    /// - Returns: a series of ``Series/Mark/lines``.
    public static func line(_ y: [Double], title: String? = nil,
                            color: String? = nil, lineWidth: Double = 2) -> Series {
        line(oneBasedIndices(y.count), y, title: title, color: color, lineWidth: lineWidth)
    }

    /// Markers at the points (x[i], y[i]), not joined.
    ///
    /// - Parameters:
    ///   - x: the horizontal coordinates.
    ///   - y: the vertical coordinates, as many as `x`.
    ///   - title: the entry in the panel's key, or `nil` for none.
    ///   - color: a gnuplot colour, or `nil` for the next one of the default cycle.
    /// - Returns: a series of ``Series/Mark/points``.
    public static func points(_ x: [Double], _ y: [Double], title: String? = nil,
                              color: String? = nil) -> Series {
        Series(.xy(x: x, y: y, mark: .points), title: title, color: color)
    }

    /// Markers joined by a line: the usual way to show a short sequence such as a spectrum.
    ///
    /// - Parameters:
    ///   - x: the horizontal coordinates.
    ///   - y: the vertical coordinates, as many as `x`.
    ///   - title: the entry in the panel's key, or `nil` for none.
    ///   - color: a gnuplot colour, or `nil` for the next one of the default cycle.
    ///   - lineWidth: the width of the line, in multiples of the thinnest line.
    /// - Returns: a series of ``Series/Mark/linesPoints``.
    public static func linesPoints(_ x: [Double], _ y: [Double], title: String? = nil,
                                   color: String? = nil, lineWidth: Double = 2) -> Series {
        Series(.xy(x: x, y: y, mark: .linesPoints), title: title, color: color, lineWidth: lineWidth)
    }

    /// Markers joined by a line, against the 1-based index: (1, y[0]), (2, y[1]), …
    ///
    /// - Parameters:
    ///   - y: the values, drawn at x = 1, 2, 3, …
    ///   - title: the entry in the panel's key, or `nil` for none.
    ///   - color: a gnuplot colour, or `nil` for the next one of the default cycle.
    ///   - lineWidth: the width of the line, in multiples of the thinnest line.
    /// - Returns: a series of ``Series/Mark/linesPoints``.
    public static func linesPoints(_ y: [Double], title: String? = nil,
                                   color: String? = nil, lineWidth: Double = 2) -> Series {
        linesPoints(oneBasedIndices(y.count), y, title: title, color: color, lineWidth: lineWidth)
    }

    /// A scatter plot coloured by group: one ``points(_:_:title:color:)`` series per distinct
    /// group, titled with the group's name, in the order in which the groups first appear.
    ///
    /// ```swift
    /// panel.series += Series.scatter(x: [1, 2, 3], y: [1, 4, 9], groups: ["a", "b", "a"])
    /// // two series: "a" with (1,1), (3,9); "b" with (2,4)
    /// ```
    ///
    /// - Parameters:
    ///   - x: the horizontal coordinates.
    ///   - y: the vertical coordinates.
    ///   - groups: the group of each point.
    /// - Returns: one series per distinct group, in order of first appearance.
    /// - Precondition: `x`, `y` and `groups` have the same length.
    public static func scatter(x: [Double], y: [Double], groups: [String]) -> [Series] {
        precondition(x.count == y.count && y.count == groups.count,
                     "scatter needs as many x, y and groups, got \(x.count), \(y.count), \(groups.count)")
        var order: [String] = []
        var members: [String: (x: [Double], y: [Double])] = [:]
        for (i, group) in groups.enumerated() {
            if members[group] == nil { order.append(group) }
            members[group, default: ([], [])].x.append(x[i])
            members[group, default: ([], [])].y.append(y[i])
        }
        return order.map { group in
            let points = members[group]!
            return .points(points.x, points.y, title: group)
        }
    }

    // MARK: - Bars

    /// One bar per value at x = 1, 2, 3, …, with optional labels under the bars.
    ///
    /// - Parameters:
    ///   - values: the heights of the bars.
    ///   - labels: the text under each bar, or `nil` for numbered tics.
    ///   - title: the entry in the panel's key, or `nil` for none.
    ///   - color: a gnuplot colour, or `nil` for the next one of the default cycle.
    /// - Returns: a series of bars.
    /// - Precondition: when given, `labels` has one label per value (checked when rendering).
    public static func bars(_ values: [Double], labels: [String]? = nil, title: String? = nil,
                            color: String? = nil) -> Series {
        Series(.bars(values: values, labels: labels), title: title, color: color, lineWidth: 1)
    }

    // MARK: - Matrices

    /// A matrix as coloured cells, row 0 at the top, with a colour box giving the scale.
    ///
    /// `matrix` is a list of rows, as one writes a matrix on paper.
    ///
    /// - Parameters:
    ///   - matrix: the rows, each of the same length.
    ///   - palette: how values become colours; sequential by default.
    ///   - title: the entry in the panel's key, or `nil` for none.
    /// - Returns: a heat-map series.
    public static func heatMap(_ matrix: [[Double]], palette: Palette = .sequential,
                               title: String? = nil) -> Series {
        Series(.heatMap(matrix: matrix, palette: palette), title: title)
    }

    /// A grayscale picture: entries in [0, 1], 0 black and 1 white, row 0 at the top as in a
    /// photo.
    ///
    /// - Parameters:
    ///   - matrix: the rows of gray levels, each of the same length.
    ///   - title: the entry in the panel's key, or `nil` for none.
    /// - Returns: a picture series.
    public static func picture(_ matrix: [[Double]], title: String? = nil) -> Series {
        Series(.picture(matrix: matrix), title: title)
    }

    /// A colour picture: three matrices of red, green and blue levels in [0, 1], row 0 at the top.
    /// Values outside [0, 1] are clipped, as when the picture is saved.
    ///
    /// - Parameters:
    ///   - red: the rows of red levels.
    ///   - green: the rows of green levels, of the same shape.
    ///   - blue: the rows of blue levels, of the same shape.
    ///   - title: the entry in the panel's key, or `nil` for none.
    /// - Returns: a colour picture series.
    public static func colorPicture(red: [[Double]], green: [[Double]], blue: [[Double]],
                                    title: String? = nil) -> Series {
        Series(.colorPicture(red: red, green: green, blue: blue), title: title)
    }

    // MARK: - Arrows

    /// Arrows drawn as vectors from their tails to their heads, with filled heads.
    ///
    /// - Parameters:
    ///   - arrows: the arrows.
    ///   - title: the entry in the panel's key, or `nil` for none.
    ///   - color: a gnuplot colour, or `nil` for the next one of the default cycle.
    ///   - lineWidth: the width of the shafts, in multiples of the thinnest line.
    /// - Returns: a series of arrows.
    public static func arrows(_ arrows: [Arrow], title: String? = nil, color: String? = nil,
                              lineWidth: Double = 2) -> Series {
        Series(.arrows(arrows), title: title, color: color, lineWidth: lineWidth)
    }

    /// 1, 2, …, n as Doubles.
    private static func oneBasedIndices(_ n: Int) -> [Double] {
        (0..<n).map { Double($0 + 1) }
    }
}

/// How the values of a heat map are turned into colours.
public enum Palette: Sendable, Equatable {
    /// Dark to light through blue, red and yellow (gnuplot's default): for values of one sign,
    /// such as magnitudes.
    case sequential
    /// Blue for negative, white for zero, red for positive, on a range symmetric about zero so
    /// that white always means 0: for signed entries such as those of U and V.
    case diverging
    /// Black (smallest) to white (largest).
    case gray
}

/// An arrow from a tail point to a head point, with an optional label at its head.
///
/// ```swift
/// Arrow(from: (0, 0), to: (2.0, 0.5), label: "σ_1 u_1")
/// ```
public struct Arrow: Sendable, Equatable {
    /// The horizontal coordinate of the tail (where the arrow starts).
    public var tailX: Double
    /// The vertical coordinate of the tail.
    public var tailY: Double
    /// The horizontal coordinate of the head (where the arrow points).
    public var headX: Double
    /// The vertical coordinate of the head.
    public var headY: Double
    /// Text written just beyond the head, or `nil`.
    public var label: String?

    /// An arrow from `tail` to `head`.
    ///
    /// - Parameters:
    ///   - tail: the point where the arrow starts.
    ///   - head: the point the arrow points to.
    ///   - label: text written just beyond the head, or `nil`.
    public init(from tail: (x: Double, y: Double), to head: (x: Double, y: Double), label: String? = nil) {
        self.tailX = tail.x
        self.tailY = tail.y
        self.headX = head.x
        self.headY = head.y
        self.label = label
    }
}
