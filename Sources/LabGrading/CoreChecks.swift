import Foundation
import StudentJacobi
import SVDCore
import SVDTestMatrices

/// The checks of the core tasks C1–C4, your `StudentJacobi` (Guides/OneSidedJacobi.md, "Your tasks").
///
/// Tolerances are c·ε·(dimension)·(scale) with the constant argued where it is set. The reference
/// singular values come from the lab's own `OneSidedJacobi`, whose accuracy the core's tests
/// establish against certified values computed outside Swift.
enum CoreChecks {
    static var all: [Check] {
        [rotationOrthogonalizes, rotationSmallerAngle, rotationLargeZeta,
         sweepInvariants, sweepConverges, sweepGraded,
         decompositionThin, decompositionWide, decompositionFullRankDeficient,
         scalingExact, scalingExtremeEntries]
    }

    // MARK: C1

    /// Two columns, often nearly parallel, of lengths from 1e-3 to 1e3.
    @Sendable static func columnPair(_ g: inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String) {
        let m = Int.random(in: 1...8, using: &g)
        let x = (0..<m).map { _ in g.nextGaussian() }
        let z = (0..<m).map { _ in g.nextGaussian() }
        let angle = Double.pow(10, Double.random(in: -6...0, using: &g))
        let (sx, sy) = (Double.pow(10, Double.random(in: -3...3, using: &g)), Double.pow(10, Double.random(in: -3...3, using: &g)))
        let a = Matrix<Double>(rows: m, columns: 2) { i, j in
            j == 0 ? sx * x[i] : sy * (Double.cos(angle) * x[i] + Double.sin(angle) * z[i])
        }
        return (a, "two columns at an angle of about \(Measures.show(angle)) rad, lengths scaled by \(Measures.show(sx)) and \(Measures.show(sy))")
    }

    static func rotated(_ a: Matrix<Double>) throws -> (x: [Double], y: [Double], r: PlaneRotation<Double>, alpha: Double, beta: Double)? {
        let x = a.column(0), y = a.column(1)
        let alpha = dot(x, x), beta = dot(y, y), gamma = dot(x, y)
        guard gamma != 0 else { return nil }
        let r = try jacobiRotation(alpha: alpha, beta: beta, gamma: gamma)
        let x2 = zip(x, y).map { r.c * $0 - r.s * $1 }
        let y2 = zip(x, y).map { r.s * $0 + r.c * $1 }
        return (x2, y2, r, alpha, beta)
    }

    static let rotationOrthogonalizes = Check(
        "C1.orthogonalizes", task: "C1",
        rationale: "The rotation exists to make the pair orthogonal: x′ᵀy′ = 0 up to the rounding of applying it and of the dot product, |x′ᵀy′| ≤ 8·m·ε·(‖x‖² + ‖y‖²) (c = 8: a few roundings per entry, m terms).",
        cases: 200, minimumColumns: 2, generate: columnPair
    ) { a in
        guard let (x, y, _, alpha, beta) = try rotated(a) else { return nil }
        let off = abs(dot(x, y)), bound = 8 * Double(a.rows) * Measures.epsilon * (alpha + beta)
        guard off <= bound else {
            return Violation("the rotated columns are orthogonal", expected: "|x′ᵀy′| ≤ \(Measures.show(bound))",
                             actual: "|x′ᵀy′| = \(Measures.show(off))")
        }
        return nil
    }

    static let rotationSmallerAngle = Check(
        "C1.smaller-angle", task: "C1",
        rationale: "c and s are a cosine and a sine (c² + s² = 1 to 4ε) of the smaller of the two angles that orthogonalize the pair, |θ| ≤ π/4, i.e. c > 0 and |s| ≤ c: the larger angle also orthogonalizes, but swaps the columns and the iteration need not converge.",
        cases: 200, minimumColumns: 2, generate: columnPair
    ) { a in
        guard let (_, _, r, _, _) = try rotated(a) else { return nil }
        let unit = abs(r.c * r.c + r.s * r.s - 1)
        guard unit <= 4 * Measures.epsilon else {
            return Violation("c² + s² = 1", expected: "|c² + s² − 1| ≤ 4ε", actual: "c = \(r.c), s = \(r.s), |c² + s² − 1| = \(Measures.show(unit))")
        }
        guard r.c > 0, abs(r.s) <= r.c * (1 + 4 * Measures.epsilon) else {
            return Violation("the smaller angle, |θ| ≤ π/4", expected: "c > 0 and |s| ≤ c", actual: "c = \(r.c), s = \(r.s)")
        }
        return nil
    }

    static let rotationLargeZeta = Check(
        "C1.large-zeta", task: "C1",
        rationale: "When γ is tiny against β − α, ζ = (β − α)/(2γ) is so large that ζ² overflows; √(1 + ζ²) = |ζ| to working precision then, and t = 1/(2ζ): the rotation must be c = 1, s = 1/(2ζ) to a few ε, not s = 0 or NaN.",
        cases: 100, minimumColumns: 3,
        generate: { g in
            let alpha = Double.random(in: 1...2, using: &g)
            let beta = alpha + Double.random(in: 0.5...4, using: &g)
            let gamma = (Bool.random(using: &g) ? 1 : -1) * Double.pow(10, Double.random(in: -300 ... -160, using: &g))
            return (Matrix(rows: 1, columns: 3, columnMajor: [alpha, beta, gamma]), "α, β, γ as a 1×3 matrix, |ζ| = |β − α|/(2|γ|) beyond 1e150")
        }
    ) { a in
        let (alpha, beta, gamma) = (a[0, 0], a[0, 1], a[0, 2])
        let zeta = (beta - alpha) / (2 * gamma)
        let r = try jacobiRotation(alpha: alpha, beta: beta, gamma: gamma)
        let t = 1 / (2 * zeta)
        guard r.c.isFinite, r.s.isFinite, abs(r.c - 1) <= 2 * Measures.epsilon, abs(r.s - t) <= 4 * Measures.epsilon * abs(t) else {
            return Violation("the large-ζ branch: c = 1, s = t = 1/(2ζ)", expected: "c = 1, s = \(t)", actual: "c = \(r.c), s = \(r.s)")
        }
        return nil
    }

    // MARK: C2

    /// A tall ordinary matrix (singular values in [1, 10]).
    @Sendable static func tallOrdinary(_ g: inout SeededGenerator) -> (matrix: Matrix<Double>, kind: String) {
        let n = Int.random(in: 2...6, using: &g), m = n + Int.random(in: 0...4, using: &g)
        return (Measures.ordinary(m, n, &g), "ordinary tall matrix (singular values in [1, 10])")
    }

    /// The off-diagonal part of GᵀG in the Frobenius norm.
    static func offDiagonal(_ g: Matrix<Double>) -> Double {
        let gram = g.transposed * g
        var sum = 0.0
        for i in 0..<gram.rows { for j in 0..<gram.columns where i != j { sum += gram[i, j] * gram[i, j] } }
        return sum.squareRoot()
    }

    static let sweepInvariants = Check(
        "C2.one-sweep", task: "C2",
        rationale: "A sweep only rotates: G stays G₀·V with V orthogonal, so ‖G − G₀·V‖_F ≤ 4·n²·ε·‖G₀‖_F and ‖VᵀV − I‖_F ≤ 4·n²·ε (each column takes part in n − 1 rotations, each a few roundings), and the off-diagonal mass of GᵀG does not grow (each rotation removes 2γ² of it).",
        cases: 80, minimumRows: 2, minimumColumns: 2, generate: tallOrdinary
    ) { a in
        var g = a, v = Matrix<Double>.identity(a.columns)
        let tolerance = Double(a.rows).squareRoot() * Measures.epsilon
        let before = offDiagonal(a)
        _ = try jacobiSweep(&g, &v, tolerance: tolerance)
        let n2 = Double(a.columns * a.columns)
        let drift = (g - a * v).frobeniusNorm, driftBound = 4 * n2 * Measures.epsilon * a.frobeniusNorm
        guard drift <= driftBound else {
            return Violation("G = G₀·V: the same rotations on G and on V", expected: "‖G − G₀·V‖_F ≤ \(Measures.show(driftBound))",
                             actual: Measures.show(drift))
        }
        let orthogonality = Measures.orthogonalityError(v), orthogonalityBound = 4 * n2 * Measures.epsilon
        guard orthogonality <= orthogonalityBound else {
            return Violation("V stays orthogonal", expected: "‖VᵀV − I‖_F ≤ \(Measures.show(orthogonalityBound))", actual: Measures.show(orthogonality))
        }
        let after = offDiagonal(g), slack = 4 * n2 * Measures.epsilon * a.frobeniusNorm * a.frobeniusNorm
        guard after <= before + slack else {
            return Violation("a sweep does not increase the off-diagonal mass of GᵀG", expected: "≤ \(Measures.show(before))",
                             actual: Measures.show(after))
        }
        return nil
    }

    /// Sweeps until one rotates nothing; nil after 30 sweeps.
    static func sweepToConvergence(_ a: Matrix<Double>) throws -> Matrix<Double>? {
        var g = a, v = Matrix<Double>.identity(a.columns)
        let tolerance = Double(a.rows).squareRoot() * Measures.epsilon
        for _ in 0..<30 {
            if try jacobiSweep(&g, &v, tolerance: tolerance).rotations == 0 { return g }
        }
        return nil
    }

    static func sortedColumnNorms(_ g: Matrix<Double>) -> [Double] {
        (0..<g.columns).map { scaledNorm(g.column($0)) }.sorted(by: >)
    }

    static let sweepConverges = Check(
        "C2.converges", task: "C2",
        rationale: "Sweeps repeated until one rotates nothing must stop within 30 sweeps (Jacobi converges quadratically) and leave the columns orthogonal to rounding, |g_pᵀg_q| ≤ 8·m·n·ε·‖A‖²_F (the normwise accuracy of any backward-stable method); the column norms are then the singular values, within 8·m·n·ε·σ₁ of the reference. (The relative test's extra accuracy is what C2.graded checks.)",
        cases: 80, minimumRows: 2, minimumColumns: 2, generate: tallOrdinary
    ) { a in
        guard let g = try sweepToConvergence(a) else {
            return Violation("sweeps converge", expected: "a sweep with no rotation within 30 sweeps", actual: "still rotating after 30 sweeps")
        }
        let scale = 8 * Double(a.rows * a.columns) * Measures.epsilon
        let bound = scale * a.frobeniusNorm * a.frobeniusNorm
        for p in 0..<g.columns {
            for q in (p + 1)..<g.columns {
                let product = abs(dot(g.column(p), g.column(q)))
                guard product <= bound else {
                    return Violation("after convergence the columns are orthogonal to rounding",
                                     expected: "|g\(p + 1)ᵀg\(q + 1)| ≤ \(Measures.show(bound))", actual: Measures.show(product))
                }
            }
        }
        let reference = try Measures.referenceSingularValues(a)
        return Measures.singularValuesViolation(sortedColumnNorms(g), reference, within: scale * reference[0],
                                                "the column norms are the singular values")
    }

    static let sweepGraded = Check(
        "C2.graded", task: "C2",
        rationale: "On a graded A = B·D (D from 1 down to 1e-6…1e-12, B with unit columns), one-sided Jacobi with the relative test finds every σᵢ to relative accuracy about ε·κ(B), however small: |σᵢ − σᵢ(ref)| ≤ 16·m·n·ε·κ(B)·σᵢ(ref) (Demmel–Veselić; c = 16 covers the reference's own error too). A test of |γ| against the size of the whole matrix (|γ| ≤ tol·‖A‖², the absolute test) leaves the small columns unrotated, and the small σ come out wrong.",
        cases: 60, minimumRows: 2, minimumColumns: 2,
        generate: { g in
            let n = Int.random(in: 3...6, using: &g), m = n + Int.random(in: 0...3, using: &g)
            let decades = Double.random(in: 6...12, using: &g)
            let graded: (a: Matrix<Double>, b: Matrix<Double>, d: [Double]) =
                TestMatrices.graded(rows: m, columns: n, exponents: -decades...0, using: &g)
            // Largest column first, as a student would write it down.
            let a = Matrix<Double>(rows: m, columns: n) { i, j in graded.a[i, n - 1 - j] }
            return (a, "graded A = B·D, column norms from 1 down to 1e-\(Int(decades))")
        }
    ) { a in
        guard let g = try sweepToConvergence(a) else {
            return Violation("sweeps converge", expected: "a sweep with no rotation within 30 sweeps", actual: "still rotating after 30 sweeps")
        }
        let sigma = sortedColumnNorms(g), reference = try Measures.referenceSingularValues(a)
        var b = a
        for j in 0..<a.columns {
            let length = scaledNorm(a.column(j))
            for i in 0..<a.rows { b[i, j] = a[i, j] / length }
        }
        let kappaB = try OneSidedJacobi().singularValues(of: b).conditionNumber
        let c = 16 * Double(a.rows * a.columns) * Measures.epsilon * kappaB
        for i in reference.indices where abs(sigma[i] - reference[i]) > c * reference[i] {
            return Violation("every σ of a graded matrix to high relative accuracy (σ\(i + 1) here)",
                             expected: "σ = \(Measures.show(reference)) (relative error ≤ \(Measures.show(c)) each)",
                             actual: "σ = \(Measures.show(sigma)): σ\(i + 1) off by \(Measures.show(abs(sigma[i] - reference[i]) / reference[i])) relative")
        }
        return nil
    }

    // MARK: C3

    /// The properties every decomposition must have, whatever the shape.
    static func decompositionViolation(_ a: Matrix<Double>, vectors: SingularVectors) throws -> Violation? {
        let d = try StudentJacobi().decompose(a, vectors: vectors)
        let (m, n) = (a.rows, a.columns), p = min(m, n)
        let (uColumns, vColumns) = vectors == .full ? (m, n) : (p, p)
        guard d.u.rows == m, d.u.columns == uColumns, d.v.rows == n, d.v.columns == vColumns, d.singularValues.count == p else {
            return Violation("the shapes of a \(vectors) SVD", expected: "U \(m)×\(uColumns), \(p) σ, V \(n)×\(vColumns)",
                             actual: "U \(d.u.rows)×\(d.u.columns), \(d.singularValues.count) σ, V \(d.v.rows)×\(d.v.columns)")
        }
        let sigma = d.singularValues
        guard zip(sigma, sigma.dropFirst()).allSatisfy({ $0 >= $1 }), sigma.allSatisfy({ $0 >= 0 }) else {
            return Violation("σ₁ ≥ σ₂ ≥ … ≥ 0", expected: "sorted, non-negative", actual: Measures.show(sigma))
        }
        let scale = Double(p * max(m, n)) * Measures.epsilon
        let residual = Measures.residual(a, d), residualBound = 8 * scale * a.frobeniusNorm
        guard residual <= residualBound else {
            return Violation("A = U·Σ·Vᵀ to rounding", expected: "‖A − UΣVᵀ‖_F ≤ \(Measures.show(residualBound))", actual: Measures.show(residual))
        }
        let orthogonalityBound = 8 * Double(max(m, n) * max(m, n)) * Measures.epsilon
        for (name, q) in [("U", d.u), ("V", d.v)] {
            let error = Measures.orthogonalityError(q)
            guard error <= orthogonalityBound else {
                return Violation("\(name) has orthonormal columns", expected: "‖\(name)ᵀ\(name) − I‖_F ≤ \(Measures.show(orthogonalityBound))",
                                 actual: Measures.show(error))
            }
        }
        let reference = try Measures.referenceSingularValues(a)
        return Measures.singularValuesViolation(sigma, reference, within: 8 * scale * (reference.first ?? 0), "the singular values")
    }

    static let decompositionThin = Check(
        "C3.thin", task: "C3",
        rationale: "The thin SVD of a tall matrix: U m×n and V n×n with orthonormal columns (‖QᵀQ − I‖_F ≤ 8·max(m,n)²·ε), σ sorted and non-negative, A = U·Σ·Vᵀ to 8·n·m·ε·‖A‖_F, and σ within 8·n·m·ε·σ₁ of the reference (c = 8: a backward-stable method, a handful of roundings per rotation).",
        cases: 80, minimumRows: 1, minimumColumns: 1,
        generate: { g in
            let n = Int.random(in: 1...6, using: &g), m = n + Int.random(in: 0...3, using: &g)
            return (Measures.ordinary(m, n, &g), "ordinary tall matrix (singular values in [1, 10])")
        }
    ) { a in try decompositionViolation(a, vectors: .thin) }

    static let decompositionWide = Check(
        "C3.wide", task: "C3",
        rationale: "A wide matrix (m < n) goes through its transpose, Aᵀ = U′ΣV′ᵀ ⇒ A = V′ΣU′ᵀ: U is m×m, V n×m (thin) or n×n (full), with the same properties as for a tall one.",
        cases: 80, minimumRows: 1, minimumColumns: 1,
        generate: { g in
            let m = Int.random(in: 1...5, using: &g), n = m + Int.random(in: 1...3, using: &g)
            return (Measures.ordinary(m, n, &g), "ordinary wide matrix (singular values in [1, 10])")
        }
    ) { a in
        if let violation = try decompositionViolation(a, vectors: .thin) { return violation }
        return try decompositionViolation(a, vectors: .full)
    }

    static let decompositionFullRankDeficient = Check(
        "C3.full-rank-deficient", task: "C3",
        rationale: "The full SVD of a rank-deficient matrix (or of zero): where σⱼ = 0 there is no gⱼ/σⱼ, and U must be completed to an orthonormal basis of ℝᵐ (the left null space); σ beyond the rank must be at rounding level, ≤ 8·n·m·ε·σ₁.",
        cases: 60, minimumRows: 1, minimumColumns: 1,
        generate: { g in
            let m = Int.random(in: 2...7, using: &g), n = Int.random(in: 2...7, using: &g)
            if Int.random(in: 0..<8, using: &g) == 0 {
                return (Matrix(rows: m, columns: n), "the zero matrix")
            }
            let r = Int.random(in: 1..<min(m, n), using: &g)
            return (TestMatrices.lowRank(rows: m, columns: n, rank: r, using: &g), "rank-\(r) matrix X·Yᵀ")
        }
    ) { a in try decompositionViolation(a, vectors: .full) }

    // MARK: C4

    static let scalingExact = Check(
        "C4.exact-scaling", task: "C4",
        rationale: "2^(−e)·A must have its largest |entry| in [1, 2) and be exact: every entry times 2^e gives back A's entry bit for bit (a power of two only changes exponents); a zero matrix stays as it is with e = 0.",
        cases: 100, minimumRows: 1, minimumColumns: 1,
        generate: { g in
            let m = Int.random(in: 1...5, using: &g), n = Int.random(in: 1...5, using: &g)
            if Int.random(in: 0..<8, using: &g) == 0 { return (Matrix(rows: m, columns: n), "the zero matrix") }
            let scale = Double.pow(10, Double.random(in: -300...300, using: &g))
            let a = Matrix<Double>(rows: m, columns: n) { _, _ in scale * g.nextGaussian() * Double.pow(10, Double.random(in: -5...5, using: &g)) }
            return (a, "entries around \(Measures.show(scale))")
        }
    ) { a in
        let (scaled, e) = try scaledToUnitMaximum(a)
        guard scaled.rows == a.rows, scaled.columns == a.columns else {
            return Violation("the shape is kept", expected: "\(a.rows)×\(a.columns)", actual: "\(scaled.rows)×\(scaled.columns)")
        }
        let largest = scaled.elements.map(abs).max() ?? 0
        if a.elements.allSatisfy({ $0 == 0 }) {
            guard e == 0, scaled == a else {
                return Violation("a zero matrix is left alone", expected: "e = 0", actual: "e = \(e)")
            }
            return nil
        }
        guard largest >= 1, largest < 2 else {
            return Violation("the largest |entry| of 2^(−e)·A lies in [1, 2)", expected: "in [1, 2)", actual: "\(largest) (e = \(e))")
        }
        for (x, y) in zip(scaled.elements, a.elements) where Double(sign: .plus, exponent: e, significand: x) != y {
            return Violation("the scaling is exact", expected: "2^e·(2^(−e)·aᵢⱼ) = aᵢⱼ = \(y)",
                             actual: "\(Double(sign: .plus, exponent: e, significand: x))")
        }
        return nil
    }

    static let scalingExtremeEntries = Check(
        "C4.extreme-entries", task: "C4",
        rationale: "StudentJacobi on A = 2^k·B with k near ±1000 (entries near 1e±300): squares of entries overflow to ∞ or underflow to 0 unless the matrix is scaled first. σ(A) = 2^k·σ(B) exactly, so the values must be within 8·n·m·ε·σ₁ of the reference, and U, V orthonormal.",
        cases: 60, minimumRows: 1, minimumColumns: 1,
        generate: { g in
            let n = Int.random(in: 1...5, using: &g), m = n + Int.random(in: 0...3, using: &g)
            let b = Measures.ordinary(m, n, &g)
            let k = (Bool.random(using: &g) ? 1 : -1) * Int.random(in: 990...1000, using: &g)
            let a = Matrix<Double>(rows: m, columns: n) { i, j in Double(sign: .plus, exponent: k, significand: b[i, j]) }
            return (a, "an ordinary matrix times 2^\(k)")
        }
    ) { a in
        let d = try StudentJacobi().decompose(a, vectors: .thin)
        guard d.singularValues.allSatisfy(\.isFinite) else {
            return Violation("finite singular values", expected: "finite", actual: Measures.show(d.singularValues))
        }
        let reference = try Measures.referenceSingularValues(a)
        if let violation = Measures.singularValuesViolation(
            d.singularValues, reference, within: 8 * Double(a.rows * a.columns) * Measures.epsilon * (reference.first ?? 0),
            "the singular values of a matrix with entries near 1e±300") {
            return violation
        }
        let orthogonalityBound = 8 * Double(a.rows * a.rows) * Measures.epsilon
        for (name, q) in [("U", d.u), ("V", d.v)] where Measures.orthogonalityError(q) > orthogonalityBound {
            return Violation("\(name) has orthonormal columns", expected: "‖\(name)ᵀ\(name) − I‖_F ≤ \(Measures.show(orthogonalityBound))",
                             actual: Measures.show(Measures.orthogonalityError(q)))
        }
        return nil
    }
}
