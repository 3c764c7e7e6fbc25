import Foundation
import SVDCore
import SVDDecomposers
import SVDTestMatrices

/// More equations than unknowns (m > n, full column rank): x* = A⁺b is the unique minimizer of
/// ‖Ax − b‖₂, and its residual r = b − Ax* is orthogonal to every column of A (Aᵀr = 0): the
/// normal equations are the statement that r ⟂ col(A).
///
/// The demonstration builds a problem whose answer is known exactly: A (m×n) with prescribed
/// singular values from 1 down to 1/κ, a chosen x_true, and b = A·x_true + r_true with r_true in
/// the left null space null(Aᵀ). Then x_true *is* the least-squares solution, and the computed
/// x can be graded. The same problem is solved through the normal equations.
///
/// How many digits each route keeps (Golub–Wedin; Higham, *Accuracy and Stability of Numerical
/// Algorithms*, §20.1): a backward-stable solver such as the SVD or QR has a relative error of
/// about ε·κ + ε·κ²·‖r‖/(‖A‖·‖x‖), the normal equations about ε·κ² whatever ‖r‖. With a small
/// residual (`residualSize` 10⁻⁶, the default) the second term of the first bound is of the size
/// of the first, and the SVD keeps about twice the digits of the normal equations; with
/// ‖r‖ ≈ ‖A‖·‖x‖ (`residualSize` 1) the κ² term dominates both, and the SVD's advantage is gone.
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
    /// ‖r_true‖ as constructed: the size of the least-squares residual.
    public let residualSize: Double
    /// ε·κ + ε·κ²·‖r‖/(‖A‖₂‖x‖): the size of the error of a backward-stable solver.
    public var backwardStableErrorBound: Double {
        let epsilon = Double.ulpOfOne, kappa = conditionNumber
        // ‖A‖₂ = σ₁ = 1 by construction.
        return epsilon * kappa + epsilon * kappa * kappa * residualSize / scaledNorm(exactSolution)
    }
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

    /// - Parameters:
    ///   - m: rows, more than `n`.
    ///   - n: columns, at least 2.
    ///   - kappa: κ₂(A) ≥ 1; the singular values are spaced geometrically from 1 down to 1/κ.
    ///   - residualSize: ‖r_true‖, the distance of b from col(A) (‖A‖₂ = 1); 0 makes Ax = b consistent.
    ///   - seed: the seed of A, x_true and r_true.
    ///   - decomposer: the SVD whose solution x = A⁺b is graded.
    public init(rows m: Int = 20, columns n: Int = 6, conditionNumber kappa: Double = 1e6,
                residualSize: Double = 1e-6, seed: UInt64 = 3,
                decomposer: any SingularValueDecomposer = DecomposerRegistry.standard.decomposer) throws {
        precondition(m > n && n >= 2 && kappa >= 1 && residualSize >= 0 && residualSize.isFinite)
        var generator = SeededGenerator(seed: seed)
        let sigma = (0..<n).map { pow(kappa, -Double($0) / Double(n - 1)) }
        // A = U₀·diag(σ)·V₀ᵀ with U₀ a random orthogonal m×m matrix: its first n columns span
        // col(A), its last m − n columns null(Aᵀ). Building r_true from those known columns, not
        // from a computed SVD of A, keeps the test independent of the solvers it grades (a
        // computed left null space shares the SVD solver's rounding errors and would hide the κ²
        // term). x_true is then the exact solution of the problem before A is rounded to Double;
        // that rounding is itself a relative perturbation of size ε, so no solver, however exact,
        // can do better than the problem's condition number κ + κ²·‖r‖/(‖A‖‖x‖) allows.
        let u0: Matrix<Double> = TestMatrices.randomOrthonormalColumns(rows: m, columns: m, using: &generator)
        let v0: Matrix<Double> = TestMatrices.randomOrthonormalColumns(rows: n, columns: n, using: &generator)
        let a = u0.leadingColumns(n).scalingColumns(by: sigma) * v0.transposed
        let xTrue = (0..<n).map { _ in generator.nextGaussian() }
        let leftNull = u0.columns(n..<m)
        let z = (0..<leftNull.columns).map { _ in generator.nextGaussian() }
        var rTrue = leftNull * z
        // r_true: a random vector of null(Aᵀ), scaled to the chosen size.
        let rScale = residualSize / scaledNorm(rTrue)
        rTrue = rTrue.map { $0 * rScale }
        let b = zip(a * xTrue, rTrue).map { $0 + $1 }

        rows = m
        columns = n
        conditionNumber = kappa
        self.residualSize = residualSize
        exactSolution = xTrue
        let svd = try decomposer.decompose(a, vectors: .thin)
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
