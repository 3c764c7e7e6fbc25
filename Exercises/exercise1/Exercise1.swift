import ArgumentParser
import Foundation
import LabSupport
import PrincipalComponents

/// `exercise1`: principal component analysis through the SVD of the centred data.
@main
struct Exercise1: LabCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise1",
        abstract: "Exercise 1 — principal component analysis (PCA) via the SVD of the centred data.",
        discussion: """
            Subtract each column's mean from the n×p data A to get X, and decompose X = U·Σ·Vᵀ. \
            Then the columns vᵢ of V are the principal directions, σᵢ²/n is the variance of the \
            data along vᵢ (many libraries — numpy.cov, scikit-learn, R's prcomp — divide by n−1 \
            instead), σᵢ²/Σσⱼ² is the explained-variance ratio, and the scores (the data in the \
            new coordinates) are Z = X·V_k = U_k·Σ_k. The report shows both routes to Z agree, \
            that the eigendecomposition of the covariance C = XᵀX/n gives the same variances \
            and directions, and that the variance left out by k components equals the squared \
            Eckart–Young error ‖X − X_k‖²_F/n. Sign convention: the largest-magnitude entry of \
            each vᵢ is positive.

            Data: Fisher's iris (150 flowers, 4 measurements in cm, 3 species) unless --data \
            names a CSV file with a header row. Every column is a numeric variable except the \
            one named by --label, whose text classes colour the plot.

            Plots (gnuplot; the .gp scripts are written even without it): \
            exercise1-<data>-scree (explained-variance ratio and its cumulative sum), \
            exercise1-<data>-pc1-pc2 (scores coloured by class), exercise1-<data>-loadings. \
            A figure that cannot be written or drawn (a bad --plots-dir, a gnuplot error) is \
            reported after the results as an error, and the exit status is then 1.

            --json prints one object with the keys decomposer, rows, columns, singularValues, \
            explainedVarianceRatio, components (the k kept directions, each of length columns) \
            and projection (the first two scores of each row); no plots are drawn with --json.

            Examples:
              swift run exercise1
              swift run exercise1 --standardize --components 3
              swift run exercise1 --data measurements.csv --label group --json
            """)

    @Option(help: ArgumentHelp("A CSV file with a header row (default: the built-in iris data).",
                               valueName: "FILE.csv"))
    var data: String?

    @Option(help: ArgumentHelp("The column holding each row's class (text allowed); 'species' for iris.",
                               valueName: "COLUMN"))
    var label: String?

    @Flag(help: "Scale each centred column to unit variance (PCA of the correlation matrix).")
    var standardize = false

    @Option(help: ArgumentHelp("k, the number of principal components kept (1 … number of columns; default 2).",
                               valueName: "k"))
    var components: Int?

    @OptionGroup var output: OutputOptions

    @OptionGroup var decomposer: DecomposerOption

    func validate() throws {
        // The upper bound depends on the data and is checked once they are read.
        if let components, components < 1 {
            throw ValidationError("--components must be at least 1, got \(components)")
        }
        if let label, label.isEmpty { throw ValidationError("--label needs a column name") }
    }

    func run() throws {
        // In the student version the analysis calls the tasks E1.1–E1.3; until they are done, a note.
        var pending = PendingTasks()
        guard let exercise = try pending.attempt({
            try PCAExercise(.init(dataPath: data, labelColumn: label, standardize: standardize,
                                  components: components, decomposer: decomposer.selected))
        }) else {
            print(pending.note("Exercise 1, principal component analysis"))
            return
        }
        if output.json {
            print(exercise.json.rendered())
            return
        }
        print(exercise.report)
        try output.writeFigures(exercise.figures)
    }
}
