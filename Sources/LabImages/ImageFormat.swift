/// The file formats this module reads and writes, recognised by their first bytes — never by
/// the file name's extension.
public enum ImageFormat: Sendable, Hashable, CaseIterable {
    /// PNG: signature `89 50 4E 47 0D 0A 1A 0A`.
    case png
    /// Netpbm PGM/PPM: `P` followed by a digit (`P2`, `P3`, `P5`, `P6` are supported;
    /// written as P5 for gray and P6 for RGB).
    case netpbm

    /// The format whose signature `bytes` start with, or `nil`.
    ///
    /// A non-empty prefix of the PNG signature, or a lone `P`, counts as that format, so that a
    /// cut-off file is reported as truncated rather than unrecognised.
    ///
    /// - Parameter bytes: the first bytes of the data (eight suffice).
    /// - Returns: the format, or `nil` when the bytes start no supported signature.
    /// - Complexity: O(1): at most eight bytes are read.
    public static func detect(_ bytes: some Collection<UInt8>) -> ImageFormat? {
        guard let first = bytes.first else { return nil }
        if first == PNG.signature[0] {
            let head = bytes.prefix(PNG.signature.count)
            return head.elementsEqual(PNG.signature.prefix(head.count)) ? .png : nil
        }
        if first == UInt8(ascii: "P") {
            let second = bytes.dropFirst().first
            if second == nil || (UInt8(ascii: "1")...UInt8(ascii: "7")).contains(second ?? 0) {
                return .netpbm
            }
        }
        return nil
    }
}

extension RasterImage {
    /// Decodes PNG, PGM or PPM data, chosen by signature.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - alpha: what to do with transparency; composited over white by default.
    /// - Throws: `ImageError.unrecognizedSignature` for other data (`.truncated` if empty),
    ///   or the decoder's error.
    public init(decoding bytes: [UInt8], alpha: AlphaHandling = .compositeOverWhite) throws(ImageError) {
        switch ImageFormat.detect(bytes) {
        case .png: self = try PNG.decode(bytes, alpha: alpha)
        case .netpbm: self = try Netpbm.decode(bytes)
        case nil:
            if bytes.isEmpty { throw .truncated(context: "the signature (no data)") }
            throw .unrecognizedSignature(firstBytes: Array(bytes.prefix(8)))
        }
    }

    /// The image encoded in `format`: 8-bit PNG (gray or RGB, adaptive filters) or P5/P6.
    ///
    /// - Parameter format: `.png` or `.netpbm`.
    /// - Returns: the bytes of the file; decoding them gives back this image exactly.
    /// - Throws: ``ImageError`` if the encoder fails.
    /// - Complexity: O(width·height·channels).
    public func encoded(as format: ImageFormat) throws(ImageError) -> [UInt8] {
        switch format {
        case .png: return try PNG.encode(self)
        case .netpbm: return Netpbm.encode(self)
        }
    }
}
