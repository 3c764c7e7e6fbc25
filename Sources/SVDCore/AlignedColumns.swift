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
/// Both effects were measured, and so was the copy against sweeping the arrays in place
/// (Benchmarks/RESULTS.md, "Tunable parameters"). The copy costs 2·m·n entries moved, against at least m·n² per sweep.
///
/// The copy owns its memory and frees it when the last reference goes (a class, so that an
/// optional copy of V is as easy to hold as one of G); its columns are handed to the kernels as a
/// `MatrixView`.
final class AlignedColumns<Scalar: SVDScalar> {
    /// The columns: `view.base` on a 64-byte boundary, `view.stride` entries from one column to
    /// the next.
    let view: MatrixView<Scalar>

    /// The bytes of a cache line, which every column starts on.
    ///
    /// [TP] Tunable: the cache line of the processor (64 bytes on x86-64 and most arm64).
    static var lineBytes: Int { 64 }

    /// The distance between columns for `rows` entries: the rows rounded up to whole cache lines,
    /// then more lines until the distance in bytes lies at least four lines away from every
    /// multiple of 4 KiB (500 → 544 and 1000 → 1056 for `Double`, 100 → 104, 200 → 200).
    ///
    /// [TP] Tunable: the clearance (four lines) and the aliasing period (4 KiB, the page size
    /// whose low address bits the processor compares), measured (Benchmarks/RESULTS.md, "Tunable parameters").
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
