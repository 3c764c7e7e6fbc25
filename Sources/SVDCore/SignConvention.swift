/// Builds the decomposition with this suite's sign convention applied.
///
/// A singular triplet (σᵢ, uᵢ, vᵢ) can be replaced by (σᵢ, −uᵢ, −vᵢ) without changing U·Σ·Vᵀ, so
/// two correct programs may print opposite signs. The convention: in each column vᵢ of V the
/// entry of largest magnitude is positive (the first one, on a tie), and uᵢ is flipped with vᵢ for
/// i < p. Columns of a full U beyond p are flipped on their own largest entry likewise.
/// (scikit-learn's `svd_flip` uses the same rule on V for PCA components.)
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
private func largestEntryIsNegative<Scalar: SVDScalar>(_ x: [Scalar]) -> Bool {
    var largest: Scalar = 0
    var sign: FloatingPointSign = .plus
    for value in x where abs(value) > largest {
        largest = abs(value)
        sign = value.sign
    }
    return sign == .minus
}
