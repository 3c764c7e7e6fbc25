import Foundation
import LabGrading
import LabMarkers

/// The markers in the sources and the rubric must describe the same tasks.
enum Consistency {
    /// - Throws: a `RubricError` listing every inconsistency found (a task marked in the sources
    ///   but not in the rubric or the other way round, different points or files, a task without
    ///   hints or visible tests, a test the grader does not know or that belongs to another task,
    ///   a dependency that is unknown or comes later, a guide without the task's section).
    static func check(root: String, rubric: Rubric) throws {
        let files = try StudentTree.packageFiles(root: root)
        // Instructor-only files are not the student's: their marker-like lines (the marker tests'
        // examples) mark nothing.
        let marked = try StudentTree.markedSources(root: root, files: files.filter { !StudentTree.isUnder($0, rubric.instructorOnlyPaths) })
        var problems: [String] = []
        var found: [String: (MarkedSource.Task, String)] = [:]
        for source in marked {
            for task in source.tasks { found[task.id] = (task, source.path) }
        }
        let checks = Dictionary(CheckRegistry.all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        for task in rubric.tasks {
            defer { seen.insert(task.id) }
            guard let (marker, path) = found[task.id] else {
                problems.append("\(task.id): in the rubric, but no '// TASK \(task.id) (…)' marker in the sources")
                continue
            }
            if marker.points != task.points { problems.append("\(task.id): \(marker.points) points in \(path), \(task.points) in the rubric") }
            if path != task.source { problems.append("\(task.id): marked in \(path), the rubric says \(task.source)") }
            if task.hints.isEmpty { problems.append("\(task.id): no hints") }
            if task.visibleTests.isEmpty { problems.append("\(task.id): no visible tests") }
            for test in task.visibleTests + task.hiddenTests {
                guard let check = checks[test.name] else { problems.append("\(task.id): the grader has no test '\(test.name)'"); continue }
                if check.task != task.id { problems.append("\(task.id): test '\(test.name)' checks task \(check.task)") }
                if !(test.weight > 0) { problems.append("\(task.id): test '\(test.name)' has weight \(test.weight)") }
            }
            for dependency in task.dependsOn where !seen.contains(dependency) {
                problems.append("\(task.id): depends on \(dependency), which is unknown or comes later in the rubric")
            }
            let guide = String(task.guideSection.prefix { $0 != "," })
            let guideText = (try? String(contentsOfFile: root + "/" + guide, encoding: .utf8)) ?? ""
            if !guideText.contains("Your task \(task.id)") {
                problems.append("\(task.id): \(guide) has no 'Your task \(task.id)' section")
            }
        }
        for id in found.keys.sorted() where rubric.task(id) == nil {
            problems.append("\(id): marked in \(found[id]!.1), but not in the rubric")
        }
        let visibleNames = Set(rubric.tasks.flatMap(\.visibleTests).map(\.name))
        for check in CheckRegistry.all where !visibleNames.contains(check.name)
            && !rubric.tasks.flatMap(\.hiddenTests).contains(where: { $0.name == check.name }) {
            problems.append("the grader's test '\(check.name)' is in no task of the rubric")
        }
        guard problems.isEmpty else {
            throw RubricError("the markers and \(Rubric.path) disagree:\n  " + problems.joined(separator: "\n  "))
        }
    }
}
