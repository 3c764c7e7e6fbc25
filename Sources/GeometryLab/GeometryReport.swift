import Foundation
import LabSupport
import SVDCore

/// The text report of Exercise 0: the decomposition, the check A·vᵢ = σᵢ·uᵢ, what each factor
/// does to the unit circle, the ellipse measured without the SVD, and the orientation.
public struct GeometryReport: Sendable {
    public let geometry: RotateScaleRotate

    /// Points of the circle used to measure the ellipse without the SVD.
    public static let measuringSamples = 3600

    public init(_ geometry: RotateScaleRotate) {
        self.geometry = geometry
    }

    public var text: String {
        let g = geometry
        let svd = g.decomposition
        let sigma = g.singularValues
        let s = sigma.map { Format.significant($0, 7) }
        var lines: [String] = []
        lines.append("Exercise 0 — the geometry of the SVD: a 2×2 matrix maps the unit circle onto an ellipse")
        lines.append("")
        let aLines = Self.matrixLines(g.matrix)
        lines.append("A = \(aLines[0])")
        lines.append("    \(aLines[1])")
        lines.append("")
        lines.append("A = U·Σ·Vᵀ (decomposer: \(g.decomposer.label); sign convention: the largest entry of each vᵢ is positive)")
        let u = Self.matrixLines(svd.u), sig = Self.matrixLines(svd.sigma), v = Self.matrixLines(svd.v)
        lines.append("  U = \(u[0])   Σ = \(sig[0])   V = \(v[0])")
        lines.append("      \(u[1])       \(sig[1])       \(v[1])")
        lines.append("  (NumPy's np.linalg.svd returns Vᵀ, whose rows are v₁ and v₂.)")
        lines.append("")

        lines.append("Singular triplets: A·vᵢ = σᵢ·uᵢ — A sends the input direction vᵢ to σᵢ times the output direction uᵢ")
        var table = TextTable(headers: ["i", "σᵢ", "vᵢ (input)", "uᵢ (output)", "‖A·vᵢ − σᵢ·uᵢ‖"], leftAligned: [2, 3])
        let residuals = g.tripletResiduals
        for i in 0..<2 {
            table.append(["\(i + 1)", s[i], Self.vectorText(g.rightVectors[i]), Self.vectorText(g.leftVectors[i]),
                          Format.scientific(residuals[i], 1)])
        }
        lines.append(table.rendered())
        lines.append("  Residuals are rounding errors: ε·‖A‖ = \(Format.scientific(Double.ulpOfOne * sigma[0], 1)).")
        lines.append("")

        lines.append("Rotate, scale, rotate — what each factor does to the unit circle ‖x‖ = 1:")
        lines.append("  1. Vᵀ  \(g.firstStep): v₁ → e₁, v₂ → e₂.")
        lines.append("         Lengths are kept, so the circle stays the unit circle; only the arrows turn.")
        lines.append("  2. Σ   stretches the first axis by σ₁ = \(s[0]) and the second by σ₂ = \(s[1]):")
        if sigma[1] > 0 {
            lines.append("         the circle becomes the axis-aligned ellipse (y₁/σ₁)² + (y₂/σ₂)² = 1, semi-axes σ₁e₁ and σ₂e₂.")
        } else {
            lines.append("         σ₂ = 0, so the circle is flattened onto the segment from −σ₁e₁ to σ₁e₁.")
        }
        lines.append("  3. U   \(g.lastStep): e₁ → u₁, e₂ → u₂.")
        lines.append("         The ellipse turns until its semi-axes are σ₁u₁ and σ₂u₂: this is A·(unit circle).")
        lines.append("")

        let (largest, smallest) = g.sampledRadii(samples: Self.measuringSamples)
        lines.append("Measured without the SVD, on \(Self.measuringSamples) points x of the circle:")
        lines.append("  max ‖A·x‖ = \(Format.significant(largest, 7))   (σ₁ = ‖A‖₂ = \(s[0]), the longest semi-axis)")
        lines.append("  min ‖A·x‖ = \(Format.significant(smallest, 7))   (σ₂ = \(s[1]), the shortest semi-axis)")
        let bounds = g.sampledRadiiBounds(samples: Self.measuringSamples)
        // Rounding in A·x and in the norm: relative, 4ε·σ₁; below Double's normal range, where the
        // spacing of numbers stops shrinking, also absolute: each of the few roundings in A·x, the
        // norm and the bounds is at most half the smallest subnormal, 4 of them a generous count.
        let slack = 4 * Double.ulpOfOne * sigma[0] + 4 * Double.leastNonzeroMagnitude
        let holds = largest >= bounds.largest.lowerBound - slack && largest <= bounds.largest.upperBound + slack
            && smallest >= bounds.smallest.lowerBound - slack && smallest <= bounds.smallest.upperBound + slack
        lines.append("  Some sample lies within δ = π/\(Self.measuringSamples) of ±v₁ and of ±v₂, so σ₁·cos δ ≤ max ≤ σ₁")
        lines.append("  and σ₂ ≤ min ≤ √(σ₂² + σ₁²sin²δ) = \(Format.significant(bounds.smallest.upperBound, 7)): "
                     + (holds ? "both hold." : "VIOLATED — the decomposition is wrong."))
        lines.append("κ₂(A) = σ₁/σ₂ = \(Format.significant(g.conditionNumber, 6)): how elongated the ellipse is "
                     + "(∞ when A is singular).")
        lines.append("")

        lines.append(contentsOf: orientationLines)
        return lines.joined(separator: "\n")
    }

    /// The determinant, its factorization det A = det U · σ₁σ₂ · det V, and what it means.
    private var orientationLines: [String] {
        let g = geometry
        let detU = PlaneOrthogonalMap.determinant(g.decomposition.u)
        let detV = PlaneOrthogonalMap.determinant(g.decomposition.v)
        let product = g.singularValues[0] * g.singularValues[1]
        var lines = [
            "Determinant: det A = ad − bc = \(Format.significant(g.determinant, 7))"
                + " = (det U)·σ₁σ₂·(det V) = (\(Self.signText(detU)))·\(Format.significant(product, 7))·(\(Self.signText(detV)))",
        ]
        switch g.orientation {
        case .preserved where g.firstStep.isReflection:
            lines.append("  det A > 0: A keeps orientation. Here U and Vᵀ are both reflections; flipping the signs of")
            lines.append("  u₂ and v₂ together (also a valid SVD) would make both rotations.")
        case .preserved:
            lines.append("  det A > 0: A keeps orientation; U and Vᵀ are both rotations — rotate, scale, rotate.")
        case .reversed:
            lines.append("  det A < 0: A reverses orientation (its image is a mirror image). Whatever signs are chosen,")
            lines.append("  exactly one of U and Vᵀ must then be a reflection: rotate, scale, reflect (or the other way).")
        case .singular:
            lines.append("  σ₂ is below the rank tolerance σ₁·2·ε: A is singular to working precision. Σ flattens the")
            lines.append("  circle onto a segment of length 2σ₁ along u₁ (a point when A = 0); v₂ spans the null space.")
            lines.append("  With σ₂ = 0, u₂ (or v₂) can change sign alone, so the factors can always be made two")
            lines.append("  rotations: rotate, project onto a line, rotate.")
        }
        return lines
    }

    /// A 2×2 matrix as two bracketed, aligned lines.
    static func matrixLines(_ a: Matrix<Double>) -> [String] {
        let cells = a.rowArrays.map { $0.map { Format.significant($0 == 0 ? 0 : $0, 6) } }
        let width = cells.joined().map(\.count).max() ?? 1
        return cells.map { row in
            "[ " + row.map { String(repeating: " ", count: width - $0.count) + $0 }.joined(separator: "  ") + " ]"
        }
    }

    /// "( 0.7497, -0.6618)".
    static func vectorText(_ x: [Double]) -> String {
        "(" + x.map { value in
            let text = Format.fixed(value == 0 ? 0 : value, 6)
            return value < 0 ? text : " " + text
        }.joined(separator: ", ") + ")"
    }

    /// "+1" or "−1" for a determinant of an orthogonal matrix (±1 up to rounding).
    static func signText(_ determinant: Double) -> String {
        determinant < 0 ? "−1" : "+1"
    }
}
