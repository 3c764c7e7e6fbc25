import Foundation
@testable import SVDCore
@testable import SVDFoundation
import SVDTestMatrices
import Testing

/// The fast forms of the steps before the sweeps — the exact scaling, the product Aᵀ·B taken in
/// row slabs, and the T of a block of reflectors from the Gram matrix YᵀY — against their
/// textbook forms.
extension CoreKernelTests {
    /// Entries spread over 2^±60 around `center`, with both signs.
    private static func spread(_ count: Int, center: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let exponent = center + Int.random(in: -60...60, using: &generator)
            let value = Double(sign: .plus, exponent: exponent, significand: Double.random(in: 1..<2, using: &generator))
            return Bool.random(using: &generator) ? value : -value
        }
    }

    @Test("the largest magnitude equals the scalar maximum, for every tail length, in Double and Float")
    func largestMagnitudeAgreesWithScalarMaximum() {
        for count in 0...41 {
            let values = Self.spread(count, center: 0, seed: UInt64(count))
            let expected = values.reduce(0) { max($0, abs($1)) }
            #expect(values.withUnsafeBufferPointer { largestMagnitude(in: $0) } == expected, "length \(count)")
            #expect(Matrix(rows: 1, columns: count, columnMajor: values).maxAbsoluteEntry == expected, "matrix, length \(count)")
            let singles = values.map { Float($0) }
            #expect(singles.withUnsafeBufferPointer { largestMagnitude(in: $0) } == Float(expected), "Float, length \(count)")
        }
        // The largest entry in the scalar tail, in the last lane, and a matrix of zeros.
        var tail = [Double](repeating: 1, count: 19)
        tail[18] = -7
        #expect(tail.withUnsafeBufferPointer { largestMagnitude(in: $0) } == 7)
        tail[18] = 1
        tail[15] = -5
        #expect(tail.withUnsafeBufferPointer { largestMagnitude(in: $0) } == 5)
        #expect([Double](repeating: 0, count: 9).withUnsafeBufferPointer { largestMagnitude(in: $0) } == 0)
    }

    /// `Float80` has no SIMD vectors and takes the plain loop: the same answers.
    @Test("the largest magnitude equals the scalar maximum, for every tail length, in Float80",
          .enabled(if: float80IsAvailable, "needs Float80, which this platform or build (SVDLAB_NO_FLOAT80=1) does not have"))
    func largestMagnitudeAgreesWithScalarMaximumInFloat80() {
        #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
        for count in 0...41 {
            let values = Self.spread(count, center: 0, seed: UInt64(count))
            let expected = values.reduce(0) { max($0, abs($1)) }
            let extended = values.map { Float80($0) }
            #expect(extended.withUnsafeBufferPointer { largestMagnitude(in: $0) } == Float80(expected), "length \(count)")
        }
        #endif
    }

    /// The multiplication by 2^(−e) must give bit for bit what rebuilding each entry from its
    /// significand does: on ordinary entries, on entries that fall below the normal range after
    /// scaling (rounded once, the same way), and on a matrix whose every entry is subnormal,
    /// where 2^(−e) would overflow and the per-entry form is taken.
    @Test("exact scaling: one multiplication by 2^(−e) equals rebuilding each entry, also where entries become subnormal",
          arguments: [0, 900, -900, -1100])
    func exactScalingAgreesWithPerEntryForm(center: Int) {
        var values = Self.spread(77, center: center, seed: UInt64(abs(center) + 1))
        if center == 0 {
            // A tiny entry next to a large one: 2^(−1070) after scaling, subnormal and rounded.
            values[5] = Double(sign: .plus, exponent: -1060, significand: 1.75)
            values[6] = -Double.leastNonzeroMagnitude
        }
        let a = Matrix(rows: 11, columns: 7, columnMajor: values)
        let scale = ExactScaling(toUnitMaximum: a)
        let largest = values.map(abs).max()!
        #expect(scale.exponent == largest.exponent)
        let scaled = scale.applied(to: a)
        let perEntry = values.map { Double(sign: .plus, exponent: -scale.exponent, significand: $0) }
        #expect(scaled.elements.map(\.bitPattern) == perEntry.map(\.bitPattern), "center 2^\(center)")
        let top = scaled.elements.map(abs).max()!
        #expect(top >= 1 && top < 2)
        #expect(scale.undo(top) == largest)
    }

    /// Aᵀ·B in row slabs of 1024 equals the column dot products to γ_ℓ·|A|ᵀ·|B|, for lengths
    /// below, at and across slab boundaries and for column counts that leave partial tiles.
    @Test("Aᵀ·B in row slabs equals the plain dot products to ℓ·ε·|A|ᵀ|B|, across slab boundaries",
          arguments: [(7, 5, 3), (1024, 4, 2), (1025, 9, 5), (2500, 32, 7), (3079, 6, 1)])
    func slabbedTransposedProduct(shape: (rows: Int, p: Int, k: Int)) {
        let (length, p, k) = shape
        var generator = SeededGenerator(seed: UInt64(length + 10 * p + k))
        let a: Matrix<Double> = TestMatrices.gaussian(rows: length, columns: p, using: &generator)
        let b: Matrix<Double> = TestMatrices.gaussian(rows: length, columns: k, using: &generator)
        var w = Matrix<Double>(rows: p, columns: k)
        var aCopy = a, bCopy = b
        aCopy.withMutableView { aView in
            bCopy.withMutableView { bView in w.withMutableView { transposedProduct(aView, bView, into: $0) } }
        }
        for j in 0..<k {
            for i in 0..<p {
                let products = (0..<length).map { a[$0, i] * b[$0, j] }
                let plain = products.reduce(0, +)
                let magnitude = products.reduce(0) { $0 + abs($1) }
                #expect(abs(w[i, j] - plain) <= 2 * Double(length) * Double.ulpOfOne * magnitude, "\(shape): (\(i), \(j))")
            }
        }
        // The Gram matrix AᵀA with only its upper triangle asked for: that triangle is the
        // same, entry for entry, as in the full product (the same tiles add the same terms).
        var full = Matrix<Double>(rows: p, columns: p), upper = Matrix<Double>(rows: p, columns: p)
        aCopy.withMutableView { view in
            full.withMutableView { transposedProduct(view, view, into: $0) }
            upper.withMutableView { transposedProduct(view, view, into: $0, upperTriangleOnly: true) }
        }
        for j in 0..<p {
            for i in 0...j { #expect(upper[i, j] == full[i, j], "\(shape): Gram entry (\(i), \(j))") }
        }
    }

    /// T from the Gram matrix must make I − Y·T·Yᵀ the product H₀⋯H_{b−1} of the block's
    /// reflectors: applying the block to a matrix equals applying the reflectors one at a time,
    /// to c·ℓ·ε·‖C‖ (both are backward stable; Higham §19.5).
    @Test("a block of reflectors in the WY form acts as its reflectors one at a time",
          arguments: [(40, 8), (1300, 32), (2100, 17)])
    func reflectorBlockActsAsItsReflectors(shape: (rows: Int, reflectors: Int)) {
        let (m, b) = shape
        var generator = SeededGenerator(seed: UInt64(m + b))
        var factors: Matrix<Double> = TestMatrices.gaussian(rows: m, columns: b, using: &generator)
        var tau = [Double](repeating: 0, count: b)
        factors.elements.withUnsafeMutableBufferPointer { buffer in
            for k in 0..<b { tau[k] = makeHouseholderReflector(overwriting: buffer.baseAddress! + k * m + k, count: m - k) }
        }
        let c: Matrix<Double> = TestMatrices.gaussian(rows: m, columns: 5, using: &generator)
        for reversed in [false, true] {
            var blocked = c, oneByOne = c
            factors.elements.withUnsafeMutableBufferPointer { buffer in
                let block = ReflectorBlock(factors: buffer.baseAddress!, rows: m, first: 0, count: b, tau: tau)
                blocked.withMutableView { block.apply(to: $0, reversed: reversed) }
                // H₀·H₁⋯H_{b−1}·C applies H_{b−1} first; reversed, H₀ first.
                let order = reversed ? Array(0..<b) : Array((0..<b).reversed())
                oneByOne.elements.withUnsafeMutableBufferPointer { target in
                    for j in 0..<5 {
                        for k in order {
                            applyHouseholderReflector(tau: tau[k], v: buffer.baseAddress! + k * m + k,
                                                      to: target.baseAddress! + j * m + k, count: m - k)
                        }
                    }
                }
            }
            let bound = Tolerance.backward(10, rows: m, columns: b, scale: c.frobeniusNorm)
            #expect(maxAbsDifference(blocked, oneByOne) <= bound, "\(shape), reversed \(reversed)")
        }
    }
}
