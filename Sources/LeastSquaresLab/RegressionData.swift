import SVDCore

/// A data set to fit: observations of a response and its predictors, the model to fit, and,
/// for NIST's reference data, the certified answer.
///
/// Every number is kept as the decimal numeral it was written as, next to its nearest `Double`:
/// the certified values are those of the decimal data, and the extended-precision residuals of
/// the refinement (see ``RefinedLeastSquares``) read the numerals at their own precision
/// rather than the already rounded `Double`s.
public struct RegressionData: Sendable {
    /// A name for reports: "Longley", or the file name.
    public let name: String
    /// The model y = Σ βⱼ fⱼ(x).
    public let model: LinearModel
    /// The response, one value per observation.
    public let response: DataColumn
    /// The predictors, in the order of `model.predictorNames`.
    public let predictors: [DataColumn]
    /// NIST's certified values, or `nil` for data without them.
    public let certified: CertifiedValues?

    public init(name: String, model: LinearModel, response: DataColumn, predictors: [DataColumn],
                certified: CertifiedValues?) {
        precondition(predictors.count == model.predictorNames.count, "One column per predictor")
        precondition(predictors.allSatisfy { $0.count == response.count }, "Columns of equal length")
        self.name = name
        self.model = model
        self.response = response
        self.predictors = predictors
        self.certified = certified
    }

    /// The number of observations, m.
    public var observationCount: Int { response.count }

    /// The design matrix X (m×n): column j is regressor j at every observation.
    public var designMatrix: Matrix<Double> {
        Matrix(rows: observationCount, columns: model.parameterCount) { i, j in
            model.evaluate(model.terms[j], at: { predictors[$0].values[i] }, one: 1.0, times: *)
        }
    }

    /// The design matrix in extended arithmetic, column-major, computed from the decimal
    /// numerals (so x¹⁰ carries the precision of `E`, not of a rounded `Double`).
    public func extendedDesign<E: ExtendedPrecision>(as _: E.Type) -> [E] {
        let columns = predictors.map { $0.extendedValues(as: E.self) }
        var elements: [E] = []
        elements.reserveCapacity(observationCount * model.parameterCount)
        for term in model.terms {
            for i in 0..<observationCount {
                elements.append(model.evaluate(term, at: { columns[$0][i] }, one: E(1.0), times: *))
            }
        }
        return elements
    }
}

/// One variable's observations: the numerals as written and their nearest `Double`s.
public struct DataColumn: Sendable, Equatable {
    public let name: String
    /// The nearest `Double` to each numeral.
    public let values: [Double]
    /// The numerals as written in the file.
    public let numerals: [String]

    /// A column from numerals already checked to be plain decimal numbers with finite values.
    init(name: String, numerals: [String], values: [Double]) {
        self.name = name
        self.numerals = numerals
        self.values = values
    }

    /// A column of given values (their shortest round-trip numerals stand for the decimals).
    public init(name: String, values: [Double]) {
        precondition(values.allSatisfy(\.isFinite), "Data must be finite")
        self.name = name
        self.values = values
        self.numerals = values.map { $0.description }
    }

    public var count: Int { values.count }

    /// The numerals in extended arithmetic.
    func extendedValues<E: ExtendedPrecision>(as _: E.Type) -> [E] {
        zip(numerals, values).map { numeral, value in E(decimal: numeral[...]) ?? E(value) }
    }
}

/// NIST's certified results for a data set.
public struct CertifiedValues: Sendable, Equatable {
    /// The certified parameter estimates, in the order of the model's parameters.
    public let coefficients: [Double]
    /// Their standard deviations.
    public let standardDeviations: [Double]
    /// The certified residual standard deviation √(‖r‖²/(m − n)).
    public let residualStandardDeviation: Double
    /// The number of significant digits each certified coefficient is written with (15 for
    /// every StRD value): the most digits an LRE can claim.
    public let significantDigits: [Int]

    public init(coefficients: [Double], standardDeviations: [Double], residualStandardDeviation: Double,
                significantDigits: [Int]) {
        self.coefficients = coefficients
        self.standardDeviations = standardDeviations
        self.residualStandardDeviation = residualStandardDeviation
        self.significantDigits = significantDigits
    }
}
