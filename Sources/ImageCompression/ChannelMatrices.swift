import LabImages
import SVDCore

/// How the channels of an image become matrices.
public enum ChannelMode: Sendable, Equatable {
    /// Each channel (one for gray, red/green/blue for colour) is compressed on its own.
    case perChannel
    /// Colour is first turned into luminance Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601).
    case luminance
}

extension RasterImage {
    /// The image as m×n matrices (m = height, n = width), entries = samples/255 in [0, 1]: one
    /// per channel, or one of BT.601 luminance.
    public func channelMatrices(_ mode: ChannelMode) -> [Matrix<Double>] {
        switch mode {
        case .luminance:
            return [Matrix(rows: height, columns: width, columnMajor: luminance(order: .columnMajor))]
        case .perChannel:
            return planes(order: .columnMajor).map { Matrix(rows: height, columns: width, columnMajor: $0) }
        }
    }

    /// The image built from matrices in [0, 1] (values outside are clipped, then rounded to 8 bits).
    public init(channelMatrices matrices: [Matrix<Double>]) throws(ImageError) {
        guard let first = matrices.first else { throw .invalidArgument("no channels") }
        try self.init(planes: matrices.map(\.elements), width: first.columns, height: first.rows, order: .columnMajor)
    }
}
