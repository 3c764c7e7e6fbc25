import Foundation
import LabSupport
import Plotting
import SVDCore
import SVDDecomposers

/// What `exercise3` does, as a library function the tests can call.
public enum LeastSquaresExercise {
    /// The command line's choices.
    public struct Options: Sendable {
        /// A data file: `.csv` for (x, y) pairs (needs `degree`), anything else an StRD file.
        public var dataPath: String?
        /// A bundled NIST data set by name.
        public var datasetName: String?
        /// The polynomial degree for a CSV file of two columns x, y.
        public var degree: Int?
        /// The response column (name or 1-based number) of a CSV file with a header: every other
        /// column is a predictor of a linear model.
        public var response: String?
        /// Whether that linear model has an intercept B0 (`--no-intercept` clears it).
        public var intercept = true
        /// Grade all eleven bundled data sets in one table.
        public var allReferenceSets = false
        /// The arithmetic of the refinement's residuals.
        public var residuals: ResidualArithmetic = .doubleDouble
        /// One JSON object instead of the report.
        public var json = false
        /// ‖r‖ of the overdetermined demonstration (section 1): how far b is from col(A).
        public var residualSize = 1e-6
        /// The SVD algorithm of every fit and regime.
        public var decomposer: NamedDecomposer

        public init(dataPath: String? = nil, datasetName: String? = nil, degree: Int? = nil,
                    response: String? = nil, intercept: Bool = true, allReferenceSets: Bool = false, residuals: ResidualArithmetic = .doubleDouble, json: Bool = false,
                    decomposer: NamedDecomposer = DecomposerRegistry.standard) {
            self.decomposer = decomposer
            self.dataPath = dataPath
            self.datasetName = datasetName
            self.degree = degree
            self.response = response
            self.intercept = intercept
            self.allReferenceSets = allReferenceSets
            self.residuals = residuals
            self.json = json
        }

        /// The default run: the three regimes, then Longley.
        public var showsRegimes: Bool { dataPath == nil && datasetName == nil && !allReferenceSets }
    }

    /// The text to print and the figures to draw.
    public struct Output: Sendable {
        public let text: String
        public let figures: [Figure]
    }

    /// Refuses a fit whose coefficients or residual are not finite numbers. Data near the end of
    /// Double's range (values around 1e308, or x^d beyond it) overflow in the sums of squares and
    /// products of the refinement; a NaN printed with exit status 0 would be a silent wrong answer.
    static func checkFinite(_ graded: GradedFit) throws {
        let sd = graded.fit.residualStandardDeviation ?? 0
        // ‖r‖² too: with m ≤ n there is no residual SD to catch its overflow.
        guard graded.fit.coefficients.allSatisfy(\.isFinite), sd.isFinite, graded.fit.residualSumOfSquares.isFinite else {
            throw UserFacingError("\(graded.data.name): the fit overflows Double (its values or their powers are too "
                                  + "close to 1.8e308); divide the data by a power of ten and fit again")
        }
    }

    /// The name of the data set shown when none is chosen.
    public static let defaultDataset = "Longley"

    /// Runs the exercise. Errors are one-line, user-facing (`DataFileError`, `UserFacingError`).
    public static func run(_ options: Options) throws -> Output {
        if options.allReferenceSets { return try referenceTable(options) }
        let data = try loadData(options)
        let graded: GradedFit
        let decomposer = options.decomposer.decomposer
        do { graded = try GradedFit(data, residuals: options.residuals, decomposer: decomposer) } catch {
            throw UserFacingError("\(data.name): \(error)")
        }
        try checkFinite(graded)
        if options.json {
            return Output(text: DecomposerOption.tagging(graded.json, with: options.decomposer).rendered(), figures: [])
        }
        var sections = ["SVD by \(options.decomposer.label) (choose another with --decomposer NAME)", ""]
        var figures: [Figure] = []
        if options.showsRegimes {
            // In the student version these call the tasks E3.1–E3.3; until they are done, a note.
            var pending = PendingTasks()
            let over = try pending.attempt {
                try OverdeterminedRegime(residualSize: options.residualSize, decomposer: decomposer)
            }
            let under = try pending.attempt { try UnderdeterminedRegime(decomposer: decomposer) }
            let deficient = try pending.attempt { try RankDeficientRegime(decomposer: decomposer) }
            let studies = try pending.attempt {
                (small: try DigitsLostStudy(residualSize: 1e-6, decomposer: decomposer),
                 large: try DigitsLostStudy(residualSize: 1, decomposer: decomposer))
            }
            if let over, let under, let deficient, let studies {
                sections.append(RegimesReport.text(over, under, deficient))
                figures = RegimeFigures.figures(small: studies.small, large: studies.large,
                                                underdetermined: under, rankDeficient: deficient)
            } else {
                sections.append(pending.note("1–3. The three regimes"))
            }
            let subspaces = try FourSubspacesPicture(decomposer: decomposer)
            sections.append("")
            sections.append(subspaces.text)
            figures.append(RegimeFigures.fourSubspaces(subspaces))
            sections.append("")
            sections.append("━━ 4. Real data with certified answers (choose another with --dataset NAME or --data FILE)")
        }
        sections.append(graded.text)
        return Output(text: sections.joined(separator: "\n"), figures: figures + FitFigures.figures(for: graded))
    }

    /// The data the options name.
    static func loadData(_ options: Options) throws -> RegressionData {
        if let path = options.dataPath {
            if let response = options.response {
                guard options.degree == nil else {
                    throw UserFacingError("--response and --degree exclude each other: --degree fits a polynomial to two columns x,y")
                }
                return try RegressionCSV.load(path: path, response: response, intercept: options.intercept)
            }
            guard options.intercept else { throw UserFacingError("--no-intercept applies to --response COLUMN") }
            if path.lowercased().hasSuffix(".csv") {
                guard let degree = options.degree else {
                    throw UserFacingError("\(path): a CSV file needs --response COLUMN (a linear fit in the other columns) "
                                          + "or, for two columns x,y, --degree d (a polynomial)")
                }
                return try PolynomialCSV.load(path: path, degree: degree)
            }
            guard options.degree == nil else {
                throw UserFacingError("--degree applies to CSV files; an StRD file states its own model")
            }
            return try StRDParser.load(path: path)
        }
        return try ReferenceDatasets.load(options.datasetName ?? defaultDataset)
    }

    /// All eleven reference sets: min LRE against the goal, beside the plain A⁺b.
    static func referenceTable(_ options: Options) throws -> Output {
        var graded: [GradedFit] = []
        for name in ReferenceDatasets.names {
            let data = try ReferenceDatasets.load(name)
            do { graded.append(try GradedFit(data, residuals: options.residuals,
                                             decomposer: options.decomposer.decomposer)) } catch {
                throw UserFacingError("\(name): \(error)")
            }
        }
        if options.json {
            return Output(text: JSON.object([("decomposer", .string(options.decomposer.name)),
                                             ("datasets", .array(graded.map(\.json)))]).rendered(), figures: [])
        }
        var table = TextTable(headers: ["data set", "n", "κ₂(X)", "κ₂(X·D)", "plain A⁺b", "this solver", "goal"])
        for g in graded {
            table.append([g.data.name, "\(g.data.model.parameterCount)", Format.scientific(g.fit.conditionNumber, 1),
                          Format.scientific(g.fit.scaledConditionNumber, 1),
                          Format.fixed(g.leverComparison.first?.minimumLRE ?? 0, 2), Format.fixed(g.minimumLRE ?? 0, 2),
                          Format.fixed(ReferenceDatasets.accuracyGoals[g.data.name] ?? 0, 1)])
        }
        let text = """
            NIST StRD linear least squares: minimum LRE (correct significant digits) over the coefficients
            \(table.rendered())
              plain A⁺b: the SVD of X as given, in Double. this solver: exact column scaling, SVD,
              refinement of the augmented system with residuals in \(options.residuals.rawValue).
              SVD by \(options.decomposer.label).
              LRE capped at 15, the digits NIST certifies.
            """
        return Output(text: text, figures: [])
    }
}
