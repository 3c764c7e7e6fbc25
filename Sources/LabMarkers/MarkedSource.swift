/// A source file of the instructor's lab, read for its markers.
///
/// The markers are comment lines, so that the instructor's tree is ordinary Swift that builds and
/// passes as it is:
///
///     // TASK C1 (2): the rotation that makes two columns orthogonal
///     public func jacobiRotation<Scalar: SVDScalar>(…) throws(SVDError) -> PlaneRotation<Scalar> {
///         // BEGIN SOLUTION
///         … the instructor's solution …
///         // END SOLUTION
///     }
///
/// - `// TASK <id> (<points>): <title>` introduces the function that holds the task; the next
///   `// BEGIN SOLUTION` … `// END SOLUTION` pair (inside that function) is the part the student
///   writes. The student version replaces it by a stub that throws `TaskNotImplemented`.
/// - `// BEGIN HIDDEN` … `// END HIDDEN` encloses lines only the instructor's tree has (hidden
///   tests, instructor-only targets in Package.swift): the student version drops them.
/// - A file whose first line is `// INSTRUCTOR ONLY` is left out of the student version.
///
/// Every marker is a whole line (leading white space allowed); anything else is code.
public struct MarkedSource: Sendable {
    /// One task's region.
    public struct Task: Sendable, Equatable {
        public let id: String
        public let points: Int
        public let title: String
        /// Zero-based index of the `// TASK` line.
        public let taskLine: Int
        /// Zero-based indices of the `// BEGIN SOLUTION` and `// END SOLUTION` lines.
        public let beginLine: Int
        public let endLine: Int
        /// The white space before `// BEGIN SOLUTION`, reused for the stub.
        public let indentation: String
        /// True when the function's signature (the lines from `// TASK` to `// BEGIN SOLUTION`)
        /// says `throws(SVDError)`: its stub must throw an `SVDError`.
        public let throwsSVDError: Bool
    }

    public let path: String
    public let lines: [String]
    public let tasks: [Task]
    /// Zero-based (begin, end) line pairs of `// BEGIN HIDDEN` … `// END HIDDEN`.
    public let hiddenRegions: [ClosedRange<Int>]
    /// The file starts with `// INSTRUCTOR ONLY`.
    public let isInstructorOnly: Bool

    /// Reads the markers of `text`.
    /// - Throws: `MarkerError` naming the file and line of the first inconsistency: a region
    ///   opened twice or never closed, an `END` without its `BEGIN`, a `TASK` line that does not
    ///   parse or has no solution region, a solution region without a `TASK` line.
    public init(path: String, text: String) throws(MarkerError) {
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        isInstructorOnly = lines.first?.trimmingWhiteSpace == "// INSTRUCTOR ONLY"
        var tasks: [Task] = []
        var hidden: [ClosedRange<Int>] = []
        var pendingTask: (id: String, points: Int, title: String, line: Int)?
        var openSolution: Int?
        var openHidden: Int?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingWhiteSpace
            func fail(_ reason: String) -> MarkerError { MarkerError(path: path, line: index + 1, reason: reason) }
            if line.hasPrefix("// TASK ") {
                guard pendingTask == nil, openSolution == nil else {
                    throw fail("a TASK line before the previous task's solution region was closed")
                }
                guard let header = Self.parseTaskHeader(line) else {
                    throw fail("expected '// TASK <id> (<points>): <title>' with a positive whole number of points")
                }
                if tasks.contains(where: { $0.id == header.id }) { throw fail("task \(header.id) is marked twice") }
                pendingTask = (header.id, header.points, header.title, index)
            } else if line == "// BEGIN SOLUTION" {
                guard openSolution == nil else { throw fail("BEGIN SOLUTION inside another solution region") }
                guard pendingTask != nil else { throw fail("BEGIN SOLUTION without a TASK line above it") }
                openSolution = index
            } else if line == "// END SOLUTION" {
                guard let begin = openSolution, let task = pendingTask else {
                    throw fail("END SOLUTION without BEGIN SOLUTION")
                }
                let signature = lines[task.line...begin].joined(separator: "\n")
                let indentation = String(lines[begin].prefix { $0 == " " || $0 == "\t" })
                tasks.append(Task(id: task.id, points: task.points, title: task.title, taskLine: task.line,
                                  beginLine: begin, endLine: index, indentation: indentation,
                                  throwsSVDError: signature.contains("throws(SVDError)")))
                openSolution = nil
                pendingTask = nil
            } else if line == "// BEGIN HIDDEN" {
                guard openHidden == nil else { throw fail("BEGIN HIDDEN inside another hidden region") }
                openHidden = index
            } else if line == "// END HIDDEN" {
                guard let begin = openHidden else { throw fail("END HIDDEN without BEGIN HIDDEN") }
                hidden.append(begin...index)
                openHidden = nil
            }
        }
        if let task = pendingTask {
            throw MarkerError(path: path, line: task.line + 1,
                              reason: openSolution == nil ? "task \(task.id) has no BEGIN SOLUTION … END SOLUTION region"
                                                          : "task \(task.id)'s solution region is never closed")
        }
        if let begin = openHidden { throw MarkerError(path: path, line: begin + 1, reason: "BEGIN HIDDEN is never closed") }
        self.tasks = tasks
        self.hiddenRegions = hidden
    }

    /// True when the file has any marker at all.
    public var hasMarkers: Bool { isInstructorOnly || !tasks.isEmpty || !hiddenRegions.isEmpty }

    /// `// TASK C1 (2): title` → ("C1", 2, "title").
    static func parseTaskHeader(_ line: String) -> (id: String, points: Int, title: String)? {
        let rest = line.dropFirst("// TASK ".count)
        guard let open = rest.firstIndex(of: "("), let close = rest.firstIndex(of: ")"), open < close else { return nil }
        let id = rest[..<open].trimmingWhiteSpace
        guard !id.isEmpty, !id.contains(" "), let points = Int(rest[rest.index(after: open)..<close]), points > 0 else {
            return nil
        }
        let afterClose = rest[rest.index(after: close)...]
        guard afterClose.hasPrefix(":") else { return nil }
        let title = afterClose.dropFirst().trimmingWhiteSpace
        guard !title.isEmpty else { return nil }
        return (id, points, title)
    }

    /// The lines strictly between a task's `BEGIN SOLUTION` and `END SOLUTION`.
    public func body(of task: Task) -> ArraySlice<String> { lines[(task.beginLine + 1)..<task.endLine] }

    /// The stub that replaces a solution: it compiles whatever the function returns, because it
    /// only throws, and its error names the task and where the guide explains it.
    public static func stub(for task: Task, guideSection: String) -> [String] {
        let error = "TaskNotImplemented(task: \(swiftLiteral(task.id)), guideSection: \(swiftLiteral(guideSection)))"
        let statement = task.throwsSVDError ? "throw SVDError.notImplemented(\(error))" : "throw \(error)"
        return [task.indentation + "// Your code here: replace this line (\(task.id) in the guide).",
                task.indentation + statement]
    }

    /// The student's version of this file: each solution replaced by its stub, hidden regions
    /// dropped; nil for an instructor-only file.
    /// - Parameter guideSection: where the guide explains a task, by id.
    public func studentText(guideSection: (String) -> String) -> String? {
        if isInstructorOnly { return nil }
        var replacements: [(range: Range<Int>, lines: [String])] = tasks.map { task in
            ((task.beginLine + 1)..<task.endLine, Self.stub(for: task, guideSection: guideSection(task.id)))
        }
        replacements += hiddenRegions.map { ($0.lowerBound..<($0.upperBound + 1), []) }
        return Self.replacing(lines, replacements).joined(separator: "\n")
    }

    /// This file with the bodies of the tasks in `bodies` (by id) put in place of its own.
    public func replacingBodies(_ bodies: [String: [String]]) -> String {
        let replacements: [(range: Range<Int>, lines: [String])] = tasks.compactMap { task in
            guard let body = bodies[task.id] else { return nil }
            return ((task.beginLine + 1)..<task.endLine, body)
        }
        return Self.replacing(lines, replacements).joined(separator: "\n")
    }

    /// Every task's body by id.
    public var bodies: [String: [String]] {
        Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, Array(body(of: $0))) })
    }

    /// Replaces line ranges, which must not overlap (an empty range `k..<k` inserts before line k).
    private static func replacing(_ lines: [String], _ replacements: [(range: Range<Int>, lines: [String])]) -> [String] {
        var result: [String] = []
        var next = 0
        for (range, newLines) in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            result += lines[next..<range.lowerBound]
            result += newLines
            next = range.upperBound
        }
        result += lines[min(next, lines.count)...]
        return result
    }

    private static func swiftLiteral(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// A marker that does not fit the format, with where it is.
public struct MarkerError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    /// One-based.
    public let line: Int
    public let reason: String

    public var description: String { "\(path):\(line): \(reason)" }
}

extension StringProtocol {
    var trimmingWhiteSpace: String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
