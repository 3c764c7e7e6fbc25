import SVDFoundation

// TASK C4 (2): power-of-two scaling (bonus)
/// 2^(−e)·A with e the exponent of A's largest |entry|, so that the largest entry lies in [1, 2);
/// e = 0 for a zero matrix. Multiplying by a power of two changes exponents only, so the scaling
/// is exact (entries about 2^1000 times smaller than the largest may be rounded), and
/// σᵢ(A) = 2^e·σᵢ(2^(−e)·A) exactly: `StudentJacobi` undoes it on σ.
///
/// Without it, ‖g‖² overflows to +∞ for entries near 1e300 (1e600 > 1.8e308) and underflows to 0
/// for entries near 1e-300.
/// - Returns: the scaled matrix and e.
/// - Throws: `SVDError.notImplemented` until the task is done (then `StudentJacobi` decomposes
///   the unscaled matrix).
public func scaledToUnitMaximum<Scalar: SVDScalar>(_ a: Matrix<Scalar>) throws(SVDError)
    -> (matrix: Matrix<Scalar>, exponent: Int)
{
    // BEGIN SOLUTION
    var largest: Scalar = 0
    for x in a.elements { largest = max(largest, abs(x)) }
    guard largest > 0 else { return (a, 0) }
    let e = largest.exponent
    // Scalar(sign:exponent:significand:) multiplies by 2^(−e) exactly, even where 2^(−e) itself
    // would overflow (every entry below 2^−1023).
    let scaled = a.elements.map { Scalar(sign: .plus, exponent: -e, significand: $0) }
    return (Matrix(rows: a.rows, columns: a.columns, columnMajor: scaled), Int(e))
    // END SOLUTION
}
