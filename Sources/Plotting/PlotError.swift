import Foundation

/// Why a figure could not be written or drawn.
///
/// A missing gnuplot is *not* an error: rendering then writes the script and returns
/// ``RenderOutcome/scriptOnly(script:reason:)``. These cases are the failures that a person
/// has to fix: a figure that cannot be drawn, a directory that cannot be written, or a script
/// that gnuplot rejected.
public enum PlotError: Error, Equatable, CustomStringConvertible {
    /// The figure is inconsistent (for example x and y of different lengths); nothing was written.
    case invalidFigure(name: String, reason: String)
    /// A file or directory could not be created or written.
    case cannotWrite(URL, reason: String)
    /// gnuplot exists but could not be started.
    case cannotLaunch(executable: URL, reason: String)
    /// gnuplot ran the script and exited with a non-zero status. `message` is what it wrote to
    /// standard error, which names the script, the line and the problem.
    case gnuplotFailed(script: URL, status: Int32, message: String)
    /// gnuplot exited successfully but an image it should have written is missing or empty.
    case missingImage(script: URL, image: URL)

    /// One line for a person: what failed, the path, and the plain reason.
    public var description: String {
        switch self {
        case .invalidFigure(let name, let reason):
            return "Figure '\(name)' cannot be drawn: \(reason)"
        case .cannotWrite(let url, let reason):
            return "Cannot write \(url.path): \(reason)"
        case .cannotLaunch(let executable, let reason):
            return "Cannot start gnuplot at \(executable.path): \(reason)"
        case .gnuplotFailed(let script, let status, let message):
            return "gnuplot failed on \(script.path) (exit status \(status)): \(Self.errorLine(of: message))"
        case .missingImage(let script, let image):
            return "gnuplot ran \(script.path) without error but did not write \(image.lastPathComponent)"
        }
    }

    /// gnuplot's message in one line: its error is the last line naming a line of the script
    /// (`"fig.gp" line 37: all points y value undefined!`); before it come the command echoed
    /// and a caret under it, which only make sense in a terminal. Without such a line, the
    /// message's lines joined by " | ". The whole message stays in the case's `message`.
    static func errorLine(of message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return "no message" }
        let error = lines.last { $0.range(of: #"line \d+:"#, options: .regularExpression) != nil && !$0.contains("warning:") }
        let line = error ?? lines.joined(separator: " | ")
        return line.count > 300 ? String(line.prefix(300)) + "…" : line
    }
}
