import Foundation
import SVDCore
import SVDTestMatrices

/// What a property found wrong on one input.
public struct Violation: Sendable, Equatable {
    /// The property, in words ("A = U·Σ·Vᵀ to rounding").
    public let property: String
    public let expected: String
    public let actual: String

    public init(_ property: String, expected: String, actual: String) {
        self.property = property
        self.expected = expected
        self.actual = actual
    }
}

/// A failed case, as the student sees it: what was checked, on which input, and how to replay it.
public struct CaseFailure: Codable, Sendable, Equatable {
    public var property: String
    public var expected: String
    public var actual: String
    /// What the input was ("graded 5×4 B·D, D from 1 to 1e-12"), after shrinking.
    public var input: String
    /// The input matrix after shrinking (rows), for `svd` and for the student's own tests.
    public var matrix: [[Double]]
    /// The case's seed: `lab check TASK --replay SEED` runs this case again.
    public var seed: UInt64

    public init(property: String, expected: String, actual: String, input: String, matrix: [[Double]], seed: UInt64) {
        self.property = property
        self.expected = expected
        self.actual = actual
        self.input = input
        self.matrix = matrix
        self.seed = seed
    }
}

/// One check's result over all its cases.
public struct CheckOutcome: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case passed, failed, notImplemented
    }

    public var name: String
    public var task: String
    public var rationale: String
    public var status: Status
    public var casesRun: Int
    /// For `failed`: the first failing case, shrunk.
    public var failure: CaseFailure?
    /// For `notImplemented`: the task whose stub was reached (this task or one it calls).
    public var missingTask: String?

    public init(name: String, task: String, rationale: String, status: Status, casesRun: Int, failure: CaseFailure?,
                missingTask: String?) {
        self.name = name
        self.task = task
        self.rationale = rationale
        self.status = status
        self.casesRun = casesRun
        self.failure = failure
        self.missingTask = missingTask
    }
}

/// A property of a task's code, checked on random and adversarial matrices.
///
/// Every case is drawn from its own seed, so any one case can be replayed alone. Inputs are
/// matrices (a check whose natural input is something else encodes it as one: three numbers as a
/// 1×3 matrix, a right-hand side as a last column), so that one shrinker serves every check and the
/// failing input can always be written to a file that `svd` reads.
public struct Check: Sendable {
    public let name: String
    public let task: String
    /// Why the property must hold: shown with every result.
    public let rationale: String
    /// Cases per run.
    public let cases: Int
    /// Shrinking removes rows and columns, but never below these.
    public let minimumRows: Int
    public let minimumColumns: Int
    /// Draws one input: the matrix and a description of its kind.
    public let generate: @Sendable (inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String)
    /// Checks the property on one input: nil when it holds. Errors other than a task's
    /// `TaskNotImplemented` count as a violation ("threw …").
    public let property: @Sendable (Matrix<Double>) throws -> Violation?

    public init(_ name: String, task: String, rationale: String, cases: Int = 60, minimumRows: Int = 1,
                minimumColumns: Int = 1,
                generate: @escaping @Sendable (inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String),
                property: @escaping @Sendable (Matrix<Double>) throws -> Violation?) {
        self.name = name
        self.task = task
        self.rationale = rationale
        self.cases = cases
        self.minimumRows = minimumRows
        self.minimumColumns = minimumColumns
        self.generate = generate
        self.property = property
    }

    /// The seed of case `index` of a run seeded with `runSeed` (SplitMix64 of both, so that
    /// neighbouring indices give unrelated cases).
    public static func caseSeed(run runSeed: UInt64, index: Int) -> UInt64 {
        var z = runSeed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(index + 1)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Runs every case of a run seeded with `runSeed` (or only the case `replay`), stopping at the
    /// first failure, which is shrunk.
    public func run(seed runSeed: UInt64, replay: UInt64? = nil) -> CheckOutcome {
        let seeds = replay.map { [$0] } ?? (0..<cases).map { Self.caseSeed(run: runSeed, index: $0) }
        var outcome = CheckOutcome(name: name, task: task, rationale: rationale, status: .passed, casesRun: 0,
                                   failure: nil, missingTask: nil)
        for seed in seeds {
            var generator = SeededGenerator(seed: seed)
            let (matrix, kind) = generate(&generator)
            outcome.casesRun += 1
            switch verdict(matrix) {
            case .holds:
                continue
            case let .missing(task):
                outcome.status = .notImplemented
                outcome.missingTask = task
                return outcome
            case let .violated(violation):
                let (small, smallViolation) = shrink(matrix, violation)
                let shrunk = small.rows < matrix.rows || small.columns < matrix.columns
                outcome.status = .failed
                outcome.failure = CaseFailure(
                    property: smallViolation.property, expected: smallViolation.expected, actual: smallViolation.actual,
                    input: "\(kind), \(matrix.rows)×\(matrix.columns)"
                        + (shrunk ? ", shrunk to \(small.rows)×\(small.columns) (rows and columns removed while it still fails)" : ""),
                    matrix: small.rowArrays, seed: seed)
                return outcome
            }
        }
        return outcome
    }

    enum Verdict {
        case holds
        case violated(Violation)
        case missing(String)
    }

    func verdict(_ matrix: Matrix<Double>) -> Verdict {
        do {
            return try property(matrix).map(Verdict.violated) ?? .holds
        } catch {
            if let missing = TaskNotImplemented.missingTask(in: error) { return .missing(missing.task) }
            return .violated(Violation("runs without an error", expected: "a result", actual: "threw: \(error)"))
        }
    }

    /// Removes rows and columns one at a time while the property still fails: the smallest input
    /// found that shows the fault is the easiest to read.
    func shrink(_ matrix: Matrix<Double>, _ violation: Violation) -> (Matrix<Double>, Violation) {
        var current = matrix, currentViolation = violation
        var attempts = 0
        var improved = true
        while improved && attempts < 200 {
            improved = false
            let candidates = (0..<current.rows).compactMap { removingRow($0, of: current) }
                + (0..<current.columns).compactMap { removingColumn($0, of: current) }
            for candidate in candidates {
                attempts += 1
                // Only the same property: the feedback must stay about the fault first found.
                if case let .violated(v) = verdict(candidate), v.property == violation.property {
                    current = candidate
                    currentViolation = v
                    improved = true
                    break
                }
            }
        }
        return (current, currentViolation)
    }

    private func removingRow(_ i: Int, of a: Matrix<Double>) -> Matrix<Double>? {
        guard a.rows > minimumRows else { return nil }
        return Matrix(rows: a.rows - 1, columns: a.columns) { r, c in a[r < i ? r : r + 1, c] }
    }

    private func removingColumn(_ j: Int, of a: Matrix<Double>) -> Matrix<Double>? {
        guard a.columns > minimumColumns else { return nil }
        return Matrix(rows: a.rows, columns: a.columns - 1) { r, c in a[r, c < j ? c : c + 1] }
    }
}
