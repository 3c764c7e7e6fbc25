import Foundation
import Testing
@testable import LeastSquaresLab
import LabSupport

extension Exercise3Tests {
    /// The command's outputs, end to end through the library function it calls.
    @Suite struct Output {
        @Test func jsonHasExactlyTheSpecifiedKeys() throws {
            let output = try LeastSquaresExercise.run(.init(json: true))
            #expect(output.figures.isEmpty)
            // One compact line, like the other exercises and `svd --json`.
            #expect(!output.text.contains("\n") && !output.text.contains(": "))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.text.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["decomposer", "dataset", "coefficients", "certified", "lre", "minLRE",
                                         "residualSD"])
            // The order is part of the contract.
            let order = ["decomposer", "dataset", "coefficients", "certified", "lre", "minLRE", "residualSD"]
            let positions = order.map { output.text.range(of: "\"\($0)\"")!.lowerBound }
            #expect(positions == positions.sorted())
            #expect(object["dataset"] as? String == "Longley")
            let coefficients = try #require(object["coefficients"] as? [Double])
            let certified = try #require(object["certified"] as? [Double])
            #expect(coefficients.count == 7 && certified.count == 7)
            #expect(certified[0] == -3482258.63459582)
            let minLRE = try #require(object["minLRE"] as? Double)
            #expect(minLRE >= 13)
        }

        @Test func jsonForDataWithoutCertifiedValues() throws {
            // y = 1 − 2x + 0.5x², exact at these points (all values are exact binary fractions).
            let rows = (-3...4).map { x in "\(x),\(1 - 2 * Double(x) + 0.5 * Double(x * x))" }
            let path = try temporaryFile(named: "parabola.csv", containing: "t,h\n" + rows.joined(separator: "\n"))
            let output = try LeastSquaresExercise.run(.init(dataPath: path, degree: 2, json: true))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.text.utf8)) as? [String: Any])
            #expect(object["certified"] is NSNull && object["lre"] is NSNull && object["minLRE"] is NSNull)
            let coefficients = try #require(object["coefficients"] as? [Double])
            for (c, exact) in zip(coefficients, [1.0, -2.0, 0.5]) {
                #expect(abs(c - exact) <= 16 * Double.ulpOfOne * 4)
            }
            #expect(try #require(object["residualSD"] as? Double) <= 1e-14)
        }

        @Test func defaultRunShowsRegimesLongleyAndFigures() throws {
            let output = try LeastSquaresExercise.run(.init())
            for heading in ["1. Overdetermined", "2. Underdetermined", "3. Rank-deficient", "Longley", "minimum LRE",
                            "Residual standard deviation", "κ₂(X)"] {
                #expect(output.text.contains(heading), "missing \(heading)")
            }
            #expect(!output.text.contains("NaN"))
            #expect(output.figures.map(\.name) == [
                "exercise3-digits-lost", "exercise3-minimum-norm", "exercise3-cutoff", "exercise3-four-subspaces",
                "exercise3-longley-fit", "exercise3-longley-residuals", "exercise3-longley-singular-values"])
        }

        @Test func strdFileFromDiskAndAllNISTTable() throws {
            let path = try temporaryFile(named: "Wampler4.dat", containing: try referenceText("Wampler4"))
            let output = try LeastSquaresExercise.run(.init(dataPath: path))
            #expect(output.text.contains("Wampler4") && !output.text.contains("Overdetermined"))
            let table = try LeastSquaresExercise.run(.init(allReferenceSets: true))
            for name in ReferenceDatasets.names { #expect(table.text.contains(name)) }
            let json = try LeastSquaresExercise.run(.init(allReferenceSets: true, json: true))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
            #expect((object["datasets"] as? [Any])?.count == 11)
            #expect(!json.text.contains("\n"))
        }

        @Test func singlePredictorFigureDrawsTheCurve() throws {
            let graded = try GradedFit(try ReferenceDatasets.load("Pontius"))
            let figures = FitFigures.figures(for: graded)
            #expect(figures.count == 3)
            guard case let .xy(x, y, .lines) = figures[0].panels[0].series[1].content else {
                Issue.record("the second series of the fit panel should be the fitted curve")
                return
            }
            #expect(x.count == y.count && x.count > 100)
        }
    }
}
