import Foundation

/// The instructor's package and the student version made from it.
public enum StudentTree {
    /// Every file of the package at `root`, relative to it: when `root` is a git checkout, the files
    /// git tracks or would track (not those `.gitignore` excludes: build products, `.lab/`); else
    /// every file outside `.build`, `.git`, `.swiftpm` and `.lab`.
    public static func packageFiles(root: String) throws -> [String] {
        if let tracked = gitTrackedFiles(root: root) { return tracked }
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: rootURL, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: []) else {
            throw RubricError("cannot list the files under \(root)")
        }
        var files: [String] = []
        for case let url as URL in walker {
            let relative = String(url.standardizedFileURL.path.dropFirst(rootURL.path.count + 1))
            let name = url.lastPathComponent
            if name == ".build" || name == ".git" || name == ".swiftpm" || name.hasPrefix(".build-") || name == ".lab" {
                walker.skipDescendants()
                continue
            }
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(relative) }
        }
        return files.sorted()
    }

    private static func gitTrackedFiles(root: String) -> [String]? {
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: root).appendingPathComponent(".git").path) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\0").map(String.init)
            .filter { FileManager.default.fileExists(atPath: URL(fileURLWithPath: root).appendingPathComponent($0).path) }
    }

    /// The marked Swift files of the package, parsed.
    public static func markedSources(root: String, files: [String]) throws -> [MarkedSource] {
        try files.filter { $0.hasSuffix(".swift") }.compactMap { relative in
            let text = try String(contentsOfFile: URL(fileURLWithPath: root).appendingPathComponent(relative).path, encoding: .utf8)
            let source = try MarkedSource(path: relative, text: text)
            return source.hasMarkers ? source : nil
        }
    }

    /// True when `path` is one of `prefixes` or lies inside one of them.
    public static func isUnder(_ path: String, _ prefixes: [String]) -> Bool {
        prefixes.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    /// Writes the student version of the package at `root` into `out`, which must not exist or be
    /// empty: solutions become stubs, hidden regions and instructor-only files are left out, the
    /// student README replaces the README, and a GitHub Classroom workflow grades each task.
    /// - Returns: how many files were written.
    @discardableResult
    public static func generate(root: String, rubric: Rubric, out: String) throws -> Int {
        let fm = FileManager.default
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        let outPath = URL(fileURLWithPath: out).standardizedFileURL.path
        guard outPath != rootPath && !outPath.hasPrefix(rootPath + "/") else {
            throw RubricError("\(out) lies inside the lab's own folder; choose a folder outside it (e.g. ../student-copy)")
        }
        if let existing = try? fm.contentsOfDirectory(atPath: out), !existing.isEmpty {
            throw RubricError("\(out) exists and is not empty; choose a new folder (nothing is overwritten)")
        }
        let files = try packageFiles(root: root)
        let guides = Dictionary(uniqueKeysWithValues: rubric.tasks.map { ($0.id, $0.guideSection) })
        var written = 0
        for relative in files where !isUnder(relative, rubric.instructorOnlyPaths) {
            let source = URL(fileURLWithPath: root).appendingPathComponent(relative)
            var target = URL(fileURLWithPath: out).appendingPathComponent(relative)
            if relative == "README.md" { continue }
            if relative == rubric.studentReadme { target = URL(fileURLWithPath: out).appendingPathComponent("README.md") }
            var data = try Data(contentsOf: source)
            if relative.hasSuffix(".swift") {
                let marked = try MarkedSource(path: relative, text: String(decoding: data, as: UTF8.self))
                guard let text = marked.studentText(guideSection: { guides[$0] ?? "the guide" }) else { continue }
                data = Data(text.utf8)
            }
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
            if fm.isExecutableFile(atPath: source.path) {
                try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
            }
            written += 1
        }
        let workflow = URL(fileURLWithPath: out).appendingPathComponent(".github/workflows/classroom.yml")
        try fm.createDirectory(at: workflow.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(classroomWorkflow(rubric).utf8).write(to: workflow)
        return written + 1
    }

    /// Copies the package at `root` (its tracked files) into `out`, writing only the files whose
    /// contents differ, so that a build there stays incremental from one grading to the next.
    public static func copyPackage(root: String, to out: String) throws {
        let fm = FileManager.default
        for relative in try packageFiles(root: root) {
            let source = URL(fileURLWithPath: root).appendingPathComponent(relative)
            let target = URL(fileURLWithPath: out).appendingPathComponent(relative)
            let data = try Data(contentsOf: source)
            if fm.contents(atPath: target.path) == data { continue }
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
            if fm.isExecutableFile(atPath: source.path) {
                try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
            }
        }
    }

    /// The task bodies a submission holds, by id: what the student wrote between the markers.
    /// - Throws: when a task's file is missing or its markers were damaged.
    public static func submittedBodies(submission: String, rubric: Rubric) throws -> [String: [String]] {
        var bodies: [String: [String]] = [:]
        for path in Set(rubric.tasks.map(\.source)) {
            let url = URL(fileURLWithPath: submission).appendingPathComponent(path)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw RubricError("the submission has no \(path)")
            }
            let marked = try MarkedSource(path: path, text: text)
            bodies.merge(marked.bodies) { first, _ in first }
        }
        return bodies
    }

    /// Puts `bodies` into the task regions of the package at `root`, file by file, in place.
    /// - Returns: the ids of the tasks replaced.
    @discardableResult
    public static func insertBodies(_ bodies: [String: [String]], root: String, rubric: Rubric) throws -> [String] {
        var replaced: [String] = []
        for path in Set(rubric.tasks.map(\.source)).sorted() {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            let marked = try MarkedSource(path: path, text: try String(contentsOf: url, encoding: .utf8))
            let mine = bodies.filter { id, _ in marked.tasks.contains { $0.id == id } }
            guard !mine.isEmpty else { continue }
            try Data(marked.replacingBodies(mine).utf8).write(to: url)
            replaced += mine.keys
        }
        return replaced.sorted()
    }

    /// A YAML double-quoted scalar (a title may hold ': ', which a plain scalar cannot).
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A GitHub Classroom workflow with one step per task, worth the task's points.
    public static func classroomWorkflow(_ rubric: Rubric) -> String {
        var yaml = """
            # Generated by `swift run lab-admin generate-student`: one autograding step per task.
            name: Autograding
            on: [push, workflow_dispatch]
            permissions:
              checks: write
              actions: read
              contents: read
            jobs:
              grade:
                runs-on: ubuntu-latest
                container: swift:6.1
                steps:
                  - uses: actions/checkout@v4
                  - run: apt-get update -qq && apt-get install -y -qq gnuplot-nox zlib1g-dev
                  - run: swift build --product lab

            """
        var ids: [String] = []
        for task in rubric.tasks {
            let stepID = task.id.lowercased().replacingOccurrences(of: ".", with: "-")
            ids.append(stepID)
            yaml += """
                      - name: \(yamlQuoted(task.id + " " + task.title))
                        id: \(stepID)
                        uses: classroom-resources/autograding-command-grader@v1
                        with:
                          test-name: \(task.id)
                          command: swift run --skip-build lab grade --only \(task.id) --require-full-marks
                          timeout: \(max(1, Int((rubric.timeLimitSeconds / 60).rounded(.up)) + 1))
                          max-score: \(task.points)

                """
        }
        yaml += """
                  - name: Autograding reporter
                    uses: classroom-resources/autograding-grading-reporter@v1
                    env:

            """
        for id in ids {
            yaml += "          \(id.uppercased().replacingOccurrences(of: "-", with: "_"))_RESULTS: \"${{ steps.\(id).outputs.result }}\"\n"
        }
        yaml += "        with:\n          runners: \(ids.joined(separator: ","))\n"
        return yaml
    }
}
