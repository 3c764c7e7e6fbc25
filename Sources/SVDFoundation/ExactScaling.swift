/// # Scaling a matrix by a power of two
///
/// Step 1 of `OneSidedJacobi`: the matrix is multiplied by 2^(−e), where e is the exponent of
/// its largest entry, so that the largest entry lies in [1, 2). Then no sum of squares in the
/// sweeps can overflow, and none of the large ones underflows. Multiplying by a power of two only
/// changes exponents, so it is exact (barring entries more than about 2^1000 times smaller than
/// the largest, which fall below the normal range and are rounded), and undoing it on the
/// singular values is exact too.
///
/// Both passes over the matrix are written for speed, because on a tall matrix they are not
/// small: the scan for the largest entry as a `reduce` with `max` and the scaling entry by entry
/// with `Scalar(sign:exponent:significand:)` took 10 % of the singular values of 10000×100, and
/// copying before scaling in place another 3 % (profile, release, `-target-cpu native`). The scan
/// is now `Matrix.maxAbsoluteEntry`, eight lanes at a time (`largestMagnitude(in:)` below).
package struct ExactScaling<Scalar: SVDScalar> {
    /// e, the exponent of the largest entry (0 for a zero matrix).
    @usableFromInline package let exponent: Scalar.Exponent

    @inlinable
    package init(toUnitMaximum a: Matrix<Scalar>) {
        let largest = a.maxAbsoluteEntry
        exponent = largest == 0 ? 0 : largest.exponent
    }

    /// The scaling that brings the largest entry into [2^h, 2^(h+1)), h =
    /// `headroomExponent(rows:columns:)`: as high as it can go with no sum of squares overflowing.
    ///
    /// Why up rather than to 1 (as LAPACK's `dgesvj` scales its input up): the small entries
    /// gain 2^h of room below them. In `Double` (h ≈ 500) every entry of a matrix whose largest
    /// entry is 1 — subnormal ones included — becomes a normal number, so that a column of them
    /// is rotated with full relative precision; the squares that still underflow are handled by
    /// `ScaledSquaredNorm`. Exact, as any power-of-two scaling without underflow, and every
    /// operation of the sweeps commutes with it: below the overflow threshold the decomposition
    /// is bit for bit that of the matrix scaled to 1.
    @inlinable
    package init(withHeadroomFor a: Matrix<Scalar>) {
        let largest = a.maxAbsoluteEntry
        exponent = largest == 0 ? 0 : largest.exponent - Scalar.Exponent(Self.headroomExponent(rows: a.rows, columns: a.columns))
    }

    /// h = ⌊(e_max − 3 − ⌈log₂(m·n)⌉)/2⌋ (e_max the exponent of the largest finite number: 1023 in
    /// `Double`, 127 in `Float`): entries below 2^(h+1) give ‖A‖²_F < m·n·4^(h+1) ≤ 2^(e_max − 1),
    /// so that no sum of squares or dot product of columns of A, of R or of the rotated columns
    /// (all bounded by ‖A‖²_F) can overflow, with a factor 2 to spare for rounding.
    @inlinable
    package static func headroomExponent(rows: Int, columns: Int) -> Int {
        let entries = max(1, rows) * max(1, columns)
        let log2Entries = Int.bitWidth - (entries - 1).leadingZeroBitCount   // ⌈log₂(m·n)⌉
        return max(0, (Int(Scalar.greatestFiniteMagnitude.exponent) - 3 - log2Entries) / 2)
    }

    /// 2^(−e)·A, computed in one pass while copying A.
    ///
    /// x·2^(−e) is one multiplication by a representable power of two: exact when the product is
    /// a normal number and rounded once otherwise, the same result as building it from x's
    /// significand and the shifted exponent. Only when 2^(−e) itself overflows (every entry below
    /// 2^(−1023) in Double) is the slower per-entry form used.
    @inlinable
    package func applied(to a: Matrix<Scalar>) -> Matrix<Scalar> {
        guard exponent != 0 else { return a }
        let factor = Scalar(sign: .plus, exponent: -exponent, significand: 1)
        guard factor.isFinite else {
            return Matrix(rows: a.rows, columns: a.columns,
                          columnMajor: a.elements.map { Scalar(sign: .plus, exponent: -exponent, significand: $0) })
        }
        let count = a.elements.count
        let scaled = [Scalar](unsafeUninitializedCapacity: count) { target, initialized in
            a.elements.withUnsafeBufferPointer { source in
                for i in 0..<count { target[i] = source[i] * factor }
            }
            initialized = count
        }
        return Matrix(rows: a.rows, columns: a.columns, columnMajor: scaled)
    }

    /// 2^e·value: a singular value of the scaled matrix brought back to the scale of A.
    @inlinable
    package func undo(_ value: Scalar) -> Scalar {
        Scalar(sign: .plus, exponent: exponent, significand: value)
    }
}

/// max |xᵢ| over a buffer (0 when empty; NaNs are skipped, as by `Swift.max` in a running
/// maximum). For `Double` and `Float` eight lanes at a time: a scalar `max` must handle NaN in a
/// fixed order, which keeps the compiler from vectorizing the plain loop below. The engine of
/// `Matrix.maxAbsoluteEntry`.
@usableFromInline
package func largestMagnitude<Scalar: SVDScalar>(in x: UnsafeBufferPointer<Scalar>) -> Scalar {
    guard let base = x.baseAddress else { return 0 }
    if Scalar.self == Double.self {
        return unsafeBitCast(simdLargestMagnitude(UnsafeRawPointer(base).assumingMemoryBound(to: Double.self),
                                                  count: x.count), to: Scalar.self)
    }
    if Scalar.self == Float.self {
        return unsafeBitCast(simdLargestMagnitude(UnsafeRawPointer(base).assumingMemoryBound(to: Float.self),
                                                  count: x.count), to: Scalar.self)
    }
    var largest: Scalar = 0
    for value in x where value.magnitude > largest { largest = value.magnitude }
    return largest
}

/// The eight-lane form of `largestMagnitude(in:)`: a running maximum per lane, then the largest
/// lane. Each comparison is false for a NaN, so NaNs are skipped here as well. The lanes are
/// written one by one; the compiler turns the eight into one vector compare and blend. (The same
/// with `SIMD8`'s masks, `replacing(with:where:)`, stayed a loop over lanes in generic code
/// specialized for `Double`: 100× slower in a micro-benchmark.)
private func simdLargestMagnitude<T: SIMDScalar & BinaryFloatingPoint>(_ x: UnsafePointer<T>, count: Int) -> T {
    var lanes = SIMD8<T>()
    var i = 0
    while i + 8 <= count {
        let chunk = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<T>.self)
        for lane in 0..<8 {
            let magnitude = chunk[lane].magnitude
            lanes[lane] = magnitude > lanes[lane] ? magnitude : lanes[lane]
        }
        i += 8
    }
    var largest: T = 0
    for lane in 0..<8 where lanes[lane] > largest { largest = lanes[lane] }
    while i < count {
        if x[i].magnitude > largest { largest = x[i].magnitude }
        i += 1
    }
    return largest
}
