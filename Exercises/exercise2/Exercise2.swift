import ArgumentParser
import Foundation
import ImageCompression
import LabSupport

/// Exercise 2: image compression by truncated SVD.
@main
struct Exercise2: LabCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise2",
        abstract: "Compress an image by keeping its top k singular triplets, and check the cost against Eckart–Young.",
        discussion: """
            An m×n gray image is a matrix A with entries in [0, 1]. Keeping the k largest singular \
            triplets, A_k = Σ_{i≤k} σᵢuᵢvᵢᵀ, stores k(m+n+1) numbers instead of m·n, and by the \
            Eckart–Young–Mirsky theorem no rank-k matrix is closer: ‖A − A_k‖_F = √(Σ_{i>k}σᵢ²) and \
            ‖A − A_k‖₂ = σ_{k+1}. The exercise measures both errors from the pixels and shows them \
            next to the prediction, with the PSNR (after clipping to [0, 1]), the storage and the \
            compression ratio; --energy or --psnr finds the smallest k that reaches a target.

            Input: PNG (8/16-bit gray, RGB, gray+alpha, RGBA, palette; interlaced or not; alpha is \
            composited over white) or netpbm PGM/PPM (P2, P3, P5, P6). Default: camera.png, \
            512×512, shipped with the package (scikit-image, CC0 by Lav Varshney). Colour images \
            are compressed channel by channel (storage is then per channel), or with --gray as \
            BT.601 luminance Y = 0.299 R + 0.587 G + 0.114 B.

            The SVD is the full one-sided Jacobi SVD of each channel (exact, not randomized). The \
            default image takes a few seconds in the (optimized) debug build of `swift run \
            exercise2`; for large photographs use `swift run -c release exercise2 --image FILE` \
            (the cost grows like m·n·min(m,n)).

            Output: the reconstructions as PNG (plots/exercise2-<name>-k<k>.png, written \
            atomically, never over the input file) and the figures exercise2-<name>-reconstructions, \
            -spectrum, -energy and -error in --plots-dir (without gnuplot, their .gp scripts). A \
            reconstruction or figure that cannot be written or drawn (a bad --plots-dir, a gnuplot \
            error) is reported after the results as an error, and the exit status is then 1. \
            --json prints one object (decomposer, rows, cols, \
            channels, singularValues of the first channel (≤ 50), ranks: k, relativeError, \
            eckartYoungError, psnr, storedValues (per channel), compressionRatio, spectralError, \
            nextSingularValue; target when asked) and writes no files.
            """)

    @Option(help: "The image (PNG, PGM or PPM); default: the bundled camera.png.")
    var image: String?

    @Option(help: "Comma-separated ranks k, each in 1…min(m,n) (default 1,5,20,50).")
    var ranks: String?

    @Option(help: "Also find the smallest k keeping this fraction of Σσᵢ², in (0, 1].")
    var energy: Double?

    @Option(help: "Also find the smallest k whose PSNR reaches this many dB.")
    var psnr: Double?

    @Flag(help: "Compress the BT.601 luminance of a colour image instead of each channel.")
    var gray = false

    @OptionGroup var output: OutputOptions

    @OptionGroup var decomposer: DecomposerOption

    func validate() throws {
        if let energy, !(energy > 0 && energy <= 1) {
            throw ValidationError("--energy must be in (0, 1], got \(energy)")
        }
        if let psnr, !(psnr.isFinite && psnr > 0) {
            throw ValidationError("--psnr must be a positive number of dB, got \(psnr)")
        }
        if energy != nil && psnr != nil { throw ValidationError("give --energy or --psnr, not both") }
    }

    func run() throws {
        let request = CompressionRequest(imagePath: image, ranks: ranks, energyTarget: energy,
                                         psnrTarget: psnr, gray: gray, decomposer: decomposer.selected)
        // In the student version the analysis calls the tasks E2.1–E2.3; until they are done, what
        // the singular values alone say, and a note naming every task the rest waits for.
        var pending = PendingTasks()
        guard let result = try pending.attempt({ try CompressionExercise.run(request) }) else {
            // Every task still a stub, in the guide's order (the run stopped at the first it met).
            var waiting = PendingTasks()
            for task in CompressionTasks.stillStubs + pending.missing { _ = try waiting.attempt { throw task } }
            let note = waiting.note("Exercise 2, the errors measured on A_k, the PSNR and the targets")
            if output.json {
                printError(note)
                return
            }
            print(try CompressionSpectrum.report(request))
            print("")
            print(note)
            return
        }
        if output.json {
            print(result.json.rendered())
            return
        }
        print(result.report)
        // The reconstructed images first, then the figures; each failure is collected.
        try output.writeFigures(result.figures) { plots in
            plots.write {
                let written = try CompressionExercise.writeReconstructions(
                    result, inputPath: image ?? CompressionExercise.bundledImagePath, directory: output.plotsDir)
                return CompressionExercise.reconstructionsLine(written: written)
            }
        }
    }
}
