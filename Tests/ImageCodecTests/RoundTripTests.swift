import Testing
@testable import LabImages

/// Image shapes for round trips: tiny, odd, thin and a little larger.
let roundTripShapes: [(width: Int, height: Int)] = [(1, 1), (7, 3), (3, 7), (1, 13), (13, 1), (64, 33)]

extension ImageCodecTests {
    @Test("PNG round trips are bit-exact for every filter strategy",
          arguments: [PNGFilterStrategy.adaptive, .cycling, .fixed(.none), .fixed(.sub), .fixed(.up),
                      .fixed(.average), .fixed(.paeth)])
    func pngRoundTrip(_ strategy: PNGFilterStrategy) throws {
        for channels in [1, 3] {
            for (i, shape) in roundTripShapes.enumerated() {
                let image = try randomImage(width: shape.width, height: shape.height, channels: channels,
                                            seed: UInt64(100 * channels + i))
                let png = try PNG.encode(image, filter: strategy)
                #expect(try PNG.decode(png) == image, "\(shape.width)×\(shape.height), \(channels) channel(s)")
                #expect(ImageFormat.detect(png) == .png)
            }
        }
    }

    @Test("PNG round trips at compression levels 0 and 9")
    func pngCompressionLevels() throws {
        let image = try randomImage(width: 31, height: 17, channels: 3, seed: 9)
        for level in [0, 9] {
            #expect(try PNG.decode(PNG.encode(image, compressionLevel: level)) == image)
        }
        #expect(error { _ = try PNG.encode(image, compressionLevel: 10) }
                == .invalidArgument("compression level must be 0…9, got 10"))
    }

    @Test("the photographs survive a PNG round trip")
    func photoRoundTrip() throws {
        for name in ["camera.png", "chelsea.png"] {
            let image = try RasterImage(decoding: fixture(name))
            #expect(try RasterImage(decoding: image.encoded(as: .png)) == image)
        }
    }

    @Test("P5/P6 round trips are bit-exact")
    func netpbmRoundTrip() throws {
        for channels in [1, 3] {
            for (i, shape) in roundTripShapes.enumerated() {
                let image = try randomImage(width: shape.width, height: shape.height, channels: channels,
                                            seed: UInt64(200 * channels + i))
                let encoded = Netpbm.encode(image)
                #expect(encoded.prefix(2) == (channels == 1 ? [0x50, 0x35] : [0x50, 0x36]))
                #expect(try Netpbm.decode(encoded) == image)
                #expect(try RasterImage(decoding: encoded) == image)
            }
        }
    }

    @Test("planes: row- and column-major layouts, exact round trip")
    func planes() throws {
        // 2 rows × 3 columns, RGB; pixel (r, x) has red 10r + x.
        var pixels: [UInt8] = []
        for r in 0..<2 { for x in 0..<3 { pixels += [UInt8(10 * r + x), 255, 0] } }
        let image = try RasterImage(width: 3, height: 2, channels: 3, pixels: pixels)
        #expect(image.plane(0).map { Int(($0 * 255).rounded()) } == [0, 1, 2, 10, 11, 12])
        #expect(image.plane(0, order: .columnMajor).map { Int(($0 * 255).rounded()) } == [0, 10, 1, 11, 2, 12])
        #expect(image.plane(1).allSatisfy { $0 == 1 })
        #expect(try RasterImage(planes: image.planes(), width: 3, height: 2) == image)
        #expect(try RasterImage(planes: image.planes(order: .columnMajor), width: 3, height: 2,
                                order: .columnMajor) == image)

        let photo = try randomImage(width: 7, height: 3, channels: 1, seed: 5)
        #expect(try RasterImage(gray: photo.plane(0), width: 7, height: 3) == photo)
    }

    @Test("planes → pixels clips to [0, 1] and rounds to nearest")
    func quantization() throws {
        let values: [Double] = [-0.5, 0, 0.5, 127.4 / 255, 127.6 / 255, 1, 1.7, .nan, .infinity, -.infinity]
        let image = try RasterImage(gray: values, width: values.count, height: 1)
        #expect(image.pixels == [0, 0, 128, 127, 128, 255, 255, 0, 255, 0])
    }

    @Test("luminance uses the BT.601 weights 0.299, 0.587, 0.114")
    func luminance() throws {
        let image = try RasterImage(width: 4, height: 1, channels: 3,
                                    pixels: [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])
        let y = image.luminance()
        #expect(abs(y[0] - 0.299) < 1e-15)
        #expect(abs(y[1] - 0.587) < 1e-15)
        #expect(abs(y[2] - 0.114) < 1e-15)
        #expect(abs(y[3] - 1) < 1e-15)
        #expect(image.grayscale().pixels == [76, 150, 29, 255])
        let gray = try randomImage(width: 3, height: 2, channels: 1, seed: 3)
        #expect(gray.luminance() == gray.plane(0))
        #expect(gray.grayscale() == gray)
    }

    @Test("images with an invalid shape are refused")
    func invalidImages() {
        #expect(error { _ = try RasterImage(width: 2, height: 2, channels: 1, pixels: [1, 2, 3]) }
                == .invalidArgument("a 2×2 image with 1 channel(s) needs 4 samples, got 3"))
        #expect(error { _ = try RasterImage(width: 1, height: 1, channels: 4, pixels: [1, 2, 3, 4]) }
                == .invalidArgument("channels must be 1 (gray) or 3 (RGB), got 4"))
        #expect(error { _ = try RasterImage(width: 0, height: 5, channels: 1, pixels: []) }
                == .invalidDimensions(width: 0, height: 5))
        #expect(error { _ = try RasterImage(planes: [[0.5], [0.5]], width: 1, height: 1) }
                == .invalidArgument("channels must be 1 (gray) or 3 (RGB), got 2"))
        #expect(error { _ = try RasterImage(gray: [0.5, 0.5], width: 1, height: 1) }
                == .invalidArgument("plane 0 has 2 values, a 1×1 image needs 1"))
    }

    @Test("every error message is a single non-empty line")
    func errorMessages() {
        let errors: [ImageError] = [
            .unreadableFile(path: "a.png", reason: "No such file or directory"),
            .unwritableFile(path: "a.png", reason: "Permission denied"), .emptyFile(path: "a.png"),
            .unrecognizedSignature(firstBytes: [0x47, 0x49]), .unrecognizedSignature(firstBytes: []),
            .truncated(context: "x"), .badCRC(chunk: "IDAT", stored: 1, computed: 0xDEAD_BEEF),
            .unsupportedColorType(5), .unsupportedBitDepth(bitDepth: 3, colorType: 0),
            .unsupportedInterlace(2), .unsupportedFeature("x"), .invalidDimensions(width: 0, height: 0),
            .corruptCompressedData("x"), .inconsistentLength("x"),
            .paletteIndexOutOfRange(index: 9, paletteCount: 2), .malformed("x"), .invalidArgument("x"),
        ]
        for error in errors {
            #expect(!error.description.isEmpty && !error.description.contains("\n"))
        }
        #expect(ImageError.badCRC(chunk: "IDAT", stored: 1, computed: 0xDEAD_BEEF).description
                == "CRC mismatch in PNG chunk IDAT: stored 0x00000001, computed 0xdeadbeef")
        #expect(ImageError.unrecognizedSignature(firstBytes: [0x47, 0x49, 0x0A]).description
                == "not a PNG, PGM or PPM image (first bytes: 47 49 0a)")
    }
}
