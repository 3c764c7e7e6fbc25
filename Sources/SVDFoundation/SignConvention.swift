/// Builds the decomposition with this suite's sign convention applied.
///
/// A singular triplet (σᵢ, uᵢ, vᵢ) can be replaced by (σᵢ, −uᵢ, −vᵢ) without changing U·Σ·Vᵀ, so
/// two correct programs may print opposite signs. The convention: in each column vᵢ of V the
/// entry of largest magnitude is positive (the first one, on a tie), and uᵢ is flipped with vᵢ for
/// i < p. Columns of a full U beyond p are flipped on their own largest entry likewise.
/// (scikit-learn's `svd_flip` uses the same rule on V for PCA components.)
///
/// Public so that a decomposer written in another module returns the same orientation as the
/// ones in this package, and results can be compared entry by entry.
///
/// - Parameters:
///   - rows: m, the number of rows of the decomposed matrix A.
///   - columns: n, its number of columns.
///   - u: the left singular vectors as columns (m×p thin or m×m full).
///   - singularValues: σ₁ ≥ … ≥ σ_p ≥ 0.
///   - v: the right singular vectors as columns (n×p thin or n×n full).
///   - diagnostics: what the decomposer's iteration did.
/// - Returns: the decomposition with every pair (uᵢ, vᵢ) oriented by the convention; U·Σ·Vᵀ is
///   unchanged.
/// - Complexity: O((m + n)·(columns of U and V)).
@inlinable
public func orientedBySignConvention<Scalar: SVDScalar>(rows: Int, columns: Int, u: Matrix<Scalar>,
                                                        singularValues: [Scalar], v: Matrix<Scalar>,
                                                        diagnostics: DecompositionDiagnostics)
    -> SingularValueDecomposition<Scalar>
{
    var u = u, v = v
    for j in 0..<v.columns where largestEntryIsNegative(v.column(j)) {
        for i in 0..<v.rows { v[i, j] = -v[i, j] }
        if j < singularValues.count && j < u.columns {
            for i in 0..<u.rows { u[i, j] = -u[i, j] }
        }
    }
    for j in singularValues.count..<u.columns where largestEntryIsNegative(u.column(j)) {
        for i in 0..<u.rows { u[i, j] = -u[i, j] }
    }
    return SingularValueDecomposition(rows: rows, columns: columns, u: u, singularValues: singularValues,
                                      v: v, diagnostics: diagnostics)
}

/// True when the first entry of largest magnitude is negative.
@inlinable
func largestEntryIsNegative<Scalar: SVDScalar>(_ x: [Scalar]) -> Bool {
    var largest: Scalar = 0
    var sign: FloatingPointSign = .plus
    for value in x where abs(value) > largest {
        largest = abs(value)
        sign = value.sign
    }
    return sign == .minus
}
