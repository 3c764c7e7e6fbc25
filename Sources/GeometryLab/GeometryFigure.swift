import LabSupport
import Plotting
import SVDCore

/// The figure of Exercise 0: the unit circle and its image after each factor of A = U·Σ·Vᵀ,
/// in four panels with equal axes, the images of v₁ and v₂ drawn as arrows.
public enum GeometryFigure {
    /// The base name of the files: `exercise0-geometry.png` and `exercise0-geometry.gp`.
    public static let name = "exercise0-geometry"

    /// Points on the curves; 360 makes the ellipse smooth at 1000 pixels.
    public static let curveSamples = 360

    /// The point of the circle followed through the four panels, x = (cos 60°, sin 60°): not on
    /// an axis, so that each factor visibly moves it.
    public static let trackedPoint: [Double] = [0.5, 0.75.squareRoot()]

    /// The four-panel figure for `geometry`.
    public static func figure(_ geometry: RotateScaleRotate) -> Figure {
        let sigma = geometry.singularValues
        // One range for every panel, so the sizes of circle and ellipse compare at a glance.
        let extent = 1.25 * max(1, sigma[0])
        let axes = (x: Axis(range: -extent...extent), y: Axis(range: -extent...extent))
        let s1 = Format.significant(sigma[0], 4), s2 = Format.significant(sigma[1], 4)
        let pointNames = ["x", "V^Tx", "ΣV^Tx", "Ax"]

        func panel(_ stage: RotateScaleRotate.Stage, title: String, curveTitle: String,
                   arrowNames: [String]) -> Panel {
            let curve = geometry.curve(at: stage, samples: curveSamples)
            var series: [Series] = []
            if stage.rawValue >= RotateScaleRotate.Stage.afterSigma.rawValue {
                let circle = RotateScaleRotate.unitCircle(samples: curveSamples)
                series.append(.line(circle.map { $0[0] }, circle.map { $0[1] }, title: "unit circle",
                                    color: "gray70", lineWidth: 1))
            }
            series.append(.line(curve.map { $0[0] }, curve.map { $0[1] }, title: curveTitle,
                                color: "black", lineWidth: 2))
            let heads = geometry.arrows(at: stage)
            let colors = ["dark-red", "#1f77b4"]
            for i in 0..<2 {
                series.append(.arrows([Arrow(from: (0, 0), to: (heads[i][0], heads[i][1]), label: arrowNames[i])],
                                      title: arrowNames[i], color: colors[i], lineWidth: 2.5))
            }
            // One point of the circle, followed: where each factor takes it.
            let point = geometry.image(of: trackedPoint, at: stage)
            series.append(.points([point[0]], [point[1]], title: "one point x, followed", color: "#ff7f0e"))
            return Panel(title: title, x: axes.x, y: axes.y, key: .bottomRight, aspect: .equal,
                         notes: [Note(pointNames[stage.rawValue], at: point[0], point[1])], series: series)
        }

        let panels = [
            panel(.input, title: "1. x on the unit circle, with v_1 and v_2",
                  curveTitle: "‖x‖ = 1", arrowNames: ["v_1", "v_2"]),
            panel(.afterVTransposed, title: "2. after V^T: \(shortName(geometry.firstStep))",
                  curveTitle: "V^Tx", arrowNames: ["e_1", "e_2"]),
            panel(.afterSigma, title: "3. after Σ: stretch by σ_1 = \(s1), σ_2 = \(s2)",
                  curveTitle: "ΣV^Tx", arrowNames: ["σ_1e_1", "σ_2e_2"]),
            panel(.afterU, title: "4. after U: \(shortName(geometry.lastStep)) — the image Ax",
                  curveTitle: "UΣV^Tx = Ax", arrowNames: ["σ_1u_1", "σ_2u_2"]),
        ]
        return Figure(name: name, title: "A = UΣV^T maps the unit circle onto an ellipse; here A = \(matrixText(geometry.matrix))",
                      rows: 2, columns: 2, size: PixelSize(width: 1000, height: 1000), panels: panels)
    }

    /// "rotation by 14.87°" or "reflection across 30.00°", short enough for a panel title.
    static func shortName(_ map: PlaneOrthogonalMap) -> String {
        switch map {
        case .rotation(let degrees): return "rotation by \(PlaneOrthogonalMap.degreesText(degrees))"
        case .reflection(let axis): return "reflection across \(PlaneOrthogonalMap.degreesText(axis))"
        }
    }

    /// "[2 1.5; 0 1]", the matrix as it is typed on the command line.
    static func matrixText(_ a: Matrix<Double>) -> String {
        let rows = a.rowArrays.map { $0.map { Format.significant($0, 4) }.joined(separator: " ") }
        return "[" + rows.joined(separator: "; ") + "]"
    }
}
