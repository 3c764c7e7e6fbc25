import Foundation
import LabImages
import LabSupport
import SVDCore
import SVDDecomposers

/// The part of exercise 2 that needs only the SVD: the image, its singular values, and what
/// Eckart–Young predicts from them for each rank k — ‖A − A_k‖_F/‖A‖_F = √(Σ_{i>k}σᵢ²)/‖A‖_F,
/// ‖A − A_k‖₂ = σ_{k+1}, the energy kept and the storage k(m+n+1) — without forming any A_k.
///
/// The full report measures the same errors from the pixels of A_k, which needs the tasks
/// E2.1–E2.3; in the student version, while they are stubs, `exercise2` prints this section and
/// names the tasks the rest waits for.
public enum CompressionSpectrum {
    /// What was compressed: "gray", "luminance (BT.601)" or "RGB, each channel separately".
    public static func modeDescription(_ mode: ChannelMode, channels: Int) -> String {
        switch (mode, channels) {
        case (.luminance, _): return "luminance Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601)"
        case (_, 1): return "gray"
        default: return "RGB, each channel compressed separately"
        }
    }

    /// The report's first lines: the image, the matrix and its SVD, and σ₁, σ₁₀, σ₁₀₀ (where the
    /// image has that many) and the last σ.
    static func headerLines(source: String, image: RasterImage, mode: ChannelMode, channelCount: Int,
                            decomposer: NamedDecomposer, svdSeconds: Double, sigma: [Double]) -> [String] {
        let m = image.height, n = image.width
        var lines = ["Image: \(source), \(n)×\(m) pixels (width×height), compressed as "
                     + "\(modeDescription(mode, channels: image.channels))."]
        let matrices: String
        switch (mode, channelCount) {
        case (.luminance, _): matrices = "The luminance is an"
        case (_, 1): matrices = "The image is an"
        case (_, let count): matrices = "Each of the \(count) channels is an"
        }
        lines.append("\(matrices) m×n = \(m)×\(n) matrix A of values in [0, 1]. Thin SVD by "
                     + "\(decomposer.label): \(Format.fixed(svdSeconds, 2)) s.")
        let milestones = [1, 10, 100].filter { $0 < sigma.count }
            .map { "σ\(subscriptDigits($0)) = \(Format.significant(sigma[$0 - 1], $0 == 1 ? 5 : 4))" }
        let last = "σ_\(sigma.count) = \(Format.scientific(sigma.last!, 2))"
        lines.append((milestones + [last]).joined(separator: ", ") + (channelCount > 1 ? " (first channel)" : ""))
        return lines
    }

    /// The section that needs no task: reads and decomposes the image as `CompressionExercise.run`
    /// does, and tabulates what the singular values alone predict for each requested rank.
    ///
    /// - Parameter request: the image, ranks, mode and decomposer (targets are ignored: finding
    ///   the rank for a target is task E2.2's).
    /// - Returns: the lines of the section.
    /// - Throws: `UserFacingError` with one line (unreadable image, rank out of range, too large),
    ///   or the decomposer's `SVDError`.
    public static func report(_ request: CompressionRequest) throws -> String {
        let input = try CompressionExercise.readImage(request)
        let channels = input.image.channelMatrices(input.mode)
        let (seconds, decompositions) = try CompressionAnalysis.decompose(channels, with: request.decomposer)
        let m = input.image.height, n = input.image.width
        var lines = headerLines(source: input.source, image: input.image, mode: input.mode, channelCount: channels.count,
                                decomposer: request.decomposer, svdSeconds: seconds, sigma: decompositions[0].singularValues)
        lines.append("")
        lines.append("From the σᵢ alone (Eckart–Young; measuring them on the pixels of A_k waits for your tasks):")
        // ‖A‖_F and the tail √(Σ_{i>k}σᵢ²) over all channels, each from its σ (scaled, no overflow).
        func tail(_ k: Int) -> Double {
            decompositions.map { $0.frobeniusTruncationError(rank: k) }.reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
        let norm = tail(0)
        var table = TextTable(headers: ["k", "√(Σ_{i>k}σᵢ²)/‖A‖_F", "σ_{k+1}", "energy", "stored k(m+n+1)", "m·n", "ratio"])
        for k in input.ranks {
            let stored = k * (m + n + 1)
            table.append(["\(k)", Format.significant(norm > 0 ? tail(k) / norm : 0, 10),
                          Format.significant(decompositions[0].spectralTruncationError(rank: k), 6),
                          Format.fixed(CompressionAnalysis.capturedEnergy(decompositions, rank: k), 5),
                          "\(stored)\(channels.count > 1 ? " ×\(channels.count)" : "")", "\(m * n)",
                          Format.fixed(Double(m * n) / Double(stored), 2) + "×"])
        }
        lines.append(table.rendered())
        return lines.joined(separator: "\n")
    }
}

extension CompressionTasks {
    /// The tasks of exercise 2 that are still stubs, in the order of the guide: each is called
    /// once on an input of size one, where a written task returns at once and a stub throws.
    public static var stillStubs: [TaskNotImplemented] {
        let one = try? OneSidedJacobi().decompose(Matrix<Double>.identity(1), vectors: .thin)
        var stubs: [TaskNotImplemented] = []
        func probe(_ call: () throws -> Void) {
            do { try call() } catch { if let task = TaskNotImplemented.missingTask(in: error) { stubs.append(task) } }
        }
        if let one { probe { _ = try rankApproximation(one, rank: 1) } }
        probe { _ = try smallestRank(energy: 1, channels: [[1]]) }
        probe { _ = try peakSignalToNoise(original: [0], reconstruction: [0]) }
        return stubs
    }
}
