import ExerciseTestSupport
import ExtendedPrecision
import Foundation
@testable import HilbertLab
import LabSupport
import Plotting
import PropertyBased
import SVDCore
import Testing

/// Grades Exercise 4 (`swift test --filter Exercise4`).
///
/// Where the reference numbers come from:
/// - the exercise's statement: κ₂(H₅), κ₂(H₁₀), κ₂(H₁₅) to 15 digits and σ_min(H₁₅) to 20;
/// - mpmath 1.3 at 120 digits (`mpmath.svd_r(mpmath.hilbert(n), compute_uv=False)`; a run at
///   80 digits agreed to 54 digits for n ≤ 20): the full spectra of H₁₅ and H₂₀ below, and the
///   library's `HilbertReference` table, itself checked here against the statement;
/// - closed forms, exact in exact arithmetic and computed without cancellation: the integer
///   inverse of Hₙ (checked in integer arithmetic), trace(Hₙ), trace(Hₙ⁻¹), ‖Hₙ⁻¹‖_F, det Hₙ;
/// - mpmath at 60 digits for the eigenvalues of the *stored* matrices (entries converted exactly
///   with `as_integer_ratio()`; Float80 through numpy's x86 `longdouble`).
@Suite struct Exercise4Tests {
    static let eps = Double.ulpOfOne

    /// The singular values of H₁₅, from mpmath at 120 digits, to 20 significant digits.
    static let spectrum15 = [
        "1.845927746153488057", "4.2662795700697645535e-1", "5.7212092533384121996e-2",
        "5.6398347557891758673e-3", "4.3647659441777194317e-4", "2.7108539228187448091e-5",
        "1.3615822420033721557e-6", "5.5289884817260515836e-8", "1.8029597512370593332e-9",
        "4.6577865463331084916e-11", "9.3216080336727200502e-13", "1.3940617899199074229e-14",
        "1.4665977100691224774e-16", "9.6822661084143125248e-19", "3.0179152960024547637e-21",
    ].map { Double($0)! }

    /// The singular values of H₂₀, from mpmath at 120 digits, to 20 significant digits.
    static let spectrum20 = [
        "1.907134720407253103", "4.870384065720488678e-1", "7.5595821305440958439e-2",
        "8.9611286148564804426e-3", "8.6767110917149801722e-4", "7.0334314731935324533e-5",
        "4.8305100488023714518e-6", "2.8276520552478540887e-7", "1.4139547582533804815e-8",
        "6.0360953293918637191e-10", "2.1928907569892015253e-11", "6.7408082331639843639e-13",
        "1.737906708298964433e-14", "3.7109770253440721628e-16", "6.4467646276571415379e-18",
        "8.8800759473682196341e-20", "9.3311941014009525764e-22", "7.0264420417909102336e-24",
        "3.3763048272628992247e-26", "7.7773773968564126443e-29",
    ].map { Double($0)! }

    static func relativeError(_ computed: Double, _ exact: Double) -> Double { abs(computed - exact) / abs(exact) }

    /// The absolute tolerance for log det Hₙ from n factors with relative errors ≤ 4nε and
    /// logarithms up to 3.5n in magnitude, against the closed form's n²ε·log(2n):
    /// n·(4nε + 3.5nε) + n²ε·log(2n) = n²ε·(7.5 + log 2n).
    static func logDeterminantTolerance(_ n: Int) -> Double {
        Double(n * n) * eps * (7.5 + Foundation.log(2 * Double(n)))
    }

    // MARK: - Exact values

    @Test func referenceTableAgreesWithTheExactValuesOfTheStatement() throws {
        // κ₂ to the 15 digits the statement gives: the relative difference is below half a unit
        // in the 15th digit.
        for (n, statement) in [(5, 4.76607250242561e5), (10, 1.60262868702169e13), (15, 6.11656579161984e20)] {
            let reference = try #require(HilbertReference.entry(n))
            #expect(Self.relativeError(reference.conditionNumber, statement) < 5e-15, "n = \(n)")
        }
        #expect(HilbertReference.entry(15)?.sigmaMinText == "3.0179152960024547637e-21")
        #expect(HilbertReference.entry(0) == nil && HilbertReference.entry(41) == nil)
        // The table's own consistency: κ = σ_max/σ_min to Double rounding, and the spectra above.
        for n in 1...HilbertReference.largestSize {
            let e = try #require(HilbertReference.entry(n))
            #expect(Self.relativeError(e.sigmaMax / e.sigmaMin, e.conditionNumber) <= 2 * Self.eps, "n = \(n)")
        }
        #expect(HilbertReference.entry(20)?.sigmaMin == Self.spectrum20.last)
        #expect(HilbertReference.entry(15)?.sigmaMax == Self.spectrum15.first)
    }

    @Test func referenceTableRespectsTheExactInfinityNormCondition() throws {
        // Hₙ is symmetric, so ‖Hₙ‖₂ ≤ ‖Hₙ‖_∞ and ‖Hₙ⁻¹‖₂ ≤ ‖Hₙ⁻¹‖_∞, hence κ₂ ≤ κ_∞; and
        // ‖·‖_∞ ≤ √n‖·‖₂ for both, hence κ_∞ ≤ n·κ₂. κ_∞ comes from the closed-form inverse.
        for n in 1...HilbertReference.largestSize {
            let kappa2 = try #require(HilbertReference.entry(n)).conditionNumber
            let kappaInfinity = HilbertClosedForms.conditionNumberInfinity(n)
            #expect(kappa2 <= kappaInfinity * (1 + 4 * Double(n) * Self.eps), "n = \(n)")
            #expect(kappaInfinity <= Double(n) * kappa2, "n = \(n)")
        }
        // κ_∞(H₃) = (11/6)·408 = 748 exactly (row 2 of H₃⁻¹ = (−36, 192, −180)).
        #expect(HilbertClosedForms.conditionNumberInfinity(3) == 748)
    }

    @Test func closedFormInverseIsExactInIntegerArithmetic() {
        // Hₙ·Hₙ⁻¹ = I checked exactly: multiply row i of Hₙ by L = lcm(i, …, i + n − 1), so that
        // every L/(i + k − 1) is an integer and Σₖ (L/(i+k−1))·(Hₙ⁻¹)ₖⱼ = L·δᵢⱼ is integer
        // arithmetic (no overflow for n ≤ 8: the products stay below 10¹⁷).
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        for n in 1...8 {
            for i in 1...n {
                let l = (i..<(i + n)).reduce(1) { $0 / gcd($0, $1) * $1 }
                for j in 1...n {
                    let sum = (1...n).reduce(0) { $0 + (l / (i + $1 - 1)) * Int(HilbertClosedForms.inverseEntry(n, $1, j)) }
                    #expect(sum == (i == j ? l : 0), "n = \(n), (\(i), \(j))")
                }
            }
        }
        #expect((1...4).map { HilbertClosedForms.inverseEntry(4, 3, $0) } == [240, -2700, 6480, -4200])
    }

    // MARK: - The accurate method

    @Test(arguments: 1...20)
    func accurateConditionNumberHasFullRelativeAccuracy(n: Int) throws {
        // Theory (AccurateCauchySVD): relative error O(n·ε·(κ(L) + κ(U))), κ(L) = κ(U) ≈ 15 at
        // n = 15; measured at most 5ε for n ≤ 20. The tolerance 4nε also meets the exercise's
        // target of at least 13 significant digits (4·20·ε = 1.8e-14).
        let reference = try #require(HilbertReference.entry(n))
        let result = try ConditionNumberResult(n: n, method: .accurate)
        let tolerance = 4 * Double(n) * Self.eps
        #expect(Self.relativeError(result.conditionNumber, reference.conditionNumber) <= tolerance)
        #expect(Self.relativeError(result.sigmaMax, reference.sigmaMax) <= tolerance)
        #expect(Self.relativeError(result.sigmaMin, reference.sigmaMin) <= tolerance)
        #expect(try #require(result.correctDigits) >= 13)
    }

    @Test func accurateSigmaMinOfH15MatchesTheStatement() throws {
        let sigma = try AccurateCauchySVD(.hilbert(15)).singularValues
        #expect(Self.relativeError(sigma.last!, 3.0179152960024547637e-21) <= 4 * 15 * Self.eps)
    }

    @Test(arguments: [15, 20])
    func accurateSpectrumIsAccurateInEverySingularValue(n: Int) throws {
        let exact = n == 15 ? Self.spectrum15 : Self.spectrum20
        let sigma = try AccurateCauchySVD(.hilbert(n)).singularValues
        #expect(sigma.count == n)
        for (k, (computed, reference)) in zip(sigma, exact).enumerated() {
            #expect(Self.relativeError(computed, reference) <= 4 * Double(n) * Self.eps, "σ_\(k + 1)")
        }
    }

    @Test(arguments: Array(2...30))
    func accurateSpectrumSatisfiesTheClosedFormIdentities(n: Int) throws {
        // Hₙ is symmetric positive definite: σᵢ = λᵢ. Each identity is a sum of positive terms,
        // so the sum of per-term relative errors (≤ 4nε each, say) bounds the total; the closed
        // forms carry ≤ 4nε of their own. The inverse-based ones are dominated by σ_min.
        let sigma = try AccurateCauchySVD(.hilbert(n)).singularValues
        let tolerance = 8 * Double(n) * Self.eps
        #expect(Self.relativeError(sigma.reduce(0, +), HilbertClosedForms.trace(n)) <= tolerance)
        #expect(Self.relativeError(sigma.reduce(0) { $0 + 1 / $1 }, HilbertClosedForms.traceOfInverse(n)) <= tolerance)
        #expect(Self.relativeError(sigma.reduce(0) { $0 + 1 / ($1 * $1) },
                                   HilbertClosedForms.inverseFrobeniusNormSquared(n)) <= 2 * tolerance)
        // Σ log σᵢ (compensated): term i has an absolute error of about 4nε (from σᵢ) plus
        // ε·|log σᵢ| ≤ ε·3.5n (from the logarithm; σ_min ≈ e^{−3.5n}); the closed form carries
        // about n²ε·log(2n).
        let logDet = sigma.map { Foundation.log($0) }.compensatedSum()
        #expect(abs(logDet - HilbertClosedForms.logDeterminant(n)) <= Self.logDeterminantTolerance(n))
    }

    @Test(arguments: [1, 2, 7, 15, 25])
    func structuredFactorizationReconstructsTheMatrixAndRevealsItsRank(n: Int) throws {
        let c = CauchyMatrix.hilbert(n)
        let ldu = StructuredCauchyLDU(c)
        // P·H·Q = L·D·U: every entry reproduced to a few ulps relative to the entries of |L||D||U|,
        // which for a totally positive matrix such as Hₙ are at most about the entries of Hₙ.
        let product = ldu.reconstructed()
        for j in 0..<n {
            for i in 0..<n {
                let exact: Double = c.entry(i, j)
                #expect(Self.relativeError(product[i, j], exact) <= 4 * Double(n) * Self.eps, "(\(i), \(j))")
            }
        }
        // Complete pivoting: unit triangular factors with entries of magnitude ≤ 1 and
        // non-increasing |dₖ|.
        for k in 0..<n {
            #expect(ldu.l[k, k] == 1 && ldu.u[k, k] == 1)
            for i in 0..<n where i != k {
                #expect(abs(ldu.l[i, k]) <= 1 && abs(ldu.u[k, i]) <= 1)
                if i < k { #expect(ldu.l[i, k] == 0 && ldu.u[k, i] == 0) }
            }
            if k > 0 { #expect(abs(ldu.d[k]) <= abs(ldu.d[k - 1])) }
        }
        // det Hₙ = ±Π dₖ (permutations change the sign only): the log against Cauchy's formula.
        // Each dₖ has a relative error ≤ (4k + 1)ε/2 ≤ 4nε (StructuredCauchyLDU), as the σᵢ above.
        let logDet = ldu.d.map { Foundation.log(abs($0)) }.compensatedSum()
        #expect(abs(logDet - HilbertClosedForms.logDeterminant(n)) <= Self.logDeterminantTolerance(n))
    }

    @Test(.enabled(if: float80IsAvailable, "needs Float80, which this platform or build (SVDLAB_NO_FLOAT80=1) does not have"))
    func accurateMethodWorksForAnyCauchyMatrixWithIntegerNodes() async {
        #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
        // Random rectangular Cauchy matrices with distinct integer nodes, against the one-sided
        // Jacobi SVD of the matrix stored in Float80: that reference is within about
        // ε₈₀·κ·(small factor) of the truth (measured ≤ 0.1·ε₈₀·κ on Hilbert matrices), the accurate
        // method within a few n·ε.
        let nodes = Gen.int(in: 0...40).array(of: 1...7)
        await propertyCheck(count: 60, input: nodes, nodes) { rowNodes, columnNodes in
            var x: [Double] = [], y: [Double] = []
            for v in rowNodes where !x.contains(Double(v + 1)) { x.append(Double(v + 1)) }
            for v in columnNodes where !y.contains(Double(v)) { y.append(Double(v)) }
            let c = CauchyMatrix(x: x, y: y)
            let accurate = try AccurateCauchySVD(c).singularValues
            let stored: Matrix<Float80> = c.stored()
            let reference = try OneSidedJacobi().singularValues(of: stored)
            let p = min(x.count, y.count)
            #expect(accurate.count == p)
            let kappa = Double(reference.conditionNumber)
            let tolerance = 8 * Double(max(x.count, y.count)) * Self.eps + 4 * kappa * 0x1p-63
            for (computed, exact) in zip(accurate, reference.singularValues) {
                #expect(Self.relativeError(computed, Double(exact)) <= tolerance, "x = \(x), y = \(y)")
            }
        }
        #endif
    }

    // MARK: - The stored-precision methods

    @Test func storedPrecisionsAreWithinEpsilonTimesKappaWhereThatIsBelowOne() throws {
        // Rounding each entry of Hₙ (all positive) perturbs it by E with |E| ≤ (ε/2)·Hₙ
        // entrywise, so ‖E‖₂ ≤ (ε/2)·‖Hₙ‖₂ (Perron–Frobenius) and σ_min moves by at most
        // (ε/2)·σ_max: a relative (ε/2)·κ. The Jacobi iteration adds a backward error of order
        // √n·ε‖Hₙ‖; together they stay below ε·κ (measured: at most 0.08·ε·κ). Checked for every
        // n with ε·κ < 1, where the bound says something.
        for method in HilbertMethod.availableStoredPrecisions {
            var checked = 0
            for n in 1...HilbertReference.largestSize {
                let reference = try #require(HilbertReference.entry(n))
                let bound = method.epsilon * reference.conditionNumber
                guard bound < 1 else { break }
                let result = try ConditionNumberResult(n: n, method: method)
                #expect(Self.relativeError(result.sigmaMin, reference.sigmaMin) <= bound, "\(method) n = \(n)")
                #expect(Self.relativeError(result.conditionNumber, reference.conditionNumber) <= bound / (1 - bound),
                        "\(method) n = \(n)")
                checked += 1
            }
            // Float: n ≤ 5, Double: n ≤ 11, Float80: n ≤ 13.
            #expect(checked == [HilbertMethod.float: 5, .double: 11, .float80: 13][method])
        }
    }

    @Test func doubleLosesAboutThreeOrdersOfMagnitudeAtFifteen() throws {
        let result = try ConditionNumberResult(n: 15, method: .double)
        let orders = Foundation.log10(6.11656579161984e20 / result.conditionNumber)
        #expect(orders > 2 && orders < 4.5)
        // Relative error 1 − 10^{−orders} ≈ 0.9995: not one correct digit.
        #expect(try #require(result.correctDigits) < 0.01)
    }

    // MARK: - The stored matrix is not positive definite

    @Test func inertiaOfStoredDoubleMatricesMatchesMpmath() {
        // Negative eigenvalues and λ_min of fl(Hₙ) in Double, from mpmath at 60 digits.
        let expected: [(n: Int, negatives: Int, smallest: Double)] = [
            (10, 0, 1.09325e-13), (12, 0, 1.06749e-16), (13, 0, 8.35211e-19), (14, 1, -6.31654e-18),
            (15, 1, -7.13141e-18), (16, 2, -7.15655e-18), (19, 2, -7.79655e-18), (20, 3, -7.96202e-18),
        ]
        for e in expected {
            let inertia = StoredMatrixInertia(n: e.n, storedIn: .double)
            #expect(inertia.negativeEigenvalues == e.negatives, "n = \(e.n)")
            // mpmath's value has 6 digits; the bisection stops at a relative width of 10⁻⁵.
            #expect(Self.relativeError(inertia.smallestEigenvalue, e.smallest) <= 2e-5, "n = \(e.n)")
        }
        #expect(StoredMatrixInertia.indefiniteSizes(storedIn: .double, upTo: 40) == Array(14...40))
    }

    // From mpmath at 60 digits: Float n = 9: 0 negative, λ_min 7.49524e-10; n = 10: 1,
    // −6.18176e-10. Float80 n = 14: 0, 9.69642e-20; n = 15: 1, −4.78269e-22.
    @Test func inertiaOfStoredFloatMatricesMatchesMpmath() {
        Self.checkInertia([(.float, 9, 0, 7.49524e-10), (.float, 10, 1, -6.18176e-10)])
    }

    @Test(.enabled(if: float80IsAvailable, "needs Float80, which this platform or build (SVDLAB_NO_FLOAT80=1) does not have"))
    func inertiaOfStoredFloat80MatricesMatchesMpmath() {
        #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
        Self.checkInertia([(.float80, 14, 0, 9.69642e-20), (.float80, 15, 1, -4.78269e-22)])
        #endif
    }

    static func checkInertia(_ cases: [(HilbertMethod, Int, Int, Double)]) {
        for (precision, n, negatives, smallest) in cases {
            let inertia = StoredMatrixInertia(n: n, storedIn: precision)
            #expect(inertia.negativeEigenvalues == negatives, "\(precision) n = \(n)")
            #expect(Self.relativeError(inertia.smallestEigenvalue, smallest) <= 2e-5, "\(precision) n = \(n)")
        }
    }

    @Test func storagePerturbationIsAtMostHalfEpsilonTimesTheNorm() throws {
        // ‖E‖₂ ≤ (ε/2)‖Hₙ‖₂ (see above), and it is not much smaller: the entries are rounded.
        for method in HilbertMethod.availableStoredPrecisions {
            for n in [5, 15] {
                let norm = try StoredMatrixInertia.storagePerturbationNorm(n: n, storedIn: method)
                let sigmaMax = try #require(HilbertReference.entry(n)).sigmaMax
                #expect(norm <= method.epsilon / 2 * sigmaMax * (1 + 1e-10), "\(method) n = \(n)")
                #expect(norm >= method.epsilon / 100 * sigmaMax, "\(method) n = \(n)")
            }
        }
    }

    @Test func doubleDoubleArithmeticKeepsThirtyDigits() {
        let third = DoubleDouble(1) / DoubleDouble(3)
        let one = third * DoubleDouble(3) - DoubleDouble(1)
        #expect(abs(one.doubleValue) <= 1e-31)
        let tiny = (DoubleDouble(1) + DoubleDouble(1e-20)) - DoubleDouble(1)
        #expect(tiny.doubleValue == 1e-20)
    }

    @Test(.enabled(if: float80IsAvailable, "needs Float80, which this platform or build (SVDLAB_NO_FLOAT80=1) does not have"))
    func doubleDoubleHoldsFloat80Exactly() {
        #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
        let x: Float80 = 1 / 3
        let split = DoubleDouble(exactly: x)
        #expect(Float80(split.hi) + Float80(split.lo) == x)
        #endif
    }

    // MARK: - Regularization

    @Test func regularizationTradesNoiseForBias() throws {
        let study = try RegularizationStudy(n: 12, noise: 1e-8)
        let smallest = try #require(HilbertReference.entry(12)).sigmaMin
        let plain = try #require(study.rows.first)
        #expect(plain.alpha == 0 && plain.total > 1)
        // κ₂(H + αI) falls as α grows; the noise part obeys its bound ‖δb‖/((λ_min + α)‖x‖),
        // ‖b‖ = ‖H·1‖ ≤ σ_max·‖x‖.
        for (previous, row) in zip(study.rows, study.rows.dropFirst()) {
            #expect(row.conditionNumber < previous.conditionNumber)
        }
        let sigmaMax = try #require(HilbertReference.entry(12)).sigmaMax
        for row in study.rows where row.alpha >= 1e-10 {
            #expect(row.noise <= 1e-8 * sigmaMax / (smallest + row.alpha) * 1.01, "α = \(row.alpha)")
            #expect(row.total <= row.bias + row.noise + 1e-12)
        }
        // A large α is mostly bias: x_α(b) − x = −α(H + αI)⁻¹x, so bias ≥ α/(σ_max + α).
        let last = try #require(study.rows.last)
        #expect(last.bias >= last.alpha / (sigmaMax + last.alpha) * 0.99)
        // The best α gains orders of magnitude.
        #expect(study.best.alpha > 0 && study.best.total < 1e-2)
    }

    // MARK: - The command's logic: options, JSON, report, plots

    @Test func sizesAreParsedAndBadOnesRejectedWithOneClearLine() throws {
        #expect(try Exercise4Study.Configuration.parseSizes("5,10,15") == [5, 10, 15])
        #expect(try Exercise4Study.Configuration.parseSizes(" 20 , 5,20") == [20, 5])
        let bad: [(String, String)] = [
            ("0", "0 is out of range"), ("41", "41 is out of range"), ("-3", "out of range"),
            ("5,x", "'x' is not a whole number"), ("5,,10", "empty item"), ("", "empty item"),
            ("1e3", "not a whole number"),
        ]
        for (text, message) in bad {
            #expect {
                _ = try Exercise4Study.Configuration.parseSizes(text)
            } throws: { error in
                let line = "\(error)"
                return line.contains(message) && !line.contains("\n")
            }
        }
        for configuration in [Exercise4Study.Configuration(sizes: []),
                              Exercise4Study.Configuration(regularizationSize: 1),
                              Exercise4Study.Configuration(noise: .nan),
                              Exercise4Study.Configuration(noise: 1)] {
            #expect(throws: UserFacingError.self) { try configuration.validate() }
        }
    }

    @Test func jsonHasExactlyTheSpecifiedShapeAndRoundTrips() throws {
        let study = try Exercise4Study(.init(sizes: [5, 15]))
        let text = study.json().rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["decomposer", "results"])
        #expect(object["decomposer"] as? String == "jacobi")
        let results = try #require(object["results"] as? [[String: Any]])
        let methods = HilbertMethod.available.map(\.rawValue)
        #expect(results.count == 2 * methods.count)
        #expect(results.map { $0["precision"] as? String } == methods + methods)
        #expect(results.map { $0["n"] as? Int } == methods.map { _ in 5 } + methods.map { _ in 15 })
        for entry in results {
            #expect(Set(entry.keys) == ["n", "precision", "conditionNumber", "sigmaMax", "sigmaMin"])
        }
        // Key order as specified, and numbers that read back to the computed Doubles.
        #expect(text.hasPrefix("{\"decomposer\":\"jacobi\",\"results\":[{\"n\":5,\"precision\":\"float\",\"conditionNumber\":"))
        let accurate15 = try #require(study.result(n: 15, method: .accurate))
        // Read back by JSONDecoder: JSONSerialization of swift-corelibs-foundation can misround
        // the 17th significant digit (it read 3.0179152960024566e-21 as …577e-21).
        struct Entry: Decodable { let n: Int; let precision: String; let sigmaMin: Double }
        struct Results: Decodable { let results: [Entry] }
        let decoded = try JSONDecoder().decode(Results.self, from: Data(text.utf8))
        let entry = try #require(decoded.results.first { $0.n == 15 && $0.precision == "accurate" })
        #expect(entry.sigmaMin == accurate15.sigmaMin)
        #expect(text.contains("\"sigmaMin\":\(accurate15.sigmaMin.description)"))
    }

    @Test func reportTeachesWithTheMeasuredNumbers() throws {
        let report = try Exercise4Study(.init()).textReport()
        for phrase in ["4.76607250242561e+05", "1.60262868702169e+13", "6.11656579161984e+20",
                       "ε·κ", "not positive definite for every n from 14 to 40", "Sylvester",
                       "3.0179152960024547637e-21", "orders of magnitude too small", "← best"] {
            #expect(report.contains(phrase), "missing: \(phrase)")
        }
    }

    @Test func plotScriptsAreWrittenWithTheirData() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("Exercise4Tests-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let study = try Exercise4Study(.init(sizes: [5, 22]))
        let figures = study.figures()
        #expect(figures.map(\.name) == ["exercise4-hilbert-condition", "exercise4-hilbert-15-spectrum",
                                        "exercise4-regularization-tradeoff"])
        // Scripts only (no gnuplot run), into the temporary directory.
        let renderer = GnuplotRenderer(executable: nil, defaultDirectory: directory)
        for figure in figures {
            let outcome = try renderer.render(figure)
            #expect(outcome.images.isEmpty)
            #expect(FileManager.default.fileExists(atPath: outcome.script.path))
        }
        let condition = try String(contentsOf: directory.appendingPathComponent("exercise4-hilbert-condition.gp"), encoding: .utf8)
        #expect(condition.contains("set logscale y 10"))
        // The curve runs to max(20, largest size) = 22; the exact series carries the reference.
        #expect(condition.contains("22.0 \(HilbertReference.entry(22)!.conditionNumber.description)"))
        // The 1/ε line of Double.
        #expect(condition.contains("\((1 / Double.ulpOfOne).description)"))
        #expect(condition.contains("title '1/ε Double'"))
        let spectrum = try String(contentsOf: directory.appendingPathComponent("exercise4-hilbert-15-spectrum.gp"), encoding: .utf8)
        let accurate = try #require(study.spectrum15[.accurate])
        #expect(spectrum.contains("15.0 \(accurate[14].description)"))
        let tradeoff = try String(contentsOf: directory.appendingPathComponent("exercise4-regularization-tradeoff.gp"), encoding: .utf8)
        #expect(tradeoff.contains("set multiplot layout 1,2"))
        #expect(tradeoff.contains("title 'bias (exact data)'"))
        // A real render where gnuplot exists (CI installs it).
        if GnuplotRenderer().isAvailable {
            let outcome = try GnuplotRenderer(defaultDirectory: directory).render(figures[0])
            #expect(outcome.images.count == 1)
        }
    }

    @Test func executableRunsEndToEnd() throws {
        // The built `exercise4`, run in a scratch directory of its own.
        let command = try ExerciseCommand("exercise4")
        defer { command.remove() }
        let good = try command.run(["--sizes", "5", "--json", "--no-plots"])
        #expect(good.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(good.standardOutput.utf8)) as? [String: Any]
        #expect((object?["results"] as? [Any])?.count == HilbertMethod.available.count)
        let bad = try command.run(["--sizes", "0,5"])
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("0 is out of range"))
        #expect(bad.standardOutput.isEmpty)
    }
}
