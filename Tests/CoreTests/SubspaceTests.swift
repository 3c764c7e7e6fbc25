import PropertyBased
import SVDCore
import Testing

/// The four fundamental subspaces from the full SVD.
@Suite("CoreTests: the four fundamental subspaces")
struct SubspaceTests {
    @Test("Dimensions r, r, n−r, m−r; A·N ≈ 0, Aᵀ·L ≈ 0; orthonormal bases; orthogonal pairs")
    func fourSubspaces() async {
        let kinds: [MatrixKind] = [.gaussian, .rankDeficient, .zero, .repeatedSingularValues]
        await propertyCheck(count: 200, input: zip(Gen.element(of: kinds).map { $0! }, Gen.int(in: 1...20), Gen.int(in: 1...20), Gen.uint64())) {
            kind, m, n, seed in
            try checkFourSubspaces(MatrixCase(kind: kind, rows: m, columns: n, seed: seed))
        }
    }

    // A separate synchronous function: the same body inside the async property closure crashes
    // the Swift 6.3.1 compiler's SendNonSendable pass at -O.
    private func checkFourSubspaces(_ testCase: MatrixCase) throws {
            let kind = testCase.kind, m = testCase.rows, n = testCase.columns
            let a = testCase.matrix
            let svd = try OneSidedJacobi().decompose(a, vectors: .full)
            #expect(svd.isFull)
            let s = svd.fundamentalSubspaces()
            let r = s.rank
            if kind == .rankDeficient { #expect(r == max(1, min(m, n) / 2), "\(testCase): rank \(r)") }
            if kind == .zero { #expect(r == 0) }
            #expect(s.columnSpace.columns == r && s.rowSpace.columns == r, "\(testCase)")
            #expect(s.nullSpace.columns == n - r && s.leftNullSpace.columns == m - r, "\(testCase)")
            #expect(s.columnSpace.rows == m && s.leftNullSpace.rows == m && s.rowSpace.rows == n && s.nullSpace.rows == n)

            // A maps the null space to (numerically) zero: ‖A·N‖ ≤ σ_{r+1} + rounding.
            let tolerance = Tolerance.backward(16, rows: m, columns: n, scale: max(svd.largestSingularValue, 1e-300))
            let tail = svd.spectralTruncationError(rank: r)
            if n - r > 0 { #expect((a * s.nullSpace).frobeniusNorm <= tail * Double(n) + tolerance, "\(testCase): A·N") }
            if m - r > 0 {
                #expect((a.transposed * s.leftNullSpace).frobeniusNorm <= tail * Double(m) + tolerance, "\(testCase): Aᵀ·L")
            }
            let unit = Tolerance.backward(16, rows: m, columns: n, scale: 1)
            for basis in [s.columnSpace, s.rowSpace, s.nullSpace, s.leftNullSpace] where basis.columns > 0 {
                #expect(basis.orthogonalityError <= unit, "\(testCase): basis not orthonormal")
            }
            if r > 0 && n - r > 0 { #expect(s.rowSpace.transposeTimes(s.nullSpace).maxAbsoluteEntry <= unit, "row ⟂ null") }
            if r > 0 && m - r > 0 {
                #expect(s.columnSpace.transposeTimes(s.leftNullSpace).maxAbsoluteEntry <= unit, "col ⟂ left null")
            }
    }
}
