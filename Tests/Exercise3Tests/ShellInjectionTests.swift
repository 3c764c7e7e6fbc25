import ExerciseTestSupport
import Foundation
import LeastSquaresLab
import Plotting
import Testing

/// A CSV's column names and a StRD file's `Dataset Name:` line reach the figures' titles and
/// labels; gnuplot must draw them as text and never run them.
@Suite struct ShellInjectionTests {
    @Test(.enabled(if: GnuplotRenderer().isAvailable, "gnuplot is not installed: apt-get install gnuplot-nox"))
    func csvHeadersAreDrawnNotRun() throws {
        let command = try ExerciseCommand("exercise3")
        defer { command.remove() }
        let text = { (place: String) in ShellInjection.payload(place, in: command.scratch) }
        let csv = "\(text("xheader")),\(text("yheader"))\n1,2\n2,3\n3,5\n4,4\n"
        try Data(csv.utf8).write(to: command.scratch.appendingPathComponent("hostile.csv"))

        let run = try command.run(["--data", "hostile.csv", "--degree", "1", "--plots-dir", "plots"])

        #expect(run.status == 0, "\(run.standardError)")
        #expect(command.files(in: command.scratch.appendingPathComponent("plots")).contains { $0.hasSuffix(".png") })
        #expect(ShellInjection.commandsThatRan(in: command.scratch) == [])
    }

    @Test(.enabled(if: GnuplotRenderer().isAvailable, "gnuplot is not installed: apt-get install gnuplot-nox"))
    func aDataSetNameIsDrawnNotRun() throws {
        let command = try ExerciseCommand("exercise3")
        defer { command.remove() }
        let norris = try #require(ReferenceDatasets.url(named: "Norris"))
        let original = try String(contentsOf: norris, encoding: .utf8)
        let hostile = original.replacingOccurrences(
            of: "Dataset Name:  Norris", with: "Dataset Name:  \(ShellInjection.payload("name", in: command.scratch))")
        #expect(hostile != original, "the Dataset Name line was not found")
        try Data(hostile.utf8).write(to: command.scratch.appendingPathComponent("hostile.dat"))

        let run = try command.run(["--data", "hostile.dat", "--plots-dir", "plots"])

        #expect(run.status == 0, "\(run.standardError)")
        #expect(command.files(in: command.scratch.appendingPathComponent("plots")).contains { $0.hasSuffix(".png") })
        #expect(ShellInjection.commandsThatRan(in: command.scratch) == [])
    }
}
