import SVDFoundation

/// A copy of a matrix's columns laid out for the sweeps: every column starts on a cache line,
/// and the distance from one column to the next is kept away from multiples of 4 KiB.
///
/// ## Why
/// The sweep's kernels (`SIMDColumnKernels.swift`) load and store eight entries at a time, one
/// 64-byte cache line of `Double`s when the column starts on a line. A `[Double]` puts its
/// entries 32 bytes into a heap block, and with 500 rows a column is 4 000 bytes, 62.5 lines: every
/// other column of an array then straddles lines, and each of its loads and stores touches two.
/// And when the distance between columns is a multiple of 4 096 bytes (512 rows of `Double`),
/// entry i of every column falls in the same set of the level-1 cache and has the same low
/// twelve address bits, which the processor uses to match loads against pending stores: a load
/// from column q + 1 is held up by a store to column q that only looks alike.
///
/// Measured (release, `-target-cpu native`, CPU time, medians of 3 runs on a Gaussian matrix,
/// values only), time against the distance between columns, in entries: 500×500: 500 in an
/// array 197 ms; 500 from an aligned start 161; 504: 164; 512: 187–195; 520: 151; 544: 151–154.
/// 1000×1000: 1000 from an aligned start 1.23–1.26 s; 1024: 1.78 s; 1064: 1.16–1.17 s. (At 100,
/// 200 and 480 rows, every distance measured within 3 % once the start was aligned.)
///
/// Against sweeping the arrays in place (medians over 8–10 separate processes per version, run
/// alternately): values 500×500 0.79 ×, 1000×1000 0.79 ×, tall 2000×200 0.93 ×, the others
/// within ±3 %; U, Σ, V 500×500 0.83 ×, the others 0.94–1.04 ×. Where an array happens to land in
/// memory had also made the "levels" between which the timings of one build jumped from one
/// series to the next (medians of two series of the same build: Gaussian 500×500 values 175 and
/// 217 ms, graded 96 and 82 ms); with the copy, 165 and 170 ms, 77 and 80 ms. The copy costs
/// 2·m·n entries moved, against at least m·n² per sweep.
///
/// The copy owns its memory and frees it when the last reference goes (a class, so that an
/// optional copy of V is as easy to hold as one of G); its columns are handed to the kernels as a
/// `MatrixView`.
final class AlignedColumns<Scalar: SVDScalar> {
    /// The columns: `view.base` on a 64-byte boundary, `view.stride` entries from one column to
    /// the next.
    let view: MatrixView<Scalar>

    /// The bytes of a cache line, which every column starts on.
    static var lineBytes: Int { 64 }

    /// The distance between columns for `rows` entries: the rows rounded up to whole cache lines,
    /// then more lines until the distance in bytes lies at least four lines away from every
    /// multiple of 4 KiB (500 → 544 and 1000 → 1056 for `Double`, 100 → 104, 200 → 200).
    static func columnStride(rows: Int) -> Int {
        let entriesPerLine = max(1, lineBytes / MemoryLayout<Scalar>.stride)
        let clearance = 4 * lineBytes, page = 4096
        var stride = (rows + entriesPerLine - 1) / entriesPerLine * entriesPerLine
        while stride > 0 {
            let offset = stride * MemoryLayout<Scalar>.stride % page
            if offset >= clearance && offset <= page - clearance { break }
            stride += entriesPerLine
        }
        return stride
    }

    /// Copies the columns of `matrix` into a new block of memory (the padding below each column
    /// is zero, and no kernel reads it).
    init(copying matrix: Matrix<Scalar>) {
        let (rows, columns) = (matrix.rows, matrix.columns)
        let stride = Self.columnStride(rows: rows)
        let count = max(1, stride * columns)
        let base = UnsafeMutableRawPointer
            .allocate(byteCount: count * MemoryLayout<Scalar>.stride, alignment: Self.lineBytes)
            .bindMemory(to: Scalar.self, capacity: count)
        base.initialize(repeating: 0, count: count)
        matrix.elements.withUnsafeBufferPointer { source in
            for j in 0..<columns {
                (base + j * stride).update(from: source.baseAddress! + j * rows, count: rows)
            }
        }
        view = MatrixView(base, rows: rows, columns: columns, stride: stride)
    }

    deinit {
        view.base.deallocate()
    }

    /// Writes the columns back into `matrix`, which must have the shape copied.
    func copy(into matrix: inout Matrix<Scalar>) {
        let view = view
        precondition(matrix.rows == view.rows && matrix.columns == view.columns, "shape changed")
        matrix.elements.withUnsafeMutableBufferPointer { target in
            for j in 0..<view.columns {
                (target.baseAddress! + j * view.rows).update(from: view.base + j * view.stride, count: view.rows)
            }
        }
    }
}
