/// The PNG format (ISO/IEC 15948, W3C PNG specification), as far as this module uses it.
///
/// A PNG file is the 8-byte signature `89 50 4E 47 0D 0A 1A 0A` followed by chunks:
///
/// | bytes    | field                                                        |
/// |----------|--------------------------------------------------------------|
/// | 4        | length `n` of the data, big-endian, at most 2³¹ − 1          |
/// | 4        | type, four ASCII letters (`IHDR`, `PLTE`, `IDAT`, `IEND`, …) |
/// | n        | data                                                         |
/// | 4        | CRC-32 of type and data, big-endian (see `CRC32`)            |
///
/// A lower-case first letter marks an ancillary chunk, which a decoder may skip; an unknown
/// critical (upper-case) chunk must make it fail. `IHDR` comes first (13 bytes: width, height
/// as 4-byte big-endian integers, then bit depth, colour type, compression method 0, filter
/// method 0, interlace method 0 or 1). `PLTE` (RGB triples) precedes the image data, which is one
/// zlib stream split across consecutive `IDAT` chunks; `IEND` ends the file.
///
/// The inflated stream holds, for each row of the image (or of each Adam7 pass), a filter-type
/// byte and the filtered row (see `PNGFilterType`). Rows are packed at the bit depth: samples
/// narrower than a byte fill it from the most significant bit, and each row starts on a byte.
///
/// Colour types: 0 gray (bit depths 1, 2, 4, 8, 16), 2 RGB (8, 16), 3 palette index (1, 2, 4, 8),
/// 4 gray + alpha (8, 16), 6 RGB + alpha (8, 16). 16-bit samples are big-endian.
public enum PNG {
    /// The first eight bytes of every PNG file: a high-bit byte, "PNG", CR LF, ^Z, LF — chosen so
    /// that transfers which mangle line endings or 7-bit data are detected.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
}

/// The contents of an `IHDR` chunk, validated.
struct PNGHeader: Equatable {
    var width: Int
    var height: Int
    var bitDepth: Int
    var colorType: UInt8
    var interlaced: Bool

    /// Samples per pixel for each colour type: gray 1, RGB 3, palette 1, gray+alpha 2, RGBA 4.
    var samplesPerPixel: Int {
        switch colorType {
        case 2: return 3
        case 4: return 2
        case 6: return 4
        default: return 1
        }
    }

    var bitsPerPixel: Int { samplesPerPixel * bitDepth }

    /// The distance `bpp` used by the filters: bytes per complete pixel, rounded up to 1.
    var filterStride: Int { max(1, bitsPerPixel / 8) }

    /// Bytes in one packed row of `width` pixels (without the filter-type byte).
    func rowBytes(width: Int) -> Int { (width * bitsPerPixel + 7) / 8 }

    /// Parses and validates the 13 data bytes of `IHDR`.
    init(chunkData data: ArraySlice<UInt8>) throws(ImageError) {
        guard data.count == 13 else {
            throw .malformed("IHDR chunk has \(data.count) bytes, expected 13")
        }
        let s = data.startIndex
        let width = Int(readBigEndian32(data, at: s))
        let height = Int(readBigEndian32(data, at: s + 4))
        // PNG limits each side to 2³¹ − 1; the pixel-count limit is far stricter anyway.
        guard width <= Int(Int32.max), height <= Int(Int32.max) else {
            throw .invalidDimensions(width: width, height: height)
        }
        _ = try checkedPixelCount(width: width, height: height)
        let bitDepth = Int(data[s + 8]), colorType = data[s + 9]
        let allowed: [Int]
        switch colorType {
        case 0: allowed = [1, 2, 4, 8, 16]
        case 3: allowed = [1, 2, 4, 8]
        case 2, 4, 6: allowed = [8, 16]
        default: throw .unsupportedColorType(colorType)
        }
        guard allowed.contains(bitDepth) else {
            throw .unsupportedBitDepth(bitDepth: bitDepth, colorType: colorType)
        }
        guard data[s + 10] == 0 else { throw .unsupportedFeature("PNG compression method \(data[s + 10])") }
        guard data[s + 11] == 0 else { throw .unsupportedFeature("PNG filter method \(data[s + 11])") }
        guard data[s + 12] <= 1 else { throw .unsupportedInterlace(data[s + 12]) }
        self.init(width: width, height: height, bitDepth: bitDepth, colorType: colorType,
                  interlaced: data[s + 12] == 1)
    }

    init(width: Int, height: Int, bitDepth: Int, colorType: UInt8, interlaced: Bool) {
        self.width = width
        self.height = height
        self.bitDepth = bitDepth
        self.colorType = colorType
        self.interlaced = interlaced
    }

    /// The 13 data bytes of `IHDR` for this header.
    var chunkData: [UInt8] {
        bigEndianBytes(UInt32(width)) + bigEndianBytes(UInt32(height))
            + [UInt8(bitDepth), colorType, 0, 0, interlaced ? 1 : 0]
    }

    /// The sub-images in which the rows are stored: the whole image, or the seven Adam7 passes.
    var passes: [PNGPass] {
        guard interlaced else { return [PNGPass(xStart: 0, yStart: 0, xStep: 1, yStep: 1, imageWidth: width, imageHeight: height)] }
        return PNGPass.adam7.map { (x, y, dx, dy) in
            PNGPass(xStart: x, yStart: y, xStep: dx, yStep: dy, imageWidth: width, imageHeight: height)
        }
    }

    /// Length of the inflated image data: each non-empty pass contributes, per row, a
    /// filter byte and its packed row. (No overflow: width·height ≤ 2²⁸ and ≤ 64 bits a pixel.)
    var inflatedCount: Int {
        passes.reduce(0) { total, pass in
            pass.width == 0 ? total : total + pass.height * (1 + rowBytes(width: pass.width))
        }
    }
}

/// One sub-image of an interlaced PNG (or the whole image): pixel (i, j) of the pass is pixel
/// (yStart + i·yStep, xStart + j·xStep) of the image.
///
/// Adam7 splits the image into seven passes over each 8×8 block:
/// ```
/// 1 6 4 6 2 6 4 6
/// 7 7 7 7 7 7 7 7
/// 5 6 5 6 5 6 5 6
/// 7 7 7 7 7 7 7 7
/// 3 6 4 6 3 6 4 6
/// 7 7 7 7 7 7 7 7
/// 5 6 5 6 5 6 5 6
/// 7 7 7 7 7 7 7 7
/// ```
/// A pass with no columns or no rows is absent from the data (it has no filter bytes either).
struct PNGPass {
    /// (xStart, yStart, xStep, yStep) of passes 1…7.
    static let adam7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
                        (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]

    let xStart: Int, yStart: Int, xStep: Int, yStep: Int
    let width: Int, height: Int

    init(xStart: Int, yStart: Int, xStep: Int, yStep: Int, imageWidth: Int, imageHeight: Int) {
        self.xStart = xStart
        self.yStart = yStart
        self.xStep = xStep
        self.yStep = yStep
        width = imageWidth > xStart ? (imageWidth - xStart + xStep - 1) / xStep : 0
        height = imageHeight > yStart ? (imageHeight - yStart + yStep - 1) / yStep : 0
    }
}

@inline(__always)
func readBigEndian32(_ bytes: ArraySlice<UInt8>, at i: Int) -> UInt32 {
    UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
}

func bigEndianBytes(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
}
