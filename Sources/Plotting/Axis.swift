/// One axis of a panel: its label, its scale and, optionally, a fixed range.
///
/// ```swift
/// Axis("k")                          // linear, range chosen by gnuplot from the data
/// Axis("x", range: -1.5...1.5)       // fixed range
/// Axis.log("σ_k")                    // base-10 log scale, tics written 10^{-3}, 10^{-2}, …
/// ```
public struct Axis: Sendable, Equatable {
    /// The text along the axis, or `nil` for none.
    public var label: String?
    /// Linear or logarithmic.
    public var scale: Scale
    /// The shown range, or `nil` to let gnuplot fit it to the data.
    public var range: ClosedRange<Double>?

    /// An axis with the given label, scale and range.
    ///
    /// - Parameters:
    ///   - label: the text along the axis, or `nil` for none.
    ///   - scale: linear (the default) or logarithmic.
    ///   - range: the shown range, or `nil` to let gnuplot fit it to the data.
    public init(_ label: String? = nil, scale: Scale = .linear, range: ClosedRange<Double>? = nil) {
        self.label = label
        self.scale = scale
        self.range = range
    }

    /// A logarithmic axis. Singular values span many orders of magnitude; on a log axis each
    /// order of magnitude gets the same room, which is what makes a spectrum readable.
    ///
    /// Values ≤ 0 have no logarithm: gnuplot leaves those points out.
    ///
    /// - Parameters:
    ///   - label: the text along the axis, or `nil` for none.
    ///   - base: the base of the logarithm, 10 by default; tics are its powers.
    ///   - range: the shown range, or `nil` to let gnuplot fit it to the data.
    /// - Returns: an axis with scale ``Scale/log(base:)``.
    public static func log(_ label: String? = nil, base: Double = 10,
                           range: ClosedRange<Double>? = nil) -> Axis {
        Axis(label, scale: .log(base: base), range: range)
    }
}

/// How values are placed along an axis.
public enum Scale: Sendable, Equatable {
    /// Equal distances for equal differences of value.
    case linear
    /// Logarithmic with the given base; tics are labelled as powers of it (`10^{-8}`).
    case log(base: Double)
}
