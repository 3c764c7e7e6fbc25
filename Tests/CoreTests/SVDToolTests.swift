import Foundation
import SVDCore
import SVDTestMatrices
import Testing

/// The `svd` command-line tool honours its contract: the JSON keys other tools rely on, numbers
/// that round-trip, and one clear line on standard error with a non-zero exit for bad input.
/// These tests run the built executable (the test target depends on it, so it is built first).
@Suite("CoreTests: the svd command-line tool")
struct SVDToolTests {
    @Test("JSON: exactly the documented keys, on square, tall, wide, rank-deficient, graded and extreme matrices",
          arguments: ["square", "tall", "wide", "rankDeficient", "graded", "huge", "tiny"])
    func jsonContract(shape: String) throws {
        let a = toolTestMatrix(shape)
        let run = try runSVD(["--json"], input: text(of: a))
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["rows", "cols", "precision", "decomposer", "singularValues", "rank", "conditionNumber",
                                      "u", "v", "sweeps", "seconds"])
        let keyOrder = ["\"rows\"", "\"cols\"", "\"precision\"", "\"decomposer\"", "\"singularValues\"", "\"rank\"", "\"conditionNumber\"",
                        "\"u\"", "\"v\"", "\"sweeps\"", "\"seconds\""].map { run.standardOutput.range(of: $0)!.lowerBound }
        #expect(keyOrder == keyOrder.sorted(), "keys in the documented order")
        #expect(object["rows"] as? Int == a.rows && object["cols"] as? Int == a.columns)
        #expect(object["precision"] as? String == "double")
        // Round trip: the printed numbers are bit for bit those of the library. (Decoded with
        // JSONDecoder: swift-corelibs-foundation's JSONSerialization rounds the 17th digit.)
        let decoded = try JSONDecoder().decode(SVDToolJSON.self, from: Data(run.standardOutput.utf8))
        let expected = try OneSidedJacobi().decompose(a)
        #expect(decoded.singularValues == expected.singularValues)
        #expect(decoded.rank == expected.rank())
        #expect(decoded.conditionNumber == (expected.conditionNumber.isFinite ? expected.conditionNumber : nil))
        let u = try #require(decoded.u), v = try #require(decoded.v)
        let p = min(a.rows, a.columns)
        #expect(u.count == a.rows && u.allSatisfy { $0.count == p }, "thin U is m×p")
        #expect(v.count == a.columns && v.allSatisfy { $0.count == p }, "thin V is n×p")
        #expect(u == expected.u.rowArrays && v == expected.v.rowArrays)
        #expect(decoded.sweeps >= 1 && decoded.seconds >= 0)
    }

    @Test("--values-only omits u and v; --precision float and float80 are honoured")
    func valuesOnlyAndPrecision() throws {
        let input = "4 0\n3 -5\n"  // σ = √40 ± √… ; any small matrix will do
        let values = try runSVD(["--json", "--values-only"], input: input)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(values.standardOutput.utf8)) as? [String: Any])
        #expect(object["u"] == nil && object["v"] == nil)
        let float = try runSVD(["--json", "--precision", "float"], input: input)
        #expect(float.standardOutput.contains("\"precision\":\"float\""))
        // Where Float80 does not exist (arm64, or a build with SVDLAB_NO_FLOAT80=1), the same
        // request is refused with a message, not ignored.
        let extended = try runSVD(["--json", "--precision", "float80"], input: input)
        if float80IsAvailable {
            #expect(extended.status == 0 && extended.standardOutput.contains("\"precision\":\"float80\""))
        } else {
            #expect(extended.status != 0 && extended.standardError.contains("float80 is not available"))
        }
    }

    @Test("Text report names rank, condition number and subspace dimensions")
    func textReport() throws {
        let run = try runSVD([], input: "1 2 3\n4 5 9\n7 8 15\n1 0 1\n")
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Rank r = 2"))
        #expect(run.standardOutput.contains("null space      null(A) ⊂ ℝ^3: dimension n − r = 1"))
        #expect(run.standardOutput.contains("left null space null(Aᵀ)⊂ ℝ^4: dimension m − r = 2"))
    }

    @Test("Bad input: one line on standard error, non-zero exit",
          arguments: [
            (["-"], "", "no matrix entries"),
            (["-"], "1 2\n3\n", "line 2"),
            (["-"], "1 2\n3 abc\n", "'abc' is not a number"),
            (["-"], "1 nan\n", "not a finite number"),
            (["-"], "1 inf\n", "not a finite number"),
            (["/nonexistent/matrix.txt"], "", "no such file"),
            (["--repeat", "0"], "1\n", "--repeat"),
            (["--bogus"], "1\n", "Unknown option"),
            (["--precision", "half"], "1\n", "precision"),
          ])
    func badInput(arguments: [String], input: String, message: String) throws {
        let run = try runSVD(arguments, input: input)
        #expect(run.status != 0)
        #expect(run.standardError.contains(message), "stderr: \(run.standardError)")
        #expect(!run.standardError.contains("Stack dump") && !run.standardError.contains("Fatal error"))
        #expect(run.standardOutput.isEmpty)
    }
}

/// The JSON object of `svd --json`.
struct SVDToolJSON: Decodable {
    let rows: Int
    let cols: Int
    let precision: String
    let singularValues: [Double]
    let rank: Int
    let conditionNumber: Double?
    let u: [[Double]]?
    let v: [[Double]]?
    let sweeps: Int
    let seconds: Double
}

/// The matrices the contract is checked on.
func toolTestMatrix(_ shape: String) -> Matrix<Double> {
    var generator = SeededGenerator(seed: 99)
    switch shape {
    case "square": return TestMatrices.gaussian(rows: 6, columns: 6, using: &generator)
    case "tall": return TestMatrices.gaussian(rows: 9, columns: 3, using: &generator)
    case "wide": return TestMatrices.gaussian(rows: 3, columns: 8, using: &generator)
    case "rankDeficient": return TestMatrices.lowRank(rows: 7, columns: 5, rank: 2, using: &generator)
    case "graded": return TestMatrices.graded(rows: 6, columns: 4, exponents: -10...10, using: &generator, as: Double.self).a
    case "huge": return 1e300 * TestMatrices.gaussian(rows: 4, columns: 3, using: &generator, as: Double.self)
    default: return 1e-300 * TestMatrices.gaussian(rows: 4, columns: 3, using: &generator, as: Double.self)
    }
}

/// The matrix as text with round-trip digits.
func text(of a: Matrix<Double>) -> String {
    a.rowArrays.map { $0.map { "\($0)" }.joined(separator: " ") }.joined(separator: "\n") + "\n"
}

/// The `svd` executable next to the test bundle.
func svdExecutable() throws -> URL {
    let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [bundleDirectory, bundleDirectory.deletingLastPathComponent()] {
        let url = candidate.appendingPathComponent("svd")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    throw ToolNotFound(directory: bundleDirectory.path)
}

struct ToolNotFound: Error, CustomStringConvertible {
    let directory: String
    var description: String { "the svd executable was not found next to the tests in \(directory)" }
}

/// Runs `svd` with `arguments`, feeding `input` on standard input.
func runSVD(_ arguments: [String], input: String) throws -> (status: Int32, standardOutput: String, standardError: String) {
    let process = Process()
    process.executableURL = try svdExecutable()
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    // Inputs and outputs here are small (a few kB), far below the pipe buffer, so reading after
    // the process ends cannot deadlock.
    process.waitUntilExit()
    let out = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (process.terminationStatus, out, err)
}
