/// CRC-32 as used by PNG (and zlib's `crc32`, gzip, Ethernet).
///
/// The checksum of a bit stream is the remainder of its polynomial division by
/// x³² + x²⁶ + x²³ + x²² + x¹⁶ + x¹² + x¹¹ + x¹⁰ + x⁸ + x⁷ + x⁵ + x⁴ + x² + x + 1
/// (0x04C11DB7), computed least-significant bit first — hence the reflected constant
/// 0xEDB88320 below — with the register preset to all ones and the result complemented.
/// PNG stores it big-endian after each chunk, computed over the chunk type and data
/// (not the length). Check value: CRC-32 of the ASCII bytes "123456789" is 0xCBF43926.
///
/// Written out here (one table lookup per byte) rather than taken from zlib so that the format
/// is visible; zlib's `crc32` gives the same numbers.
enum CRC32 {
    /// `table[n]` is the CRC register after shifting the byte `n` through it (8 steps).
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 {
            c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1
        }
        return c
    }

    /// Continues a running CRC (start from 0) with more bytes.
    static func update(_ crc: UInt32, _ bytes: some Sequence<UInt8>) -> UInt32 {
        var c = ~crc
        for byte in bytes {
            c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8)
        }
        return ~c
    }

    /// The CRC-32 of `bytes`.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        update(0, bytes)
    }
}
