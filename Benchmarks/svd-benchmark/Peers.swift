import Foundation
import SVDCore

/// What `peers.py` measured for one matrix: LAPACK's `dgesdd` (through NumPy) and `dgejsv`
/// (through SciPy), single-threaded.
struct PeerTimes {
    struct Result {
        var seconds: Double
        var singularValues: [Double]
        var residual: Double?
        var orthogonality: Double?
    }
    var gesdd: Result
    var dgejsv: Result
}

/// Runs `peers.py` (Python with NumPy and SciPy) on matrices written to a scratch directory.
struct PeerRunner {
    let python: String
    let script: String
    let directory: URL

    /// A runner, or nil with the reason when Python, NumPy or SciPy is not available.
    static func make(python: String, script: String) -> (PeerRunner?, String?) {
        guard FileManager.default.fileExists(atPath: script) else {
            return (nil, "'\(script)' not found (run from the package root or pass --peers-script)")
        }
        let probe = run([python, "-c", "import numpy, scipy.linalg.lapack"])
        guard probe.status == 0 else { return (nil, "\(python) with numpy and scipy is not available") }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("svd-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            return (nil, "cannot create a scratch directory: \(error.localizedDescription)")
        }
        return (PeerRunner(python: python, script: script, directory: directory), nil)
    }

    /// Times the peers on `a` (written as raw little-endian float64, column-major).
    func measure(_ a: Matrix<Double>, vectors: Bool, repeats: Int, clock: String) throws -> PeerTimes {
        let file = directory.appendingPathComponent("matrix-\(a.rows)x\(a.columns).f64")
        let bytes = a.elements.withUnsafeBufferPointer { Data(buffer: $0) }  // x86-64 and arm64 are little-endian
        try bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var arguments = [python, script, file.path, "--shape", "\(a.rows)", "\(a.columns)",
                         "--repeat", "\(repeats)", "--clock", clock]
        if vectors { arguments.append("--vectors") }
        let outcome = Self.run(arguments)
        guard outcome.status == 0,
              let object = try? JSONSerialization.jsonObject(with: outcome.output) as? [String: Any],
              let gesdd = Self.result(object["gesdd"]), let dgejsv = Self.result(object["dgejsv"])
        else {
            throw PeerError(message: "peers.py failed: " + String(decoding: outcome.errors, as: UTF8.self)
                .split(separator: "\n").suffix(1).joined())
        }
        return PeerTimes(gesdd: gesdd, dgejsv: dgejsv)
    }

    func removeScratchDirectory() { try? FileManager.default.removeItem(at: directory) }

    private static func result(_ any: Any?) -> PeerTimes.Result? {
        guard let object = any as? [String: Any], let seconds = object["seconds"] as? Double,
              let values = object["singularValues"] as? [Double] else { return nil }
        return PeerTimes.Result(seconds: seconds, singularValues: values,
                                residual: object["residual"] as? Double,
                                orthogonality: object["orthogonality"] as? Double)
    }

    /// Runs a command and returns its status, standard output and standard error. Standard error
    /// goes to a file, so that neither pipe can fill up and block the child while we read the other.
    private static func run(_ arguments: [String]) -> (status: Int32, output: Data, errors: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        let errorFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("svd-benchmark-stderr-\(ProcessInfo.processInfo.processIdentifier).txt")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        guard let errorHandle = try? FileHandle(forWritingTo: errorFile) else { return (-1, Data(), Data()) }
        process.standardOutput = output
        process.standardError = errorHandle
        do { try process.run() } catch { return (-1, Data(), Data("\(error)".utf8)) }
        let outputBytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? errorHandle.close()
        return (process.terminationStatus, outputBytes, (try? Data(contentsOf: errorFile)) ?? Data())
    }
}

struct PeerError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
