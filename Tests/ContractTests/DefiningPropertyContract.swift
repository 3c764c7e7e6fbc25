import SVDCore
import Testing

/// A = U·Σ·Vᵀ with orthonormal U, V and σ₁ ≥ … ≥ σ_p ≥ 0, on every kind and shape of matrix, thin
/// and full; the sign convention; values alone equal to those of the decomposition.
@Suite("ContractTests: defining properties")
struct DefiningPropertyContract {
    @Test("A = UΣVᵀ, UᵀU = I, VᵀV = I, σ sorted and ≥ 0, shapes (thin and full; every kind and shape)",
          arguments: ContractSubjects.all)
    func definingProperties(subject: ContractSubject) {
        for testCase in ContractCase.draw(80, for: "definingProperties") {
            let a = testCase.matrix
            for vectors in [SingularVectors.thin, .full] {
                let label = "\(testCase) \(vectors)"
                guard let svd = subject.decomposition(of: a, vectors: vectors, label: label) else { continue }
                expectDefiningProperties(svd, of: a, vectors: vectors, factor: subject.guaranteeFactor(svd.singularValues),
                                         label: label)
            }
        }
    }

    /// Larger shapes than the random draws, square, tall and wide, with the kinds that stress a
    /// decomposer most (graded, rank-deficient, repeated). (The fast decomposer's own larger
    /// shapes, up to 400×50 and 200×200, are in the kernel suite.)
    @Test("Defining properties on larger matrices (up to 64×64, 120×12, 12×120)", arguments: ContractSubjects.all)
    func largerMatrices(subject: ContractSubject) {
        let shapes = [(64, 64), (120, 12), (12, 120), (50, 40)]
        for (index, (m, n)) in shapes.enumerated() {
            for kind in [ContractMatrixKind.gaussian, .graded, .rankDeficient, .repeated] {
                let testCase = ContractCase(kind: kind, rows: m, columns: n, seed: UInt64(1000 * index + m + n), index: index)
                let a = testCase.matrix
                guard let svd = subject.decomposition(of: a, label: "\(testCase)") else { continue }
                expectDefiningProperties(svd, of: a, vectors: .thin, factor: subject.guaranteeFactor(svd.singularValues),
                                         label: "\(testCase)")
            }
        }
    }

    /// The convention every decomposer must produce, so that two correct programs print the same
    /// vectors: in each vᵢ the first entry of largest magnitude is positive, and uᵢ flips with vᵢ
    /// (so A·vᵢ = σᵢ·uᵢ, not −σᵢ·uᵢ); a column of a full U beyond p is oriented by its own
    /// largest entry. Checked on the computed numbers, exactly: the convention is applied to them.
    @Test("Sign convention: the largest entry of each vᵢ is positive, and uᵢ goes with it", arguments: ContractSubjects.all)
    func signConvention(subject: ContractSubject) {
        for testCase in ContractCase.draw(60, for: "signConvention") {
            let a = testCase.matrix
            guard let svd = subject.decomposition(of: a, vectors: .full, label: "\(testCase)") else { continue }
            let p = svd.singularValues.count
            for j in 0..<svd.v.columns {
                #expect(firstLargestEntryIsPositive(svd.v.column(j)), "\(testCase): v\(j + 1) = \(svd.v.column(j))")
            }
            for j in p..<svd.u.columns {
                #expect(firstLargestEntryIsPositive(svd.u.column(j)), "\(testCase): u\(j + 1) (beyond p)")
            }
            // uᵢ goes with vᵢ: uᵢᵀ·A·vᵢ = σᵢ > 0 for every σᵢ clearly above the rounding level.
            let av = a * svd.v.leadingColumns(p)
            let floor = subject.guaranteeFactor(svd.singularValues)
                * ContractTolerance.singularValue(rows: a.rows, columns: a.columns, frobeniusNorm: a.frobeniusNorm)
            for i in 0..<p where svd.singularValues[i] > 2 * floor {
                #expect(dot(svd.u.column(i), av.column(i)) > 0, "\(testCase): u\(i + 1) flipped against v\(i + 1)")
            }
        }
    }

    /// Values alone and values with vectors are both within Weyl's bound of the exact σ, so they
    /// differ by at most twice that bound (`ContractTolerance.twoDecompositions`).
    @Test("Singular values alone equal those of the decomposition", arguments: ContractSubjects.all)
    func valuesAloneAgree(subject: ContractSubject) {
        for testCase in ContractCase.draw(60, for: "valuesAloneAgree") {
            let a = testCase.matrix
            guard let values = subject.values(of: a, label: "\(testCase)"),
                  let svd = subject.decomposition(of: a, label: "\(testCase)") else { continue }
            let bound = subject.guaranteeFactor(svd.singularValues)
                * ContractTolerance.twoDecompositions(rows: a.rows, columns: a.columns, frobeniusNorm: a.frobeniusNorm)
            #expect(values.count == svd.singularValues.count, "\(testCase)")
            for (i, (x, y)) in zip(values, svd.singularValues).enumerated() {
                #expect(abs(x - y) <= bound, "\(testCase): σ\(i + 1) alone \(x), with vectors \(y)")
            }
        }
    }

    /// Entries near 2^±1000: a method that squares entries without scaling first overflows (its
    /// result turns to NaN) or underflows (its columns are never rotated). The contract asks for
    /// the same properties as anywhere else; `KnownLimitation.unscaledSquares` marks the subject
    /// that does not scale, whose failure is then expected.
    @Test("Entries near 2^±1000: the same properties, without overflow or underflow", arguments: ContractSubjects.all)
    func extremeMagnitudes(subject: ContractSubject) {
        let cases = ContractCase.draw(30, for: "extremeMagnitudes", kinds: [.nearOverflow, .nearUnderflow])
        subject.expecting(.unscaledSquares, toFail: "squares of entries near 2^±1000 overflow or underflow without scaling") {
            for testCase in cases {
                let a = testCase.matrix
                for vectors in [SingularVectors.thin, .full] {
                    let label = "\(testCase) \(vectors)"
                    guard let svd = subject.decomposition(of: a, vectors: vectors, label: label) else { continue }
                    expectDefiningProperties(svd, of: a, vectors: vectors,
                                             factor: subject.guaranteeFactor(svd.singularValues), label: label)
                }
            }
        }
    }
}

/// True when the first entry of largest magnitude is positive (the sign convention).
private func firstLargestEntryIsPositive(_ x: [Double]) -> Bool {
    var largest = 0.0, positive = true
    for value in x where abs(value) > largest {
        largest = abs(value)
        positive = value > 0
    }
    return positive
}
