#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading the whole of a file the user named, with a bound on its size, whatever kind of file
/// it is: a regular file, a named pipe (FIFO), `/dev/stdin`, a process substitution such as
/// `<(gunzip -c data.gz)`, or a device.
///
/// The guarantees:
/// - **No hang in `open`.** The file is opened with `O_NONBLOCK`, so a FIFO with no writer does
///   not block; a FIFO whose writer never writes anything is reported as such after a short wait
///   (``writerWait``) instead of waiting forever.
/// - **Bounded memory.** At most `limit` bytes are read; a larger file, or an endless stream such
///   as `/dev/zero`, is refused with a message naming the limit, after reading `limit + 1` bytes
///   at the most (a regular file's size is checked before reading anything).
/// - **Messages that say what the file is**: a directory, a symbolic-link loop, a dangling link,
///   a socket, a pipe with no writer; never "permission denied" for something that is not about
///   permissions.
public enum BoundedInput {
    /// How long a named pipe may stay silent after it was opened before it is reported as having
    /// no writer (milliseconds). A writer that is being started usually connects within a few.
    public static let writerWait: Int32 = 2000

    /// The bytes of the file at `path`.
    ///
    /// - Parameters:
    ///   - path: the file as the user named it.
    ///   - limit: the largest accepted size in bytes.
    /// - Returns: every byte of the file (possibly none).
    /// - Throws: ``InputFileError`` with the reason in a few words.
    public static func read(path: String, limit: Int) throws(InputFileError) -> [UInt8] {
        guard !path.isEmpty else { throw InputFileError(path: path, reason: "an empty file name") }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw InputFileError(path: path, reason: openFailure(path: path, code: errno)) }
        defer { close(fd) }
        return try read(descriptor: fd, name: path, limit: limit)
    }

    /// The bytes of an open descriptor (standard input is descriptor 0), up to `limit`.
    ///
    /// - Parameter name: how to name the input in messages ("standard input").
    /// - Throws: ``InputFileError`` when it is a directory, cannot be read, or holds more than
    ///   `limit` bytes.
    public static func read(descriptor fd: Int32, name: String, limit: Int) throws(InputFileError) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw InputFileError(path: name, reason: message(errno)) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw InputFileError(path: name, reason: "it is a directory") }
        if kind == S_IFREG && Int(info.st_size) > limit {
            throw InputFileError(path: name, reason: tooLarge(limit, size: "\(Int(info.st_size) >> 20) MiB"))
        }
        let isPipe = kind == S_IFIFO
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var waitedForWriter = false
        while true {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                guard bytes.count + n <= limit else {
                    throw InputFileError(path: name, reason: tooLarge(limit, size: nil))
                }
                bytes.append(contentsOf: chunk[0..<n])
                continue
            }
            if n == 0 {
                // End of file. A named pipe that nobody has opened for writing also reads as
                // end of file: give a writer that is starting a moment to connect, once.
                guard isPipe, bytes.isEmpty, !waitedForWriter else { break }
                waitedForWriter = true
                guard waitForData(fd, milliseconds: writerWait) else {
                    throw InputFileError(path: name, reason: "a named pipe (FIFO) with no writer: nothing was written to it")
                }
                continue
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                // A pipe or device whose writer is connected but has not written yet: wait for it.
                _ = waitForData(fd, milliseconds: -1)
            case EISDIR: throw InputFileError(path: name, reason: "it is a directory")
            default: throw InputFileError(path: name, reason: message(errno))
            }
        }
        return bytes
    }

    /// Whether data (or the end of the stream) arrived within `milliseconds` (-1: no limit).
    private static func waitForData(_ fd: Int32, milliseconds: Int32) -> Bool {
        var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&request, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            return ready > 0
        }
    }

    private static func tooLarge(_ limit: Int, size: String?) -> String {
        "larger than the \(limit >> 20) MiB this program reads" + (size.map { " (\($0))" } ?? "")
    }

    /// Why `open` failed, in words that name the situation rather than the errno.
    private static func openFailure(path: String, code: Int32) -> String {
        switch code {
        case ELOOP:
            return "a loop of symbolic links"
        case ENOENT:
            var info = stat()
            return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
                ? "a symbolic link to a file that does not exist" : "no such file"
        case ENXIO:
            return "a socket or a device with nothing behind it; it cannot be read as a file"
        case EACCES: return "permission denied"
        case ENOTDIR: return "a part of the path is not a directory"
        case ENAMETOOLONG: return "the name is too long"
        default: return message(code)
        }
    }

    private static func message(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// Why an input file could not be read: the file as named, and a few words of reason.
public struct InputFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "cannot read '\(path)': \(reason)" }
}

/// `read(2)`, named apart from `BoundedInput.read`.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
