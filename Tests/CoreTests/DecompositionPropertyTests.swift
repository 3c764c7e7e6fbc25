import PropertyBased
import SVDCore
import SVDTestMatrices
import SVDTextbook
import Testing

/// The defining properties of an SVD, A = U·Σ·Vᵀ with orthonormal U, V and σ₁ ≥ … ≥ σ_p ≥ 0, on
/// the fast path's larger shapes. Every property of an SVD on every kind of matrix, and on every
/// decomposer, is graded by the contract suite (Tests/ContractTests).
@Suite("CoreTests: decomposition properties")
struct DecompositionPropertyTests {
    /// Larger matrices, up to 200×200 and 400×50, with the figures the issue asks to record.
    @Test("Jacobi: larger matrices up to n = 200", arguments: [(200, 200), (400, 50), (50, 400), (120, 120)])
    func largerMatrices(shape: (Int, Int)) throws {
        var generator = SeededGenerator(seed: UInt64(shape.0 * 1000 + shape.1))
        for kind in [MatrixKind.gaussian, .graded, .rankDeficient] {
            let testCase = MatrixCase(kind: kind, rows: shape.0, columns: shape.1, seed: generator.next())
            let a = testCase.matrix
            let svd = try OneSidedJacobi().decompose(a, vectors: .thin)
            checkDefiningProperties(svd, of: a, c: 8, label: "\(testCase)")
        }
    }
}

/// Checks A = UΣVᵀ, orthonormal U and V, σ sorted descending and non-negative, with tolerance
/// c·ε·max(m, n) (times ‖A‖ for the residual).
func checkDefiningProperties(_ svd: SingularValueDecomposition<Double>, of a: Matrix<Double>, c: Double,
                             label: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let m = a.rows, n = a.columns
    let normA = a.frobeniusNorm
    let residual = (a - svd.reconstructed()).frobeniusNorm
    #expect(residual <= Tolerance.backward(c, rows: m, columns: n, scale: normA),
            "\(label): ‖A − UΣVᵀ‖_F = \(residual), ‖A‖_F = \(normA)", sourceLocation: sourceLocation)
    let orthogonalityBound = Tolerance.backward(c, rows: m, columns: n, scale: 1)
    #expect(svd.u.orthogonalityError <= orthogonalityBound, "\(label): max|UᵀU − I| = \(svd.u.orthogonalityError)",
            sourceLocation: sourceLocation)
    #expect(svd.v.orthogonalityError <= orthogonalityBound, "\(label): max|VᵀV − I| = \(svd.v.orthogonalityError)",
            sourceLocation: sourceLocation)
    #expect(svd.singularValues.count == min(m, n), "\(label)", sourceLocation: sourceLocation)
    #expect(svd.singularValues.allSatisfy { $0 >= 0 }, "\(label): negative σ", sourceLocation: sourceLocation)
    #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 },
            "\(label): σ not sorted: \(svd.singularValues)", sourceLocation: sourceLocation)
    let p = min(m, n)
    #expect(svd.u.rows == m && svd.v.rows == n && (svd.u.columns == p || svd.u.columns == m)
            && (svd.v.columns == p || svd.v.columns == n), "\(label): shapes", sourceLocation: sourceLocation)
}

/// The random shapes of `MatrixGen` stay below 32 columns, one block of the blocked Householder
/// QR, and mostly below m = 2n, where `JacobiPreconditioner` switches to two stages. These shapes
/// cross both boundaries (m = 2n − 1, 2n, 2n + 1 and several blocks), tall and wide, thin and full.
@Suite("CoreTests: Jacobi preconditioning in one and two stages")
struct PreconditioningShapeTests {
    @Test("Jacobi: defining properties across the two-stage threshold and block boundaries",
          arguments: [(129, 65), (130, 65), (131, 65), (300, 40), (70, 200)])
    func definingPropertiesAcrossStages(shape: (rows: Int, columns: Int)) throws {
        for (index, kind) in MatrixKind.allCases.enumerated() {
            let testCase = MatrixCase(kind: kind, rows: shape.rows, columns: shape.columns,
                                      seed: UInt64(7 * shape.rows + shape.columns + index))
            let a = testCase.matrix
            let thin = try OneSidedJacobi().decompose(a, vectors: .thin)
            checkDefiningProperties(thin, of: a, c: 8, label: "\(testCase) thin")
            checkDefiningProperties(try OneSidedJacobi().decompose(a, vectors: .full), of: a, c: 8, label: "\(testCase) full")
            let values = try OneSidedJacobi().singularValues(of: a).singularValues
            for (x, y) in zip(values, thin.singularValues) {
                #expect(abs(x - y) <= Tolerance.backward(8, rows: a.rows, columns: a.columns, scale: thin.largestSingularValue),
                        "\(testCase): values-only \(x) vs \(y)")
            }
        }
    }
}
