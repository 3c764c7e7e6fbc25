import LabSupport
import SVDCore

/// The text report of Exercise 1: what is computed, the numbers, and what they mean.
public struct PCAReport: Sendable {
    public let table: DataTable
    public let analysis: PrincipalComponentAnalysis
    public let consistency: PCAConsistency

    public init(table: DataTable, analysis: PrincipalComponentAnalysis, consistency: PCAConsistency) {
        self.table = table
        self.analysis = analysis
        self.consistency = consistency
    }

    public var text: String {
        let a = analysis
        let n = a.rows, p = a.columns, k = a.componentCount
        let names = table.variableNames
        let epsilon = Double.ulpOfOne
        let sigma1 = a.singularValues[0]
        var out: [String] = []

        out.append("Exercise 1 — principal component analysis through the SVD of the centred data")
        out.append("")
        out.append("Data: \(table.source): \(n) rows (observations) × \(p) variables")
        if let labelName = table.labelName {
            let classes = table.classCounts.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
            out.append("Classes from column '\(labelName)': \(classes) (not used by PCA; they colour the plot)")
        }
        if a.scales != nil {
            out.append("Preprocessing: X = (A − column means) / column standard deviations (divisor n): every")
            out.append("variable has variance 1, so C = XᵀX/n is the correlation matrix.")
        } else {
            out.append("Preprocessing: X = A − column means (centred, not scaled; --standardize scales each")
            out.append("variable to variance 1, advisable when the variables have different units).")
        }
        var columnsTable = TextTable(headers: a.scales == nil ? ["variable", "mean", "variance"]
                                                              : ["variable", "mean", "std dev (÷n)"])
        for j in 0..<p {
            let x = a.centered.column(j)
            let spread = a.scales?[j] ?? dot(x, x) / Double(n)
            columnsTable.append([names[j], Format.significant(a.means[j], 6), Format.significant(spread, 6)])
        }
        out.append(columnsTable.rendered())
        out.append("")

        // 1. Spectrum.
        let d = a.svd.diagnostics
        out.append("1. X = U·Σ·Vᵀ (thin SVD of the \(n)×\(p) centred\(a.scales == nil ? "" : ", scaled") data; \(a.decomposer.label), \(d.sweeps) sweeps)")
        out.append("   The variance along direction vᵢ is ‖X·vᵢ‖²/n = σᵢ²/n; the ratio σᵢ²/Σσⱼ² is its share.")
        var spectrum = TextTable(headers: ["PC", "σᵢ", "variance σᵢ²/n", "ratio", "cumulative", "σᵢ²/(n−1)"])
        for i in a.singularValues.indices {
            spectrum.append(["\(i + 1)", Format.significant(a.singularValues[i], 10),
                             Format.significant(a.variances[i], 7),
                             Format.fixed(a.explainedVarianceRatio[i], 10),
                             Format.fixed(a.cumulativeExplainedVarianceRatio[i], 10),
                             Format.significant(a.sampleVariances[i], 7)])
        }
        out.append(spectrum.rendered())
        out.append("   Total variance Σσᵢ²/n = ‖X‖²_F/n = trace(C) = \(Format.significant(a.totalVariance, 10)).")
        out.append("   Here a variance divides by n, as C = XᵀX/n does. numpy.cov, scikit-learn's")
        out.append("   explained_variance_ and R's prcomp (sdev²) divide by n − 1 (last column): theirs are")
        out.append("   ours × n/(n−1) = \(Format.significant(Double(n) / Double(n - 1), 6)). Ratios and directions do not depend on it.")
        let kept = a.cumulativeExplainedVarianceRatio[k - 1]
        out.append("   The first \(k) component\(k == 1 ? "" : "s") capture \(Format.fixed(100 * kept, 2)) % of the variance.")
        out.append("")

        // 2. Directions.
        let shown = min(max(k, 2), a.singularValues.count)
        out.append("2. Principal directions vᵢ (columns of V, loadings): unit vectors in variable space")
        out.append("   Sign convention: vᵢ and −vᵢ are the same axis; the entry of largest magnitude is made")
        out.append("   positive (and uᵢ, hence the scores, flipped with it). Other programs may differ in sign.")
        var loadings = TextTable(headers: ["variable"] + (0..<shown).map { "v\($0 + 1)" })
        for j in 0..<p {
            loadings.append([names[j]] + (0..<shown).map { Format.fixed(a.directions[j, $0], 6) })
        }
        out.append(loadings.rendered())
        out.append("   ‖VᵀV − I‖ = \(Format.scientific(a.directions.orthogonalityError, 1)) (orthonormal to rounding).")
        out.append("")

        // 3. Scores.
        let scores = a.scores
        out.append("3. Scores: the data in the new coordinates, Z = X·V_k = U_k·Σ_k (k = \(k); X·vᵢ = σᵢ·uᵢ)")
        out.append("   max |X·V_k − U_k·Σ_k| = \(Format.scientific(consistency.scoresDifference, 1))"
                   + "   (rounding scale ε·σ₁ = \(Format.scientific(epsilon * sigma1, 1)))")
        var scoreTable = TextTable(headers: ["row"] + (table.labels == nil ? [] : ["class"])
                                   + (0..<k).map { "z\($0 + 1)" },
                                   leftAligned: table.labels == nil ? [] : [1])
        for i in scoreRowIndices() {
            let label = table.labels.map { [$0[i]] } ?? []
            scoreTable.append(["\(i + 1)"] + label + (0..<k).map { Format.fixed(scores[i, $0], 4) })
        }
        out.append(scoreTable.rendered())
        out.append("")

        // 4. Covariance eigendecomposition.
        out.append("4. The same from the covariance matrix C = XᵀX/n = V·(Σ²/n)·Vᵀ (Jacobi eigensolver)")
        out.append("   The eigenvalues λᵢ of C are the variances σᵢ²/n and its eigenvectors wᵢ are the vᵢ.")
        var eigenTable = TextTable(headers: ["PC", "σᵢ²/n", "λᵢ(C)", "|λᵢ − σᵢ²/n|", "∠(wᵢ, vᵢ) rad", "gap"])
        for i in consistency.eigenvalueDifferences.indices {
            eigenTable.append(["\(i + 1)", Format.significant(a.variances[i], 12),
                               Format.significant(consistency.covarianceEigenvalues[i], 12),
                               Format.scientific(consistency.eigenvalueDifferences[i], 1),
                               Format.scientific(consistency.eigenvectorAngles[i], 1),
                               Format.significant(consistency.varianceGaps[i], 3)])
        }
        out.append(eigenTable.rendered())
        let lambda1 = a.variances[0]
        out.append("   Both agree to rounding: |λᵢ − σᵢ²/n| is at the scale ε·λ₁ = \(Format.scientific(epsilon * lambda1, 1)),")
        out.append("   and an eigenvector moves by about (ε·λ₁)/gap radians. But forming XᵀX squares the data:")
        out.append("   the eigen route has absolute error ε·λ₁ in every λᵢ, so a small variance λᵢ keeps only")
        out.append("   about 16 − log₁₀(λ₁/λᵢ) digits; the SVD of X loses half as many.")
        out.append("")

        // 5. Eckart–Young.
        out.append("5. Variance left out by k = \(k) = squared Eckart–Young error (X_k = U_k·Σ_k·V_kᵀ)")
        var youngTable = TextTable(headers: ["quantity", "value"])
        youngTable.append(["Σ_{i>k} σᵢ²/n  (from the singular values)", Format.significant(consistency.varianceLeftOut, 15)])
        youngTable.append(["‖X − X_k‖²_F / n  (from the matrices)", Format.significant(consistency.squaredApproximationError, 15)])
        youngTable.append(["difference", Format.scientific(abs(consistency.varianceLeftOut - consistency.squaredApproximationError), 1)])
        out.append(youngTable.rendered())
        out.append("   X_k is the best rank-\(k) approximation of X, and what PCA discards is exactly its error:")
        out.append("   the \(Format.fixed(100 * (1 - kept), 2)) % of the variance outside the first \(k) direction\(k == 1 ? "" : "s").")
        return out.joined(separator: "\n")
    }

    /// The rows shown in the score table: the first three of each class (at most four classes),
    /// or the first six rows when there are no classes.
    func scoreRowIndices() -> [Int] {
        guard let labels = table.labels else { return Array(0..<min(6, analysis.rows)) }
        var shown: [String: Int] = [:]
        var indices: [Int] = []
        for (i, label) in labels.enumerated() {
            if shown[label] == nil && shown.count == 4 { continue }
            if shown[label, default: 0] < 3 {
                shown[label, default: 0] += 1
                indices.append(i)
            }
        }
        return indices
    }
}
