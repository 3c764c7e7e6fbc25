import Foundation
import LabGrading
import LabMarkers
import SVDCore
import Testing

/// How outcomes become statuses, points and reports.
@Suite struct GradingRuleTests {
    static func task(_ id: String, points: Int = 4, dependsOn: [String] = [], tests: [(String, Double)],
                     hidden: [(String, Double)] = [], rule: Rubric.PartialCredit = .weighted) throws -> Rubric.Task {
        let json: [String: Any] = [
            "id": id, "title": "task \(id)", "exercise": "Core", "points": points, "dependsOn": dependsOn,
            "source": "S.swift", "guideSection": "G, Your task \(id)",
            "visibleTests": tests.map { ["name": $0.0, "weight": $0.1] },
            "hiddenTests": hidden.map { ["name": $0.0, "weight": $0.1] },
            "partialCredit": rule.rawValue, "hints": ["h"],
        ]
        return try JSONDecoder().decode(Rubric.Task.self, from: JSONSerialization.data(withJSONObject: json))
    }

    static func rubric(_ tasks: [Rubric.Task]) throws -> Rubric {
        let json: [String: Any] = ["instructorOnlyPaths": [], "studentReadme": "R.md", "timeLimitSeconds": 10, "tasks": []]
        var rubric = try JSONSerialization.jsonObject(with: JSONSerialization.data(withJSONObject: json)) as! [String: Any]
        rubric["tasks"] = try tasks.map { try JSONSerialization.jsonObject(with: JSONEncoder().encode($0)) }
        return try JSONDecoder().decode(Rubric.self, from: JSONSerialization.data(withJSONObject: rubric))
    }

    static func outcome(_ name: String, _ task: String, _ status: CheckOutcome.Status, missing: String? = nil) -> CheckOutcome {
        CheckOutcome(name: name, task: task, rationale: "r", status: status, casesRun: 1,
                     failure: status == .failed ? CaseFailure(property: "p", expected: "e", actual: "a", input: "i",
                                                              matrix: [[1, 2]], seed: 7) : nil,
                     missingTask: missing)
    }

    @Test func statusesFollowTheRules() throws {
        let a = try Self.task("A", tests: [("A.x", 1), ("A.y", 3)])
        let b = try Self.task("B", dependsOn: ["A"], tests: [("B.x", 1)])
        let c = try Self.task("C", tests: [("C.x", 1)])
        let d = try Self.task("D", tests: [("D.x", 1), ("D.gone", 1)])
        let e = try Self.task("E", tests: [("E.x", 1)])
        let rubric = try Self.rubric([a, b, c, d, e])
        let report = Grading.grade(rubric, includeHidden: false, seed: 1, hiddenSeed: nil) { task in
            switch task.id {
            case "A": return .finished([Self.outcome("A.x", "A", .passed), Self.outcome("A.y", "A", .failed)])
            case "B": return .finished([Self.outcome("B.x", "B", .passed)])
            case "C": return .timedOut(seconds: 10)
            case "D": return .finished([Self.outcome("D.x", "D", .passed)])
            default: return .finished([Self.outcome("E.x", "E", .notImplemented, missing: "E")])
            }
        }
        let status = Dictionary(uniqueKeysWithValues: report.tasks.map { ($0.id, $0.status) })
        #expect(status == ["A": .partial, "B": .passed, "C": .timedOut, "D": .partial, "E": .notImplemented])
        // Weighted partial credit: A passes weight 1 of 4.
        #expect(report.tasks[0].points == 1)
        // A test the build does not have (deleted or renamed) counts as failed.
        #expect(report.tasks[3].points == 2)
        #expect(report.tasks[3].feedback.contains("D.gone: this test is not in the build"))
        #expect(report.tasks[0].feedback.contains("--replay 7"))
    }

    @Test func aTaskWhoseDependencyFailsIsNotCheckable() throws {
        let a = try Self.task("A", tests: [("A.x", 1)])
        let b = try Self.task("B", dependsOn: ["A"], tests: [("B.x", 1)])
        let c = try Self.task("C", tests: [("C.x", 1)])
        let report = Grading.grade(try Self.rubric([a, b, c]), includeHidden: false, seed: 1, hiddenSeed: nil) { task in
            switch task.id {
            case "A": return .finished([Self.outcome("A.x", "A", .failed)])
            case "B": return .finished([Self.outcome("B.x", "B", .failed)])
            default: return .finished([Self.outcome("C.x", "C", .notImplemented, missing: "A")])
            }
        }
        #expect(report.tasks.map(\.status) == [.failed, .notCheckable, .notCheckable])
        #expect(report.tasks.map(\.points) == [0, 0, 0])
    }

    @Test func aCrashCostsOnlyItsTask() throws {
        let a = try Self.task("A", tests: [("A.x", 1)]), b = try Self.task("B", tests: [("B.x", 1)])
        let report = Grading.grade(try Self.rubric([a, b]), includeHidden: false, seed: 1, hiddenSeed: nil) { task in
            task.id == "A" ? .crashed("signal 4") : .finished([Self.outcome("B.x", "B", .passed)])
        }
        #expect(report.tasks.map(\.status) == [.failed, .passed])
        #expect(report.score == 4)
    }

    @Test func theJSONHasTheDocumentedShape() throws {
        let a = try Self.task("A", tests: [("A.x", 1)], hidden: [("A.h", 1)])
        let report = Grading.grade(try Self.rubric([a]), includeHidden: true, seed: 1, hiddenSeed: 2) { _ in
            .finished([Self.outcome("A.x", "A", .passed), Self.outcome("A.h", "A", .failed)])
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(report).utf8)) as? [String: Any])
        #expect(json["score"] as? Double == 2)
        #expect(json["maxScore"] as? Int == 4)
        let task = try #require((json["tasks"] as? [[String: Any]])?.first)
        for key in ["id", "title", "exercise", "points", "maxPoints", "status", "feedback"] { #expect(task[key] != nil, "\(key)") }
        #expect(task["status"] as? String == "partial")

        let gradescope = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormat.gradescope.render(report).utf8)) as? [String: Any])
        let tests = try #require(gradescope["tests"] as? [[String: Any]])
        #expect(tests.map { $0["visibility"] as? String } == ["visible", "after_published"])
        #expect(tests.map { $0["score"] as? Double } == [2, 0])
        #expect(try ReportFormat.junit.render(report).contains("<failure"))
    }

    /// A check with named cases: case "b" fails (and names its own witness matrix), "a" and "c" pass.
    static let named = Check("N.named", task: "N", rationale: "r", namedCases: ["a", "b", "c"], minimumColumns: 1,
                             generate: { index, _ in (Matrix(rows: 1, columns: 1, columnMajor: [Double(index)]), "case \(index)") }) { x in
        x[0, 0] == 1 ? Violation("b holds", expected: "e", actual: "a", witness: Matrix(rows: 1, columns: 2, columnMajor: [3, 4]),
                                 witnessKind: "the witness") : nil
    }

    @Test func namedCasesAreCreditedPerCase() throws {
        let outcome = Self.named.run(seed: 5)
        #expect(outcome.status == .failed)
        #expect(outcome.casesRun == 3)
        #expect(outcome.namedCases?.map(\.name) == ["a", "b", "c"])
        #expect(outcome.namedCases?.map(\.passed) == [true, false, true])
        #expect(outcome.credit == 2.0 / 3.0)
        // The witness is reported as it is, not the case input and not shrunk.
        let failure = try #require(outcome.namedCases?[1].failure)
        #expect(failure.matrix == [[3, 4]])
        #expect(failure.input.contains("the witness"))

        let a = try Self.task("N", points: 6, tests: [("N.named", 1), ("N.other", 1)])
        let report = Grading.grade(try Self.rubric([a]), includeHidden: false, seed: 5, hiddenSeed: nil) { _ in
            .finished([outcome, Self.outcome("N.other", "N", .passed)])
        }
        // 6 points × (1 · 2/3 + 1 · 1) / 2 = 5.
        #expect(report.tasks[0].points == 5)
        #expect(report.tasks[0].status == .partial)
        let feedback = report.tasks[0].feedback
        #expect(feedback.contains("N.named: 2 of 3 cases pass"))
        #expect(feedback.contains("✗ b: b holds"))
        #expect(feedback.contains("✓ a") && feedback.contains("✓ c"))
        #expect(feedback.contains("--replay \(failure.seed)"))
        let gradescope = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormat.gradescope.render(report).utf8)) as? [String: Any])
        let scores = try #require(gradescope["tests"] as? [[String: Any]]).map { $0["score"] as? Double }
        #expect(scores == [2, 3])
    }

    @Test func aNamedCaseReplaysAlone() throws {
        let failure = try #require(Self.named.run(seed: 5).namedCases?[1].failure)
        let replayed = Self.named.run(seed: 5, replay: failure.seed)
        #expect(replayed.namedCases?.map(\.name) == ["b"])
        #expect(replayed.credit == 0)
    }

    @Test func aStubInANamedCaseIsNotImplemented() {
        let stub = Check("N.stub", task: "N", rationale: "r", namedCases: ["a", "b"],
                         generate: { _, _ in (Matrix(rows: 1, columns: 1), "zero") }) { _ in
            throw TaskNotImplemented(task: "N", guideSection: "G")
        }
        let outcome = stub.run(seed: 1)
        #expect(outcome.status == .notImplemented)
        #expect(outcome.missingTask == "N")
        #expect(outcome.credit == 0)
    }
}
