import Foundation
import Plotting

extension Exercise4Study {
    /// The three figures of the exercise: κ₂(Hₙ) against n per method with the 1/ε lines, the
    /// spectrum of H₁₅ per method, and the regularization trade-off. In the student version a
    /// figure whose numbers wait for a task is left out.
    public func figures() -> [Figure] {
        (curve.isEmpty ? [] : [conditionFigure()]) + [spectrumFigure()]
            + (regularization.map { [regularizationFigure($0)] } ?? [])
    }

    /// Colours fixed per method, so that a method looks the same in every figure.
    static func color(_ method: HilbertMethod) -> String {
        switch method {
        case .float: return "#1f77b4"
        case .double: return "#d62728"
        case .float80: return "#2ca02c"
        case .accurate: return "#ff7f0e"
        }
    }

    /// log₁₀κ₂(Hₙ) against n: the exact curve, each method, and 1/ε for each stored precision,
    /// where the computed curve of that precision flattens out.
    func conditionFigure() -> Figure {
        let sizes = (1...(curve[.accurate]?.count ?? 20)).map(Double.init)
        let exact = sizes.map { HilbertReference.entry(Int($0))?.conditionNumber ?? .nan }
        var series: [Series] = [.line(sizes, exact, title: "exact (120 digits)", color: "black", lineWidth: 4)]
        for method in HilbertMethod.available {
            series.append(.linesPoints(sizes, curve[method] ?? [], title: method.label, color: Self.color(method)))
        }
        for method in HilbertMethod.availableStoredPrecisions {
            let level = 1 / method.epsilon
            series.append(.line([sizes.first!, sizes.last!], [level, level],
                                title: "1/ε " + method.label, color: Self.color(method), lineWidth: 1))
        }
        let condition = Panel(
            title: "κ_2(H_n): each precision stops growing once κ_2 passes about 1/ε",
            x: Axis("n"), y: .log("κ_2(H_n)", range: 1e-12...1e30), key: .bottomRight, series: series)
        return Figure(name: "exercise4-hilbert-condition",
                      title: "Condition number of the Hilbert matrix, and how many of its digits each method gets",
                      rows: 1, columns: 2, size: PixelSize(width: 1400, height: 560),
                      panels: [condition, digitsPanel(sizes: sizes, exact: exact)])
    }

    /// Correct digits of the computed κ₂(Hₙ), −log₁₀ of its relative error, against n, beside the
    /// ε·κ rule's prediction −log₁₀(ε·κ₂(Hₙ)) for each stored precision: the rule made visible.
    func digitsPanel(sizes: [Double], exact: [Double]) -> Panel {
        func digits(_ error: Double) -> Double { error > 0 ? min(17, max(0, -log10(error))) : 17 }
        var series: [Series] = []
        for method in HilbertMethod.availableStoredPrecisions {
            series.append(.line(sizes, exact.map { digits(method.epsilon * $0) },
                                title: "−log_{10}(ε·κ_2) " + method.label, color: Self.color(method), lineWidth: 1))
        }
        for method in HilbertMethod.available {
            let computed = curve[method] ?? []
            let measured = zip(computed, exact).map { digits(abs($0 - $1) / $1) }
            series.append(.linesPoints(Array(sizes.prefix(measured.count)), measured,
                                       title: method.label, color: Self.color(method)))
        }
        return Panel(title: "correct digits of κ_2(H_n) (the ε·κ rule as thin lines)",
                     x: Axis("n"), y: Axis("correct digits", range: 0...18), key: .outsideRight, series: series)
    }

    /// σ_k(H₁₅) against k on a log scale, per method.
    func spectrumFigure() -> Figure {
        var series: [Series] = []
        for method in HilbertMethod.available {
            series.append(.linesPoints(spectrum15[method] ?? [], title: method.label, color: Self.color(method)))
        }
        let n = Self.featuredSize
        return Figure(name: "exercise4-hilbert-\(n)-spectrum", panel: Panel(
            title: "Singular values of H_{\(n)}: below about ε·σ_1, each precision returns rounding noise",
            x: Axis("k"), y: .log("σ_k"), key: .bottomLeft, series: series))
    }

    /// Left: κ₂(Hₙ + αI) against α. Right: bias, noise and total error against α.
    func regularizationFigure(_ regularization: RegularizationStudy) -> Figure {
        let rows = regularization.rows.filter { $0.alpha > 0 }
        let alphas = rows.map(\.alpha)
        let n = regularization.n
        let condition = Panel(
            title: "κ_2(H_{\(n)} + αI)", x: .log("α"), y: .log("κ_2"), key: .topRight,
            series: [.linesPoints(alphas, rows.map(\.conditionNumber), title: "κ_2(H_{\(n)} + αI)", color: "black")])
        let errors = Panel(
            title: "Error of the regularized solution (noise \(Self.shortExponent(regularization.noiseLevel)))",
            x: .log("α"), y: .log("‖x_α − x‖ / ‖x‖"), key: .topRight,
            series: [
                .linesPoints(alphas, rows.map(\.bias), title: "bias (exact data)", color: "#1f77b4"),
                .linesPoints(alphas, rows.map(\.noise), title: "noise (data error)", color: "#d62728"),
                .linesPoints(alphas, rows.map(\.total), title: "total", color: "black"),
            ])
        return Figure(name: "exercise4-regularization-tradeoff",
                      title: "Regularizing H_{\(n)}x = b: κ falls as α grows, bias rises, noise falls",
                      rows: 1, columns: 2, panels: [condition, errors])
    }

    /// "10^{-8}" for a power of ten, otherwise the number in %g style.
    static func shortExponent(_ x: Double) -> String {
        // log10 of 0 is −∞, which no Int can hold: zero (no noise) is written as it is.
        guard x > 0 && x.isFinite else { return String(format: "%g", x) }
        let exponent = Foundation.log10(x)
        return exponent == exponent.rounded() ? "10^{\(Int(exponent))}" : String(format: "%g", x)
    }
}
