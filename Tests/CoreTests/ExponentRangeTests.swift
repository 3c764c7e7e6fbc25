import Foundation
import PropertyBased
import SVDCore
import SVDTestMatrices
import SVDTextbook
import Testing

/// The decomposition across the whole exponent range of `Float` and `Double`: columns whose
/// squares underflow, subnormal entries, matrices near the overflow threshold.
///
/// Every check is made on the computed factors scaled by one power of two so that the largest
/// entry of A is near 1 (exact), so that the check itself neither underflows nor overflows:
/// - orthogonality ‖UᵀU − I‖, ‖VᵀV − I‖ ≤ 8·n·ε (c = 8: the sweeps leave about √n·ε, the
///   reflectors of the QR step a small multiple of n·ε);
/// - residual max|A − UΣVᵀ| ≤ 16·max(m, n)·ε·‖A‖ plus, for singular values in the subnormal range,
///   the rounding of their last bit, which no format can avoid (λ·ε·n, λ the smallest normal);
/// - σ to relative accuracy where the theory promises it (column-graded matrices, two columns of
///   very different size), against references computed in a wider format.
@Suite("CoreTests: the whole exponent range")
struct ExponentRangeTests {
    /// Checks orthogonality and the residual of `OneSidedJacobi` (or `decomposer`) on `a`.
    static func checkFactors<Scalar: SVDScalar>(_ a: Matrix<Scalar>, _ label: String,
                                                 decomposer: any SingularValueDecomposer = OneSidedJacobi(),
                                                 sourceLocation: SourceLocation = #_sourceLocation) throws
        -> SingularValueDecomposition<Scalar>
    {
        let d = try decomposer.decompose(a, vectors: .thin)
        let (m, n) = (a.rows, a.columns)
        let epsilon = Scalar.ulpOfOne
        let orthogonalityBound = 8 * Scalar(max(m, n)) * epsilon
        #expect(d.u.orthogonalityError <= orthogonalityBound,
                "\(label): ‖UᵀU − I‖ = \(d.u.orthogonalityError)", sourceLocation: sourceLocation)
        #expect(d.v.orthogonalityError <= orthogonalityBound,
                "\(label): ‖VᵀV − I‖ = \(d.v.orthogonalityError)", sourceLocation: sourceLocation)
        let largest = a.maxAbsoluteEntry
        guard largest > 0 else { return d }
        // Scale A and Σ by 2^(−e): exact for A; Σ is scaled after it was rounded to the format.
        let e = Int(largest.exponent)
        let scaledA = a.elements.map { $0.timesTwo(-e) }
        let sigma = d.singularValues.map { $0.timesTwo(-e) }
        var worst: Scalar = 0
        for j in 0..<n {
            for i in 0..<m {
                var sum: Scalar = 0
                for k in 0..<sigma.count { sum += d.u[i, k] * sigma[k] * d.v[j, k] }
                worst = max(worst, abs(scaledA[j * m + i] - sum))
            }
        }
        let floor = Scalar(n) * Scalar.leastNormalMagnitude.timesTwo(-e) * epsilon
        let residualBound = 16 * Scalar(max(m, n)) * epsilon * 2 + floor
        #expect(worst <= residualBound, "\(label): max|A − UΣVᵀ|/2^e = \(worst), bound \(residualBound)",
                sourceLocation: sourceLocation)
        return d
    }

    /// [[1, 1], [0, d]]: σ₁σ₂ = d and σ₁² + σ₂² = 2 + d², so σ₂ = d/σ₁ with σ₁ = √2·(1 + O(d²)).
    /// Before column norms were kept scaled, every d from 1e-162 to 1e-310 in `Double` (and from
    /// 1e-23 in `Float`) gave σ₂ = d and a V that was not orthogonal.
    @Test("[[1, 1], [0, d]] for d = 2^−k over the whole range, Double and Float")
    func upperTriangularWithTinyCorner() throws {
        try checkCorner(Double.self, exponents: 1...1074)
        try checkCorner(Float.self, exponents: 1...149)
    }

    private func checkCorner<Scalar: SVDScalar>(_: Scalar.Type, exponents: ClosedRange<Int>) throws {
        for k in exponents {
            let d = Scalar(1).timesTwo(-k)
            let a = Matrix<Scalar>(rows: 2, columns: 2, columnMajor: [1, 0, 1, d])
            // The textbook algorithm does not scale A: for a subnormal d the ratio of the column
            // norms, 1/d, overflows and it leaves the pair alone (see `ReferenceJacobi`).
            let decomposers: [any SingularValueDecomposer] = d.isNormal ? [OneSidedJacobi(), ReferenceJacobi()]
                                                                        : [OneSidedJacobi()]
            for decomposer in decomposers {
                let label = "\(decomposer.name), \(Scalar.precisionName) d = 2^−\(k)"
                let result = try Self.checkFactors(a, label, decomposer: decomposer)
                // σ₁ = (√((1 + d)² + 1) + √((1 − d)² + 1))/2 (no cancellation), σ₂ = |det A|/σ₁ = d/σ₁.
                let (plus, minus): (Scalar, Scalar) = (1 + d, 1 - d)
                let sigma1 = ((plus * plus + 1).squareRoot() + (minus * minus + 1).squareRoot()) / 2
                let sigma2 = d / sigma1
                let s = result.singularValues
                #expect(abs(s[0] - sigma1) <= 4 * Scalar.ulpOfOne * sigma1, "\(label): σ₁ = \(s[0])")
                // A subnormal σ₂ holds fewer bits: half a unit of its last place, λ·ε/2, besides.
                let allowance = 4 * Scalar.ulpOfOne * sigma2 + Scalar.leastNonzeroMagnitude
                #expect(abs(s[1] - sigma2) <= allowance, "\(label): σ₂ = \(s[1]), expected \(sigma2)")
            }
        }
    }

    /// Eigen's `svd_underoverflow` idea, generated afresh: every 2×2 matrix with entries from
    /// {0, ±1, ±a tiny normal number, ±the smallest normal, ±a subnormal}, 9⁴ = 6 561 matrices, in
    /// `Double` and in `Float`. Factors checked as above; σ against the closed form
    /// σ₁σ₂ = |det A|, σ₁² + σ₂² = ‖A‖²_F evaluated in a wider format where every product is
    /// exact or nearly (`Double` for `Float`; `Float80`, with its 15-bit exponent, for `Double`).
    @Test("Every 2×2 matrix from {0, ±1, ±tiny, ±smallest normal, ±subnormal}: Float")
    func allTwoByTwoFromExtremeValuesInFloat() throws {
        try checkAllTwoByTwo(Float.self, tiny: 1e-30, subnormal: 3e-42, reference: Double.self)
    }

    @Test("Every 2×2 matrix from {0, ±1, ±tiny, ±smallest normal, ±subnormal}: Double (Float80 reference)",
          .enabled(if: float80IsAvailable, "needs Float80, which this platform or build (SVDLAB_NO_FLOAT80=1) does not have"))
    func allTwoByTwoFromExtremeValuesInDouble() throws {
        #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
        try checkAllTwoByTwo(Double.self, tiny: 1e-200, subnormal: 3e-320, reference: Float80.self)
        #endif
    }

    private func checkAllTwoByTwo<Scalar: SVDScalar, Wide: SVDScalar>(
        _: Scalar.Type, tiny: Scalar, subnormal: Scalar, reference _: Wide.Type
    ) throws {
        #expect(subnormal.isSubnormal && tiny.isNormal)
        let magnitudes: [Scalar] = [1, tiny, Scalar.leastNormalMagnitude, subnormal]
        let values: [Scalar] = [0] + magnitudes.flatMap { [$0, -$0] }
        var checked = 0
        for a11 in values { for a21 in values { for a12 in values { for a22 in values {
            let a = Matrix<Scalar>(rows: 2, columns: 2, columnMajor: [a11, a21, a12, a22])
            let label = "\(Scalar.precisionName) [[\(a11), \(a12)], [\(a21), \(a22)]]"
            let result = try Self.checkFactors(a, label)
            let expected = closedFormSingularValues(Wide(a11), Wide(a12), Wide(a21), Wide(a22))
            for (computed, exact) in zip(result.singularValues, expected) {
                // σ to 8ε relative, plus the last bit of a subnormal σ. A σ that is exactly zero
                // (A of rank one) has no relative accuracy to keep: 8ε·σ₁ there, the backward
                // error of any stable method.
                let error = abs(Wide(computed) - exact)
                let scale = exact > 0 ? exact : Wide(result.singularValues[0])
                let allowance = 8 * Wide(Scalar.ulpOfOne) * scale + Wide(Scalar.leastNonzeroMagnitude)
                #expect(error <= allowance, "\(label): σ = \(computed), closed form \(exact)")
            }
            checked += 1
        }}}}
        #expect(checked == 6561)
    }

    /// σ₁ ≥ σ₂ of [[a, b], [c, d]] in the wide format: σ₁ = (√((a+d)² + (c−b)²) + √((a−d)² + (b+c)²))/2
    /// and σ₂ = |ad − bc|/σ₁ (no cancellation in either).
    private func closedFormSingularValues<Wide: SVDScalar>(_ a: Wide, _ b: Wide, _ c: Wide, _ d: Wide) -> [Wide] {
        let p = ((a + d) * (a + d) + (c - b) * (c - b)).squareRoot()
        let q = ((a - d) * (a - d) + (b + c) * (b + c)).squareRoot()
        let sigma1 = (p + q) / 2
        return [sigma1, sigma1 == 0 ? 0 : abs(a * d - b * c) / sigma1]
    }

    /// A = Q·diag(2^k₀, …, 2^k_{n−1}) with Q orthogonal: σ = {2^kⱼ} to relative c·n·ε (the stored
    /// columns are Q's times a power of two, rounded: a relative perturbation of ε per entry, and
    /// κ(Q) = 1; c = 16 as in `AccuracyTests`). The exponents are random over the whole range,
    /// with the top column anywhere from the bottom to the top of the format and the spread as
    /// wide as the entries can stay normal (the guarantee is for normal entries; a subnormal
    /// entry has already lost bits when stored).
    @Test("Q·D with D = diag(2^k) spread over the whole exponent range: σ = D to 16·n·ε, Float and Double")
    func columnGradedAcrossTheRange() async {
        await propertyCheck(count: 80, input: zip(Gen.int(in: 2...9), Gen.int(in: 1...7), Gen.uint64())) { m, n0, seed in
            let n = min(m, n0)
            try checkColumnGraded(Double.self, rows: m, columns: n, seed: seed)
            try checkColumnGraded(Float.self, rows: m, columns: n, seed: seed)
        }
    }

    private func checkColumnGraded<Scalar: SVDScalar>(_: Scalar.Type, rows m: Int, columns n: Int, seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let q = TestMatrices.randomOrthonormalColumns(rows: m, columns: n, using: &generator, as: Double.self)
        // The smallest |qᵢⱼ| is about 1e-4 with these sizes and seeds (checked below); entries stay
        // normal when every exponent lies 20 above the least normal one.
        // The spread is at most 2^e_max (e_max = 1023 or 127): within what the scaling for
        // headroom keeps normal (2^(e_max/2) above the largest entry and 2^|e_min| below 1).
        let lowest = Int(Scalar.leastNormalMagnitude.exponent) + 20
        let highest = Int(Scalar.greatestFiniteMagnitude.exponent) - 4
        let top = Int.random(in: lowest...highest, using: &generator)
        let bottom = max(lowest, top - Int(Scalar.greatestFiniteMagnitude.exponent))
        let exponents = (0..<n).map { _ in Int.random(in: bottom...top, using: &generator) }
        let a = Matrix<Scalar>(rows: m, columns: n) { i, j in Scalar(q[i, j]).timesTwo(exponents[j]) }
        guard a.elements.allSatisfy({ $0 == 0 || $0.isNormal }) else { return }
        let label = "\(Scalar.precisionName) Q·D \(m)×\(n) seed \(seed), exponents \(exponents)"
        let d = try Self.checkFactors(a, label)
        let expected = exponents.sorted(by: >).map { Scalar(1).timesTwo($0) }
        let bound = 16 * Scalar(n) * Scalar.ulpOfOne
        for (i, (x, y)) in zip(d.singularValues, expected).enumerated() {
            #expect(abs(x - y) / y <= bound, "\(label): σ\(i + 1) = \(x), expected \(y)")
        }
    }

    /// An upper bidiagonal matrix with both diagonals 10^−i in row i (a row-graded matrix with
    /// rows in order), n = 60 in `Float`: its lower rows are subnormal (1e-38 to 1e-45) or zero.
    /// Before: "no convergence after 30 sweeps (largest remaining |cos| 0.0)" from n = 45. σ
    /// against the textbook algorithm in `Double` on the same stored entries (a different
    /// algorithm in a format whose range holds them all as normal numbers), to 16·n·ε of `Float`
    /// relative: row-graded matrices with their rows in order keep relative accuracy.
    @Test("Float graded bidiagonal 10^−i, n = 60: converges, factors and σ right")
    func floatGradedBidiagonal() throws {
        let n = 60
        let a = Matrix<Float>(rows: n, columns: n) { i, j in
            j == i || j == i + 1 ? Float("1e-\(i)")! : 0
        }
        let d = try Self.checkFactors(a, "Float graded bidiagonal")
        let wide = Matrix<Double>(rows: n, columns: n) { i, j in Double(a[i, j]) }
        let reference = try ReferenceJacobi().singularValues(of: wide).singularValues
        for (i, (x, y)) in zip(d.singularValues, reference).enumerated() where y >= Double(Float.leastNormalMagnitude) {
            #expect(abs(Double(x) - y) / y <= 16 * Double(n) * Double(Float.ulpOfOne), "σ\(i + 1) = \(x), reference \(y)")
        }
    }

    /// Normal and subnormal entries coupled in one 6×6 matrix (the shape of Eigen's regression
    /// test for it, generated afresh): a Gaussian matrix whose last three rows and columns are
    /// scaled into the subnormal range, so that every rotation mixes normal and subnormal columns.
    @Test("6×6 coupling normal and subnormal entries: converges with orthogonal factors, Double and Float")
    func normalSubnormalCoupling() throws {
        var generator = SeededGenerator(seed: 6)
        let g = TestMatrices.gaussian(rows: 6, columns: 6, using: &generator, as: Double.self)
        for (label, scale) in [("Double", -1060), ("Float", -140)] {
            func entry(_ i: Int, _ j: Int) -> Double { g[i, j] * (i >= 3 || j >= 3 ? pow(2, Double(scale)) : 1) }
            if label == "Double" {
                _ = try Self.checkFactors(Matrix<Double>(rows: 6, columns: 6, entry: entry), "Double coupling")
            } else {
                _ = try Self.checkFactors(Matrix<Float>(rows: 6, columns: 6) { Float(entry($0, $1)) }, "Float coupling")
            }
        }
    }

    /// The all-ones matrix in `Float` (Eigen's `bdcsvd_check_convergence`): σ₁ = n, the rest 0.
    /// Before: no convergence from n = 480. σ₁ to 8·n·ε relative, every other σ below 8·n·ε·σ₁.
    @Test("Float all-ones 500×500: σ = (500, 0, …) to 8·n·ε·σ₁, orthogonal factors")
    func floatAllOnes() throws {
        let n = 500
        let a = Matrix<Float>(rows: n, columns: n) { _, _ in 1 }
        let d = try Self.checkFactors(a, "Float all-ones \(n)")
        let bound = 8 * Float(n) * Float.ulpOfOne
        #expect(abs(d.singularValues[0] - Float(n)) <= bound * Float(n))
        #expect(d.singularValues.dropFirst().allSatisfy { $0 <= bound * Float(n) })
    }
}

extension SVDScalar {
    /// self·2ᵏ for any k (two factors, each representable).
    fileprivate func timesTwo(_ k: Int) -> Self {
        let half = k / 2
        return self * Self(sign: .plus, exponent: Exponent(half), significand: 1)
            * Self(sign: .plus, exponent: Exponent(k - half), significand: 1)
    }
}
