/// Which of a panel's points gnuplot can draw, so that degenerate but valid data (all zeros on a
/// log axis, one point, a constant series) gives a figure instead of a gnuplot error.
///
/// gnuplot leaves out a point whose coordinate is not finite, or not positive on a log axis; a
/// `plot` in which no point is left stops with "all points y value undefined", and an axis whose
/// points all share one value is an "empty range" (an error on a log axis). The script writer
/// uses this to leave out series with nothing to draw, to say so in the panel when nothing at all
/// is left, and to widen a range of zero width.
struct DrawablePoints {
    /// The drawable coordinates of the panel's series, per series (`nil`: not an x–y series).
    let perSeries: [(x: [Double], y: [Double])]

    init(_ panel: Panel) {
        let xLog = panel.x.scale != .linear, yLog = panel.y.scale != .linear
        func usable(_ v: Double, log: Bool) -> Bool { v.isFinite && (!log || v > 0) }
        perSeries = panel.series.map { series in
            var points: [(Double, Double)]
            switch series.content {
            case .xy(let xs, let ys, _): points = Array(zip(xs, ys))
            case .bars(let values, _): points = values.enumerated().map { (Double($0.offset + 1), $0.element) }
            case .arrows(let arrows):
                points = arrows.flatMap { [($0.tailX, $0.tailY), ($0.headX, $0.headY)] }
            case .heatMap, .picture, .colorPicture: points = [(0, 0)]
            }
            points = points.filter { usable($0.0, log: xLog) && usable($0.1, log: yLog) }
            return (points.map(\.0), points.map(\.1))
        }
    }

    /// Whether series `s` has at least one point to draw.
    func hasPoints(_ s: Int) -> Bool { !perSeries[s].x.isEmpty }

    /// All drawable x (or y) values of the panel.
    var xs: [Double] { perSeries.flatMap(\.x) }
    var ys: [Double] { perSeries.flatMap(\.y) }

    /// A range around `value` for an axis whose points all share it: a factor of 10 either
    /// side on a log axis, ±1 (or ±10 % of the value) on a linear one.
    static func widened(_ value: Double, log: Bool) -> ClosedRange<Double> {
        if log { return (value / 10)...(value * 10) }
        let half = value == 0 ? 1 : abs(value) / 10
        return (value - half)...(value + half)
    }
}
