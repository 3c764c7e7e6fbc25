import Foundation
import PropertyBased
import SVDCore
import SVDTestMatrices
import SVDTextbook
import Testing

/// How accurately the singular values come out: absolutely (prescribed spectra) and relatively
/// (graded matrices, where one-sided Jacobi is in a class of its own).
@Suite("CoreTests: accuracy of singular values")
struct AccuracyTests {
    /// A = U·diag(σ)·Vᵀ with random orthogonal U, V and σ from 1 down to 1e-10. One-sided Jacobi
    /// is backward stable for the SVD, so each σᵢ is within c·ε·max(m,n)·σ₁ (Weyl's inequality:
    /// |σ̂ᵢ − σᵢ| ≤ ‖E‖₂ for a perturbation E of A; the rounding of the product that builds A is
    /// part of E).
    @Test("Jacobi: prescribed singular values recovered to c·ε·max(m,n)·σ₁")
    func prescribedSingularValues() async {
        await propertyCheck(count: 150, input: MatrixGen.cases(of: .prescribed)) { testCase in
            let a = testCase.matrix
            let expected = prescribedSpectrum(count: min(a.rows, a.columns))
            let computed = try OneSidedJacobi().singularValues(of: a).singularValues
            for (i, (x, y)) in zip(computed, expected).enumerated() {
                #expect(abs(x - y) <= Tolerance.backward(16, rows: a.rows, columns: a.columns, scale: 1),
                        "\(testCase): σ\(i + 1) = \(x), expected \(y)")
            }
        }
    }

    /// The AᵀA route is backward stable for the *eigenvalues of AᵀA*: Weyl's inequality applied to
    /// AᵀA gives |σ̂ᵢ² − σᵢ²| ≤ c·ε·max(m,n)·σ₁², which is its whole guarantee. For σᵢ = 1e-10·σ₁
    /// that allows σ̂ᵢ anywhere in [0, 1.5e-8·σ₁]: no correct digit (see the known failures).
    @Test("AᵀA route: prescribed σ² recovered to c·ε·max(m,n)·σ₁² (its weaker guarantee)")
    func prescribedSquaredSingularValues() async {
        await propertyCheck(count: 150, input: MatrixGen.cases(of: .prescribed)) { testCase in
            let a = testCase.matrix
            let expected = prescribedSpectrum(count: min(a.rows, a.columns))
            let computed = try NormalEquationsSVD().singularValues(of: a).singularValues
            for (i, (x, y)) in zip(computed, expected).enumerated() {
                #expect(abs(x * x - y * y) <= Tolerance.backward(16, rows: a.rows, columns: a.columns, scale: 1),
                        "\(testCase): σ\(i + 1)² = \(x * x), expected \(y * y)")
            }
        }
    }

    /// Repeated singular values are found as repeated, to the same absolute accuracy.
    @Test("Repeated singular values (3, 3, 3, 1, 1, …)")
    func repeatedSingularValues() async {
        await propertyCheck(count: 100, input: MatrixGen.cases(of: .repeatedSingularValues)) { testCase in
            let a = testCase.matrix
            let p = min(a.rows, a.columns)
            let expected = (0..<p).map { i -> Double in i < (p + 1) / 2 ? 3 : 1 }
            let computed = try OneSidedJacobi().singularValues(of: a).singularValues
            for (x, y) in zip(computed, expected) {
                #expect(abs(x - y) <= Tolerance.backward(16, rows: a.rows, columns: a.columns, scale: 3), "\(testCase)")
            }
        }
    }

    /// Demmel–Veselić: for A = B·D with D diagonal, one-sided Jacobi computes every σᵢ with
    /// relative error about ε·κ(B)·(modest function of n), however large κ(A) = κ(B·D) is.
    ///
    /// The reference: the same graded matrix in Float80 (64-bit significand) through the same
    /// algorithm — valid because the claimed relative accuracy is independent of the grading, so
    /// the Float80 values are 2048× more accurate than what is being tested.
    @Test("Graded A = B·D (D from 1e-12 to 1e12): every σ to relative accuracy ε·κ(B)",
          .enabled(if: hasFloat80, "needs Float80 for the reference"))
    func gradedRelativeAccuracy() async {
        await propertyCheck(count: 60, input: zip(Gen.int(in: 2...20), Gen.int(in: 1...12), Gen.uint64())) { m, n0, seed in
            let n = min(m, n0)
            var generator = SeededGenerator(seed: seed)
            let (a, b, _) = TestMatrices.graded(rows: m, columns: n, exponents: -12...12, using: &generator, as: Double.self)
            let computed = try OneSidedJacobi().singularValues(of: a).singularValues
            let reference = try referenceSingularValues(a)
            let kappaB = try OneSidedJacobi().singularValues(of: b).conditionNumber
            let bound = 16 * Double.ulpOfOne * kappaB * Double(n)
            for (i, (x, y)) in zip(computed, reference).enumerated() {
                #expect(abs(x - y) / y <= bound,
                        "graded \(m)×\(n) seed \(seed): σ\(i + 1) = \(x), reference \(y), κ(B) = \(kappaB)")
            }
        }
    }

    /// The same claim on shapes that take the two-stage preconditioning (m ≥ 2n: unpivoted
    /// blocked QR first, then the pivoted one; see `JacobiPreconditioner`) with more than one
    /// block of 32 columns, and on one just below the threshold.
    @Test("Graded A = B·D, tall and across blocks: every σ to relative accuracy ε·κ(B)",
          .enabled(if: hasFloat80, "needs Float80 for the reference"),
          arguments: [(300, 40), (130, 65), (129, 65)])
    func gradedRelativeAccuracyTall(shape: (rows: Int, columns: Int)) throws {
        var generator = SeededGenerator(seed: UInt64(shape.rows * shape.columns))
        let (a, b, _) = TestMatrices.graded(rows: shape.rows, columns: shape.columns, exponents: -12...12,
                                            using: &generator, as: Double.self)
        let computed = try OneSidedJacobi().singularValues(of: a).singularValues
        let fromDecomposition = try OneSidedJacobi().decompose(a).singularValues
        let reference = try referenceSingularValues(a)
        let kappaB = try OneSidedJacobi().singularValues(of: b).conditionNumber
        let bound = 16 * Double.ulpOfOne * kappaB * Double(shape.columns)
        for (i, y) in reference.enumerated() {
            #expect(abs(computed[i] - y) / y <= bound, "σ\(i + 1) = \(computed[i]), reference \(y), κ(B) = \(kappaB)")
            #expect(abs(fromDecomposition[i] - y) / y <= bound,
                    "σ\(i + 1) (with vectors) = \(fromDecomposition[i]), reference \(y), κ(B) = \(kappaB)")
        }
    }

    /// The AᵀA route cannot do this: σ_min² ≈ 1e-24·σ₁² is lost when AᵀA is rounded.
    @Test("Graded A = B·D: the AᵀA route loses the small singular values (known failure)",
          .enabled(if: hasFloat80, "needs Float80 for the reference"))
    func gradedDefeatsNormalEquations() throws {
        var generator = SeededGenerator(seed: 2024)
        let (a, b, _) = TestMatrices.graded(rows: 10, columns: 6, exponents: -12...12, using: &generator, as: Double.self)
        let reference = try referenceSingularValues(a)
        let kappaB = try OneSidedJacobi().singularValues(of: b).conditionNumber
        let bound = 16 * Double.ulpOfOne * kappaB * 6
        let naive = try NormalEquationsSVD().singularValues(of: a).singularValues
        withKnownIssue("eigenvalues of AᵀA carry absolute error ε·σ₁², which swamps σ_min² = 1e-24·σ₁²") {
            #expect(abs(naive.last! - reference.last!) / reference.last! <= bound,
                    "σ_min from AᵀA: \(naive.last!), reference \(reference.last!)")
        }
        let jacobi = try OneSidedJacobi().singularValues(of: a).singularValues
        #expect(abs(jacobi.last! - reference.last!) / reference.last! <= bound)
    }
}

let hasFloat80: Bool = {
    #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
    return true
    #else
    return false
    #endif
}()

/// Singular values of `a` computed in Float80 and rounded to Double.
func referenceSingularValues(_ a: Matrix<Double>) throws -> [Double] {
    #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
    return try OneSidedJacobi().singularValues(of: a.converted(to: Float80.self)).singularValues.map { Double($0) }
    #else
    return try OneSidedJacobi().singularValues(of: a).singularValues
    #endif
}
