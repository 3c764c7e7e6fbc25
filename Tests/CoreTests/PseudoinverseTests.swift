import PropertyBased
import SVDCore
import SVDTestMatrices
import SVDTextbook
import Testing

/// The pseudoinverse A⁺ = VΣ⁺Uᵀ and least squares x = A⁺b.
@Suite("CoreTests: pseudoinverse and least squares")
struct PseudoinverseTests {
    /// The four Penrose conditions, each to c·ε·dim·‖A‖·‖A⁺‖ (the natural scale of the products).
    @Test("The four Penrose conditions")
    func penroseConditions() async {
        let kinds: [MatrixKind] = [.gaussian, .rankDeficient, .zero, .repeatedSingularValues]
        await propertyCheck(count: 150, input: zip(Gen.element(of: kinds).map { $0! }, Gen.int(in: 1...16), Gen.int(in: 1...16), Gen.uint64())) {
            kind, m, n, seed in
            let testCase = MatrixCase(kind: kind, rows: m, columns: n, seed: seed)
            let a = testCase.matrix
            let svd = try OneSidedJacobi().decompose(a)
            guard svd.effectiveConditionNumber() < 1e8 else { return }  // keep the scales meaningful
            let p = svd.pseudoinverse()
            let normA = svd.norm2, normP = p.frobeniusNorm
            let scale = max(normA * normP, 1)
            let c = 64 * svd.effectiveConditionNumber()
            let tol = Tolerance.backward(c, rows: m, columns: n, scale: scale)
            #expect(maxAbsDifference(a * p * a, a) <= tol * normA, "\(testCase): AA⁺A = A")
            #expect(maxAbsDifference(p * a * p, p) <= tol * normP, "\(testCase): A⁺AA⁺ = A⁺")
            let ap = a * p, pa = p * a
            #expect(maxAbsDifference(ap, ap.transposed) <= tol, "\(testCase): (AA⁺)ᵀ = AA⁺")
            #expect(maxAbsDifference(pa, pa.transposed) <= tol, "\(testCase): (A⁺A)ᵀ = A⁺A")
        }
    }

    /// Overdetermined, full column rank: r = b − Ax* is orthogonal to every column of A, and
    /// x* agrees with the normal equations AᵀAx = Aᵀb where those are well conditioned.
    @Test("Overdetermined: residual ⟂ col(A); agreement with the normal equations")
    func overdetermined() async {
        await propertyCheck(count: 120, input: zip(Gen.int(in: 2...30), Gen.int(in: 1...8), Gen.uint64())) { m0, n, seed in
            let m = m0 + n
            var generator = SeededGenerator(seed: seed)
            let a: Matrix<Double> = TestMatrices.gaussian(rows: m, columns: n, using: &generator)
            let b = (0..<m).map { _ in generator.nextGaussian() }
            let svd = try OneSidedJacobi().decompose(a)
            let x = svd.solveLeastSquares(b)
            let residual = zip(b, a * x).map { $0 - $1 }
            let kappa = svd.conditionNumber
            let normB = scaledNorm(b)
            let orthogonality = a.transposeTimes(residual).map(abs).max()!
            #expect(orthogonality <= Tolerance.backward(16 * kappa, rows: m, columns: n, scale: svd.norm2 * normB),
                    "m=\(m) n=\(n) seed \(seed): max|Aᵀr| = \(orthogonality)")
            guard kappa < 1e3 else { return }
            // Normal equations: AᵀA x = Aᵀb solved by the symmetric eigendecomposition of AᵀA.
            let gram = a.transposeTimes(a)
            let eigen = try SymmetricEigendecomposition(symmetric: gram)
            let rhs = a.transposeTimes(b)
            let coefficients = (0..<n).map { i in dot(eigen.eigenvectors.column(i), rhs) / eigen.eigenvalues[i] }
            let xNormal = eigen.eigenvectors * coefficients
            let difference = scaledNorm(zip(x, xNormal).map { $0 - $1 })
            // Forward error of the normal equations: ε·κ² relative.
            #expect(difference <= Tolerance.backward(16 * kappa * kappa, rows: m, columns: n, scale: max(scaledNorm(x), 1)),
                    "normal equations differ by \(difference)")
        }
    }

    /// Underdetermined (m < n): A⁺b solves Ax = b exactly (full row rank), lies in row(A), and
    /// adding any null-space vector makes it longer.
    @Test("Underdetermined: A⁺b is the minimum-norm solution")
    func minimumNorm() async {
        await propertyCheck(count: 120, input: zip(Gen.int(in: 1...8), Gen.int(in: 1...20), Gen.uint64())) { m, extra, seed in
            let n = m + extra
            var generator = SeededGenerator(seed: seed)
            let a: Matrix<Double> = TestMatrices.gaussian(rows: m, columns: n, using: &generator)
            let b = (0..<m).map { _ in generator.nextGaussian() }
            let svd = try OneSidedJacobi().decompose(a, vectors: .full)
            let x = svd.solveLeastSquares(b)
            let kappa = svd.conditionNumber
            let residual = scaledNorm(zip(b, a * x).map { $0 - $1 })
            #expect(residual <= Tolerance.backward(16 * kappa, rows: m, columns: n, scale: scaledNorm(b)), "Ax = b")
            let null = svd.fundamentalSubspaces().nullSpace
            #expect(null.columns == n - m)
            let xNorm = scaledNorm(x)
            // x ⟂ null(A): its component in the null space is at rounding level.
            #expect(null.transposeTimes(x).map(abs).max()! <= Tolerance.backward(16 * kappa, rows: m, columns: n, scale: xNorm))
            for j in 0..<null.columns {
                let z = null.column(j).map { 0.5 * $0 }
                let y = zip(x, z).map { $0 + $1 }
                // ‖x + z‖² = ‖x‖² + ‖z‖² since x ⟂ z: strictly longer.
                #expect(scaledNorm(y) > xNorm, "adding a null vector must lengthen x")
                #expect(scaledNorm(zip(b, a * y).map { $0 - $1 }) <= residual + Tolerance.backward(16 * kappa, rows: m, columns: n, scale: scaledNorm(b)) + 1e-12 * scaledNorm(b),
                        "x + z still solves Ax = b")
            }
        }
    }
}
