import Foundation
import LabSupport

/// What the exact SVD of an image costs, estimated before any work starts, so that an image too
/// large for a laptop is refused in one line instead of running for hours or exhausting memory.
///
/// Work: the one-sided Jacobi SVD of an m×n channel (with p = min(m, n)) and the reconstruction
/// errors for every k cost about c·m·n·p operations each; the bundled 512×512 photograph
/// (1.3·10⁸ units) takes about 2 s in the optimized debug build, so ``largestWork`` is about
/// 3 minutes there. Memory: per channel the matrix, U (m×p), V (n×p) and a working copy of the
/// matrix, 8 bytes each.
public struct CompressionCost: Sendable, Equatable {
    /// Σ over the channels of m·n·p.
    public let work: Double
    /// Bytes of the channel matrices and their factors.
    public let bytes: Double

    /// The most work accepted (see the type's description).
    public static let largestWork = 1.2e10
    /// The most memory accepted: 4 GiB.
    public static let largestBytes = 4.0 * 1024 * 1024 * 1024

    public init(width: Int, height: Int, channels: Int) {
        let m = Double(height), n = Double(width), p = min(m, n), c = Double(channels)
        work = c * m * n * p
        bytes = c * 8 * (2 * m * n + m * p + n * p)
    }

    /// - Throws: `UserFacingError` naming the size, what it would need and what to do instead
    ///   (a smaller image, or `--gray` for a colour one).
    public func check(image name: String, width: Int, height: Int, channels: Int, gray: Bool) throws {
        guard work > Self.largestWork || bytes > Self.largestBytes else { return }
        let minutes = work / 1.3e8 * 2 / 60
        let gigabytes = bytes / 1e9
        let side = Int(Foundation.cbrt(Self.largestWork / Double(channels)) / 64) * 64
        let colour = channels == 3 && !gray ? "; or try --gray (one channel instead of three)" : ""
        throw UserFacingError("\(name): \(width)×\(height) pixels\(channels == 3 ? " × 3 channels" : ""); its exact SVD "
            + "would take about \(Format.significant(minutes, 2)) minutes and \(Format.significant(gigabytes, 2)) GB; "
            + "resize it to at most about \(side)×\(side)\(colour)")
    }
}
