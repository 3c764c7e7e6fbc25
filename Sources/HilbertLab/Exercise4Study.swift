import Foundation
import LabSupport
import SVDCore
import SVDDecomposers

/// Everything Exercise 4 computes, for the sizes asked for: the table of κ₂(Hₙ) per method, the
/// inertia of the stored matrices, the curve of κ₂ against n for the plot, the spectrum of H₁₅
/// per method, and the regularization experiment.
///
/// The text report, the JSON object and the figures are views of one study
/// (``textReport()``, ``json()``, ``figures()``), so they always show the same numbers.
public struct Exercise4Study: Sendable {
    /// What to compute.
    public struct Configuration: Sendable, Equatable {
        /// The n of the table, in the order given (default 5, 10, 15).
        public var sizes: [Int]
        /// The n of the regularization experiment.
        public var regularizationSize: Int
        /// ‖δb‖/‖b‖ in the regularization experiment.
        public var noise: Double
        /// The SVD algorithm applied to the stored matrices and the regularized systems (the
        /// `accurate` method is one-sided Jacobi on the Cauchy factors whatever this is).
        public var decomposer: NamedDecomposer

        public init(sizes: [Int] = [5, 10, 15], regularizationSize: Int = 12, noise: Double = 1e-8,
                    decomposer: NamedDecomposer = DecomposerRegistry.standard) {
            self.sizes = sizes
            self.regularizationSize = regularizationSize
            self.noise = noise
            self.decomposer = decomposer
        }

        /// The largest n accepted: the reference table ends there, and at n = 40 κ₂ ≈ 10⁵⁹ already.
        public static let largestSize = HilbertReference.largestSize

        /// Checks the configuration, with one line that says what is wrong.
        public func validate() throws(UserFacingError) {
            guard !sizes.isEmpty else { throw UserFacingError("--sizes needs at least one size") }
            for n in sizes where n < 1 || n > Self.largestSize {
                throw UserFacingError("--sizes: \(n) is out of range; each size must lie in 1…\(Self.largestSize)")
            }
            guard regularizationSize >= 2 && regularizationSize <= Self.largestSize else {
                throw UserFacingError("--regularization-size must lie in 2…\(Self.largestSize), got \(regularizationSize)")
            }
            guard noise.isFinite && noise >= 0 && noise < 1 else {
                throw UserFacingError("--noise must be a relative size in [0, 1), got \(noise)")
            }
        }

        /// Parses a comma-separated list of sizes such as "5,10,15" (spaces allowed; a repeated
        /// size is kept once, in its first place).
        public static func parseSizes(_ text: String) throws(UserFacingError) -> [Int] {
            var sizes: [Int] = []
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                let item = part.trimmingCharacters(in: .whitespaces)
                guard !item.isEmpty else {
                    throw UserFacingError("--sizes: empty item in '\(text)'; write e.g. 5,10,15")
                }
                guard let n = Int(item) else {
                    throw UserFacingError("--sizes: '\(item)' is not a whole number; write e.g. 5,10,15")
                }
                guard n >= 1 && n <= largestSize else {
                    throw UserFacingError("--sizes: \(n) is out of range; each size must lie in 1…\(largestSize)")
                }
                if !sizes.contains(n) { sizes.append(n) }
            }
            return sizes
        }
    }

    public let configuration: Configuration
    /// One result per size and available method, sizes in the order given (empty while tasks
    /// E4.1 or E4.2 are not done).
    public let results: [ConditionNumberResult]
    /// Inertia of fl(Hₙ) per size and stored precision.
    public let inertia: [StoredMatrixInertia]
    /// κ₂(Hₙ) per method for n = 1 … max(20, largest size), for the plot (empty while tasks E4.1
    /// or E4.2 are not done).
    public let curve: [HilbertMethod: [Double]]
    /// The singular values of H₁₅ per method (always n = 15: the case the exercise is about).
    public let spectrum15: [HilbertMethod: [Double]]
    /// The regularization experiment (nil while task E4.3 is not done).
    public let regularization: RegularizationStudy?
    /// The diagonal shift that makes a matrix singular (nil while task E4.4 is not done).
    public let shiftLimits: DiagonalShiftLimits?
    /// For each section that waits for a task of the student version, the note printed in its
    /// place (empty when every task is done).
    public let waiting: [Section: String]

    /// The parts of the report that call a task.
    public enum Section: Sendable, Hashable {
        /// The table of κ₂ and its digits, and why the stored precisions fail (E4.1, E4.2).
        case conditionTable
        /// The regularization experiment (E4.3).
        case regularization
        /// The counterexample to "A + αI raises σ_min" (E4.4).
        case diagonalShift
    }

    /// The n of the spectrum figure and of the narrative.
    public static let featuredSize = 15

    /// Computes everything. Takes well under a second for sizes up to 40.
    ///
    /// A section whose task is still a stub (the student version) is left out, with a note in
    /// ``waiting`` that names the task; every other error propagates.
    public init(_ configuration: Configuration) throws {
        try configuration.validate()
        self.configuration = configuration
        let decomposer = configuration.decomposer.decomposer
        var inertia: [StoredMatrixInertia] = []
        for n in configuration.sizes {
            for precision in HilbertMethod.availableStoredPrecisions {
                inertia.append(StoredMatrixInertia(n: n, storedIn: precision))
            }
        }
        let curveEnd = max(20, configuration.sizes.max() ?? 0)
        var spectrum: [HilbertMethod: [Double]] = [:]
        for method in HilbertMethod.available {
            spectrum[method] = try method.singularValues(ofHilbert: Self.featuredSize, using: decomposer)
        }
        var waiting: [Section: String] = [:]
        var table = PendingTasks()
        let computed = try table.attempt { () throws -> ([ConditionNumberResult], [HilbertMethod: [Double]]) in
            var results: [ConditionNumberResult] = []
            for n in configuration.sizes {
                for method in HilbertMethod.available {
                    results.append(try ConditionNumberResult(n: n, method: method, decomposer: decomposer))
                }
            }
            var curve: [HilbertMethod: [Double]] = [:]
            for method in HilbertMethod.available {
                curve[method] = try (1...curveEnd).map { n throws(SVDError) in
                    try ConditionNumberResult(n: n, method: method, decomposer: decomposer).conditionNumber
                }
            }
            return (results, curve)
        }
        if computed == nil { waiting[.conditionTable] = table.note("The condition numbers of Hₙ and their digits") }
        var regularizationTask = PendingTasks()
        regularization = try regularizationTask.attempt {
            try RegularizationStudy(n: configuration.regularizationSize, noise: configuration.noise, decomposer: decomposer)
        }
        if regularization == nil { waiting[.regularization] = regularizationTask.note("Regularization") }
        var shiftTask = PendingTasks()
        shiftLimits = try shiftTask.attempt { try DiagonalShiftLimits(decomposer: decomposer) }
        if shiftLimits == nil { waiting[.diagonalShift] = shiftTask.note("When A + αI lowers σ_min") }
        self.results = computed?.0 ?? []
        self.curve = computed?.1 ?? [:]
        self.inertia = inertia
        self.spectrum15 = spectrum
        self.waiting = waiting
    }

    /// The notes of ``waiting`` in the order of the report.
    public var waitingNotes: [String] {
        [Section.conditionTable, .regularization, .diagonalShift].compactMap { waiting[$0] }
    }

    /// The result for (n, method), if it was computed.
    public func result(n: Int, method: HilbertMethod) -> ConditionNumberResult? {
        results.first { $0.n == n && $0.method == method }
    }

    /// `{"decomposer": "jacobi", "results": [{"n": 5, "precision": "double", "conditionNumber": …, "sigmaMax": …,
    /// "sigmaMin": …}, …]}`: one entry per size and method, numbers with round-trip digits
    /// (`null` for a condition number that came out infinite).
    public func json() -> JSON {
        .object([("decomposer", .string(configuration.decomposer.name)), ("results", .array(results.map { r in
            .object([
                ("n", .number(r.n)),
                ("precision", .string(r.method.rawValue)),
                ("conditionNumber", .number(r.conditionNumber)),
                ("sigmaMax", .number(r.sigmaMax)),
                ("sigmaMin", .number(r.sigmaMin)),
            ])
        }))])
    }
}
