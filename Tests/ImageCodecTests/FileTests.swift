import Foundation
import Testing
@testable import LabImages

extension ImageCodecTests {
    @Test("writing and reading files, format chosen by signature not extension")
    func filesRoundTrip() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gray = try randomImage(width: 7, height: 3, channels: 1, seed: 11)
        let rgb = try randomImage(width: 5, height: 4, channels: 3, seed: 12)
        for (image, format) in [(gray, ImageFormat.png), (rgb, .png), (gray, .netpbm), (rgb, .netpbm)] {
            // A misleading extension on purpose: reading must not care.
            let path = directory.appendingPathComponent("image.jpg").path
            try image.write(toFile: path, format: format)
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(ImageFormat.detect(bytes) == format)
            #expect(try RasterImage(contentsOfFile: path) == image)
        }
        // Only the final file remains: no temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["image.jpg"])
    }

    @Test("writing replaces an existing file as a whole")
    func atomicReplacement() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.png").path
        let first = try randomImage(width: 40, height: 30, channels: 3, seed: 1)
        let second = try randomImage(width: 2, height: 2, channels: 1, seed: 2)
        try first.write(toFile: path, format: .png)
        try second.write(toFile: path, format: .png)
        #expect(try RasterImage(contentsOfFile: path) == second)

        // A failing write (the target is a directory) throws, keeps the target, leaves no debris.
        let blocked = directory.appendingPathComponent("blocked").path
        try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: false)
        guard case .unwritableFile? = error(of: { try second.write(toFile: blocked, format: .png) }) else {
            Issue.record("expected an unwritable-file error")
            return
        }
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: blocked, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["blocked", "out.png"])

        let missingDirectory = directory.appendingPathComponent("no/such/dir/x.png").path
        guard case .unwritableFile? = error(of: { try second.write(toFile: missingDirectory, format: .png) }) else {
            Issue.record("expected an unwritable-file error for a missing directory")
            return
        }
    }

    @Test("unreadable, empty and foreign files")
    func fileErrors() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.png").path
        #expect(error { _ = try RasterImage(contentsOfFile: missing) }
                == .unreadableFile(path: missing, reason: "no such file"))
        #expect(error { _ = try RasterImage(contentsOfFile: directory.path) }
                == .unreadableFile(path: directory.path, reason: "it is a directory"))
        let empty = directory.appendingPathComponent("empty.png").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(error { _ = try RasterImage(contentsOfFile: empty) } == .emptyFile(path: empty))
        let text = directory.appendingPathComponent("notes.png").path
        try Data("hello".utf8).write(to: URL(fileURLWithPath: text))
        #expect(error { _ = try RasterImage(contentsOfFile: text) }
                == .unrecognizedSignature(firstBytes: Array("hello".utf8)))
    }
}
