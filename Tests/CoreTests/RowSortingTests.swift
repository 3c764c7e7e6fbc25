import Foundation
@testable import SVDCore
import SVDTestMatrices
import Testing

/// The row order taken before the pivoted QR (`RowSorting.swift`): rows by decreasing size of
/// A·D_c⁻¹ (D_c the column norms), or none when no row is more than τ = 4 times larger than a row
/// above it. The sizes are compared here with ones measured independently, row by row with
/// `scaledNorm`, which no square can overflow or underflow.
@Suite("RowSortingTests")
struct RowSortingTests {
    /// ‖row i of A·D_c⁻¹‖₂ for every row, each row scaled before it is squared.
    static func independentRowSizes(_ a: Matrix<Double>) -> [Double] {
        let columnNorms = (0..<a.columns).map { j in scaledNorm((0..<a.rows).map { a[$0, j] }) }
        return (0..<a.rows).map { i in
            scaledNorm((0..<a.columns).map { j in columnNorms[j] == 0 ? 0 : a[i, j] / columnNorms[j] })
        }
    }

    /// B with its rows scaled by 10^(−e) for exponents e drawn from `exponents`, in random order.
    static func rowGraded(rows m: Int, columns n: Int, exponents: ClosedRange<Double>, seed: UInt64) -> Matrix<Double> {
        var generator = SeededGenerator(seed: seed)
        let b = TestMatrices.gaussian(rows: m, columns: n, using: &generator, as: Double.self)
        let scales = (0..<m).map { _ in Double.pow(10, -Double.random(in: exponents, using: &generator)) }
        return Matrix(rows: m, columns: n) { i, j in scales[i] * b[i, j] }
    }

    @Test("rows graded in random order, down to 10⁻³⁰⁰ (squares below the normal range): sorted by decreasing size",
          arguments: [(12, 5, 0.0 ... 12.0), (40, 40, 0.0 ... 150.0), (30, 8, 140.0 ... 300.0), (200, 3, 0.0 ... 300.0)])
    func gradedRowsAreSorted(shape: (rows: Int, columns: Int, exponents: ClosedRange<Double>)) throws {
        let a = Self.rowGraded(rows: shape.rows, columns: shape.columns, exponents: shape.exponents, seed: UInt64(shape.rows))
        let sizes = Self.independentRowSizes(a)
        let order = try #require(a.rowOrderForRowwiseStability(), "rows graded by up to 10^\(shape.exponents.upperBound) must be sorted")
        #expect(order.sorted() == Array(0..<a.rows), "a permutation of the rows")
        // Decreasing, up to the rounding in which two ways of measuring a size may differ.
        for (above, below) in zip(order, order.dropFirst()) {
            #expect(sizes[above] >= sizes[below] * (1 - 8 * Double(a.columns) * Double.ulpOfOne),
                    "row \(above) (size \(sizes[above])) is placed above row \(below) (size \(sizes[below]))")
        }
    }

    @Test("a Gaussian and a column-graded matrix keep their rows: no row is 4× larger than one above it")
    func ordinaryMatricesKeepTheirOrder() {
        var generator = SeededGenerator(seed: 11)
        let gaussian = TestMatrices.gaussian(rows: 300, columns: 200, using: &generator, as: Double.self)
        // A Gaussian row of 200 entries is within a factor 4 of any other with overwhelming
        // probability; the independent sizes say whether this draw is such a case.
        let sizes = Self.independentRowSizes(gaussian)
        #expect(sizes.max()! < 4 * sizes.min()!)
        #expect(gaussian.rowOrderForRowwiseStability() == nil)
        let graded = TestMatrices.graded(rows: 100, columns: 100, exponents: -12...0, using: &generator, as: Double.self).a
        #expect(graded.rowOrderForRowwiseStability() == nil)
    }
}
