import SVDCore
import SVDDecomposers
import SVDTestMatrices

/// Fewer equations than unknowns (m < n, full row rank): Ax = b has infinitely many solutions,
/// x⁺ + z for every z in null(A), and x⁺ = A⁺b is the one of least norm. Because x⁺ lies in
/// row(A) = null(A)^⟂, Pythagoras gives ‖x⁺ + z‖² = ‖x⁺‖² + ‖z‖²: adding any null-space vector
/// keeps Ax = b and makes x longer.
public struct UnderdeterminedRegime: Sendable {
    public let rows: Int
    public let columns: Int
    /// x⁺ = A⁺b.
    public let minimumNormSolution: [Double]
    /// ‖Ax⁺ − b‖ / ‖b‖.
    public let relativeResidual: Double
    /// ‖Nᵀx⁺‖ / ‖x⁺‖ with N an orthonormal basis of null(A): x⁺ has no null-space component.
    public let nullSpaceComponent: Double
    /// dim null(A) = n − rank.
    public let nullSpaceDimension: Int
    /// Other solutions x⁺ + N·c: (‖c‖, ‖x‖, ‖Ax − b‖/‖b‖), with ‖x‖² = ‖x⁺‖² + ‖c‖².
    public let otherSolutions: [(shift: Double, norm: Double, relativeResidual: Double)]
    /// Many more of them, ‖c‖ from 0 to 3 in random directions of null(A), for the figure:
    /// (‖c‖, ‖x⁺ + Nc‖), which lie on the curve √(‖x⁺‖² + ‖c‖²).
    public let family: [(shift: Double, norm: Double)]
    public let penrose: PenroseConditions

    public init(rows m: Int = 4, columns n: Int = 7, seed: UInt64 = 11,
                decomposer: any SingularValueDecomposer = DecomposerRegistry.standard.decomposer) throws {
        precondition(m < n)
        var generator = SeededGenerator(seed: seed)
        let a: Matrix<Double> = TestMatrices.gaussian(rows: m, columns: n, using: &generator)
        let b = (0..<m).map { _ in generator.nextGaussian() }
        let svd = try decomposer.decompose(a, vectors: .full)
        let pinv = try PseudoinverseTasks.pseudoinverse(svd, cutoff: svd.defaultRankTolerance)
        let x = pinv * b
        let null = svd.fundamentalSubspaces().nullSpace

        rows = m
        columns = n
        minimumNormSolution = x
        relativeResidual = scaledNorm(zip(a * x, b).map { $0 - $1 }) / scaledNorm(b)
        nullSpaceComponent = scaledNorm(null.transposeTimes(x)) / scaledNorm(x)
        nullSpaceDimension = null.columns
        penrose = PenroseConditions(a: a, x: pinv)
        otherSolutions = [0.1, 0.5, 1, 2].map { size in
            var c = (0..<null.columns).map { _ in generator.nextGaussian() }
            let scale = size / scaledNorm(c)
            c = c.map { $0 * scale }
            let other = zip(x, null * c).map { $0 + $1 }
            return (size, scaledNorm(other), scaledNorm(zip(a * other, b).map { $0 - $1 }) / scaledNorm(b))
        }
        family = (0...30).map { step in
            let size = Double(step) / 10
            var c = (0..<null.columns).map { _ in generator.nextGaussian() }
            let scale = size / scaledNorm(c)
            c = c.map { $0 * scale }
            return (size, scaledNorm(zip(x, null * c).map { $0 + $1 }))
        }
    }
}
