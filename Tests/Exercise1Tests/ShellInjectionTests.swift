import ExerciseTestSupport
import Foundation
import Plotting
import Testing

/// Column names and class labels of a user's CSV reach the figures' titles, axis labels and
/// legends; gnuplot must draw them as text and never run them.
@Suite struct ShellInjectionTests {
    @Test(.enabled(if: GnuplotRenderer().isAvailable, "gnuplot is not installed: apt-get install gnuplot-nox"))
    func headersAndClassLabelsAreDrawnNotRun() throws {
        let command = try ExerciseCommand("exercise1")
        defer { command.remove() }
        let text = { (place: String) in ShellInjection.payload(place, in: command.scratch) }
        let csv = """
            \(text("header1")),\(text("header2")),class
            1,2,\(text("label1"))
            2,3.5,\(text("label2"))
            3,1,\(text("label1"))
            4,7,\(text("label2"))

            """
        try Data(csv.utf8).write(to: command.scratch.appendingPathComponent("hostile.csv"))

        let run = try command.run(["--data", "hostile.csv", "--label", "class", "--plots-dir", "plots"])

        #expect(run.status == 0, "\(run.standardError)")
        #expect(command.files(in: command.scratch.appendingPathComponent("plots")).contains { $0.hasSuffix(".png") })
        #expect(ShellInjection.commandsThatRan(in: command.scratch) == [])
    }
}
