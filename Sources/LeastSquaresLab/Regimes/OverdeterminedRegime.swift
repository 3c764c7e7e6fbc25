import Foundation
import SVDCore

/// More equations than unknowns (m > n, full column rank): x* = A⁺b is the unique minimizer of
/// ‖Ax − b‖₂, and its residual r = b − Ax* is orthogonal to every column of A (Aᵀr = 0): the
/// normal equations are the statement that r ⟂ col(A).
///
/// The demonstration builds a problem whose answer is known exactly: A (m×n) with prescribed
/// singular values from 1 down to 1/κ, a chosen x_true, and b = A·x_true + r_true with r_true in
/// the left null space null(Aᵀ). Then x_true *is* the least-squares solution, and the computed
/// x can be graded. The same problem is solved through the normal equations, which lose about
/// log₁₀ κ more digits.
public struct OverdeterminedRegime: Sendable {
    public let rows: Int
    public let columns: Int
    /// κ₂(A) as constructed.
    public let conditionNumber: Double
    /// The exact least-squares solution.
    public let exactSolution: [Double]
    /// x = A⁺b from the SVD.
    public let pseudoinverseSolution: [Double]
    /// x from AᵀA·x = Aᵀb, or `nil` if Cholesky failed.
    public let normalEquationsSolution: [Double]?
    /// ‖Aᵀr‖ / (‖A‖_F·‖r‖) for the SVD solution: the cosine-like measure of r ⟂ col(A).
    public let residualOrthogonality: Double
    /// The same for the normal-equations solution.
    public let normalEquationsOrthogonality: Double?
    /// ‖r‖ at x = A⁺b.
    public let residualNorm: Double
    /// ‖b‖.
    public let rightHandSideNorm: Double
    /// For a few perturbations δ: (‖A(x+δ) − b‖² − ‖Ax − b‖², ‖Aδ‖²), equal by Pythagoras.
    public let perturbations: [(increase: Double, predicted: Double)]
    /// The Penrose conditions for the computed A⁺.
    public let penrose: PenroseConditions

    /// Relative error ‖x − x_true‖/‖x_true‖ of a solution.
    public func relativeError(_ x: [Double]) -> Double {
        scaledNorm(zip(x, exactSolution).map { $0 - $1 }) / scaledNorm(exactSolution)
    }

    /// Correct significant digits of a solution, −log₁₀ of its relative error (16 at most).
    public func correctDigits(_ x: [Double]) -> Double {
        let error = relativeError(x)
        return error > 0 ? min(16, max(0, -log10(error))) : 16
    }

    public init(rows m: Int = 20, columns n: Int = 6, conditionNumber kappa: Double = 1e6, seed: UInt64 = 3) throws {
        precondition(m > n && n >= 2 && kappa >= 1)
        var generator = SeededGenerator(seed: seed)
        let sigma = (0..<n).map { pow(kappa, -Double($0) / Double(n - 1)) }
        let a: Matrix<Double> = TestMatrices.withSingularValues(sigma, rows: m, columns: n, using: &generator)
        let xTrue = (0..<n).map { _ in generator.nextGaussian() }
        // r_true: a random vector projected onto null(Aᵀ), scaled to a small but nonzero size.
        let svd = try OneSidedJacobi().decompose(a, vectors: .full)
        let leftNull = svd.fundamentalSubspaces().leftNullSpace
        let z = (0..<leftNull.columns).map { _ in generator.nextGaussian() }
        var rTrue = leftNull * z
        let rScale = 1e-6 / scaledNorm(rTrue)
        rTrue = rTrue.map { $0 * rScale }
        let b = zip(a * xTrue, rTrue).map { $0 + $1 }

        rows = m
        columns = n
        conditionNumber = kappa
        exactSolution = xTrue
        let pinv = try PseudoinverseTasks.pseudoinverse(svd, cutoff: svd.defaultRankTolerance)
        // x = V·(Σ⁺·(Uᵀb)), not (V·Σ⁺·Uᵀ)·b: the explicit A⁺ has entries of size 1/σₙ whose
        // rounding errors would spread into every direction of x, including those A stretches most.
        let x = try PseudoinverseTasks.leastSquaresSolution(svd, b, cutoff: svd.defaultRankTolerance)
        pseudoinverseSolution = x
        normalEquationsSolution = try NormalEquations.solve(a, b)
        penrose = PenroseConditions(a: a, x: pinv)

        func orthogonality(_ x: [Double]) -> Double {
            let r = zip(b, a * x).map { $0 - $1 }
            return scaledNorm(a.transposeTimes(r)) / (a.frobeniusNorm * scaledNorm(r))
        }
        residualOrthogonality = orthogonality(x)
        normalEquationsOrthogonality = normalEquationsSolution.map(orthogonality)
        let r = zip(b, a * x).map { $0 - $1 }
        residualNorm = scaledNorm(r)
        rightHandSideNorm = scaledNorm(b)

        // ‖A(x+δ) − b‖² = ‖r − Aδ‖² = ‖r‖² + ‖Aδ‖² because r ⟂ Aδ: any move away from x costs.
        perturbations = [1e-2, 1e-4, 1e-6].map { size in
            let delta = (0..<n).map { _ in size * generator.nextGaussian() }
            let moved = zip(b, a * zip(x, delta).map { $0 + $1 }).map { $0 - $1 }
            let aDelta = a * delta
            return (dot(moved, moved) - dot(r, r), dot(aDelta, aDelta))
        }
    }
}
