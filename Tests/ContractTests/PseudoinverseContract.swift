import SVDCore
import Testing

/// The pseudoinverse A⁺ = V·Σ⁺·Uᵀ and least squares x = A⁺b, from the subject's decomposition.
@Suite("ContractTests: pseudoinverse and least squares")
struct PseudoinverseContract {
    /// The four Penrose conditions, each to 2·c·ε·d·κ_r at its natural scale
    /// (`ContractTolerance.penrose`), κ_r = σ₁/σ_r over the numerical rank. The zero matrix has
    /// no κ_r: its pseudoinverse must be exactly the zero n×m matrix, which satisfies all four.
    @Test("The four Penrose conditions (the zero matrix: A⁺ = 0 exactly)", arguments: ContractSubjects.all)
    func penroseConditions(subject: ContractSubject) {
        let cases = ContractCase.draw(60, for: "penroseConditions", kinds: [.gaussian, .rankDeficient, .zero, .repeated, .prescribed])
        for testCase in cases {
            let a = testCase.matrix
            let m = a.rows, n = a.columns
            guard let svd = subject.decomposition(of: a, label: "\(testCase)") else { continue }
            let p = svd.pseudoinverse()
            #expect(p.rows == n && p.columns == m, "\(testCase): A⁺ is \(p.rows)×\(p.columns)")
            guard svd.rank() > 0 else {
                #expect(p.elements.allSatisfy { $0 == 0 }, "\(testCase): rank 0, but A⁺ ≠ 0")
                continue
            }
            let kappa = svd.effectiveConditionNumber()
            let factor = subject.guaranteeFactor(svd.singularValues)
            func bound(_ scale: Double) -> Double {
                factor * ContractTolerance.penrose(rows: m, columns: n, rangeCondition: kappa, scale: scale)
            }
            let normA = svd.norm2, normP = 1 / svd.singularValues[svd.rank() - 1]
            let ap = a * p, pa = p * a
            #expect(maxDifference(ap * a, a) <= bound(normA), "\(testCase) κ_r=\(kappa): AA⁺A = A")
            #expect(maxDifference(pa * p, p) <= bound(normP), "\(testCase) κ_r=\(kappa): A⁺AA⁺ = A⁺")
            #expect(maxDifference(ap, ap.transposed) <= bound(1), "\(testCase) κ_r=\(kappa): (AA⁺)ᵀ = AA⁺")
            #expect(maxDifference(pa, pa.transposed) <= bound(1), "\(testCase) κ_r=\(kappa): (A⁺A)ᵀ = A⁺A")
        }
    }

    /// Overdetermined (m > n): the residual r = b − A·x̂ is orthogonal to the columns of A, to
    /// c·ε·d·‖A‖₂·(‖b‖ + ‖A‖₂‖x̂‖) (`ContractTolerance.leastSquaresResidual`; no κ: a residual,
    /// not a forward error).
    @Test("Overdetermined least squares: the residual is orthogonal to the columns", arguments: ContractSubjects.all)
    func overdetermined(subject: ContractSubject) {
        var generator = ContractSeed.generator(for: "overdetermined")
        let cases = ContractCase.draw(40, for: "overdetermined", kinds: [.gaussian, .graded, .rankDeficient])
        // The tall draws (tall, one column, or drawn so); the others are not overdetermined.
        for testCase in cases where testCase.rows > testCase.columns {
            let a = testCase.matrix
            let b = (0..<a.rows).map { _ in generator.nextGaussian() }
            guard let svd = subject.decomposition(of: a, label: "\(testCase)") else { continue }
            let x = svd.solveLeastSquares(b)
            let residual = zip(b, a * x).map { $0 - $1 }
            let normal = scaledNorm(a.transposeTimes(residual))
            let bound = subject.guaranteeFactor(svd.singularValues) * svd.norm2
                * ContractTolerance.leastSquaresResidual(rows: a.rows, columns: a.columns, normA: svd.norm2,
                                                         normB: scaledNorm(b), normX: scaledNorm(x))
            #expect(normal <= bound, "\(testCase): ‖Aᵀr‖ = \(normal), bound \(bound)")
        }
    }

    /// Underdetermined with full row rank: A·x̂ = b to the residual bound; x̂ has no component in
    /// null(A) (to the orthogonality of V); adding a null vector z keeps A(x̂ + z) = b and makes
    /// it longer (‖x̂ + z‖² = ‖x̂‖² + ‖z‖²).
    @Test("Underdetermined: A⁺b is the minimum-norm solution", arguments: ContractSubjects.all)
    func minimumNorm(subject: ContractSubject) {
        var generator = ContractSeed.generator(for: "minimumNorm")
        let cases = ContractCase.draw(40, for: "minimumNorm", kinds: [.gaussian, .repeated])
        // The wide draws (one row, wide, or drawn so); the others have no null space to test.
        for testCase in cases where testCase.rows < testCase.columns {
            let a = testCase.matrix
            let m = a.rows, n = a.columns
            let b = (0..<m).map { _ in generator.nextGaussian() }
            guard let svd = subject.decomposition(of: a, vectors: .full, label: "\(testCase)") else { continue }
            let factor = subject.guaranteeFactor(svd.singularValues)
            let x = svd.solveLeastSquares(b)
            let normX = scaledNorm(x), normB = scaledNorm(b)
            let solves = factor * ContractTolerance.leastSquaresResidual(rows: m, columns: n, normA: svd.norm2,
                                                                         normB: normB, normX: normX)
            #expect(distance(a * x, b) <= solves, "\(testCase): ‖Ax − b‖ = \(distance(a * x, b))")
            let null = svd.fundamentalSubspaces().nullSpace
            #expect(null.columns == n - m, "\(testCase): null space of dimension \(null.columns)")
            let component = scaledNorm(null.transposeTimes(x))
            #expect(component <= ContractTolerance.orthogonality(rows: m, columns: n) * normX,
                    "\(testCase): ‖Nᵀx‖ = \(component)")
            for j in 0..<null.columns {
                let y = zip(x, null.column(j)).map { $0 + 0.5 * $1 }
                #expect(scaledNorm(y) > normX, "\(testCase): adding a null vector did not lengthen x")
                let stillSolves = factor * ContractTolerance.leastSquaresResidual(
                    rows: m, columns: n, normA: svd.norm2, normB: normB, normX: scaledNorm(y))
                #expect(distance(a * y, b) <= stillSolves, "\(testCase): x + z no longer solves Ax = b")
            }
        }
    }

    /// Known answers: A = H·Σ·Hᵀ with exact entries (`ExactSpectrum`), b = A·x* + r* with r* a
    /// column of the Hadamard matrix outside col(A), so x* is the exact least-squares solution and
    /// r* its exact residual; for the wide A, b = A·x* with x* ∈ row(A), so x* is the exact
    /// minimum-norm solution. Every product is exact in binary. Forward error to Wedin's bound.
    @Test("Least squares with exact answers: tall (residual ≠ 0) and wide (minimum norm)", arguments: ContractSubjects.all)
    func exactLeastSquares(subject: ContractSubject) {
        let sigma: [Double] = [2, 1, 0.5, 0.25]
        let tall = ExactSpectrum.matrix(rows: 16, columns: 4, sigma: sigma)
        let xTall: [Double] = [1, -2, 3, 0.5]
        let outside = ExactSpectrum.hadamard(16).column(9).map { $0 / 4 }  // ⟂ the 4 columns of U used
        let bTall = zip(tall * xTall, outside).map { $0 + $1 }
        let wide = tall.transposed
        let xWide = tall * [0.5, 1, -1, 2]  // Aᵀ·y for the wide A = tallᵀ: in its row space
        let bWide = wide * xWide
        for (name, a, b, expected, residual) in [("16×4", tall, bTall, xTall, 1.0), ("4×16", wide, bWide, xWide, 0.0)] {
            guard let svd = subject.decomposition(of: a, label: name) else { continue }
            let x = svd.solveLeastSquares(b)
            let bound = subject.guaranteeFactor(svd.singularValues)
                * ContractTolerance.leastSquaresForward(rows: a.rows, columns: a.columns, kappa: 8, normA: 2,
                                                        normX: scaledNorm(expected), normResidual: residual)
            #expect(distance(x, expected) <= bound, "\(name): ‖x̂ − x*‖ = \(distance(x, expected)), bound \(bound)")
        }
    }
}

/// max |aᵢⱼ − bᵢⱼ|.
private func maxDifference(_ a: Matrix<Double>, _ b: Matrix<Double>) -> Double {
    zip(a.elements, b.elements).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
