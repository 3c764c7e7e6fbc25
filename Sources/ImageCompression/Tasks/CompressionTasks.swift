import Foundation
import SVDCore

/// Exercise 2's tasks: the rank-k approximation, the rank an energy target needs, and the PSNR
/// (Guides/Exercise2-ImageCompression.md, "Your tasks"). `CompressionAnalysis` calls them for
/// the reconstructions, the `--energy` target and the PSNR column.
public enum CompressionTasks {
    // TASK E2.1 (3): the rank-k approximation A_k = Σ_{i≤k} σᵢuᵢvᵢᵀ
    /// A_k = Σ_{i≤k} σᵢ·uᵢ·vᵢᵀ = U_k·Σ_k·V_kᵀ (m×n): the zero matrix for k = 0, A itself (to
    /// rounding) for k = p = min(m, n). Uses only the first k columns of U and V, so a thin and a
    /// full decomposition give the same A_k.
    /// - Parameters:
    ///   - svd: A = U·Σ·Vᵀ, thin or full.
    ///   - k: 0 ≤ k ≤ p.
    public static func rankApproximation(_ svd: SingularValueDecomposition<Double>, rank k: Int) throws(TaskNotImplemented) -> Matrix<Double> {
        // BEGIN SOLUTION
        // U_k·Σ_k times V_kᵀ through the core's blocked product (fast on a 512×512 image).
        let left = svd.u.leadingColumns(k).scalingColumns(by: Array(svd.singularValues.prefix(k)))
        return blockedProduct(left, blockedTranspose(svd.v.leadingColumns(k)))
        // END SOLUTION
    }

    // TASK E2.2 (2): the smallest rank that keeps a share of the energy
    /// The smallest k ≥ 1 with Σ_c Σ_{i≤k} σ²_{c,i} ≥ target·Σ_c Σ_i σ²_{c,i}: the rank that keeps
    /// at least the fraction `target` of ‖A‖²_F, over all channels together.
    ///
    /// A target met exactly counts as reached (≥, not >); target = 1 asks for every σ that is not
    /// zero, so trailing zeros are not needed.
    /// - Parameters:
    ///   - target: 0 < target ≤ 1.
    ///   - channels: the singular values of each channel, σ₁ ≥ … ≥ σ_p ≥ 0, the same p ≥ 1 for
    ///     all, at least one σ > 0, and σ² and their sums finite.
    /// - Returns: k in 1…p.
    public static func smallestRank(energy target: Double, channels: [[Double]]) throws(TaskNotImplemented) -> Int {
        // BEGIN SOLUTION
        let p = channels[0].count
        let squares = (0..<p).map { i in channels.reduce(0) { $0 + $1[i] * $1[i] } }
        let total = squares.reduce(0, +)
        var kept = 0.0
        for k in 1...p {
            kept += squares[k - 1]
            if kept >= target * total { return k }
        }
        return p
        // END SOLUTION
    }

    // TASK E2.3 (2): the PSNR of a reconstruction, clipped to [0, 1]
    /// PSNR = 10·log₁₀(1/MSE) in decibels (peak 1), MSE the mean over every entry of
    /// (aᵢ − clip(âᵢ))², where clip(x) = min(max(x, 0), 1): the reconstruction as it is saved.
    /// An exact copy (MSE = 0) has PSNR = +∞.
    /// - Parameters:
    ///   - original: N ≥ 1 values in [0, 1].
    ///   - reconstruction: N values, any size.
    public static func peakSignalToNoise(original: [Double], reconstruction: [Double]) throws(TaskNotImplemented) -> Double {
        // BEGIN SOLUTION
        var sum = 0.0
        for i in original.indices {
            let d = original[i] - min(max(reconstruction[i], 0), 1)
            sum += d * d
        }
        let mse = sum / Double(original.count)
        return mse == 0 ? .infinity : -10 * log10(mse)
        // END SOLUTION
    }
}
