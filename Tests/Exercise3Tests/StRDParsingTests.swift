import Testing
@testable import LeastSquaresLab

extension Exercise3Tests {
    /// Every StRD file parses into the model NIST states, with its data and certified values.
    @Suite struct StRDParsing {
        /// The expected shape of each set, read off the files' headers by hand:
        /// (parameters, observations, predictors, polynomial degree or nil, has intercept).
        static let expected: [(String, Int, Int, Int, Int?, Bool)] = [
            ("Norris", 2, 36, 1, 1, true), ("Pontius", 3, 40, 1, 2, true),
            ("NoInt1", 1, 11, 1, nil, false), ("NoInt2", 1, 3, 1, nil, false),
            ("Filip", 11, 82, 1, 10, true), ("Longley", 7, 16, 6, nil, true),
            ("Wampler1", 6, 21, 1, 5, true), ("Wampler2", 6, 21, 1, 5, true), ("Wampler3", 6, 21, 1, 5, true),
            ("Wampler4", 6, 21, 1, 5, true), ("Wampler5", 6, 21, 1, 5, true),
        ]

        @Test(arguments: expected.map(\.0))
        func parsesModelDataAndCertifiedValues(_ name: String) throws {
            let row = try #require(Self.expected.first { $0.0 == name })
            let data = try ReferenceDatasets.load(name)
            #expect(data.name == name)
            #expect(data.model.parameterCount == row.1)
            #expect(data.observationCount == row.2)
            #expect(data.predictors.count == row.3)
            #expect(data.model.polynomialDegree == row.4)
            #expect((data.model.terms.first == .constant) == row.5)
            let certified = try #require(data.certified)
            #expect(certified.coefficients.count == row.1)
            #expect(certified.significantDigits.allSatisfy { $0 == 15 })
            #expect(data.model.parameterNames == (row.5 ? (0..<row.1) : (1..<row.1 + 1)).map { "B\($0)" })
            #expect(data.response.values.allSatisfy { $0.isFinite })
        }

        /// Values copied from the files by hand (NIST's certified values and first rows).
        @Test func knownValues() throws {
            let longley = try ReferenceDatasets.load("Longley")
            #expect(longley.certified?.coefficients.first == -3482258.63459582)
            #expect(longley.certified?.coefficients[2] == -0.358191792925910E-01)
            #expect(longley.certified?.residualStandardDeviation == 304.854073561965)
            #expect(longley.response.values.first == 60323)
            #expect(longley.predictors.map { $0.values[0] } == [83.0, 234289, 2356, 1590, 107608, 1947])
            #expect(longley.model.predictorNames == ["x1", "x2", "x3", "x4", "x5", "x6"])

            let filip = try ReferenceDatasets.load("Filip")
            #expect(filip.response.numerals.first == "0.8116")
            #expect(filip.predictors[0].numerals.first == "-6.860120914")
            #expect(filip.model.terms.last == .power(predictor: 0, exponent: 10))
            #expect(filip.certified?.coefficients.last == -0.402962525080404E-04)

            let noInt1 = try ReferenceDatasets.load("NoInt1")
            #expect(noInt1.model.terms == [.power(predictor: 0, exponent: 1)])
            #expect(noInt1.model.equation == "y = B1*x + e")
            #expect(noInt1.certified?.coefficients == [2.07438016528926])
        }

        @Test func modelForms() throws {
            let columns = ["y", "x"]
            let line = try StRDParser.model(from: "y = B0 + B1*x + e", columns: columns, file: "t")
            #expect(line.terms == [.constant, .power(predictor: 0, exponent: 1)])
            let gap = try StRDParser.model(from: "y = B0 + B1*x + B2*(x**2) + ... + B5*(x**5)", columns: columns, file: "t")
            #expect(gap.polynomialDegree == 5)
            #expect(gap.parameterNames == ["B0", "B1", "B2", "B3", "B4", "B5"])
            let bare = try StRDParser.model(from: "y = B1*x**2", columns: columns, file: "t")
            #expect(bare.terms == [.power(predictor: 0, exponent: 2)])
            #expect(throws: DataFileError.self) { try StRDParser.model(from: "y = B0 + B1*z", columns: columns, file: "t") }
            #expect(throws: DataFileError.self) { try StRDParser.model(from: "y = B0 + ... + B2*x", columns: columns, file: "t") }
            #expect(throws: DataFileError.self) { try StRDParser.model(from: "y = B0 + sin(x)", columns: columns, file: "t") }
            // Empty terms trapped (an index into no factors) before they were refused.
            for broken in ["y = B0 + + B1*x + e", "y = B0 ++ B1*x", "y = + B1*x", "y = B0 +", "y = *", "y = B1*", "y = B1**x"] {
                #expect(throws: DataFileError.self, "\(broken)") { try StRDParser.model(from: Substring(broken), columns: columns, file: "t") }
            }
        }

        /// The same file with LF line ends parses to the same data.
        @Test func lineEndsDoNotMatter() throws {
            let crlf = try referenceText("Pontius")
            #expect(crlf.contains("\r\n"))
            let a = try StRDParser.parse(crlf, file: "Pontius.dat")
            let b = try StRDParser.parse(crlf.replacingOccurrences(of: "\r\n", with: "\n"), file: "Pontius.dat")
            #expect(a.response == b.response && a.predictors == b.predictors && a.certified == b.certified)
        }
    }
}
