import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file-system operation failed, in a few plain words for the end of a one-line message
/// ("Cannot write plots/a.png: permission denied").
///
/// Foundation's errors print as `Error Domain=NSCocoaErrorDomain Code=4 … UserInfo={…}`, and
/// their `localizedDescription` is sometimes "(null)" on Linux. The underlying POSIX error, which
/// Foundation attaches under `NSUnderlyingErrorKey`, says what happened, so it is preferred;
/// then the Cocoa code; then the localized description, folded onto one line.
public enum FileSystemReason {
    /// The reason for `error`, lower-case, one line.
    ///
    /// - Parameter error: an error thrown by a file operation.
    /// - Returns: the reason, such as "no such file or directory".
    public static func describe(_ error: any Error) -> String {
        if let code = posixCode(of: error) { return describe(errno: code) }
        // FileManager throws the Swift `CocoaError`, whose bridge to NSError on Linux drops the
        // underlying error: look at both forms.
        if let cocoa = error as? CocoaError {
            if let underlying = cocoa.underlying, let code = posixCode(of: underlying) { return describe(errno: code) }
            if let reason = cocoaReasons[cocoa.code.rawValue] { return reason }
        }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error, let code = posixCode(of: underlying) {
            return describe(errno: code)
        }
        if nsError.domain == NSCocoaErrorDomain, let reason = cocoaReasons[nsError.code] { return reason }
        let text = nsError.localizedDescription
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.isEmpty || line == "(null)" ? "error \(nsError.code) in \(nsError.domain)" : line
    }

    /// The error number of a POSIX error, in its Swift or its NSError form.
    private static func posixCode(of error: any Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let nsError = error as NSError
        return nsError.domain == NSPOSIXErrorDomain ? Int32(nsError.code) : nil
    }

    /// The reason for a C library failure with error number `code`.
    ///
    /// - Parameter code: the `errno` value.
    /// - Returns: the reason, lower-case, one line.
    public static func describe(errno code: Int32) -> String {
        if let reason = posixReasons[code] { return reason }
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    private static let posixReasons: [Int32: String] = [
        ENOENT: "no such file or directory",
        ENOTDIR: "a part of the path is not a directory",
        EISDIR: "it is a directory",
        EACCES: "permission denied",
        EPERM: "operation not permitted",
        EROFS: "read-only file system",
        ENOSPC: "no space left on device",
        EEXIST: "a file of that name is in the way",
        ENAMETOOLONG: "file name too long",
        EXDEV: "the temporary file is on another file system",
    ]

    /// Foundation's file error codes (NSFileNoSuchFileError = 4, NSFileWriteNoPermissionError =
    /// 513, …), for errors that carry no POSIX cause.
    private static let cocoaReasons: [Int: String] = [
        CocoaError.fileNoSuchFile.rawValue: "no such file or directory",
        CocoaError.fileReadNoSuchFile.rawValue: "no such file or directory",
        CocoaError.fileWriteNoPermission.rawValue: "permission denied",
        CocoaError.fileReadNoPermission.rawValue: "permission denied",
        CocoaError.fileWriteVolumeReadOnly.rawValue: "read-only file system",
        CocoaError.fileWriteOutOfSpace.rawValue: "no space left on device",
        CocoaError.fileWriteFileExists.rawValue: "a file of that name is in the way",
        CocoaError.fileWriteInvalidFileName.rawValue: "invalid file name",
    ]
}
