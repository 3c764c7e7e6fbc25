import ExtendedPrecision
import Foundation

/// Exact facts about Hₙ that need no SVD: they give the tests references that are independent of
/// every singular value computation.
///
/// The inverse of the Hilbert matrix has integer entries (1-based i, j):
///
///     (Hₙ⁻¹)ᵢⱼ = (−1)^{i+j} (i + j − 1) · C(n+i−1, n−j) · C(n+j−1, n−i) · C(i+j−2, i−1)²
///
/// (Choi, "Tricks or treats with the Hilbert matrix", Amer. Math. Monthly 90 (1983)). Its entries
/// alternate in sign like a checkerboard, so every quantity below is a sum of *positive* terms
/// (or a product), and Double computes it to a relative error of a few n·ε, although Hₙ⁻¹ has
/// entries up to 10⁴⁰ at n = 20 and 10⁶⁰ beyond: no cancellation, no conditioning involved.
///
/// Hₙ is symmetric positive definite, so its singular values are its eigenvalues, and
///
///     Σᵢ σᵢ = trace(Hₙ),   Σᵢ 1/σᵢ = trace(Hₙ⁻¹),   Σᵢ 1/σᵢ² = ‖Hₙ⁻¹‖²_F,   Σᵢ log σᵢ = log det Hₙ.
///
/// The last three are dominated by the smallest singular values, so they check σ_min to high
/// relative accuracy without knowing it in advance.
public enum HilbertClosedForms {
    /// (Hₙ⁻¹)ᵢⱼ, i and j 1-based, to a relative error of at most about 4n·ε (each binomial
    /// coefficient is a product of at most n correctly rounded factors).
    public static func inverseEntry(_ n: Int, _ i: Int, _ j: Int) -> Double {
        precondition(1 <= i && i <= n && 1 <= j && j <= n, "Index (\(i), \(j)) outside 1…\(n)")
        let magnitude = Double(i + j - 1) * binomial(n + i - 1, n - j) * binomial(n + j - 1, n - i)
            * binomial(i + j - 2, i - 1) * binomial(i + j - 2, i - 1)
        return (i + j) % 2 == 0 ? magnitude : -magnitude
    }

    /// trace(Hₙ) = Σᵢ 1/(2i − 1) = Σ σᵢ.
    public static func trace(_ n: Int) -> Double {
        (1...n).reduce(0) { $0 + 1 / Double(2 * $1 - 1) }
    }

    /// trace(Hₙ⁻¹) = Σᵢ (Hₙ⁻¹)ᵢᵢ = Σ 1/σᵢ.
    public static func traceOfInverse(_ n: Int) -> Double {
        (1...n).reduce(0) { $0 + inverseEntry(n, $1, $1) }
    }

    /// ‖Hₙ⁻¹‖²_F = Σᵢⱼ (Hₙ⁻¹)ᵢⱼ² = Σ 1/σᵢ².
    public static func inverseFrobeniusNormSquared(_ n: Int) -> Double {
        var sum = 0.0
        for j in 1...n {
            for i in 1...n {
                let entry = inverseEntry(n, i, j)
                sum += entry * entry
            }
        }
        return sum
    }

    /// κ_∞(Hₙ) = ‖Hₙ‖_∞ · ‖Hₙ⁻¹‖_∞ (largest absolute row sums). An exact rational number; since
    /// Hₙ is symmetric, κ₁ = κ_∞, and κ₂ ≤ κ_∞ ≤ n·κ₂.
    public static func conditionNumberInfinity(_ n: Int) -> Double {
        // Row 1 of Hₙ, 1 + 1/2 + … + 1/n, is its largest row sum.
        let normH = (1...n).reduce(0) { $0 + 1 / Double($1) }
        let normInverse = (1...n).map { i in (1...n).reduce(0) { $0 + abs(inverseEntry(n, i, $1)) } }.max()!
        return normH * normInverse
    }

    /// log det Hₙ (natural logarithm), from Cauchy's determinant formula for Cᵢⱼ = 1/(xᵢ + yⱼ):
    ///
    ///     det C = Π_{i<j} (xⱼ − xᵢ)(yⱼ − yᵢ) / Π_{i,j} (xᵢ + yⱼ),
    ///
    /// with xᵢ = i, yⱼ = j − 1 every factor is a positive integer. The ~2n² logarithms (each within
    /// about an ulp, ≤ ε·log(2n)) are added with compensation, because the partial sums grow to
    /// |log det Hₙ| ≈ n²·log 4 and plain summation would lose n²·ε·|log det| to rounding: the
    /// result has an absolute error of about n²·ε·log(2n). det Hₙ itself underflows Double beyond
    /// n ≈ 26 (det H₂₆ ≈ 10⁻³⁰⁸); its logarithm does not.
    public static func logDeterminant(_ n: Int) -> Double {
        var sum = CompensatedSum()
        for j in 1...n {
            for i in 1..<j { sum.add(2 * Foundation.log(Double(j - i))) }
            for i in 1...n { sum.add(-Foundation.log(Double(i + j - 1))) }
        }
        return sum.value
    }

    /// The binomial coefficient C(n, k) as a Double, by the product formula
    /// Π_{t=1…k} (n − k + t)/t with one rounding per factor (exact while it stays below 2⁵³).
    static func binomial(_ n: Int, _ k: Int) -> Double {
        guard k >= 0 && k <= n else { return 0 }
        let k = min(k, n - k)
        var c = 1.0
        for t in stride(from: 1, through: k, by: 1) { c = c * Double(n - k + t) / Double(t) }
        return c
    }
}
