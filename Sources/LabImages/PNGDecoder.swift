extension PNG {
    /// Decodes a PNG file held in memory.
    ///
    /// Supports every colour type (0, 2, 3, 4, 6) at every bit depth the format allows
    /// (1, 2, 4, 8, 16), all five filters, and both non-interlaced and Adam7-interlaced images.
    /// The result is 8-bit: gray for colour types 0 and 4, RGB for 2, 3 and 6.
    /// - 16-bit samples are rounded to 8 bits: `(v + 128) / 257` (integer division), i.e. the
    ///   nearest of the 256 values v·257.
    /// - 1-, 2- and 4-bit gray is scaled to the full range (·255, ·85, ·17).
    /// - Transparency (alpha channel or `tRNS`) is handled as `alpha` says.
    ///
    /// Every chunk's CRC is checked; unknown ancillary chunks are skipped; anything after `IEND`
    /// is ignored.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - alpha: what to do with transparency; composited over white by default.
    /// - Returns: the image, with 1 (gray) or 3 (RGB) channels of 8 bits.
    /// - Throws: `ImageError` for a bad signature, truncated data, a CRC mismatch, an unsupported
    ///   header, invalid dimensions, corrupt zlib data, a wrong amount of image data, a bad filter
    ///   type or an out-of-range palette index.
    public static func decode(_ bytes: [UInt8], alpha: AlphaHandling = .compositeOverWhite) throws(ImageError) -> RasterImage {
        let file = try PNGChunks(bytes)
        let header = file.header
        let raw = try Zlib.inflate(file.imageData, expectedCount: header.inflatedCount)
        let palette = try file.checkedPalette()
        return try PNGPixelDecoder(header: header, palette: palette,
                                   transparency: file.transparency, alpha: alpha).decode(raw)
    }
}

/// The chunks of a PNG file that matter for decoding, after checking layout and CRCs.
struct PNGChunks {
    var header: PNGHeader
    /// RGB triples from `PLTE`, if any.
    var palette: [UInt8]?
    /// The data of `tRNS`, if any.
    var transparency: [UInt8]?
    /// The concatenated data of all `IDAT` chunks: one zlib stream.
    var imageData: [UInt8] = []

    init(_ bytes: [UInt8]) throws(ImageError) {
        guard bytes.count >= PNG.signature.count else {
            if bytes.elementsEqual(PNG.signature.prefix(bytes.count)) {
                throw .truncated(context: "the PNG signature")
            }
            throw .unrecognizedSignature(firstBytes: Array(bytes.prefix(8)))
        }
        guard bytes.prefix(8).elementsEqual(PNG.signature) else {
            throw .unrecognizedSignature(firstBytes: Array(bytes.prefix(8)))
        }
        var header: PNGHeader?
        var palette: [UInt8]?, transparency: [UInt8]?
        var imageData: [UInt8] = []
        var sawImageData = false, imageDataEnded = false
        var position = 8
        chunks: while true {
            guard bytes.count - position >= 8 else {
                throw .truncated(context: header == nil ? "the IHDR chunk" : "a chunk header at byte \(position) (no IEND chunk)")
            }
            let length = Int(readBigEndian32(bytes[...], at: position))
            let typeBytes = bytes[(position + 4)..<(position + 8)]
            guard typeBytes.allSatisfy({ (65...90).contains($0) || (97...122).contains($0) }) else {
                throw .malformed("invalid chunk type at byte \(position + 4)")
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= Int(Int32.max) else {
                throw .malformed("chunk \(type) claims \(length) bytes, more than PNG allows")
            }
            guard bytes.count - position - 12 >= length else {
                throw .truncated(context: "the \(type) chunk at byte \(position)")
            }
            let dataStart = position + 8, dataEnd = position + 8 + length
            let stored = readBigEndian32(bytes[...], at: dataEnd)
            let computed = CRC32.checksum(bytes[(position + 4)..<dataEnd])
            guard stored == computed else { throw .badCRC(chunk: type, stored: stored, computed: computed) }
            let data = bytes[dataStart..<dataEnd]
            position = dataEnd + 4

            if header == nil && type != "IHDR" {
                throw .malformed("the first chunk is \(type), expected IHDR")
            }
            if sawImageData && type != "IDAT" { imageDataEnded = true }
            switch type {
            case "IHDR":
                guard header == nil else { throw .malformed("more than one IHDR chunk") }
                header = try PNGHeader(chunkData: data)
            case "PLTE":
                guard !sawImageData else { throw .malformed("PLTE chunk after the image data") }
                guard palette == nil else { throw .malformed("more than one PLTE chunk") }
                guard length % 3 == 0, (3...768).contains(length) else {
                    throw .malformed("PLTE chunk of \(length) bytes (needs 1 to 256 RGB triples)")
                }
                palette = Array(data)
            case "tRNS":
                if !sawImageData { transparency = Array(data) }
            case "IDAT":
                guard !imageDataEnded else { throw .malformed("IDAT chunks are not consecutive") }
                sawImageData = true
                imageData.append(contentsOf: data)
            case "IEND":
                break chunks
            default:
                // Bit 5 of the first byte clear (upper case): critical, must be understood.
                if typeBytes.first.map({ $0 & 0x20 == 0 }) ?? false {
                    throw .unsupportedFeature("unknown critical PNG chunk \(type)")
                }
            }
        }
        guard let header else { throw .malformed("no IHDR chunk") }
        guard sawImageData else { throw .malformed("no IDAT chunk") }
        self.header = header
        self.palette = palette
        self.transparency = transparency
        self.imageData = imageData
    }

    /// The palette, required for colour type 3 (ignored otherwise: for RGB it is only a hint).
    func checkedPalette() throws(ImageError) -> [UInt8]? {
        guard header.colorType == 3 else { return nil }
        guard let palette else { throw .malformed("palette image without a PLTE chunk") }
        return palette
    }
}

/// Turns inflated, filtered scanlines into 8-bit gray or RGB pixels.
struct PNGPixelDecoder {
    let header: PNGHeader
    let palette: [UInt8]?
    let alpha: AlphaHandling
    /// Alpha of each palette entry (colour type 3), 255 beyond the `tRNS` data.
    let paletteAlpha: [UInt8]
    /// The fully transparent sample values (colour types 0 and 2), at the file's bit depth.
    let transparentKey: [Int]?

    init(header: PNGHeader, palette: [UInt8]?, transparency: [UInt8]?, alpha: AlphaHandling) {
        self.header = header
        self.palette = palette
        self.alpha = alpha
        var paletteAlpha = [UInt8](repeating: 255, count: 256)
        var key: [Int]? = nil
        if let t = transparency {
            switch header.colorType {
            case 3 where t.count <= 256:
                for (i, a) in t.enumerated() { paletteAlpha[i] = a }
            case 0 where t.count == 2, 2 where t.count == 6:
                key = stride(from: 0, to: t.count, by: 2).map { Int(t[$0]) << 8 | Int(t[$0 + 1]) }
            default:
                break   // a malformed or misplaced tRNS is ignored
            }
        }
        self.paletteAlpha = paletteAlpha
        self.transparentKey = key
    }

    var outputChannels: Int { header.colorType == 0 || header.colorType == 4 ? 1 : 3 }

    func decode(_ raw: [UInt8]) throws(ImageError) -> RasterImage {
        let channels = outputChannels
        var pixels = [UInt8](repeating: 0, count: header.width * header.height * channels)
        var offset = 0
        for pass in header.passes where pass.width > 0 && pass.height > 0 {
            let rowBytes = header.rowBytes(width: pass.width)
            var previous = [UInt8](repeating: 0, count: rowBytes)
            for i in 0..<pass.height {
                // `raw` has exactly `inflatedCount` bytes, so these ranges are in bounds.
                guard let type = PNGFilterType(rawValue: raw[offset]) else {
                    throw .malformed("invalid filter type \(raw[offset]) in a scanline")
                }
                var row = Array(raw[(offset + 1)..<(offset + 1 + rowBytes)])
                offset += 1 + rowBytes
                PNGFilter.unfilter(type, row: &row, previous: previous, bpp: header.filterStride)
                let y = pass.yStart + i * pass.yStep
                for j in 0..<pass.width {
                    let x = pass.xStart + j * pass.xStep
                    try store(pixel: j, of: row, into: &pixels, at: (y * header.width + x) * channels)
                }
                previous = row
            }
        }
        return RasterImage(validatedWidth: header.width, height: header.height, channels: channels, pixels: pixels)
    }

    /// Sample `index` of a packed row at the file's bit depth (16-bit as 0…65535).
    @inline(__always)
    func sample(_ row: [UInt8], _ index: Int) -> Int {
        switch header.bitDepth {
        case 8: return Int(row[index])
        case 16: return Int(row[2 * index]) << 8 | Int(row[2 * index + 1])
        default:
            let depth = header.bitDepth
            let bit = index * depth
            let shift = 8 - depth - bit % 8
            return Int(row[bit / 8] >> UInt8(shift)) & ((1 << depth) - 1)
        }
    }

    /// A sample scaled to 8 bits.
    @inline(__always)
    func eightBit(_ value: Int) -> UInt8 {
        switch header.bitDepth {
        case 16: return UInt8((value + 128) / 257)
        case 8: return UInt8(value)
        default: return UInt8(value * 255 / ((1 << header.bitDepth) - 1))
        }
    }

    /// Writes pixel `j` of `row` as `outputChannels` samples at `pixels[destination...]`.
    @inline(__always)
    func store(pixel j: Int, of row: [UInt8], into pixels: inout [UInt8], at destination: Int) throws(ImageError) {
        switch header.colorType {
        case 0:
            let g = sample(row, j)
            let a: UInt8 = transparentKey?[0] == g ? 0 : 255
            pixels[destination] = alpha.apply(eightBit(g), alpha: a)
        case 4:
            let g = sample(row, 2 * j), a = sample(row, 2 * j + 1)
            pixels[destination] = alpha.apply(eightBit(g), alpha: eightBit(a))
        case 2, 6:
            let n = header.samplesPerPixel
            let r = sample(row, n * j), g = sample(row, n * j + 1), b = sample(row, n * j + 2)
            var a: UInt8 = 255
            if n == 4 {
                a = eightBit(sample(row, n * j + 3))
            } else if let key = transparentKey, key[0] == r, key[1] == g, key[2] == b {
                a = 0
            }
            pixels[destination] = alpha.apply(eightBit(r), alpha: a)
            pixels[destination + 1] = alpha.apply(eightBit(g), alpha: a)
            pixels[destination + 2] = alpha.apply(eightBit(b), alpha: a)
        default:   // 3: palette
            let index = sample(row, j)
            guard let palette, 3 * index + 2 < palette.count else {
                throw .paletteIndexOutOfRange(index: index, paletteCount: (palette?.count ?? 0) / 3)
            }
            let a = paletteAlpha[index]
            pixels[destination] = alpha.apply(palette[3 * index], alpha: a)
            pixels[destination + 1] = alpha.apply(palette[3 * index + 1], alpha: a)
            pixels[destination + 2] = alpha.apply(palette[3 * index + 2], alpha: a)
        }
    }
}
