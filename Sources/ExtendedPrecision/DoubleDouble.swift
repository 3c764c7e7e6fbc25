/// A real number held as the unevaluated sum hi + lo of two `Double`s with |lo| ≤ ulp(hi)/2:
/// about 106 significant bits (32 decimal digits) from ordinary floating-point hardware, unit
/// roundoff u = 2⁻¹⁰⁶ per operation up to a small factor.
///
/// Used where the suite needs a few more digits than Double offers, on every platform: the
/// residuals of iteratively refined least squares (Exercise 3) and the inertia of a *stored*
/// Hilbert matrix (Exercise 4). Its `twoSum` is also the engine of ``CompensatedSum``. `Float80` gives 11 extra bits on x86-64 only; double-double gives
/// 53 everywhere, and every Float, Double and Float80 number is exactly a double-double.
///
/// The operations are the classical error-free transformations: `twoSum` (Knuth) gives a + b
/// exactly as s + e, and `twoProduct` gives a·b exactly as p + e using one fused multiply-add.
/// Sums and products built from them have a relative error of a few units of 2⁻¹⁰⁶ (Dekker 1971;
/// Hida, Li & Bailey 2001; Joldes, Muller & Popescu 2017). The exponent range is Double's; a `lo`
/// below the subnormal range is lost, which cannot happen for data of ordinary magnitude.
public struct DoubleDouble: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The leading part: the `Double` nearest to the value.
    public var hi: Double
    /// The trailing part, |lo| ≤ ulp(hi)/2.
    public var lo: Double

    /// hi + lo, normalized so that hi is the nearest `Double`.
    public init(hi: Double, lo: Double) {
        (self.hi, self.lo) = DoubleDouble.quickTwoSum(hi, lo)
    }

    /// A `Double`, exactly.
    public init(_ value: Double) {
        hi = value
        lo = 0
    }

    #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
    /// A `Float80`, exactly: its 64-bit significand splits into a 53-bit and an 11-bit part.
    public init(exactly value: Float80) {
        let high = Double(value)
        self.init(hi: high, lo: Double(value - Float80(high)))
    }
    #endif

    /// The nearest `Double` (hi, since the pair is normalized).
    public var doubleValue: Double { hi }

    public var description: String { "\(hi) + \(lo)" }

    // MARK: Error-free transformations

    /// s + e = a + b exactly, with s = fl(a + b), for any a, b (Knuth's TwoSum, 6 flops).
    public static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        let bVirtual = s - a
        let aVirtual = s - bVirtual
        return (s, (a - aVirtual) + (b - bVirtual))
    }

    /// s + e = a + b exactly when |a| ≥ |b| (Dekker's FastTwoSum, 3 flops).
    public static func quickTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        return (s, b - (s - a))
    }

    /// p + e = a·b exactly, with p = fl(a·b): the fused multiply-add computes a·b − p with a
    /// single rounding, and that difference is representable. (On a CPU without FMA the C
    /// library's `fma` does the same in software: slower, equally exact.)
    public static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    // MARK: Arithmetic

    public static func + (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        // The "accurate" addition: both the high and the low parts are added error-free, so that
        // cancellation between x and y (the whole point of a residual) loses nothing.
        var (s, e) = twoSum(x.hi, y.hi)
        let (t, f) = twoSum(x.lo, y.lo)
        e += t
        (s, e) = quickTwoSum(s, e)
        e += f
        let (hi, lo) = quickTwoSum(s, e)
        return DoubleDouble(uncheckedHi: hi, lo: lo)
    }

    public static prefix func - (x: DoubleDouble) -> DoubleDouble {
        DoubleDouble(uncheckedHi: -x.hi, lo: -x.lo)
    }

    public static func - (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble { x + (-y) }

    public static func * (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        // The exact product of the high parts, plus the cross terms (x.lo·y.lo is below 2⁻¹⁰⁶).
        var (p, e) = twoProduct(x.hi, y.hi)
        e += x.hi * y.lo + x.lo * y.hi
        (p, e) = quickTwoSum(p, e)
        return DoubleDouble(uncheckedHi: p, lo: e)
    }

    public static func / (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        // Long division: three quotient digits, each the Double quotient of what remains.
        let q1 = x.hi / y.hi
        var remainder = x - y * DoubleDouble(q1)
        let q2 = remainder.hi / y.hi
        remainder = remainder - y * DoubleDouble(q2)
        let q3 = remainder.hi / y.hi
        let (hi, lo) = quickTwoSum(q1, q2)
        return DoubleDouble(uncheckedHi: hi, lo: lo) + DoubleDouble(q3)
    }

    public static func < (x: DoubleDouble, y: DoubleDouble) -> Bool {
        x.hi < y.hi || (x.hi == y.hi && x.lo < y.lo)
    }

    /// Without renormalization, for results that are normalized already.
    init(uncheckedHi hi: Double, lo: Double) {
        self.hi = hi
        self.lo = lo
    }
}
