import SVDFoundation
import SVDTestMatrices

/// # The condition number of a triangular factor once its rows are scaled
///
/// ## Purpose
/// For an upper triangular R, estimates κ₂(R̃) = ‖R̃‖₂·‖R̃⁻¹‖₂ of R̃ = D⁻¹·R, where D holds the
/// Euclidean norms of the rows of R, so that every row of R̃ has unit length. This is the number
/// that bounds the error of back substitution with R (see `TriangularSolve.swift`): it ignores
/// how differently the rows are scaled, which costs back substitution nothing. After a QR
/// factorization with column pivoting of a graded matrix A = B·D it is about κ(B), however large
/// κ(A) is; `OneSidedJacobi` consults it to decide whether right singular vectors may be found by
/// back substitution (`VectorsBySubstitution.swift`).
///
/// ## Algorithm
/// Both norms by the power method on a matrix M, which needs only products with M and Mᵀ:
///
///     x ← random unit vector;   repeat: x ← Mᵀ(M·x) / ‖Mᵀ(M·x)‖;   estimate ‖M‖₂ ≈ ‖M·x‖
///
/// with M = R̃ for ‖R̃‖₂ and M = R̃⁻¹ for ‖R̃⁻¹‖₂; a product with R̃⁻¹ (or R̃⁻ᵀ) is a triangular
/// solve, n² flops. Every iterate is a unit vector, so each estimate is a *lower* bound of the
/// norm, and it rises towards it: after t steps the relative shortfall is at most about
/// ln(n)/(2t) for almost every starting vector (Kuczyński and Woźniakowski, SIAM J. Matrix Anal.
/// Appl. 13, 1992) and in practice far less, since the power method converges geometrically once
/// the largest singular value is separated from the next. LAPACK's `dgejsv` makes the same
/// decision with the 1-norm estimator `dpocon`, which is also a lower bound.
///
/// When the caller only needs to know whether κ₂(R̃) is below some `limit`, the iteration stops as
/// soon as the estimate exceeds it (a lower bound already above the limit settles the question):
/// for R from a Gaussian matrix, after one or two steps.
///
/// - Returns: the estimate of κ₂(R̃), or +∞ if R has a zero on its diagonal (R̃ is singular) or
///   the iteration overflows (R̃ is then too ill-conditioned for any use of the estimate).
/// - Complexity: 4n² flops per step for each of the two norms; `steps` = 10 by default.
func estimatedRowScaledCondition<Scalar: SVDScalar>(of r: Matrix<Scalar>, steps: Int = 10,
                                                    stoppingAbove limit: Scalar = .infinity) -> Scalar {
    let n = r.rows
    precondition(r.columns == n, "R must be square")
    guard n > 0 else { return 1 }
    guard (0..<n).allSatisfy({ r[$0, $0] != 0 }) else { return .infinity }
    // R̃: rows of R scaled to unit length (a zero row would have a zero diagonal entry).
    var scaled = r
    for i in 0..<n {
        let rowNorm = scaledNorm((i..<n).map { r[i, $0] })
        for j in i..<n { scaled[i, j] /= rowNorm }
    }
    return scaled.elements.withUnsafeBufferPointer { rTilde in
        // Column j of R̃ starts at rTilde[j·n]; every loop below runs down a column, over the
        // triangle only (half the work of `Matrix * x` and `transposeTimes`, which visit the zeros).
        func times(_ x: [Scalar]) -> [Scalar] {  // R̃·x
            var y = [Scalar](repeating: 0, count: n)
            for j in 0..<n { for i in 0...j { y[i] += rTilde[i + j * n] * x[j] } }
            return y
        }
        func transposeTimes(_ x: [Scalar]) -> [Scalar] {  // R̃ᵀ·x
            (0..<n).map { j in
                var sum: Scalar = 0
                for i in 0...j { sum += rTilde[i + j * n] * x[i] }
                return sum
            }
        }
        func inverseTimes(_ b: [Scalar]) -> [Scalar] {  // R̃⁻¹·b: back substitution
            var y = Matrix(rows: n, columns: 1, columnMajor: b)
            solveUpperTriangular(scaled, overwriting: &y)
            return y.elements
        }
        func inverseTransposeTimes(_ b: [Scalar]) -> [Scalar] {  // R̃⁻ᵀ·b: forward substitution
            var y = b
            for k in 0..<n {
                var sum: Scalar = 0
                for i in 0..<k { sum += rTilde[i + k * n] * y[i] }
                y[k] = (y[k] - sum) / rTilde[k + k * n]
            }
            return y
        }
        /// ‖M‖₂ from below: ‖M·x‖ for a unit x never exceeds it. Stops early above `limit`.
        func normEstimate(_ m: ([Scalar]) -> [Scalar], _ mTransposed: ([Scalar]) -> [Scalar],
                          limit: Scalar) -> Scalar {
            var generator = SeededGenerator(seed: 2008)
            var x = (0..<n).map { _ in Scalar(Double.random(in: -1...1, using: &generator)) }
            var estimate: Scalar = 0
            for step in 0...steps {
                let mx = m(normalized(x))
                guard mx.allSatisfy(\.isFinite) else { return .infinity }
                estimate = max(estimate, scaledNorm(mx))
                guard step < steps, estimate <= limit else { break }
                x = mTransposed(mx)
            }
            return estimate
        }
        let norm = normEstimate(times, transposeTimes, limit: .infinity)
        let estimate = norm * normEstimate(inverseTimes, inverseTransposeTimes, limit: limit / norm)
        return estimate.isFinite ? estimate : .infinity
    }
}

/// x/‖x‖ (x itself if it is zero).
private func normalized<Scalar: SVDScalar>(_ x: [Scalar]) -> [Scalar] {
    let norm = scaledNorm(x)
    return norm > 0 ? x.map { $0 / norm } : x
}
