import ExtendedPrecision
@testable import LeastSquaresLab
import SVDCore
import Testing

extension Exercise3Tests {
    /// The double-double arithmetic of the refinement's residuals.
    @Suite struct DoubleDoubleArithmetic {
        @Test func errorFreeTransformations() {
            // 1 + 2⁻⁶⁰ is not a Double; TwoSum keeps the lost part exactly.
            let (s, e) = DoubleDouble.twoSum(1, 0x1p-60)
            #expect(s == 1 && e == 0x1p-60)
            // (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰: TwoProduct returns the 2⁻⁶⁰ the rounded product drops.
            let (p, f) = DoubleDouble.twoProduct(1 + 0x1p-30, 1 + 0x1p-30)
            #expect(p == 1 + 0x1p-29 && f == 0x1p-60)
        }

        @Test func cancellationKeepsTheLowPart() {
            let a = DoubleDouble(hi: 1, lo: 0x1p-80)
            let difference = a - DoubleDouble(1.0)
            #expect(difference.hi == 0x1p-80)
            let product = DoubleDouble(3.0) * DoubleDouble(hi: 1, lo: 0x1p-70)
            #expect(product.hi == 3 && product.lo == 3 * 0x1p-70)
        }

        /// Decimal input beyond Double: 0.1 − fl(0.1) = −0.1·2⁻⁵⁴·… exactly
        /// −5.551115123125782702118158340454101562e-18 (fl(0.1) = 0.1000000000000000055511151231257827…).
        @Test func decimalParsing() throws {
            let tenth = try #require(DoubleDouble(decimal: "0.1"))
            #expect(tenth.hi == 0.1)
            #expect(abs(tenth.lo - -5.551115123125783e-18) <= 1e-33)
            let longley = try #require(DoubleDouble(decimal: "-0.358191792925910E-01"))
            #expect(longley.hi == -0.358191792925910E-01)
            #expect(DoubleDouble(decimal: "12")?.hi == 12 && DoubleDouble(decimal: "12")?.lo == 0)
            for bad in ["", "-", "1e", "nan", "inf", "0x1p3", "1.2.3", "1e5x"] {
                #expect(DoubleDouble(decimal: bad[...]) == nil, "\(bad)")
            }
        }

        @Test(.enabled(if: float80IsAvailable, "needs Float80, which this platform or build (SVDLAB_NO_FLOAT80=1) does not have"))
        func decimalParsingInFloat80() {
            #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
            #expect(Float80(decimal: "0.1") == Float80("0.1"))
            #expect(Float80(decimal: "nan") == nil)
            #endif
        }

        @Test func significantDigits() {
            #expect(DecimalNumeral.significantDigits("-3482258.63459582") == 15)
            #expect(DecimalNumeral.significantDigits("0.100000000000000E-01") == 15)
            #expect(DecimalNumeral.significantDigits("0.000") == 0)
        }
    }
}
