import SVDCore
import SVDTestMatrices
import Testing

/// Bad input is refused with a typed error, never a crash or a silent NaN.
@Suite("CoreTests: bad input")
struct BadInputTests {
    @Test("A sweep limit that is too small is reported as no convergence")
    func sweepLimit() {
        var generator = SeededGenerator(seed: 1)
        let a: Matrix<Double> = TestMatrices.gaussian(rows: 30, columns: 30, using: &generator)
        #expect {
            try OneSidedJacobi(maxSweeps: 1).decompose(a)
        } throws: { error in
            guard case let .noConvergence(sweeps, cosine)? = error as? SVDError else { return false }
            return sweeps == 1 && cosine > 0
        }
    }

    @Test("Ragged rows are refused by the matrix initializer")
    func ragged() {
        #expect(throws: MatrixError.raggedRows(row: 1, expected: 2, found: 1)) { try Matrix<Double>(rows: [[1, 2], [3]]) }
        #expect(throws: MatrixError.empty) { try Matrix<Double>(rows: []) }
    }

    @Test("Text parser: comments, separators, and errors with line numbers")
    func textParser() throws {
        let a: Matrix<Double> = try MatrixTextFormat.parse("# comment\n1, 2 3\n\n4\t5,6  # trailing\n")
        #expect(a.rows == 2 && a.columns == 3 && a[1, 2] == 6)
        #expect(throws: MatrixTextFormat.ParseError.empty) { try MatrixTextFormat.parse("# nothing\n\n", as: Double.self) }
        #expect(throws: MatrixTextFormat.ParseError.notANumber(line: 2, field: "x")) {
            try MatrixTextFormat.parse("1 2\n3 x\n", as: Double.self)
        }
        #expect(throws: MatrixTextFormat.ParseError.ragged(line: 3, expected: 2, found: 3)) {
            try MatrixTextFormat.parse("1 2\n\n3 4 5\n", as: Double.self)
        }
        #expect(throws: MatrixTextFormat.ParseError.nonFinite(line: 1, field: "inf")) {
            try MatrixTextFormat.parse("inf 2\n", as: Double.self)
        }
    }
}
