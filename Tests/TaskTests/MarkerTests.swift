import LabMarkers
import Testing

/// The marker format: what the student version keeps, replaces and drops, and every way a marker
/// can be malformed.
@Suite struct MarkerTests {
    static let source = """
        import SVDCore

        // TASK T1 (3): add two numbers
        public func add(_ a: Int, _ b: Int) throws -> Int {
            // BEGIN SOLUTION
            let sum = a + b
            return sum
            // END SOLUTION
        }

        // TASK T2 (1): a typed one
        func typed() throws(SVDError) -> Int {
            // BEGIN SOLUTION
            return 1
            // END SOLUTION
        }
        // BEGIN HIDDEN
        let secret = 42
        // END HIDDEN
        let kept = 1
        """

    @Test func readsTasksAndRegions() throws {
        let marked = try MarkedSource(path: "A.swift", text: Self.source)
        #expect(marked.tasks.map(\.id) == ["T1", "T2"])
        #expect(marked.tasks.map(\.points) == [3, 1])
        #expect(marked.tasks.map(\.title) == ["add two numbers", "a typed one"])
        #expect(marked.tasks.map(\.throwsSVDError) == [false, true])
        #expect(Array(marked.body(of: marked.tasks[0])) == ["        let sum = a + b", "        return sum"].map { String($0.dropFirst(4)) })
        #expect(marked.hiddenRegions.count == 1)
    }

    @Test func theStudentVersionHasStubsAndNoHiddenLines() throws {
        let marked = try MarkedSource(path: "A.swift", text: Self.source)
        let student = try #require(marked.studentText { "Guide, Your task \($0)" })
        #expect(!student.contains("let sum"))
        #expect(!student.contains("secret"))
        #expect(student.contains("let kept = 1"))
        #expect(student.contains("throw TaskNotImplemented(task: \"T1\", guideSection: \"Guide, Your task T1\")"))
        #expect(student.contains("throw SVDError.notImplemented(TaskNotImplemented(task: \"T2\""))
        #expect(!student.contains("fatalError"))
        // The markers stay, so that the student's code can be taken back out.
        let again = try MarkedSource(path: "A.swift", text: student)
        #expect(again.tasks.map(\.id) == ["T1", "T2"])
        #expect(again.hiddenRegions.isEmpty)
    }

    @Test func puttingTheSolutionsBackRestoresTheFile() throws {
        let original = try MarkedSource(path: "A.swift", text: Self.source)
        let student = try MarkedSource(path: "A.swift", text: try #require(original.studentText { _ in "G" }))
        let restored = student.replacingBodies(original.bodies)
        let expected = Self.source.replacingOccurrences(of: "// BEGIN HIDDEN\nlet secret = 42\n// END HIDDEN\n", with: "")
        #expect(restored == expected)
    }

    @Test func anInstructorOnlyFileIsLeftOut() throws {
        let marked = try MarkedSource(path: "B.swift", text: "// INSTRUCTOR ONLY\nlet answer = 1\n")
        #expect(marked.studentText { _ in "" } == nil)
    }

    @Test(arguments: [
        ("// BEGIN SOLUTION\n// END SOLUTION", 1, "without a TASK line"),
        ("// TASK X (1): t\nfunc f() {\n// END SOLUTION\n}", 3, "END SOLUTION without BEGIN"),
        ("// TASK X (1): t\nfunc f() {\n// BEGIN SOLUTION\n}", 1, "never closed"),
        ("// TASK X: no points\nfunc f() {}", 1, "points"),
        ("// TASK X (0): zero points\nfunc f() {}", 1, "points"),
        ("// TASK X (1): t\nfunc f() {}", 1, "no BEGIN SOLUTION"),
        ("// TASK X (1): a\n// BEGIN SOLUTION\n// END SOLUTION\n// TASK X (1): b\n// BEGIN SOLUTION\n// END SOLUTION", 4, "twice"),
        ("// BEGIN HIDDEN\nlet a = 1", 1, "never closed"),
        ("// END HIDDEN", 1, "END HIDDEN without"),
    ])
    func malformedMarkersAreRefusedWithTheirLine(_ text: String, _ line: Int, _ reason: String) {
        do {
            _ = try MarkedSource(path: "C.swift", text: text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
        }
    }
}
