import LabSupport
import SVDCore

extension PrincipalComponentAnalysis {
    /// The `--json` object of Exercise 1, keys in this order:
    ///
    /// - `decomposer`: the `--decomposer` name of the SVD algorithm;
    /// - `rows`, `columns`: n and p;
    /// - `singularValues`: σ₁ ≥ … ≥ σ_q of the centred (scaled) data, q = min(n, p);
    /// - `explainedVarianceRatio`: σᵢ²/Σσⱼ², q values;
    /// - `components`: the k kept principal directions v₁ … v_k, each an array of p numbers (as
    ///   scikit-learn's `components_`), sign convention: largest-magnitude entry positive;
    /// - `projection`: for each row, its first two scores (x·v₁, x·v₂); one when p or n allows
    ///   only one component.
    public var json: JSON {
        let two = min(2, singularValues.count)
        let projection = scores(components: two)
        return .object([
            ("decomposer", .string(decomposer.name)),
            ("rows", .number(rows)),
            ("columns", .number(columns)),
            ("singularValues", .numbers(singularValues)),
            ("explainedVarianceRatio", .numbers(explainedVarianceRatio)),
            ("components", .array((0..<componentCount).map { .numbers(directions.column($0)) })),
            ("projection", .array(projection.rowArrays.map { .numbers($0) })),
        ])
    }
}
