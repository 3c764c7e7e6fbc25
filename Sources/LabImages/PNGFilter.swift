/// The five PNG scanline filters (filter method 0).
///
/// Each scanline of the image data starts with a filter-type byte followed by the filtered
/// bytes of the row. For byte `x` of the row, with `a` the byte `bpp` positions to the left
/// (`bpp` = bytes per complete pixel, at least 1; 0 left of the row start), `b` the byte above
/// (0 in the first row of an image or Adam7 pass) and `c` the byte above `a`, the encoder stores
/// `Filt(x) = Orig(x) − Predictor` modulo 256 and the decoder adds the predictor back:
///
/// | type | name    | predictor                       |
/// |------|---------|---------------------------------|
/// | 0    | None    | 0                               |
/// | 1    | Sub     | a                               |
/// | 2    | Up      | b                               |
/// | 3    | Average | ⌊(a + b) / 2⌋ (without overflow) |
/// | 4    | Paeth   | Paeth(a, b, c)                  |
///
/// Filters work on bytes, never on pixels, whatever the bit depth.
public enum PNGFilterType: UInt8, Sendable, CaseIterable {
    /// Type 0: the byte itself.
    case none = 0
    /// Type 1: the difference from the byte one pixel to the left (a).
    case sub = 1
    /// Type 2: the difference from the byte above (b).
    case up = 2
    /// Type 3: the difference from the floor of the mean of a and b.
    case average = 3
    /// Type 4: the difference from the Paeth predictor of a, b and c (above left).
    case paeth = 4
}

/// How the encoder picks a filter for each row.
public enum PNGFilterStrategy: Sendable, Hashable {
    /// The same filter on every row.
    case fixed(PNGFilterType)
    /// Per row, the filter whose output has the smallest sum of |byte as signed Int8| — the
    /// "minimum sum of absolute differences" heuristic recommended by the PNG specification.
    case adaptive
    /// Row `r` uses filter `r mod 5`: exercises every filter (useful for tests).
    case cycling
}

/// The Paeth predictor (Alan W. Paeth): of `a` (left), `b` (above) and `c` (upper left), the one
/// closest to the linear estimate `p = a + b − c`; ties prefer `a`, then `b`.
@inline(__always)
func paethPredictor(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
    let p = Int(a) + Int(b) - Int(c)
    let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
    if pa <= pb && pa <= pc { return a }
    if pb <= pc { return b }
    return c
}

enum PNGFilter {
    /// Undoes the filter of one row in place. `row` and `previous` have the same length
    /// (`previous` is all zeros for the first row of an image or pass).
    static func unfilter(_ type: PNGFilterType, row: inout [UInt8], previous: [UInt8], bpp: Int) {
        let count = row.count
        switch type {
        case .none:
            break
        case .sub:
            for i in bpp..<max(count, bpp) {
                row[i] &+= row[i - bpp]
            }
        case .up:
            for i in 0..<count {
                row[i] &+= previous[i]
            }
        case .average:
            for i in 0..<count {
                let a = i >= bpp ? Int(row[i - bpp]) : 0
                row[i] &+= UInt8((a + Int(previous[i])) >> 1)
            }
        case .paeth:
            for i in 0..<count {
                let a = i >= bpp ? row[i - bpp] : 0
                let c = i >= bpp ? previous[i - bpp] : 0
                row[i] &+= paethPredictor(a, previous[i], c)
            }
        }
    }

    /// Filters one row: returns the filtered bytes (without the type byte).
    static func filter(_ type: PNGFilterType, row: [UInt8], previous: [UInt8], bpp: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: row.count)
        for i in 0..<row.count {
            let x = row[i]
            let a = i >= bpp ? row[i - bpp] : 0
            let b = previous[i]
            let c = i >= bpp ? previous[i - bpp] : 0
            switch type {
            case .none: out[i] = x
            case .sub: out[i] = x &- a
            case .up: out[i] = x &- b
            case .average: out[i] = x &- UInt8((Int(a) + Int(b)) >> 1)
            case .paeth: out[i] = x &- paethPredictor(a, b, c)
            }
        }
        return out
    }

    /// The filter `strategy` chooses for row number `rowIndex`, and the filtered bytes.
    static func choose(_ strategy: PNGFilterStrategy, rowIndex: Int, row: [UInt8],
                       previous: [UInt8], bpp: Int) -> (PNGFilterType, [UInt8]) {
        switch strategy {
        case .fixed(let type):
            return (type, filter(type, row: row, previous: previous, bpp: bpp))
        case .cycling:
            let type = PNGFilterType(rawValue: UInt8(rowIndex % 5)) ?? .none
            return (type, filter(type, row: row, previous: previous, bpp: bpp))
        case .adaptive:
            func cost(_ bytes: [UInt8]) -> Int {
                bytes.reduce(0) { $0 + abs(Int(Int8(bitPattern: $1))) }
            }
            var bestType = PNGFilterType.none
            var bestBytes = filter(.none, row: row, previous: previous, bpp: bpp)
            var bestCost = cost(bestBytes)
            for type in PNGFilterType.allCases.dropFirst() {
                let filtered = filter(type, row: row, previous: previous, bpp: bpp)
                let c = cost(filtered)
                if c < bestCost { (bestType, bestBytes, bestCost) = (type, filtered, c) }
            }
            return (bestType, bestBytes)
        }
    }
}
