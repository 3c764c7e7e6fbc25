import LabGrading
import LabMarkers
import Testing

/// Every check of every task passes on the instructor's solutions, on fresh cases each run
/// (the seed is in the failure message, and `lab check TASK --replay` replays a case).
@Suite struct SolutionTests {
    static let seed = TaskProcess.freshSeed()

    @Test(arguments: CheckRegistry.all.map(\.name))
    func theSolutionPasses(_ name: String) throws {
        let check = try #require(CheckRegistry.check(named: name))
        let outcome = check.run(seed: Self.seed)
        #expect(outcome.status == .passed, "\(name) with run seed \(Self.seed): \(outcome.failure.map { "\($0)" } ?? outcome.missingTask ?? "")")
    }

    @Test func everyRubricTestExistsAndBelongsToItsTask() throws {
        let rubric = try Rubric.load(packageRoot: try TaskProcess.packageRoot())
        for task in rubric.tasks {
            for test in task.visibleTests + task.hiddenTests {
                #expect(CheckRegistry.check(named: test.name)?.task == task.id, "\(test.name) of \(task.id)")
            }
        }
    }
}
