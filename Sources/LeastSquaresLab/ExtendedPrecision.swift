/// Arithmetic with more precision than `Double`, in which iterative refinement computes its
/// residuals.
///
/// Refinement can only recover digits that the residual b − A·x still carries. Computed in
/// `Double`, that residual is the difference of nearly equal numbers and loses as many digits as
/// the fit is good; computed with a unit roundoff u ≪ ε it keeps them, and the corrections, though
/// solved for in `Double`, then converge to the solution of the stored problem to about
/// max(u·κ, ε) relative accuracy, as long as κ·ε < 1 (Björck 1967; Higham, *Accuracy and
/// Stability of Numerical Algorithms*, 2nd ed., §20.5).
///
/// Implementations: ``DoubleDouble`` (an unevaluated sum of two `Double`s, u ≈ 2⁻¹⁰⁶ ≈ 1.2e-32,
/// in software, on every platform), `Float80` (x87 extended precision, u = 2⁻⁶⁴ ≈ 5.4e-20, in
/// hardware, x86-64 only) and `Double` itself (u = 2⁻⁵³, to show that refinement without extra
/// precision gains nothing). ``ResidualArithmetic`` says which one is used and why.
public protocol ExtendedPrecision: Sendable {
    /// The value of a `Double`, exactly.
    init(_ value: Double)
    /// The value of a plain decimal numeral such as `-0.358191792925910E-01`, rounded to this
    /// precision; `nil` for anything else (including `nan`, `inf` and hexadecimal).
    init?(decimal text: Substring)
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    /// The nearest `Double`.
    var roundedToDouble: Double { get }
    /// The unit roundoff u: every operation is exact up to a relative error of at most u.
    static var unitRoundoff: Double { get }
    /// A short name for reports: "Float80", "double-double".
    static var arithmeticName: String { get }
}

extension ExtendedPrecision {
    static var zero: Self { Self(0.0) }
}

#if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
extension Float80: ExtendedPrecision {
    public init?(decimal text: Substring) {
        guard DecimalNumeral.isPlain(text), let value = Float80(String(text)), value.isFinite else { return nil }
        self = value
    }

    public var roundedToDouble: Double { Double(self) }
    public static var unitRoundoff: Double { 0x1p-64 }
    public static var arithmeticName: String { "Float80" }
}
#endif

extension Double: ExtendedPrecision {
    public init?(decimal text: Substring) {
        guard let value = DecimalNumeral.double(text) else { return nil }
        self = value
    }

    public var roundedToDouble: Double { self }
    public static var unitRoundoff: Double { 0x1p-53 }
    public static var arithmeticName: String { "Double" }
}

/// The arithmetic of the residuals in iterative refinement.
///
/// **Double-double is the default, on every platform**, for two measured reasons. First, it is
/// needed: with `Float80` residuals the refinement stalls at about u·‖b‖/σₙ, which for NIST's
/// Wampler4 and Wampler5 (|y| up to 2·10⁷, κ(A_s) ≈ 2900) leaves 12.7 and 9.6 correct digits,
/// below the goals of 13 and 12; double-double's 2⁻¹⁰⁶ leaves the full 15. Second, it gives the
/// same digits on x86-64 and arm64, so a grade does not depend on the machine. Its cost, about
/// ten `Double` operations per operation, is negligible at these sizes.
public enum ResidualArithmetic: String, Sendable, CaseIterable {
    /// No extra precision: refinement cannot recover digits (shown for contrast).
    case double
    /// 80-bit x87 extended precision (x86-64 only; elsewhere double-double is used instead).
    case float80
    /// Two `Double`s, about 32 significant digits (the default).
    case doubleDouble = "double-double"
}

/// The syntax of the numbers accepted in data files.
enum DecimalNumeral {
    /// True for an optional sign, digits with at most one decimal point (at least one digit), and
    /// an optional exponent `e`/`E` with optional sign and at least one digit. Rejects what
    /// Swift's `Double(_:)` would also accept but a data file should not contain: `nan`, `inf`,
    /// `infinity`, hexadecimal floats.
    static func isPlain(_ text: Substring) -> Bool {
        var index = text.startIndex
        func peek() -> Character? { index < text.endIndex ? text[index] : nil }
        if peek() == "+" || peek() == "-" { index = text.index(after: index) }
        var digits = 0
        var sawPoint = false
        while let c = peek() {
            if c.isASCII && c.isNumber { digits += 1 }
            else if c == "." && !sawPoint { sawPoint = true }
            else { break }
            index = text.index(after: index)
        }
        guard digits > 0 else { return false }
        if peek() == "e" || peek() == "E" {
            index = text.index(after: index)
            if peek() == "+" || peek() == "-" { index = text.index(after: index) }
            var exponentDigits = 0
            while let c = peek(), c.isASCII && c.isNumber {
                exponentDigits += 1
                index = text.index(after: index)
            }
            guard exponentDigits > 0 else { return false }
        }
        return index == text.endIndex
    }

    /// The value of a plain decimal numeral as the nearest `Double`, or `nil` if the text is not
    /// one or its value overflows.
    static func double(_ text: Substring) -> Double? {
        guard isPlain(text), let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }

    /// The number of significant digits written: "-3482258.63459582" → 15, "0.100000000000000E-01"
    /// → 15, "0.000" → 0. Leading zeros do not count; trailing zeros do (they were written).
    static func significantDigits(_ text: Substring) -> Int {
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        let digits = mantissa.filter { $0.isASCII && $0.isNumber }
        return digits.drop { $0 == "0" }.count
    }
}
