import ExerciseTestSupport
import Foundation
import ImageCompression
import LabImages
import LabSupport
import Plotting
import SVDCore
import SVDTestMatrices
import Testing

/// Exercise 2: image compression by truncated SVD.
///
/// Reference numbers: Eckart–Young predictions from the singular values (the theorem), PSNR by
/// hand, storage by the formula k(m+n+1). Tolerances are c·ε·(dimension).
@Suite(.scratchDirectory) struct Exercise2Tests {
    let epsilon = Double.ulpOfOne

    /// A fresh directory inside the running test's scratch directory (tests never write into
    /// the repository, and nothing they write outlives them).
    func temporaryDirectory() throws -> URL {
        let url = try ScratchDirectory.required().appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A seeded image with smooth structure plus noise, `channels` 1 or 3.
    func syntheticImage(width: Int, height: Int, channels: Int, seed: UInt64) throws -> RasterImage {
        var generator = SeededGenerator(seed: seed)
        var pixels: [UInt8] = []
        for r in 0..<height {
            for x in 0..<width {
                for c in 0..<channels {
                    let smooth = 0.5 + 0.3 * sin(Double(r + 2 * c) / 5) * cos(Double(x) / 7)
                    let value = smooth + 0.1 * (Double.random(in: 0..<1, using: &generator) - 0.5)
                    pixels.append(UInt8(max(0, min(255, (value * 255).rounded()))))
                }
            }
        }
        return try RasterImage(width: width, height: height, channels: channels, pixels: pixels)
    }

    func write(_ image: RasterImage, _ name: String, format: LabImages.ImageFormat = .png, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try image.write(toFile: path, format: format)
        return path
    }

    // MARK: - Eckart–Young

    /// For every k, gray and colour: the error measured from the pixels of A_k equals
    /// √(Σ_{i>k}σᵢ²)/‖A‖_F to rounding.
    @Test(arguments: [1, 3])
    func errorEqualsEckartYoungForEveryRank(channels: Int) throws {
        let image = try syntheticImage(width: 30, height: 40, channels: channels, seed: 7)
        let analysis = try CompressionAnalysis(channels: image.channelMatrices(.perChannel))
        let tolerance = Self.eckartYoungTolerance(rows: 40, columns: 30)
        for k in 0...analysis.maximumRank {
            #expect(abs(analysis.measuredRelativeErrors[k] - analysis.eckartYoungError(rank: k)) <= tolerance, "k = \(k)")
        }
        #expect(analysis.eckartYoungError(rank: 0) == 1 || abs(analysis.eckartYoungError(rank: 0) - 1) <= tolerance)
        #expect(analysis.measuredRelativeErrors[analysis.maximumRank] <= tolerance)
    }

    /// How far a relative error measured from the pixels of A_k may lie from Eckart–Young's
    /// √(Σ_{i>k}σᵢ²)/‖A‖_F: A − U_kΣ_kV_kᵀ differs from the exact tail by the SVD's backward error
    /// and the non-orthogonality of its factors (each ≤ c·ε·d·‖A‖_F for a backward-stable SVD,
    /// d = max(m, n)), the rounding of forming A_k and the difference being within the same c:
    /// 2·c·ε·d relative to ‖A‖_F, with c = 16 (the contract suite's constant, argued in
    /// Tests/ContractTests/ContractTolerance.swift).
    static func eckartYoungTolerance(rows m: Int, columns n: Int) -> Double {
        2 * 16 * Double.ulpOfOne * Double(max(m, n))
    }

    /// ‖A − A_k‖₂ measured on the difference equals σ_{k+1}.
    @Test func spectralErrorEqualsNextSingularValue() throws {
        let image = try syntheticImage(width: 30, height: 40, channels: 1, seed: 8)
        let analysis = try CompressionAnalysis(channels: image.channelMatrices(.perChannel))
        let sigma = analysis.decompositions[0].singularValues
        for k in [1, 4, 15] {
            let measured = try analysis.spectralError(rank: k)
            #expect(abs(measured - sigma[k]) <= 1e-8 * sigma[0], "k = \(k)")
        }
    }

    // MARK: - PSNR and storage

    /// Hand-computed: original (0, 0.5, 1, 0.25), reconstruction (0.1, 0.5, 1.2, 0.25). Clipping
    /// turns 1.2 into 1, so only 0.1 differs: MSE = 0.01/4 = 0.0025 and
    /// PSNR = 10·log₁₀(400) = 20·log₁₀(20) = 26.0205999132796… dB.
    @Test func psnrFormulaOnAHandComputedCase() throws {
        let psnr = try CompressionTasks.peakSignalToNoise(original: [0, 0.5, 1, 0.25], reconstruction: [0.1, 0.5, 1.2, 0.25])
        #expect(abs(psnr - 26.020599913279624) <= 1e-12)
        // MSE 1 and 0.01 (the reconstruction off by 1 and 0.1 everywhere): 0 dB and 20 dB; an
        // exact copy: +∞.
        #expect(try CompressionTasks.peakSignalToNoise(original: [0, 0], reconstruction: [1, 1]) == 0)
        #expect(abs(try CompressionTasks.peakSignalToNoise(original: [0.5, 0.5], reconstruction: [0.6, 0.4]) - 20) <= 1e-12)
        #expect(try CompressionTasks.peakSignalToNoise(original: [0.5, 0.25], reconstruction: [0.5, 0.25]) == .infinity)
    }

    @Test func storageCountsAndCompressionRatio() throws {
        let image = try syntheticImage(width: 30, height: 40, channels: 1, seed: 9)
        let analysis = try CompressionAnalysis(channels: image.channelMatrices(.perChannel))
        #expect(analysis.storedValues(rank: 3) == 3 * (40 + 30 + 1))          // 213
        #expect(analysis.compressionRatio(rank: 3) == 1200.0 / 213.0)
        #expect(analysis.storedValues(rank: 30) > 40 * 30)                     // full rank stores more
    }

    // MARK: - Targets

    /// A matrix with σ = (4, 2, 1, 0.5): energies 16/21.25, 20/21.25, 21/21.25, 1.
    @Test func energyTargetPicksTheSmallestSufficientRank() throws {
        var generator = SeededGenerator(seed: 3)
        let a: Matrix<Double> = TestMatrices.withSingularValues([4, 2, 1, 0.5], rows: 10, columns: 8, using: &generator)
        let analysis = try CompressionAnalysis(channels: [a])
        #expect(try analysis.smallestRank(energy: 0.5) == 1)
        #expect(try analysis.smallestRank(energy: 20 / 21.25) == 2)
        #expect(try analysis.smallestRank(energy: 0.95) == 3)
        #expect(try analysis.smallestRank(energy: 0.999) == 4)
        #expect(try analysis.smallestRank(energy: 1) == 4)
    }

    @Test func psnrTargetPicksTheSmallestSufficientRank() throws {
        let image = try syntheticImage(width: 30, height: 40, channels: 1, seed: 10)
        let analysis = try CompressionAnalysis(channels: image.channelMatrices(.perChannel))
        for target in [15.0, 25, 35] {
            let k = try #require(analysis.smallestRank(psnr: target))
            #expect(analysis.psnrByRank[k] >= target)
            #expect((1..<k).allSatisfy { analysis.psnrByRank[$0] < target })
        }
        #expect(analysis.smallestRank(psnr: 1000) == nil)
    }

    // MARK: - The exercise end to end

    /// The section the student version prints while E2.1–E2.3 are stubs says, from σ alone, what
    /// the full report says: the same first lines (the duration aside) and, per rank, the same
    /// Eckart–Young error, σ_{k+1}, energy and storage — for a gray and a colour image.
    @Test func spectrumSectionAgreesWithTheFullReport() throws {
        let directory = try temporaryDirectory()
        for channels in [1, 3] {
            let path = try write(try syntheticImage(width: 30, height: 22, channels: channels, seed: 4), "image\(channels).png",
                                 in: directory)
            let request = CompressionRequest(imagePath: path, ranks: "1,3,22")
            let full = try CompressionExercise.run(request)
            let section = try CompressionSpectrum.report(request).components(separatedBy: "\n")
            let report = full.report.components(separatedBy: "\n")
            let withoutDuration = { (line: String) in line.replacingOccurrences(of: "[0-9.]+ s\\.$", with: "", options: .regularExpression) }
            #expect(section[0] == report[0])
            #expect(withoutDuration(section[1]) == withoutDuration(report[1]))
            #expect(section[2] == report[2])
            for row in full.rows {
                let cells = [Format.significant(row.eckartYoungError, 10), Format.significant(row.nextSingularValue, 6),
                             Format.fixed(row.capturedEnergy, 5), "\(row.storedValues)", Format.fixed(row.compressionRatio, 2) + "×"]
                let line = try #require(section.first { $0.hasPrefix("  \(row.k) ") }, "no row for k = \(row.k)")
                #expect(cells.allSatisfy { line.contains($0) }, "k = \(row.k): \(line) against \(cells)")
            }
        }
    }

    @Test func jsonHasTheSpecifiedKeysAndColourIsPerChannel() throws {
        let directory = try temporaryDirectory()
        let path = try write(try syntheticImage(width: 24, height: 18, channels: 3, seed: 1), "colour.png", in: directory)
        let result = try CompressionExercise.run(CompressionRequest(imagePath: path, ranks: "2,5", energyTarget: 0.99))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.json.rendered().utf8)) as? [String: Any])
        #expect(object["rows"] as? Int == 18)
        #expect(object["cols"] as? Int == 24)
        #expect(object["channels"] as? Int == 3)
        #expect((object["singularValues"] as? [Double])?.count == 18)
        let ranks = try #require(object["ranks"] as? [[String: Any]])
        for rank in ranks {
            for key in ["k", "relativeError", "eckartYoungError", "psnr", "storedValues", "compressionRatio"] {
                #expect(rank[key] != nil, "missing \(key)")
            }
        }
        #expect(ranks.first?["storedValues"] as? Int == 2 * (18 + 24 + 1))
        let target = try #require(object["target"] as? [String: Any])
        #expect(target["kind"] as? String == "energy")
        let k = try #require(target["k"] as? Int)
        #expect(ranks.contains { $0["k"] as? Int == k })

        let gray = try CompressionExercise.run(CompressionRequest(imagePath: path, ranks: "2", gray: true))
        #expect(gray.analysis.channels.count == 1)
        // BT.601 luminance of the first pixel, from its RGB samples.
        let image = try RasterImage(contentsOfFile: path)
        let y = (0.299 * Double(image[row: 0, column: 0, channel: 0]) + 0.587 * Double(image[row: 0, column: 0, channel: 1])
                 + 0.114 * Double(image[row: 0, column: 0, channel: 2])) / 255
        #expect(abs(gray.analysis.channels[0][0, 0] - y) <= 4 * epsilon)
    }

    @Test func reconstructionsAreWrittenAndNeverOverTheInput() throws {
        let directory = try temporaryDirectory()
        let input = try write(try syntheticImage(width: 20, height: 16, channels: 1, seed: 2), "photo.pgm",
                              format: .netpbm, in: directory)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let result = try CompressionExercise.run(CompressionRequest(imagePath: input, ranks: "1,16"))
        let outputs = directory.appendingPathComponent("out")
        let written = try CompressionExercise.writeReconstructions(result, inputPath: input, directory: outputs.path)
        #expect(written.map { URL(fileURLWithPath: $0).lastPathComponent } == ["exercise2-photo-k1.png", "exercise2-photo-k16.png"])
        let full = try RasterImage(contentsOfFile: written[1])
        #expect(full == (try RasterImage(contentsOfFile: input)))   // rank 16 = min(m, n): exact after rounding

        // A destination that is a link to the input must not be written through.
        try FileManager.default.createSymbolicLink(atPath: outputs.appendingPathComponent("exercise2-photo-k1.png").path + ".tmp",
                                                   withDestinationPath: input)
        try FileManager.default.removeItem(atPath: written[0])
        try FileManager.default.moveItem(atPath: written[0] + ".tmp", toPath: written[0])
        #expect(throws: UserFacingError.self) {
            try CompressionExercise.writeReconstructions(result, inputPath: input, directory: outputs.path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)

        // A --plots-dir that cannot be a directory: one plain line naming it.
        let blocked = URL(fileURLWithPath: input).appendingPathComponent("out").path
        #expect {
            try CompressionExercise.writeReconstructions(result, inputPath: input, directory: blocked)
        } throws: { error in
            "\(error)" == "Cannot write \(blocked): a part of the path is not a directory"
        }
    }

    /// The report names what is a matrix: the one gray image, the luminance, or each of the
    /// colour channels.
    @Test func reportDescribesTheMatricesOfTheMode() throws {
        let directory = try temporaryDirectory()
        let grayPath = try write(try syntheticImage(width: 12, height: 10, channels: 1, seed: 3), "gray.png", in: directory)
        let colourPath = try write(try syntheticImage(width: 12, height: 10, channels: 3, seed: 3), "colour.png", in: directory)
        for (request, expected) in [
            (CompressionRequest(imagePath: grayPath, ranks: "2"), "The image is an m×n = 10×12 matrix A"),
            (CompressionRequest(imagePath: colourPath, ranks: "2", gray: true), "The luminance is an m×n = 10×12 matrix A"),
            (CompressionRequest(imagePath: colourPath, ranks: "2"), "Each of the 3 channels is an m×n = 10×12 matrix A"),
        ] {
            let report = try CompressionExercise.run(request).report
            #expect(report.contains(expected), "\(expected)")
            #expect(!report.contains("Each channel"))
        }
    }

    /// The spectrum line names only singular values the image has: a 10×12 image has σ₁ … σ₁₀,
    /// so the line shows σ₁ and the last, σ_10, and no σ₁₀₀.
    @Test func spectrumLineNamesOnlyExistingSingularValues() throws {
        let directory = try temporaryDirectory()
        let path = try write(try syntheticImage(width: 12, height: 10, channels: 1, seed: 5), "small.png", in: directory)
        let result = try CompressionExercise.run(CompressionRequest(imagePath: path, ranks: "2"))
        let line = try #require(result.report.split(separator: "\n").first { $0.hasPrefix("σ₁ = ") })
        #expect(line.contains("σ_10 = "))
        #expect(!line.contains("σ₁₀₀") && !line.contains("σ₁₀ ="), "\(line)")
    }

    /// The reconstructions line shows its directory as the figures' "Wrote" lines do: relative
    /// to the working directory when below it (however the directory was given), else in full.
    @Test func reconstructionsLineShowsPathsLikeTheFigureLines() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let below = URL(fileURLWithPath: cwd).appendingPathComponent("out/exercise2-a-k1.png").path
        let elsewhere = "/nonexistent-\(UUID().uuidString)/plots/exercise2-a-k1.png"
        #expect(CompressionExercise.reconstructionsLine(written: [below, below.replacingOccurrences(of: "k1", with: "k5")])
                == "Reconstructions: exercise2-a-k1.png, exercise2-a-k5.png in out/")
        #expect(CompressionExercise.reconstructionsLine(written: [elsewhere])
                == "Reconstructions: exercise2-a-k1.png in \(URL(fileURLWithPath: elsewhere).deletingLastPathComponent().path)/")
    }

    /// The energy figure keeps the captured-energy curve and adds the residual energy
    /// ‖A − A_k‖_F²/‖A‖_F² = 1 − Σ_{i≤k}σᵢ²/Σσᵢ² on a log scale, for every k < min(m, n)
    /// (at min(m, n) it is 0, which a log axis cannot show).
    @Test func energyFigureShowsTheResidualOnALogScale() throws {
        let directory = try temporaryDirectory()
        let path = try write(try syntheticImage(width: 30, height: 40, channels: 1, seed: 6), "smooth.png", in: directory)
        let result = try CompressionExercise.run(CompressionRequest(imagePath: path, ranks: "2,5,30"))
        let figure = try #require(result.figures.first { $0.name == "exercise2-smooth-energy" })
        #expect(figure.panels.count == 2)
        #expect(figure.panels[0].y.scale == .linear)
        #expect(figure.panels[1].y.scale == .log(base: 10))
        guard case let .xy(x, y, _) = figure.panels[1].series[0].content else {
            Issue.record("the residual panel has no curve")
            return
        }
        #expect(x == (1..<30).map(Double.init))
        let tolerance = Self.eckartYoungTolerance(rows: 40, columns: 30)
        for (k, residual) in zip(1..., y) {
            #expect(residual > 0, "k = \(k)")
            #expect(abs(residual - (1 - result.analysis.capturedEnergy(rank: k))) <= tolerance, "k = \(k)")
        }
        // The marked ranks, except k = 30 = min(m, n), whose residual is 0.
        #expect(figure.panels[1].series.count == 1 + 2)
    }

    @Test func badRanksAreRejectedWithOneLine() throws {
        let directory = try temporaryDirectory()
        let path = try write(try syntheticImage(width: 6, height: 4, channels: 1, seed: 4), "small.png", in: directory)
        for (ranks, message) in [("0", "--ranks: rank 0 is outside 1…4 = min(m, n)"),
                                 ("5", "--ranks: rank 5 is outside 1…4 = min(m, n)"),
                                 ("-2", "--ranks: rank -2 is outside 1…4 = min(m, n)"),
                                 ("2,,3", "--ranks: '' is not a whole number (expected e.g. 1,5,20,50)")] {
            #expect {
                try CompressionExercise.run(CompressionRequest(imagePath: path, ranks: ranks))
            } throws: { error in
                "\(error)" == message
            }
        }
    }

    /// Empty, truncated, wrong-signature and bad-CRC files: a one-line message naming the file.
    @Test func corruptFilesAreRejectedWithOneLine() throws {
        let directory = try temporaryDirectory()
        let good = try RasterImage(width: 8, height: 8, channels: 1, pixels: (0..<64).map { UInt8($0 * 3) }).encoded(as: .png)
        var badCRC = good
        badCRC[20] ^= 0x01                         // inside IHDR's data (its CRC no longer matches)
        let cases: [(String, [UInt8])] = [
            ("empty.png", []),
            ("truncated.png", Array(good.prefix(good.count / 2))),
            ("signature.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x00] + Array(good.dropFirst(8))),
            ("crc.png", badCRC),
            ("text.png", Array("hello, not an image\n".utf8)),
        ]
        for (name, bytes) in cases {
            let path = directory.appendingPathComponent(name).path
            try #require(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot create \(path)")
            do {
                _ = try CompressionExercise.run(CompressionRequest(imagePath: path))
                Issue.record("\(name) was accepted")
            } catch {
                let message = "\(error)"
                #expect(error is UserFacingError)
                #expect(!message.contains("\n"), "\(name): \(message)")
                #expect(message.contains(path), "\(name): \(message)")
            }
        }
        #expect(throws: UserFacingError.self) {
            try CompressionExercise.run(CompressionRequest(imagePath: directory.appendingPathComponent("missing.png").path))
        }
    }

    /// The bundled default image is there and is the 512×512 gray photograph.
    @Test func bundledCameraImageLoads() throws {
        let path = try #require(CompressionExercise.bundledImagePath)
        let image = try RasterImage(contentsOfFile: path)
        #expect(image.width == 512 && image.height == 512 && image.channels == 1)
    }
}
