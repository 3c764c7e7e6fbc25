import Foundation
import SVDCore
import SVDDecomposers

/// A 2×2 matrix seen as three simple maps: A = U·Σ·Vᵀ, "rotate, scale, rotate".
///
/// For x on the unit circle, A·x = U·(Σ·(Vᵀ·x)):
///
/// 1. **Vᵀ** is orthogonal, so the circle stays the unit circle; it turns the right singular
///    vectors onto the axes, Vᵀvᵢ = eᵢ.
/// 2. **Σ** = diag(σ₁, σ₂) stretches along the axes: the circle becomes the axis-aligned ellipse
///    (y₁/σ₁)² + (y₂/σ₂)² = 1, with semi-axes σ₁e₁ and σ₂e₂.
/// 3. **U** is orthogonal: it turns the ellipse so that its semi-axes become σ₁u₁ and σ₂u₂.
///
/// So A maps the unit circle onto an ellipse whose semi-axes are σ₁u₁ and σ₂u₂, and the input
/// directions that land on them are v₁ and v₂: A·vᵢ = σᵢ·uᵢ. The longest semi-axis is
/// σ₁ = ‖A‖₂ = max‖Ax‖ over ‖x‖ = 1, the shortest σ₂ = min‖Ax‖, and their ratio is the
/// condition number κ₂(A) = σ₁/σ₂.
///
/// Each orthogonal factor is a rotation or a reflection (``PlaneOrthogonalMap``). Since
/// det A = det U · σ₁σ₂ · det V, A reverses orientation exactly when one of U, V is a reflection.
/// The sign convention of the core (largest entry of each vᵢ positive) fixes the signs; flipping
/// both u₂ and v₂ would be as valid and turns two reflections into two rotations.
public struct RotateScaleRotate: Sendable {
    /// A.
    public let matrix: Matrix<Double>
    /// A = U·Σ·Vᵀ, computed by `decomposer`.
    public let decomposition: SingularValueDecomposition<Double>
    /// The decomposer that computed it (one-sided Jacobi unless `--decomposer` names another).
    public let decomposer: NamedDecomposer

    /// The stages of the picture: the input circle and its image after each factor.
    public enum Stage: Int, Sendable, CaseIterable {
        /// x on the unit circle.
        case input
        /// Vᵀ·x: still the unit circle.
        case afterVTransposed
        /// Σ·Vᵀ·x: the axis-aligned ellipse.
        case afterSigma
        /// U·Σ·Vᵀ·x = A·x: the final ellipse.
        case afterU
    }

    /// Decomposes `a` with `decomposer`.
    ///
    /// - Throws: `GeometryError` when `a` is not 2×2 or not finite.
    public init(_ a: Matrix<Double>, decomposer: NamedDecomposer = DecomposerRegistry.standard) throws(GeometryError) {
        guard a.rows == 2 && a.columns == 2 else { throw .notTwoByTwo(rows: a.rows, columns: a.columns) }
        matrix = a
        self.decomposer = decomposer
        do {
            decomposition = try decomposer.decomposer.decompose(a, vectors: .full)
        } catch {
            throw .decompositionFailed("\(error)")
        }
    }

    /// σ₁ ≥ σ₂ ≥ 0.
    public var singularValues: [Double] { decomposition.singularValues }
    /// The left singular vectors u₁, u₂ (columns of U).
    public var leftVectors: [[Double]] { [decomposition.u.column(0), decomposition.u.column(1)] }
    /// The right singular vectors v₁, v₂ (columns of V).
    public var rightVectors: [[Double]] { [decomposition.v.column(0), decomposition.v.column(1)] }

    /// What Vᵀ does to the plane (step 1).
    public var firstStep: PlaneOrthogonalMap { PlaneOrthogonalMap(decomposition.vTransposed) }
    /// What U does to the plane (step 3).
    public var lastStep: PlaneOrthogonalMap { PlaneOrthogonalMap(decomposition.u) }

    /// det A = ad − bc, computed from the entries.
    public var determinant: Double { PlaneOrthogonalMap.determinant(matrix) }

    /// Whether A keeps orientation, reverses it, or is singular to working precision.
    ///
    /// Read from the factors, det A = det U · σ₁σ₂ · det V, rather than from the sign of ad − bc:
    /// when σ₂ is at rounding level (below the rank tolerance σ₁·2·ε) the sign of det A is noise.
    public var orientation: Orientation {
        guard decomposition.rank() == 2 else { return .singular }
        return lastStep.isReflection == firstStep.isReflection ? .preserved : .reversed
    }

    /// κ₂(A) = σ₁/σ₂, or +∞ when A is singular to working precision. A σ₂ below the rank
    /// tolerance is rounding noise (for [1 2; 2 4] a backward-stable SVD may return 0 or 2e-16),
    /// and so would be the quotient; the verdict follows the numerical rank, as `orientation` does.
    public var conditionNumber: Double {
        orientation == .singular ? .infinity : decomposition.conditionNumber
    }

    /// How a 2×2 matrix treats the orientation of the plane.
    public enum Orientation: String, Sendable {
        /// det A > 0: counter-clockwise stays counter-clockwise.
        case preserved
        /// det A < 0: A includes a reflection.
        case reversed
        /// det A = 0 to working precision: the circle is flattened onto a segment (or a point).
        case singular
    }

    /// ‖A·vᵢ − σᵢ·uᵢ‖₂ for i = 1, 2: how well the computed triplets satisfy their definition.
    /// Rounding makes them of order ε·‖A‖.
    public var tripletResiduals: [Double] {
        (0..<2).map { i in
            let av = matrix * rightVectors[i]
            let su = leftVectors[i].map { singularValues[i] * $0 }
            return hypot(av[0] - su[0], av[1] - su[1])
        }
    }

    /// `count` points x = (cos t, sin t), t = 2πk/count for k = 0 … count, on the unit circle.
    /// The last point repeats the first, so that a curve drawn through them is closed.
    public static func unitCircle(samples count: Int) -> [[Double]] {
        precondition(count >= 3, "a circle needs at least 3 samples, got \(count)")
        return (0...count).map { k in
            let t = 2 * Double.pi * Double(k % count) / Double(count)
            return [cos(t), sin(t)]
        }
    }

    /// The image of x after the factors of `stage`, applied one at a time: Vᵀx, then Σ(Vᵀx),
    /// then U(ΣVᵀx).
    public func image(of x: [Double], at stage: Stage) -> [Double] {
        var y = x
        if stage.rawValue >= Stage.afterVTransposed.rawValue { y = decomposition.v.transposeTimes(y) }
        if stage.rawValue >= Stage.afterSigma.rawValue { y = [singularValues[0] * y[0], singularValues[1] * y[1]] }
        if stage.rawValue >= Stage.afterU.rawValue { y = decomposition.u * y }
        return y
    }

    /// The unit circle after the factors of `stage`.
    public func curve(at stage: Stage, samples: Int) -> [[Double]] {
        Self.unitCircle(samples: samples).map { image(of: $0, at: stage) }
    }

    /// The images of v₁ and v₂ after the factors of `stage`: v₁, v₂; e₁, e₂; σ₁e₁, σ₂e₂;
    /// σ₁u₁, σ₂u₂ (computed, so the picture shows what the arithmetic gives).
    public func arrows(at stage: Stage) -> [[Double]] {
        rightVectors.map { image(of: $0, at: stage) }
    }

    /// The largest and smallest ‖A·x‖ over `samples` equally spaced points of the unit circle:
    /// estimates of σ₁ and σ₂ that do not use the decomposition.
    ///
    /// With the samples 2π/`samples` apart, the nearest sample to v₁ is within δ = π/`samples`,
    /// so σ₁·cos δ ≤ max ≤ σ₁ and σ₂ ≤ min ≤ √(σ₂² + σ₁²·sin²δ) (up to rounding).
    public func sampledRadii(samples: Int) -> (largest: Double, smallest: Double) {
        let radii = Self.unitCircle(samples: samples).map { x -> Double in
            let y = matrix * x
            return hypot(y[0], y[1])
        }
        return (radii.max()!, radii.min()!)
    }

    /// Where ``sampledRadii(samples:)`` must lie in exact arithmetic: with δ = π/`samples`,
    /// max‖Ax‖ ∈ [σ₁·cos δ, σ₁] and min‖Ax‖ ∈ [σ₂, √(σ₂² + σ₁²·sin²δ)].
    ///
    /// Why: ‖A·x‖² = σ₁²cos²t + σ₂²sin²t when x makes the angle t with v₁, and some sample is
    /// within δ of ±v₁ and some within δ of ±v₂.
    public func sampledRadiiBounds(samples: Int) -> (largest: ClosedRange<Double>, smallest: ClosedRange<Double>) {
        let delta = Double.pi / Double(samples)
        let s1 = singularValues[0], s2 = singularValues[1]
        return (s1 * cos(delta)...s1, s2...hypot(s2, s1 * sin(delta)))
    }
}

/// Why the geometry of a matrix cannot be shown.
public enum GeometryError: Error, Equatable, Sendable, CustomStringConvertible {
    case notTwoByTwo(rows: Int, columns: Int)
    case decompositionFailed(String)

    public var description: String {
        switch self {
        case let .notTwoByTwo(rows, columns):
            return "the picture needs a 2×2 matrix, got \(rows)×\(columns)"
        case let .decompositionFailed(reason):
            return "the SVD failed: \(reason)"
        }
    }
}
