import Foundation
import SVDCore
import SVDTestMatrices
import Testing

/// Seed 003's "relation to eigendecomposition", checked on what the core computes: the columns of
/// V are eigenvectors of AᵀA and the columns of U eigenvectors of AAᵀ, with eigenvalues σᵢ² (and
/// 0 for the columns of the full U and V beyond min(m, n)).
///
/// Tolerance: forming AᵀA·v in Double commits errors of about p·ε·‖A‖² per entry (p the inner
/// dimension), and the decomposition's own backward error ε·‖A‖ shows in ‖AᵀA·v − σ²v‖ as
/// 2·σ₁·ε·‖A‖; so the residual of each column is bounded by c·max(m, n)·ε·σ₁², c = 8 as in the
/// other property tests (Guides/Verification.md).
@Suite struct EigenRelationTests {
    static let shapes: [(rows: Int, columns: Int)] = [(7, 4), (4, 7), (6, 6), (12, 3), (1, 5), (5, 1)]

    @Test("AᵀA·vᵢ = σᵢ²·vᵢ and AAᵀ·uᵢ = σᵢ²·uᵢ for every column of the full V and U",
          arguments: 0..<shapes.count)
    func columnsAreEigenvectorsOfTheGramMatrices(shapeIndex: Int) throws {
        let (m, n) = Self.shapes[shapeIndex]
        var generator = SeededGenerator(seed: UInt64(100 + shapeIndex))
        let a: Matrix<Double> = TestMatrices.gaussian(rows: m, columns: n, using: &generator)
        let svd = try OneSidedJacobi().decompose(a, vectors: .full)
        let sigma = svd.singularValues
        let scale = (sigma.first ?? 0) * (sigma.first ?? 0)
        let tolerance = 8 * Double(max(m, n)) * Double.ulpOfOne * scale

        let gramRight = a.transposed * a      // n×n, AᵀA
        let gramLeft = a * a.transposed       // m×m, AAᵀ
        func eigenvalue(_ i: Int) -> Double { i < sigma.count ? sigma[i] * sigma[i] : 0 }
        for (gram, vectors, name) in [(gramRight, svd.v, "V"), (gramLeft, svd.u, "U")] {
            #expect(vectors.columns == gram.rows)
            for i in 0..<vectors.columns {
                let v = vectors.column(i)
                let residual = zip(gram * v, v).map { $0 - eigenvalue(i) * $1 }
                let size = residual.reduce(0) { max($0, abs($1)) }
                #expect(size <= tolerance,
                        "\(m)×\(n): column \(i + 1) of \(name): ‖Gv − σ²v‖∞ = \(size) > \(tolerance)")
            }
        }
    }

    /// The check above must be able to fail: a column of U swapped with another is no eigenvector
    /// for the eigenvalue of its place.
    @Test func aWrongColumnIsCaught() throws {
        var generator = SeededGenerator(seed: 7)
        let a: Matrix<Double> = TestMatrices.gaussian(rows: 5, columns: 3, using: &generator)
        let svd = try OneSidedJacobi().decompose(a, vectors: .full)
        let u1 = svd.u.column(1)
        let sigma0 = svd.singularValues[0]
        let residual = zip(a * (a.transposed * u1), u1).map { $0 - sigma0 * sigma0 * $1 }
        #expect(residual.reduce(0) { max($0, abs($1)) } > 1e-3 * sigma0 * sigma0)
    }
}
