import LabSupport
import SVDCore
import SVDTestMatrices

/// The first half of the randomized SVD, written in Exercise 5 (Guides/Exercise5-LowRankLayer.md,
/// "Your tasks"): an orthonormal basis Q of a subspace that captures the dominant columns of W.
/// The exercise then hands Q to `RandomizedSVD.decompose(_:rank:basis:)` (B = QᵀW, the SVD of the
/// small B, U = Q·U_B) for the factors of the low-rank layer.
public enum RangeFinder {
    // TASK E5.2 (3): the randomized range finder, with power iterations
    /// Q (m×ℓ) with orthonormal columns such that QQᵀW ≈ W (Halko, Martinsson & Tropp 2011,
    /// Algorithms 4.1 and 4.4):
    ///
    /// 1. Ω: an n×ℓ matrix of independent standard normal entries, drawn with
    ///    `TestMatrices.gaussian(rows:columns:using:)` from `SeededGenerator(seed:)`;
    /// 2. Y = W·Ω and Q = orth(Y) (Householder QR's thin Q);
    /// 3. q times: Q ← orth(W·orth(WᵀQ)), orthonormalizing after every product, so that the
    ///    basis samples (WWᵀ)^q·W, whose singular values σⱼ^{2q+1} decay faster, without losing
    ///    its small directions to rounding.
    ///
    /// With ℓ = k + p, p ≥ 4: ‖W − QQᵀW‖₂ ≤ [1 + 11·√ℓ·√min(m,n)]^{1/(2q+1)}·σ_{k+1} with
    /// probability at least 1 − 6·p^{−p}; when rank(W) ≤ ℓ, QQᵀW = W up to rounding.
    /// - Parameters:
    ///   - w: the m×n matrix W (finite entries).
    ///   - samples: ℓ, 1 ≤ ℓ ≤ min(m, n).
    ///   - powerIterations: q ≥ 0.
    ///   - seed: the seed of Ω.
    /// - Returns: Q, m×ℓ, QᵀQ = I to rounding.
    public static func orthonormalBasis(of w: Matrix<Double>, samples: Int, powerIterations: Int,
                                        seed: UInt64) throws -> Matrix<Double> {
        // BEGIN SOLUTION
        var generator = SeededGenerator(seed: seed)
        let omega: Matrix<Double> = TestMatrices.gaussian(rows: w.columns, columns: samples, using: &generator)
        let wT = blockedTranspose(w)
        var q = HouseholderQR(blockedProduct(w, omega)).thinQ()
        for _ in 0..<powerIterations {
            let z = HouseholderQR(blockedProduct(wT, q)).thinQ()
            q = HouseholderQR(blockedProduct(w, z)).thinQ()
        }
        return q
        // END SOLUTION
    }

    /// The top-k SVD of `w` by `method` (its oversampling p, power iterations q and seed), with
    /// the range found by ``orthonormalBasis(of:samples:powerIterations:seed:)`` (task E5.2):
    /// ℓ = min(k + p, m, n) samples.
    public static func randomizedSVD(_ w: Matrix<Double>, rank k: Int,
                                     using method: RandomizedSVD) throws -> RandomizedDecomposition<Double> {
        if w.isEmpty { throw SVDError.emptyMatrix }
        if let (i, j) = w.firstNonFiniteEntry { throw SVDError.nonFiniteEntry(row: i, column: j) }
        let samples = min(k + method.oversampling, w.minDimension)
        let q = try orthonormalBasis(of: w, samples: samples, powerIterations: method.powerIterations, seed: method.seed)
        guard q.rows == w.rows && q.columns == samples else {
            throw UserFacingError("the range finder (task E5.2) returned a \(q.rows)×\(q.columns) basis for a "
                                  + "\(w.rows)×\(w.columns) matrix and ℓ = \(samples) samples; expected \(w.rows)×\(samples)")
        }
        return try method.decompose(w, rank: k, basis: q)
    }
}
