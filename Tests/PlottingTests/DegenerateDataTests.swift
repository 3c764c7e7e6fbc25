import Foundation
import Testing
@testable import Plotting

/// Degenerate but valid data — all zeros on a log axis, one point, a constant series — gives a
/// figure, not a gnuplot error: series with nothing to draw are left out, a panel with nothing
/// at all says so, and a range of zero width is widened.
@Suite struct DegenerateDataTests {
    /// Figures gnuplot stopped at before these rules (all points undefined, empty x range).
    static let figures: [(String, Figure)] = [
        ("all zeros on a log axis", Figure(name: "zeros", panel: Panel(
            x: Axis("k"), y: .log("σ"), series: [.linesPoints([0, 0, 0], title: "σ")]))),
        ("one series of zeros beside a positive one", Figure(name: "mixed", panel: Panel(
            x: Axis("k"), y: .log("e"), series: [.line([0, 0], title: "zero"), .line([1, 0.5], title: "half")]))),
        ("one point on log axes", Figure(name: "point", panel: Panel(
            x: .log("k"), y: .log("e"), series: [.points([1], [0.25], title: "k = 1")]))),
        ("a constant series", Figure(name: "constant", panel: Panel(
            x: Axis("k"), y: Axis("e"), series: [.line([2, 2, 2], title: "flat")]))),
        ("nothing finite", Figure(name: "nan", panel: Panel(
            x: Axis("k"), y: Axis("e"), series: [.line([.nan, .infinity], title: "none")]))),
    ]

    @Test("the script leaves out series without drawable points and widens empty ranges")
    func script() throws {
        let zeros = try GnuplotScript(Self.figures[0].1).text
        #expect(zeros.contains("no positive value to draw on a log scale"))
        #expect(zeros.contains("plot NaN notitle"))
        let mixed = try GnuplotScript(Self.figures[1].1).text
        #expect(!mixed.contains("title 'zero'") && mixed.contains("title 'half'"))
        let point = try GnuplotScript(Self.figures[2].1).text
        #expect(point.contains("set xrange [0.1:10.0]") && point.contains("set yrange [0.025:2.5]"))
        let constant = try GnuplotScript(Self.figures[3].1).text
        #expect(constant.contains("set yrange [1.8:2.2]"))
    }

    @Test(.enabled(if: gnuplotAvailable, "gnuplot is not installed: apt-get install gnuplot-nox"),
          arguments: figures.map(\.1))
    func gnuplotDrawsIt(_ figure: Figure) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try GnuplotRenderer().render(figure, formats: [.png], in: directory)
        guard case .rendered = outcome else {
            Issue.record("\(figure.name): expected a figure, got \(outcome)")
            return
        }
    }
}
