import ExtendedPrecision
import SVDCore

/// Double-double as an arithmetic for the refinement's residuals (the type lives in the
/// ExtendedPrecision module, shared with Exercise 4).
extension DoubleDouble: ExtendedPrecision {
    public var roundedToDouble: Double { hi }
    public static var unitRoundoff: Double { 0x1p-106 }
    public static var arithmeticName: String { "double-double" }
}

extension DoubleDouble {
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
