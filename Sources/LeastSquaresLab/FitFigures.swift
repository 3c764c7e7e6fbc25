import Foundation
import Plotting

/// The pictures of a fit: the data with the fitted curve, the residuals, and the singular
/// values of the design matrix before and after column scaling.
public enum FitFigures {
    /// File names start with `exercise3-` and the data set's name, e.g.
    /// `exercise3-longley-fit`, `exercise3-longley-residuals`, `exercise3-longley-singular-values`.
    public static func figures(for graded: GradedFit) -> [Figure] {
        let data = graded.data, fit = graded.fit
        let base = "exercise3-" + slug(data.name)
        let y = data.response.values
        let yName = data.model.responseName

        // With one predictor, draw y against it and the fitted function on a fine grid; with
        // several, y and the fitted values against the observation number.
        let fitPanel: Panel
        let residualX: [Double], residualXLabel: String
        if data.predictors.count == 1 {
            let x = data.predictors[0].values
            let xName = data.model.predictorNames[0]
            let low = x.min()!, high = x.max()!
            let grid = (0...400).map { low + (high - low) * Double($0) / 400 }
            let curve = grid.map { value(of: data.model, coefficients: fit.coefficients, at: [$0]) }
            fitPanel = Panel(title: "\(data.name): data and least-squares fit", x: Axis(xName), y: Axis(yName),
                             key: .topLeft,
                             series: [.points(x, y, title: "observations"), .line(grid, curve, title: "fitted model")])
            residualX = x
            residualXLabel = xName
        } else {
            let index = (1...y.count).map(Double.init)
            let fitted = zip(y, fit.residuals).map { $0 - $1 }
            fitPanel = Panel(title: "\(data.name): observed and fitted \(yName)", x: Axis("observation"), y: Axis(yName),
                             key: .topLeft,
                             series: [.points(index, y, title: "observed"), .linesPoints(index, fitted, title: "fitted")])
            residualX = index
            residualXLabel = "observation"
        }
        let residualPanel = Panel(
            title: "\(data.name): residuals r = y − Xβ", x: Axis(residualXLabel), y: Axis("r"), key: .hidden,
            series: [.line([residualX.min()!, residualX.max()!], [0, 0], color: "gray", lineWidth: 1),
                     .points(residualX, fit.residuals)])
        let spectrumPanel = Panel(
            title: "\(data.name): singular values of the design matrix", x: Axis("i"), y: .log("σ_i"),
            series: [.linesPoints(fit.designSingularValues, title: "X, κ = \(compact(fit.conditionNumber))"),
                     .linesPoints(fit.scaledSingularValues,
                                  title: "X·D (column j times 2^{-e_j}), κ = \(compact(fit.scaledConditionNumber))")])
        return [
            Figure(name: base + "-fit", panel: fitPanel),
            Figure(name: base + "-residuals", panel: residualPanel),
            Figure(name: base + "-singular-values", panel: spectrumPanel),
        ]
    }

    /// Σ βⱼ fⱼ(x) in Double (for drawing only).
    static func value(of model: LinearModel, coefficients: [Double], at predictors: [Double]) -> Double {
        zip(model.terms, coefficients).reduce(0) { sum, pair in
            sum + pair.1 * model.evaluate(pair.0, at: { predictors[$0] }, one: 1.0, times: *)
        }
    }

    /// "Wampler 5.dat" → "wampler-5-dat".
    static func slug(_ name: String) -> String {
        let mapped = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(mapped).split(separator: "-").joined(separator: "-")
    }

    /// A condition number for a figure key, in gnuplot's enhanced text: "3.2·10^{5}", "∞", and
    /// "%.2g" style for 1 ≤ x < 10 ("4.5").
    static func compact(_ x: Double) -> String {
        guard x.isFinite else { return "∞" }
        let exponent = Int((log10(x)).rounded(.down))
        let mantissa = x / pow(10, Double(exponent))
        return exponent == 0 ? String(format: "%.2g", x) : String(format: "%.1f·10^{%d}", mantissa, exponent)
    }
}
