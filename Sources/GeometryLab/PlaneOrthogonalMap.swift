import Foundation
import SVDCore

/// What a 2×2 orthogonal matrix does to the plane: a rotation or a reflection.
///
/// Every orthogonal Q (QᵀQ = I) of size 2×2 is one of
///
///     rotation by θ:             [cos θ  −sin θ]      det Q = +1
///                                [sin θ   cos θ]
///
///     reflection across the      [cos 2φ   sin 2φ]    det Q = −1
///     line at angle φ:           [sin 2φ  −cos 2φ]
///
/// Both keep lengths and angles, so both map the unit circle onto itself; only a reflection
/// reverses orientation (counter-clockwise becomes clockwise). The first column is the image of
/// e₁ = (1, 0), which is why θ and 2φ are both read from it with `atan2`.
public enum PlaneOrthogonalMap: Sendable, Equatable, CustomStringConvertible {
    /// Counter-clockwise rotation by this many degrees, in (−180, 180].
    case rotation(degrees: Double)
    /// Reflection across the line through 0 at this angle to the x axis, in degrees, in (−90, 90].
    case reflection(axisDegrees: Double)

    /// Classifies an orthogonal 2×2 matrix by the sign of its determinant.
    ///
    /// - Precondition: `q` is 2×2. It should be orthogonal to rounding; the angle is read from
    ///   the first column, so a tiny departure from orthogonality only moves it by as much.
    public init(_ q: Matrix<Double>) {
        precondition(q.rows == 2 && q.columns == 2, "a plane map needs a 2×2 matrix, got \(q.rows)×\(q.columns)")
        let angle = atan2(q[1, 0], q[0, 0]) * 180 / .pi
        if Self.determinant(q) > 0 {
            self = .rotation(degrees: angle == -180 ? 180 : angle)
        } else {
            let half = angle / 2
            self = .reflection(axisDegrees: half == -90 ? 90 : half)
        }
    }

    /// ad − bc.
    public static func determinant(_ q: Matrix<Double>) -> Double {
        q[0, 0] * q[1, 1] - q[0, 1] * q[1, 0]
    }

    /// Whether this map reverses orientation (determinant −1).
    public var isReflection: Bool {
        if case .reflection = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .rotation(let degrees) where degrees < 0:
            return "rotation by \(Self.degreesText(degrees)) (\(Self.degreesText(-degrees)) clockwise)"
        case .rotation(let degrees):
            return "rotation by \(Self.degreesText(degrees)) (counter-clockwise)"
        case .reflection(let axis):
            return "reflection across the line at \(Self.degreesText(axis)) to the x axis"
        }
    }

    /// Degrees with two decimals and a degree sign, "−41.44°".
    static func degreesText(_ degrees: Double) -> String {
        String(format: "%.2f°", abs(degrees) < 0.005 ? 0 : degrees)
    }
}
