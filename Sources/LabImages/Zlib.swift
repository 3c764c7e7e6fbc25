import CZlib

/// The zlib format (RFC 1950: a 2-byte header, a deflate stream per RFC 1951, an Adler-32
/// checksum), through the system zlib. PNG's image data is one zlib stream split across the
/// IDAT chunks. (Foundation on Linux offers no zlib inflate, hence the system library.)
enum Zlib {
    /// Deflate can shrink data at most 1032:1, so `compressed.count` bytes can never inflate to
    /// more than about `1032 · compressed.count`; a header claiming more is rejected before the
    /// output buffer is allocated.
    static let maxRatio = 1032

    /// Inflates a complete zlib stream that must produce exactly `expectedCount` bytes.
    ///
    /// - Throws: `.inconsistentLength` if the stream yields fewer or more bytes, or cannot
    ///   possibly yield that many; `.corruptCompressedData` if zlib rejects the data or the
    ///   stream stops before its end marker. Bytes after the end of the stream are ignored.
    static func inflate(_ input: [UInt8], expectedCount: Int) throws(ImageError) -> [UInt8] {
        guard expectedCount >= 0 else { throw .inconsistentLength("negative expected size") }
        let (bound, overflow) = input.count.multipliedReportingOverflow(by: maxRatio)
        guard !overflow, expectedCount <= bound + maxRatio else {
            throw .inconsistentLength("\(input.count) compressed bytes cannot inflate to the \(expectedCount) bytes the header implies")
        }
        guard input.count <= Int(UInt32.max), expectedCount < Int(UInt32.max) else {
            throw .unsupportedFeature("compressed data larger than 4 GiB")
        }
        // One spare byte: if the stream writes into it, it holds more than expected.
        var output = [UInt8](repeating: 0, count: expectedCount + 1)
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corruptCompressedData("zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }

        let status: Int32 = input.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                while true {
                    let result = CZlib.inflate(&stream, Z_NO_FLUSH)
                    // Z_OK means progress was made; go on while both sides have room.
                    if result == Z_OK && stream.avail_in > 0 && stream.avail_out > 0 { continue }
                    return result
                }
            }
        }
        let produced = Int(stream.total_out)
        switch status {
        case Z_STREAM_END:
            guard produced == expectedCount else {
                throw .inconsistentLength("image data inflates to \(produced) bytes, expected \(expectedCount)")
            }
            output.removeLast()
            return output
        case Z_OK, Z_BUF_ERROR:
            if stream.avail_out == 0 {
                throw .inconsistentLength("image data inflates to more than the \(expectedCount) bytes expected")
            }
            throw .corruptCompressedData("the zlib stream stops before its end (\(produced) of \(expectedCount) bytes)")
        case Z_NEED_DICT:
            throw .corruptCompressedData("the zlib stream asks for a preset dictionary")
        case Z_MEM_ERROR:
            throw .corruptCompressedData("zlib ran out of memory")
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw .corruptCompressedData(message)
        }
    }

    /// Compresses `input` into a zlib stream. `level` 0 (store) … 9 (smallest), −1 for zlib's default (6).
    static func deflate(_ input: [UInt8], level: Int32 = Z_DEFAULT_COMPRESSION) throws(ImageError) -> [UInt8] {
        var capacity = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = input.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                compress2(outBuffer.baseAddress, &capacity, inBuffer.baseAddress, uLong(inBuffer.count), level)
            }
        }
        guard status == Z_OK else {
            throw .invalidArgument("zlib compress2 failed with status \(status)")
        }
        output.removeSubrange(Int(capacity)...)
        return output
    }
}
