import SVDCore
import Testing

/// How accurately the singular values come out, against references that are not the program:
/// 50-digit spectra computed outside Swift (`ReferenceSpectrum`), and matrices whose spectrum is
/// exact by construction (`ExactSpectrum`).
@Suite("ContractTests: accuracy of singular values")
struct SpectrumAccuracyContract {
    /// Weyl: every σ̂ᵢ within c·ε·d·‖A‖_F of the exact σᵢ of the stored matrix.
    @Test("Every σ of the 50-digit reference spectra within Weyl's bound", arguments: ContractSubjects.all)
    func referenceSpectra(subject: ContractSubject) {
        for reference in ReferenceSpectrum.all where reference.kind != "extreme" {
            expectReferenceSpectrum(reference, subject: subject)
        }
        for reference in ReferenceSpectrum.of(kind: "extreme") {
            let subnormal = reference.name.contains("subnormal")
            subject.expecting(subnormal ? .subnormalEntries : .unscaledSquares,
                              toFail: subnormal ? "unscaled subnormal columns: cosines stall above √m·ε"
                                                : "squares of entries near 2^±1000 overflow or underflow without scaling") {
                expectReferenceSpectrum(reference, subject: subject)
            }
        }
    }

    private func expectReferenceSpectrum(_ reference: ReferenceSpectrum, subject: ContractSubject) {
        let a = reference.matrix
        guard let computed = subject.values(of: a, label: reference.name) else { return }
        let bound = subject.guaranteeFactor(computed)
            * ContractTolerance.singularValue(rows: a.rows, columns: a.columns, frobeniusNorm: a.frobeniusNorm)
        for (i, (x, y)) in zip(computed, reference.sigma).enumerated() {
            #expect(abs(x - y) <= bound, "\(reference): σ\(i + 1) = \(x), reference \(y), bound \(bound)")
        }
    }

    /// Demmel–Veselić: on a column-graded A = B·D (D from 1e-12 to 1e12), every σᵢ to relative
    /// accuracy √p·c·ε·d/σ_min(B), however large κ(A). A one-sided Jacobi method with a relative
    /// stopping test has this property; the AᵀA route cannot: forming AᵀA commits an absolute error
    /// ε·σ₁² that swamps σ_min² ≈ 1e-24·σ₁².
    @Test("Graded A = B·D: every σ to relative accuracy ε/σ_min(B) (50-digit references)",
          arguments: ContractSubjects.all)
    func gradedRelativeAccuracy(subject: ContractSubject) {
        subject.expecting(.normalEquations, toFail: "AᵀA's rounding ε·σ₁² swamps σ_min² ≈ 1e-24·σ₁²") {
            for reference in ReferenceSpectrum.of(kind: "graded") {
                let a = reference.matrix
                guard let sigmaMinB = reference.unitColumnsSigmaMin.flatMap(Double.init) else {
                    Issue.record("\(reference): no σ_min(B) in the fixture")
                    continue
                }
                let bound = ContractTolerance.gradedRelative(rows: a.rows, columns: a.columns, unitColumnsSigmaMin: sigmaMinB)
                for (label, computed) in [("alone", subject.values(of: a, label: reference.name)),
                                          ("with vectors", subject.decomposition(of: a, label: reference.name)?.singularValues)] {
                    guard let computed else { continue }
                    for (i, (x, y)) in zip(computed, reference.sigma).enumerated() {
                        #expect(abs(x - y) / y <= bound,
                                "\(reference) (\(label)): σ\(i + 1) = \(x), reference \(y), relative bound \(bound)")
                    }
                }
            }
        }
    }

    /// H·Σ·Hᵀ from Hadamard matrices: every entry exact, every σ exact (`ExactSpectrum`).
    @Test("Exact spectra from Hadamard factors: every σ within Weyl's bound", arguments: ContractSubjects.all)
    func exactSpectra(subject: ContractSubject) {
        for exact in ExactSpectrum.cases {
            let a = ExactSpectrum.matrix(rows: exact.rows, columns: exact.columns, sigma: exact.sigma)
            guard let svd = subject.decomposition(of: a, vectors: .full, label: exact.name) else { continue }
            let factor = subject.guaranteeFactor(svd.singularValues)
            let bound = factor
                * ContractTolerance.singularValue(rows: a.rows, columns: a.columns, frobeniusNorm: a.frobeniusNorm)
            for (i, (x, y)) in zip(svd.singularValues, exact.sigma.sorted(by: >)).enumerated() {
                #expect(abs(x - y) <= bound, "\(exact.name): σ\(i + 1) = \(x), exact \(y)")
            }
            expectDefiningProperties(svd, of: a, vectors: .full, factor: factor, label: exact.name)
        }
    }

    /// Where the AᵀA route must fail: with σ from 1 to 1e-10, λ_min(AᵀA) = 1e-20·σ₁² lies far
    /// below the rounding error ε·σ₁² of forming AᵀA, so uᵢ = A·vᵢ/σᵢ is noise and U is not
    /// orthonormal. Every other decomposer meets the contract's c·ε·d on the same matrices.
    @Test("κ = 1e10: U orthonormal to c·ε·d (the AᵀA route's known failure)", arguments: ContractSubjects.all)
    func orthogonalityAtLargeCondition(subject: ContractSubject) {
        // The 1×9 and 9×1 ones have the single σ = 1: nothing to lose.
        let references = ReferenceSpectrum.all.filter { $0.name.hasPrefix("geometric") && min($0.rows, $0.columns) > 1 }
        subject.expecting(.normalEquations, toFail: "σ_min² = 1e-20·σ₁² is below AᵀA's rounding: u = Av/σ is noise") {
            for reference in references {
                let a = reference.matrix
                guard let svd = subject.decomposition(of: a, label: reference.name) else { continue }
                let bound = ContractTolerance.orthogonality(rows: a.rows, columns: a.columns)
                #expect(svd.u.orthogonalityError <= bound, "\(reference): max|UᵀU − I| = \(svd.u.orthogonalityError)")
                #expect(svd.v.orthogonalityError <= bound, "\(reference): max|VᵀV − I| = \(svd.v.orthogonalityError)")
            }
        }
    }
}
