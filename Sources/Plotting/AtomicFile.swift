import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a file so that it is either the old one or the complete new one, never half of each.
///
/// The new content goes to a hidden temporary file in the same directory, which is flushed to
/// disk and then renamed over the destination. `rename(2)` within one file system replaces
/// the name in one step: a reader, or a crash, sees the old file or the new one. If writing
/// fails, the temporary file is removed and the destination is untouched.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `url`, replacing any file there only once it is complete.
    ///
    /// - Parameters:
    ///   - text: the new content.
    ///   - url: the file to replace or create.
    /// - Throws: ``PlotError/cannotWrite(_:reason:)``.
    public static func write(_ text: String, to url: URL) throws(PlotError) {
        try write(to: url) { handle in handle.write(Data(text.utf8)) }
    }

    /// Lets `body` write the new content of `url` into a temporary file, then renames that
    /// file over `url`.
    ///
    /// - Parameters:
    ///   - url: the file to replace or create.
    ///   - body: writes the content; if it throws, `url` is left as it was.
    /// - Throws: ``PlotError/cannotWrite(_:reason:)``, also when `body` throws.
    public static func write(to url: URL, _ body: (FileHandle) throws -> Void) throws(PlotError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw .cannotWrite(url, reason: "cannot create a temporary file in \(directory.path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                try body(handle)
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(url, reason: FileSystemReason.describe(error))
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = FileSystemReason.describe(errno: errno)
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(url, reason: reason)
        }
    }

    /// Moves the file at `source` to `destination`, replacing any file there in one step.
    /// Both must be on the same file system (in practice: in the same directory tree).
    static func move(_ source: URL, over destination: URL) throws(PlotError) {
        guard rename(source.path, destination.path) == 0 else {
            throw .cannotWrite(destination, reason: FileSystemReason.describe(errno: errno))
        }
    }
}
