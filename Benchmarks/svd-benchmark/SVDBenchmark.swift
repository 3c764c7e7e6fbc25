import ArgumentParser
import Foundation
import LabSupport
import SVDCore

/// `svd-benchmark`: times the one-sided Jacobi core against LAPACK on the matrices of the
/// performance targets, and checks that speed has not cost accuracy.
@main
struct SVDBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svd-benchmark",
        abstract: "Time the one-sided Jacobi SVD against LAPACK's dgejsv and dgesdd (single thread).",
        discussion: """
            Build in release mode; for the host's vector units add SVDLAB_NATIVE=1:
              swift build -c release --product svd-benchmark
              .build/release/svd-benchmark                      # all matrices, 5 repeats
              SVDLAB_NATIVE=1 swift build -c release --product svd-benchmark
            Run from the package root, so that Benchmarks/peers.py is found.

            Matrices (fixed seeds): Gaussian square n = 100, 200, 500, 1000; tall Gaussian \
            2000×200 and 10000×100; graded 500×500 B·diag(10^(−12j/(n−1))). Each is timed for the \
            singular values alone ("values") and for the thin U, Σ, V ("vectors").

            Times are medians of the CPU time of the running thread (--clock cpu, the default: \
            on a machine shared with other work, elapsed time counts the time spent waiting for a \
            core and varies by 2× or more; CPU time does not) or of elapsed time (--clock wall). Ours and the peers are measured in the same run, interleaved: half \
            of our repeats, then peers.py on the same matrix (NumPy's svd = LAPACK dgesdd, and \
            SciPy's dgejsv, each with one BLAS thread), then the other half. GFLOP/s is an \
            effective rate from Golub–Van Loan's Golub–Reinsch count (4mn² − 4n³/3 for values, \
            14mn² + 8n³ for vectors), the same count for every program.

            Accuracy: residual max|A − UΣVᵀ|/σ₁, orthogonality max(|UᵀU − I|, |VᵀV − I|) (largest \
            entries), the largest relative difference of the singular values from dgejsv's, and \
            for the graded matrix the relative error of every σᵢ against a reference computed by \
            this core in Float80 (64-bit significand, on x86-64).
            """)

    @Option(help: "Timed runs per program and matrix (the median is reported).")
    var `repeat`: Int = 5

    @Option(name: .customLong("case"), help: ArgumentHelp(
        "Only these matrices (repeatable): \(BenchmarkCase.all.map(\.name).joined(separator: ", ")).",
        valueName: "name"))
    var cases: [String] = []

    @Flag(help: "Time the singular values only (skip U, V).")
    var valuesOnly = false

    @Flag(help: "Do not run the LAPACK peers.")
    var noPeers = false

    @Flag(help: "Skip the Float80 reference for the graded matrix (it takes several seconds).")
    var noReference = false

    enum Clock: String, ExpressibleByArgument, CaseIterable {
        case cpu, wall
    }

    @Option(help: "cpu: CPU time of the running thread (robust on a loaded machine); wall: elapsed time.")
    var clock: Clock = .cpu

    @Option(help: "The Python interpreter that has NumPy and SciPy.")
    var python = "python3"

    @Option(help: "Path of peers.py.")
    var peersScript = "Benchmarks/peers.py"

    func validate() throws {
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1, got \(`repeat`)") }
        for name in cases where BenchmarkCase.named(name) == nil {
            throw ValidationError("unknown case '\(name)'; known: \(BenchmarkCase.all.map(\.name).joined(separator: ", "))")
        }
    }

    func run() throws {
        let selected = cases.isEmpty ? BenchmarkCase.all : cases.compactMap(BenchmarkCase.named)
        print(MachineDescription.current.lines.joined(separator: "\n"))
        print("Repeats: \(`repeat`) per program and matrix (median), clock: \(clock == .cpu ? "thread CPU time" : "wall")")
        var peers: PeerRunner? = nil
        if !noPeers {
            let (runner, reason) = PeerRunner.make(python: python, script: peersScript)
            peers = runner
            if let reason { print("Peers: not measured (\(reason))") }
        }
        defer { peers?.removeScratchDirectory() }
        print("")

        var timeTable = TextTable(headers: ["matrix", "job", "ours ms", "sweeps", "rotations", "GFLOP/s",
                                            "dgejsv ms", "ours/dgejsv", "gesdd ms", "ours/gesdd"],
                                  leftAligned: [0, 1])
        var accuracyTable = TextTable(headers: ["matrix", "program", "residual", "orthogonality",
                                                "max rel. diff σ vs dgejsv"], leftAligned: [0, 1])
        var gradedLines: [String] = []

        for benchmark in selected {
            let a = benchmark.make()
            for vectors in valuesOnly ? [false] : [false, true] {
                let job = vectors ? "vectors" : "values"
                printError("  \(benchmark.name) \(job) …")
                let ours = try OursMeasurement(a, vectors: vectors, repeats: `repeat`, clock: clock) {
                    guard let peers else { return nil }
                    do { return try peers.measure(a, vectors: vectors, repeats: `repeat`, clock: clock.rawValue) } catch {
                        printError("    \(error)")
                        return nil
                    }
                }
                let flops = NominalFlops.count(rows: a.rows, columns: a.columns, vectors: vectors)
                let peer = ours.peers
                timeTable.append([
                    benchmark.name, job, ms(ours.seconds), "\(ours.sweeps)", "\(ours.rotations)",
                    Format.fixed(flops / ours.seconds / 1e9, 2),
                    peer.map { ms($0.dgejsv.seconds) } ?? "–",
                    peer.map { Format.fixed(ours.seconds / $0.dgejsv.seconds, 2) } ?? "–",
                    peer.map { ms($0.gesdd.seconds) } ?? "–",
                    peer.map { Format.fixed(ours.seconds / $0.gesdd.seconds, 2) } ?? "–",
                ])
                let difference = peer.map {
                    Format.scientific(Accuracy.largestRelativeError(ours.singularValues,
                                                                    reference: $0.dgejsv.singularValues), 1)
                } ?? "–"
                if let svd = ours.decomposition {
                    accuracyTable.append([benchmark.name, "ours",
                                          Format.scientific(Accuracy.residual(a, svd), 1),
                                          Format.scientific(Accuracy.orthogonality(svd), 1), difference])
                    for (name, result) in [("dgejsv", peer?.dgejsv), ("gesdd", peer?.gesdd)] {
                        guard let result, let residual = result.residual, let orthogonality = result.orthogonality
                        else { continue }
                        let gap = name == "dgejsv" ? "" : Format.scientific(
                            Accuracy.largestRelativeError(result.singularValues,
                                                          reference: peer!.dgejsv.singularValues), 1)
                        accuracyTable.append([benchmark.name, name, Format.scientific(residual, 1),
                                              Format.scientific(orthogonality, 1), gap])
                    }
                } else {
                    accuracyTable.append([benchmark.name, "ours (values)", "", "", difference])
                }
                if benchmark.name.hasPrefix("graded") && !vectors && !noReference {
                    gradedLines = gradedAccuracy(a, ours: ours.singularValues, peers: peer)
                }
            }
        }
        print("Time (single thread; ratio < 1 means ours is faster):")
        print(timeTable.rendered())
        print("")
        print("Accuracy (largest entries, relative to σ₁):")
        print(accuracyTable.rendered())
        if !gradedLines.isEmpty {
            print("")
            print(gradedLines.joined(separator: "\n"))
        }
        print("")
        print("Load average at the end: \(MachineDescription.loadAverage)")
    }

    private func ms(_ seconds: Double) -> String { Format.significant(seconds * 1000, 4) }

    /// The relative error of every singular value of the graded matrix, against this core run in
    /// Float80 (whose unit roundoff is 2¹¹ times smaller than Double's).
    private func gradedAccuracy(_ a: Matrix<Double>, ours: [Double], peers: PeerTimes?) -> [String] {
        #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
        printError("  Float80 reference for the graded matrix …")
        guard let reference = try? OneSidedJacobi().singularValues(of: a.converted(to: Float80.self)) else {
            return ["Graded matrix: the Float80 reference did not converge"]
        }
        let exact = reference.singularValues.map { Double($0) }
        var table = TextTable(headers: ["program", "max relative error of σᵢ", "σ_min"], leftAligned: [0])
        table.append(["ours", Format.scientific(Accuracy.largestRelativeError(ours, reference: exact), 1),
                      Format.scientific(ours.last ?? 0, 3)])
        if let peers {
            for (name, values) in [("dgejsv", peers.dgejsv.singularValues), ("gesdd", peers.gesdd.singularValues)] {
                table.append([name, Format.scientific(Accuracy.largestRelativeError(values, reference: exact), 1),
                              Format.scientific(values.last ?? 0, 3)])
            }
        }
        return ["Graded \(a.rows)×\(a.columns), κ(A) = \(Format.scientific(exact.first! / exact.last!, 1)): "
                + "relative accuracy of the singular values against a Float80 reference",
                table.rendered()]
        #else
        return []
        #endif
    }
}

/// Our own timings for one matrix and job, with the peers measured in the middle.
struct OursMeasurement {
    var seconds: Double
    var sweeps: Int
    var rotations: Int
    var singularValues: [Double]
    var decomposition: SingularValueDecomposition<Double>?
    var peers: PeerTimes?

    /// One untimed warm-up run, then ⌈N/2⌉ timed runs, then `middle()` (the peers), then ⌊N/2⌋
    /// more timed runs: our median is taken over runs before and after the peers, so that a
    /// change in the machine's load affects both sides alike.
    init(_ a: Matrix<Double>, vectors: Bool, repeats: Int, clock: SVDBenchmark.Clock,
         middle: () -> PeerTimes?) throws {
        let jacobi = OneSidedJacobi()
        func once() throws -> (SingularValueDecomposition<Double>?, SingularValues<Double>?) {
            vectors ? (try jacobi.decompose(a, vectors: .thin), nil) : (nil, try jacobi.singularValues(of: a))
        }
        var (decomposition, values) = try once()
        var times: [Double] = []
        func timed(_ count: Int) throws {
            for _ in 0..<count {
                let start = Self.now(clock)
                (decomposition, values) = try once()
                times.append(Self.now(clock) - start)
            }
        }
        try timed((repeats + 1) / 2)
        peers = middle()
        try timed(repeats / 2)
        times.sort()
        seconds = times.count % 2 == 1 ? times[times.count / 2]
            : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
        self.decomposition = decomposition
        sweeps = decomposition?.diagnostics.sweeps ?? values!.diagnostics.sweeps
        rotations = decomposition?.diagnostics.rotations ?? values!.diagnostics.rotations
        singularValues = decomposition?.singularValues ?? values!.singularValues
    }
}

extension OursMeasurement {
    /// Seconds on the given clock: the running thread's CPU time, or the monotonic wall clock.
    static func now(_ clock: SVDBenchmark.Clock) -> Double {
        var time = timespec()
        clock_gettime(clock == .cpu ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

/// The machine and build the figures come from, for the header of the report.
struct MachineDescription {
    var lines: [String]

    static var current: MachineDescription {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) }
        #if DEBUG
        let configuration = "debug (optimized with -O, as every target of this package)"
        #else
        let configuration = "release"
        #endif
        #if SVDLAB_NATIVE
        let target = "-target-cpu native (SVDLAB_NATIVE=1)"
        #else
        let target = "default target (portable baseline)"
        #endif
        return MachineDescription(lines: [
            "CPU: \(model ?? "unknown"), \(ProcessInfo.processInfo.activeProcessorCount) cores",
            "Build: \(configuration), \(target)",
            "Load average at the start: \(loadAverage)",
        ])
    }

    static var loadAverage: String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "unknown")
            .split(separator: " ").prefix(3).joined(separator: " ")
    }
}
