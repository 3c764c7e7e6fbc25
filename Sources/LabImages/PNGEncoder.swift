extension PNG {
    /// Encodes an image as an 8-bit PNG: colour type 0 (gray) or 2 (RGB), not interlaced,
    /// chunks `IHDR`, `IDAT` (split every 64 KiB), `IEND`.
    ///
    /// Decoding the result with `PNG.decode` gives back `image` exactly.
    ///
    /// - Parameters:
    ///   - image: the image, gray or RGB.
    ///   - filter: how each row's filter is chosen; `.adaptive` usually compresses best.
    ///   - compressionLevel: zlib level, 0 (stored) to 9 (smallest, slowest); 6 by default.
    /// - Returns: the bytes of the PNG file.
    /// - Throws: `ImageError.invalidArgument` for a compression level outside 0…9.
    public static func encode(_ image: RasterImage, filter: PNGFilterStrategy = .adaptive,
                              compressionLevel: Int = 6) throws(ImageError) -> [UInt8] {
        let header = PNGHeader(width: image.width, height: image.height, bitDepth: 8,
                               colorType: image.channels == 1 ? 0 : 2, interlaced: false)
        return try encode(samples: image.pixels.map(Int.init), header: header, filter: filter,
                          compressionLevel: compressionLevel)
    }

    /// The general encoder behind `encode(_:filter:compressionLevel:)`, able to write every colour
    /// type, bit depth and interlace method (the tests use it to build their inputs).
    ///
    /// - Parameters:
    ///   - samples: `width · height · samplesPerPixel` unpacked samples, row-major, each below
    ///     2^bitDepth (higher bits are dropped).
    ///   - palette: `PLTE` data (RGB triples), written when given.
    ///   - transparency: `tRNS` data, written when given.
    ///   - idatChunkSize: the largest `IDAT` chunk; smaller values split the stream more.
    static func encode(samples: [Int], header: PNGHeader, palette: [UInt8]? = nil,
                       transparency: [UInt8]? = nil, filter: PNGFilterStrategy,
                       compressionLevel: Int = 6, idatChunkSize: Int = 1 << 16) throws(ImageError) -> [UInt8] {
        guard (0...9).contains(compressionLevel) else {
            throw .invalidArgument("compression level must be 0…9, got \(compressionLevel)")
        }
        guard idatChunkSize > 0 else { throw .invalidArgument("IDAT chunk size must be positive") }
        let spp = header.samplesPerPixel
        guard samples.count == header.width * header.height * spp else {
            throw .invalidArgument("\(samples.count) samples for a \(header.width)×\(header.height) image with \(spp) per pixel")
        }
        let mask = (1 << header.bitDepth) - 1
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity(header.inflatedCount)
        var rowIndex = 0
        for pass in header.passes where pass.width > 0 && pass.height > 0 {
            let rowBytes = header.rowBytes(width: pass.width)
            var previous = [UInt8](repeating: 0, count: rowBytes)
            for i in 0..<pass.height {
                let y = pass.yStart + i * pass.yStep
                var row = [UInt8](repeating: 0, count: rowBytes)
                for j in 0..<pass.width {
                    let x = pass.xStart + j * pass.xStep
                    for k in 0..<spp {
                        let value = samples[(y * header.width + x) * spp + k] & mask
                        pack(value, at: j * spp + k, depth: header.bitDepth, into: &row)
                    }
                }
                let (type, filtered) = PNGFilter.choose(filter, rowIndex: rowIndex, row: row,
                                                        previous: previous, bpp: header.filterStride)
                scanlines.append(type.rawValue)
                scanlines.append(contentsOf: filtered)
                previous = row
                rowIndex += 1
            }
        }
        let compressed = try Zlib.deflate(scanlines, level: Int32(compressionLevel))

        var file = PNG.signature
        file += chunk("IHDR", header.chunkData)
        if let palette { file += chunk("PLTE", palette) }
        if let transparency { file += chunk("tRNS", transparency) }
        var start = 0
        repeat {
            let end = min(start + idatChunkSize, compressed.count)
            file += chunk("IDAT", compressed[start..<end])
            start = end
        } while start < compressed.count
        file += chunk("IEND", [])
        return file
    }

    /// One chunk: length, type, data, CRC-32 of type and data.
    static func chunk(_ type: String, _ data: some Collection<UInt8>) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        var crc = CRC32.update(0, typeBytes)
        crc = CRC32.update(crc, data)
        return bigEndianBytes(UInt32(data.count)) + typeBytes + data + bigEndianBytes(crc)
    }

    /// Stores sample number `index` of a row at the given bit depth (big-endian for 16 bits,
    /// most significant bits first below 8).
    private static func pack(_ value: Int, at index: Int, depth: Int, into row: inout [UInt8]) {
        switch depth {
        case 8:
            row[index] = UInt8(value)
        case 16:
            row[2 * index] = UInt8(value >> 8)
            row[2 * index + 1] = UInt8(value & 0xFF)
        default:
            let bit = index * depth
            row[bit / 8] |= UInt8(value << (8 - depth - bit % 8))
        }
    }
}
