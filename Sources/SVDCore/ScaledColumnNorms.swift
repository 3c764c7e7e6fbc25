/// # Column norms below the range of plain sums of squares
///
/// ## The defect this answers
/// The sweeps measure a column by its squared norm α = Σ xᵢ², a plain (vectorized) sum. After
/// `ExactScaling` no sum can overflow, but a column whose entries are all below about √λ, λ the
/// smallest normal number (1e-154 in `Double`, 1e-19 in `Float`, relative to the scale the
/// matrix was brought to), has squares in the subnormal range or below: α comes out inaccurate,
/// or zero. A zero α made such a column look like a zero column, which was never rotated: for
/// [[1, 1], [0, d]] with d ≤ 1e-162 the decomposition returned V = [[0.707, 0], [0.707, 1]] (not
/// orthogonal) and σ₂ = d instead of d/√2. Inaccurate α and γ in `Float` gave NaN cosines, which
/// never pass the convergence test.
///
/// ## What is done instead (the idea of LAPACK's `dlassq` and `dgesvj`)
/// A column is kept as a scale and a sum of squares, ‖x‖² = v·4ᵉ with v ∈ [1, 4), whenever the
/// plain sum is not known to be accurate; `e = 0` marks the plain form, in which v is the plain
/// sum itself. The plain sum is accurate when it is at least
///
///     θ = 4·m·λ:
///
/// each of the m squares that fall below the normal range is rounded with an absolute error of
/// at most λ·ε/2, so together they err by at most m·λ·ε/2 ≤ ε·α/8; the same bound holds for a
/// dot product γ against √(αβ) ≥ θ. Columns at or above θ — every column of every matrix whose
/// entries stay within about 10^±150 of each other in `Double` — take the plain route, whose
/// numbers are bit for bit those of the sweeps before this file existed. A pair with a column
/// below θ is measured on copies of its two columns scaled by powers of two to norms near 1
/// (exact), where nothing underflows, and both columns are re-measured after the rotation
/// instead of updated. A column is zero only when every entry is (v = 0).
///
/// Pivoting orders columns by (e, v): the plain form (e = 0, v ≥ θ) above every scaled one
/// (e < 0, v·4ᵉ < θ), a zero column (e = `Int.min`) below all.
struct ScaledSquaredNorm<Scalar: SVDScalar> {
    /// v: the plain ‖x‖² when `exponent` is 0, otherwise ‖x‖²/4^exponent ∈ [1, 4) (0 for a zero
    /// column).
    var value: Scalar
    /// e: 0 for the plain form, negative for a scaled one, `Int.min` for a zero column.
    var exponent: Int

    /// θ = 4·m·λ: the smallest plain sum of squares of a column of `rows` entries that is accurate
    /// to ε/8 despite underflow (see above).
    static func smallestPlainValue(rows: Int) -> Scalar {
        4 * Scalar(max(1, rows)) * Scalar.leastNormalMagnitude
    }

    /// ‖x‖² of the column at `x` (length `count`): the plain sum if it is at least `smallest`,
    /// otherwise the scaled form computed from the column divided by a power of two near its
    /// largest entry (exactly: every quotient is a normal number or zero).
    static func measure(_ x: UnsafeMutablePointer<Scalar>, count: Int, smallest: Scalar) -> Self {
        let plain = sumOfSquares(x, count: count)
        if plain >= smallest { return Self(value: plain, exponent: 0) }
        let largest = largestMagnitude(in: UnsafeBufferPointer(start: x, count: count))
        guard largest > 0 else { return Self(value: 0, exponent: .min) }
        // Entries divided by 2^e lie below 2, the largest in [1, 2): 1 ≤ Σ ≤ 4·count.
        let e = Int(largest.exponent)
        var sum: Scalar = 0
        for i in 0..<count {
            let y = x[i].timesPowerOfTwo(-e)
            sum += y * y
        }
        // ‖x‖² = sum·4^e; bring sum into [1, 4) by a power of four.
        let j = Int(sum.exponent) / 2
        return Self(value: sum.timesPowerOfTwo(-2 * j), exponent: e + j)
    }

    /// ‖x‖ = √v·2^e (rounded; it may lie below the normal range).
    var norm: Scalar {
        exponent == .min ? 0 : value.squareRoot().timesPowerOfTwo(exponent)
    }

    /// √m·λ: a column shorter than this has every entry below the normal range λ, and not one
    /// of them holds a full significand. The sweeps set such a column to zero. On the matrix as
    /// `ExactScaling(withHeadroomFor:)` leaves it, with its largest entry at 2^h, that changes A by
    /// far less than ε·‖A‖ (2^(−h−e_min) relative, about 1e-460 in `Double`); it costs the relative
    /// accuracy only of singular values that far below σ₁, beyond what the format can hold beside
    /// it, and it lets the sweeps end where rotating such columns could not.
    static func negligibleNorm(rows: Int) -> Scalar {
        Scalar(max(1, rows)).squareRoot() * Scalar.leastNormalMagnitude
    }

    /// Whether this column is longer than `other` (pivoting order, see above).
    func isLonger(than other: Self) -> Bool {
        exponent != other.exponent ? exponent > other.exponent : value > other.value
    }

    /// An exponent k with ‖x‖/2ᵏ near 1 (within [1/2, 2] up to rounding): the power of two the
    /// column is divided by before a pair with a small column is measured. Not for a zero column.
    var normExponent: Int {
        exponent != 0 ? exponent : Int(value.exponent) / 2
    }
}

extension SVDScalar {
    /// self·2ᵏ for any k, also where 2ᵏ itself is not representable: in two factors, each finite.
    /// Exact when the result is a normal number (scaling toward 1 never rounds), rounded
    /// once or twice where it falls below the normal range.
    @inline(__always)
    func timesPowerOfTwo(_ k: Int) -> Self {
        let half = k / 2
        return self * Self(sign: .plus, exponent: Exponent(half), significand: 1)
            * Self(sign: .plus, exponent: Exponent(k - half), significand: 1)
    }
}
