import Testing
@testable import LabImages

extension ImageCodecTests {
    @Test("ASCII P2 and P3 with comments")
    func asciiNetpbm() throws {
        let pgm = "P2\n# a comment\n3 2 # trailing comment\n255\n0 1 2\n 253\t254\n255\n"
        let gray = try RasterImage(decoding: Array(pgm.utf8))
        #expect(gray.width == 3 && gray.height == 2 && gray.channels == 1)
        #expect(gray.pixels == [0, 1, 2, 253, 254, 255])

        let ppm = "P3 2 1 255 10 20 30\r\n40 50 60"
        let rgb = try Netpbm.decode(Array(ppm.utf8))
        #expect(rgb.channels == 3 && rgb.pixels == [10, 20, 30, 40, 50, 60])
    }

    @Test("maxval other than 255 is rescaled: round(v · 255 / maxval)")
    func maxvalScaling() throws {
        let pgm = try Netpbm.decode(Array("P2 4 1 15 0 7 8 15".utf8))
        #expect(pgm.pixels == [0, 119, 136, 255])   // 7·17 = 119, 8·17 = 136
        // 16-bit binary, big-endian, maxval 65535 and 1000.
        let wide = Array("P5 3 1 65535\n".utf8) + [0x00, 0x00, 0x80, 0x00, 0xFF, 0xFF]
        #expect(try Netpbm.decode(wide).pixels == [0, 128, 255])   // 32768·255/65535 = 127.5… → 128
        let thousand = Array("P6\n1 1\n1000\n".utf8) + [0x00, 0x00, 0x01, 0xF4, 0x03, 0xE8]
        #expect(try Netpbm.decode(thousand).pixels == [0, 128, 255])  // 500 → 127.5 → 128
    }

    @Test("binary header comments and data after the image")
    func binaryDetails() throws {
        let p5 = Array("P5 # gray\n2 # width\n2\n# maxval next\n255\n".utf8) + [1, 2, 3, 4] + Array("P5 garbage".utf8)
        #expect(try Netpbm.decode(p5).pixels == [1, 2, 3, 4])
        // The byte right after maxval is the separator, even when the raster starts with whitespace codes.
        let p5space = Array("P5 2 1 255\n".utf8) + [0x20, 0x0A]
        #expect(try Netpbm.decode(p5space).pixels == [0x20, 0x0A])
    }

    @Test("malformed netpbm files are reported")
    func netpbmErrors() {
        func decode(_ text: String, _ extra: [UInt8] = []) -> ImageError? {
            error { _ = try Netpbm.decode(Array(text.utf8) + extra) }
        }
        #expect(decode("P2 2 1 255 0 256") == .malformed("sample 256 exceeds maxval 255"))
        #expect(decode("P2 2 1 0 0 0") == .malformed("netpbm maxval 0 is outside 1…65535 (the value of full intensity)"))
        #expect(decode("P2 2 1 70000 0 0") == .malformed("netpbm maxval 70000 is outside 1…65535 (the value of full intensity)"))
        #expect(decode("P5 0 1 255\n") == .invalidDimensions(width: 0, height: 1))
        #expect(decode("P5 100000 100000 255\n") == .invalidDimensions(width: 100_000, height: 100_000))
        #expect(decode("P5 99999999999 1 255\n") == .malformed("the width has too many digits"))
        #expect(decode("P5 2 2 255\n", [1, 2, 3])
                == .truncated(context: "the raster (4 bytes expected, 3 present)"))
        #expect(decode("P6 2 2 255\n", Array(repeating: 0, count: 11))
                == .truncated(context: "the raster (12 bytes expected, 11 present)"))
        #expect(decode("P2 2 2 255 1 2 3") == .truncated(context: "the ASCII raster (4 samples expected)"))
        #expect(decode("P2 2 x 255") == .malformed("expected a decimal number for the height"))
        #expect(decode("P2 2 2x 255") == .malformed("unexpected character after the height"))
        #expect(decode("P5 2 1 255") == .malformed("no whitespace byte between maxval and the raster"))
        #expect(decode("P5 2 1") == .truncated(context: "the maxval"))
        #expect(decode("P5") == .truncated(context: "the netpbm header"))
        #expect(decode("P5x") == .malformed("no whitespace after the netpbm magic number"))
        #expect(decode("P") == .truncated(context: "the netpbm magic number"))
        #expect(decode("P1 1 1 0") == .unsupportedFeature("netpbm bitmaps (PBM, P1/P4)"))
        #expect(decode("P7\nWIDTH 1\n") == .unsupportedFeature("netpbm PAM files (P7)"))
        #expect(decode("P9 1 1 255") == .unrecognizedSignature(firstBytes: Array("P9 1 1 2".utf8)))
    }

    @Test("format detection looks at signatures only")
    func detection() {
        #expect(ImageFormat.detect(PNG.signature + [0, 0]) == .png)
        #expect(ImageFormat.detect(PNG.signature.prefix(3)) == .png)
        #expect(ImageFormat.detect(Array("P6\n".utf8)) == .netpbm)
        #expect(ImageFormat.detect(Array("P".utf8)) == .netpbm)
        #expect(ImageFormat.detect(Array("PK\u{3}\u{4}".utf8)) == nil)
        #expect(ImageFormat.detect([0xFF, 0xD8, 0xFF]) == nil)   // JPEG
        #expect(ImageFormat.detect([UInt8]()) == nil)
    }
}
