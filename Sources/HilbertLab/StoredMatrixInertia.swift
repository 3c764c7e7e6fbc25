import ExtendedPrecision
import SVDCore

/// Whether Hₙ *as stored* in a floating-point type is still positive definite, decided in
/// double-double arithmetic.
///
/// Hₙ is positive definite with λ_min = σ_min(Hₙ) ≈ 3·10⁻²¹ at n = 15. Rounding each entry to
/// Double changes it by up to ε/2 ≈ 1.1·10⁻¹⁶ relatively, i.e. adds a symmetric perturbation E of
/// norm ≈ 10⁻¹⁷, which can move λ_min by that much (Weyl): far more than λ_min itself. Whether it
/// *does* is a question about one specific matrix, fl(Hₙ), answered here by computing:
///
/// - **Inertia.** By Sylvester's law of inertia, the number of negative pivots of an LDLᵀ
///   factorization of A − s·I is the number of eigenvalues of A below s. At s = 0 this is a
///   Cholesky attempt that also counts. Every stored entry is exactly a ``DoubleDouble``, and the
///   factorization runs in double-double arithmetic (unit roundoff u ≈ 5·10⁻³²), so it is the exact
///   factorization of a matrix within about n·u·‖A‖ ≈ 10⁻³⁰ of fl(Hₙ) — thirteen orders of
///   magnitude below the eigenvalues in question.
/// - **The smallest eigenvalue**, by bisection on the count: the largest s with no eigenvalue
///   below it, to about four significant digits (or to 10⁻³⁰ absolutely).
///
/// Measured (and confirmed with mpmath at 60 digits): fl(Hₙ) in Double is positive definite up to
/// n = 13 and has 1 negative eigenvalue at n = 14 and 15, 2 at n = 16–19, 3 at n = 20, 21.
public struct StoredMatrixInertia: Sendable {
    public let n: Int
    /// The type Hₙ was stored in (not `accurate`).
    public let precision: HilbertMethod
    /// The number of negative eigenvalues of the stored matrix (0: positive definite).
    public let negativeEigenvalues: Int
    /// The smallest eigenvalue of the stored matrix, to about four significant digits.
    public let smallestEigenvalue: Double

    /// Whether the stored matrix is positive definite (every eigenvalue > 0).
    public var isPositiveDefinite: Bool { negativeEigenvalues == 0 && smallestEigenvalue > 0 }

    /// Examines Hₙ stored in `precision`.
    ///
    /// - Precondition: n ≥ 1 and `precision` is one of the stored precisions available here.
    public init(n: Int, storedIn precision: HilbertMethod) {
        precondition(n >= 1, "n must be at least 1, got \(n)")
        let matrix = Self.storedEntries(n, precision)
        self.n = n
        self.precision = precision
        self.negativeEigenvalues = Self.eigenvaluesBelow(DoubleDouble(0), in: matrix, n: n)
        self.smallestEigenvalue = Self.smallestEigenvalue(of: matrix, n: n)
    }

    /// fl(Hₙ) in `precision`, row-major, each entry exactly.
    static func storedEntries(_ n: Int, _ precision: HilbertMethod) -> [DoubleDouble] {
        let hilbert = CauchyMatrix.hilbert(n)
        var entries: [DoubleDouble] = []
        entries.reserveCapacity(n * n)
        for i in 0..<n {
            for j in 0..<n {
                switch precision {
                case .float: entries.append(DoubleDouble(Double(hilbert.entry(i, j, as: Float.self))))
                case .double: entries.append(DoubleDouble(hilbert.entry(i, j, as: Double.self)))
                case .float80:
                    #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
                    entries.append(DoubleDouble(exactly: hilbert.entry(i, j, as: Float80.self)))
                    #else
                    preconditionFailure("Float80 is not available on this architecture")
                    #endif
                case .accurate:
                    preconditionFailure("`accurate` does not store the matrix; choose float, double or float80")
                }
            }
        }
        return entries
    }

    /// The number of eigenvalues of the symmetric matrix `a` (n×n, row-major) below `shift`:
    /// the number of negative pivots of LDLᵀ of a − shift·I, without pivoting.
    ///
    /// An exactly zero pivot (probability zero in practice) is replaced by a tiny positive number,
    /// which counts the eigenvalue equal to the shift as not below it.
    static func eigenvaluesBelow(_ shift: DoubleDouble, in a: [DoubleDouble], n: Int) -> Int {
        var s = a
        for i in 0..<n { s[i * n + i] = s[i * n + i] - shift }
        var negatives = 0
        let tiny = DoubleDouble(0x1p-200)
        for k in 0..<n {
            var pivot = s[k * n + k]
            if pivot.hi == 0 { pivot = tiny }
            if pivot.hi < 0 { negatives += 1 }
            // Schur complement of the trailing block; symmetric, so only j ≥ i is needed.
            for i in (k + 1)..<max(k + 1, n) {
                let factor = s[i * n + k] / pivot
                guard factor.hi != 0 else { continue }
                for j in i..<n {
                    let updated = s[i * n + j] - factor * s[k * n + j]
                    s[i * n + j] = updated
                    s[j * n + i] = updated
                }
            }
        }
        return negatives
    }

    /// The smallest eigenvalue of `a` by bisection on ``eigenvaluesBelow(_:in:n:)``, starting
    /// from the Gershgorin interval [−‖a‖_∞, ‖a‖_∞].
    static func smallestEigenvalue(of a: [DoubleDouble], n: Int) -> Double {
        var bound = 0.0
        for i in 0..<n { bound = max(bound, (0..<n).reduce(0) { $0 + abs(a[i * n + $1].doubleValue) }) }
        // Invariant: no eigenvalue below `low`, at least one below `high`.
        var low = DoubleDouble(-bound - 1), high = DoubleDouble(bound + 1)
        for _ in 0..<200 {
            let width = (high - low).doubleValue
            let scale = max(abs(low.doubleValue), abs(high.doubleValue))
            if width <= 1e-30 || (low.hi.sign == high.hi.sign && low.hi != 0 && width <= 1e-5 * scale) { break }
            let middle = (low + high) * DoubleDouble(0.5)
            if eigenvaluesBelow(middle, in: a, n: n) == 0 { low = middle } else { high = middle }
        }
        return ((low + high) * DoubleDouble(0.5)).doubleValue
    }
}

extension StoredMatrixInertia {
    /// The n in 1…`largest` for which Hₙ stored in `precision` has at least one negative
    /// eigenvalue (a Cholesky attempt in double-double arithmetic, counting negative pivots).
    public static func indefiniteSizes(storedIn precision: HilbertMethod, upTo largest: Int) -> [Int] {
        (1...largest).filter { n in eigenvaluesBelow(DoubleDouble(0), in: storedEntries(n, precision), n: n) > 0 }
    }

    /// ‖fl(Hₙ) − Hₙ‖₂: the size of the perturbation that storing Hₙ in `precision` commits.
    ///
    /// Each entry error fl(1/k) − 1/k = (k·fl(1/k) − 1)/k is formed in double-double arithmetic
    /// from the exact stored value, then rounded to Double; the 2-norm of the error matrix comes
    /// from the one-sided Jacobi SVD in Double (it needs only a digit or two).
    public static func storagePerturbationNorm(n: Int, storedIn precision: HilbertMethod) throws(SVDError) -> Double {
        let stored = storedEntries(n, precision)
        let error = Matrix<Double>(rows: n, columns: n) { i, j in
            let k = DoubleDouble(Double(i + j + 1))
            return ((stored[i * n + j] * k - DoubleDouble(1)) / k).doubleValue
        }
        if error.maxAbsoluteEntry == 0 { return 0 }
        // One-sided Jacobi whatever `--decomposer` says: this norm is a property of the stored
        // matrix that every method is compared against, not a result of the method under study.
        return try OneSidedJacobi().singularValues(of: error).norm2
    }
}
