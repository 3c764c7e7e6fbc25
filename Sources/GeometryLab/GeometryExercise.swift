import LabSupport
import Plotting
import SVDCore
import SVDDecomposers

/// Exercise 0 from options to results: what `swift run exercise0` does, minus printing and
/// drawing, so that tests can run it end to end.
public struct GeometryExercise: Sendable {
    /// The matrix shown when `--matrix` is not given: not symmetric, so U ≠ V and the two
    /// rotations differ (−41.44° and 14.87°), with σ₁/σ₂ ≈ 3.3 so the ellipse is clearly one.
    public static let defaultMatrix = "2 1.5; 0 1"

    public let geometry: RotateScaleRotate

    /// Parses the `--matrix` text (or the default) and decomposes it with `decomposer`.
    ///
    /// - Throws: `UserFacingError` with a one-line message.
    public init(matrix text: String? = nil, decomposer: NamedDecomposer = DecomposerRegistry.standard) throws {
        let a: Matrix<Double>
        do {
            a = try MatrixOption.parse(text ?? Self.defaultMatrix)
        } catch {
            throw UserFacingError(error.description)
        }
        do {
            geometry = try RotateScaleRotate(a, decomposer: decomposer)
        } catch {
            throw UserFacingError(error.description)
        }
    }

    /// The text report.
    public var report: String { GeometryReport(geometry).text }

    /// The `--json` object.
    public var json: JSON { geometry.json }

    /// The four-panel figure, written as `exercise0-geometry.png`.
    public var figure: Figure { GeometryFigure.figure(geometry) }
}
