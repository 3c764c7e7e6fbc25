import Foundation

/// NIST's measure of accuracy: the log relative error, the number of correct significant digits.
///
///     LRE = −log₁₀( |estimate − certified| / |certified| )     (certified ≠ 0)
///     LRE = −log₁₀( |estimate| )                               (certified = 0)
///
/// Conventions (McCullough 1998, followed by NIST's StRD pages): the LRE is capped at the number
/// of significant digits the certified value is written with (15 for every StRD value), since
/// agreement beyond them cannot be checked, and an exact match gets that cap; it is floored at 0
/// (an estimate off by more than 100% has no correct digit). A non-finite estimate gets 0.
public enum LogRelativeError {
    /// The LRE of one estimate against a certified value written with `digits` significant digits.
    public static func of(_ estimate: Double, certified: Double, digits: Int = 15) -> Double {
        let cap = Double(digits)
        guard estimate.isFinite else { return 0 }
        let error = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
        guard error > 0 else { return cap }
        return min(cap, max(0, -log10(error)))
    }

    /// The LREs of estimates against certified values.
    public static func of(_ estimates: [Double], certified: CertifiedValues) -> [Double] {
        precondition(estimates.count == certified.coefficients.count, "One estimate per certified value")
        return estimates.indices.map {
            of(estimates[$0], certified: certified.coefficients[$0], digits: certified.significantDigits[$0])
        }
    }
}
