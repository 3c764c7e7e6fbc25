import Foundation
import Testing
@testable import LeastSquaresLab
import LabSupport

extension Exercise3Tests {
    /// Bad input gives one clear line naming the file (and the line), never a crash or NaN.
    @Suite struct BadInput {
        /// Runs the exercise and returns the error's one-line message.
        func message(_ options: LeastSquaresExercise.Options) -> String? {
            do {
                _ = try LeastSquaresExercise.run(options)
                return nil
            } catch {
                return String(describing: error)
            }
        }

        @Test func missingFile() throws {
            let path = try makeTemporaryDirectory().appendingPathComponent("absent.dat").path
            let text = try #require(message(.init(dataPath: path)))
            #expect(text.contains("absent.dat") && text.contains("no such file"))
            #expect(!text.contains("\n"))
            let csv = try #require(message(.init(dataPath: path + ".csv", degree: 1)))
            #expect(csv.contains("no such file"))
        }

        @Test func directoryInsteadOfFile() throws {
            let directory = try makeTemporaryDirectory().path
            #expect(message(.init(dataPath: directory))?.contains("directory") == true)
        }

        @Test func strdWithoutSections() throws {
            // Data but no model or certified values.
            let bare = try temporaryFile(named: "bare.dat", containing: "Data: y x\n1 2\n3 4\n")
            let text = try #require(message(.init(dataPath: bare)))
            #expect(text.contains("not a NIST StRD"))
            // A real file with its certified section cut out.
            let full = try referenceText("Norris")
            let cut = full.replacingOccurrences(of: "Certified Regression Statistics", with: "")
            let noCertified = try temporaryFile(named: "Norris-cut.dat", containing: cut)
            #expect(message(.init(dataPath: noCertified))?.contains("Certified Regression Statistics") == true)
            // And with its data header removed.
            let lines = full.components(separatedBy: "\r\n").filter { !$0.hasPrefix("Data:   ") }
            let noData = try temporaryFile(named: "Norris-nodata.dat", containing: lines.joined(separator: "\r\n"))
            #expect(message(.init(dataPath: noData))?.contains("Data:") == true)
            // An empty file.
            let empty = try temporaryFile(named: "empty.dat", containing: "")
            #expect(message(.init(dataPath: empty)) != nil)
        }

        @Test func strdWithBadDataRow() throws {
            // Norris's first observation (line 61) loses its x.
            var lines = try referenceText("Norris").components(separatedBy: "\r\n")
            let header = try #require(lines.lastIndex { $0.hasPrefix("Data:") })
            #expect(header == 59)
            lines[header + 1] = "           0.1"
            let path = try temporaryFile(named: "ragged.dat", containing: lines.joined(separator: "\r\n"))
            let text = try #require(message(.init(dataPath: path)))
            #expect(text.contains("line 61") && text.contains("1 fields, expected 2"))
        }

        @Test func raggedCSV() throws {
            let path = try temporaryFile(named: "ragged.csv", containing: "x,y\n1,2\n2,3,4\n3,5\n")
            let text = try #require(message(.init(dataPath: path, degree: 1)))
            #expect(text.contains("ragged.csv, line 3") && text.contains("3 fields"))
        }

        @Test(arguments: ["abc", "nan", "inf", "", "1e999", "0x10"])
        func nonNumericCSV(_ field: String) throws {
            let path = try temporaryFile(named: "bad.csv", containing: "x,y\n1,2\n2,\(field)\n3,5\n")
            let text = try #require(message(.init(dataPath: path, degree: 1)))
            #expect(text.contains("line 3, field 2") && text.contains("not a finite decimal number"))
        }

        @Test func tooFewRowsForDegree() throws {
            let path = try temporaryFile(named: "short.csv", containing: "1,2\n2,3\n3,5\n")
            let text = try #require(message(.init(dataPath: path, degree: 3)))
            #expect(text.contains("3 observations cannot determine 4 parameters"))
            // Degree 2 with 3 rows is determined (interpolation), with no residual SD.
            let output = try LeastSquaresExercise.run(.init(dataPath: path, degree: 2, json: true))
            #expect(output.text.contains("\"residualSD\": null"))
        }

        @Test func csvWithoutDegreeAndDegreeWithStRD() throws {
            let csv = try temporaryFile(named: "points.csv", containing: "1,2\n2,3\n3,5\n")
            #expect(message(.init(dataPath: csv))?.contains("--degree") == true)
            let dat = try temporaryFile(named: "Norris.dat", containing: try referenceText("Norris"))
            #expect(message(.init(dataPath: dat, degree: 2))?.contains("--degree") == true)
        }

        @Test func unknownDataset() {
            #expect(message(.init(datasetName: "Iris"))?.contains("not one of the bundled") == true)
        }
    }
}
