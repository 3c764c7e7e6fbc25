import SVDCore
import SVDTextbook
import Testing

/// Checks shared by the contract's tests.
extension ContractSubject {
    /// The decomposition of `a`, or nil with an issue naming the case when the subject throws.
    func decomposition(of a: Matrix<Double>, vectors: SingularVectors = .thin, label: String,
                       sourceLocation: SourceLocation = #_sourceLocation) -> SingularValueDecomposition<Double>? {
        do {
            return try decomposer.decompose(a, vectors: vectors)
        } catch {
            Issue.record("\(self) on \(label): threw \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The singular values alone, or nil with an issue when the subject throws.
    func values(of a: Matrix<Double>, label: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Double]? {
        do {
            return try decomposer.singularValues(of: a).singularValues
        } catch {
            Issue.record("\(self) on \(label): threw \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Runs `checks`; when the subject has `limitation`, its failure is expected and recorded as
    /// a known issue with `reason` (and a pass becomes a failure, so the expectation stays true).
    func expecting(_ limitation: KnownLimitation, toFail reason: Comment, intermittently: Bool = false,
                   _ checks: () throws -> Void) rethrows {
        if limitations.contains(limitation) {
            withKnownIssue(reason, isIntermittent: intermittently) { try checks() }
        } else {
            try checks()
        }
    }
}

/// The defining properties of an SVD of `a`, thin or full: A = UΣVᵀ, U and V orthonormal, σ
/// sorted and non-negative, and the shapes the protocol promises. Bounds from `ContractTolerance`,
/// multiplied by `factor` (the subject's `guaranteeFactor`).
func expectDefiningProperties(_ svd: SingularValueDecomposition<Double>, of a: Matrix<Double>,
                              vectors: SingularVectors, factor: Double, label: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
    let m = a.rows, n = a.columns, p = min(m, n)
    let shapesRight = svd.rows == m && svd.columns == n && svd.singularValues.count == p
        && svd.u.rows == m && svd.v.rows == n
        && svd.u.columns == (vectors == .full ? m : p) && svd.v.columns == (vectors == .full ? n : p)
    #expect(shapesRight, "\(label): U \(svd.u.rows)×\(svd.u.columns), \(svd.singularValues.count) σ, V \(svd.v.rows)×\(svd.v.columns)",
            sourceLocation: sourceLocation)
    guard shapesRight else { return }  // the products below would trap on wrong shapes
    #expect(svd.singularValues.allSatisfy { $0.isFinite && $0 >= 0 }, "\(label): σ = \(svd.singularValues)",
            sourceLocation: sourceLocation)
    #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 },
            "\(label): σ not sorted: \(svd.singularValues)", sourceLocation: sourceLocation)
    let normA = a.frobeniusNorm
    let residual = (a - svd.reconstructed()).frobeniusNorm
    #expect(residual <= factor * ContractTolerance.reconstruction(rows: m, columns: n, frobeniusNorm: normA),
            "\(label): ‖A − UΣVᵀ‖_F = \(residual), ‖A‖_F = \(normA)", sourceLocation: sourceLocation)
    let orthogonality = ContractTolerance.orthogonality(rows: m, columns: n)
    #expect(svd.u.orthogonalityError <= factor * orthogonality, "\(label): max|UᵀU − I| = \(svd.u.orthogonalityError)",
            sourceLocation: sourceLocation)
    #expect(svd.v.orthogonalityError <= factor * orthogonality, "\(label): max|VᵀV − I| = \(svd.v.orthogonalityError)",
            sourceLocation: sourceLocation)
}

/// ‖D‖₂ = √λ_max(DᵀD) (or of DDᵀ, the smaller), by the symmetric Jacobi eigensolver: an
/// independent measurement, not the decomposer under test. Its error is at most
/// c·ε·d·‖D‖_F²/‖D‖₂ (`ContractTolerance.spectralNormMeasurement`).
func spectralNorm(_ d: Matrix<Double>) throws -> Double {
    let gram = d.rows >= d.columns ? d.transposeTimes(d) : d.transposed.transposeTimes(d.transposed)
    let largest = try SymmetricEigendecomposition(symmetric: gram).eigenvalues.max() ?? 0
    return max(largest, 0).squareRoot()
}

/// The Euclidean distance ‖x − y‖ of two vectors.
func distance(_ x: [Double], _ y: [Double]) -> Double {
    scaledNorm(zip(x, y).map { $0 - $1 })
}
