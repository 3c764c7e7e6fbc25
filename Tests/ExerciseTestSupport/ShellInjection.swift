import Foundation

/// Text that runs `touch <scratch>/ran-<place>` if gnuplot ever interprets it as a shell command
/// (back quotes inside a double-quoted string), for the end-to-end tests that put users' text
/// (CSV headers, class labels, data set names, file names) into every exercise's figures.
public enum ShellInjection {
    /// A payload for one `place`; after the run, ``commandsThatRan(in:)`` names each place whose
    /// payload ran.
    public static func payload(_ place: String, in directory: URL) -> String {
        "\(place)`touch \(directory.appendingPathComponent("ran-\(place)").path)`"
    }

    /// The places whose payload ran, judged by the files they made.
    public static func commandsThatRan(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix("ran-") }.map { String($0.dropFirst(4)) }.sorted()
    }
}
