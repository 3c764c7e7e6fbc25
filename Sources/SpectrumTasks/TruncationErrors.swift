import SVDFoundation

/// The errors of the best rank-k approximation, from the singular values alone.
public struct TruncationErrors: Sendable, Equatable {
    /// ‖A − A_k‖₂.
    public let spectral: Double
    /// ‖A − A_k‖_F.
    public let frobenius: Double

    public init(spectral: Double, frobenius: Double) {
        self.spectral = spectral
        self.frobenius = frobenius
    }
}

// TASK S1 (2): the Eckart–Young errors of a rank-k truncation
/// The errors of A_k = Σ_{i≤k} σᵢuᵢvᵢᵀ, the best rank-k approximation (Eckart–Young):
/// ‖A − A_k‖₂ = σ_{k+1} and ‖A − A_k‖_F = √(σ²_{k+1} + … + σ²_p), both 0 when k ≥ p.
/// The Frobenius error must not overflow or underflow where the σ themselves do not
/// (`scaledNorm` sums squares safely).
/// - Parameters:
///   - sigma: σ₁ ≥ … ≥ σ_p ≥ 0.
///   - k: 0 ≤ k.
public func truncationErrors(_ sigma: [Double], rank k: Int) throws -> TruncationErrors {
    // BEGIN SOLUTION
    let rest = sigma.dropFirst(k)
    return TruncationErrors(spectral: rest.first ?? 0, frobenius: scaledNorm(rest))
    // END SOLUTION
}
