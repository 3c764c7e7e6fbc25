import SVDFoundation

/// The numerical rank and the two condition numbers of a matrix, from its singular values.
public struct RankAndCondition: Sendable, Equatable {
    /// r: the number of σᵢ above the tolerance.
    public let rank: Int
    /// κ₂ = σ₁/σ_p (+∞ when σ_p = 0): the sensitivity of Ax = b for a square A.
    public let conditionNumber: Double
    /// σ₁/σ_r (+∞ when r = 0): what governs the pseudoinverse of a rank-deficient A.
    public let effectiveConditionNumber: Double

    public init(rank: Int, conditionNumber: Double, effectiveConditionNumber: Double) {
        self.rank = rank
        self.conditionNumber = conditionNumber
        self.effectiveConditionNumber = effectiveConditionNumber
    }
}

// TASK S2 (2): the numerical rank and the two condition numbers
/// The numerical rank r = #{σᵢ > τ} with τ = σ₁·max(m, n)·ε (MATLAB's and NumPy's convention),
/// κ₂ = σ₁/σ_p (+∞ when σ_p = 0) and the effective condition number σ₁/σ_r (+∞ when r = 0).
/// - Parameters:
///   - sigma: σ₁ ≥ … ≥ σ_p ≥ 0 of an m×n matrix, p = min(m, n) ≥ 1.
///   - rows: m.
///   - columns: n.
public func rankAndCondition(_ sigma: [Double], rows m: Int, columns n: Int) throws -> RankAndCondition {
    // BEGIN SOLUTION
    let tolerance = sigma[0] * Double(max(m, n)) * Double.ulpOfOne
    let r = sigma.filter { $0 > tolerance }.count
    let smallest = sigma[sigma.count - 1]
    return RankAndCondition(rank: r, conditionNumber: smallest == 0 ? .infinity : sigma[0] / smallest,
                            effectiveConditionNumber: r == 0 ? .infinity : sigma[0] / sigma[r - 1])
    // END SOLUTION
}
