import ArgumentParser
import Foundation
import LabSupport
import SVDCore
import SVDDecomposers

/// `svd`: any matrix in, its singular value decomposition out.
@main
struct SVDCommand: LabCommand {
    static let configuration = CommandConfiguration(
        commandName: "svd",
        abstract: "Compute the singular value decomposition A = U·Σ·Vᵀ of a matrix (one-sided Jacobi by default).",
        discussion: """
            The matrix is read as text: one row per line, numbers separated by commas and/or \
            spaces; '#' starts a comment; blank lines are ignored. FILE '-' reads standard input. \
            With no FILE, standard input is read when it is a pipe or a file; at a terminal a \
            built-in 4×3 example is used.

            The text report shows the shape, singular values, numerical rank (tolerance \
            σ₁·max(m,n)·ε unless --rank-tolerance is given), the condition number, the dimensions \
            of the four fundamental subspaces, the iteration's diagnostics and, for matrices up to \
            8×8, U, Σ and V.

            --json prints one object with the keys rows, cols, precision, decomposer (the \
            --decomposer name), singularValues, rank, conditionNumber (null when infinite), u and \
            v (arrays of rows; thin; omitted with --values-only), sweeps and seconds. Numbers \
            carry enough digits to round-trip.

            --decomposer chooses the algorithm. normal-equations goes through the eigenvalues of \
            AᵀA and loses every σ below about √ε·σ₁ ≈ 1.5e-8·σ₁; jacobi and textbook find the \
            small σ of a graded matrix to high relative accuracy.

            Examples:
              echo "3 2 2; 2 3 -2" | tr ';' '\\n' | swift run svd
              swift run svd matrix.txt --json --repeat 5
              swift run -c release svd big.txt --values-only --repeat 10
              swift run svd graded.txt --json --decomposer normal-equations
            """)

    enum Precision: String, ExpressibleByArgument, CaseIterable {
        case float, double, float80
    }

    @Argument(help: "The matrix file ('-' for standard input).")
    var file: String?

    @Flag(help: "Compute the singular values only (no U, V).")
    var valuesOnly = false

    @Flag(help: "Full SVD: U is m×m and V is n×n (default thin: p = min(m,n) columns).")
    var full = false

    @Option(help: "Arithmetic: float, double or float80 (x86-64 only).")
    var precision: Precision = .double

    @Option(help: "Singular values above T count towards the rank (default σ₁·max(m,n)·ε).")
    var rankTolerance: Double?

    @Option(help: "Decompose N times and report the median time of the decomposition alone.")
    var `repeat`: Int = 1

    @Flag(help: "Print one JSON object instead of the text report.")
    var json = false

    @OptionGroup var decomposer: DecomposerOption

    func validate() throws {
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1, got \(`repeat`)") }
        if let t = rankTolerance, !(t >= 0 && t.isFinite) {
            throw ValidationError("--rank-tolerance must be a finite non-negative number, got \(t)")
        }
        if valuesOnly && full { throw ValidationError("--values-only and --full exclude each other") }
        #if !(arch(x86_64) || arch(i386)) || SVDLAB_NO_FLOAT80
        if precision == .float80 { throw ValidationError("float80 is not available in this build (Float80 exists on x86-64 only)") }
        #endif
    }

    func run() throws {
        let (text, source) = try readInput()
        switch precision {
        case .float: try report(Float.self, text: text, source: source)
        case .double: try report(Double.self, text: text, source: source)
        case .float80:
            #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
            try report(Float80.self, text: text, source: source)
            #endif
        }
    }

    /// The input text and a description of where it came from.
    private func readInput() throws -> (String, String) {
        if let file, file != "-" { return (try readTextFile(file), file) }
        if file == nil && isatty(STDIN_FILENO) != 0 {
            return (Self.builtInExample, "built-in example (pass a FILE or pipe a matrix in)")
        }
        return (try readStandardInputText(), "standard input")
    }

    static let builtInExample = """
        # A 4×3 matrix of rank 2: the third column is the sum of the first two.
        1  2  3
        4  5  9
        7  8 15
        1  0  1
        """

    /// ‖B − A‖_F/‖A‖_F (0 for a zero A), with both divided by the power of two nearest A's largest
    /// entry first (exactly), so that neither norm overflows for entries near the largest finite
    /// number — where ‖A‖_F = +∞ had made every residual print as 0.
    private func relativeDistance<Scalar: SVDScalar>(_ b: Matrix<Scalar>, from a: Matrix<Scalar>) -> Scalar {
        let largest = a.maxAbsoluteEntry
        guard largest > 0 else { return (b - a).frobeniusNorm }
        func scaled(_ m: Matrix<Scalar>) -> Matrix<Scalar> {
            Matrix(rows: m.rows, columns: m.columns,
                   columnMajor: m.elements.map { Scalar(sign: .plus, exponent: -largest.exponent, significand: $0) })
        }
        let scaledA = scaled(a)
        return (scaled(b) - scaledA).frobeniusNorm / scaledA.frobeniusNorm
    }

    /// Refuses a result whose largest singular value is beyond the format (‖A‖₂ can exceed the
    /// largest finite number by up to √(min(m, n)) when the entries do not).
    private func checkRange<S: SingularSpectrum>(_ spectrum: S) throws {
        guard spectrum.largestSingularValue.isFinite else {
            throw UserFacingError("‖A‖₂ = σ₁ exceeds the largest \(S.Scalar.precisionName) number "
                                  + "(\(S.Scalar.greatestFiniteMagnitude)); divide the matrix by a power of ten first")
        }
    }

    private func report<Scalar: SVDScalar>(_: Scalar.Type, text: String, source: String) throws {
        let a: Matrix<Scalar>
        do { a = try MatrixTextFormat.parse(text) } catch { throw UserFacingError("\(source): \(error)") }
        let wanted: DecompositionCost.Vectors = valuesOnly ? .none : full ? .full : .thin
        try DecompositionCost(rows: a.rows, columns: a.columns, scalarBytes: MemoryLayout<Scalar>.stride, vectors: wanted)
            .check(rows: a.rows, columns: a.columns, vectors: wanted)
        let chosen = decomposer.selected.decomposer
        let tolerance = rankTolerance.map { Scalar($0) }

        if valuesOnly {
            let (seconds, values) = try Timing.median(repeats: `repeat`) { try chosen.singularValues(of: a) }
            try checkRange(values)
            present(a, spectrum: values, decomposition: nil, tolerance: tolerance,
                    diagnostics: values.diagnostics, seconds: seconds, source: source)
        } else {
            let vectors: SingularVectors = full ? .full : .thin
            let (seconds, svd) = try Timing.median(repeats: `repeat`) { try chosen.decompose(a, vectors: vectors) }
            try checkRange(svd)
            present(a, spectrum: svd, decomposition: svd, tolerance: tolerance,
                    diagnostics: svd.diagnostics, seconds: seconds, source: source)
        }
    }

    /// Prints the JSON object with `--json`, else the text report.
    private func present<S: SingularSpectrum>(_ a: Matrix<S.Scalar>, spectrum: S,
                                              decomposition: SingularValueDecomposition<S.Scalar>?,
                                              tolerance: S.Scalar?, diagnostics: DecompositionDiagnostics,
                                              seconds: Double, source: String) {
        if json {
            print(jsonObject(spectrum, decomposition: decomposition, tolerance: tolerance,
                             diagnostics: diagnostics, seconds: seconds).rendered())
        } else {
            printReport(a, spectrum: spectrum, decomposition: decomposition, tolerance: tolerance,
                        diagnostics: diagnostics, seconds: seconds, source: source)
        }
    }

    private func jsonObject<S: SingularSpectrum>(_ spectrum: S,
                                                decomposition: SingularValueDecomposition<S.Scalar>?,
                                                tolerance: S.Scalar?, diagnostics: DecompositionDiagnostics,
                                                seconds: Double) -> JSON {
        var members: [(String, JSON)] = [
            ("rows", .number(spectrum.rows)),
            ("cols", .number(spectrum.columns)),
            ("precision", .string(S.Scalar.precisionName)),
            ("decomposer", .string(decomposer.selected.name)),
            ("singularValues", .numbers(spectrum.singularValues)),
            ("rank", .number(spectrum.rank(tolerance: tolerance))),
            ("conditionNumber", .number(spectrum.conditionNumber)),
        ]
        if let svd = decomposition {
            members.append(("u", .array(svd.u.rowArrays.map { .numbers($0) })))
            members.append(("v", .array(svd.v.rowArrays.map { .numbers($0) })))
        }
        members.append(("sweeps", .number(diagnostics.sweeps)))
        members.append(("seconds", .number(seconds)))
        return .object(members)
    }

    private func printReport<S: SingularSpectrum>(_ a: Matrix<S.Scalar>, spectrum: S,
                                                  decomposition: SingularValueDecomposition<S.Scalar>?,
                                                  tolerance: S.Scalar?, diagnostics: DecompositionDiagnostics,
                                                  seconds: Double, source: String) {
        let m = a.rows, n = a.columns
        let r = spectrum.rank(tolerance: tolerance)
        let cutoff = tolerance ?? spectrum.defaultRankTolerance
        print("Matrix: \(m)×\(n) from \(source), precision \(S.Scalar.precisionName)")
        print("")
        print("Singular values (σ₁ ≥ σ₂ ≥ … ≥ 0):")
        for (i, sigma) in spectrum.singularValues.enumerated().prefix(20) {
            let mark = sigma > cutoff ? "" : "   ≤ rank tolerance"
            print("  σ\(i + 1) = \(Format.scientific(sigma, 15))\(mark)")
        }
        if spectrum.singularValues.count > 20 { print("  … (\(spectrum.singularValues.count - 20) more)") }
        print("")
        print("Rank r = \(r)   (tolerance \(Format.scientific(cutoff, 3))\(tolerance == nil ? " = σ₁·max(m,n)·ε" : ""))")
        print("‖A‖₂ = σ₁ = \(Format.significant(spectrum.norm2, 10))    ‖A‖_F = \(Format.significant(spectrum.frobeniusNorm, 10))")
        print("κ₂(A) = σ₁/σ_min = \(Format.significant(spectrum.conditionNumber, 10))"
              + (r < spectrum.singularValues.count && r > 0
                 ? "    (σ₁/σ_r on the range: \(Format.significant(spectrum.effectiveConditionNumber(rankTolerance: tolerance), 10)))" : ""))
        print("")
        print("Four fundamental subspaces:")
        print("  column space    col(A)  ⊂ ℝ^\(m): dimension r     = \(r)")
        print("  row space       row(A)  ⊂ ℝ^\(n): dimension r     = \(r)")
        print("  null space      null(A) ⊂ ℝ^\(n): dimension n − r = \(n - r)")
        print("  left null space null(Aᵀ)⊂ ℝ^\(m): dimension m − r = \(m - r)")
        print("")
        let chosen = decomposer.selected
        print("Decomposer: \(chosen.name) (\(chosen.decomposer.name)): \(diagnostics.sweeps) sweeps, "
              + "\(diagnostics.rotations) rotations, largest remaining |cos| "
              + "\(Format.scientific(diagnostics.largestRemainingCosine, 2)) "
              + "(tolerance \(Format.scientific(diagnostics.tolerance, 2))"
              + (chosen.decomposer.name == OneSidedJacobi().name
                 ? " = √p·ε, p = min(m, n): the sweeps run on the p×p factor R of a pivoted QR)" : ")"))
        print("Time: \(Format.significant(seconds * 1000, 4)) ms" + (`repeat` > 1 ? " (median of \(`repeat`))" : ""))
        if let svd = decomposition {
            let residual = relativeDistance(svd.reconstructed(), from: a)
            print("Checks: ‖A − UΣVᵀ‖_F/‖A‖_F = \(Format.scientific(residual, 2)), "
                  + "max|UᵀU − I| = \(Format.scientific(svd.u.orthogonalityError, 2)), "
                  + "max|VᵀV − I| = \(Format.scientific(svd.v.orthogonalityError, 2))")
            if max(m, n) <= 8 {
                print("")
                print("U (\(svd.u.rows)×\(svd.u.columns)), columns = left singular vectors:")
                print(matrixText(svd.u))
                print("Σ (\(svd.u.columns)×\(svd.v.columns)):")
                print(matrixText(svd.sigma))
                print("V (\(svd.v.rows)×\(svd.v.columns)), columns = right singular vectors (NumPy returns Vᵀ):")
                print(matrixText(svd.v))
            }
        }
    }

    private func matrixText<Scalar: SVDScalar>(_ a: Matrix<Scalar>) -> String {
        a.rowArrays.map { row in
            "  " + row.map { value -> String in
                let text = Format.significant(value == 0 ? 0 : value, 6)
                return String(repeating: " ", count: max(0, 12 - text.count)) + text
            }.joined(separator: " ")
        }.joined(separator: "\n")
    }
}
