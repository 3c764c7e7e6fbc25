import PropertyBased
import SVDCore
import SVDTestMatrices
import Testing

/// `HouseholderQR` with and without column pivoting, on every kind of matrix in `MatrixKind`
/// (wide shapes transposed to tall): the defining properties of A·P = Q·R and the guarantees its
/// documentation states. Entries near 1e±300 are included: the column norms must neither
/// overflow nor underflow.
@Suite("CoreTests: Householder QR")
struct HouseholderQRTests {
    /// Higham, Thm 19.4: A·P + ΔA = Q̂·R̂ with ‖Δaⱼ‖₂ ≤ c·m·n·ε·‖aⱼ‖₂ column by column (the
    /// product Q̂·R̂ formed here adds n·ε·√n·‖rⱼ‖ at most, within the same c = 10); Q̂ orthonormal
    /// to c·m·ε (largest entry of |Q̂ᵀQ̂ − I|); R upper triangular; P a permutation, the identity
    /// without pivoting.
    @Test("A·P = Q·R column by column to c·m·n·ε·‖aⱼ‖, QᵀQ = I to c·m·ε, with and without pivoting")
    func definingProperties() async {
        await propertyCheck(count: 200, input: zip(MatrixGen.anyCase, Gen.bool)) { testCase, pivoting in
            let a = testCase.matrix.transposedIf(testCase.rows < testCase.columns)
            let m = a.rows, n = a.columns
            let label = "\(testCase), pivoting \(pivoting)"
            let qr = HouseholderQR(a, pivoting: pivoting)
            let q = qr.thinQ(), r = qr.r

            #expect(q.orthogonalityError <= Tolerance.backward(10, rows: m, columns: 1, scale: 1), "\(label)")
            #expect(qr.permutation.sorted() == Array(0..<n), "\(label): not a permutation")
            if !pivoting { #expect(qr.permutation == Array(0..<n), "\(label): P ≠ I without pivoting") }
            #expect(qr.rTransposed == r.transposed, "\(label)")
            for j in 0..<n {
                for i in (j + 1)..<max(j + 1, n) { #expect(r[i, j] == 0, "\(label): R not triangular") }
            }
            let qTimesR = q * r
            for j in 0..<n {
                let column = a.column(qr.permutation[j])
                let residual = scaledNorm((0..<m).map { column[$0] - qTimesR[$0, j] })
                #expect(residual <= Tolerance.backward(10, rows: m * n, columns: 1, scale: scaledNorm(column)),
                        "\(label): column \(j) residual \(residual)")
            }
        }
    }

    /// Businger–Golub pivoting chooses at step k the remaining column of largest norm, so
    /// |rₖₖ| ≥ ‖R[k…, j]‖₂ for every j ≥ k (and hence |rₖₖ| is non-increasing). The choice is made
    /// on downdated norms; their relative error δ is what the test must allow. Each of the at most
    /// n downdates since a norm ν̂ was last computed adds about m·ε·(ν̂/ν)², and the safeguard
    /// recomputes before (ν/ν̂)² falls to √ε, so δ ≤ m·n·√ε; the inequality holds to 1 + 2δ.
    /// (A wrong pivot violates it by a factor of order 1.)
    @Test("pivoting: |rₖₖ| ≥ ‖R[k…, j]‖ for all j ≥ k, to the accuracy of the downdated norms")
    func pivotsDominateTheirTrailingColumns() async {
        await propertyCheck(count: 200, input: MatrixGen.anyCase) { testCase in
            let a = testCase.matrix.transposedIf(testCase.rows < testCase.columns)
            let m = a.rows, n = a.columns
            let r = HouseholderQR(a, pivoting: true).r
            let slack = 1 + 2 * Double(m * n) * Double.ulpOfOne.squareRoot()
            for k in 0..<n {
                for j in k..<n {
                    let trailing = scaledNorm((k...j).map { r[$0, j] })
                    #expect(trailing <= abs(r[k, k]) * slack, "\(testCase): ‖R[\(k)…, \(j)]‖ = \(trailing) > |r\(k)\(k)| = \(abs(r[k, k]))")
                }
            }
        }
    }

    /// `thinQ()` skips applying a block of reflectors Hₖ, k ≥ k₀, to the columns j < k₀ of
    /// [I; 0], which it leaves unchanged (the block acts on rows k₀… only, where eⱼ is zero, so
    /// Yᵀeⱼ = 0 exactly). So it must equal Q·[I; 0] from `q(times:)`, which applies every block to
    /// every column, bit for bit — also with several blocks of 32 reflectors (70 columns: three).
    @Test("thinQ() equals q(times: I) exactly, including several blocks of reflectors",
          arguments: [(9, 9), (40, 15), (1100, 70)])
    func thinQEqualsQTimesIdentity(shape: (rows: Int, columns: Int)) {
        var generator = SeededGenerator(seed: 17)
        let a: Matrix<Double> = TestMatrices.gaussian(rows: shape.rows, columns: shape.columns, using: &generator)
        for pivoting in [false, true] {
            let qr = HouseholderQR(a, pivoting: pivoting)
            #expect(qr.thinQ() == qr.q(times: .identity(shape.columns)), "pivoting \(pivoting)")
        }
    }

    /// The random shapes above stay below one block of 32 reflectors; these cross the block and
    /// panel boundaries (31, 32, 33, 65 and 100 columns), where the unpivoted factorization
    /// updates later columns in the WY form and Q is applied block by block. The same bounds as
    /// above, on every kind of matrix.
    @Test("blocked: A·P = Q·R and QᵀQ = I across block boundaries",
          arguments: [(31, 31), (32, 32), (33, 33), (100, 65), (130, 100), (300, 33)])
    func acrossBlockBoundaries(shape: (rows: Int, columns: Int)) {
        let m = shape.rows, n = shape.columns
        for (index, kind) in MatrixKind.allCases.enumerated() {
            let a = MatrixCase(kind: kind, rows: m, columns: n, seed: UInt64(31 * m + n + index)).matrix
            for pivoting in [false, true] {
                let label = "\(kind) \(m)×\(n), pivoting \(pivoting)"
                let qr = HouseholderQR(a, pivoting: pivoting)
                let q = qr.thinQ(), r = qr.r
                #expect(q.orthogonalityError <= Tolerance.backward(10, rows: m, columns: 1, scale: 1), "\(label)")
                let qTimesR = q * r
                for j in 0..<n {
                    let column = a.column(qr.permutation[j])
                    let bound = Tolerance.backward(10, rows: m * n, columns: 1, scale: scaledNorm(column))
                    let residual = scaledNorm((0..<m).map { column[$0] - qTimesR[$0, j] })
                    #expect(residual <= bound, "\(label): column \(j) residual \(residual)")
                }
            }
        }
    }

    /// Across the same block boundaries, on the kinds whose R is well determined (Gaussian, and
    /// graded B·D with B well conditioned: R = R_B·D), R must agree with R computed in Float80
    /// column by column to c·m·n·ε·‖aⱼ‖. (On an ill-conditioned A, R itself moves by up to
    /// κ(A)·ε under rounding, so there is no such forward bound to test.)
    @Test("blocked: R as in Float80, across block boundaries",
          .enabled(if: float80IsAvailable, "needs Float80, which this platform or build (SVDLAB_NO_FLOAT80=1) does not have"),
          arguments: [(31, 31), (32, 32), (33, 33), (100, 65), (130, 100), (300, 33)])
    func triangularFactorAgreesWithFloat80(shape: (rows: Int, columns: Int)) {
        #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
        let m = shape.rows, n = shape.columns
        for (index, kind) in MatrixKind.allCases.enumerated() where kind == .gaussian || kind == .graded {
            let a = MatrixCase(kind: kind, rows: m, columns: n, seed: UInt64(31 * m + n + index)).matrix
            for pivoting in [false, true] {
                let label = "\(kind) \(m)×\(n), pivoting \(pivoting)"
                let qr = HouseholderQR(a, pivoting: pivoting), r = qr.r
                let reference = HouseholderQR(a.converted(to: Float80.self), pivoting: pivoting)
                // With pivoting, near-ties between column norms may be broken differently in
                // Float80; R is compared only where the two chose the same columns.
                guard reference.permutation == qr.permutation else { continue }
                for j in 0..<n {
                    let bound = Tolerance.backward(10, rows: m * n, columns: 1, scale: scaledNorm(a.column(qr.permutation[j])))
                    let difference = scaledNorm((0...j).map { Double(Float80(r[$0, j]) - reference.r[$0, j]) })
                    #expect(difference <= bound, "\(label): column \(j) of R differs from Float80's by \(difference)")
                }
            }
        }
        #endif
    }

    /// The Float specialization: the same bounds with Float's ε.
    @Test("Float: A·P = Q·R to c·m·n·ε·‖A‖_F and QᵀQ = I to c·m·ε in single precision")
    func singlePrecision() {
        var generator = SeededGenerator(seed: 23)
        let a: Matrix<Float> = TestMatrices.gaussian(rows: 50, columns: 20, using: &generator, as: Float.self)
        for pivoting in [false, true] {
            let qr = HouseholderQR(a, pivoting: pivoting)
            let q = qr.thinQ()
            let ap = Matrix<Float>(rows: 50, columns: 20) { i, j in a[i, qr.permutation[j]] }
            #expect(q.orthogonalityError <= 10 * 50 * Float.ulpOfOne)
            #expect((ap - q * qr.r).frobeniusNorm <= 10 * 50 * 20 * Float.ulpOfOne * a.frobeniusNorm)
        }
    }
}
