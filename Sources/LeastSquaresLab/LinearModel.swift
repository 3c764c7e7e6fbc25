/// A model that is linear in its parameters: y = Σⱼ βⱼ·fⱼ(x) + e, where each regressor fⱼ is the
/// constant 1 or a power of one predictor variable.
///
/// That covers every model of NIST's linear least-squares reference data: a straight line
/// (y = B0 + B1·x), polynomials up to degree 10 (Filip: y = B0 + B1·x + … + B10·x¹⁰), several
/// predictors (Longley: y = B0 + B1·x1 + … + B6·x6) and lines through the origin (NoInt1,
/// NoInt2: y = B1·x). Column j of the design matrix X holds fⱼ evaluated at every observation,
/// and least squares chooses β to minimize ‖Xβ − y‖₂.
public struct LinearModel: Sendable, Equatable {
    /// One regressor, that is, one column of the design matrix.
    public enum Term: Sendable, Equatable {
        /// The constant 1 (the intercept's column).
        case constant
        /// xₚ^exponent for predictor p (zero-based), exponent ≥ 1.
        case power(predictor: Int, exponent: Int)
    }

    /// The regressors, in the order of the parameters.
    public let terms: [Term]
    /// The parameters' names, one per term ("B0", "B1", …).
    public let parameterNames: [String]
    /// The predictor variables' names ("x", or "x1" … "x6").
    public let predictorNames: [String]
    /// The response variable's name ("y").
    public let responseName: String

    public init(terms: [Term], parameterNames: [String], predictorNames: [String], responseName: String) {
        precondition(terms.count == parameterNames.count, "One name per term")
        self.terms = terms
        self.parameterNames = parameterNames
        self.predictorNames = predictorNames
        self.responseName = responseName
    }

    /// y = B0 + B1·x + … + Bd·x^d in one predictor `x`.
    public static func polynomial(degree: Int, predictor: String = "x", response: String = "y") -> LinearModel {
        precondition(degree >= 0, "A polynomial's degree is at least 0")
        let terms: [Term] = [.constant] + (0..<degree).map { .power(predictor: 0, exponent: $0 + 1) }
        return LinearModel(terms: terms, parameterNames: (0...degree).map { "B\($0)" },
                           predictorNames: [predictor], responseName: response)
    }

    /// y = B0 + B1·x₁ + … + Bₚ·xₚ (or, without the intercept, y = B1·x₁ + … + Bₚ·xₚ) in the
    /// predictors `predictors`, each to the first power: NIST's names for the parameters, as in
    /// Longley (with the intercept) and NoInt1 (without).
    public static func linear(predictors: [String], response: String, intercept: Bool = true) -> LinearModel {
        let powers = predictors.indices.map { Term.power(predictor: $0, exponent: 1) }
        let terms = (intercept ? [.constant] : []) + powers
        let names = (intercept ? ["B0"] : []) + predictors.indices.map { "B\($0 + 1)" }
        return LinearModel(terms: terms, parameterNames: names, predictorNames: predictors, responseName: response)
    }

    /// What parameter j multiplies, for a report: "intercept", the predictor's name, or "x**2".
    public func termDescription(_ j: Int) -> String {
        switch terms[j] {
        case .constant: return "intercept"
        case .power(let p, 1): return predictorNames[p]
        case .power(let p, let k): return "\(predictorNames[p])**\(k)"
        }
    }

    /// The number of parameters, n.
    public var parameterCount: Int { terms.count }

    /// The degree d when the model is a complete polynomial B0 + B1·x + … + Bd·x^d in a single
    /// predictor, as Norris, Pontius, Filip and Wampler are; `nil` otherwise (several predictors,
    /// or no intercept as in NoInt1: y = B1·x).
    public var polynomialDegree: Int? {
        guard predictorNames.count == 1, terms.first == .constant else { return nil }
        for (index, term) in terms.enumerated().dropFirst() where term != .power(predictor: 0, exponent: index) {
            return nil
        }
        return terms.count - 1
    }

    /// The model written out, as NIST writes it: "y = B0 + B1*x + B2*(x**2) + e".
    public var equation: String {
        let parts = zip(terms, parameterNames).map { term, name -> String in
            switch term {
            case .constant: return name
            case .power(let p, 1): return "\(name)*\(predictorNames[p])"
            case .power(let p, let k): return "\(name)*(\(predictorNames[p])**\(k))"
            }
        }
        return "\(responseName) = " + parts.joined(separator: " + ") + " + e"
    }

    /// The value of a regressor at one observation, in any arithmetic: powers by repeated
    /// multiplication (at most 10 factors here, so the rounding error is at most 9 units of the
    /// arithmetic's roundoff).
    func evaluate<T>(_ term: Term, at predictors: (Int) -> T, one: T, times: (T, T) -> T) -> T {
        switch term {
        case .constant: return one
        case .power(let p, let k):
            let x = predictors(p)
            var value = x
            for _ in 1..<k { value = times(value, x) }
            return value
        }
    }
}
