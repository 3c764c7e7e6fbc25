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
    /// One result per size and available method, sizes in the order given.
    public let results: [ConditionNumberResult]
    /// Inertia of fl(Hₙ) per size and stored precision.
    public let inertia: [StoredMatrixInertia]
    /// κ₂(Hₙ) per method for n = 1 … max(20, largest size), for the plot.
    public let curve: [HilbertMethod: [Double]]
    /// The singular values of H₁₅ per method (always n = 15: the case the exercise is about).
    public let spectrum15: [HilbertMethod: [Double]]
    /// The regularization experiment.
    public let regularization: RegularizationStudy

    /// The n of the spectrum figure and of the narrative.
    public static let featuredSize = 15

    /// Computes everything. Takes well under a second for sizes up to 40.
    public init(_ configuration: Configuration) throws {
        try configuration.validate()
        self.configuration = configuration
        let decomposer = configuration.decomposer.decomposer
        var results: [ConditionNumberResult] = []
        var inertia: [StoredMatrixInertia] = []
        for n in configuration.sizes {
            for method in HilbertMethod.available { results.append(try ConditionNumberResult(n: n, method: method, decomposer: decomposer)) }
            for precision in HilbertMethod.availableStoredPrecisions {
                inertia.append(StoredMatrixInertia(n: n, storedIn: precision))
            }
        }
        let curveEnd = max(20, configuration.sizes.max() ?? 0)
        var curve: [HilbertMethod: [Double]] = [:]
        var spectrum: [HilbertMethod: [Double]] = [:]
        for method in HilbertMethod.available {
            curve[method] = try (1...curveEnd).map { n throws(SVDError) in
                try ConditionNumberResult(n: n, method: method, decomposer: decomposer).conditionNumber
            }
            spectrum[method] = try method.singularValues(ofHilbert: Self.featuredSize, using: decomposer)
        }
        self.results = results
        self.inertia = inertia
        self.curve = curve
        self.spectrum15 = spectrum
        self.regularization = try RegularizationStudy(n: configuration.regularizationSize, noise: configuration.noise,
                                                      decomposer: decomposer)
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
