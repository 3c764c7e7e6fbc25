/// A number held as the unevaluated sum hi + lo of two Doubles with |lo| ≤ ulp(hi)/2: about 106
/// significant bits (32 decimal digits), unit roundoff u ≈ 2⁻¹⁰⁴ ≈ 5·10⁻³².
///
/// Used for one job: deciding the inertia of a *stored* Hilbert matrix (how many eigenvalues are
/// negative) with a margin of 14 orders of magnitude over Double. Every Float, Double and Float80
/// number is exactly a DoubleDouble, so the stored matrix enters without further rounding.
///
/// The operations are the classical ones (Dekker 1971; Knuth's TwoSum; TwoProduct via a fused
/// multiply-add): the error-free transformations give the exact rounding error of a Double
/// operation, which is kept in `lo`. Relative error of +, −, ×, ÷: a small multiple of u.
/// Overflow and underflow are not handled (the values here lie between 10⁻⁸⁰ and 10³).
struct DoubleDouble: Sendable, Comparable {
    var hi: Double
    var lo: Double

    init(_ value: Double) {
        hi = value
        lo = 0
    }

    /// hi + lo, renormalized.
    init(hi: Double, lo: Double) {
        (self.hi, self.lo) = DoubleDouble.quickTwoSum(hi, lo)
    }

    #if arch(x86_64) || arch(i386)
    /// A Float80 value exactly: its 64-bit significand splits into a 53-bit and an 11-bit part.
    init(exactly value: Float80) {
        let high = Double(value)
        self.init(hi: high, lo: Double(value - Float80(high)))
    }
    #endif

    /// s + e = a + b exactly, s = fl(a + b) (Knuth).
    private static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// s + e = a + b exactly when |a| ≥ |b| (Dekker).
    private static func quickTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        return (s, b - (s - a))
    }

    /// p + e = a·b exactly: the fused multiply-add computes a·b − p with a single rounding,
    /// and that difference is representable.
    private static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let (s, e) = twoSum(a.hi, b.hi)
        let (t, f) = twoSum(a.lo, b.lo)
        let (s2, e2) = quickTwoSum(s, e + t)
        return DoubleDouble(hi: s2, lo: e2 + f)
    }

    static prefix func - (a: DoubleDouble) -> DoubleDouble {
        DoubleDouble(hi: -a.hi, lo: -a.lo)
    }

    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + (-b) }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let (p, e) = twoProduct(a.hi, b.hi)
        return DoubleDouble(hi: p, lo: e + (a.hi * b.lo + a.lo * b.hi))
    }

    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        // Long division: a first quotient digit, the exact remainder, a correction.
        let q1 = a.hi / b.hi
        let r = a - b * DoubleDouble(q1)
        let q2 = r.hi / b.hi
        let r2 = r - b * DoubleDouble(q2)
        let q3 = r2.hi / b.hi
        return DoubleDouble(hi: q1, lo: q2) + DoubleDouble(q3)
    }

    static func < (a: DoubleDouble, b: DoubleDouble) -> Bool {
        a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo)
    }

    /// The nearest Double.
    var doubleValue: Double { hi + lo }
}
