@testable import SVDCore
import SVDTestMatrices
import SVDTextbook
import Testing

/// The first pass over the triangle (`TriangularFirstPass`): that cutting the rows is exact, that
/// the pass is an orthogonal transformation keeping the triangle's structure where it should,
/// and that it does what it is there for, on inputs like the ones it gets (Rᵀ from a pivoted QR).
extension CoreKernelTests {
    /// Rᵀ from the pivoted QR of a graded matrix: the lower triangle Jacobi starts on.
    static func triangle<Scalar: SVDScalar>(order n: Int, seed: UInt64, as _: Scalar.Type) -> Matrix<Scalar> {
        var generator = SeededGenerator(seed: seed)
        let a = TestMatrices.graded(rows: n, columns: n, exponents: -8...0, using: &generator, as: Scalar.self).a
        return HouseholderQR(a, pivoting: true).rTransposed
    }

    /// Sweeping a block of columns on the rows from its first column down must give exactly what
    /// sweeping it on all rows gives: the rows above hold zeros, which add nothing to a dot
    /// product and are rotated into zeros. Bit for bit in Float80, whose plain loops add the same
    /// terms in the same order either way (the SIMD kernels of Double would group them
    /// differently). Order 64, so that every block of the pass fits in one block of the sweep
    /// both ways (the sweep's block size depends on the row count, and with it the order of the
    /// pairs).
    @Test("first pass: each block swept on its own rows equals the block swept on all rows, bit for bit (Float80)",
          .enabled(if: float80IsAvailable, "needs Float80, which this platform or build (SVDLAB_NO_FLOAT80=1) does not have"))
    func firstPassCutsRowsExactly() {
        #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
        let n = 64
        let x0 = Self.triangle(order: n, seed: 64, as: Float80.self)
        let tolerance = OneSidedJacobi.tolerance(rows: n, for: Float80.self)

        var cut = x0, cutV = Matrix<Float80>.identity(n)
        let cutRotations = cut.elements.withUnsafeMutableBufferPointer { x in
            cutV.elements.withUnsafeMutableBufferPointer { v in
                TriangularFirstPass(x: x.baseAddress!, order: n, v: v.baseAddress!, tolerance: tolerance).run()
            }
        }
        var full = x0, fullV = Matrix<Float80>.identity(n)
        var fullRotations = 0
        full.elements.withUnsafeMutableBufferPointer { x in
            fullV.elements.withUnsafeMutableBufferPointer { v in
                for block in TriangularFirstPass<Float80>.blocks(order: n) where block.count >= 2 {
                    let start = block.lowerBound * n
                    let sweep = JacobiSweep(g: x.baseAddress! + start, rows: n, columns: block.count,
                                            v: v.baseAddress! + start, vRows: n, tolerance: tolerance)
                    #expect(sweep.blockSize >= block.count)
                    var memory = PairMemory(columns: block.count)
                    fullRotations += sweep.run(memory: &memory).rotations
                }
            }
        }
        #expect(cutRotations > 0)
        #expect(cutRotations == fullRotations)
        #expect(cut.elements == full.elements, "the pass on cut rows differs from the pass on all rows")
        #expect(cutV.elements == fullV.elements)
        #endif
    }

    /// The pass is a product of plane rotations: X₀·V = X₁ with V orthogonal, to the backward
    /// error of that many rotations, c·n·ε·‖X₀‖_F (c = 10). It keeps the zeros it must keep: the
    /// second half of the columns is rotated only among itself, on rows n₂…, so it is still
    /// exactly zero above row n₂. And the singular values are those of X₀, by Weyl's theorem to
    /// the same bound (compared with the textbook Jacobi on X₀).
    @Test("first pass: X₀·V = X₁, V orthogonal, σ kept; the second half of the columns still zero above row n/2",
          arguments: [9, 50, 131])
    func firstPassIsOrthogonal(order n: Int) throws {
        let x0 = Self.triangle(order: n, seed: UInt64(n), as: Double.self)
        var x1 = x0, v = Matrix<Double>.identity(n)
        let rotations = x1.elements.withUnsafeMutableBufferPointer { x in
            v.elements.withUnsafeMutableBufferPointer { vBuffer in
                TriangularFirstPass(x: x.baseAddress!, order: n, v: vBuffer.baseAddress!,
                                    tolerance: OneSidedJacobi.tolerance(rows: n, for: Double.self)).run()
            }
        }
        #expect(rotations > 0)
        let bound = 10 * Double(n) * Double.ulpOfOne * x0.frobeniusNorm
        #expect(maxAbsDifference(x0 * v, x1) <= bound)
        #expect(v.orthogonalityError <= 10 * Double(n) * Double.ulpOfOne)
        let half = n / 2
        let aboveHalf = (half..<n).flatMap { j in (0..<half).map { i in x1[i, j] } }
        #expect(aboveHalf.allSatisfy { $0 == 0 }, "order \(n): the pass wrote above row \(half) in the second half")

        let before = try ReferenceJacobi().singularValues(of: x0).singularValues
        let after = try ReferenceJacobi().singularValues(of: x1).singularValues
        for (i, (s, t)) in zip(before, after).enumerated() {
            #expect(abs(s - t) <= bound, "order \(n): σ\(i + 1) \(s) before the pass, \(t) after")
        }
    }

    /// What the pass is for (counts, not times, so deterministic): on graded matrices the
    /// iteration with the pass needs fewer sweeps and fewer rotations in all (the pass's own
    /// included) than without it, and finds the same singular values to their relative accuracy
    /// (κ(B) ≈ 10 here; bound 100·n·ε relative). Measured on these matrices when the pass was
    /// written: sweeps 6 → 5 at both orders, rotations 19 940 → 17 004 and 58 732 → 49 586.
    @Test("first pass: fewer sweeps and rotations on graded matrices, same σ to relative accuracy",
          arguments: [120, 200])
    func firstPassSavesSweeps(order n: Int) throws {
        var generator = SeededGenerator(seed: 2008)
        let a = TestMatrices.graded(rows: n, columns: n, exponents: -12...0, using: &generator, as: Double.self).a
        var without = OneSidedJacobi()
        without.makesTriangularFirstPass = false
        let withPass = try OneSidedJacobi().singularValues(of: a)
        let withoutPass = try without.singularValues(of: a)
        #expect(withPass.diagnostics.sweeps < withoutPass.diagnostics.sweeps,
                "n = \(n): \(withPass.diagnostics.sweeps) sweeps with the pass, \(withoutPass.diagnostics.sweeps) without")
        #expect(withPass.diagnostics.rotations < withoutPass.diagnostics.rotations,
                "n = \(n): \(withPass.diagnostics.rotations) rotations with the pass, \(withoutPass.diagnostics.rotations) without")
        for (i, (s, t)) in zip(withPass.singularValues, withoutPass.singularValues).enumerated() {
            #expect(abs(s - t) <= 100 * Double(n) * Double.ulpOfOne * t, "n = \(n): σ\(i + 1) \(s) with, \(t) without")
        }
    }

    @Test("first pass: the blocks lie within the columns and stay in the order of the pass, for every order up to 40")
    func firstPassBlocks() {
        for n in 0...40 {
            let blocks = TriangularFirstPass<Double>.blocks(order: n)
            #expect(blocks.count == 6)
            #expect(blocks.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= n }, "order \(n): \(blocks)")
            // Trailing half: its quarters, then the half; leading half likewise.
            let half = n / 2
            #expect(blocks[2] == half..<n && blocks[5] == 0..<half, "order \(n): \(blocks)")
            #expect(blocks[1].upperBound == blocks[0].lowerBound && blocks[1].lowerBound == half, "order \(n): \(blocks)")
            #expect(blocks[4].upperBound == blocks[3].lowerBound && blocks[3].upperBound == half, "order \(n): \(blocks)")
        }
    }
}
