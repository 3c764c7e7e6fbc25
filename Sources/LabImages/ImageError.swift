/// Everything that can go wrong while reading, decoding, encoding or writing an image.
///
/// Every decoder in this module reports bad input with one of these cases and never traps:
/// lengths and offsets read from a file are checked before they are used, products of
/// dimensions use checked multiplication, and absurd dimensions are rejected before any
/// pixel memory is allocated. `description` is a single line meant for a human.
public enum ImageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read (missing, a directory, no permission, too large…).
    case unreadableFile(path: String, reason: String)
    /// The file (or its temporary sibling) could not be created, written or renamed.
    case unwritableFile(path: String, reason: String)
    /// The file exists but holds zero bytes.
    case emptyFile(path: String)
    /// The first bytes are neither a PNG signature nor a netpbm magic number.
    case unrecognizedSignature(firstBytes: [UInt8])
    /// The data ended while `context` was being read.
    case truncated(context: String)
    /// A PNG chunk's stored CRC-32 differs from the one computed over its type and data.
    case badCRC(chunk: String, stored: UInt32, computed: UInt32)
    /// A PNG colour type outside 0, 2, 3, 4, 6.
    case unsupportedColorType(UInt8)
    /// A bit depth that the format or colour type does not allow (or a netpbm maxval out of range).
    case unsupportedBitDepth(bitDepth: Int, colorType: UInt8)
    /// A PNG interlace method other than 0 (none) and 1 (Adam7).
    case unsupportedInterlace(UInt8)
    /// A valid but unsupported feature: an unknown critical chunk, a netpbm bitmap, …
    case unsupportedFeature(String)
    /// Width or height is zero, or width·height exceeds `RasterImage.maxPixelCount`.
    case invalidDimensions(width: Int, height: Int)
    /// zlib rejected the compressed image data.
    case corruptCompressedData(String)
    /// A length stored in or implied by the file disagrees with the data that is there.
    case inconsistentLength(String)
    /// A palette image refers to a palette entry that does not exist.
    case paletteIndexOutOfRange(index: Int, paletteCount: Int)
    /// The data breaks the format's rules in some other way (bad filter type, chunk order, token…).
    case malformed(String)
    /// The caller passed values that cannot form an image (wrong pixel count, channel count…).
    case invalidArgument(String)

    /// One line for a person, naming what is wrong with the data or the file.
    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "cannot read '\(path)': \(reason)"
        case let .unwritableFile(path, reason):
            return "cannot write '\(path)': \(reason)"
        case let .emptyFile(path):
            return "'\(path)' is empty (0 bytes)"
        case let .unrecognizedSignature(firstBytes):
            let hex = firstBytes.map { hexDigits($0) }.joined(separator: " ")
            return "not a PNG, PGM or PPM image (first bytes: \(hex.isEmpty ? "none" : hex))"
        case let .truncated(context):
            return "data ends too early while reading \(context)"
        case let .badCRC(chunk, stored, computed):
            return "CRC mismatch in PNG chunk \(chunk): stored 0x\(hexDigits(stored)), computed 0x\(hexDigits(computed))"
        case let .unsupportedColorType(type):
            return "unsupported PNG colour type \(type) (expected 0, 2, 3, 4 or 6)"
        case let .unsupportedBitDepth(depth, type):
            return "unsupported bit depth \(depth) for colour type \(type)"
        case let .unsupportedInterlace(method):
            return "unsupported PNG interlace method \(method) (expected 0 or 1)"
        case let .unsupportedFeature(what):
            return "unsupported: \(what)"
        case let .invalidDimensions(width, height):
            return "invalid image size \(width)×\(height) (each side must be ≥ 1 and "
                + "width·height ≤ \(RasterImage.maxPixelCount))"
        case let .corruptCompressedData(detail):
            return "corrupt compressed image data: \(detail)"
        case let .inconsistentLength(detail):
            return "inconsistent data length: \(detail)"
        case let .paletteIndexOutOfRange(index, count):
            return "palette index \(index) out of range (the palette has \(count) entries)"
        case let .malformed(detail):
            return "malformed image: \(detail)"
        case let .invalidArgument(detail):
            return "invalid argument: \(detail)"
        }
    }
}

/// `value` in lower-case hexadecimal with leading zeros, two digits per byte of its type.
private func hexDigits<T: FixedWidthInteger & UnsignedInteger>(_ value: T) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: T.bitWidth / 4 - digits.count) + digits
}
