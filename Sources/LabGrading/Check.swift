import Foundation
import SVDCore
import SVDTestMatrices

/// What a property found wrong on one input.
public struct Violation: Sendable, Equatable {
    /// The property, in words ("A = U·Σ·Vᵀ to rounding").
    public let property: String
    public let expected: String
    public let actual: String
    /// The input that shows the violation, when the property searched inputs of its own (its case
    /// input is then only their description): reported in place of the case input, and not shrunk.
    public let witness: Matrix<Double>?
    /// What `witness` is ("graded 6×4, columns from 1 down to 1e-12, full SVD").
    public let witnessKind: String?

    public init(_ property: String, expected: String, actual: String, witness: Matrix<Double>? = nil,
                witnessKind: String? = nil) {
        self.property = property
        self.expected = expected
        self.actual = actual
        self.witness = witness
        self.witnessKind = witnessKind
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
    /// For a check with named cases: each case's result, in order (nil for an ordinary check).
    public var namedCases: [NamedCaseResult]?

    public init(name: String, task: String, rationale: String, status: Status, casesRun: Int, failure: CaseFailure?,
                missingTask: String?, namedCases: [NamedCaseResult]? = nil) {
        self.name = name
        self.task = task
        self.rationale = rationale
        self.status = status
        self.casesRun = casesRun
        self.failure = failure
        self.missingTask = missingTask
        self.namedCases = namedCases
    }

    /// The share of the test's weight this outcome earns: 1 when it passed; for a check with named
    /// cases, the fraction of its cases that passed; 0 otherwise.
    public var credit: Double {
        switch status {
        case .passed: return 1
        case .notImplemented: return 0
        case .failed:
            guard let cases = namedCases, !cases.isEmpty else { return 0 }
            return Double(cases.filter(\.passed).count) / Double(cases.count)
        }
    }
}

/// One named case of a parameterized check.
public struct NamedCaseResult: Codable, Sendable, Equatable {
    public var name: String
    public var passed: Bool
    /// The case's failure, when it failed.
    public var failure: CaseFailure?

    public init(name: String, passed: Bool, failure: CaseFailure?) {
        self.name = name
        self.passed = passed
        self.failure = failure
    }
}

/// A property of a task's code, checked on random and adversarial matrices.
///
/// Every case is drawn from its own seed, so any one case can be replayed alone. Inputs are
/// matrices (a check whose natural input is something else encodes it as one: three numbers as a
/// 1×3 matrix, a right-hand side as a last column), so that one shrinker serves every check and the
/// failing input can always be written to a file that `svd` reads.
///
/// A check with *named cases* (a parameterized check, `init(_:task:rationale:namedCases:…)`) runs
/// every one of its cases, a failure does not stop the others, and it earns the share of its weight
/// that its passing cases carry (`CheckOutcome.credit`).
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
    /// The names of the cases of a parameterized check, in order; empty for an ordinary check.
    public let caseNames: [String]
    /// Draws the input of case `index`: the matrix and a description of its kind.
    let generateCase: @Sendable (_ index: Int, inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String)
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
        self.caseNames = []
        self.generateCase = { _, g in generate(&g) }
        self.property = property
    }

    /// A parameterized check: one case per name in `namedCases`, whose input `generate` draws
    /// knowing the case's index; every case runs, and the check is credited per passing case.
    public init(_ name: String, task: String, rationale: String, namedCases: [String], minimumRows: Int = 1,
                minimumColumns: Int = 1,
                generate: @escaping @Sendable (_ index: Int, inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String),
                property: @escaping @Sendable (Matrix<Double>) throws -> Violation?) {
        self.name = name
        self.task = task
        self.rationale = rationale
        self.cases = namedCases.count
        self.minimumRows = minimumRows
        self.minimumColumns = minimumColumns
        self.caseNames = namedCases
        self.generateCase = generate
        self.property = property
    }

    /// Draws one input: the matrix and a description of its kind (for a parameterized check, the
    /// input of its first case).
    public var generate: @Sendable (inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String) {
        let generateCase = generateCase
        return { g in generateCase(0, &g) }
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
        if !caseNames.isEmpty { return runNamedCases(seed: runSeed, replay: replay) }
        let seeds = replay.map { [$0] } ?? (0..<cases).map { Self.caseSeed(run: runSeed, index: $0) }
        var outcome = CheckOutcome(name: name, task: task, rationale: rationale, status: .passed, casesRun: 0,
                                   failure: nil, missingTask: nil)
        for seed in seeds {
            outcome.casesRun += 1
            switch runCase(index: 0, seed: seed) {
            case nil:
                continue
            case let .missing(task)?:
                outcome.status = .notImplemented
                outcome.missingTask = task
                return outcome
            case let .failed(failure)?:
                outcome.status = .failed
                outcome.failure = failure
                return outcome
            }
        }
        return outcome
    }

    /// Every named case (or, with `replay`, the case whose seed it is; every case when it is none
    /// of them), none stopping the others; stops only at a stub.
    func runNamedCases(seed runSeed: UInt64, replay: UInt64?) -> CheckOutcome {
        let all = Array(caseNames.indices)
        let replayed = replay.map { seed in all.filter { Self.caseSeed(run: runSeed, index: $0) == seed } } ?? []
        var outcome = CheckOutcome(name: name, task: task, rationale: rationale, status: .passed, casesRun: 0,
                                   failure: nil, missingTask: nil, namedCases: [])
        for index in replayed.isEmpty ? all : replayed {
            outcome.casesRun += 1
            switch runCase(index: index, seed: Self.caseSeed(run: runSeed, index: index)) {
            case nil:
                outcome.namedCases?.append(NamedCaseResult(name: caseNames[index], passed: true, failure: nil))
            case let .missing(task)?:
                outcome.status = .notImplemented
                outcome.missingTask = task
                outcome.namedCases = nil
                return outcome
            case let .failed(failure)?:
                outcome.status = .failed
                outcome.failure = outcome.failure ?? failure
                outcome.namedCases?.append(NamedCaseResult(name: caseNames[index], passed: false, failure: failure))
            }
        }
        return outcome
    }

    enum CaseEnding {
        case failed(CaseFailure)
        case missing(String)
    }

    /// Runs one case: nil when the property holds.
    func runCase(index: Int, seed: UInt64) -> CaseEnding? {
        var generator = SeededGenerator(seed: seed)
        let (matrix, kind) = generateCase(index, &generator)
        switch verdict(matrix) {
        case .holds:
            return nil
        case let .missing(task):
            return .missing(task)
        case let .violated(violation):
            if let witness = violation.witness {
                return .failed(CaseFailure(property: violation.property, expected: violation.expected, actual: violation.actual,
                                           input: "\(kind); shown by: \(violation.witnessKind ?? "this matrix"), \(witness.rows)×\(witness.columns)",
                                           matrix: witness.rowArrays, seed: seed))
            }
            let (small, smallViolation) = shrink(matrix, violation)
            let shrunk = small.rows < matrix.rows || small.columns < matrix.columns
            return .failed(CaseFailure(
                property: smallViolation.property, expected: smallViolation.expected, actual: smallViolation.actual,
                input: "\(kind), \(matrix.rows)×\(matrix.columns)"
                    + (shrunk ? ", shrunk to \(small.rows)×\(small.columns) (rows and columns removed while it still fails)" : ""),
                matrix: small.rowArrays, seed: seed))
        }
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
