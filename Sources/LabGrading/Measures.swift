import Foundation
import SVDCore
import SVDTestMatrices

/// The quantities the checks compare, and the machine epsilon they are measured in.
enum Measures {
    static let epsilon = Double.ulpOfOne

    /// ‖QᵀQ − I‖_F: 0 for orthonormal columns.
    static func orthogonalityError(_ q: Matrix<Double>) -> Double {
        (q.transposed * q - Matrix.identity(q.columns)).frobeniusNorm
    }

    /// ‖A − U·Σ·Vᵀ‖_F for the leading p columns.
    static func residual(_ a: Matrix<Double>, _ d: SingularValueDecomposition<Double>) -> Double {
        let p = d.singularValues.count
        let product = d.u.leadingColumns(p).scalingColumns(by: d.singularValues) * d.v.leadingColumns(p).transposed
        return (a - product).frobeniusNorm
    }

    /// The singular values of `a` by the lab's own accurate decomposer: the reference the
    /// student's values are compared with.
    static func referenceSingularValues(_ a: Matrix<Double>) throws -> [Double] {
        try OneSidedJacobi().singularValues(of: a).singularValues
    }

    /// The violation of `property` when some σᵢ is farther than `bound` from the reference (or
    /// the counts differ); nil otherwise.
    static func singularValuesViolation(_ sigma: [Double], _ reference: [Double], within bound: Double,
                                        _ property: String) -> Violation? {
        guard sigma.count == reference.count, zip(sigma, reference).allSatisfy({ abs($0 - $1) <= bound }) else {
            return Violation(property, expected: show(reference) + " (each within \(show(bound)))", actual: show(sigma))
        }
        return nil
    }

    /// A short number for feedback.
    static func show(_ x: Double) -> String { String(format: "%.3g", x) }

    static func show(_ values: [Double]) -> String { "[" + values.map { show($0) }.joined(separator: ", ") + "]" }

    /// A Gaussian m×n matrix.
    static func gaussian(_ m: Int, _ n: Int, _ g: inout SeededGenerator) -> Matrix<Double> {
        TestMatrices.gaussian(rows: m, columns: n, using: &g)
    }

    /// An m×n matrix with singular values spread over [1, 10]: "ordinary", well conditioned, where
    /// any correct method is accurate.
    static func ordinary(_ m: Int, _ n: Int, _ g: inout SeededGenerator) -> Matrix<Double> {
        let p = min(m, n)
        let sigma = (0..<p).map { _ in Double.random(in: 1...10, using: &g) }.sorted(by: >)
        return TestMatrices.withSingularValues(sigma, rows: m, columns: n, using: &g)
    }
}
