import ArgumentParser
import Foundation
import LabSupport
import LeastSquaresLab

extension ResidualArithmetic: ExpressibleByArgument {}

/// Exercise 3: implement the pseudoinverse, verify least squares.
@main
struct Exercise3: LabCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise3",
        abstract: "The pseudoinverse A⁺ = V·Σ⁺·Uᵀ and least squares, verified, then graded on NIST's certified data.",
        discussion: """
            x = A⁺b minimizes ‖Ax − b‖₂ and, among all minimizers, has the smallest ‖x‖₂. The \
            default run shows why, in three regimes, then fits real data:
              1. overdetermined (m > n): the residual is orthogonal to the columns of A, and the \
            normal equations AᵀA·x = Aᵀb lose twice the digits (κ² instead of κ) while the residual is \
            small, and as many as the SVD when it is large (--residual);
              2. underdetermined (m < n): adding null-space vectors keeps Ax = b and lengthens x;
              3. rank-deficient: the cut-off on small singular values, and what it saves;
              4. NIST's Longley data, with the coefficients beside NIST's certified values and \
            their LRE (log relative error, the number of correct significant digits).

            The solver for real data: columns scaled by powers of two (exact), the one-sided \
            Jacobi SVD, and iterative refinement of the augmented system [I A; Aᵀ 0][r; x] = [b; 0] \
            with residuals in extended precision (double-double by default).

            Data: --dataset NAME picks one of NIST's eleven sets (Norris, Pontius, NoInt1, NoInt2, \
            Filip, Longley, Wampler1–5); --data FILE.dat reads any NIST StRD linear least-squares \
            file (model, certified values and data read from the file); --data FILE.csv --degree d \
            fits a polynomial of degree d to two columns x,y (an optional header names them); \
            --data FILE.csv --response COLUMN fits COLUMN (a name from the header row, or a 1-based \
            number) against every other column, with an intercept unless --no-intercept. Every \
            column but the response must be numeric. Without certified values the report gives the \
            digits to expect from κ and the residual instead of an LRE. \
            --all-nist grades all eleven in one table.

            --json prints one object with the keys decomposer, dataset, coefficients, certified \
            (null if none), lre (null if no certified values), minLRE, residualSD; with \
            --all-nist, {"decomposer", "datasets": [...]} of such objects (without decomposer). No plots are drawn with --json.

            Plots (data and fit, residuals, singular values of the design matrix) go to plots/ \
            (--plots-dir DIR, --no-plots); without gnuplot only their scripts are written. \
            A figure that cannot be written or drawn (a bad --plots-dir, a gnuplot error) is \
            reported after the results as an error, and the exit status is then 1.

            Examples:
              swift run exercise3
              swift run exercise3 --residual 1
              swift run exercise3 --dataset Filip
              swift run exercise3 --all-nist
              swift run exercise3 --data measurements.csv --degree 2 --json
              swift run exercise3 --data plants.csv --response growth
            """)

    @Option(name: .customLong("data"), help: ArgumentHelp("A NIST StRD .dat file, a .csv of x,y pairs (with --degree), or a .csv with a header row (with --response).", valueName: "file"))
    var dataPath: String?

    @Option(help: ArgumentHelp("A bundled NIST data set: \(ReferenceDatasets.names.joined(separator: ", ")).", valueName: "name"))
    var dataset: String?

    @Option(help: "The degree of the polynomial fitted to a CSV file (0…\(PolynomialCSV.maximumDegree)).")
    var degree: Int?

    @Option(help: ArgumentHelp("The response column of a CSV file with a header row (a name, or a 1-based column number); every other column is a predictor.", valueName: "column"))
    var response: String?

    @Flag(name: .customLong("no-intercept"), help: "With --response: fit without the constant term B0.")
    var noIntercept = false

    @Flag(name: .customLong("all-nist"), help: "Grade all eleven NIST data sets in one table.")
    var allNIST = false

    @Option(help: "Arithmetic of the refinement's residuals: double, float80 (x86-64) or double-double.")
    var residuals: ResidualArithmetic = .doubleDouble

    @Option(help: ArgumentHelp("‖r‖ of section 1's overdetermined problem (‖A‖ = 1, ‖x‖ ≈ 2): at 1e-6 the SVD keeps twice the digits of the normal equations, at 1 it loses as many.", valueName: "size"))
    var residual = 1e-6

    @OptionGroup var output: OutputOptions

    @OptionGroup var decomposer: DecomposerOption

    func validate() throws {
        if dataPath != nil && dataset != nil { throw ValidationError("--data and --dataset exclude each other") }
        if allNIST && (dataPath != nil || dataset != nil) {
            throw ValidationError("--all-nist grades the bundled sets; it takes no --data or --dataset")
        }
        if let degree, !(0...PolynomialCSV.maximumDegree).contains(degree) {
            throw ValidationError("--degree must be between 0 and \(PolynomialCSV.maximumDegree), got \(degree)")
        }
        if degree != nil && dataPath == nil { throw ValidationError("--degree applies to --data FILE.csv") }
        if response != nil && dataPath == nil { throw ValidationError("--response applies to --data FILE.csv") }
        if response != nil && degree != nil {
            throw ValidationError("--response and --degree exclude each other: --degree fits a polynomial to two columns x,y")
        }
        if noIntercept && response == nil { throw ValidationError("--no-intercept applies to --data FILE.csv --response COLUMN") }
        if let dataset, ReferenceDatasets.url(named: dataset) == nil {
            throw ValidationError("unknown data set '\(dataset)'; choose one of \(ReferenceDatasets.names.joined(separator: ", "))")
        }
        if !(residual > 0 && residual <= 1e3) {
            throw ValidationError("--residual must be a size greater than 0 and at most 1000, got \(residual)")
        }
        if residual != 1e-6 && !LeastSquaresExercise.Options(dataPath: dataPath, datasetName: dataset,
                                                              allReferenceSets: allNIST).showsRegimes {
            throw ValidationError("--residual applies to the default run's three regimes, not to --data, --dataset or --all-nist")
        }
        if !ResidualArithmetic.availableCases.contains(residuals) {
            throw ValidationError("--residuals \(residuals.rawValue) is not available on this machine (no Float80)")
        }
    }

    func run() throws {
        var options = LeastSquaresExercise.Options(dataPath: dataPath, datasetName: dataset, degree: degree,
                                                   response: response, intercept: !noIntercept,
                                                   allReferenceSets: allNIST, residuals: residuals, json: output.json,
                                                   decomposer: decomposer.selected)
        options.residualSize = residual
        let result = try LeastSquaresExercise.run(options)
        print(result.text)
        // No figures in --json mode, and none for a run that has nothing to draw.
        guard !output.json, !result.figures.isEmpty else { return }
        try output.writeFigures(result.figures)
    }
}
