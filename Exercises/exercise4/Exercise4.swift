import ArgumentParser
import Foundation
import HilbertLab
import LabSupport

/// `exercise4`: the condition number of the Hilbert matrix, and what floating point does to it.
@main
struct Exercise4: LabCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise4",
        abstract: "The condition number of the Hilbert matrix Hᵢⱼ = 1/(i+j−1), in Float, Double, Float80 — and exactly.",
        discussion: """
            κ₂(Hₙ) = σ_max/σ_min grows like e^{3.5n}: about 5·10⁵ at n = 5, 1.6·10¹³ at n = 10 and \
            6·10²⁰ at n = 15. The one-sided Jacobi SVD of Hₙ stored in Float, Double and Float80 \
            finds σ_min with a relative error of about ε·κ, so each precision loses every digit of \
            κ once κ passes 1/ε, and the report shows why: storing 1/(i+j−1) already perturbs the \
            matrix by ε, and from n = 14 the stored Double matrix is not even positive definite.

            The `accurate` method gets every digit in Double anyway. Hₙ is a Cauchy matrix \
            1/(xᵢ + yⱼ) with integer nodes; Gaussian elimination with complete pivoting can be done \
            on the nodes, with each Schur complement entry formed from exact differences, giving an \
            LDU factorization accurate entry by entry (Demmel 1999), and one-sided Jacobi on the \
            factors turns it into singular values with full relative accuracy.

            Then regularization: κ(Hₙ + αI) for α = 10⁻¹⁶ … 1, and the error of the solution of \
            (Hₙ + αI)x = b for noisy b: bias grows with α, propagated noise shrinks; beside it \
            Tikhonov's solution Σ σᵢ/(σᵢ² + α)·(uᵢᵀb)·vᵢ for the same α, and a matrix for which \
            adding αI lowers σ_min instead.

            In the student version a section whose task (E4.1–E4.4) is not done yet says which \
            it waits for, and the rest runs.

            Plots (gnuplot; scripts and data are written even without it): \
            exercise4-hilbert-condition, exercise4-hilbert-15-spectrum, \
            exercise4-regularization-tradeoff (.png and .gp), also with --json (the lines about \
            them then go to standard error). A figure that cannot be written or drawn (a bad \
            --plots-dir, a gnuplot error) is reported after the results as an error, and the exit \
            status is then 1.

            --json prints {"decomposer", "results": [{"n", "precision", "conditionNumber", \
            "sigmaMax", "sigmaMin"}, …]} with precision one of float, double, float80 (x86-64 \
            only), accurate.

            --decomposer chooses the SVD of the stored matrices and of the regularized systems; \
            the accurate method is one-sided Jacobi on the Cauchy factors whatever it names. With \
            normal-equations, κ(H₁₀) ≈ 1.6·10¹³ is lost in Double: the AᵀA route cannot see a σ \
            below about √ε·σ₁.

            Examples:
              swift run exercise4
              swift run exercise4 --sizes 5,10,15,20 --no-plots
              swift run exercise4 --json
              swift run exercise4 --decomposer normal-equations
            """)

    @Option(help: "Comma-separated sizes n, each in 1…\(Exercise4Study.Configuration.largestSize).")
    var sizes: String = "5,10,15"

    @Option(help: "n of the regularization experiment (2…\(Exercise4Study.Configuration.largestSize)).")
    var regularizationSize: Int = 12

    @Option(help: "Relative size ‖δb‖/‖b‖ of the data noise in the regularization experiment, in [0, 1).")
    var noise: Double = 1e-8

    @OptionGroup var output: OutputOptions

    @OptionGroup var decomposer: DecomposerOption

    func validate() throws {
        do {
            try studyConfiguration().validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func studyConfiguration() throws(UserFacingError) -> Exercise4Study.Configuration {
        Exercise4Study.Configuration(sizes: try Exercise4Study.Configuration.parseSizes(sizes),
                                     regularizationSize: regularizationSize, noise: noise,
                                     decomposer: decomposer.selected)
    }

    func run() throws {
        let study = try Exercise4Study(try studyConfiguration())
        if output.json {
            print(study.json().rendered())
            // The student version: the sections that wait for a task say so on standard error.
            for note in study.waitingNotes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
        } else {
            print(try study.textReport())
        }
        // Exercise 4 draws its figures in --json mode too; their lines then go to standard error.
        try output.writeFigures(study.figures())
    }
}
