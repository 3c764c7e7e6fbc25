/// The order in which a plane's `height × width` values are laid out in a flat array.
public enum PlaneOrder: Sendable, Hashable {
    /// Row by row: pixel (r, x) is at `r * width + x`. The natural order of image files.
    case rowMajor
    /// Column by column: pixel (r, x) is at `r + x * height`. The order of LAPACK and of
    /// a column-major matrix with `height` rows and `width` columns.
    case columnMajor
}

/// Real-valued planes: the bridge between 8-bit pixels and linear algebra.
///
/// A plane holds one channel as `Double`s scaled to [0, 1] (sample / 255), `height` rows by
/// `width` columns. Going back, values are clipped to [0, 1] (NaN becomes 0), multiplied by 255
/// and rounded to the nearest integer (halves away from zero), so `planes → image` inverts
/// `image → planes` exactly.
extension RasterImage {
    /// Channel `channel` as `width · height` values in [0, 1], in the given order.
    ///
    /// - Parameters:
    ///   - channel: 0 for gray; 0, 1, 2 for red, green, blue.
    ///   - order: row-major (the default) or column-major.
    /// - Returns: sample / 255 for every pixel.
    /// - Complexity: O(width·height).
    public func plane(_ channel: Int, order: PlaneOrder = .rowMajor) -> [Double] {
        precondition(channel >= 0 && channel < channels,
                     "channel \(channel) does not exist in an image with \(channels) channel(s)")
        var plane = [Double](repeating: 0, count: width * height)
        for r in 0..<height {
            for x in 0..<width {
                let sample = pixels[(r * width + x) * channels + channel]
                plane[order.index(row: r, column: x, width: width, height: height)] = Double(sample) / 255
            }
        }
        return plane
    }

    /// Every channel as a plane: one for gray, three (red, green, blue) for RGB.
    ///
    /// - Parameter order: row-major (the default) or column-major.
    /// - Returns: one array of `width · height` values in [0, 1] per channel.
    /// - Complexity: O(width·height·channels).
    public func planes(order: PlaneOrder = .rowMajor) -> [[Double]] {
        (0..<channels).map { plane($0, order: order) }
    }

    /// Luminance in [0, 1] with the ITU-R BT.601 weights Y = 0.299 R + 0.587 G + 0.114 B
    /// (applied to the stored, gamma-encoded values, as JPEG and most image tools do).
    /// For a gray image this is the gray plane itself.
    ///
    /// - Parameter order: row-major (the default) or column-major.
    /// - Returns: `width · height` values in [0, 1].
    /// - Complexity: O(width·height).
    public func luminance(order: PlaneOrder = .rowMajor) -> [Double] {
        guard channels == 3 else { return plane(0, order: order) }
        var plane = [Double](repeating: 0, count: width * height)
        for r in 0..<height {
            for x in 0..<width {
                let base = (r * width + x) * 3
                let y = 0.299 * Double(pixels[base]) + 0.587 * Double(pixels[base + 1])
                    + 0.114 * Double(pixels[base + 2])
                plane[order.index(row: r, column: x, width: width, height: height)] = y / 255
            }
        }
        return plane
    }

    /// A one-channel image of the BT.601 luminance, rounded to the nearest 8-bit value.
    /// A gray image is returned unchanged.
    ///
    /// - Returns: a one-channel image of the same size.
    /// - Complexity: O(width·height).
    public func grayscale() -> RasterImage {
        guard channels == 3 else { return self }
        let y = luminance()
        // Cannot fail: the shape is that of `self`, which is valid.
        return RasterImage(validatedWidth: width, height: height, channels: 1,
                           pixels: y.map(quantize))
    }

    /// An image from one plane (gray) or three planes (RGB) of `width · height` values each.
    /// Values are clipped to [0, 1] (NaN becomes 0) and rounded to the nearest of 0/255 … 255/255.
    ///
    /// - Parameters:
    ///   - planes: one or three planes of `width · height` values.
    ///   - width: the number of columns.
    ///   - height: the number of rows.
    ///   - order: how each plane is laid out; row-major by default.
    /// - Throws: `ImageError.invalidArgument` for a plane count other than 1 or 3 or a plane of
    ///   the wrong length, `ImageError.invalidDimensions` for an empty or oversized shape.
    public init(planes: [[Double]], width: Int, height: Int, order: PlaneOrder = .rowMajor) throws(ImageError) {
        let channels = planes.count
        let count = try RasterImage.sampleCount(width: width, height: height, channels: channels)
        for (c, plane) in planes.enumerated() where plane.count != width * height {
            throw .invalidArgument("plane \(c) has \(plane.count) values, a \(width)×\(height) image needs \(width * height)")
        }
        var pixels = [UInt8](repeating: 0, count: count)
        for (c, plane) in planes.enumerated() {
            for r in 0..<height {
                for x in 0..<width {
                    let value = plane[order.index(row: r, column: x, width: width, height: height)]
                    pixels[(r * width + x) * channels + c] = quantize(value)
                }
            }
        }
        self.init(validatedWidth: width, height: height, channels: channels, pixels: pixels)
    }

    /// A gray image from one plane; see `init(planes:width:height:order:)`.
    ///
    /// - Parameters:
    ///   - plane: `width · height` values in [0, 1].
    ///   - width: the number of columns.
    ///   - height: the number of rows.
    ///   - order: how the plane is laid out; row-major by default.
    /// - Throws: as `init(planes:width:height:order:)`.
    public init(gray plane: [Double], width: Int, height: Int, order: PlaneOrder = .rowMajor) throws(ImageError) {
        try self.init(planes: [plane], width: width, height: height, order: order)
    }
}

extension PlaneOrder {
    @inline(__always)
    func index(row: Int, column: Int, width: Int, height: Int) -> Int {
        switch self {
        case .rowMajor: return row * width + column
        case .columnMajor: return row + column * height
        }
    }
}

/// [0, 1] → 0…255: clip (NaN → 0), scale, round to nearest.
@inline(__always)
func quantize(_ value: Double) -> UInt8 {
    guard value > 0 else { return 0 }      // also catches NaN
    guard value < 1 else { return 255 }
    return UInt8((value * 255).rounded())
}
