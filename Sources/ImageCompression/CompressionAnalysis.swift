import Foundation
import LabSupport
import SVDCore
import SVDDecomposers

/// The truncated SVD of an image, channel by channel, and what each rank k costs and saves.
///
/// For each channel A (m×n, entries in [0, 1]) the full thin SVD A = U·Σ·Vᵀ is computed once by
/// the chosen decomposer (one-sided Jacobi unless `--decomposer` names another: exact to working
/// accuracy). The rank-k reconstruction is
/// A_k = Σ_{i≤k} σᵢ·uᵢ·vᵢᵀ, and by the Eckart–Young–Mirsky theorem
///
///     ‖A − A_k‖_F = √(Σ_{i>k} σᵢ²),        ‖A − A_k‖₂ = σ_{k+1}.
///
/// This type does not take the theorem's word for it: it builds A_1, A_2, … by adding one
/// rank-one term at a time (O(mn) each) and measures ‖A − A_k‖_F and the PSNR of the clipped
/// A_k from the pixels for *every* k, so the measured curve can be laid over the predicted one.
/// For several channels the errors are over all channels together:
/// ‖A − A_k‖_F² = Σ_c ‖A_c − A_{c,k}‖_F².
public struct CompressionAnalysis: Sendable {
    /// m (image height).
    public let rows: Int
    /// n (image width).
    public let columns: Int
    /// The channel matrices (one for gray or luminance, three for RGB).
    public let channels: [Matrix<Double>]
    /// The SVD of each channel.
    public let decompositions: [SingularValueDecomposition<Double>]
    /// ‖A − A_k‖_F / ‖A‖_F measured from the pixels, for k = 0 … min(m, n).
    public let measuredRelativeErrors: [Double]
    /// PSNR in dB of A_k clipped to [0, 1], for k = 0 … min(m, n) (+∞ where exact).
    public let psnrByRank: [Double]
    /// ‖A‖_F over all channels, from the pixels.
    public let frobeniusNorm: Double
    /// Wall-clock time of the SVDs.
    public let svdSeconds: Double
    /// The decomposer that computed `decompositions`.
    public let decomposer: NamedDecomposer

    /// Decomposes every channel and measures the error and PSNR curves.
    /// - Throws: `SVDError` (non-finite entries cannot come from an image; non-convergence is
    ///   reported rather than hidden); `TaskNotImplemented` while task E2.3 is a stub.
    public init(channels: [Matrix<Double>], decomposer: NamedDecomposer = DecomposerRegistry.standard) throws {
        precondition(!channels.isEmpty, "An image has at least one channel")
        let m = channels[0].rows, n = channels[0].columns
        precondition(channels.allSatisfy { $0.rows == m && $0.columns == n }, "Channels differ in size")
        rows = m
        columns = n
        self.channels = channels
        self.decomposer = decomposer
        let (seconds, decompositions) = try Self.decompose(channels, with: decomposer)
        svdSeconds = seconds
        self.decompositions = decompositions

        let curves = try Self.errorCurves(channels, decompositions)
        frobeniusNorm = curves.squared[0].squareRoot()
        let norm = frobeniusNorm
        measuredRelativeErrors = curves.squared.map { norm > 0 ? $0.squareRoot() / norm : 0 }
        psnrByRank = curves.psnr
    }

    /// ‖A − A_k‖_F² over all channels and the PSNR of the clipped A_k (task E2.3), for
    /// k = 0 … p, by rank-one updates of A_k: the channels side by side in one array.
    private static func errorCurves(_ channels: [Matrix<Double>], _ decompositions: [SingularValueDecomposition<Double>])
        throws(TaskNotImplemented) -> (squared: [Double], psnr: [Double])
    {
        let m = channels[0].rows, n = channels[0].columns, p = min(m, n), size = m * n
        let original = channels.flatMap(\.elements)
        var squared = [Double](repeating: 0, count: p + 1)
        var psnr = [Double](repeating: 0, count: p + 1)
        var approximation = [Double](repeating: 0, count: original.count)
        for k in 0...p {
            original.withUnsafeBufferPointer { a in
                approximation.withUnsafeMutableBufferPointer { ak in
                    for (c, svd) in decompositions.enumerated() {
                        let block = ak.baseAddress! + c * size
                        if k > 0 {
                            // A_k = A_{k−1} + σ_k·u_k·v_kᵀ, column by column.
                            let sigma = svd.singularValues[k - 1]
                            svd.u.elements.withUnsafeBufferPointer { u in
                                svd.v.elements.withUnsafeBufferPointer { v in
                                    let uk = u.baseAddress! + (k - 1) * m
                                    for j in 0..<n {
                                        let factor = sigma * v[j + (k - 1) * n]
                                        let column = block + j * m
                                        for i in 0..<m { column[i] += factor * uk[i] }
                                    }
                                }
                            }
                        }
                        var plain = 0.0
                        for index in 0..<size {
                            let d = a[c * size + index] - block[index]
                            plain += d * d
                        }
                        squared[k] += plain
                    }
                }
            }
            psnr[k] = try CompressionTasks.peakSignalToNoise(original: original, reconstruction: approximation)
        }
        return (squared, psnr)
    }

    /// p = min(m, n), the largest rank.
    public var maximumRank: Int { min(rows, columns) }

    /// The energy left out by rank k, ‖A − A_k‖_F² / ‖A‖_F² = Σ_c Σ_{i>k} σ_{c,i}² / Σ_c Σ_i σ_{c,i}²
    /// = 1 − `capturedEnergy(rank: k)`, computed from the tail (the square of
    /// `eckartYoungError(rank:)`), so that it keeps its relative accuracy when it is tiny.
    public func residualEnergy(rank k: Int) -> Double {
        let e = eckartYoungError(rank: k)
        return e * e
    }

    /// The Eckart–Young prediction √(Σ_c Σ_{i>k} σ_{c,i}²) / ‖A‖_F.
    public func eckartYoungError(rank k: Int) -> Double {
        guard frobeniusNorm > 0 else { return 0 }
        let tail = decompositions.reduce(0.0) { sum, svd in
            let t = svd.frobeniusTruncationError(rank: k)
            return sum + t * t
        }
        return tail.squareRoot() / frobeniusNorm
    }

    /// The thin SVD of every channel by `decomposer`, and the wall-clock time it took.
    static func decompose(_ channels: [Matrix<Double>], with decomposer: NamedDecomposer) throws
        -> (seconds: Double, decompositions: [SingularValueDecomposition<Double>])
    {
        let timed = try Timing.median(repeats: 1) { try channels.map { try decomposer.decomposer.decompose($0, vectors: .thin) } }
        return (timed.seconds, timed.result)
    }

    /// Σ_c Σ_{i≤k} σ²_{c,i} / Σ_c Σ_i σ²_{c,i}: the fraction of ‖A‖_F² kept by rank k.
    public func capturedEnergy(rank k: Int) -> Double { Self.capturedEnergy(decompositions, rank: k) }

    /// Σ_c Σ_{i≤k} σ²_{c,i} / Σ_c Σ_i σ²_{c,i} from the singular values of the channels; 1 when
    /// every σ is 0.
    static func capturedEnergy(_ decompositions: [SingularValueDecomposition<Double>], rank k: Int) -> Double {
        var kept = 0.0, total = 0.0
        for svd in decompositions {
            for (i, sigma) in svd.singularValues.enumerated() {
                total += sigma * sigma
                if i < k { kept += sigma * sigma }
            }
        }
        return total > 0 ? kept / total : 1
    }

    /// k·(m + n + 1): numbers stored per channel (k columns of U and of V, k singular values).
    public func storedValues(rank k: Int) -> Int { k * (rows + columns + 1) }

    /// m·n / (k·(m + n + 1)): how many times fewer numbers than the pixels of a channel.
    public func compressionRatio(rank k: Int) -> Double {
        Double(rows * columns) / Double(storedValues(rank: k))
    }

    /// The smallest k whose captured energy is at least `target` (0 < target ≤ 1), by task E2.2;
    /// 1 for an image that is all zeros.
    public func smallestRank(energy target: Double) throws(TaskNotImplemented) -> Int {
        guard frobeniusNorm > 0 else { return 1 }
        return try CompressionTasks.smallestRank(energy: target, channels: decompositions.map(\.singularValues))
    }

    /// The smallest k whose clipped reconstruction reaches `target` dB, or nil if none does.
    public func smallestRank(psnr target: Double) -> Int? {
        (1...maximumRank).first { psnrByRank[$0] >= target }
    }

    /// A_k for every channel (not clipped), by task E2.1.
    public func reconstruction(rank k: Int) throws(TaskNotImplemented) -> [Matrix<Double>] {
        try decompositions.map { svd throws(TaskNotImplemented) in try CompressionTasks.rankApproximation(svd, rank: k) }
    }

    /// ‖A_c − A_{c,k}‖₂ of channel `c`, measured on the difference of the pixels and the
    /// reconstruction by randomized subspace iteration (11 vectors, 20 power iterations, see
    /// `RandomizedSVD`). The value is a Ritz value, never above the true norm, and converges to
    /// it geometrically; Eckart–Young says it equals σ_{k+1}.
    public func spectralError(rank k: Int, channel c: Int = 0) throws -> Double {
        guard k < maximumRank else { return 0 }
        var difference = channels[c]
        let approximation = try CompressionTasks.rankApproximation(decompositions[c], rank: k)
        for index in difference.elements.indices { difference.elements[index] -= approximation.elements[index] }
        let estimate = try RandomizedSVD(oversampling: 10, powerIterations: 20, seed: UInt64(k)).decompose(difference, rank: 1)
        return estimate.singularValues[0]
    }
}
