import ExerciseTestSupport
import Foundation
import Testing
@testable import LeastSquaresLab
import SVDCore

/// The grading suite of Exercise 3 (`swift test --filter Exercise3Tests`): NIST StRD parsing,
/// the accuracy goals on all eleven reference sets, the properties of the pseudoinverse in the
/// three regimes, bad input, and the command's JSON. The nested suites are in the other files.
/// Every test case gets a scratch directory of its own, removed when it ends.
@Suite(.scratchDirectory) struct Exercise3Tests {}

/// A fresh directory inside the running test's scratch directory; tests never write into the
/// repository, and nothing they write outlives them.
func makeTemporaryDirectory() throws -> URL {
    let url = try ScratchDirectory.required()
        .appendingPathComponent(UUID().uuidString, isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `text` to a new file in a temporary directory and returns its path.
func temporaryFile(named name: String, containing text: String) throws -> String {
    let url = try makeTemporaryDirectory().appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

/// The bundled text of a reference set (CRLF line ends, as NIST ships it).
func referenceText(_ name: String) throws -> String {
    let url = try #require(ReferenceDatasets.url(named: name))
    return try String(contentsOf: url, encoding: .utf8)
}
