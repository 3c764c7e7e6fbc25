import Foundation
@testable import SVDCore
import SVDTestMatrices
import Testing

/// The route that finds right singular vectors by back substitution instead of accumulated
/// rotations (`VectorsBySubstitution.swift`), and its two building blocks: the blocked triangular
/// solve and the estimate of the row-scaled condition number that decides when the route is taken.
@Suite("VectorsBySubstitutionTests")
struct VectorsBySubstitutionTests {
    /// An n×n upper triangular R = D·R̃: R̃ with unit diagonal and random entries above it of
    /// size ≤ 1/n (so R̃ is well conditioned), D = diag(10^(−grading·i/(n−1))) scaling its rows.
    static func gradedTriangle(_ n: Int, grading: Double, seed: UInt64) -> Matrix<Double> {
        var generator = SeededGenerator(seed: seed)
        return Matrix(rows: n, columns: n) { i, j in
            let scale = n == 1 ? 1 : pow(10, -grading * Double(i) / Double(n - 1))
            if i == j { return scale }
            return i < j ? scale * Double.random(in: -1...1, using: &generator) / Double(n) : 0
        }
    }

    /// Sizes around the solve's block of 64 rows, and right-hand sides from one column to many.
    @Test("back substitution: every entry of the residual within the componentwise bound γₙ·|R|·|Y|",
          arguments: [1, 5, 63, 64, 65, 130])
    func backSubstitutionResidual(n: Int) {
        var generator = SeededGenerator(seed: UInt64(n))
        for k in [1, 3, 70] {
            // Graded rows: a normwise bound would be 1e10 times too loose for the small rows.
            let r = Self.gradedTriangle(n, grading: 10, seed: UInt64(n * 100 + k))
            let b = TestMatrices.gaussian(rows: n, columns: k, using: &generator, as: Double.self)
            var y = b
            solveUpperTriangular(r, overwriting: &y)
            // Higham Thm 8.5: (R + ΔR)·ŷ = b with |ΔR| ≤ γₙ|R|, so |b − R·ŷ| ≤ γₙ·|R|·|ŷ| entrywise;
            // γₙ ≈ nε, doubled for the rounding of the residual itself.
            let residual = b - r * y
            let absR = Matrix(rows: n, columns: n) { i, j in abs(r[i, j]) }
            let absY = Matrix(rows: n, columns: k) { i, j in abs(y[i, j]) }
            let bound = absR * absY
            let gamma = 2 * Double(n + 1) * Double.ulpOfOne
            for j in 0..<k {
                for i in 0..<n {
                    #expect(abs(residual[i, j]) <= gamma * bound[i, j] + Double.leastNormalMagnitude,
                            "n = \(n), k = \(k): residual (\(i), \(j)) = \(residual[i, j]), bound \(gamma * bound[i, j])")
                }
            }
        }
    }

    /// A graded 90×90 triangle R, five right-hand sides B, the Double solution Y of R·Y = B, and
    /// Higham's forward bound as a function of the unit roundoff of the precision used.
    ///
    /// Higham (Accuracy and Stability, Theorem 8.5): a solve with componentwise backward error
    /// γₙ·|R| has forward error ‖ŷ − y‖∞ ≤ cond(R, y)·γₙ/(1 − cond(R, y)·γₙ)·‖y‖∞ with
    /// cond(R, y) = ‖|R⁻¹|·|R|·|y|‖∞/‖y‖∞ and γₙ = n·u/(1 − n·u), u = ε/2 of the precision used.
    /// Two solutions in different precisions differ by at most the sum of their two bounds.
    /// cond is computed here from R⁻¹ solved in Double: its own error is of order ε·cond, far
    /// inside the bound.
    static func backSubstitutionProblem()
        -> (r: Matrix<Double>, b: Matrix<Double>, y: Matrix<Double>, cond: Double, forwardBound: (Double) -> Double)
    {
        let n = 90
        let r = Self.gradedTriangle(n, grading: 3, seed: 7)
        var generator = SeededGenerator(seed: 8)
        let b = TestMatrices.gaussian(rows: n, columns: 5, using: &generator, as: Double.self)
        var y = b
        solveUpperTriangular(r, overwriting: &y)
        var inverse = Matrix<Double>.identity(n)
        solveUpperTriangular(r, overwriting: &inverse)
        let absolute = { (m: Matrix<Double>) in Matrix(rows: m.rows, columns: m.columns, columnMajor: m.elements.map(abs)) }
        let componentwise = absolute(inverse) * (absolute(r) * absolute(y))
        let cond = componentwise.maxAbsoluteEntry / y.maxAbsoluteEntry
        let largest = y.maxAbsoluteEntry
        let forwardBound = { (u: Double) -> Double in
            let gamma = Double(n) * u / (1 - Double(n) * u)
            return cond * gamma / (1 - cond * gamma) * largest
        }
        return (r, b, y, cond, forwardBound)
    }

    @Test("back substitution in Float (SIMD) agrees with Double, to Higham's forward bound")
    func backSubstitutionInFloat() {
        let (r, b, y, cond, forwardBound) = Self.backSubstitutionProblem()
        var single = b.converted(to: Float.self)
        solveUpperTriangular(r.converted(to: Float.self), overwriting: &single)
        // R and B rounded to Float are perturbed by u·|R| and u·|B| ≤ u·|R|·|y|: with the solve's
        // n·u that is (n + 2)·u ≤ 2n·u of componentwise backward error, hence 2u in the bound.
        let bound = forwardBound(Double.ulpOfOne / 2) + forwardBound(Double(Float.ulpOfOne))
        #expect(maxAbsDifference(single.converted(to: Double.self), y) <= bound, "cond(R, y) = \(cond)")
    }

    @Test("back substitution in Float80 (plain loops) agrees with Double, to Higham's forward bound",
          .enabled(if: float80IsAvailable, "needs Float80, which this platform or build (SVDLAB_NO_FLOAT80=1) does not have"))
    func backSubstitutionInExtendedPrecision() {
        #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
        let (r, b, y, cond, forwardBound) = Self.backSubstitutionProblem()
        var extended = b.converted(to: Float80.self)
        solveUpperTriangular(r.converted(to: Float80.self), overwriting: &extended)
        let bound = forwardBound(Double.ulpOfOne / 2) + forwardBound(Double(Float80.ulpOfOne) / 2)
        #expect(maxAbsDifference(extended.converted(to: Double.self), y) <= bound, "cond(R, y) = \(cond)")
        #endif
    }

    /// The exact κ₂(R̃) from the singular values of R̃ (computed by the core).
    static func exactRowScaledCondition(_ r: Matrix<Double>) throws -> Double {
        let n = r.rows
        var scaled = r
        for i in 0..<n {
            let norm = scaledNorm((0..<n).map { r[i, $0] })
            for j in 0..<n { scaled[i, j] /= norm }
        }
        let sigma = try OneSidedJacobi().singularValues(of: scaled).singularValues
        return sigma.first! / sigma.last!
    }

    @Test("the condition estimate is a lower bound of κ₂(R̃) and within a factor 2 of it")
    func conditionEstimate() throws {
        var triangles: [(String, Matrix<Double>)] = []
        for n in [1, 2, 10, 80, 200] {
            var generator = SeededGenerator(seed: UInt64(n))
            let gaussian = TestMatrices.gaussian(rows: n, columns: n, using: &generator, as: Double.self)
            triangles.append(("R of pivoted QR of Gaussian \(n)×\(n)", HouseholderQR(gaussian, pivoting: true).r))
            let graded = TestMatrices.graded(rows: n, columns: n, exponents: -12...0, using: &generator, as: Double.self).a
            triangles.append(("R of pivoted QR of graded \(n)×\(n)", HouseholderQR(graded, pivoting: true).r))
        }
        triangles.append(("R of pivoted QR of Hilbert 12", HouseholderQR(TestMatrices.hilbert(12), pivoting: true).r))
        for (name, r) in triangles {
            let exact = try Self.exactRowScaledCondition(r)
            let estimate = estimatedRowScaledCondition(of: r)
            #expect(estimate <= exact * (1 + 1e-10), "\(name): estimate \(estimate) above κ(R̃) = \(exact)")
            #expect(estimate >= exact / 2, "\(name): estimate \(estimate) far below κ(R̃) = \(exact)")
            // Stopping early answers "below the limit?" as the full estimate does.
            let limit = Double(r.rows).squareRoot()
            let early = estimatedRowScaledCondition(of: r, stoppingAbove: limit)
            #expect((early < limit) == (estimate < limit), "\(name): early \(early), full \(estimate), limit \(limit)")
            #expect(early <= exact * (1 + 1e-10), "\(name): early estimate \(early) above κ(R̃) = \(exact)")
        }
        var singular = Self.gradedTriangle(6, grading: 0, seed: 1)
        singular[3, 3] = 0
        #expect(estimatedRowScaledCondition(of: singular) == .infinity)
    }

    /// Graded matrices take the route with R itself; a Gaussian square one (κ(R̃) ≈ 22 > √200)
    /// takes it through the second pivoted QR (κ(R̃′) ≈ 4), but only from n = 200 on (below,
    /// accumulating is cheaper: `OneSidedJacobi.smallestOrderThroughSecondFactorization`); a
    /// matrix of lower rank takes neither.
    @Test("the route is taken exactly when R̃, or else R̃′ (from n = 200 on), is well conditioned")
    func routeChoice() throws {
        var generator = SeededGenerator(seed: 31)
        let graded = TestMatrices.graded(rows: 120, columns: 80, exponents: -12...0, using: &generator, as: Double.self).a
        let gradedTakesFirstRoute = OneSidedJacobi().isWellConditionedForSubstitution(HouseholderQR(graded, pivoting: true).r)
        #expect(gradedTakesFirstRoute)
        #expect(try OneSidedJacobi().decompose(graded).diagnostics.vectorsBySubstitution)
        #expect(try OneSidedJacobi().decompose(graded.transposed).diagnostics.vectorsBySubstitution)

        let gaussian = TestMatrices.gaussian(rows: 200, columns: 200, using: &generator, as: Double.self)
        let r = HouseholderQR(gaussian, pivoting: true).r
        let rPrime = HouseholderQR(r.transposed, pivoting: true).r
        let (first, second) = (OneSidedJacobi().isWellConditionedForSubstitution(r),
                               OneSidedJacobi().isWellConditionedForSubstitution(rPrime))
        #expect(!first && second)
        #expect(try OneSidedJacobi().decompose(gaussian).diagnostics.vectorsBySubstitution)
        #expect(OneSidedJacobi.smallestOrderThroughSecondFactorization == 200)
        // One column fewer: R fails the first test as before, and n = 199 accumulates.
        let smaller = Matrix(rows: 200, columns: 199, columnMajor: Array(gaussian.elements.prefix(200 * 199)))
        #expect(!OneSidedJacobi().isWellConditionedForSubstitution(HouseholderQR(smaller, pivoting: true).r))
        #expect(try !OneSidedJacobi().decompose(smaller).diagnostics.vectorsBySubstitution)

        // A zero column: R has a zero row, R′ (of Rᵀ, pivoted) a zero last row, so R̃ and R̃′
        // are singular, and the rotations are accumulated. (A numerically rank-deficient matrix
        // need not be: rows of rounding size, once scaled, are as well conditioned as any.)
        var withZeroColumn = gaussian
        for i in 0..<withZeroColumn.rows { withZeroColumn[i, 17] = 0 }
        #expect(try !OneSidedJacobi().decompose(withZeroColumn).diagnostics.vectorsBySubstitution)
        // Values alone never need the route.
        #expect(try !OneSidedJacobi().singularValues(of: graded).diagnostics.vectorsBySubstitution)
    }

    /// R = D·R̃ with the row scales D (10⁰ … 10⁻¹²) in a random order: Rᵀ is graded by columns
    /// that are not sorted by size. The pivoted second QR sorts them, so R′ comes out row-scaled
    /// and well conditioned.
    static func rowsGradedInRandomOrder() -> (r: Matrix<Double>, scales: [Double]) {
        let n = 80
        var generator = SeededGenerator(seed: 47)
        let unitRows = Self.gradedTriangle(n, grading: 0, seed: 48)
        let scales = (0..<n).map { pow(10, -12 * Double($0) / Double(n - 1)) }.shuffled(using: &generator)
        return (Matrix(rows: n, columns: n) { i, j in scales[i] * unitRows[i, j] }, scales)
    }

    @Test("through the second pivoted QR: R = L·Σ·Wᵀ row by row, on rows graded in random order")
    func secondFactorization() throws {
        let (r, scales) = Self.rowsGradedInRandomOrder()
        let n = r.rows
        let factors = try #require(try OneSidedJacobi().factorsThroughSecondPivotedFactorization(of: r),
                                   "R′ should be well conditioned after its rows are scaled")
        #expect(factors.diagnostics.vectorsBySubstitution)

        let bound = 10 * Double(n).squareRoot() * Double.ulpOfOne
        #expect(factors.left.orthogonalityError <= bound, "L: \(factors.left.orthogonalityError)")
        #expect(factors.right.orthogonalityError <= bound, "W: \(factors.right.orthogonalityError)")
        // R − L·Σ·Wᵀ, row by row relative to the row's scale: a normwise residual would not see
        // the rows of size 1e-12.
        let residual = r - factors.left.scalingColumns(by: factors.singularValues) * factors.right.transposed
        for i in 0..<n {
            let rowResidual = scaledNorm((0..<n).map { residual[i, $0] })
            #expect(rowResidual <= 100 * Double(n) * Double.ulpOfOne * scales[i], "row \(i): \(rowResidual)")
        }
    }

    @Test("through the second pivoted QR: σ to relative accuracy ε·κ(R̃) against a Float80 reference",
          .enabled(if: float80IsAvailable, "needs Float80, which this platform or build (SVDLAB_NO_FLOAT80=1) does not have"))
    func secondFactorizationRelativeAccuracy() throws {
        #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
        let r = Self.rowsGradedInRandomOrder().r
        let n = r.rows
        let factors = try #require(try OneSidedJacobi().factorsThroughSecondPivotedFactorization(of: r))
        // Float80 has a 2¹¹ times smaller unit roundoff; each σ to ε·κ(R̃)·(a modest multiple of n).
        let reference = try OneSidedJacobi().singularValues(of: r.converted(to: Float80.self)).singularValues
        let kappa = try Self.exactRowScaledCondition(r)
        for (computed, exact) in zip(factors.singularValues, reference) {
            let relative = abs(computed - Double(exact)) / Double(exact)
            #expect(relative <= 10 * Double(n) * kappa * Double.ulpOfOne, "σ = \(exact): relative error \(relative)")
        }
        #endif
    }

    /// A by substitution and by accumulated rotations; checks that each took the route it should
    /// and that the one by substitution has the defining properties, with the bounds of the
    /// accumulated route (DecompositionPropertyTests).
    static func bothRoutes(_ a: Matrix<Double>) throws
        -> (solved: SingularValueDecomposition<Double>, rotated: SingularValueDecomposition<Double>)
    {
        var accumulating = OneSidedJacobi()
        accumulating.substitutesForRotations = false
        let solved = try OneSidedJacobi().decompose(a)
        let rotated = try accumulating.decompose(a)
        #expect(solved.diagnostics.vectorsBySubstitution && !rotated.diagnostics.vectorsBySubstitution)

        let p = min(a.rows, a.columns)
        let sigma1 = solved.singularValues[0]
        #expect(maxAbsDifference(solved.reconstructed(), a) <= Tolerance.backward(10, rows: a.rows, columns: a.columns,
                                                                                   scale: sigma1))
        let orthogonalityBound = 10 * Double(p).squareRoot() * Double.ulpOfOne
        #expect(solved.u.orthogonalityError <= orthogonalityBound, "U: \(solved.u.orthogonalityError)")
        #expect(solved.v.orthogonalityError <= orthogonalityBound, "V: \(solved.v.orthogonalityError)")
        return (solved, rotated)
    }

    /// Both routes on the same graded matrices: the defining properties hold for the route by
    /// substitution, and its vectors agree with those from accumulated rotations.
    @Test("by substitution and by accumulated rotations: same σ to relative accuracy, same vectors, orthonormal",
          arguments: [(60, 60), (200, 90), (90, 200), (300, 300)])
    func routesAgree(shape: (rows: Int, columns: Int)) throws {
        var generator = SeededGenerator(seed: UInt64(shape.rows * 1000 + shape.columns))
        let p = min(shape.rows, shape.columns)
        let (tall, b, _) = TestMatrices.graded(rows: max(shape.rows, shape.columns), columns: p, exponents: -12...0,
                                               using: &generator, as: Double.self)
        let a = shape.rows >= shape.columns ? tall : tall.transposed
        let (solved, rotated) = try Self.bothRoutes(a)

        // σ: each route is accurate to η = √p·c·ε·d·κ(B) relative (Demmel–Veselić: a column-wise
        // backward error c·ε·d moves the σ of B·D by at most ‖δB‖₂/σ_min(B) ≤ √p·c·ε·d·κ(B), B
        // with unit columns, c = 16 as in the contract suite); the two agree to 2η.
        let kappaB = try OneSidedJacobi().singularValues(of: b).conditionNumber
        let eta = Double(p).squareRoot() * Tolerance.backward(16, rows: a.rows, columns: a.columns, scale: kappaB)
        for (x, y) in zip(solved.singularValues, rotated.singularValues) {
            #expect(abs(x - y) <= 2 * eta * y, "σ \(x) against \(y)")
        }
        // Vectors: the same relative perturbation moves the i-th singular vectors by at most
        // η/relgapᵢ (Demmel–Veselić), relgapᵢ = minⱼ |σᵢ − σⱼ|/(σᵢ + σⱼ); the two routes' vectors
        // (same sign convention) differ by at most 2η/relgapᵢ in each entry of column i.
        for i in 0..<p {
            let sigma = solved.singularValues
            let relativeGap = sigma.indices.filter { $0 != i }.map { abs(sigma[$0] - sigma[i]) / (sigma[$0] + sigma[i]) }.min() ?? 1
            let bound = 2 * eta / relativeGap
            let uDifference = (0..<a.rows).map { abs(solved.u[$0, i] - rotated.u[$0, i]) }.max()!
            let vDifference = (0..<a.columns).map { abs(solved.v[$0, i] - rotated.v[$0, i]) }.max()!
            #expect(uDifference <= bound && vDifference <= bound, "column \(i): U \(uDifference), V \(vDifference), bound \(bound)")
        }
    }
}

extension VectorsBySubstitutionTests {
    /// Square-ish Gaussian matrices of order 200 (the smallest that takes it), whose R fails the
    /// test for the first route (κ(R̃) above √n) and which therefore go through the second
    /// pivoted QR, against accumulated rotations.
    @Test("through the second pivoted QR and by accumulated rotations: same σ, same vectors, orthonormal",
          arguments: [(200, 200), (202, 200), (200, 202)])
    func secondRouteAgrees(shape: (rows: Int, columns: Int)) throws {
        var generator = SeededGenerator(seed: UInt64(shape.rows * 1000 + shape.columns + 7))
        let a = TestMatrices.gaussian(rows: shape.rows, columns: shape.columns, using: &generator, as: Double.self)
        let tall = a.rows >= a.columns ? a : a.transposed
        let takesFirstRoute = OneSidedJacobi().isWellConditionedForSubstitution(HouseholderQR(tall, pivoting: true).r)
        #expect(!takesFirstRoute, "this matrix should not take the first route")
        let (solved, rotated) = try Self.bothRoutes(a)
        let p = min(a.rows, a.columns)
        let sigma1 = solved.singularValues[0]
        // Both are backward stable, each σ within Weyl's c·ε·d·‖A‖_F (c = 16 as in the contract
        // suite), so they agree to twice that.
        let weyl = Tolerance.backward(16, rows: a.rows, columns: a.columns, scale: a.frobeniusNorm)
        for (x, y) in zip(solved.singularValues, rotated.singularValues) {
            #expect(abs(x - y) <= 2 * weyl, "σ \(x) against \(y), σ₁ = \(sigma1)")
        }
        // Each singular vector moves by at most ‖E‖/gap under a perturbation E (Wedin's sin θ),
        // gap = the distance to the nearest other σ: the two routes differ by at most 2·weyl/gap,
        // compared one column at a time, with that column's own bound.
        for j in 0..<p {
            let gaps = solved.singularValues.indices.filter { $0 != j }
                .map { abs(solved.singularValues[$0] - solved.singularValues[j]) }
            let bound = 2 * weyl / gaps.min()!
            let uDifference = (0..<a.rows).map { abs(solved.u[$0, j] - rotated.u[$0, j]) }.max()!
            let vDifference = (0..<a.columns).map { abs(solved.v[$0, j] - rotated.v[$0, j]) }.max()!
            #expect(uDifference <= bound && vDifference <= bound, "column \(j): U \(uDifference), V \(vDifference), bound \(bound)")
        }
    }
}

extension VectorsBySubstitutionTests {
    /// Rank 150 of 200: the rows of R (or R′) beyond the rank are of rounding size, and once
    /// scaled they are as well conditioned as any, so the route is taken. The σ beyond the rank
    /// then come out at rounding level, and the vectors must still be orthonormal.
    @Test("numerically rank-deficient: the route by substitution still gives an SVD")
    func rankDeficient() throws {
        var generator = SeededGenerator(seed: 53)
        let a = TestMatrices.lowRank(rows: 200, columns: 200, rank: 150, using: &generator, as: Double.self)
        let (solved, rotated) = try Self.bothRoutes(a)
        // Each σ within Weyl's c·ε·d·‖A‖_F of the exact one (c = 16 as in the contract suite), so
        // the two routes agree to twice that, the 50 exact zeros come out below it, and σ₁₅₀ above.
        let weyl = Tolerance.backward(16, rows: 200, columns: 200, scale: a.frobeniusNorm)
        for (x, y) in zip(solved.singularValues, rotated.singularValues) {
            #expect(abs(x - y) <= 2 * weyl, "σ \(x) against \(y)")
        }
        #expect(solved.rank(tolerance: weyl) == 150, "σ₁₅₀ = \(solved.singularValues[149]), σ₁₅₁ = \(solved.singularValues[150])")
    }
}
