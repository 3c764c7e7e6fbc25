import ExerciseTestSupport
import Foundation
import GeometryLab
import LabSupport
import Plotting
import PropertyBased
import SVDCore
import Testing

/// Exercise 0: a 2×2 matrix maps the unit circle onto an ellipse with semi-axes σ₁u₁ and σ₂u₂.
///
/// Tolerances are c·ε·2·‖A‖₂ (2 = the dimension), the size of the rounding error of a backward
/// stable 2×2 computation; c is stated at each use.
@Suite("Exercise0Tests: the geometry of the SVD")
struct Exercise0Tests {
    static let epsilon = Double.ulpOfOne

    /// c·ε·2·scale.
    static func tolerance(_ c: Double, scale: Double) -> Double { c * epsilon * 2 * scale }

    /// Random 2×2 matrices with entries in [−10, 10] (a scale of 10^e, e ∈ −3…3, so that tiny and
    /// large matrices are drawn too).
    static var matrices: Generator<Matrix<Double>, some SendableSequenceType> {
        zip(Gen.double(in: -10...10), Gen.double(in: -10...10), Gen.double(in: -10...10),
            zip(Gen.double(in: -10...10), Gen.int(in: -3...3)))
            .map { a, b, c, rest in
                let scale = pow(10, Double(rest.1))
                return Matrix(rows: 2, columns: 2) { i, j in scale * [[a, b], [c, rest.0]][i][j] }
            }
    }

    /// σ₁,₂ = (√((a+d)² + (c−b)²) ± √((a−d)² + (b+c)²))/2, the closed form of the 2×2 SVD
    /// (from A = rotation·diag·rotation written out; σ₁ + σ₂ and σ₁ − σ₂ are the two roots).
    static func closedFormSingularValues(_ m: Matrix<Double>) -> (Double, Double) {
        let a = m[0, 0], b = m[0, 1], c = m[1, 0], d = m[1, 1]
        let sum = hypot(a + d, c - b), difference = hypot(a - d, b + c)
        return ((sum + difference) / 2, abs(sum - difference) / 2)
    }

    // MARK: - The mathematics

    /// The default matrix [[2, 1.5], [0, 1]]: σ₁² + σ₂² = ‖A‖²_F = 7.25 and σ₁σ₂ = |det A| = 2,
    /// so σ₁,₂² = (7.25 ± √(7.25² − 16))/2 (exact, from the characteristic polynomial of AᵀA).
    @Test("Default matrix: σ from σ₁² + σ₂² = ‖A‖²_F and σ₁σ₂ = |det A|")
    func defaultMatrixKnownAnswer() throws {
        let exercise = try GeometryExercise()
        let sigma = exercise.geometry.singularValues
        let root = (7.25 * 7.25 - 16).squareRoot()
        let expected = [((7.25 + root) / 2).squareRoot(), ((7.25 - root) / 2).squareRoot()]
        for i in 0..<2 {
            #expect(abs(sigma[i] - expected[i]) <= Self.tolerance(4, scale: expected[0]), "σ\(i + 1) = \(sigma[i])")
        }
        #expect(exercise.geometry.orientation == .preserved)
        #expect(exercise.geometry.firstStep == .rotation(degrees: exercise.geometry.firstStep.degrees))
    }

    /// The singular values agree with the 2×2 closed form on random matrices.
    @Test("σ₁, σ₂ equal the 2×2 closed form")
    func closedForm() async {
        await propertyCheck(count: 300, input: Self.matrices) { a in
            let geometry = try RotateScaleRotate(a)
            let (s1, s2) = Self.closedFormSingularValues(a)
            // The closed form itself loses up to ε·σ₁ in the difference for σ₂: c = 8.
            #expect(abs(geometry.singularValues[0] - s1) <= Self.tolerance(8, scale: s1), "\(a.rowArrays)")
            #expect(abs(geometry.singularValues[1] - s2) <= Self.tolerance(8, scale: s1), "\(a.rowArrays)")
        }
    }

    /// A·vᵢ = σᵢ·uᵢ: the right singular vectors are sent onto the semi-axes.
    @Test("A·vᵢ = σᵢ·uᵢ for i = 1, 2")
    func tripletsSatisfyDefinition() async {
        await propertyCheck(count: 300, input: Self.matrices) { a in
            let geometry = try RotateScaleRotate(a)
            let norm = geometry.singularValues[0]
            for (i, residual) in geometry.tripletResiduals.enumerated() {
                // Backward stable: ‖A·vᵢ − σᵢ·uᵢ‖ is rounding, c = 8.
                #expect(residual <= Self.tolerance(8, scale: norm), "i = \(i + 1), \(a.rowArrays): \(residual)")
            }
        }
    }

    /// The ellipse A·(unit circle), sampled without the SVD, has semi-axes σ₁ and σ₂: its largest
    /// and smallest radius lie in the bounds set by the sampling step, and tighten as it shrinks.
    @Test("The mapped circle's largest and smallest radius are σ₁ and σ₂")
    func ellipseSemiAxes() async {
        await propertyCheck(count: 200, input: Self.matrices) { a in
            let geometry = try RotateScaleRotate(a)
            let slack = Self.tolerance(4, scale: geometry.singularValues[0])
            for samples in [360, 3600] {
                let (largest, smallest) = geometry.sampledRadii(samples: samples)
                let bounds = geometry.sampledRadiiBounds(samples: samples)
                #expect(largest >= bounds.largest.lowerBound - slack && largest <= bounds.largest.upperBound + slack,
                        "\(a.rowArrays), \(samples) samples: max ‖Ax‖ = \(largest), bounds \(bounds.largest)")
                #expect(smallest >= bounds.smallest.lowerBound - slack && smallest <= bounds.smallest.upperBound + slack,
                        "\(a.rowArrays), \(samples) samples: min ‖Ax‖ = \(smallest), bounds \(bounds.smallest)")
            }
        }
    }

    /// The stages compose to A: U(Σ(Vᵀx)) = A·x; after Vᵀ the circle is still the unit circle and
    /// v₁, v₂ sit on e₁, e₂; after Σ the curve is the axis-aligned ellipse (y₁/σ₁)² + (y₂/σ₂)² = 1.
    @Test("Vᵀ keeps the circle, Σ makes the axis-aligned ellipse, U·Σ·Vᵀ·x = A·x")
    func stagesCompose() async {
        await propertyCheck(count: 100, input: Self.matrices) { a in
            let g = try RotateScaleRotate(a)
            let s1 = g.singularValues[0], s2 = g.singularValues[1]
            for x in RotateScaleRotate.unitCircle(samples: 24) {
                let rotated = g.image(of: x, at: .afterVTransposed)
                #expect(abs(hypot(rotated[0], rotated[1]) - 1) <= Self.tolerance(4, scale: 1))
                let stretched = g.image(of: x, at: .afterSigma)
                #expect(abs(stretched[0] - s1 * rotated[0]) <= Self.tolerance(2, scale: s1))
                #expect(abs(stretched[1] - s2 * rotated[1]) <= Self.tolerance(2, scale: s1))
                let final = g.image(of: x, at: .afterU), direct = a * x
                #expect(hypot(final[0] - direct[0], final[1] - direct[1]) <= Self.tolerance(8, scale: s1),
                        "\(a.rowArrays) at \(x)")
            }
            let e = g.arrows(at: .afterVTransposed)
            #expect(abs(e[0][0] - 1) + abs(e[0][1]) + abs(e[1][0]) + abs(e[1][1] - 1) <= Self.tolerance(8, scale: 1))
        }
    }

    /// det A = det U · σ₁σ₂ · det V: the orientation read from the factors agrees with the sign
    /// of ad − bc whenever |det A| is well above its rounding error (≈ ε·σ₁²).
    @Test("Orientation from the factors agrees with the sign of det A")
    func orientationAgreesWithDeterminant() async {
        await propertyCheck(count: 300, input: Self.matrices) { a in
            let g = try RotateScaleRotate(a)
            let s1 = g.singularValues[0]
            guard abs(g.determinant) > 64 * Self.epsilon * s1 * s1 else { return }
            #expect(g.orientation == (g.determinant > 0 ? .preserved : .reversed), "\(a.rowArrays)")
            // |det A| = σ₁σ₂, to rounding.
            #expect(abs(abs(g.determinant) - s1 * g.singularValues[1]) <= Self.tolerance(8, scale: s1 * s1))
        }
    }

    /// Known answers for the classification of orthogonal 2×2 maps and for special matrices.
    @Test("Rotations, reflections and singular matrices are recognized")
    func knownMaps() throws {
        let theta = 30.0 * .pi / 180
        let rotation = try Matrix(rows: [[cos(theta), -sin(theta)], [sin(theta), cos(theta)]])
        guard case .rotation(let degrees) = PlaneOrthogonalMap(rotation) else { Issue.record("not a rotation"); return }
        #expect(abs(degrees - 30) <= 1e-12 * 30)
        let phi = 20.0 * .pi / 180  // reflection across the line at 20°
        let reflection = try Matrix(rows: [[cos(2 * phi), sin(2 * phi)], [sin(2 * phi), -cos(2 * phi)]])
        guard case .reflection(let axis) = PlaneOrthogonalMap(reflection) else { Issue.record("not a reflection"); return }
        #expect(abs(axis - 20) <= 1e-12 * 20)

        // The swap [0 1; 1 0] is the reflection across the diagonal: it reverses orientation.
        #expect(try GeometryExercise(matrix: "0 1; 1 0").geometry.orientation == .reversed)
        // Rank one: σ₂ = 0 exactly (the rows are proportional), the circle collapses to a segment.
        let singular = try GeometryExercise(matrix: "1 2; 0.5 1").geometry
        #expect(singular.orientation == .singular)
        #expect(singular.singularValues[1] <= Self.tolerance(4, scale: singular.singularValues[0]))
        #expect(singular.decomposition.conditionNumber == .infinity)
        // The zero matrix: both σ are 0, nothing is NaN.
        let zero = try GeometryExercise(matrix: "0 0; 0 0")
        #expect(zero.geometry.singularValues == [0, 0])
        #expect(!zero.report.contains("NaN"))
    }

    // MARK: - The figure

    /// The script has four equal-aspect panels, each with the images of v₁ and v₂ as arrows
    /// labelled v, e, σe and σu, in a square image named exercise0-geometry.
    @Test("The figure script draws four equal-aspect panels with the singular vectors as arrows")
    func figureScript() throws {
        let figure = try GeometryExercise().figure
        #expect(figure.name == "exercise0-geometry")
        #expect(figure.size.width == figure.size.height)
        let text = try GnuplotScript(figure).text
        #expect(text.contains("set multiplot layout 2,2"))
        #expect(text.components(separatedBy: "set size ratio -1").count - 1 == 4)
        #expect(text.components(separatedBy: "with vectors").count - 1 == 8)
        for label in ["v_1", "v_2", "e_1", "e_2", "σ_1e_1", "σ_2e_2", "σ_1u_1", "σ_2u_2"] {
            #expect(text.contains("set label '\(label)'"), "missing arrow label \(label)")
        }
        #expect(text.contains("set output outdir.'exercise0-geometry.png'"))
        // Every panel is inside the key's corner: the key is inside the plot.
        #expect(!text.contains("set key outside"))
    }

    /// The arrows in the last panel are σ₁u₁ and σ₂u₂ (heads at the semi-axes of the ellipse).
    @Test("The last panel's arrows end at σ₁u₁ and σ₂u₂")
    func lastPanelArrows() throws {
        let g = try GeometryExercise().geometry
        let heads = g.arrows(at: .afterU)
        for i in 0..<2 {
            let expected = g.leftVectors[i].map { g.singularValues[i] * $0 }
            #expect(hypot(heads[i][0] - expected[0], heads[i][1] - expected[1])
                    <= Self.tolerance(8, scale: g.singularValues[0]))
        }
    }

    /// Rendering into a temporary directory writes the script, and the PNG when gnuplot is there.
    @Test("Rendering writes exercise0-geometry.gp and, with gnuplot, the PNG")
    func rendering() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("exercise0-tests-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let renderer = GnuplotRenderer(defaultDirectory: directory)
        let outcome = try renderer.render(try GeometryExercise().figure)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("exercise0-geometry.gp").path))
        if renderer.isAvailable {
            let png = directory.appendingPathComponent("exercise0-geometry.png")
            #expect(outcome.images == [png])
            let size = try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int ?? 0
            #expect(size > 0)
        } else {
            #expect(outcome.images.isEmpty)
        }
    }

    // MARK: - Input and output

    /// Each malformed --matrix gives its own one-line message.
    @Test("Bad --matrix values are refused with a clear message", arguments: [
        ("", "is empty"),
        ("  ", "is empty"),
        ("1 2", "has 1 rows"),
        ("1 2; 3 4; 5 6", "has 3 rows"),
        ("1 2 3; 4 5", "row 1 has 3 entries"),
        ("1 2; 3", "row 2 has 1 entry"),
        ("1 2;", "row 2 has 0 entries"),
        ("1 x; 2 3", "row 1: 'x' is not a number"),
        ("1 2; 3 4,5", "row 2 has 3 entries"),
        ("nan 1; 2 3", "row 1: 'nan' is not a finite number"),
        ("1 0; 0 -inf", "row 2: '-inf' is not a finite number"),
        ("1e101 0; 0 1", "row 1: '1e101' is too large"),
    ])
    func badMatrix(text: String, message: String) {
        do {
            _ = try GeometryExercise(matrix: text)
            Issue.record("'\(text)' was accepted")
        } catch {
            let description = "\(error)"
            #expect(description.contains(message), "'\(text)': \(description)")
            #expect(!description.contains("\n"), "the message must fit on one line")
        }
    }

    /// Commas, extra spaces and negative entries are fine.
    @Test("Accepted spellings of --matrix")
    func goodMatrixSpellings() throws {
        let expected = try Matrix<Double>(rows: [[-1, 2], [3, 0.5]])
        for text in ["-1 2; 3 0.5", "-1, 2; 3, 0.5", "  -1,2 ;3   0.5  ", "-1\t2;3 5e-1"] {
            #expect(try MatrixOption.parse(text) == expected, "'\(text)'")
        }
    }

    /// The --json object: its keys in order, and numbers that read back to the same values.
    @Test("--json prints one object with the documented keys")
    func jsonKeys() throws {
        let exercise = try GeometryExercise(matrix: "0 1; 1 0")
        let text = exercise.json.rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["decomposer", "matrix", "singularValues", "u", "v", "tripletResiduals", "determinant",
                                     "orientation", "firstStep", "lastStep", "conditionNumber"])
        #expect(text.hasPrefix("{\"decomposer\":\"jacobi\",\"matrix\":"))
        #expect(object["orientation"] as? String == "reversed")
        #expect(object["determinant"] as? Double == -1)
        #expect(object["singularValues"] as? [Double] == exercise.geometry.singularValues)
        let singular = try GeometryExercise(matrix: "1 2; 2 4").json.rendered()
        #expect(singular.contains("\"conditionNumber\":null"))
    }

    /// The report names every step and the checks, for a rotation and for a reflection.
    @Test("The report explains the three steps and the determinant")
    func reportContents() throws {
        let report = try GeometryExercise().report
        for phrase in ["A = U·Σ·Vᵀ", "1. Vᵀ  rotation by", "2. Σ   stretches", "3. U   rotation by",
                       "A·vᵢ = σᵢ·uᵢ", "max ‖A·x‖", "both hold.", "det A > 0"] {
            #expect(report.contains(phrase), "missing: \(phrase)")
        }
        let mirrored = try GeometryExercise(matrix: "0 1; 1 0").report
        #expect(mirrored.contains("reflection across the line at 45.00°"))
        #expect(mirrored.contains("det A < 0"))
    }

    // MARK: - The command end to end

    /// A negative first entry must reach --matrix (it looks like an option), and --json output
    /// is one parseable object.
    @Test("exercise0 --matrix \"-1 2; 3 4\" --json runs end to end")
    func commandEndToEnd() throws {
        let command = try ExerciseCommand("exercise0")
        defer { command.remove() }
        let run = try command.run(["--matrix", "-1 2; 3 4", "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(object["matrix"] as? [[Double]] == [[-1, 2], [3, 4]])
        #expect(object["orientation"] as? String == "reversed")
    }

    /// Bad input: one line on standard error, a non-zero status, nothing on standard output.
    @Test("exercise0 with a bad --matrix exits non-zero with one error line")
    func commandBadInput() throws {
        let command = try ExerciseCommand("exercise0")
        defer { command.remove() }
        let run = try command.run(["--matrix", "1 2; 3", "--no-plots"])
        #expect(run.status != 0)
        #expect(run.standardOutput.isEmpty)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(run.standardError)")
        #expect(run.standardError.contains("row 2 has 1 entry"))
    }
}

extension PlaneOrthogonalMap {
    /// The angle of a rotation or of a reflection's axis, for tests.
    var degrees: Double {
        switch self {
        case .rotation(let d), .reflection(let d): return d
        }
    }
}
