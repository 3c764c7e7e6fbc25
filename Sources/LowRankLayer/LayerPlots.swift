import Plotting

extension LayerExperimentResult {
    /// The figures of the exercise: error against k, speed-up against k, and the spectrum.
    public var figures: [Figure] {
        let k = ranks.map { Double($0.k) }
        // The Eckart–Young curve for every k up to ℓ − 1, from all the σ̂ the randomized SVD
        // computed: √(‖W‖²_F − Σ_{i≤k} σ̂ᵢ²)/‖W‖_F (σ̂ᵢ ≤ σᵢ, so it is at least the exact error).
        var captured = 0.0
        let curve: [Double] = singularValues.dropLast().map { sigma in
            captured += sigma * sigma
            return max(frobeniusNorm * frobeniusNorm - captured, 0).squareRoot() / frobeniusNorm
        }
        let error = Figure(name: "exercise5-error-vs-rank", panel: Panel(
            title: "Relative error of y = xW replaced by (xA)B (\(rows)×\(columns))",
            x: Axis("rank k"), y: .log("relative error"),
            series: [
                .line((1...max(1, curve.count)).map(Double.init), curve.isEmpty ? [.nan] : curve,
                      title: "√(‖W‖_F^2 − Σ_{i≤k}σ̂_i^2) / ‖W‖_F, every k", color: "gray", lineWidth: 1.5),
                .points(k, ranks.map(\.factorError), title: "‖W − AB‖_F / ‖W‖_F (expected for Gaussian x)"),
                .points(k, ranks.map(\.relativeError), title: "measured on a batch of \(batch) inputs"),
            ]))
        let speed = Figure(name: "exercise5-speedup-vs-rank", panel: Panel(
            title: "Speed-up of (xA)B over xW (Float32)",
            x: Axis("rank k"), y: .log("speed-up (×)"),
            series: [
                .line(k, ranks.map(\.parameterRatio), title: "parameter ratio mn / k(m+n)"),
                .linesPoints(k, ranks.map(\.speedUp), title: "batch of \(batch)"),
                .linesPoints(k, ranks.map(\.vectorSpeedUp), title: "one input"),
            ]))
        let indices = (1...singularValues.count).map(Double.init)
        let signal = weights.signalSingularValues
        let spectrum = Figure(name: "exercise5-spectrum", panel: Panel(
            title: "The \(singularValues.count) largest singular values of W (randomized SVD): the power law i^{-\(weights.decay)}; "
                + "the noise's lie below ν(1+√c)",
            x: Axis("i"), y: .log("σ_i"),
            series: [
                .line(indices, indices.map { $0 <= Double(signal.count) ? signal[Int($0) - 1] : .nan }, title: "s_i (signal part)"),
                .line([1, indices.last!], [weights.noiseEdge, weights.noiseEdge], title: "noise edge ν(1+√c)"),
                .points(indices, singularValues, title: "σ̂_i (randomized SVD)"),
            ]))
        return [error, speed, spectrum]
    }
}
