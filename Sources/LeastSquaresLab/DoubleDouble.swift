/// A real number held as the unevaluated sum hi + lo of two `Double`s with |lo| ≤ ulp(hi)/2:
/// about 106 significant bits (32 decimal digits) from ordinary floating-point hardware.
///
/// The operations are the classical error-free transformations: `twoSum` (Knuth) gives a + b
/// exactly as s + e, and `twoProduct` gives a·b exactly as p + e using one fused multiply-add.
/// Sums and products of double-doubles built from them have a relative error of a few units of
/// 2⁻¹⁰⁶ (Dekker 1971; Hida, Li & Bailey 2001; Joldes, Muller & Popescu 2017).
///
/// This is the fallback for platforms without `Float80`. It is compiled and tested everywhere,
/// so that the fallback is known to work before it is needed.
///
/// The exponent range is that of `Double`; a `lo` below the subnormal range is lost, which cannot
/// happen for data of ordinary magnitude.
public struct DoubleDouble: Sendable, Equatable, ExtendedPrecision, CustomStringConvertible {
    /// The leading part: the `Double` nearest to the value.
    public var hi: Double
    /// The trailing part, |lo| ≤ ulp(hi)/2.
    public var lo: Double

    /// hi + lo, normalized so that hi is the nearest `Double`.
    public init(hi: Double, lo: Double) {
        (self.hi, self.lo) = DoubleDouble.quickTwoSum(hi, lo)
    }

    public init(_ value: Double) {
        hi = value
        lo = 0
    }

    public var roundedToDouble: Double { hi }
    public static var unitRoundoff: Double { 0x1p-106 }
    public static var arithmeticName: String { "double-double" }
    public var description: String { "\(hi) + \(lo)" }

    // MARK: Error-free transformations

    /// s + e = a + b exactly, with s = fl(a + b), for any a, b (Knuth's TwoSum, 6 flops).
    @inlinable
    static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        let bVirtual = s - a
        let aVirtual = s - bVirtual
        return (s, (a - aVirtual) + (b - bVirtual))
    }

    /// s + e = a + b exactly when |a| ≥ |b| (Dekker's FastTwoSum, 3 flops).
    @inlinable
    static func quickTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        return (s, b - (s - a))
    }

    /// p + e = a·b exactly, with p = fl(a·b): the fused multiply-add computes a·b − p with a
    /// single rounding, and that difference is representable.
    @inlinable
    static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
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

    /// Without renormalization, for results that are normalized already.
    @inlinable
    init(uncheckedHi hi: Double, lo: Double) {
        self.hi = hi
        self.lo = lo
    }

    // MARK: Decimal input

    /// The decimal numeral as a double-double: its digits are accumulated exactly (up to 31 of
    /// them), then scaled by the power of ten its point and exponent give. Powers 10^k with
    /// k ≤ 22 are exact `Double`s, so for the numerals of data files (a handful of digits,
    /// exponents within ±22) the result is correctly rounded up to a few units of 2⁻¹⁰⁶.
    public init?(decimal text: Substring) {
        guard DecimalNumeral.isPlain(text) else { return nil }
        let negative = text.first == "-"
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        let exponentText = text.dropFirst(mantissa.count).dropFirst()
        var exponent = exponentText.isEmpty ? 0 : (Int(exponentText) ?? Int.max)
        guard exponent != Int.max else { return nil }

        var value = DoubleDouble(0.0)
        var afterPoint = false
        var digitsKept = 0
        for c in mantissa {
            if c == "." { afterPoint = true; continue }
            guard let digit = c.wholeNumberValue else { continue }
            if digitsKept == 0 && digit == 0 {
                if afterPoint { exponent -= 1 }
                continue
            }
            if digitsKept < 31 {
                value = value * DoubleDouble(10.0) + DoubleDouble(Double(digit))
                digitsKept += 1
                if afterPoint { exponent -= 1 }
            } else if !afterPoint {
                exponent += 1   // digits beyond 31 only shift the value
            }
        }
        value = value.scaled(byPowerOfTen: exponent)
        guard value.hi.isFinite else { return nil }
        self = negative ? -value : value
    }

    /// self·10^k, multiplying or dividing by exact powers 10^22 and then by the remaining 10^j.
    func scaled(byPowerOfTen k: Int) -> DoubleDouble {
        var result = self
        var remaining = abs(k)
        let step = DoubleDouble(1e22)
        while remaining > 0 {
            let factor = remaining >= 22 ? step : DoubleDouble(Double.pow10(remaining))
            result = k > 0 ? result * factor : result / factor
            remaining -= min(remaining, 22)
            if !result.hi.isFinite || result.hi == 0 { break }
        }
        return result
    }
}

extension Double {
    /// 10^k for 0 ≤ k ≤ 22, exactly (these are the powers of ten that are `Double`s).
    static func pow10(_ k: Int) -> Double {
        precondition((0...22).contains(k), "10^\(k) is not an exact Double")
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }
}
