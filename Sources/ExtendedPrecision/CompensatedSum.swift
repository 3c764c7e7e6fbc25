/// A running sum with Neumaier's compensation: the rounding error of every addition is
/// recovered exactly (Knuth's TwoSum, `DoubleDouble.twoSum`) and added back at the end.
///
/// The error of the result is about ε·|sum| + n·ε²·Σ|terms|, instead of up to n·ε·Σ|terms| for
/// plain left-to-right summation. It matters for sums whose partial sums are much larger than
/// the terms' own errors, such as log det Hₙ ≈ −n²·log 4, a sum of 2n² logarithms.
///
/// ```swift
/// var sum = CompensatedSum()
/// for term in terms { sum.add(term) }
/// sum.value
/// ```
public struct CompensatedSum: Sendable {
    private var sum = 0.0
    private var compensation = 0.0

    public init() {}

    public mutating func add(_ term: Double) {
        // sum + term = t + error exactly (the same error-free transformation as double-double's).
        let (t, error) = DoubleDouble.twoSum(sum, term)
        compensation += error
        sum = t
    }

    /// The compensated sum.
    public var value: Double { sum + compensation }
}

extension Sequence<Double> {
    /// The sum of the elements with Neumaier's compensation (see ``CompensatedSum``).
    public func compensatedSum() -> Double {
        var sum = CompensatedSum()
        for term in self { sum.add(term) }
        return sum.value
    }
}
