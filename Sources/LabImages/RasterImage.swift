/// An 8-bit raster image: gray (1 channel) or RGB (3 channels), no alpha.
///
/// Pixels are stored row by row from the top-left corner, channels interleaved:
/// the sample of channel `c` at row `r`, column `x` is `pixels[(r * width + x) * channels + c]`.
///
/// Decoders produce this type from every supported file. An alpha channel (PNG colour types 4
/// and 6, or a `tRNS` chunk) is removed by compositing over a white background by default;
/// see `AlphaHandling`. Palette images decode to RGB.
///
/// ```swift
/// let image = try RasterImage(width: 2, height: 1, channels: 1, pixels: [0, 255])
/// image[row: 0, column: 1]   // 255
/// image.plane(0)             // [0.0, 1.0]
/// ```
public struct RasterImage: Sendable, Equatable {
    /// Number of columns.
    public let width: Int
    /// Number of rows.
    public let height: Int
    /// Samples per pixel: 1 (gray) or 3 (red, green, blue).
    public let channels: Int
    /// `width · height · channels` samples, row-major, channels interleaved.
    public private(set) var pixels: [UInt8]

    /// The largest accepted `width · height`: 2²⁸ (268 million pixels, 805 MB as RGB).
    /// Decoders reject larger headers before allocating anything.
    public static let maxPixelCount = 1 << 28

    /// An image from its interleaved samples.
    ///
    /// - Parameters:
    ///   - width: the number of columns, at least 1.
    ///   - height: the number of rows, at least 1.
    ///   - channels: 1 (gray) or 3 (RGB).
    ///   - pixels: `width · height · channels` samples, row by row, the channels of a pixel together.
    /// - Throws: `ImageError.invalidDimensions` for an empty or oversized image,
    ///   `ImageError.invalidArgument` if `channels` is not 1 or 3 or `pixels` has the wrong count.
    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) throws(ImageError) {
        let count = try RasterImage.sampleCount(width: width, height: height, channels: channels)
        guard pixels.count == count else {
            throw .invalidArgument("a \(width)×\(height) image with \(channels) channel(s) needs \(count) samples, got \(pixels.count)")
        }
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// For decoders that have already validated the shape and filled exactly the right count.
    init(validatedWidth width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        assert(pixels.count == width * height * channels)
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// Checks the shape and returns `width · height · channels`, without overflow.
    static func sampleCount(width: Int, height: Int, channels: Int) throws(ImageError) -> Int {
        guard channels == 1 || channels == 3 else {
            throw .invalidArgument("channels must be 1 (gray) or 3 (RGB), got \(channels)")
        }
        let pixelCount = try checkedPixelCount(width: width, height: height)
        return pixelCount * channels
    }

    /// The sample at (`row`, `column`) of `channel` (0 for gray; 0, 1, 2 for red, green, blue).
    /// Traps on an index outside the image, like an array subscript.
    public subscript(row row: Int, column column: Int, channel channel: Int = 0) -> UInt8 {
        precondition(row >= 0 && row < height && column >= 0 && column < width,
                     "pixel (\(row), \(column)) is outside the \(width)×\(height) image")
        precondition(channel >= 0 && channel < channels,
                     "channel \(channel) does not exist in an image with \(channels) channel(s)")
        return pixels[(row * width + column) * channels + channel]
    }
}

/// `width · height` after checking that both are positive and the product is at most
/// `RasterImage.maxPixelCount`; used by every decoder before it allocates pixel memory.
func checkedPixelCount(width: Int, height: Int) throws(ImageError) -> Int {
    guard width > 0, height > 0 else { throw .invalidDimensions(width: width, height: height) }
    let (product, overflow) = width.multipliedReportingOverflow(by: height)
    guard !overflow, product <= RasterImage.maxPixelCount else {
        throw .invalidDimensions(width: width, height: height)
    }
    return product
}
