import Plotting
import SVDCore

/// The figures of Exercise 1, as data; rendering them is the caller's business.
public enum PCAFigures {
    /// A file-name-safe stem for a data set: "iris" for the built-in data, else the file's name
    /// without directory and extension, with anything but letters, digits, '-' and '_' as '-'.
    public static func datasetStem(forPath path: String?) -> String {
        guard let path else { return "iris" }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let base = file.contains(".") ? String(file[..<file.lastIndex(of: ".")!]) : file
        let safe = String(base.unicodeScalars.map { scalar -> Character in
            let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                                        || scalar == "-" || scalar == "_")
            return ok ? Character(scalar) : "-"
        })
        return safe.isEmpty ? "data" : safe
    }

    /// Scree plot, scores on PC1–PC2 coloured by class (when there are two components), and
    /// loadings; names `exercise1-<stem>-scree`, `-pc1-pc2`, `-loadings`.
    public static func figures(table: DataTable, analysis: PrincipalComponentAnalysis, stem: String) -> [Figure] {
        var figures = [scree(analysis, stem: stem)]
        if analysis.singularValues.count >= 2 { figures.append(scores(table: table, analysis: analysis, stem: stem)) }
        figures.append(loadings(table: table, analysis: analysis, stem: stem))
        return figures
    }

    /// Bars: the explained-variance ratio of each component; line: the cumulative ratio.
    /// Where the line flattens, further components add little: the "elbow" of the scree.
    static func scree(_ a: PrincipalComponentAnalysis, stem: String) -> Figure {
        let labels = a.singularValues.indices.map { "PC\($0 + 1)" }
        return Figure(name: "exercise1-\(stem)-scree", panel: Panel(
            title: "Scree: share of the variance σ_i^2/Σσ_j^2 per component",
            x: Axis("principal component"), y: Axis("explained-variance ratio", range: 0...1.3),
            key: .topRight,
            // The small bars are invisible on a linear axis: their values are written on them.
            notes: a.explainedVarianceRatio.enumerated().map { i, ratio in
                Note(formatPercent(ratio), at: Double(i + 1), ratio)
            },
            series: [
                .bars(a.explainedVarianceRatio, labels: labels, title: "ratio of component i"),
                .linesPoints(a.cumulativeExplainedVarianceRatio, title: "cumulative ratio"),
            ]))
    }

    /// The observations in the plane of the first two principal directions, one colour per class,
    /// drawn with equal units on both axes so that the spreads compare truthfully.
    static func scores(table: DataTable, analysis a: PrincipalComponentAnalysis, stem: String) -> Figure {
        let z = a.scores(components: 2)
        let x = z.column(0), y = z.column(1)
        let series: [Series] = table.labels.map { Series.scatter(x: x, y: y, groups: $0) }
            ?? [.points(x, y, title: "observations")]
        let ratios = a.explainedVarianceRatio
        func axis(_ i: Int) -> Axis {
            Axis("PC\(i + 1) score (\(formatPercent(ratios[i])) of the variance)")
        }
        return Figure(name: "exercise1-\(stem)-pc1-pc2", size: PixelSize(width: 900, height: 480), panel: Panel(
            title: "\(table.labels == nil ? "Observations" : "Observations by \(table.labelName!)") on the first two principal directions",
            x: axis(0), y: axis(1), key: .bottomRight, aspect: .equal, series: series))
    }

    /// One bar chart per kept component (at least two when they exist, at most six): the
    /// entries of vᵢ, i.e. how much each variable contributes to the component.
    static func loadings(table: DataTable, analysis a: PrincipalComponentAnalysis, stem: String) -> Figure {
        let count = min(max(a.componentCount, 2), a.singularValues.count, 6)
        let names = table.variableNames.map { $0.replacingUnderscores() }
        let panels = (0..<count).map { i in
            Panel(title: "v_\(i + 1) (PC\(i + 1), \(formatPercent(a.explainedVarianceRatio[i])))",
                  x: Axis(), y: Axis("loading", range: -1.05...1.05), key: .hidden,
                  series: [.bars(a.directions.column(i), labels: names)])
        }
        let columns = min(count, 3)
        return Figure(name: "exercise1-\(stem)-loadings", title: "Principal directions: loadings of the variables",
                      rows: (count + columns - 1) / columns, columns: columns, panels: panels)
    }

    private static func formatPercent(_ ratio: Double) -> String {
        String(Double((ratio * 1000).rounded()) / 10) + " %"
    }
}

extension String {
    /// `_` made literal for gnuplot's enhanced text, where it would start a subscript.
    func replacingUnderscores() -> String {
        unicodeScalars.map { $0 == "_" ? "\\_" : String($0) }.joined()
    }
}
