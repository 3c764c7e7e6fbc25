import Foundation
import Testing

/// A fresh directory for each test that needs files, removed when that test ends, passed or
/// failed.
///
/// Attach it to a suite, `@Suite(.scratchDirectory) struct …`, and inside any of its tests (and
/// the tests of its nested suites) ask for ``ScratchDirectory/current``. The trait is a Swift
/// Testing scope: it makes the directory before the test case runs and deletes it afterwards,
/// so helpers that write a file and hand back its path need no clean-up of their own and
/// nothing is left in the system's temporary directory.
public struct ScratchDirectory: SuiteTrait, TestTrait, TestScoping {
    /// The directory of the test case now running; `nil` outside a suite with this trait.
    @TaskLocal public static var current: URL?

    /// The test cases of nested suites get a directory too.
    public var isRecursive: Bool { true }

    /// The suite itself (no test case) gets no directory; each of its test cases gets its own.
    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        guard testCase != nil else { return try await function() }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("svdlab-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Self.$current.withValue(directory, operation: function)
    }

    /// The directory of the running test case.
    /// - Throws: when the test's suite does not carry the trait (a mistake in the test).
    public static func required(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(current, "the suite needs the .scratchDirectory trait", sourceLocation: sourceLocation)
    }
}

extension Trait where Self == ScratchDirectory {
    /// Each test case of the suite gets a fresh directory, removed when it ends.
    public static var scratchDirectory: Self { ScratchDirectory() }
}
