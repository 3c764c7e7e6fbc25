/// The netpbm gray and colour formats: PGM (P2 ASCII, P5 binary) and PPM (P3 ASCII, P6 binary).
///
/// A file starts with the magic number (`P2`, `P3`, `P5`, `P6`), then width, height and maxval
/// as ASCII decimals separated by whitespace; `#` starts a comment that runs to the end of the
/// line. Maxval (1…65535) is the sample value meaning full intensity.
/// - Binary (P5, P6): exactly one whitespace byte after maxval, then the raster: rows top to
///   bottom, samples interleaved (R, G, B for PPM), one byte each if maxval < 256, else two
///   bytes big-endian.
/// - ASCII (P2, P3): the raster as whitespace-separated decimals (comments are tolerated here too).
///
/// Samples are scaled to 8 bits as `round(v · 255 / maxval)`; a sample above maxval is an error.
/// Data after the first image is ignored (netpbm allows several images in one file).
/// Bitmaps (P1, P4) and PAM (P7) are reported as unsupported.
public enum Netpbm {
    /// Decodes a PGM or PPM file held in memory.
    ///
    /// - Parameter bytes: the whole file.
    /// - Returns: the first image of the file, with 1 (PGM) or 3 (PPM) channels of 8 bits.
    /// - Throws: `ImageError` for a bad magic number, a malformed header, invalid dimensions,
    ///   a maxval outside 1…65535, samples above maxval, or a raster that ends early.
    public static func decode(_ bytes: [UInt8]) throws(ImageError) -> RasterImage {
        guard bytes.count >= 2 else {
            if bytes.first == UInt8(ascii: "P") { throw .truncated(context: "the netpbm magic number") }
            throw .unrecognizedSignature(firstBytes: bytes)
        }
        guard bytes[0] == UInt8(ascii: "P") else { throw .unrecognizedSignature(firstBytes: Array(bytes.prefix(8))) }
        let ascii: Bool, channels: Int
        switch bytes[1] {
        case UInt8(ascii: "2"): (ascii, channels) = (true, 1)
        case UInt8(ascii: "3"): (ascii, channels) = (true, 3)
        case UInt8(ascii: "5"): (ascii, channels) = (false, 1)
        case UInt8(ascii: "6"): (ascii, channels) = (false, 3)
        case UInt8(ascii: "1"), UInt8(ascii: "4"):
            throw .unsupportedFeature("netpbm bitmaps (PBM, P1/P4)")
        case UInt8(ascii: "7"):
            throw .unsupportedFeature("netpbm PAM files (P7)")
        default:
            throw .unrecognizedSignature(firstBytes: Array(bytes.prefix(8)))
        }
        var scanner = NetpbmScanner(bytes: bytes, position: 2)
        guard scanner.remaining > 0 else { throw .truncated(context: "the netpbm header") }
        guard scanner.atWhitespaceOrComment else {
            throw .malformed("no whitespace after the netpbm magic number")
        }
        let width = try scanner.integer(what: "the width")
        let height = try scanner.integer(what: "the height")
        let pixelCount = try checkedPixelCount(width: width, height: height)
        let maxval = try scanner.integer(what: "the maxval")
        guard (1...65535).contains(maxval) else {
            throw .malformed("netpbm maxval \(maxval) is outside 1…65535 (the value of full intensity)")
        }
        let count = pixelCount * channels
        var pixels: [UInt8]
        if ascii {
            // Every sample needs a digit and all but the last a separator: check before allocating.
            guard scanner.remaining >= 2 * count - 1 else {
                throw .truncated(context: "the ASCII raster (\(count) samples expected)")
            }
            pixels = [UInt8](repeating: 0, count: count)
            for i in 0..<count {
                let value = try scanner.integer(what: "sample \(i) of the raster")
                pixels[i] = try scaled(value, maxval: maxval)
            }
        } else {
            // Exactly one whitespace byte separates maxval from the raster.
            guard let separator = scanner.next(), isWhitespace(separator) else {
                throw .malformed("no whitespace byte between maxval and the raster")
            }
            let bytesPerSample = maxval < 256 ? 1 : 2
            let needed = count * bytesPerSample
            guard scanner.remaining >= needed else {
                throw .truncated(context: "the raster (\(needed) bytes expected, \(scanner.remaining) present)")
            }
            let start = scanner.position
            if maxval == 255 {
                pixels = Array(bytes[start..<(start + count)])
            } else {
                pixels = [UInt8](repeating: 0, count: count)
                for i in 0..<count {
                    let value = bytesPerSample == 1
                        ? Int(bytes[start + i])
                        : Int(bytes[start + 2 * i]) << 8 | Int(bytes[start + 2 * i + 1])
                    pixels[i] = try scaled(value, maxval: maxval)
                }
            }
        }
        return RasterImage(validatedWidth: width, height: height, channels: channels, pixels: pixels)
    }

    /// Encodes an image as binary PGM (P5, gray) or PPM (P6, RGB) with maxval 255:
    /// header `P5\n<width> <height>\n255\n`, then the raw samples.
    ///
    /// - Parameter image: the image, gray or RGB.
    /// - Returns: the bytes of the file.
    /// - Complexity: O(width·height·channels).
    public static func encode(_ image: RasterImage) -> [UInt8] {
        let header = "P\(image.channels == 1 ? 5 : 6)\n\(image.width) \(image.height)\n255\n"
        return Array(header.utf8) + image.pixels
    }

    private static func scaled(_ value: Int, maxval: Int) throws(ImageError) -> UInt8 {
        guard value <= maxval else { throw .malformed("sample \(value) exceeds maxval \(maxval)") }
        return maxval == 255 ? UInt8(value) : UInt8((value * 255 + maxval / 2) / maxval)
    }
}

@inline(__always)
private func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)   // space, tab, LF, VT, FF, CR
}

/// Reads the whitespace- and comment-separated decimal tokens of a netpbm header or ASCII raster.
private struct NetpbmScanner {
    let bytes: [UInt8]
    var position: Int

    var remaining: Int { bytes.count - position }

    var atWhitespaceOrComment: Bool {
        position < bytes.count && (isWhitespace(bytes[position]) || bytes[position] == UInt8(ascii: "#"))
    }

    mutating func next() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    /// Skips whitespace and comments, then reads a non-negative decimal integer that must be
    /// followed by whitespace, a comment or the end of the data.
    mutating func integer(what: String) throws(ImageError) -> Int {
        while position < bytes.count {
            let byte = bytes[position]
            if isWhitespace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "#") {
                while position < bytes.count && bytes[position] != 0x0A && bytes[position] != 0x0D {
                    position += 1
                }
            } else {
                break
            }
        }
        guard position < bytes.count else { throw .truncated(context: what) }
        var value = 0, digits = 0
        while position < bytes.count, (0x30...0x39).contains(bytes[position]) {
            // Anything beyond 9 digits is absurd for a netpbm header or sample; stop before overflow.
            guard digits < 9 else { throw .malformed("\(what) has too many digits") }
            value = value * 10 + Int(bytes[position] - 0x30)
            digits += 1
            position += 1
        }
        guard digits > 0 else { throw .malformed("expected a decimal number for \(what)") }
        if position < bytes.count && !atWhitespaceOrComment {
            throw .malformed("unexpected character after \(what)")
        }
        return value
    }
}
