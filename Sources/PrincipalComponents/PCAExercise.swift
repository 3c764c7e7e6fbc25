import LabSupport
import Plotting
import SVDCore
import SVDDecomposers

/// Exercise 1 from options to results: what `swift run exercise1` does, minus printing and
/// drawing, so that tests can run it end to end.
public struct PCAExercise: Sendable {
    /// The command-line options.
    public struct Options: Sendable {
        /// A CSV file, or `nil` for the built-in iris data.
        public var dataPath: String?
        /// The class column, or `nil` (`species` for iris).
        public var labelColumn: String?
        /// Scale the centred columns to unit variance.
        public var standardize: Bool
        /// k, the number of components kept; `nil` for 2, or 1 when the data have only one.
        public var components: Int?
        /// The SVD algorithm.
        public var decomposer: NamedDecomposer

        public init(dataPath: String? = nil, labelColumn: String? = nil, standardize: Bool = false,
                    components: Int? = nil, decomposer: NamedDecomposer = DecomposerRegistry.standard) {
            self.dataPath = dataPath
            self.labelColumn = labelColumn
            self.standardize = standardize
            self.components = components
            self.decomposer = decomposer
        }
    }

    public let table: DataTable
    public let analysis: PrincipalComponentAnalysis
    public let consistency: PCAConsistency
    /// The stem of the figures' file names: "iris" or the data file's name.
    public let stem: String

    /// The most numeric columns accepted. The report checks the SVD against the eigendecomposition
    /// of the p×p covariance, whose cost grows like p³ (measured on 5 rows, debug build: 50
    /// columns 0.3 s, 100 columns 2.2 s, 200 columns 27 s), and the covariance takes 8p² bytes.
    public static let largestVariableCount = 100

    /// Reads the data and computes everything.
    ///
    /// - Throws: `UserFacingError` with a one-line message (file, line and column for CSV
    ///   problems); `TaskNotImplemented` when a step of tasks E1.1–E1.3 is still a stub.
    public init(_ options: Options) throws {
        if let path = options.dataPath {
            let text = try readTextFile(path)
            do {
                table = try CSVTableReader.read(text, source: path, labelColumn: options.labelColumn)
            } catch {
                throw UserFacingError("\(path): \(error)")
            }
        } else {
            table = try Iris.table(labelColumn: options.labelColumn ?? Iris.labelColumn)
        }
        let name = options.dataPath ?? "iris"
        let variables = table.variableNames.count
        guard variables <= Self.largestVariableCount else {
            throw UserFacingError("\(name): \(variables) numeric columns; this exercise analyses at most "
                                  + "\(Self.largestVariableCount) (its covariance check costs p³: 100 columns take 2 s, 200 "
                                  + "half a minute); choose the columns to analyse")
        }
        let available = min(table.values.rows, variables)
        do {
            analysis = try PrincipalComponentAnalysis(data: table.values, standardize: options.standardize,
                                                      components: options.components ?? min(2, available),
                                                      variableNames: table.variableNames,
                                                      decomposer: options.decomposer)
            consistency = try PCAConsistency(analysis)
        } catch let PCAError.notImplemented(missing) {
            // In the student version: a task's stub; the command says which (see `PendingTasks`).
            throw missing
        } catch let error as PCAError {
            throw UserFacingError("\(options.dataPath ?? "iris"): \(error)")
        } catch {
            throw UserFacingError("\(options.dataPath ?? "iris"): the covariance eigensolver failed: \(error)")
        }
        stem = PCAFigures.datasetStem(forPath: options.dataPath)
    }

    /// The text report.
    public var report: String {
        PCAReport(table: table, analysis: analysis, consistency: consistency).text
    }

    /// The `--json` object.
    public var json: JSON { analysis.json }

    /// The scree, score and loading figures.
    public var figures: [Figure] { PCAFigures.figures(table: table, analysis: analysis, stem: stem) }
}
