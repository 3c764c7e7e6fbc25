import Foundation
import Testing
@testable import LeastSquaresLab
import LabSupport

extension Exercise3Tests {
    /// `--data FILE.csv --response COLUMN`: a user's own multi-column data, fitted by the same
    /// solver as NIST's files. Correctness against two independent references: NIST's certified
    /// values (the StRD data written as CSV) and exact solutions computed in mpmath
    /// (`Fixtures/regression_reference.py`).
    @Suite struct RegressionCSVFits {
        /// A reference set's data written as a CSV file with a header row, the response placed
        /// `responsePosition` columns in (predictors keep their order).
        static func csv(of data: RegressionData, responsePosition: Int) -> String {
            var columns = data.predictors
            columns.insert(data.response, at: min(responsePosition, columns.count))
            var lines = [columns.map(\.name).joined(separator: ",")]
            for i in 0..<data.observationCount { lines.append(columns.map { $0.numerals[i] }.joined(separator: ",")) }
            return lines.joined(separator: "\n") + "\n"
        }

        /// The linear NIST sets (one or several predictors to the first power): the CSV path must
        /// give the same coefficients, hence the same LRE, as the StRD path, and meet the goal.
        @Test(arguments: [("Longley", 3), ("Norris", 0), ("NoInt1", 1), ("NoInt2", 0)])
        func nistDataAsCSVReproducesTheCertifiedValues(_ name: String, _ responsePosition: Int) throws {
            let reference = try ReferenceDatasets.load(name)
            let certified = try #require(reference.certified)
            let intercept = reference.model.terms.first == .constant
            let text = Self.csv(of: reference, responsePosition: responsePosition)
            let byName = try RegressionCSV.parse(text, file: "\(name).csv", response: reference.model.responseName,
                                                 intercept: intercept)
            let byNumber = try RegressionCSV.parse(text, file: "\(name).csv", response: "\(responsePosition + 1)",
                                                   intercept: intercept)
            #expect(byName.model == reference.model)
            #expect(byNumber.model == reference.model)
            let nist = try GradedFit(reference)
            for data in [byName, byNumber] {
                let fit = try RefinedLeastSquares().fit(data)
                let lre = LogRelativeError.of(fit.coefficients, certified: certified)
                #expect(fit.coefficients == nist.fit.coefficients, "\(name): the CSV path solves another problem")
                #expect(lre == nist.lre)
                let goal = try #require(ReferenceDatasets.accuracyGoals[name])
                #expect(lre.min()! >= goal, "\(name) as CSV: min LRE \(lre.min()!) below \(goal)")
            }
        }

        struct Reference: Decodable {
            struct Case: Decodable {
                let observations: Int
                let parameters: [String]
                let coefficients: [String]
            }
            let intercept: Case
            let noIntercept: Case
            let underdetermined: Case
        }

        static func fixture(_ name: String, _ ext: String) throws -> URL {
            try #require(Bundle.module.url(forResource: name, withExtension: ext))
        }

        /// plants.csv against mpmath's exact least-squares solutions (60 digits): with and without
        /// the intercept every coefficient is right to the digits the report promises, and the
        /// promise is at least 13 digits (κ is small); with 3 rows for 4 parameters the answer is
        /// the minimum-norm one, flagged as such.
        @Test func plantsAgainstExactReference() throws {
            let reference = try JSONDecoder().decode(Reference.self,
                                                     from: Data(contentsOf: try Self.fixture("regression-reference", "json")))
            let text = try String(contentsOf: try Self.fixture("plants", "csv"), encoding: .utf8)
            let rows = text.split(separator: "\n")
            let cases: [(Reference.Case, String, Bool)] = [
                (reference.intercept, text, true),
                (reference.noIntercept, text, false),
                (reference.underdetermined, rows.prefix(4).joined(separator: "\n"), true),
            ]
            for (expected, csv, intercept) in cases {
                let data = try RegressionCSV.parse(csv, file: "plants.csv", response: "growth", intercept: intercept)
                #expect(data.observationCount == expected.observations)
                #expect(data.model.parameterNames == expected.parameters)
                #expect(data.model.predictorNames == ["temperature", "light", "water"])
                let graded = try GradedFit(data)
                let exact = expected.coefficients.map { Double($0)! }
                let lre = LogRelativeError.of(graded.fit.coefficients, certified: CertifiedValues(
                    coefficients: exact, standardDeviations: exact, residualStandardDeviation: 0,
                    significantDigits: Array(repeating: 15, count: exact.count)))
                let promised = AccuracyEstimate(graded.fit).coefficientDigits
                for j in exact.indices {
                    #expect(lre[j] >= promised[j] - 1, "\(expected.parameters[j]): LRE \(lre[j]), promised \(promised[j])")
                }
                if expected.observations < expected.parameters.count {
                    #expect(graded.fit.rank == expected.observations)
                    #expect(graded.text.contains("minimum-norm") && graded.text.contains("3 observations for 4 parameters"))
                    #expect(graded.text.contains("Residual standard deviation: undefined"))
                    #expect(promised.min()! >= 12)
                } else {
                    #expect(graded.fit.rank == expected.parameters.count)
                    #expect(promised.min()! >= 13)
                }
            }
        }

        /// The report names each coefficient's column and states the digits to expect.
        @Test func reportNamesTheTerms() throws {
            let text = "# a comment\nname_a,y,b\n1,2.5,3\n2,3.5,1\n3,5,4\n4,5.5,2\n"
            let data = try RegressionCSV.parse(text, file: "t.csv", response: "y")
            #expect(data.model.equation == "y = B0 + B1*name_a + B2*b + e")
            let report = try GradedFit(data).text
            for fragment in ["intercept", "name_a", "digits expected", "Digits to expect", "Numerical rank of X·D: 3 of 3",
                             "Residual norm"] {
                #expect(report.contains(fragment), "missing \(fragment)")
            }
            let without = try RegressionCSV.parse(text, file: "t.csv", response: "2", intercept: false)
            #expect(without.model.equation == "y = B1*name_a + B2*b + e")
        }

        /// What spreadsheets and R write: a byte-order mark, quoted names and numbers.
        @Test func quotedNamesAndByteOrderMark() throws {
            let plain = try RegressionCSV.parse("y,x,z\n1,2,3\n2,3,1\n4,5,9\n5,1,2\n", file: "p.csv", response: "y")
            let quoted = try RegressionCSV.parse("\u{FEFF}\"y\", \"x\",\"z\"\n1,\"2\",3\n2,3,1\n4,5,9\n5,1,2\n",
                                                 file: "q.csv", response: "y")
            #expect(quoted.model.predictorNames == ["x", "z"] && quoted.model.responseName == "y")
            #expect(try RefinedLeastSquares().fit(quoted).coefficients == RefinedLeastSquares().fit(plain).coefficients)
        }

        /// The old two-column path is unchanged: a straight line by --degree 1 and by --response
        /// give the same coefficients.
        @Test func straightLineEitherWay() throws {
            let text = "x,y\n1,2.1\n2,3.9\n3,6.2\n4,7.8\n"
            let polynomial = try PolynomialCSV.parse(text, file: "l.csv", degree: 1)
            let linear = try RegressionCSV.parse(text, file: "l.csv", response: "y")
            #expect(try RefinedLeastSquares().fit(polynomial).coefficients == RefinedLeastSquares().fit(linear).coefficients)
        }
    }

    /// The accuracy the report promises for data without certified values, checked where the
    /// answer is known: on NIST's eleven sets, in every residual arithmetic, each coefficient's
    /// LRE is at least the promised digits less one (the estimate's constants, powers of m and
    /// n, are left out of it), for the SVD alone and after refinement.
    @Suite struct AccuracyEstimates {
        @Test(arguments: ReferenceDatasets.names)
        func promisedDigitsHoldOnNIST(_ name: String) throws {
            let data = try ReferenceDatasets.load(name)
            let certified = try #require(data.certified)
            for arithmetic in ResidualArithmetic.availableCases {
                let fit = try RefinedLeastSquares().fit(data, residuals: arithmetic)
                let estimate = AccuracyEstimate(fit)
                let lre = LogRelativeError.of(fit.coefficients, certified: certified)
                for j in lre.indices {
                    #expect(lre[j] >= estimate.coefficientDigits[j] - 1,
                            "\(name) \(arithmetic.rawValue) B\(j): LRE \(lre[j]), promised \(estimate.coefficientDigits[j])")
                }
                // The SVD alone (columns scaled, no refinement): normwise in the scaled coordinates.
                let scaled = fit.stages[1].coefficients
                let d = fit.columnScaleExponents.map { Double(sign: .plus, exponent: $0, significand: 1) }
                let error = zip(zip(scaled, certified.coefficients), d).map { pair, dj in (pair.0 - pair.1) * dj }
                let size = zip(certified.coefficients, d).map { $0 * $1 }
                let relative = norm(error) / norm(size)
                #expect(AccuracyEstimate.digits(relative) >= AccuracyEstimate.digits(estimate.svdError) - 1,
                        "\(name): the SVD alone has error \(relative), promised \(estimate.svdError)")
            }
        }

        func norm(_ x: [Double]) -> Double { x.reduce(0) { $0 + $1 * $1 }.squareRoot() }
    }
}
