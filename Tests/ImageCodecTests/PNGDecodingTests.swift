import Testing
@testable import LabImages

/// One PNG layout: colour type, bit depth, interlace.
struct PNGLayout: Sendable, CustomTestStringConvertible {
    let colorType: UInt8
    let bitDepth: Int
    let interlaced: Bool
    var testDescription: String {
        "colour type \(colorType), \(bitDepth)-bit\(interlaced ? ", Adam7" : "")"
    }

    /// Every colour type at every bit depth PNG allows, plain and interlaced.
    static let all: [PNGLayout] = [(0, [1, 2, 4, 8, 16]), (2, [8, 16]), (3, [1, 2, 4, 8]),
                                   (4, [8, 16]), (6, [8, 16])]
        .flatMap { type, depths in
            depths.flatMap { depth in
                [false, true].map { PNGLayout(colorType: type, bitDepth: depth, interlaced: $0) }
            }
        }
}

extension ImageCodecTests {
    // MARK: Independent fixtures

    @Test("decodes fixtures made by an independent encoder", arguments: pngFixtures)
    func decodesIndependentFixture(_ fixture: PNGFixture) throws {
        let png = bytes(hex: fixture.pngHex)
        let composited = try PNG.decode(png)
        #expect(composited.width == fixture.width)
        #expect(composited.height == fixture.height)
        #expect(composited.channels == fixture.channels)
        #expect(composited.pixels == bytes(hex: fixture.compositedHex))
        let dropped = try PNG.decode(png, alpha: .drop)
        #expect(dropped.pixels == bytes(hex: fixture.droppedHex))
    }

    // MARK: Every layout through the general encoder

    @Test("decodes every colour type, bit depth and interlace", arguments: PNGLayout.all)
    func decodesEveryLayout(_ layout: PNGLayout) throws {
        let (width, height) = (11, 7)
        let header = PNGHeader(width: width, height: height, bitDepth: layout.bitDepth,
                               colorType: layout.colorType, interlaced: layout.interlaced)
        var rng = SplitMix64(seed: UInt64(layout.colorType) << 8 | UInt64(layout.bitDepth))
        let top = (1 << layout.bitDepth) - 1
        let paletteCount = min(top + 1, 200)
        let palette: [UInt8]? = layout.colorType == 3
            ? (0..<(3 * paletteCount)).map { _ in UInt8.random(in: 0...255, using: &rng) } : nil
        let sampleTop = layout.colorType == 3 ? paletteCount - 1 : top
        let samples = (0..<(width * height * header.samplesPerPixel)).map { _ in
            Int.random(in: 0...sampleTop, using: &rng)
        }
        let png = try PNG.encode(samples: samples, header: header, palette: palette, filter: .cycling)
        let image = try PNG.decode(png, alpha: .drop)

        func eightBit(_ v: Int) -> UInt8 {
            switch layout.bitDepth {
            case 16: return UInt8((v + 128) / 257)
            case 8: return UInt8(v)
            default: return UInt8(v * 255 / top)
            }
        }
        var expected: [UInt8] = []
        let spp = header.samplesPerPixel
        for p in 0..<(width * height) {
            let s = Array(samples[(p * spp)..<(p * spp + spp)])
            switch layout.colorType {
            case 0, 4: expected.append(eightBit(s[0]))
            case 2, 6: expected += s[0..<3].map(eightBit)
            default: expected += palette.map { Array($0[(3 * s[0])..<(3 * s[0] + 3)]) } ?? []
            }
        }
        #expect(image.width == width && image.height == height)
        #expect(image.channels == (layout.colorType == 0 || layout.colorType == 4 ? 1 : 3))
        #expect(image.pixels == expected)
    }

    @Test("each of the five filters decodes", arguments: PNGFilterType.allCases)
    func decodesEachFilter(_ type: PNGFilterType) throws {
        for channels in [1, 3] {
            let image = try randomImage(width: 9, height: 5, channels: channels, seed: UInt64(type.rawValue))
            let png = try PNG.encode(image, filter: .fixed(type))
            #expect(try PNG.decode(png) == image)
        }
    }

    @Test("the Paeth predictor picks the nearest of a, b, c, preferring a then b")
    func paethPredictor() {
        #expect(LabImages.paethPredictor(10, 20, 10) == 20)   // p = 20: b is exact
        #expect(LabImages.paethPredictor(20, 10, 10) == 20)   // p = 20: a is exact
        #expect(LabImages.paethPredictor(10, 10, 10) == 10)   // all tie: a
        #expect(LabImages.paethPredictor(0, 255, 255) == 0)   // p = 0
        #expect(LabImages.paethPredictor(100, 50, 200) == 50) // p = −50: b is nearest
        #expect(LabImages.paethPredictor(50, 100, 75) == 75)  // p = 75: c is exact
    }

    @Test("CRC-32 matches the standard check value")
    func crcCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
    }

    // MARK: Real photographs

    @Test("decodes camera.png (512×512 gray)")
    func decodesCamera() throws {
        let image = try RasterImage(decoding: fixture("camera.png"))
        #expect(image.width == 512 && image.height == 512 && image.channels == 1)
        // Reference values from an independent decoder.
        #expect(image[row: 0, column: 0] == 200)
        #expect(image[row: 0, column: 511] == 190)
        #expect(image[row: 511, column: 0] == 25)
        #expect(image[row: 511, column: 511] == 149)
        #expect(image[row: 123, column: 45] == 216)
        #expect(image[row: 256, column: 256] == 14)
        #expect(CRC32.checksum(image.pixels) == 0x59C2_562E)
        let sum = image.plane(0).reduce(0, +)
        #expect(abs(sum - 132_676.450_980_392_17) < 1e-6)
    }

    @Test("decodes chelsea.png (451 wide, 300 high, RGB)")
    func decodesChelsea() throws {
        let image = try RasterImage(decoding: fixture("chelsea.png"))
        #expect(image.width == 451 && image.height == 300 && image.channels == 3)
        func rgb(_ r: Int, _ c: Int) -> [UInt8] { (0..<3).map { image[row: r, column: c, channel: $0] } }
        #expect(rgb(0, 0) == [143, 120, 104])
        #expect(rgb(0, 450) == [45, 27, 13])
        #expect(rgb(299, 0) == [139, 103, 71])
        #expect(rgb(299, 450) == [162, 138, 128])
        #expect(rgb(123, 45) == [104, 60, 31])
        #expect(rgb(150, 225) == [190, 150, 124])
        #expect(CRC32.checksum(image.pixels) == 0x0F82_9D59)
        // BT.601 luminance, cross-checked with numpy.
        let y = image.luminance()
        #expect(abs(y.reduce(0, +) - 63_387.847_596_078_43) < 1e-6)
        #expect(abs(y[150 * 451 + 225] - 0.623_513_725_490_196) < 1e-12)
    }

    // MARK: Errors

    @Test("a corrupted chunk fails its CRC")
    func badCRC() throws {
        var png = try PNG.encode(randomImage(width: 4, height: 4, channels: 1, seed: 1))
        png[8 + 8 + 3] ^= 0x01   // a byte of the IHDR data (the width)
        guard case .badCRC(chunk: "IHDR", _, _)? = error(of: { _ = try PNG.decode(png) }) else {
            Issue.record("expected a CRC error")
            return
        }
    }

    @Test("bad signatures are recognised as such")
    func badSignature() {
        #expect(error { _ = try RasterImage(decoding: Array("GIF89a".utf8)) }
                == .unrecognizedSignature(firstBytes: Array("GIF89a".utf8)))
        #expect(error { _ = try PNG.decode([0x89, 0x50, 0x4E, 0x48, 0, 0, 0, 0]) }
                == .unrecognizedSignature(firstBytes: [0x89, 0x50, 0x4E, 0x48, 0, 0, 0, 0]))
        #expect(error { _ = try RasterImage(decoding: []) } == .truncated(context: "the signature (no data)"))
        #expect(error { _ = try RasterImage(decoding: [0x89, 0x50]) } == .truncated(context: "the PNG signature"))
    }

    @Test("unsupported headers are reported")
    func unsupportedHeaders() throws {
        let row: [UInt8] = [0, 0, 0, 0]
        #expect(error { _ = try PNG.decode(handmadePNG(width: 1, height: 1, colorType: 5, scanlines: row)) }
                == .unsupportedColorType(5))
        #expect(error { _ = try PNG.decode(handmadePNG(width: 1, height: 1, bitDepth: 4, colorType: 2, scanlines: row)) }
                == .unsupportedBitDepth(bitDepth: 4, colorType: 2))
        #expect(error { _ = try PNG.decode(handmadePNG(width: 1, height: 1, bitDepth: 16, colorType: 3, scanlines: row)) }
                == .unsupportedBitDepth(bitDepth: 16, colorType: 3))
        #expect(error { _ = try PNG.decode(handmadePNG(width: 1, height: 1, interlace: 2, scanlines: row)) }
                == .unsupportedInterlace(2))
    }

    @Test("absurd dimensions are rejected before any allocation")
    func absurdDimensions() throws {
        let row: [UInt8] = [0, 0]
        #expect(error { _ = try PNG.decode(handmadePNG(width: 0, height: 1, scanlines: row)) }
                == .invalidDimensions(width: 0, height: 1))
        #expect(error { _ = try PNG.decode(handmadePNG(width: 100_000, height: 100_000, scanlines: row)) }
                == .invalidDimensions(width: 100_000, height: 100_000))
        #expect(error { _ = try PNG.decode(handmadePNG(width: 0xFFFF_FFFF, height: 0xFFFF_FFFF, scanlines: row)) }
                == .invalidDimensions(width: 0xFFFF_FFFF, height: 0xFFFF_FFFF))
        // 2²⁸ pixels is allowed by size, but 2 bytes of zlib data cannot inflate to 268 MB:
        // refused from the ratio, without allocating the output.
        let bomb = try handmadePNG(width: 16384, height: 16384, scanlines: row)
        guard case .inconsistentLength? = error(of: { _ = try PNG.decode(bomb) }) else {
            Issue.record("expected an inconsistent length")
            return
        }
    }

    @Test("wrong amounts of image data are inconsistent lengths")
    func inconsistentLengths() throws {
        // 3×2 gray needs 2 · (1 + 3) = 8 bytes.
        let short = try handmadePNG(width: 3, height: 2, scanlines: [0, 1, 2, 3, 0, 1, 2])
        let oneMore = try handmadePNG(width: 3, height: 2, scanlines: [0, 1, 2, 3, 0, 1, 2, 3, 9])
        let long = try handmadePNG(width: 3, height: 2, scanlines: [0, 1, 2, 3, 0, 1, 2, 3, 0, 4, 5, 6])
        #expect(error { _ = try PNG.decode(short) }
                == .inconsistentLength("image data inflates to 7 bytes, expected 8"))
        #expect(error { _ = try PNG.decode(oneMore) }
                == .inconsistentLength("image data inflates to 9 bytes, expected 8"))
        #expect(error { _ = try PNG.decode(long) }
                == .inconsistentLength("image data inflates to more than the 8 bytes expected"))
        #expect(try PNG.decode(handmadePNG(width: 3, height: 2, scanlines: [0, 1, 2, 3, 0, 1, 2, 3])).pixels
                == [1, 2, 3, 1, 2, 3])
    }

    @Test("corrupt zlib data is reported")
    func corruptZlib() throws {
        var file = PNG.signature
        file += PNG.chunk("IHDR", bigEndianBytes(2) + bigEndianBytes(2) + [8, 0, 0, 0, 0])
        file += PNG.chunk("IDAT", [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0x00, 0x12])
        file += PNG.chunk("IEND", [])
        guard case .corruptCompressedData? = error(of: { _ = try PNG.decode(file) }) else {
            Issue.record("expected corrupt compressed data")
            return
        }
        // A stream cut short (valid CRCs, but the zlib data stops).
        let whole = try Zlib.deflate([0, 1, 2, 0, 3, 4])
        var cut = PNG.signature
        cut += PNG.chunk("IHDR", bigEndianBytes(2) + bigEndianBytes(2) + [8, 0, 0, 0, 0])
        cut += PNG.chunk("IDAT", whole.dropLast(5))
        cut += PNG.chunk("IEND", [])
        guard case .corruptCompressedData? = error(of: { _ = try PNG.decode(cut) }) else {
            Issue.record("expected corrupt compressed data for a cut stream")
            return
        }
    }

    @Test("palette problems are reported")
    func paletteErrors() throws {
        let palette: [UInt8] = [255, 0, 0, 0, 255, 0]   // two entries
        let outOfRange = try handmadePNG(width: 2, height: 1, colorType: 3, before: [("PLTE", palette)],
                                         scanlines: [0, 1, 5])
        #expect(error { _ = try PNG.decode(outOfRange) } == .paletteIndexOutOfRange(index: 5, paletteCount: 2))
        let noPalette = try handmadePNG(width: 2, height: 1, colorType: 3, scanlines: [0, 1, 0])
        #expect(error { _ = try PNG.decode(noPalette) } == .malformed("palette image without a PLTE chunk"))
        let badLength = try handmadePNG(width: 2, height: 1, colorType: 3, before: [("PLTE", [1, 2, 3, 4])],
                                        scanlines: [0, 1, 0])
        #expect(error { _ = try PNG.decode(badLength) }
                == .malformed("PLTE chunk of 4 bytes (needs 1 to 256 RGB triples)"))
        let fine = try handmadePNG(width: 2, height: 1, colorType: 3, before: [("PLTE", palette)],
                                   scanlines: [0, 1, 0])
        #expect(try PNG.decode(fine).pixels == [0, 255, 0, 255, 0, 0])
    }

    @Test("structural errors are reported")
    func structuralErrors() throws {
        let badFilter = try handmadePNG(width: 2, height: 1, scanlines: [7, 1, 2])
        #expect(error { _ = try PNG.decode(badFilter) } == .malformed("invalid filter type 7 in a scanline"))
        let critical = try handmadePNG(width: 2, height: 1, before: [("ABCD", [1])], scanlines: [0, 1, 2])
        #expect(error { _ = try PNG.decode(critical) } == .unsupportedFeature("unknown critical PNG chunk ABCD"))
        let ancillary = try handmadePNG(width: 2, height: 1, before: [("abCd", [1])], scanlines: [0, 1, 2])
        #expect(try PNG.decode(ancillary).pixels == [1, 2])
        let noHeader = PNG.signature + PNG.chunk("IDAT", try Zlib.deflate([0, 1])) + PNG.chunk("IEND", [])
        #expect(error { _ = try PNG.decode(noHeader) } == .malformed("the first chunk is IDAT, expected IHDR"))
        let noData = PNG.signature + PNG.chunk("IHDR", bigEndianBytes(1) + bigEndianBytes(1) + [8, 0, 0, 0, 0])
            + PNG.chunk("IEND", [])
        #expect(error { _ = try PNG.decode(noData) } == .malformed("no IDAT chunk"))
        let noEnd = Array(try handmadePNG(width: 2, height: 1, scanlines: [0, 1, 2]).dropLast(12))
        guard case .truncated? = error(of: { _ = try PNG.decode(noEnd) }) else {
            Issue.record("expected truncation without IEND")
            return
        }
    }

    @Test("transparency: tRNS key colour and alpha channels")
    func transparency() throws {
        // Gray 8-bit, key 7: the pixel equal to 7 becomes white when composited.
        let keyed = try handmadePNG(width: 2, height: 1, before: [("tRNS", [0, 7])], scanlines: [0, 7, 8])
        #expect(try PNG.decode(keyed).pixels == [255, 8])
        #expect(try PNG.decode(keyed, alpha: .drop).pixels == [7, 8])
        // Gray + alpha: 100 at alpha 0, 51 (= 0.2) and 255 → 100·0.2 + 255·0.8 = 224.
        let gray = try handmadePNG(width: 3, height: 1, colorType: 4,
                                   scanlines: [0, 100, 0, 100, 51, 100, 255])
        #expect(try PNG.decode(gray).pixels == [255, 224, 100])
    }
}
