import Foundation
@testable import SVDCore
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

    @Test("back substitution in Float80 (plain loops) and Float (SIMD) agree with Double")
    func backSubstitutionOtherTypes() {
        let n = 90
        let r = Self.gradedTriangle(n, grading: 3, seed: 7)
        var generator = SeededGenerator(seed: 8)
        let b = TestMatrices.gaussian(rows: n, columns: 5, using: &generator, as: Double.self)
        var y = b
        solveUpperTriangular(r, overwriting: &y)
        #if arch(x86_64) || arch(i386)
        var extended = b.converted(to: Float80.self)
        solveUpperTriangular(r.converted(to: Float80.self), overwriting: &extended)
        // R̃ has κ ≤ about 3 here, so the Double solution is good to a few n·ε relative.
        #expect(maxAbsDifference(extended.converted(to: Double.self), y) <= 1e-13 * y.maxAbsoluteEntry)
        #endif
        var single = b.converted(to: Float.self)
        solveUpperTriangular(r.converted(to: Float.self), overwriting: &single)
        #expect(maxAbsDifference(single.converted(to: Double.self), y) <= 1e-4 * y.maxAbsoluteEntry)
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

    /// Graded matrices take the route; a Gaussian square one (κ(R̃) ≈ 22 > √200) does not.
    @Test("the route is taken exactly when R̃ is well conditioned")
    func routeChoice() throws {
        var generator = SeededGenerator(seed: 31)
        let graded = TestMatrices.graded(rows: 120, columns: 80, exponents: -12...0, using: &generator, as: Double.self).a
        #expect(try OneSidedJacobi().decompose(graded).diagnostics.vectorsBySubstitution)
        #expect(try OneSidedJacobi().decompose(graded.transposed).diagnostics.vectorsBySubstitution)
        let gaussian = TestMatrices.gaussian(rows: 200, columns: 200, using: &generator, as: Double.self)
        #expect(try !OneSidedJacobi().decompose(gaussian).diagnostics.vectorsBySubstitution)
        // Values alone never need the route.
        #expect(try !OneSidedJacobi().singularValues(of: graded).diagnostics.vectorsBySubstitution)
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
        var accumulating = OneSidedJacobi()
        accumulating.substitutesForRotations = false
        let solved = try OneSidedJacobi().decompose(a)
        let rotated = try accumulating.decompose(a)
        #expect(solved.diagnostics.vectorsBySubstitution && !rotated.diagnostics.vectorsBySubstitution)

        // Defining properties, with the bounds of the accumulated route (DecompositionPropertyTests).
        let sigma1 = solved.singularValues[0]
        #expect(maxAbsDifference(solved.reconstructed(), a) <= Tolerance.backward(10, rows: a.rows, columns: a.columns,
                                                                                   scale: sigma1))
        let orthogonalityBound = 10 * Double(p).squareRoot() * Double.ulpOfOne
        #expect(solved.u.orthogonalityError <= orthogonalityBound, "U: \(solved.u.orthogonalityError)")
        #expect(solved.v.orthogonalityError <= orthogonalityBound, "V: \(solved.v.orthogonalityError)")

        // σ: both routes are accurate to ε·κ(B)-relative; 1e-12 leaves room for κ(B) in the tens.
        let kappaB = try OneSidedJacobi().singularValues(of: b).conditionNumber
        for (x, y) in zip(solved.singularValues, rotated.singularValues) {
            #expect(abs(x - y) <= 50 * Double(p) * kappaB * Double.ulpOfOne * y, "σ \(x) against \(y)")
        }
        // Vectors: σᵢ are spread by 10^(12/(p−1)) per step, a relative gap ≥ 10 %, so each singular
        // vector is determined to about ε·κ(B)/gap; compared column by column (same sign convention).
        let vectorBound = 1e-10
        #expect(maxAbsDifference(solved.u, rotated.u) <= vectorBound, "U routes differ")
        #expect(maxAbsDifference(solved.v, rotated.v) <= vectorBound, "V routes differ")
    }
}
