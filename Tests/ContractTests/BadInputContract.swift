import SVDCore
import Testing

/// Input a decomposer cannot take is refused with a typed error, never a crash or a silent NaN.
@Suite("ContractTests: bad input")
struct BadInputContract {
    @Test("Empty matrices are refused (0×3, 3×0, 0×0)", arguments: ContractSubjects.all)
    func empty(subject: ContractSubject) {
        for (m, n) in [(0, 3), (3, 0), (0, 0)] {
            let a = Matrix<Double>(rows: m, columns: n)
            #expect(throws: SVDError.emptyMatrix, "\(m)×\(n)") { try subject.decomposer.decompose(a) }
            #expect(throws: SVDError.emptyMatrix, "\(m)×\(n) full") { try subject.decomposer.decompose(a, vectors: .full) }
            #expect(throws: SVDError.emptyMatrix, "\(m)×\(n) values") { try subject.decomposer.singularValues(of: a) }
        }
    }

    /// One NaN or ±∞, anywhere in a tall, wide or square matrix, or a 1×1: reported with its
    /// (zero-based) position, whichever routine is called.
    @Test("NaN and ±∞ entries are refused with their position", arguments: ContractSubjects.all)
    func nonFinite(subject: ContractSubject) {
        for value in [Double.nan, .infinity, -.infinity] {
            for (m, n, i, j) in [(3, 2, 2, 1), (2, 5, 0, 3), (4, 4, 1, 0), (1, 1, 0, 0), (6, 1, 5, 0)] {
                var a = Matrix<Double>(rows: m, columns: n, repeating: 1)
                a[i, j] = value
                let error = SVDError.nonFiniteEntry(row: i, column: j)
                #expect(throws: error, "\(value) at (\(i), \(j)) of \(m)×\(n)") { try subject.decomposer.decompose(a) }
                #expect(throws: error, "full") { try subject.decomposer.decompose(a, vectors: .full) }
                #expect(throws: error, "values") { try subject.decomposer.singularValues(of: a) }
            }
        }
    }
}
