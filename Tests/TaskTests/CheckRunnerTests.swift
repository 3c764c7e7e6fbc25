import LabGrading
import SVDCore
import SVDTestMatrices
import Testing

/// The property runner: failures are found, shrunk, replayable; a stub is "not implemented".
@Suite struct CheckRunnerTests {
    /// Fails whenever the matrix has a column with a negative first entry.
    static let picky = Check("T.picky", task: "T", rationale: "r", cases: 50,
                             generate: { g in (TestMatrices.gaussian(rows: 5, columns: 4, using: &g), "Gaussian") }) { a in
        (0..<a.columns).contains { a[0, $0] < 0 } ? Violation("first row non-negative", expected: "≥ 0", actual: "< 0") : nil
    }

    @Test func aFailureIsShrunkAndReplayable() throws {
        let outcome = Self.picky.run(seed: 3)
        #expect(outcome.status == .failed)
        let failure = try #require(outcome.failure)
        // One row and one column suffice to show the fault.
        #expect(failure.matrix.count == 1 && failure.matrix[0].count == 1)
        #expect(failure.matrix[0][0] < 0)
        let replayed = Self.picky.run(seed: 999, replay: failure.seed)
        #expect(replayed.casesRun == 1)
        #expect(replayed.failure == failure)
    }

    @Test func aStubIsNotImplementedNotFailed() {
        let stub = Check("T.stub", task: "T", rationale: "r", generate: { _ in (Matrix(rows: 1, columns: 1), "zero") }) { _ in
            throw SVDError.notImplemented(TaskNotImplemented(task: "T", guideSection: "G"))
        }
        let outcome = stub.run(seed: 1)
        #expect(outcome.status == .notImplemented)
        #expect(outcome.missingTask == "T")
    }

    @Test func anotherErrorIsAFailure() {
        let throwing = Check("T.throws", task: "T", rationale: "r", generate: { _ in (Matrix(rows: 1, columns: 1), "zero") }) { _ in
            throw SVDError.noConvergence(sweeps: 30, largestCosine: 1)
        }
        #expect(throwing.run(seed: 1).status == .failed)
    }
}
