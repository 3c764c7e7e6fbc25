import Foundation
import LabSupport
import SVDCore
import SVDDecomposers

/// A fitted data set with everything the report shows: the fit, its grading against NIST's
/// certified values, and what each lever of the solver contributes.
public struct GradedFit: Sendable {
    public let data: RegressionData
    public let fit: LeastSquaresFit
    /// LRE per coefficient, or `nil` without certified values.
    public let lre: [Double]?
    /// The minimum LRE of each solver variant, in order: plain A⁺b, scaled A⁺b, and refinement
    /// with residuals in each ``ResidualArithmetic`` (empty without certified values).
    public let leverComparison: [(name: String, minimumLRE: Double)]

    /// Fits `data` with residuals in `arithmetic`, the SVD by `decomposer`, and grades the result.
    public init(_ data: RegressionData, residuals arithmetic: ResidualArithmetic = .doubleDouble,
                decomposer: any SingularValueDecomposer = DecomposerRegistry.standard.decomposer) throws(SVDError) {
        let solver = RefinedLeastSquares(decomposer: decomposer)
        let fit = try solver.fit(data, residuals: arithmetic)
        self.data = data
        self.fit = fit
        guard let certified = data.certified else {
            lre = nil
            leverComparison = []
            return
        }
        let grade = { (x: [Double]) in LogRelativeError.of(x, certified: certified).min() ?? 0 }
        lre = LogRelativeError.of(fit.coefficients, certified: certified)
        var comparison = fit.stages.prefix(2).map { ($0.name, grade($0.coefficients)) }
        for variant in ResidualArithmetic.availableCases {
            let refined = variant == arithmetic ? fit : try solver.fit(data, residuals: variant)
            if refined.stages.count > 2, let last = refined.stages.last {
                comparison.append((last.name, grade(last.coefficients)))
            }
        }
        leverComparison = comparison
    }

    /// The minimum LRE over the coefficients (NIST's grade), or `nil` without certified values.
    public var minimumLRE: Double? { lre?.min() }

    /// The residual SD's own LRE against the certified one.
    public var residualSDLRE: Double? {
        guard let certified = data.certified, let sd = fit.residualStandardDeviation else { return nil }
        return LogRelativeError.of(sd, certified: certified.residualStandardDeviation)
    }

    // MARK: - Text

    /// The report for a terminal.
    public var text: String {
        func e(_ x: Double, _ digits: Int) -> String { Format.scientific(x, digits) }
        let m = data.observationCount, n = data.model.parameterCount
        var out: [String] = []
        let source = data.certified == nil ? "Data" : "NIST StRD"
        out.append("━━ \(source): \(data.name) — \(m) observations, \(n) parameter\(n == 1 ? "" : "s")")
        out.append("Model: \(data.model.equation)")
        out.append("""
            Design matrix X (\(m)×\(n)): σ₁ = \(e(fit.designSingularValues.first ?? 0, 3)), \
            σₙ = \(e(fit.designSingularValues.last ?? 0, 3)), κ₂(X) = \(e(fit.conditionNumber, 3)).
            Columns scaled exactly by 2^−k (k = \(fit.columnScaleExponents.map(String.init).joined(separator: ", "))): \
            κ₂(X·D) = \(e(fit.scaledConditionNumber, 3)), the conditioning the solver faces.
            Singular values of X:   \(fit.designSingularValues.map { e($0, 2) }.joined(separator: " "))
            Singular values of X·D: \(fit.scaledSingularValues.map { e($0, 2) }.joined(separator: " "))
            """)
        let cutoff = (fit.scaledSingularValues.first ?? 0) * Double(max(m, n)) * Double.ulpOfOne
        out.append("Numerical rank of X·D: \(fit.rank) of \(n) (singular values above the cut-off "
                   + "σ₁·max(m, n)·ε = \(e(cutoff, 1)) count).")
        if fit.rank < n {
            let why = m < n ? " (\(m) observation\(m == 1 ? "" : "s") for \(n) parameters)" : ""
            let sigma1 = fit.designSingularValues.first ?? 0
            let xCutoff = sigma1 * Double(max(m, n)) * Double.ulpOfOne
            let xRank = fit.designSingularValues.filter { $0 > xCutoff }.count
            out.append("⚠ X·D has numerical rank \(fit.rank) < \(n)\(why): the fit is not unique; shown is the minimum-norm "
                       + "solution A⁺b of X as given, unrefined, with the cut-off σ₁(X)·max(m, n)·ε = \(e(xCutoff, 1)) "
                       + "(rank \(xRank) of X).")
        }
        let accuracy = AccuracyEstimate(fit)

        if let certified = data.certified, let lre {
            var table = TextTable(headers: ["parameter", "estimate", "certified (NIST)", "LRE", "expected"])
            for j in 0..<n {
                table.append([data.model.parameterNames[j], Format.significant(fit.coefficients[j], 15),
                              Format.significant(certified.coefficients[j], 15), Format.fixed(lre[j], 2),
                              Format.fixed(accuracy.coefficientDigits[j], 1)])
            }
            out.append("")
            out.append(table.rendered())
            let goal = ReferenceDatasets.accuracyGoals[data.name].map { ", goal ≥ \(Format.fixed($0, 1))" } ?? ""
            out.append("  minimum LRE \(Format.fixed(minimumLRE ?? 0, 2)) correct digits\(goal)")
            out.append("  LRE = −log₁₀(|estimate − certified| / |certified|): correct significant digits, capped at the "
                       + "\(certified.significantDigits.max() ?? 15) digits NIST certifies, floored at 0.")
        } else {
            var table = TextTable(headers: ["parameter", "term", "estimate", "digits expected"])
            for j in 0..<n {
                table.append([data.model.parameterNames[j], data.model.termDescription(j),
                              Format.significant(fit.coefficients[j], 15), Format.fixed(accuracy.coefficientDigits[j], 1)])
            }
            out.append("")
            out.append(table.rendered())
        }
        var expectation = "Digits to expect of the exact least-squares fit to the numbers as written (normwise): "
            + "SVD alone \(Format.fixed(AccuracyEstimate.digits(accuracy.svdError), 1))"
        if let refined = accuracy.refinedError {
            expectation += ", refined \(Format.fixed(AccuracyEstimate.digits(refined), 1))"
        }
        out.append(expectation + ".")
        out.append(fit.rank < n
            ? "  (from ε·(κ + κ²·‖r‖/(‖X‖·‖β‖)), κ = σ₁/σᵣ of X above the cut-off.)"
            : "  (from ε·(κ + κ²·‖r‖/(‖X·D‖·‖β‖)), κ = κ₂(X·D), and the unit roundoff of the refinement's residuals.)")

        out.append("Residual norm ‖r‖₂ = ‖y − Xβ‖₂ = \(Format.significant(max(fit.residualSumOfSquares, 0).squareRoot(), 15))")
        if let sd = fit.residualStandardDeviation {
            var line = "Residual standard deviation √(‖r‖²/(m − n)) = \(Format.significant(sd, 15))"
            if let certified = data.certified, let sdLRE = residualSDLRE {
                line += " (certified \(Format.significant(certified.residualStandardDeviation, 15)), LRE \(Format.fixed(sdLRE, 2)))"
            }
            out.append(line)
        } else {
            out.append("Residual standard deviation: undefined (m ≤ n, no degrees of freedom)")
        }

        if !leverComparison.isEmpty {
            out.append("")
            out.append("What each lever contributes (minimum LRE over the coefficients):")
            var levers = TextTable(headers: ["solver", "min LRE"])
            for (name, value) in leverComparison { levers.append([name, Format.fixed(value, 2)]) }
            out.append(levers.rendered())
        }
        if !fit.refinementCorrections.isEmpty {
            out.append("Refinement (residuals in \(fit.arithmeticName)): \(fit.refinementCorrections.count) step"
                       + "\(fit.refinementCorrections.count == 1 ? "" : "s"), relative corrections "
                       + fit.refinementCorrections.map { e($0, 1) }.joined(separator: ", "))
        }
        return out.joined(separator: "\n")
    }

    // MARK: - JSON

    /// The `--json` object: `dataset`, `coefficients`, `certified` (null if none), `lre` (null if
    /// no certified values), `minLRE`, `residualSD` (null when m = n).
    public var json: JSON {
        .object([
            ("dataset", .string(data.name)),
            ("coefficients", .numbers(fit.coefficients)),
            ("certified", data.certified.map { .numbers($0.coefficients) } ?? .null),
            ("lre", lre.map { .numbers($0) } ?? .null),
            ("minLRE", minimumLRE.map { .number($0) } ?? .null),
            ("residualSD", fit.residualStandardDeviation.map { .number($0) } ?? .null),
        ])
    }
}

extension ResidualArithmetic {
    /// The arithmetics this platform has (no `Float80` on arm64).
    public static var availableCases: [ResidualArithmetic] {
        #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
        return allCases
        #else
        return allCases.filter { $0 != .float80 }
        #endif
    }
}
