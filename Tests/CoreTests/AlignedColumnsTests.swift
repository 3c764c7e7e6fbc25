@testable import SVDCore
import SVDTestMatrices
import Testing

/// The copy the sweeps work on (`AlignedColumns`): where it puts the columns, that it gives them
/// back unchanged, and that the sweeps compute the same numbers on it as on the matrix itself.
extension CoreKernelTests {
    /// The rule for the distance between columns, checked for every row count up to 1 200 in both
    /// precisions: whole cache lines, at least as long as a column, at least four lines away
    /// from every multiple of 4 KiB, and the shortest such distance.
    @Test("aligned columns: the column distance is the shortest in whole lines that stays four lines clear of 4 KiB multiples")
    func alignedColumnStride() {
        func check<Scalar: SVDScalar>(_: Scalar.Type) {
            let size = MemoryLayout<Scalar>.stride, perLine = 64 / size
            func isClear(_ distance: Int) -> Bool {
                let offset = distance * size % 4096
                return offset >= 256 && offset <= 4096 - 256
            }
            for rows in 1...1200 {
                let distance = AlignedColumns<Scalar>.columnStride(rows: rows)
                #expect(distance >= rows && distance % perLine == 0 && isClear(distance),
                        "\(Scalar.self), \(rows) rows: \(distance)")
                let shorter = stride(from: (rows + perLine - 1) / perLine * perLine, to: distance, by: perLine)
                #expect(!shorter.contains(where: isClear), "\(Scalar.self), \(rows) rows: \(distance) is not the shortest")
            }
        }
        check(Double.self)
        check(Float.self)
        #expect([100, 200, 500, 512, 1000].map { AlignedColumns<Double>.columnStride(rows: $0) } == [104, 200, 544, 544, 1056])
        #expect(AlignedColumns<Float>.columnStride(rows: 500) == 512)
    }

    @Test("aligned columns: every column starts on a 64-byte line, and the copy comes back bit for bit")
    func alignedColumnsRoundTrip() {
        var generator = SeededGenerator(seed: 77)
        let a = TestMatrices.gaussian(rows: 37, columns: 11, using: &generator, as: Double.self)
        let copy = AlignedColumns(copying: a)
        let view = copy.view
        #expect(view.rows == a.rows && view.columns == a.columns)
        for j in 0..<a.columns {
            #expect(Int(bitPattern: view.base + j * view.stride) % 64 == 0, "column \(j)")
            #expect((0..<a.rows).allSatisfy { view[$0, j] == a[$0, j] }, "column \(j)")
        }
        var back = Matrix<Double>(rows: 37, columns: 11)
        copy.copy(into: &back)
        #expect(back == a)
    }

    /// The first pass and the sweeps to convergence, with V, on the aligned copy (304 entries
    /// between columns of 300) and on the matrix's own array (300): the same columns, the same V
    /// and the same counts, bit for bit. The layout moves the columns, never the arithmetic.
    @Test("aligned columns: first pass and sweeps give bit for bit the numbers of the plain array (G, V, counts)")
    func alignedColumnsSameNumbers() {
        let n = 300
        let x0 = Self.triangle(order: n, seed: 300, as: Double.self)
        let tolerance = OneSidedJacobi.tolerance(rows: n, for: Double.self)
        func converge(x: UnsafeMutablePointer<Double>, stride: Int, v: UnsafeMutablePointer<Double>, vStride: Int)
            -> [Int] {
            var counts = [TriangularFirstPass(x: x, order: n, columnStride: stride, v: v, vColumnStride: vStride,
                                              tolerance: tolerance).run()]
            var memory = PairMemory(columns: n)
            repeat {
                let outcome = JacobiSweep(g: x, rows: n, columns: n, columnStride: stride, v: v,
                                          vColumnStride: vStride, tolerance: tolerance).run(memory: &memory)
                counts += [outcome.rotations, outcome.pairsKnownOrthogonal]
            } while counts[counts.count - 2] > 0 && counts.count < 60
            return counts
        }
        var plainX = x0, plainV = Matrix<Double>.identity(n)
        let plainCounts = plainX.elements.withUnsafeMutableBufferPointer { x in
            plainV.elements.withUnsafeMutableBufferPointer { v in
                converge(x: x.baseAddress!, stride: n, v: v.baseAddress!, vStride: n)
            }
        }
        let alignedX = AlignedColumns(copying: x0), alignedV = AlignedColumns(copying: Matrix<Double>.identity(n))
        #expect(alignedX.view.stride == 304)
        let alignedCounts = converge(x: alignedX.view.base, stride: alignedX.view.stride, v: alignedV.view.base,
                                     vStride: alignedV.view.stride)
        var x = Matrix<Double>(rows: n, columns: n), v = Matrix<Double>(rows: n, columns: n)
        alignedX.copy(into: &x)
        alignedV.copy(into: &v)
        #expect(plainCounts.count > 4 && plainCounts[plainCounts.count - 2] == 0, "no convergence")
        #expect(alignedCounts == plainCounts)
        #expect(x == plainX, "the columns differ")
        #expect(v == plainV, "V differs")
    }
}
