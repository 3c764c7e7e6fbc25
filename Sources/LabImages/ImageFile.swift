#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import FileInput

/// Whole-file reading and atomic writing, on plain POSIX calls.
enum ImageFile {
    /// Files larger than this are refused rather than read into memory (256 MiB: a binary PPM
    /// of 8192×8192 pixels is 192 MiB).
    static let maxFileSize = 256 << 20

    /// All bytes of the file at `path`, read to its end (so pipes and devices work too, and a
    /// FIFO with no writer does not block; see `BoundedInput`).
    /// - Throws: `.unreadableFile` if it cannot be opened or read, or is larger than
    ///   `maxFileSize`; `.emptyFile` if it holds no bytes.
    static func read(path: String) throws(ImageError) -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = try BoundedInput.read(path: path, limit: maxFileSize) } catch {
            throw .unreadableFile(path: path, reason: error.reason)
        }
        guard !bytes.isEmpty else { throw .emptyFile(path: path) }
        return bytes
    }

    /// Replaces the file at `path` by `bytes` atomically: the bytes go to a new temporary file
    /// in the same directory, which is flushed to disk and then renamed over `path`. Readers see
    /// the old file or the new one, never a partial one; on failure the old file is untouched
    /// and the temporary file removed. The new file gets the default permissions (0666 less the
    /// umask), not those of the file it replaces.
    static func writeAtomically(_ bytes: [UInt8], path: String) throws(ImageError) {
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw .unwritableFile(path: path, reason: "not a file name")
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let temporary = "\(directory).\(name).\(suffix).tmp"

        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw .unwritableFile(path: path, reason: errorMessage()) }
        var failure: String? = nil
        var written = 0
        while written < bytes.count && failure == nil {
            let n = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if n < 0 {
                if errno != EINTR { failure = errorMessage() }
            } else {
                written += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = errorMessage() }
        if close(fd) != 0 && failure == nil { failure = errorMessage() }
        if failure == nil && rename(temporary, path) != 0 { failure = errorMessage() }
        if let failure {
            unlink(temporary)
            throw .unwritableFile(path: path, reason: failure)
        }
    }

    private static func errorMessage() -> String {
        String(cString: strerror(errno))
    }
}


extension RasterImage {
    /// Reads a PNG, PGM or PPM file, recognised by its signature (the extension is ignored).
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - alpha: what to do with transparency; composited over white by default.
    /// - Throws: `ImageError`: `.unreadableFile`, `.emptyFile`, `.unrecognizedSignature`, or
    ///   whatever the decoder reports.
    public init(contentsOfFile path: String, alpha: AlphaHandling = .compositeOverWhite) throws(ImageError) {
        try self.init(decoding: ImageFile.read(path: path), alpha: alpha)
    }

    /// Writes the image to `path` in `format` (PNG, or P5/P6 for `.netpbm`), atomically: an
    /// existing file is replaced only once the new one is completely written.
    ///
    /// - Parameters:
    ///   - path: the file to write.
    ///   - format: `.png`, or `.netpbm` for P5 (gray) or P6 (RGB).
    /// - Throws: `ImageError.unwritableFile`.
    public func write(toFile path: String, format: ImageFormat) throws(ImageError) {
        try ImageFile.writeAtomically(encoded(as: format), path: path)
    }
}
