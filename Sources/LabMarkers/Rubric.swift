import Foundation

/// `Exercises/rubric.json`: the tasks, what each is worth and how it is graded.
public struct Rubric: Codable, Sendable {
    /// One test of a task, graded as a whole: a property checked on many cases.
    public struct TestEntry: Codable, Sendable, Equatable {
        /// The check's name in the grader (`C2.graded-columns`).
        public let name: String
        /// Its share of the task's points, relative to the task's other tests.
        public let weight: Double
    }

    /// How a task's points follow from its tests.
    public enum PartialCredit: String, Codable, Sendable {
        /// The points times the weight of the tests passed over the weight of all tests.
        case weighted
        /// All the points when every test passes, none otherwise.
        case allOrNothing
    }

    public struct Task: Codable, Sendable {
        public let id: String
        public let title: String
        /// "Core", "Exercise 3", …
        public let exercise: String
        public let points: Int
        /// Tasks whose code this one calls: when one of them fails, this one is not checkable.
        public let dependsOn: [String]
        /// The file that holds the task's `// TASK` marker.
        public let source: String
        /// Where the guide explains the task, as a reader finds it.
        public let guideSection: String
        /// Run by `lab check` and `lab grade`, with fixed seeds.
        public let visibleTests: [TestEntry]
        /// Run only when the instructor grades, with fresh random cases.
        public let hiddenTests: [TestEntry]
        public let partialCredit: PartialCredit
        /// Hints from a nudge (level 1) to nearly the answer (the last level).
        public let hints: [String]
        /// True for a bonus task: its points count in the score, not in the maximum.
        public let bonus: Bool?
    }

    /// Paths (files or folders) that only the instructor's tree has.
    public let instructorOnlyPaths: [String]
    /// The README of the student version, relative to the package root.
    public let studentReadme: String
    /// The time one task's tests may take, in seconds.
    public let timeLimitSeconds: Double
    public let tasks: [Task]

    /// Where the rubric lives in the package.
    public static let path = "Exercises/rubric.json"

    public static func load(packageRoot: String) throws -> Rubric {
        let url = URL(fileURLWithPath: packageRoot).appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RubricError("cannot read \(path) under \(packageRoot)")
        }
        do { return try JSONDecoder().decode(Rubric.self, from: data) } catch {
            throw RubricError("\(path) is not a valid rubric: \(error)")
        }
    }

    public func task(_ id: String) -> Task? { tasks.first { $0.id == id } }

    /// The maximum score: the points of every task that is not a bonus.
    public var maxScore: Int { tasks.filter { $0.bonus != true }.map(\.points).reduce(0, +) }
}

/// A rubric that cannot be read or does not match the sources.
public struct RubricError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
