import Foundation
import Testing
@testable import LeastSquaresLab
import LabSupport

extension Exercise3Tests.BadInput {
    /// Runs `--data FILE.csv --response COLUMN` on `text` and returns the one-line error.
    func responseMessage(_ text: String, response: String = "y", intercept: Bool = true) throws -> String {
        let path = try temporaryFile(named: "data.csv", containing: text)
        let refusal = message(.init(dataPath: path, response: response, intercept: intercept))
        let line = try #require(refusal, "accepted: \(text.prefix(80))")
        #expect(!line.contains("\n"), "one line: \(line)")
        #expect(line.contains("data.csv"), "names the file: \(line)")
        return line
    }

    @Test func responseColumnMissing() throws {
        let text = try responseMessage("a,b,c\n1,2,3\n4,5,6\n2,2,9\n", response: "growth")
        #expect(text.contains("no column 'growth'") && text.contains("a, b, c") && text.contains("1…3"))
        // A column number out of range is the same error.
        #expect(try responseMessage("a,b,c\n1,2,3\n4,5,6\n", response: "4").contains("no column '4'"))
        #expect(try responseMessage("a,b,c\n1,2,3\n4,5,6\n", response: "0").contains("no column '0'"))
    }

    @Test(arguments: ["a,y,a\n1,2,3\n4,5,6\n", "y,b,,d\n1,2,3,4\n", "1,2,3\n4,5,6\n"])
    func badHeader(_ text: String) throws {
        let message = try responseMessage(text)
        #expect(message.contains("line 1"))
        #expect(message.contains("two columns are named 'a'") || message.contains("column 3 has no name")
                || message.contains("needs a header row"))
    }

    @Test func nonNumericColumnIsNamed() throws {
        let text = try responseMessage("y,country,x\n1,France,2\n2,Chile,3\n4,Peru,3\n")
        #expect(text.contains("column 'country' is not numeric") && text.contains("line 2"))
    }

    @Test(arguments: ["nan", "inf", "-Infinity", "", "1e999", "0x10", "abc", "1,5"])
    func badCellNamesLineAndColumn(_ cell: String) throws {
        let text = try responseMessage("y,x,z\n1,2,3\n2,\(cell),4\n3,5,1\n4,2,2\n")
        if cell == "1,5" {
            #expect(text.contains("line 3") && text.contains("4 fields, expected 3"))
        } else {
            #expect(text.contains("line 3, column 'x'") && text.contains("not a finite decimal number"), "\(text)")
        }
    }

    @Test func raggedRow() throws {
        let text = try responseMessage("y,x,z\n1,2,3\n2,3\n3,5,1\n")
        #expect(text.contains("line 3") && text.contains("2 fields, expected 3"))
    }

    @Test func noParametersOrNoRows() throws {
        #expect(try responseMessage("y\n1\n2\n", intercept: false).contains("no parameter"))
        #expect(try responseMessage("y,x\n").contains("no data rows"))
        #expect(try responseMessage("").contains("no data rows"))
    }

    @Test func tooLarge() throws {
        let wide = (0...RegressionCSV.maximumParameters).map { "c\($0)" }.joined(separator: ",")
        #expect(try responseMessage(wide + "\n", response: "c0").contains("at most \(RegressionCSV.maximumParameters)"))
        var long = "y,x,z\n"
        for i in 0...(RegressionCSV.maximumCells / 3) { long += "\(i),\(i % 7),\(i % 5)\n" }
        #expect(try responseMessage(long).contains("more than \(RegressionCSV.maximumCells) numbers"))
    }

    /// Values near the end of Double's range overflow ‖r‖² even when m ≤ n leaves no residual SD:
    /// refused, not printed as NaN.
    @Test func overflowWithoutDegreesOfFreedom() throws {
        #expect(try responseMessage("c0,c1,c2,c3\n1e300,1e300,8.840,7.068\n-3.75,-3.159,9.140,1e-300\n"
                                    + "1e-300,6.028,123456789.123,5.483\n-8.841,7.844,8.105,1e-300\n",
                                    response: "c0").contains("overflows"))
        #expect(try responseMessage("c0,c1,c2,c3,c4\n1e300,0.000001,-1,-0.036,-5.104\n", response: "c0",
                                    intercept: false).contains("overflows"))
    }

    @Test func optionsThatDoNotGoTogether() throws {
        let path = try temporaryFile(named: "two.csv", containing: "x,y\n1,2\n2,3\n3,5\n")
        #expect(message(.init(dataPath: path, degree: 1, response: "y"))?.contains("exclude each other") == true)
        #expect(message(.init(dataPath: path, degree: 1, intercept: false))?.contains("--no-intercept") == true)
    }

    /// Fewer rows than parameters, or a predictor that repeats another: not an error but the
    /// minimum-norm solution, and the report says so.
    @Test func rankDeficientIsAnsweredAndSaidSo() throws {
        for text in ["y,a,b,c\n1,2,3,4\n2,1,0,5\n", "y,a,b\n1,2,2\n2,3,3\n4,1,1\n5,7,7\n"] {
            let path = try temporaryFile(named: "short.csv", containing: text)
            let output = try LeastSquaresExercise.run(.init(dataPath: path, response: "y"))
            #expect(output.text.contains("minimum-norm"))
            #expect(!output.text.contains("nan") && !output.text.contains("NaN"))
            // Minimum norm: a repeated predictor's weight is split equally between its copies.
            if text.hasPrefix("y,a,b\n") {
                let json = try LeastSquaresExercise.run(.init(dataPath: path, response: "y", json: true))
                let object = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
                let c = try #require(object["coefficients"] as? [Double])
                #expect(abs(c[1] - c[2]) <= 1e-12 * abs(c[1]))
            }
        }
    }
}
