/// The checks made before anything is written, so that a figure gnuplot cannot draw is reported
/// in Swift's terms ("x has 10 values, y has 9") rather than as a gnuplot message about line 37.
extension Figure {
    /// Checks that gnuplot can draw this figure: a valid ``name``, panels that fit the grid,
    /// series whose data have matching lengths.
    ///
    /// - Throws: ``PlotError/invalidFigure(name:reason:)`` naming the first problem found.
    public func validate() throws(PlotError) {
        func fail(_ reason: String) -> PlotError { .invalidFigure(name: name, reason: reason) }

        guard Figure.isValidName(name) else {
            throw fail("the name must be non-empty, use only letters, digits, '-', '_' and '.', "
                       + "and not start with '.'")
        }
        guard size.width > 0, size.height > 0 else {
            throw fail("the size must be positive, got \(size.width)×\(size.height)")
        }
        guard grid.rows > 0, grid.columns > 0 else {
            throw fail("the grid must have at least one row and one column, got \(grid.rows)×\(grid.columns)")
        }
        guard !panels.isEmpty else { throw fail("it has no panels") }
        guard panels.count <= grid.rows * grid.columns else {
            throw fail("\(panels.count) panels do not fit in a \(grid.rows)×\(grid.columns) grid")
        }
        for (p, panel) in panels.enumerated() {
            let place = panels.count == 1 ? "" : "panel \(p + 1): "
            try panel.validate(fail: { fail(place + $0) })
        }
    }

    /// Whether `name` can be used as the base of a file name on every common file system.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != "." else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                               || scalar == "-" || scalar == "_" || scalar == ".")
        }
    }
}

extension Panel {
    func validate(fail: (String) -> PlotError) throws(PlotError) {
        guard !series.isEmpty else { throw fail("it has no series") }
        for axis in [x, y] {
            if case .log(let base) = axis.scale, !(base > 1) {
                throw fail("a log scale needs a base greater than 1, got \(base)")
            }
            if let range = axis.range, !(range.lowerBound.isFinite && range.upperBound.isFinite
                                         && range.lowerBound < range.upperBound) {
                throw fail("an axis range must be finite and not empty, got \(range)")
            }
        }
        let matrices = series.filter(\.isMatrix).count
        guard matrices <= 1 else {
            throw fail("it shows \(matrices) matrices; a panel shows at most one (gnuplot has one "
                       + "colour scale per panel): put each in its own panel")
        }
        if matrices == 1, x.scale != .linear || y.scale != .linear {
            throw fail("a panel that shows a matrix needs linear axes: its axes are row and column indices")
        }
        for (s, item) in series.enumerated() {
            let which = "series \(s + 1)"
            switch item.content {
            case .xy(let xs, let ys, _):
                guard xs.count == ys.count else {
                    throw fail("\(which) has \(xs.count) x values and \(ys.count) y values")
                }
            case .bars(let values, let labels):
                if let labels, labels.count != values.count {
                    throw fail("\(which) has \(values.count) bars and \(labels.count) labels")
                }
            case .heatMap(let matrix, _), .picture(let matrix):
                guard let width = matrix.first?.count, width > 0 else {
                    throw fail("\(which) is an empty matrix")
                }
                if let row = matrix.firstIndex(where: { $0.count != width }) {
                    throw fail("\(which) is not rectangular: row 0 has \(width) entries, "
                               + "row \(row) has \(matrix[row].count)")
                }
            case .colorPicture(let red, let green, let blue):
                guard let width = red.first?.count, width > 0 else {
                    throw fail("\(which) is an empty picture")
                }
                for (name, channel) in [("red", red), ("green", green), ("blue", blue)] {
                    guard channel.count == red.count, channel.allSatisfy({ $0.count == width }) else {
                        throw fail("\(which): the \(name) channel is not a \(red.count)×\(width) matrix like the red one")
                    }
                }
            case .arrows:
                break
            }
        }
    }

    /// The matrix series of this panel, if it has one.
    var matrixSeries: Series? { series.first(where: \.isMatrix) }
}

extension Series {
    /// Whether this series draws a matrix as an image (and so sets the panel's colour scale).
    var isMatrix: Bool {
        switch content {
        case .heatMap, .picture, .colorPicture: return true
        case .xy, .bars, .arrows: return false
        }
    }
}
