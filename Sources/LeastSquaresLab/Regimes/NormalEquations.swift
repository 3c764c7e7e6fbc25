import SVDCore

/// The textbook route to least squares, kept as a warning: solve AᵀA·x = Aᵀb by Cholesky.
///
/// AᵀA has condition number κ(A)², so forming it squares the damage: the computed x carries a
/// relative error of about ε·κ(A)², where a backward-stable method (QR, the SVD) achieves
/// ε·κ(A) (plus ε·κ²·‖r‖/(‖A‖‖x‖), which vanishes for a consistent system). With κ = 10⁶ that is
/// 4 correct digits instead of 10; once κ ≥ 1/√ε ≈ 7·10⁷, AᵀA is not even numerically positive
/// definite and Cholesky can fail.
public enum NormalEquations {
    // TASK E3.4 (2): the normal equations, for contrast
    /// x from AᵀA·x = Aᵀb (Cholesky, in `Double`), or `nil` when AᵀA is not numerically positive
    /// definite (a pivot ≤ 0 appears).
    public static func solve(_ a: Matrix<Double>, _ b: [Double]) throws -> [Double]? {
        // BEGIN SOLUTION
        let n = a.columns
        var g = a.transposeTimes(a)
        let c = a.transposeTimes(b)
        // Cholesky AᵀA = L·Lᵀ, L stored in the lower triangle of g.
        for j in 0..<n {
            var pivot = g[j, j]
            for k in 0..<j { pivot -= g[j, k] * g[j, k] }
            guard pivot > 0 else { return nil }
            let ljj = pivot.squareRoot()
            g[j, j] = ljj
            for i in (j + 1)..<n {
                var sum = g[i, j]
                for k in 0..<j { sum -= g[i, k] * g[j, k] }
                g[i, j] = sum / ljj
            }
        }
        // L·z = c, then Lᵀ·x = z.
        var z = c
        for i in 0..<n {
            for k in 0..<i { z[i] -= g[i, k] * z[k] }
            z[i] /= g[i, i]
        }
        var x = z
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { x[i] -= g[k, i] * x[k] }
            x[i] /= g[i, i]
        }
        return x
        // END SOLUTION
    }
}
