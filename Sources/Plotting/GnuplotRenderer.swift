import Foundation

/// Writes a figure's script into a directory and runs gnuplot on it to draw the images.
///
/// ```swift
/// let renderer = GnuplotRenderer()           // finds gnuplot via $GNUPLOT or $PATH
/// let outcome = try renderer.render(figure, formats: [.png, .svg])
/// print(outcome.summary)
/// ```
///
/// What happens, in order:
/// 1. The figure is checked and turned into a ``GnuplotScript``; a bad figure throws
///    ``PlotError/invalidFigure(name:reason:)`` before anything is written.
/// 2. `<directory>/<name>.gp` is written atomically (see ``AtomicFile``).
/// 3. Without gnuplot, rendering stops here and returns
///    ``RenderOutcome/scriptOnly(script:reason:)``, whose reason says how to install it.
/// 4. gnuplot runs the *file* (not a pipe), with standard input and output connected to
///    nothing and standard error collected. The images are drawn into a hidden staging
///    directory beside the script and, once gnuplot has exited successfully, each is renamed
///    over the old image: a failed run leaves the previous images as they were.
/// 5. A non-zero exit status throws ``PlotError/gnuplotFailed(script:status:message:)`` with
///    gnuplot's own message, which names the script and the line.
public struct GnuplotRenderer: Sendable {
    /// The environment variable that, when set, names the gnuplot executable to use.
    public static let executableVariable = "GNUPLOT"

    /// The gnuplot executable that will be run, or `nil` when none was found.
    public let executable: URL?
    /// The directory images and scripts are written to when `render` is given none.
    public var defaultDirectory: URL

    /// A renderer that runs `$GNUPLOT` when it is set, else the first `gnuplot` on `$PATH`.
    ///
    /// - Parameters:
    ///   - environment: where `GNUPLOT` and `PATH` are read; the process's environment by default.
    ///   - defaultDirectory: where figures go unless `render` says otherwise;
    ///     `plots` relative to the working directory by default.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                defaultDirectory: URL = URL(fileURLWithPath: "plots", isDirectory: true)) {
        self.executable = GnuplotRenderer.locate(environment: environment)
        self.defaultDirectory = defaultDirectory
    }

    /// A renderer that runs the given executable. If there is no executable file at that path
    /// when rendering, only scripts are written.
    ///
    /// - Parameters:
    ///   - executable: the gnuplot executable, or `nil` to write scripts only.
    ///   - defaultDirectory: where figures go unless `render` says otherwise;
    ///     `plots` relative to the working directory by default.
    public init(executable: URL?,
                defaultDirectory: URL = URL(fileURLWithPath: "plots", isDirectory: true)) {
        self.executable = executable
        self.defaultDirectory = defaultDirectory
    }

    /// The gnuplot to run: `$GNUPLOT` if set and non-empty (even if nothing is there, so that a
    /// wrong setting is reported rather than silently replaced), else the first executable
    /// named `gnuplot` in a directory of `$PATH`, else `nil`.
    ///
    /// - Parameter environment: where `GNUPLOT` and `PATH` are read.
    /// - Returns: the executable to run, or `nil` when none was found.
    public static func locate(environment: [String: String]) -> URL? {
        if let path = environment[executableVariable], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let directories = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for directory in directories where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent("gnuplot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Whether rendering will draw images (an executable file is at ``executable``).
    public var isAvailable: Bool {
        guard let executable else { return false }
        return FileManager.default.isExecutableFile(atPath: executable.path)
    }

    /// Writes `figure`'s script into `directory` (created if needed) and draws one image per
    /// format with gnuplot.
    ///
    /// - Parameters:
    ///   - figure: the figure to draw; validated first (``Figure/validate()``).
    ///   - formats: the images to draw, PNG by default.
    ///   - directory: where to write; ``defaultDirectory`` when `nil`.
    /// - Returns: ``RenderOutcome/rendered(images:script:warnings:)``, or
    ///   ``RenderOutcome/scriptOnly(script:reason:)`` when gnuplot is missing.
    /// - Throws: ``PlotError``: a figure that cannot be drawn, a directory that cannot be
    ///   written, or a script that gnuplot rejected.
    @discardableResult
    public func render(_ figure: Figure, formats: [ImageFormat] = [.png],
                       in directory: URL? = nil) throws(PlotError) -> RenderOutcome {
        let script = try GnuplotScript(figure, formats: formats)
        let directory = (directory ?? defaultDirectory).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(directory, reason: FileSystemReason.describe(error))
        }
        let scriptURL = directory.appendingPathComponent(GnuplotScript.fileName(for: figure.name))
        try AtomicFile.write(script.text, to: scriptURL)

        guard let executable, isAvailable else {
            return .scriptOnly(script: scriptURL, reason: missingReason(script: scriptURL))
        }

        let staging = directory.appendingPathComponent(".\(figure.name).\(UUID().uuidString).render")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .cannotWrite(staging, reason: FileSystemReason.describe(error))
        }
        defer { try? FileManager.default.removeItem(at: staging) }

        let (status, messages) = try run(executable, script: scriptURL, outputDirectory: staging)
        guard status == 0 else {
            throw .gnuplotFailed(script: scriptURL, status: status, message: messages)
        }

        var images: [URL] = []
        for name in script.imageFileNames {
            let drawn = staging.appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: drawn.path)[.size] as? Int) ?? nil
            guard let size, size > 0 else {
                throw .missingImage(script: scriptURL, image: directory.appendingPathComponent(name))
            }
            images.append(drawn)
        }
        // Only now, with every image complete, replace the old ones.
        var placed: [URL] = []
        for drawn in images {
            let destination = directory.appendingPathComponent(drawn.lastPathComponent)
            try AtomicFile.move(drawn, over: destination)
            placed.append(destination)
        }
        let warnings = messages.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return .rendered(images: placed, script: scriptURL, warnings: warnings)
    }

    /// Runs gnuplot on `script`, its images going to `outputDirectory`, and returns its exit
    /// status and everything it wrote to standard error.
    ///
    /// Standard output goes to /dev/null: gnuplot writes an image there when `set output`
    /// fails, and nothing useful otherwise. Standard error is the only pipe, and it is read to
    /// its end before waiting for the exit, so gnuplot can never block on a full pipe.
    private func run(_ executable: URL, script: URL,
                     outputDirectory: URL) throws(PlotError) -> (Int32, String) {
        let process = Process()
        process.executableURL = executable
        let directoryPath = outputDirectory.path + "/"
        // A gnuplot single-quoted string: only a quote needs escaping, by doubling it.
        let quotedDirectory = "'" + directoryPath.replacingOccurrences(of: "'", with: "''") + "'"
        process.arguments = ["-e", "\(GnuplotScript.outputDirectoryVariable)=\(quotedDirectory)", script.path]
        process.currentDirectoryURL = script.deletingLastPathComponent()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .cannotLaunch(executable: executable, reason: FileSystemReason.describe(error))
        }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        // Killed by a signal: report it as a shell would, 128 + the signal number.
        let status = process.terminationReason == .exit ? process.terminationStatus
                                                        : 128 + process.terminationStatus
        return (status, message)
    }

    /// Where gnuplot was looked for, when it is missing: "gnuplot was not found on PATH" or
    /// "gnuplot was not found at <path>" (for a `$GNUPLOT` or an executable given explicitly).
    public var notFoundDescription: String {
        if let executable { return "gnuplot was not found at \(executable.path)" }
        return "gnuplot was not found on PATH"
    }

    /// The one-line explanation returned when gnuplot is missing.
    private func missingReason(script: URL) -> String {
        "\(notFoundDescription); to draw it: apt-get install gnuplot-nox, then gnuplot \(script.relativeDisplayPath)"
    }
}
