import Testing
@testable import LabImages

/// Fuzz-style robustness: malformed input must produce an `ImageError` (or, where the damage
/// happens to leave a valid file, a well-formed image) — never a crash. Beyond not trapping, each
/// test checks what it can know: an image that decodes has the shape its samples say; random
/// bytes behind a PNG signature are refused; a binary PGM with a whole raster decodes; damage
/// behind a valid CRC reaches the zlib and header checks (the errors seen say so). Coverage-guided
/// fuzzing of the same decoders: Scripts/fuzz.sh. All inputs are small and seeded.
extension ImageCodecTests {
    /// Decodes, returning whether it succeeded; a trap would end the test run. An image that
    /// decodes must be well formed: positive sides and one sample per pixel and channel.
    @discardableResult
    private func survives(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let image = try? RasterImage(decoding: bytes) else { return false }
        #expect(image.width >= 1 && image.height >= 1 && (image.channels == 1 || image.channels == 3)
                && image.pixels.count == image.width * image.height * image.channels,
                "a decoded image is well formed", sourceLocation: sourceLocation)
        return true
    }

    /// The error of a failed decoding, or nil when it decoded.
    private func decodingError(_ bytes: [UInt8]) -> ImageError? {
        do { _ = try RasterImage(decoding: bytes); return nil } catch { return error }
    }

    /// The hexadecimal PNG of the fixture whose name starts with `prefix`; a missing fixture
    /// fails the test instead of becoming an empty input.
    private func fixture(_ prefix: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        let found = try #require(pngFixtures.first { $0.name.hasPrefix(prefix) }, "no fixture '\(prefix)'",
                                 sourceLocation: sourceLocation)
        return bytes(hex: found.pngHex)
    }

    private func smallInputs() throws -> [(String, [UInt8])] {
        let rgb = try randomImage(width: 7, height: 3, channels: 3, seed: 42)
        let gray = try randomImage(width: 5, height: 2, channels: 1, seed: 43)
        let ascii = "P2\n# c\n3 2\n255\n0 10 200\n30 40 255\n"
        return [
            ("PNG", try PNG.encode(rgb, filter: .cycling)),
            ("Adam7 PNG", try fixture("Adam7 RGB")),
            ("palette PNG", try fixture("palette 8-bit")),
            ("P5", Netpbm.encode(gray)),
            ("P6", Netpbm.encode(rgb)),
            ("P2", Array(ascii.utf8)),
        ]
    }

    @Test("random bytes, with and without a valid signature, never crash")
    func randomBytes() {
        var rng = SplitMix64(seed: 2024)
        let heads: [[UInt8]] = [[], PNG.signature, Array("P5 ".utf8), Array("P6\n".utf8), Array("P2 ".utf8),
                                Array("P3 3 2 255 ".utf8), Array("P5 4 4 255\n".utf8)]
        for i in 0..<3000 {
            let count = Int.random(in: 0...200, using: &rng)
            let tail = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let head = heads[i % heads.count]
            let decoded = survives(head + tail)
            if head == PNG.signature {
                // Random chunks cannot carry a valid IHDR with its CRC.
                #expect(!decoded, "random bytes behind a PNG signature decoded")
            }
            if head == Array("P5 4 4 255\n".utf8) {
                // Any 16 bytes are a 4×4 8-bit raster; fewer are a truncated one.
                #expect(decoded == (count >= 16), "P5 4×4 with \(count) raster bytes")
            }
        }
    }

    @Test("every truncation of a valid file fails cleanly")
    func truncations() throws {
        for (name, whole) in try smallInputs() {
            #expect(survives(whole), "\(name) must decode when whole")
            for length in 0..<whole.count {
                let decoded = survives(Array(whole.prefix(length)))
                // A PNG needs its IEND chunk and a binary netpbm its whole raster; an ASCII raster
                // cut inside its last number can still parse.
                if name != "P2" {
                    #expect(!decoded, "\(name) cut to \(length) of \(whole.count) bytes decoded")
                }
            }
        }
    }

    @Test("every single-byte corruption fails cleanly or decodes")
    func singleByteCorruptions() throws {
        for (name, whole) in try smallInputs() {
            var rejected = 0
            for position in whole.indices {
                for flip: UInt8 in [0x01, 0x80, 0xFF] {
                    var damaged = whole
                    damaged[position] ^= flip
                    if !survives(damaged) { rejected += 1 }
                }
            }
            if name.hasSuffix("PNG") {
                // Past the signature every byte is covered by a CRC or is a length that breaks the
                // chunk structure; only the bytes after IEND could change unnoticed, and there are none.
                #expect(rejected == 3 * whole.count, "\(name): some corruption went unnoticed")
            }
        }
    }

    @Test("corruptions behind a valid CRC reach the header, zlib and filter checks without crashing")
    func corruptionsWithValidCRC() throws {
        var rng = SplitMix64(seed: 7)
        let png = try PNG.encode(try randomImage(width: 6, height: 5, channels: 3, seed: 8), filter: .cycling)
        let palette = try fixture("palette 2-bit")
        let interlaced = try fixture("Adam7 gray 1-bit")
        let wide = try fixture("RGBA 16-bit")
        var zlibErrors = 0, headerErrors = 0
        for base in [png, palette, interlaced, wide] {
            let chunks = chunkRanges(base)
            for _ in 0..<1500 {
                guard let (typeRange, dataRange) = chunks.randomElement(using: &rng), !dataRange.isEmpty else { continue }
                var damaged = base
                let hits = Int.random(in: 1...3, using: &rng)
                for _ in 0..<hits {
                    damaged[Int.random(in: dataRange, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
                let crc = CRC32.checksum(damaged[typeRange.lowerBound..<dataRange.upperBound])
                damaged.replaceSubrange(dataRange.upperBound..<(dataRange.upperBound + 4), with: bigEndianBytes(crc))
                if survives(damaged) { continue }
                switch decodingError(damaged) {
                case .corruptCompressedData?: zlibErrors += 1
                case .unsupportedColorType?, .unsupportedBitDepth?, .unsupportedInterlace?, .invalidDimensions?: headerErrors += 1
                default: break
                }
            }
        }
        // The damage got past the CRC to the checks behind it.
        #expect(zlibErrors > 0, "no corruption reached zlib's check")
        #expect(headerErrors > 0, "no corruption reached the header checks")
    }

    /// (type bytes, data bytes) of each chunk of a well-formed PNG.
    private func chunkRanges(_ png: [UInt8]) -> [(Range<Int>, Range<Int>)] {
        var ranges: [(Range<Int>, Range<Int>)] = []
        var position = 8
        while position + 12 <= png.count {
            let length = Int(readBigEndian32(png[...], at: position))
            ranges.append(((position + 4)..<(position + 8), (position + 8)..<(position + 8 + length)))
            position += 12 + length
        }
        return ranges
    }
}
