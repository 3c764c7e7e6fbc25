import Foundation

/// What rendering a figure produced.
///
/// Both outcomes are successes: the script is always written. Only the images depend on
/// whether gnuplot is installed, and a missing gnuplot should never stop an exercise that
/// also prints its results.
///
/// ```swift
/// let outcome = try GnuplotRenderer().render(figure)
/// print(outcome.summary)
/// // Wrote plots/spectrum.png (script: plots/spectrum.gp)
/// // — or, without gnuplot —
/// // Wrote plots/spectrum.gp; gnuplot was not found on PATH; to draw it:
/// //   apt-get install gnuplot-nox, then gnuplot plots/spectrum.gp   (one line in fact)
/// ```
public enum RenderOutcome: Sendable, Equatable {
    /// gnuplot drew the images. `warnings` are the lines it wrote to standard error while
    /// succeeding (such as "Skipping data file with no valid points"), often worth reading.
    case rendered(images: [URL], script: URL, warnings: [String])
    /// Only the script (with its data) was written, because gnuplot could not be found.
    /// `reason` says so in one line, with how to install gnuplot and draw the script.
    case scriptOnly(script: URL, reason: String)

    /// The script that draws the figure; it exists in both outcomes.
    public var script: URL {
        switch self {
        case .rendered(_, let script, _), .scriptOnly(let script, _): return script
        }
    }

    /// The images written; empty when only the script was written.
    public var images: [URL] {
        switch self {
        case .rendered(let images, _, _): return images
        case .scriptOnly: return []
        }
    }

    /// One line for a person: what was written, and what to do if the images are missing.
    public var summary: String {
        switch self {
        case .rendered(let images, let script, _):
            let names = images.map(\.relativeDisplayPath).joined(separator: ", ")
            return "Wrote \(names) (script: \(script.relativeDisplayPath))"
        case .scriptOnly(let script, let reason):
            return "Wrote \(script.relativeDisplayPath); \(reason)"
        }
    }
}

extension URL {
    /// The path relative to the working directory when the file is below it, else the full
    /// path: `plots/spectrum.png` reads better in a terminal than an absolute path. Every
    /// "Wrote …" line shows paths this way; other output about the same files should too.
    public var relativeDisplayPath: String {
        let cwd = FileManager.default.currentDirectoryPath
        let full = standardizedFileURL.path
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }
}
