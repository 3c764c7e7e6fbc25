/// One set of axes and what is drawn on them: a single plot, or one cell of a figure's grid.
///
/// ```swift
/// let panel = Panel(title: "Error against rank",
///                   x: Axis("rank k"), y: .log("‖A − A_k‖₂"),
///                   series: [.points(ranks, errors, title: "measured"),
///                            .line(ranks, eckartYoung, title: "σ_{k+1}")])
/// ```
///
/// Text (titles, labels, key entries) is read by gnuplot in *enhanced* mode: `x^2` is a
/// superscript, `σ_k` and `σ_{k+1}` are subscripts. A backslash makes the next character
/// literal: the Swift string `"train\\_set"` is shown as `train_set`.
public struct Panel: Sendable, Equatable {
    /// The title above this panel, or `nil` for none.
    public var title: String?
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// What is drawn, in order: later series are drawn over earlier ones.
    public var series: [Series]
    /// Where the key (legend) goes. Series without a title have no entry in it.
    public var key: KeyPosition
    /// Whether grid lines are drawn at the major tics. Panels that show a matrix
    /// (``Series/heatMap(_:palette:title:)``, ``Series/picture(_:title:)``) never draw them:
    /// lines across an image hide the image.
    public var showsGrid: Bool
    /// Whether one unit on x is as long as one unit on y.
    public var aspect: Aspect
    /// Text written at points of the panel, such as the value above a bar.
    public var notes: [Note]

    /// A panel drawing `series` on the axes `x` and `y`.
    ///
    /// - Parameters:
    ///   - title: the title above this panel, or `nil` for none.
    ///   - x: the horizontal axis.
    ///   - y: the vertical axis.
    ///   - key: where the key (legend) goes; top right by default.
    ///   - showsGrid: whether grid lines are drawn at the major tics.
    ///   - aspect: whether one unit on x is as long as one unit on y.
    ///   - notes: text written at points of the panel.
    ///   - series: what is drawn, in order; later series are drawn over earlier ones.
    public init(title: String? = nil, x: Axis = Axis(), y: Axis = Axis(),
                key: KeyPosition = .topRight, showsGrid: Bool = true, aspect: Aspect = .free,
                notes: [Note] = [], series: [Series]) {
        self.title = title
        self.x = x
        self.y = y
        self.key = key
        self.showsGrid = showsGrid
        self.aspect = aspect
        self.notes = notes
        self.series = series
    }
}

/// Where a panel's key (legend) is placed.
public enum KeyPosition: Sendable, Equatable {
    /// Inside the plotting area, in the top right corner.
    case topRight
    /// Inside the plotting area, in the top left corner.
    case topLeft
    /// Inside the plotting area, in the bottom right corner.
    case bottomRight
    /// Inside the plotting area, in the bottom left corner.
    case bottomLeft
    /// Right of the plotting area, so it never covers data.
    case outsideRight
    /// No key at all.
    case hidden
}

/// The relation between the lengths of the two axes.
public enum Aspect: Sendable, Equatable {
    /// The axes fill the panel, whatever their units.
    case free
    /// One unit on x has the length of one unit on y: a unit circle is drawn round and
    /// orthogonal vectors look orthogonal. Pictures are always drawn this way.
    case equal
}

/// A piece of text placed at a point of a panel, centred just above it: the value of a bar, the
/// name of a point. Non-finite coordinates leave the note out.
public struct Note: Sendable, Equatable {
    /// The text, read by gnuplot in enhanced mode like every label.
    public var text: String
    /// The horizontal coordinate of the point, in the units of the x axis.
    public var x: Double
    /// The vertical coordinate of the point, in the units of the y axis.
    public var y: Double

    /// A note reading `text`, centred just above the point (`x`, `y`).
    ///
    /// - Parameters:
    ///   - text: what is written.
    ///   - x: the horizontal coordinate of the point.
    ///   - y: the vertical coordinate of the point.
    public init(_ text: String, at x: Double, _ y: Double) {
        self.text = text
        self.x = x
        self.y = y
    }
}
