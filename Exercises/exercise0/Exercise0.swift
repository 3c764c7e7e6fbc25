import ArgumentParser
import Foundation
import GeometryLab
import LabSupport

/// `exercise0`: the geometry of the SVD — rotate, scale, rotate.
@main
struct Exercise0: LabCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise0",
        abstract: "Exercise 0 — the geometry of the SVD: a 2×2 matrix maps the unit circle onto an ellipse.",
        discussion: """
            Every real matrix factors as A = U·Σ·Vᵀ with U and V orthogonal and Σ diagonal with \
            σ₁ ≥ σ₂ ≥ 0. Read from right to left, A·x is three simple maps: Vᵀ rotates (or \
            reflects) the plane so that the right singular vectors v₁, v₂ land on the axes; Σ \
            stretches the axes by σ₁ and σ₂, turning the unit circle into an axis-aligned \
            ellipse; U rotates (or reflects) that ellipse so that its semi-axes become σ₁u₁ and \
            σ₂u₂. Hence A·vᵢ = σᵢ·uᵢ, σ₁ = ‖A‖₂ is the largest stretch, σ₂ the smallest, and \
            σ₁/σ₂ is the condition number. det A = det U · σ₁σ₂ · det V, so A reverses \
            orientation exactly when one of U, Vᵀ is a reflection.

            The report prints the decomposition, the check A·vᵢ = σᵢ·uᵢ, what each factor does, \
            the ellipse measured without the SVD (max and min of ‖A·x‖ on the circle) and the \
            determinant. The plot exercise0-geometry.png shows the circle and its image after \
            each factor, with the images of v₁ and v₂ as arrows. Without gnuplot its script \
            exercise0-geometry.gp is still written and the run succeeds; a plot that cannot be \
            written or drawn (a bad --plots-dir, a gnuplot error) is reported after the results \
            as an error, and the exit status is then 1.

            --json prints one object with the keys decomposer, matrix, singularValues, u, v (arrays of \
            rows), tripletResiduals, determinant, orientation, firstStep, lastStep and \
            conditionNumber (null when infinite); no plot is drawn with --json.

            Examples:
              swift run exercise0
              swift run exercise0 --matrix "0 1; 1 0"        (a reflection)
              swift run exercise0 --matrix "1 2; 0.5 1"      (singular)
              swift run exercise0 --matrix "-1, 2; 3, 0.5" --json
            """)

    @Option(parsing: .unconditional,
            help: ArgumentHelp("The 2×2 matrix, rows separated by ';' (default \"\(GeometryExercise.defaultMatrix)\").",
                               valueName: "a b; c d"))
    var matrix: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var decomposer: DecomposerOption

    func run() throws {
        let exercise = try GeometryExercise(matrix: matrix, decomposer: decomposer.selected)
        if output.json {
            print(exercise.json.rendered())
            return
        }
        print(exercise.report)
        try output.writeFigures([exercise.figure])
    }
}
