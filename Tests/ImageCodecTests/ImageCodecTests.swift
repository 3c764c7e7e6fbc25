import Foundation
import Testing
@testable import LabImages

/// Tests of the image codecs: PNG and netpbm decoding and encoding, pixel planes, files, and
/// robustness against malformed input. The tests live in extensions of this suite, one file
/// per topic.
@Suite struct ImageCodecTests {}

// MARK: - Helpers shared by the test files

/// Bytes from a string of hexadecimal digit pairs.
func bytes(hex: String) -> [UInt8] {
    var result: [UInt8] = []
    var high: UInt8? = nil
    for scalar in hex.unicodeScalars {
        guard let digit = UInt8(String(scalar), radix: 16) else { continue }
        if let h = high {
            result.append(h << 4 | digit)
            high = nil
        } else {
            high = digit
        }
    }
    return result
}

/// A small deterministic generator (SplitMix64), so that "random" test data is reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random 8-bit image.
func randomImage(width: Int, height: Int, channels: Int, seed: UInt64) throws -> RasterImage {
    var rng = SplitMix64(seed: seed)
    let pixels = (0..<(width * height * channels)).map { _ in UInt8.random(in: 0...255, using: &rng) }
    return try RasterImage(width: width, height: height, channels: channels, pixels: pixels)
}

/// The bytes of a fixture file shipped with the tests.
func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    return [UInt8](try Data(contentsOf: url))
}

/// A fresh empty directory under the system's temporary directory, removed by the caller.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("labimages-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A PNG assembled by hand: signature, `IHDR` with the given fields, optional chunks, one
/// `IDAT` holding `scanlines` (already filtered, filter bytes included) deflated, `IEND`.
func handmadePNG(width: UInt32, height: UInt32, bitDepth: UInt8 = 8, colorType: UInt8 = 0,
                 interlace: UInt8 = 0, before: [(String, [UInt8])] = [],
                 scanlines: [UInt8]) throws -> [UInt8] {
    let ihdr = bigEndianBytes(width) + bigEndianBytes(height) + [bitDepth, colorType, 0, 0, interlace]
    var file = PNG.signature + PNG.chunk("IHDR", ihdr)
    for (type, data) in before { file += PNG.chunk(type, data) }
    file += PNG.chunk("IDAT", try Zlib.deflate(scanlines))
    return file + PNG.chunk("IEND", [])
}

/// The `ImageError` thrown by `body`, or `nil` if it returned normally. Any other error is
/// recorded as a test failure.
func error(of body: () throws -> Void) -> ImageError? {
    do {
        try body()
        return nil
    } catch let error as ImageError {
        return error
    } catch {
        Issue.record("expected an ImageError, got \(error)")
        return nil
    }
}
