import Foundation
import LabSupport
import Plotting
import PropertyBased
import SVDCore
import Testing
@testable import PrincipalComponents

/// Grades Exercise 1: PCA through the SVD of the centred data.
///
/// Tolerances are c·ε·(dimension)·(scale of the data), with the reasoning next to each; reference
/// figures say where they come from.
@Suite struct Exercise1Tests {
    let epsilon = Double.ulpOfOne

    // MARK: - Iris against independent references

    /// Reference: computed independently with numpy (`np.linalg.svd` of the centred data) and
    /// scikit-learn (`PCA().fit(iris).explained_variance_ratio_`), as quoted in the data's
    /// README. The ratios are given to 10 decimal places, so they are good to half a unit in the
    /// 10th place (absolute 5·10⁻¹¹); the singular values to 10 significant digits (relative
    /// 5·10⁻¹⁰).
    @Test func irisMatchesNumpyAndScikitLearn() throws {
        let table = try Iris.table()
        #expect(table.values.rows == 150 && table.values.columns == 4)
        #expect(table.variableNames == ["sepal_length", "sepal_width", "petal_length", "petal_width"])
        #expect(table.classCounts.map(\.label) == ["setosa", "versicolor", "virginica"])
        #expect(table.classCounts.map(\.count) == [50, 50, 50])

        let pca = try PrincipalComponentAnalysis(data: table.values)
        let ratios = [0.9246187232, 0.0530664831, 0.0171026098, 0.0052121839]
        let sigmas = [25.09996044, 6.013147382, 3.413680639, 1.884523508]
        expectAgree(pca.explainedVarianceRatio, ratios, absolute: 5e-11)
        expectAgree(pca.singularValues, sigmas, relative: 5e-10)
    }

    /// Reference: numpy, `np.linalg.svd((A − mean)/A.std(axis=0))` (std with divisor n, as
    /// scikit-learn's StandardScaler), printed to 10 significant digits during development.
    @Test func standardizedIrisMatchesNumpy() throws {
        let pca = try PrincipalComponentAnalysis(data: try Iris.table().values, standardize: true)
        expectAgree(pca.singularValues, [20.92306556, 11.7091661, 4.691857983, 1.762732386], relative: 5e-10)
        expectAgree(pca.explainedVarianceRatio, [0.7296244541, 0.2285076179, 0.03668921889, 0.005178709107],
                    relative: 5e-10)
    }

    /// The variances σᵢ²/n add up to the total variance, and the n−1 versions differ by n/(n−1).
    @Test func variancesSumToTheTotalAndTheDivisorIsStated() throws {
        let table = try Iris.table()
        let pca = try PrincipalComponentAnalysis(data: table.values)
        let n = Double(pca.rows)
        // Total variance straight from the columns: Σⱼ Σᵢ (aᵢⱼ − μⱼ)²/n.
        let direct = (0..<pca.columns).map { j -> Double in
            let column = table.values.column(j)
            let mean = column.reduce(0, +) / n
            return column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        }.reduce(0, +)
        // Both sums are of n·p non-negative terms: relative error ≤ (n + p)·ε each.
        #expect(abs(pca.totalVariance - direct) <= 4 * (n + 4) * epsilon * direct)
        for (v, s) in zip(pca.variances, pca.sampleVariances) {
            #expect(abs(s - v * n / (n - 1)) <= 4 * epsilon * s)
        }
        let last = try #require(pca.cumulativeExplainedVarianceRatio.last)
        #expect(abs(last - 1) <= 4 * 4 * epsilon)
    }

    /// The sign convention: in each principal direction the entry of largest magnitude is positive.
    @Test func directionsFollowTheSignConvention() throws {
        let pca = try PrincipalComponentAnalysis(data: try Iris.table().values, components: 4)
        for i in 0..<pca.directions.columns {
            let v = pca.directions.column(i)
            let largest = try #require(v.max { abs($0) < abs($1) })
            #expect(largest > 0, "v\(i + 1) = \(v)")
        }
        #expect(pca.directions.orthogonalityError <= 4 * 4 * epsilon)
    }

    // MARK: - The identities of PCA

    /// Z = X·V_k = U_k·Σ_k: column i is X·vᵢ = σᵢ·uᵢ. Each entry of X·vᵢ is a p-term dot product
    /// (error ≤ p·ε·‖X‖₂), and the SVD's residual ‖X·vᵢ − σᵢuᵢ‖ is a small multiple of
    /// max(n, p)·ε·σ₁: the bound 8·(n + p)·ε·σ₁ covers both.
    @Test(arguments: [1, 2, 3, 4]) func scoresTwoWaysAgreeOnIris(k: Int) throws {
        let pca = try PrincipalComponentAnalysis(data: try Iris.table().values, components: k)
        let checks = try PCAConsistency(pca)
        let bound = 8 * Double(pca.rows + pca.columns) * epsilon * pca.singularValues[0]
        #expect(checks.scoresDifference <= bound)
        #expect(pca.scores.rows == 150 && pca.scores.columns == k)
    }

    /// The eigendecomposition of C = XᵀX/n gives λᵢ = σᵢ²/n and eigenvectors ±vᵢ.
    /// Forming XᵀX errs by at most n·ε·|X|ᵀ|X| entrywise, whose 2-norm is ≤ n·ε·‖X‖²_F; the
    /// Jacobi eigensolver adds c·p·ε·‖C‖. Hence |λᵢ − σᵢ²/n| ≤ 4·(n + p)·ε·‖X‖²_F/n, and an
    /// eigenvector turns by at most that error over the gap to the nearest other eigenvalue.
    @Test func covarianceEigendecompositionAgrees() throws {
        for standardize in [false, true] {
            let pca = try PrincipalComponentAnalysis(data: try Iris.table().values, standardize: standardize)
            let checks = try PCAConsistency(pca)
            let n = Double(pca.rows), p = Double(pca.columns)
            let scale = pca.centered.frobeniusNorm * pca.centered.frobeniusNorm / n
            let bound = 4 * (n + p) * epsilon * scale
            #expect(checks.eigenvalueDifferences.count == 4)
            for i in 0..<4 {
                #expect(checks.eigenvalueDifferences[i] <= bound)
                #expect(checks.eigenvectorAngles[i] <= bound / checks.varianceGaps[i])
            }
        }
    }

    /// The line angle measures lines, not vectors, and resolves tiny angles.
    @Test func lineAngleIsSignFreeAndAccurate() {
        let theta = 1e-12
        let a = [1.0, 0.0], b = [cos(theta), sin(theta)]
        #expect(abs(lineAngle(a, b) - theta) <= 4 * epsilon * theta + 4 * epsilon * epsilon)
        #expect(abs(lineAngle(a, b.map { -$0 }) - theta) <= 4 * epsilon * theta + 4 * epsilon * epsilon)
        #expect(abs(lineAngle([1, 0], [0, 1]) - Double.pi / 2) <= 4 * epsilon)
    }

    /// Eckart–Young as a property: for random data of random shape, with columns of very
    /// different scales, the variance left out by k components, Σ_{i>k} σᵢ²/n, equals
    /// ‖X − X_k‖²_F/n. The matrix route computes ‖X − X_k‖_F with an absolute error of a small
    /// multiple of (n + p)·ε·‖X‖_F, so its square errs by twice that times ‖X‖_F.
    @Test func varianceLeftOutIsTheSquaredEckartYoungError() async {
        let shapes = zip(Gen.int(in: 2...12), Gen.int(in: 1...6), Gen.int(in: 0...5))
        let entries = Gen.double(in: -10...10).array(of: 72)
        let exponents = Gen.int(in: -3...3).array(of: 6)
        await propertyCheck(count: 200, input: shapes, entries, exponents) { shape, entries, exponents in
            let (n, p, kChoice) = shape
            let data = Matrix<Double>(rows: n, columns: p) { i, j in
                entries[i + j * n] * pow(10, Double(exponents[j]))
            }
            let k = 1 + kChoice % min(n, p)
            guard let pca = try? PrincipalComponentAnalysis(data: data, components: k) else {
                // Only all-constant data may be refused, and random doubles are not constant.
                Issue.record("PCA refused \(n)×\(p) random data")
                return
            }
            let checks = try PCAConsistency(pca)
            let normSquared = pca.centered.frobeniusNorm * pca.centered.frobeniusNorm / Double(n)
            let bound = 8 * Double(n + p) * epsilon * normSquared
            #expect(abs(checks.varianceLeftOut - checks.squaredApproximationError) <= bound,
                    "\(n)×\(p), k = \(k)")
            // And the kept and left-out variances add up to the total.
            let kept = pca.variances.prefix(k).reduce(0, +)
            #expect(abs(kept + checks.varianceLeftOut - pca.totalVariance) <= bound)
        }
    }

    /// After --standardize every column of X has mean 0 and variance Σxᵢ²/n = 1 (divisor n).
    /// Subtracting the mean μⱼ rounds each entry by ε·|aᵢⱼ|, which after division by sⱼ is
    /// ε·|aᵢⱼ|/sⱼ: a column far from zero relative to its spread is centred less accurately
    /// (that is the conditioning of centring). With the n-term sums: c·n·ε·max|aⱼ|/sⱼ.
    @Test func standardizeGivesUnitVarianceColumns() async throws {
        let pca = try PrincipalComponentAnalysis(data: try Iris.table().values, standardize: true)
        expectUnitColumns(pca)
        // The same for random data whose columns have scales 10⁻³ … 10³ and offsets.
        let entries = Gen.double(in: -10...10).array(of: 60)
        await propertyCheck(count: 100, input: Gen.int(in: 2...10), Gen.int(in: 1...6), entries) { n, p, entries in
            let data = Matrix<Double>(rows: n, columns: p) { i, j in
                entries[i + j * n] * pow(10, Double(j - 3)) + Double(100 * j)
            }
            let pca = try PrincipalComponentAnalysis(data: data, standardize: true, components: 1)
            expectUnitColumns(pca)
        }
    }

    /// Standardizing removes the units, so iris in units 10³⁰⁶ times larger or 10³⁰⁰ times
    /// smaller has the same spectrum. Without the exact power-of-two prescaling of each column,
    /// the column sums of the first would overflow to ∞. Tolerance: the rounding of reading the
    /// scaled data (one ε per entry) passed through the n-term sums, c·n·ε relative.
    @Test(arguments: [1e306, 1e-300]) func standardizingIsIndependentOfUnits(unit: Double) throws {
        let iris = try Iris.table().values
        let reference = try PrincipalComponentAnalysis(data: iris, standardize: true)
        let scaled = try PrincipalComponentAnalysis(data: unit * iris, standardize: true)
        expectAgree(scaled.singularValues, reference.singularValues, relative: 4 * 150 * epsilon)
        expectAgree(scaled.means, iris.columnMeans.map { $0 * unit }, relative: 4 * 150 * epsilon)
    }

    /// Without scaling, variances of data in units of 10^±300 are beyond the range of a Double
    /// (σ² overflows or underflows): refused with a message, never printed as ∞, 0 or NaN.
    @Test(arguments: [1e306, 1e-300]) func unrepresentableVariancesAreRefused(unit: Double) throws {
        let iris = try Iris.table().values
        #expect(throws: PCAError.self) { try PrincipalComponentAnalysis(data: unit * iris) }
        do {
            _ = try PrincipalComponentAnalysis(data: unit * iris)
        } catch {
            guard case .varianceOutOfRange = error else {
                Issue.record("expected varianceOutOfRange, got \(error)")
                return
            }
        }
    }

    @Test func constantColumnsAreRefusedWhereTheyMatter() throws {
        let data = try Matrix<Double>(rows: [[1, 0.1], [2, 0.1], [3, 0.1]])
        // Centring alone is fine: the constant column is a direction of zero variance.
        let pca = try PrincipalComponentAnalysis(data: data, components: 2)
        #expect(pca.explainedVarianceRatio[1] == 0 || pca.explainedVarianceRatio[1] < 4 * 3 * epsilon)
        #expect(throws: PCAError.constantColumn(name: "b")) {
            try PrincipalComponentAnalysis(data: data, standardize: true, variableNames: ["a", "b"])
        }
        let flat = try Matrix<Double>(rows: [[5, 7], [5, 7]])
        #expect(throws: PCAError.noVariance) { try PrincipalComponentAnalysis(data: flat, components: 1) }
        #expect(throws: PCAError.tooFewRows(found: 1)) {
            try PrincipalComponentAnalysis(data: try Matrix<Double>(rows: [[1, 2]]), components: 1)
        }
        let iris = try Iris.table().values
        #expect(throws: PCAError.componentsOutOfRange(requested: 5, available: 4)) {
            try PrincipalComponentAnalysis(data: iris, components: 5)
        }
        #expect(throws: PCAError.componentsOutOfRange(requested: 0, available: 4)) {
            try PrincipalComponentAnalysis(data: iris, components: 0)
        }
    }

    // MARK: - CSV

    @Test func csvWithQuotesSpacesCRLFAndBOMIsRead() throws {
        let text = "\u{FEFF}\"height, cm\", weight ,\"group\"\r\n1.5, 2,\"a, \"\"first\"\"\"\r\n\r\n"
            + "  2.5 ,3e0, b\r\n\"3\",4,\"multi\nline\"\n"
        let table = try CSVTableReader.read(text, source: "t", labelColumn: "group")
        #expect(table.variableNames == ["height, cm", "weight"])
        #expect(table.values.rowArrays == [[1.5, 2], [2.5, 3], [3, 4]])
        #expect(table.labels == ["a, \"first\"", "b", "multi\nline"])
    }

    @Test func csvErrorsNameTheLineAndColumn() {
        func error(_ text: String, label: String? = nil) -> CSVError? {
            do { _ = try CSVTableReader.read(text, source: "t", labelColumn: label); return nil } catch {
                return error
            }
        }
        #expect(error("") == .empty)
        #expect(error("\n \n") == .empty)
        #expect(error("a,b\n1,2\n") == .tooFewRows(found: 1, needed: 2))
        #expect(error("a,b\n") == .tooFewRows(found: 0, needed: 2))
        #expect(error("a,b\n1,2\n3\n") == .raggedRow(line: 3, expected: 2, found: 1))
        #expect(error("a,b\n1,2\n3,4,5\n") == .raggedRow(line: 3, expected: 2, found: 3))
        #expect(error("a,b\n1,2\n\n3,x\n") == .notANumber(line: 4, column: "b", text: "x"))
        #expect(error("a,b\n1,2\n3,nan\n") == .nonFiniteValue(line: 3, column: "b", text: "nan"))
        #expect(error("a,b\n1,inf\n3,4\n") == .nonFiniteValue(line: 2, column: "b", text: "inf"))
        #expect(error("a,b\n1,1e400\n3,4\n") == .nonFiniteValue(line: 2, column: "b", text: "1e400"))
        #expect(error("a,b\n1,\n3,4\n") == .missingValue(line: 2, column: "b"))
        #expect(error("a,b\n1,\"2\n3,4\n") == .unterminatedQuote(line: 2))
        #expect(error("a,,c\n1,2,3\n4,5,6\n") == .emptyColumnName(line: 1, position: 2))
        #expect(error("a,a\n1,2\n3,4\n") == .duplicateColumnName(line: 1, name: "a"))
        #expect(error("a,b\n1,2\n3,4\n", label: "c") == .unknownLabelColumn(name: "c", available: ["a", "b"]))
        #expect(error("a\nx\ny\n", label: "a") == .noNumericColumns)
        // A record spanning lines is reported at the line where it starts.
        #expect(error("a,b\n\"1\n\",2\n3,4,5\n") == .notANumber(line: 2, column: "a", text: "1\n"))
        // Every message names the line.
        #expect(CSVError.raggedRow(line: 7, expected: 4, found: 3).description.hasPrefix("line 7:"))
        #expect(CSVError.notANumber(line: 9, column: "x", text: "abc").description.hasPrefix("line 9, column 'x'"))
    }

    /// The command's logic end to end on files: each bad input gives one line naming the file.
    @Test func badFilesGiveOneLineErrors() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("Exercise1Tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func message(_ contents: String?, name: String = "data.csv",
                     options: (String) -> PCAExercise.Options = { PCAExercise.Options(dataPath: $0) }) throws -> String {
            let path = directory.appendingPathComponent(name).path
            if let contents { try contents.write(toFile: path, atomically: true, encoding: .utf8) }
            do {
                _ = try PCAExercise(options(path))
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        let missing = try message(nil, name: "missing.csv")
        #expect(missing.contains("missing.csv") && missing.contains("no such file"))
        let ragged = try message("a,b\n1,2\n3\n")
        #expect(ragged.hasSuffix("data.csv: line 3: 1 field where the header has 2"))
        let text = try message("a,b,kind\n1,2,x\n3,4,y\n")
        #expect(text.contains("line 2, column 'kind': 'x' is not a number"))
        let labelled = try message("a,b,kind\n1,2,x\n3,5,y\n") { PCAExercise.Options(dataPath: $0, labelColumn: "kind") }
        #expect(labelled == "no error")
        let tooMany = try message("a,b\n1,2\n3,5\n4,4\n") { PCAExercise.Options(dataPath: $0, components: 3) }
        #expect(tooMany.contains("--components must be between 1 and 2"))
        let empty = try message("")
        #expect(empty.contains("the file is empty"))
        for text in [missing, ragged, text, tooMany, empty] { #expect(!text.contains("\n")) }
    }

    // MARK: - Output

    @Test(arguments: [1, 2, 3]) func jsonHasExactlyTheKeysAndShapes(k: Int) throws {
        let exercise = try PCAExercise(.init(components: k))
        let text = exercise.json.rendered()
        // Key order is part of the contract; JSONSerialization forgets it, so read it from the text.
        let keys = ["decomposer", "rows", "columns", "singularValues", "explainedVarianceRatio", "components", "projection"]
        let positions = keys.map { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())

        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(keys))
        #expect(object["rows"] as? Int == 150)
        #expect(object["columns"] as? Int == 4)
        // Numbers are compared as text: Foundation's JSONSerialization on Linux misreads some
        // 17-digit numbers by an ulp, while the text carries the shortest round-trip digits.
        let pca = exercise.analysis
        #expect(text.contains("\"singularValues\":" + JSON.numbers(pca.singularValues).rendered()))
        #expect(pca.singularValues.map { Double($0.description) } == pca.singularValues)
        #expect((object["singularValues"] as? [Double])?.count == 4)
        #expect((object["explainedVarianceRatio"] as? [Double])?.count == 4)
        let components = try #require(object["components"] as? [[Double]])
        #expect(components.count == k)
        #expect(components.allSatisfy { $0.count == 4 })
        let expectedComponents = JSON.array((0..<k).map { JSON.numbers(pca.directions.column($0)) })
        #expect(text.contains("\"components\":" + expectedComponents.rendered()))
        let projection = try #require(object["projection"] as? [[Double]])
        #expect(projection.count == 150)
        #expect(projection.allSatisfy { $0.count == 2 })
        let firstRow = JSON.numbers(pca.scores(components: 2).row(0)).rendered()
        #expect(text.contains("\"projection\":[" + firstRow + ","))
    }

    @Test func reportShowsTheTeachingPoints() throws {
        let report = try PCAExercise(.init()).report
        for phrase in ["0.9246187232", "25.09996044", "n − 1", "X·V_k − U_k·Σ_k", "C = XᵀX/n",
                       "‖X − X_k‖²_F / n", "largest magnitude", "setosa"] {
            #expect(report.contains(phrase), "missing: \(phrase)")
        }
    }

    @Test func figuresAreValidAndNamedForTheData() throws {
        let exercise = try PCAExercise(.init(components: 3))
        let figures = exercise.figures
        #expect(figures.map(\.name) == ["exercise1-iris-scree", "exercise1-iris-pc1-pc2", "exercise1-iris-loadings"])
        for figure in figures { _ = try GnuplotScript(figure) }
        // One scatter series per species.
        #expect(figures[1].panels[0].series.map(\.title) == ["setosa", "versicolor", "virginica"])
        #expect(figures[2].panels.count == 3)
        #expect(PCAFigures.datasetStem(forPath: "some/dir/my data.v2.csv") == "my-data-v2")
        #expect(PCAFigures.datasetStem(forPath: nil) == "iris")
    }

    // MARK: - Shared expectations

    /// Each |actual − expected| ≤ relative·|expected| + absolute.
    func expectAgree(_ actual: [Double], _ expected: [Double], relative: Double = 0, absolute: Double = 0,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            #expect(abs(a - e) <= relative * abs(e) + absolute, "\(a) vs \(e)", sourceLocation: sourceLocation)
        }
    }

    func expectUnitColumns(_ pca: PrincipalComponentAnalysis, sourceLocation: SourceLocation = #_sourceLocation) {
        let n = Double(pca.rows)
        guard let scales = pca.scales else {
            Issue.record("the analysis was not standardized", sourceLocation: sourceLocation)
            return
        }
        for j in 0..<pca.columns {
            let x = pca.centered.column(j)
            let mean = x.reduce(0, +) / n
            let variance = dot(x, x) / n
            // max|aᵢⱼ|/sⱼ, the amplification of rounding by centring and scaling: |aᵢⱼ| ≤ |μⱼ| + |xᵢⱼ|·sⱼ.
            let amplification = abs(pca.means[j]) / scales[j] + (x.map(abs).max() ?? 0)
            let bound = 4 * n * epsilon * amplification
            #expect(abs(mean) <= bound, "column \(j) mean \(mean)", sourceLocation: sourceLocation)
            #expect(abs(variance - 1) <= bound, "column \(j) variance \(variance)", sourceLocation: sourceLocation)
        }
    }
}

extension Matrix<Double> {
    /// The plain mean of each column.
    var columnMeans: [Double] {
        (0..<columns).map { column($0).reduce(0, +) / Double(rows) }
    }
}
