import Foundation
import LowRankLayer
import SVDCore
import SVDTestMatrices

/// The checks of Exercise 5's tasks E5.1–E5.2 (Guides/Exercise5-LowRankLayer.md, "Your tasks").
/// The references are a plain triple loop for the layer's product and the lab's `OneSidedJacobi`
/// for the singular values the range finder is measured against.
enum Exercise5Checks {
    static var all: [Check] { [product, productFloat, orthonormal, rangeBound] }

    // MARK: - E5.1

    /// A layer's shapes and data: [b, m, k, n, seed] as a 1×5 matrix, which does not shrink
    /// (every column is needed); `--replay` reproduces a case.
    @Sendable static func layerShapes(_ g: inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String) {
        let b = Int.random(in: 1...9, using: &g), m = Int.random(in: 1...40, using: &g)
        let n = Int.random(in: 1...40, using: &g), k = Int.random(in: 1...max(1, min(m, n)), using: &g)
        let seed = Double(g.next() >> 12)
        return (Matrix(rows: 1, columns: 5, columnMajor: [Double(b), Double(m), Double(k), Double(n), seed]),
                "[b, m, k, n, seed]: a batch X (b×m) and Gaussian factors A (m×k), B (k×n) drawn from the seed")
    }

    /// X, A and B of a `layerShapes` input.
    static func layerData(_ input: Matrix<Double>) -> (x: Matrix<Double>, a: Matrix<Double>, b: Matrix<Double>)? {
        guard input.rows == 1, input.columns == 5 else { return nil }
        let shape = (0..<4).map { Int(input[0, $0]) }
        guard shape.allSatisfy({ $0 >= 1 && $0 <= 4096 }) else { return nil }
        var g = SeededGenerator(seed: UInt64(input[0, 4]))
        let x = Measures.gaussian(shape[0], shape[1], &g)
        let a = Measures.gaussian(shape[1], shape[2], &g)
        let b = Measures.gaussian(shape[2], shape[3], &g)
        return (x, a, b)
    }

    /// Y = (X·A)·B by three plain loops in Double, and the componentwise bound |X|·|A|·|B| that
    /// the rounding of either order of the products is measured against.
    static func reference(_ x: Matrix<Double>, _ a: Matrix<Double>, _ b: Matrix<Double>) -> (y: Matrix<Double>, magnitude: Matrix<Double>) {
        var hidden = Matrix<Double>(rows: x.rows, columns: a.columns), hiddenMagnitude = hidden
        for i in 0..<x.rows {
            for l in 0..<a.columns {
                for t in 0..<x.columns {
                    hidden[i, l] += x[i, t] * a[t, l]
                    hiddenMagnitude[i, l] += abs(x[i, t]) * abs(a[t, l])
                }
            }
        }
        var y = Matrix<Double>(rows: x.rows, columns: b.columns), magnitude = y
        for i in 0..<x.rows {
            for j in 0..<b.columns {
                for l in 0..<a.columns {
                    y[i, j] += hidden[i, l] * b[l, j]
                    magnitude[i, j] += hiddenMagnitude[i, l] * abs(b[l, j])
                }
            }
        }
        return (y, magnitude)
    }

    /// The property of E5.1 in `Scalar`: every entry of Y within 2·(m + k)·ε·(|X||A||B|)ᵢⱼ.
    static func productProperty<Scalar: SVDScalar & SIMDScalar>(_ input: Matrix<Double>, _: Scalar.Type) throws -> Violation? {
        guard let (x, a, b) = layerData(input) else { return nil }
        let layer = FactoredLayer(first: a.converted(to: Scalar.self), second: b.converted(to: Scalar.self))
        let y = try layer.apply(x.converted(to: Scalar.self)).converted(to: Double.self)
        guard y.rows == x.rows, y.columns == b.columns else {
            return Violation("Y = X·A·B is b×n", expected: "\(x.rows)×\(b.columns)", actual: "\(y.rows)×\(y.columns)")
        }
        let (expected, magnitude) = reference(x.converted(to: Scalar.self).converted(to: Double.self),
                                              a.converted(to: Scalar.self).converted(to: Double.self),
                                              b.converted(to: Scalar.self).converted(to: Double.self))
        let epsilon = Double(Scalar.ulpOfOne)
        let factor = 2 * Double(x.columns + a.columns + 2) * epsilon
        for i in 0..<y.rows {
            for j in 0..<y.columns where !(abs(y[i, j] - expected[i, j]) <= factor * magnitude[i, j]) {
                return Violation("entry (\(i), \(j)) of Y = (X·A)·B in \(Scalar.self), X \(x.rows)×\(x.columns), k = \(a.columns)",
                                 expected: "\(Measures.show(expected[i, j])) (to \(Measures.show(factor * magnitude[i, j])))",
                                 actual: Measures.show(y[i, j]))
            }
        }
        return nil
    }

    static let product = Check(
        "E5.1.product", task: "E5.1",
        rationale: "The factored layer computes Y = X·(A·B) for a batch X: in Double every entry must match a plain triple loop to 2·(m + k + 2)·ε·(|X|·|A|·|B|)ᵢⱼ, the rounding bound of two inner products in a row, for shapes from 1 to 40 and every rank k ≤ min(m, n).",
        cases: 80, minimumRows: 1, minimumColumns: 5, generate: layerShapes
    ) { input in try productProperty(input, Double.self) }

    static let productFloat = Check(
        "E5.1.float", task: "E5.1",
        rationale: "The exercise evaluates the layer in Float32, as a GPU would store it: the same bound with Float's ε, against the loop in Double on the same (Float-rounded) data.",
        cases: 80, minimumRows: 1, minimumColumns: 5, generate: layerShapes
    ) { input in try productProperty(input, Float.self) }

    // MARK: - E5.2

    /// ℓ and q for a W of this shape: ℓ = ⌈min(m, n)/2⌉, q = (m + n) mod 3, so that every shape
    /// (also after shrinking) is a valid input.
    static func parameters(_ w: Matrix<Double>) -> (samples: Int, powerIterations: Int) {
        ((w.minDimension + 1) / 2, (w.rows + w.columns) % 3)
    }

    /// W with a chosen spectrum: low rank, low rank plus noise, decaying, or Gaussian.
    @Sendable static func spectrumMatrix(_ g: inout SeededGenerator, tailLevel: Double?) -> (matrix: Matrix<Double>, kind: String) {
        let m = Int.random(in: 10...40, using: &g), n = Int.random(in: 10...40, using: &g)
        let p = min(m, n)
        let r = Int.random(in: 1...max(1, p / 2 - 5), using: &g)
        let head = (0..<r).map { _ in Double.random(in: 1...10, using: &g) }.sorted(by: >)
        let level = tailLevel ?? [0, 1e-8, 1e-3, 0.3][Int.random(in: 0..<4, using: &g)]
        let sigma = head + (r..<p).map { _ in level * Double.random(in: 0.5...1, using: &g) }.sorted(by: >)
        let w: Matrix<Double> = TestMatrices.withSingularValues(sigma, rows: m, columns: n, using: &g)
        return (w, "W with \(r) singular values in [1, 10] and a tail at \(Measures.show(level))")
    }

    static let orthonormal = Check(
        "E5.2.orthonormal", task: "E5.2",
        rationale: "Q must be m×ℓ with orthonormal columns, ‖QᵀQ − I‖_F ≤ 16·m·ℓ·ε, also when W·Ω is ill conditioned (a rank-deficient W, power iterations): orthonormalize by Householder QR, or Gram–Schmidt twice. ℓ = ⌈min(m, n)/2⌉, q = (m + n) mod 3.",
        cases: 60, minimumRows: 2, minimumColumns: 2,
        generate: { g in spectrumMatrix(&g, tailLevel: nil) }
    ) { w in
        let (samples, powerIterations) = parameters(w)
        let q = try RangeFinder.orthonormalBasis(of: w, samples: samples, powerIterations: powerIterations, seed: 7)
        guard q.rows == w.rows, q.columns == samples else {
            return Violation("Q is m×ℓ", expected: "\(w.rows)×\(samples)", actual: "\(q.rows)×\(q.columns)")
        }
        let error = Measures.orthogonalityError(q), bound = 16 * Double(q.rows * q.columns) * Measures.epsilon
        guard q.elements.allSatisfy(\.isFinite), error <= bound else {
            return Violation("QᵀQ = I", expected: "‖QᵀQ − I‖_F ≤ \(Measures.show(bound)) (ℓ = \(samples), q = \(powerIterations))",
                             actual: Measures.show(error))
        }
        return nil
    }

    /// The property of E5.2.range-bound: ‖W − QQᵀW‖₂ against HMT's bound with k = ℓ − 5.
    @Sendable static func rangeBoundProperty(_ w: Matrix<Double>) throws -> Violation? {
        let (samples, powerIterations) = parameters(w)
        let k = samples - 5
        guard k >= 1 else { return nil }
        let q = try RangeFinder.orthonormalBasis(of: w, samples: samples, powerIterations: powerIterations, seed: 7)
        guard q.rows == w.rows, q.columns == samples, q.elements.allSatisfy(\.isFinite) else {
            return Violation("Q is m×ℓ and finite", expected: "\(w.rows)×\(samples)", actual: "\(q.rows)×\(q.columns)")
        }
        let sigma = try Measures.referenceSingularValues(w)
        let residual = w - q * (q.transposed * w)
        let error = try Measures.referenceSingularValues(residual).first ?? 0
        let factor = Double.pow(1 + 11 * Double(samples).squareRoot() * Double(w.minDimension).squareRoot(),
                                1 / Double(2 * powerIterations + 1))
        let bound = factor * sigma[k] + 64 * Double(w.rows + w.columns) * Measures.epsilon * sigma[0]
        guard error <= bound else {
            return Violation("‖W − QQᵀW‖₂ ≤ [1 + 11·√ℓ·√min(m,n)]^{1/(2q+1)}·σ_{k+1}",
                             expected: "≤ \(Measures.show(bound)) (ℓ = \(samples), k = \(k), q = \(powerIterations), σ_{k+1} = \(Measures.show(sigma[k])))",
                             actual: Measures.show(error))
        }
        return nil
    }

    static let rangeBound = Check(
        "E5.2.range-bound", task: "E5.2",
        rationale: "Halko–Martinsson–Tropp (eq. 1.10 with the power-iteration exponent): with ℓ = k + p samples, p ≥ 4, ‖W − QQᵀW‖₂ ≤ [1 + 11·√ℓ·√min(m,n)]^{1/(2q+1)}·σ_{k+1} except with probability 6·p^{−p}; here p = 5, and 64·(m + n)·ε·σ₁ is allowed for rounding (so a W of rank ≤ k is reproduced). σ from the lab's Jacobi SVD.",
        cases: 60, minimumRows: 10, minimumColumns: 10,
        generate: { g in spectrumMatrix(&g, tailLevel: nil) }, property: rangeBoundProperty)
}
