/// What a decoder does with transparency, since `RasterImage` has no alpha channel.
///
/// Transparency comes from an alpha channel (PNG colour types 4 and 6) or from a `tRNS` chunk
/// (alpha per palette entry for colour type 3, one fully transparent key colour for types 0
/// and 2). Malformed `tRNS` chunks, being ancillary, are ignored.
public enum AlphaHandling: Sendable, Hashable {
    /// Blend each pixel over an opaque white background:
    /// `out = round((c·α + 255·(255 − α)) / 255)` with 8-bit `c` and `α` (16-bit samples are
    /// reduced to 8 bits first). Transparent pixels become white, opaque ones are unchanged.
    case compositeOverWhite
    /// Discard alpha: keep the colour samples as stored, as if every pixel were opaque.
    case drop
}

extension AlphaHandling {
    /// Applies the policy to one 8-bit sample with 8-bit alpha.
    @inline(__always)
    func apply(_ sample: UInt8, alpha: UInt8) -> UInt8 {
        guard self == .compositeOverWhite, alpha != 255 else { return sample }
        let a = Int(alpha)
        return UInt8((Int(sample) * a + 255 * (255 - a) + 127) / 255)
    }
}
