import SVDCore
import Testing

/// The four fundamental subspaces cut from the full SVD at the numerical rank.
@Suite("ContractTests: the four fundamental subspaces")
struct SubspaceContract {
    @Test("Dimensions r, r, n−r, m−r; A·N ≈ 0, Aᵀ·L ≈ 0; orthonormal bases; orthogonal pairs",
          arguments: ContractSubjects.all)
    func fourSubspaces(subject: ContractSubject) {
        let cases = ContractCase.draw(60, for: "fourSubspaces", kinds: [.gaussian, .rankDeficient, .zero, .repeated])
        for testCase in cases {
            let a = testCase.matrix
            let m = a.rows, n = a.columns
            guard let svd = subject.decomposition(of: a, vectors: .full, label: "\(testCase)") else { continue }
            let s = svd.fundamentalSubspaces()
            let r = s.rank
            if let exact = testCase.exactRank {
                // The AᵀA route sees a zero σ as √|λ̂| with λ̂ a rounding error of size ε·σ₁²:
                // about 1e-8·σ₁, far above the rank tolerance d·ε·σ₁, whenever λ̂ happens to be > 0.
                subject.expecting(.normalEquations, toFail: "zero σ come out as √(ε)·σ₁ from AᵀA", intermittently: true) {
                    #expect(r == exact, "\(testCase): numerical rank \(r), exact \(exact)")
                }
            }
            #expect(s.columnSpace.columns == r && s.rowSpace.columns == r, "\(testCase)")
            #expect(s.nullSpace.columns == n - r && s.leftNullSpace.columns == m - r, "\(testCase)")
            #expect(s.columnSpace.rows == m && s.leftNullSpace.rows == m && s.rowSpace.rows == n && s.nullSpace.rows == n)

            // A·N = (A − UΣVᵀ)·N + Σ_{i>r} σᵢuᵢ(vᵢᵀN): at most the discarded √(Σ_{i>r} σᵢ²) plus
            // what the factors add (`ContractTolerance.fromFactors`). Likewise Aᵀ·L.
            let factor = subject.guaranteeFactor(svd.singularValues)
            let bound = svd.frobeniusTruncationError(rank: r)
                + factor * ContractTolerance.fromFactors(rows: m, columns: n, frobeniusNorm: a.frobeniusNorm)
            #expect((a * s.nullSpace).frobeniusNorm <= bound, "\(testCase): ‖A·N‖_F = \((a * s.nullSpace).frobeniusNorm)")
            #expect((a.transposed * s.leftNullSpace).frobeniusNorm <= bound, "\(testCase): ‖Aᵀ·L‖_F")
            let unit = ContractTolerance.orthogonality(rows: m, columns: n)
            for (name, basis) in [("col", s.columnSpace), ("row", s.rowSpace), ("null", s.nullSpace), ("left null", s.leftNullSpace)] {
                #expect(basis.orthogonalityError <= factor * unit,
                        "\(testCase): \(name) basis: max|BᵀB − I| = \(basis.orthogonalityError)")
            }
            #expect(s.rowSpace.transposeTimes(s.nullSpace).maxAbsoluteEntry <= factor * unit, "\(testCase): row ⟂ null")
            #expect(s.columnSpace.transposeTimes(s.leftNullSpace).maxAbsoluteEntry <= factor * unit,
                    "\(testCase): col ⟂ left null")
        }
    }
}
