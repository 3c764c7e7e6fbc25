import Foundation
import LabImages
import LabSupport
import Plotting
import SVDCore
import SVDDecomposers

/// What `exercise2` was asked to do (already checked for ranges that do not depend on the image).
public struct CompressionRequest: Sendable {
    /// The image file; nil for the bundled photograph (camera.png).
    public var imagePath: String?
    /// The `--ranks` text, or nil for the default 1,5,20,50 (limited to min(m, n)).
    public var ranks: String?
    /// `--energy`: the fraction of ‖A‖_F² to keep, in (0, 1].
    public var energyTarget: Double?
    /// `--psnr`: the PSNR to reach, in dB.
    public var psnrTarget: Double?
    /// `--gray`: compress the BT.601 luminance instead of each colour channel.
    public var gray: Bool
    /// `--decomposer`: the SVD algorithm.
    public var decomposer: NamedDecomposer

    public init(imagePath: String? = nil, ranks: String? = nil, energyTarget: Double? = nil,
                psnrTarget: Double? = nil, gray: Bool = false,
                decomposer: NamedDecomposer = DecomposerRegistry.standard) {
        self.decomposer = decomposer
        self.imagePath = imagePath
        self.ranks = ranks
        self.energyTarget = energyTarget
        self.psnrTarget = psnrTarget
        self.gray = gray
    }

    public static let defaultRanks = [1, 5, 20, 50]
}

/// The figures of one rank k.
public struct RankRow: Sendable, Equatable {
    public var k: Int
    /// ‖A − A_k‖_F / ‖A‖_F measured from the pixels.
    public var relativeError: Double
    /// √(Σ_{i>k} σᵢ²) / ‖A‖_F.
    public var eckartYoungError: Double
    /// ‖A − A_k‖₂ of the first channel, measured (see `CompressionAnalysis.spectralError`).
    public var spectralError: Double
    /// σ_{k+1} of the first channel (0 when k = min(m, n)).
    public var nextSingularValue: Double
    /// PSNR in dB after clipping to [0, 1].
    public var psnr: Double
    /// Σ_{i≤k} σᵢ² / Σ σᵢ².
    public var capturedEnergy: Double
    /// k·(m + n + 1), per channel.
    public var storedValues: Int
    /// m·n / (k·(m + n + 1)).
    public var compressionRatio: Double
}

/// The result of `exercise2` on one image.
public struct CompressionResult: Sendable {
    /// How the image was named in the report ("camera.png (bundled)" or the path).
    public var source: String
    /// The file-name stem used for outputs ("camera").
    public var stem: String
    public var image: RasterImage
    public var mode: ChannelMode
    public var analysis: CompressionAnalysis
    public var rows: [RankRow]
    /// A_k of every channel for each row's k (task E2.1), not clipped.
    public var reconstructions: [[Matrix<Double>]]
    /// The target asked for and the smallest k that reaches it (nil when none does).
    public var target: (kind: String, value: Double, rank: Int?)?
}

/// The logic of `exercise2`, separate from argument parsing so that it can be tested.
public enum CompressionExercise {
    /// The bundled default image.
    public static var bundledImagePath: String? {
        Bundle.module.url(forResource: "camera", withExtension: "png", subdirectory: "Resources")?.path
    }

    /// The image of a request, read and checked against the cost limits, with the channels to
    /// compress and the ranks asked for.
    struct Input {
        /// The file read (the bundled camera.png when none was given).
        let path: String
        /// How the report names it.
        let source: String
        let image: RasterImage
        let mode: ChannelMode
        /// The ranks to tabulate, each in 1…min(m, n).
        let ranks: [Int]
    }

    /// Reads the request's image and checks it and the ranks.
    ///
    /// - Throws: `UserFacingError` with one line: unreadable or corrupt file, an image too large
    ///   for the exercise's time budget, or a rank outside 1…min(m, n).
    static func readImage(_ request: CompressionRequest) throws -> Input {
        let path: String
        let source: String
        if let given = request.imagePath {
            path = given
            source = given
        } else {
            guard let bundled = bundledImagePath else { throw UserFacingError("the bundled camera.png is missing") }
            path = bundled
            source = "camera.png (bundled: scikit-image, CC0, Lav Varshney)"
        }
        let image: RasterImage
        do { image = try RasterImage(contentsOfFile: path) } catch {
            // Decoding errors do not name the file; reading errors do.
            let message = "\(error)"
            throw UserFacingError(message.contains(path) ? message : "'\(path)': \(message)")
        }
        let mode: ChannelMode = request.gray && image.channels == 3 ? .luminance : .perChannel
        let channels = mode == .luminance ? 1 : image.channels
        try CompressionCost(width: image.width, height: image.height, channels: channels)
            .check(image: source, width: image.width, height: image.height, channels: channels, gray: request.gray)
        let p = min(image.width, image.height)
        var ranks: [Int]
        if let text = request.ranks {
            ranks = try RankList.parse(text, limit: p)
        } else {
            ranks = CompressionRequest.defaultRanks.filter { $0 <= p }
            if ranks.isEmpty { ranks = [1] }
        }
        return Input(path: path, source: source, image: image, mode: mode, ranks: ranks)
    }

    /// Reads the image, decomposes it and measures every requested rank.
    ///
    /// - Throws: `UserFacingError` with one line: unreadable or corrupt file, or a rank outside
    ///   1…min(m, n); `TaskNotImplemented` while a task of exercise 2 is a stub.
    public static func run(_ request: CompressionRequest) throws -> CompressionResult {
        let input = try readImage(request)
        let (path, source, image, mode) = (input.path, input.source, input.image, input.mode)
        var ranks = input.ranks
        let analysis = try CompressionAnalysis(channels: image.channelMatrices(mode), decomposer: request.decomposer)

        var target: (kind: String, value: Double, rank: Int?)? = nil
        if let energy = request.energyTarget {
            target = ("energy", energy, try analysis.smallestRank(energy: energy))
        } else if let psnr = request.psnrTarget {
            target = ("psnr", psnr, analysis.smallestRank(psnr: psnr))
        }
        if let k = target?.rank, !ranks.contains(k) { ranks = (ranks + [k]).sorted() }

        var rows: [RankRow] = []
        var reconstructions: [[Matrix<Double>]] = []
        for k in ranks {
            reconstructions.append(try analysis.reconstruction(rank: k))
            let first = analysis.decompositions[0]
            rows.append(RankRow(
                k: k, relativeError: analysis.measuredRelativeErrors[k],
                eckartYoungError: analysis.eckartYoungError(rank: k),
                spectralError: try analysis.spectralError(rank: k),
                nextSingularValue: first.spectralTruncationError(rank: k),
                psnr: analysis.psnrByRank[k], capturedEnergy: analysis.capturedEnergy(rank: k),
                storedValues: analysis.storedValues(rank: k), compressionRatio: analysis.compressionRatio(rank: k)))
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let stem = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return CompressionResult(source: source, stem: stem.isEmpty ? "image" : stem, image: image, mode: mode,
                                 analysis: analysis, rows: rows, reconstructions: reconstructions, target: target)
    }

    /// The report line naming the reconstructions written, with their directory shown as the
    /// figures' "Wrote …" lines show theirs (relative to the working directory when below it).
    public static func reconstructionsLine(written: [String]) -> String {
        guard let first = written.first else { return "Reconstructions: none written" }
        let shown = URL(fileURLWithPath: first).relativeDisplayPath
        let directory = shown.range(of: "/", options: .backwards).map { String(shown[..<$0.upperBound]) } ?? "./"
        return "Reconstructions: " + written.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
            + " in \(directory)"
    }

    /// Writes the reconstruction A_k of every reported rank as `<directory>/exercise2-<stem>-k<k>.png`
    /// (clipped to [0, 1], 8 bits), each atomically. Refuses to write over the input image.
    ///
    /// - Returns: the paths written.
    public static func writeReconstructions(_ result: CompressionResult, inputPath: String?, directory: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            // The full path, as the figures' errors show it, so that a --plots-dir that cannot
            // be made is reported in one line for reconstructions and figures alike.
            let shown = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL.path
            throw UserFacingError("Cannot write \(shown): \(FileSystemReason.describe(error))")
        }
        let input = inputPath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path }
        var written: [String] = []
        for (row, reconstruction) in zip(result.rows, result.reconstructions) {
            let url = URL(fileURLWithPath: directory).appendingPathComponent("exercise2-\(result.stem)-k\(row.k).png")
            if url.resolvingSymlinksInPath().standardizedFileURL.path == input {
                throw UserFacingError("refusing to overwrite the input image '\(inputPath!)' with a reconstruction; choose another --plots-dir")
            }
            do {
                let image = try RasterImage(channelMatrices: reconstruction)
                try image.write(toFile: url.path, format: .png)
            } catch {
                throw UserFacingError("\(error)")
            }
            written.append(url.path)
        }
        return written
    }
}
