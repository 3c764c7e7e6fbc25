import LabSupport
import SVDCore

extension RotateScaleRotate {
    /// The `--json` object: `decomposer` (its `--decomposer` name), `matrix`, `singularValues`, `u`, `v` (arrays of rows),
    /// `tripletResiduals` (‖A·vᵢ − σᵢ·uᵢ‖), `determinant` (ad − bc), `orientation`
    /// ("preserved", "reversed" or "singular"), `firstStep` and `lastStep` (what Vᵀ and U do:
    /// objects with `kind` "rotation" or "reflection" and `degrees`), `conditionNumber` (null when
    /// infinite). Numbers carry round-trip digits.
    public var json: JSON {
        func step(_ map: PlaneOrthogonalMap) -> JSON {
            switch map {
            case .rotation(let degrees): return .object([("kind", .string("rotation")), ("degrees", .number(degrees))])
            case .reflection(let axis): return .object([("kind", .string("reflection")), ("degrees", .number(axis))])
            }
        }
        return .object([
            ("decomposer", .string(decomposer.name)),
            ("matrix", .array(matrix.rowArrays.map { .numbers($0) })),
            ("singularValues", .numbers(singularValues)),
            ("u", .array(decomposition.u.rowArrays.map { .numbers($0) })),
            ("v", .array(decomposition.v.rowArrays.map { .numbers($0) })),
            ("tripletResiduals", .numbers(tripletResiduals)),
            ("determinant", .number(determinant)),
            ("orientation", .string(orientation.rawValue)),
            ("firstStep", step(firstStep)),
            ("lastStep", step(lastStep)),
            ("conditionNumber", .number(conditionNumber)),
        ])
    }
}
