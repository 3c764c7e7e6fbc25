import Foundation
import Testing
@testable import Plotting

/// Text from users' files reaches gnuplot scripts as titles, labels and legends. gnuplot runs
/// back-quoted text inside double-quoted strings, and `system(…)` or `!` at the start of a line,
/// as shell commands; these tests render figures whose every string carries such a payload and
/// check that no command ran.
@Suite struct InjectionTests {
    /// Payloads that would each run `touch <marker>` if the text were not quoted safely: back
    /// quotes, a closed quote followed by a `system` call, and a new line starting with `!`.
    static func payloads(touching marker: URL) -> [String] {
        let touch = "touch \(marker.path)"
        return [
            "a`\(touch)`b",
            "a\"`\(touch)`\"b",
            "a'.system('\(touch)').'b",
            "a\".system(\"\(touch)\").\"b",
            "a\\'.system('\(touch)').'\\b",
            "line\n!\(touch)\nline",
            "cr\r!\(touch)",
        ]
    }

    /// Every place of a figure that holds text, each with its own marker file.
    enum Place: String, CaseIterable {
        case figureTitle, panelTitle, xLabel, yLabel, seriesTitle, barLabel, arrowLabel, note
    }

    static func figure(with text: (Place) -> String) -> Figure {
        let lines = Panel(
            title: text(.panelTitle), x: Axis(text(.xLabel)), y: Axis(text(.yLabel)),
            notes: [Note(text(.note), at: 2, 2)], series: [.line([1, 2, 3], title: text(.seriesTitle))])
        let bars = Panel(series: [.bars([1, 2], labels: [text(.barLabel), "plain"])])
        let arrows = Panel(series: [.arrows([Arrow(from: (0, 0), to: (1, 1), label: text(.arrowLabel))])])
        return Figure(name: "hostile", title: text(.figureTitle), rows: 1, columns: 3,
                      panels: [lines, bars, arrows])
    }

    @Test(.enabled(if: gnuplotAvailable, "gnuplot is not installed: apt-get install gnuplot-nox"),
          arguments: 0..<7)
    func noTextInAFigureRunsAShellCommand(payload index: Int) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func marker(_ place: Place) -> URL { directory.appendingPathComponent("ran-\(place.rawValue)") }
        let figure = Self.figure { place in Self.payloads(touching: marker(place))[index] }

        let outcome = try GnuplotRenderer().render(figure, formats: [.png], in: directory)

        guard case .rendered = outcome else {
            Issue.record("a hostile title should still draw, got \(outcome)")
            return
        }
        for place in Place.allCases {
            #expect(!FileManager.default.fileExists(atPath: marker(place).path),
                    "gnuplot ran a shell command written in the \(place.rawValue)")
        }
    }

    /// The check above must be able to fail: the same payload in a double-quoted title, the way
    /// scripts were written before, does run the command.
    @Test(.enabled(if: gnuplotAvailable, "gnuplot is not installed: apt-get install gnuplot-nox"))
    func theProbeDetectsAnInjectionWhenOneHappens() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let marker = directory.appendingPathComponent("ran")
        let script = directory.appendingPathComponent("probe.gp")
        try "set terminal dumb\nset title \"a`touch \(marker.path)`b\"\nplot x\n"
            .write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = try #require(GnuplotRenderer.locate(environment: ProcessInfo.processInfo.environment))
        process.arguments = [script.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: marker.path))
    }
}
