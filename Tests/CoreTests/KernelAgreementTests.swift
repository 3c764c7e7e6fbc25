import Foundation
@testable import SVDCore
import SVDTestMatrices
import SVDTextbook
import Testing

/// The fast one-sided Jacobi (`OneSidedJacobi`: QR preconditioning, blocked sweep, SIMD kernels)
/// against its textbook form (`ReferenceJacobi`), and each fast building block against the plain
/// arithmetic it replaces. Tolerances are c·ε·(dimension)·(scale), c stated at each use.
@Suite("CoreKernelTests")
struct CoreKernelTests {
    /// Shapes that exercise the tall, wide and square paths, a very tall one, and one with more
    /// columns than a block of the sweep (at least 8), so that several blocks interact.
    static let shapes: [(rows: Int, columns: Int)] = [(30, 12), (12, 30), (25, 25), (70, 5), (90, 75)]

    /// The kinds the textbook version can take: it does not scale, so entries near 1e±300
    /// (whose squares overflow or underflow) are left to the fast version's own tests.
    static let kinds: [MatrixKind] = MatrixKind.allCases.filter { $0 != .nearOverflow && $0 != .nearUnderflow }

    @Test("fast and textbook Jacobi agree: σ to c·max(m,n)·ε·σ₁, vectors up to sign within the sin θ bound",
          arguments: kinds)
    func fastAgreesWithTextbook(kind: MatrixKind) throws {
        for (index, shape) in Self.shapes.enumerated() {
            let matrixCase = MatrixCase(kind: kind, rows: shape.rows, columns: shape.columns, seed: UInt64(100 + index))
            let a = matrixCase.matrix
            let fast = try OneSidedJacobi().decompose(a)
            let reference = try ReferenceJacobi().decompose(a)
            let sigma1 = reference.singularValues.first ?? 0
            // Both are backward stable with error c·max(m,n)·ε·‖A‖ (c = 10 covers the two of them);
            // by Weyl's theorem each σᵢ moves by at most that much.
            let bound = Tolerance.backward(10, rows: a.rows, columns: a.columns, scale: sigma1)
            for (i, (x, y)) in zip(fast.singularValues, reference.singularValues).enumerated() {
                #expect(abs(x - y) <= bound, "\(matrixCase): σ\(i + 1) fast \(x), textbook \(y)")
            }
            // Wedin's sin θ theorem: a singular vector moves by at most ‖E‖/gap, where gap is the
            // distance from σᵢ to the rest of the spectrum. Compared where that bound is below 0.1.
            let sigma = reference.singularValues
            for i in sigma.indices where sigma[i] > bound {
                let gap = sigma.indices.filter { $0 != i }.map { abs(sigma[$0] - sigma[i]) }.min() ?? sigma[i]
                let angleBound = 2 * bound / gap
                guard angleBound < 0.1 else { continue }
                for (name, x, y) in [("u", fast.u, reference.u), ("v", fast.v, reference.v)] {
                    let difference = distanceUpToSign(x.column(i), y.column(i))
                    #expect(difference <= angleBound, "\(matrixCase): \(name)\(i + 1) differs by \(difference) > \(angleBound)")
                }
            }
        }
    }

    /// The graded matrix A = B·D: both versions find every σᵢ to high *relative* accuracy,
    /// c·max(m,n)·ε·κ(B) (Demmel–Veselić), however small σᵢ is; so they agree to twice that.
    @Test("fast and textbook Jacobi agree to relative accuracy ε·κ(B) on a graded B·D with κ(A) ≈ 1e14")
    func gradedAgreement() throws {
        var generator = SeededGenerator(seed: 2008)
        let (a, b, _) = TestMatrices.graded(rows: 60, columns: 40, exponents: -14...0, using: &generator, as: Double.self)
        let kappaB = try ReferenceJacobi().singularValues(of: b).conditionNumber
        let fast = try OneSidedJacobi().singularValues(of: a).singularValues
        let reference = try ReferenceJacobi().singularValues(of: a).singularValues
        #expect(reference.first! / reference.last! > 1e13, "the matrix should be graded")
        let bound = 2 * Tolerance.backward(10, rows: 60, columns: 40, scale: kappaB)
        for (i, (x, y)) in zip(fast, reference).enumerated() {
            #expect(abs(x - y) <= bound * y, "σ\(i + 1): fast \(x), textbook \(y), relative bound \(bound)")
        }
    }

    @Test("the Float path (SIMD in single precision) agrees with the textbook version in Float")
    func singlePrecisionAgreement() throws {
        let a = MatrixCase(kind: .gaussian, rows: 40, columns: 33, seed: 7).matrix.converted(to: Float.self)
        let fast = try OneSidedJacobi().singularValues(of: a).singularValues
        let reference = try ReferenceJacobi().singularValues(of: a).singularValues
        let bound = 10 * Float.ulpOfOne * 40 * reference[0]
        for (x, y) in zip(fast, reference) { #expect(abs(x - y) <= bound) }
    }

    @Test("pivoted QR: A·P = Q·R to c·m·n·ε·‖A‖, Q orthonormal, R triangular with decreasing |rₖₖ|",
          arguments: [(40, 15), (15, 15), (200, 3), (9, 1)])
    func pivotedQR(shape: (rows: Int, columns: Int)) {
        let (m, n) = shape
        var a = MatrixCase(kind: .gaussian, rows: m, columns: n, seed: 11).matrix
        // Make one column a multiple of another, so that R has a (near) zero diagonal entry.
        if n > 2 { for i in 0..<m { a[i, n - 1] = 3 * a[i, 0] } }
        let qr = HouseholderQR(a, pivoting: true)
        let r = qr.rTransposed.transposed
        let q = qr.q(times: Matrix<Double>.identity(n))
        let ap = Matrix<Double>(rows: m, columns: n) { i, j in a[i, qr.permutation[j]] }
        let bound = Tolerance.backward(10, rows: m * n, columns: 1, scale: a.frobeniusNorm)
        #expect((ap - q * r).maxAbsoluteEntry <= bound)
        #expect(q.orthogonalityError <= Tolerance.backward(10, rows: m, columns: n, scale: 1))
        #expect(Set(qr.permutation) == Set(0..<n))
        for k in 0..<n {
            for i in (k + 1)..<max(k + 1, n) { #expect(r[i, k] == 0) }
            // Pivoting makes |r_kk| non-increasing up to the error of the downdated column norms,
            // 1 + 2·m·n·√ε (derived in HouseholderQRTests, the pivoting test).
            let slack = 1 + 2 * Double(m * n) * Double.ulpOfOne.squareRoot()
            if k > 0 { #expect(abs(r[k, k]) <= abs(r[k - 1, k - 1]) * slack) }
        }
    }

    @Test("SIMD dot product equals the plain sum to count·ε·Σ|xᵢyᵢ|, for every tail length")
    func simdDotProduct() {
        var generator = SeededGenerator(seed: 3)
        for count in 0...41 {
            var x = (0..<count).map { _ in generator.nextGaussian() }
            var y = (0..<count).map { _ in generator.nextGaussian() }
            let plain = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
            let magnitude = zip(x, y).reduce(0) { $0 + abs($1.0 * $1.1) }
            let fast = x.withUnsafeMutableBufferPointer { xs in
                y.withUnsafeMutableBufferPointer { ys in dotProduct(xs.baseAddress!, ys.baseAddress!, count: count) }
            }
            #expect(abs(fast - plain) <= Double(count) * Double.ulpOfOne * magnitude, "length \(count)")
        }
    }

    @Test("SIMD rotation gives bit for bit the Rutishauser update of the plain loop, and x′ᵀz")
    func simdRotation() {
        var generator = SeededGenerator(seed: 4)
        for count in [1, 7, 8, 9, 16, 37] {
            let x0 = (0..<count).map { _ in generator.nextGaussian() }
            let y0 = (0..<count).map { _ in generator.nextGaussian() }
            var z = (0..<count).map { _ in generator.nextGaussian() }
            let alpha = x0.reduce(0) { $0 + $1 * $1 }, beta = y0.reduce(0) { $0 + $1 * $1 }
            let gamma = zip(x0, y0).reduce(0) { $0 + $1.0 * $1.1 }
            let rotation = JacobiRotation(alpha: alpha, beta: beta, gamma: gamma)
            let (s, tau) = (rotation.s, rotation.tau)
            let expectedX = zip(x0, y0).map { x, y in x - s * (y + tau * x) }
            let expectedY = zip(x0, y0).map { x, y in y + s * (x - tau * y) }
            var x = x0, y = y0
            let dot = x.withUnsafeMutableBufferPointer { xs in
                y.withUnsafeMutableBufferPointer { ys in
                    z.withUnsafeMutableBufferPointer { zs in
                        rotation.applyReturningDot(xs.baseAddress!, ys.baseAddress!, next: zs.baseAddress!, count: count)
                    }
                }
            }
            #expect(x == expectedX && y == expectedY, "length \(count)")
            let plainDot = zip(expectedX, z).reduce(0) { $0 + $1.0 * $1.1 }
            let magnitude = zip(expectedX, z).reduce(0) { $0 + abs($1.0 * $1.1) }
            #expect(abs(dot - plainDot) <= Double(count) * Double.ulpOfOne * magnitude)
            // And the rotation did its job: x′ ⟂ y′ to working accuracy (with one row, one of the
            // two becomes zero and the angle is undefined).
            guard count > 1 else { continue }
            let cosine = abs(zip(x, y).reduce(0) { $0 + $1.0 * $1.1 })
                / (x.reduce(0) { $0 + $1 * $1 } * y.reduce(0) { $0 + $1 * $1 }).squareRoot()
            #expect(cosine <= 10 * Double(count) * Double.ulpOfOne)
        }
    }

    @Test("a rotation with |ζ| beyond 1/√ε takes t = 1/(2ζ) and stays finite")
    func nearlyOrthogonalPairRotation() {
        let rotation = JacobiRotation<Double>(alpha: 1, beta: 4, gamma: 1e-300)
        #expect(rotation.t.isFinite && rotation.c.isFinite && rotation.s.isFinite)
        #expect(abs(rotation.t - 1e-300 / 3) <= 4 * Double.ulpOfOne * 1e-300 / 3)
        #expect(rotation.c == 1)
    }

    /// The sweep's memory (`PairMemory`) may pass over a pair only when the very same columns
    /// were found orthogonal at the pair's previous visit. An observer checks exactly that at
    /// every visit, bit for bit. And against sweeps that forget between sweeps (a new memory each
    /// time, so every pair is measured), the same rotations must follow, to the same columns.
    /// Matrices of 100×90 (two blocks of the sweep): Gaussian; graded; repeated singular values
    /// (columns of equal norm trade places under de Rijk pivoting late in the iteration, and the
    /// memory must record each swap); and 20 zero columns (every sweep stops at the first of
    /// them, and the clock must still move on by a whole sweep).
    @Test("the sweep passes over a pair only if the same columns were found orthogonal one sweep earlier; same rotations as measuring every pair",
          arguments: ["gaussian", "graded", "repeated", "zero columns"])
    func pairMemory(kind: String) {
        var generator = SeededGenerator(seed: 90)
        let m = 100, n = 90
        var a: Matrix<Double>
        switch kind {
        case "graded":
            a = TestMatrices.graded(rows: m, columns: n, exponents: -10...0, using: &generator, as: Double.self).a
        case "repeated":
            let sigma = (0..<n).map { j -> Double in j < 30 ? 3 : (j < 60 ? 1 : 0.5) }
            a = TestMatrices.withSingularValues(sigma, rows: m, columns: n, using: &generator)
        default:
            a = TestMatrices.gaussian(rows: m, columns: n, using: &generator)
        }
        if kind == "zero columns" {
            for j in stride(from: 1, to: n, by: 4).prefix(20) { for i in 0..<m { a[i, j] = 0 } }
        }
        let tolerance = OneSidedJacobi.tolerance(rows: m, for: Double.self)

        typealias Outcome = JacobiSweep<Double>.Outcome
        func sweepsToConvergence(remembering: Bool) -> (g: Matrix<Double>, outcomes: [Outcome], violations: [String]) {
            var g = a
            var memory = PairMemory(columns: n)
            var outcomes: [Outcome] = []
            // For each pair of positions, its columns and the verdict at its last visit.
            var lastVisit: [Int: (columns: [Double], verdict: JacobiSweep<Double>.PairVerdict)] = [:]
            var violations: [String] = []
            repeat {
                if !remembering { memory = PairMemory(columns: n) }
                let sweepNumber = outcomes.count + 1
                let outcome = g.elements.withUnsafeMutableBufferPointer { buffer in
                    let base = buffer.baseAddress!
                    var sweep = JacobiSweep(g: base, rows: m, columns: n, v: nil, tolerance: tolerance)
                    sweep.observer = { p, q, verdict in
                        let columns = Array(UnsafeBufferPointer(start: base + p * m, count: m))
                            + Array(UnsafeBufferPointer(start: base + q * m, count: m))
                        if verdict == .passedOver {
                            let last = lastVisit[p * n + q]
                            if last?.verdict == .rotated || last?.columns != columns {
                                violations.append("sweep \(sweepNumber): (\(p), \(q)) passed over, but last time "
                                    + (last.map { "\($0.verdict), columns now \($0.columns == columns ? "the same" : "different")" } ?? "not visited"))
                            }
                        }
                        lastVisit[p * n + q] = (columns, verdict)
                    }
                    return sweep.run(memory: &memory)
                }
                outcomes.append(outcome)
            } while outcomes.last!.rotations > 0 && outcomes.count < 30
            return (g, outcomes, violations)
        }
        let remembering = sweepsToConvergence(remembering: true)
        let measuring = sweepsToConvergence(remembering: false)

        #expect(remembering.violations.isEmpty,
                "\(kind): \(remembering.violations.count) wrong passes, first: \(remembering.violations.first ?? "")")
        #expect(remembering.outcomes.last!.rotations == 0, "\(kind): no convergence in 30 sweeps")
        #expect(remembering.outcomes.map(\.rotations) == measuring.outcomes.map(\.rotations), "\(kind)")
        #expect(maxAbsDifference(remembering.g, measuring.g) == 0, "\(kind): the converged columns differ")
        let passedOver = remembering.outcomes.map(\.pairsKnownOrthogonal).reduce(0, +)
        #expect(passedOver > 0, "\(kind): the memory never passed over a pair")
        #expect(measuring.outcomes.allSatisfy { $0.pairsKnownOrthogonal == 0 })
    }

    /// The sweep visits the pairs between two blocks two rows at a time, interleaved
    /// (`JacobiSweep.orthogonalize(rows:against:)`), and claims the very numbers of one row at a
    /// time. Checked bit for bit, sweep by sweep to convergence, with the same memory: the columns,
    /// V, and every count of the outcome. 1 200 rows give blocks of 13 columns in Double (an odd
    /// number, so each block's last row goes alone) and 26–27 in Float; 45 columns make several.
    @Test("two rows at a time: bit for bit the sweeps of one row at a time (G, V, counts), Double and Float, with and without V",
          arguments: ["gaussian", "graded"], [false, true])
    func interleavedRows(kind: String, accumulating: Bool) {
        var generator = SeededGenerator(seed: 91)
        let a = kind == "graded"
            ? TestMatrices.graded(rows: 1200, columns: 45, exponents: -10...0, using: &generator, as: Double.self).a
            : TestMatrices.gaussian(rows: 1200, columns: 45, using: &generator, as: Double.self)
        compareInterleaving(a, accumulating: accumulating, label: "\(kind), Double")
        compareInterleaving(a.converted(to: Float.self), accumulating: accumulating, label: "\(kind), Float")
    }

    private func compareInterleaving<Scalar: SVDScalar>(_ a: Matrix<Scalar>, accumulating: Bool, label: String) {
        let (m, n) = (a.rows, a.columns)
        let tolerance = OneSidedJacobi.tolerance(rows: m, for: Scalar.self)
        typealias Outcome = JacobiSweep<Scalar>.Outcome
        func sweepsToConvergence(interleaving: Bool) -> (g: [Scalar], v: [Scalar], outcomes: [Outcome], blockSize: Int) {
            var g = a.elements
            var v = Matrix<Scalar>.identity(n).elements
            var memory = PairMemory(columns: n)
            var outcomes: [Outcome] = []
            var blockSize = 0
            repeat {
                let outcome = g.withUnsafeMutableBufferPointer { gBuffer in
                    v.withUnsafeMutableBufferPointer { vBuffer in
                        var sweep = JacobiSweep(g: gBuffer.baseAddress!, rows: m, columns: n,
                                                v: accumulating ? vBuffer.baseAddress! : nil, tolerance: tolerance)
                        sweep.interleavesRows = interleaving
                        blockSize = sweep.blockSize
                        return sweep.run(memory: &memory)
                    }
                }
                outcomes.append(outcome)
            } while outcomes.last!.rotations > 0 && outcomes.count < 30
            return (g, v, outcomes, blockSize)
        }
        let interleaved = sweepsToConvergence(interleaving: true)
        let oneByOne = sweepsToConvergence(interleaving: false)
        #expect(n > interleaved.blockSize, "\(label): the shape should make several blocks")
        if Scalar.self == Double.self {
            #expect(interleaved.blockSize % 2 == 1, "\(label): blocks of an odd number of rows leave one row alone")
        }
        #expect(interleaved.outcomes.count > 2 && interleaved.outcomes.last!.rotations == 0, "\(label): no convergence")
        #expect(interleaved.outcomes.map(\.rotations) == oneByOne.outcomes.map(\.rotations), "\(label)")
        #expect(interleaved.outcomes.map(\.pairsKnownOrthogonal) == oneByOne.outcomes.map(\.pairsKnownOrthogonal), "\(label)")
        #expect(interleaved.outcomes.map(\.largestCosine) == oneByOne.outcomes.map(\.largestCosine), "\(label)")
        #expect(interleaved.g == oneByOne.g, "\(label): the columns differ")
        #expect(interleaved.v == oneByOne.v, "\(label): V differs")
        #expect(interleaved.outcomes.map(\.pairsKnownOrthogonal).reduce(0, +) > 0, "\(label): the memory never passed over a pair")
    }

    @Test("after convergence every remaining |cos| is below the tolerance √n·ε of the preconditioned matrix")
    func diagnostics() throws {
        let a = MatrixCase(kind: .gaussian, rows: 120, columns: 40, seed: 5).matrix
        let d = try OneSidedJacobi().decompose(a).diagnostics
        #expect(d.largestRemainingCosine <= d.tolerance)
        #expect(d.tolerance == Double(40).squareRoot() * Double.ulpOfOne)
        #expect(d.sweeps >= 2 && d.sweeps <= 30 && d.rotations > 0)
    }
}

/// min(‖x − y‖∞, ‖x + y‖∞): the distance between two unit vectors that may differ in sign.
private func distanceUpToSign(_ x: [Double], _ y: [Double]) -> Double {
    let minus = zip(x, y).map { abs($0 - $1) }.max() ?? 0
    let plus = zip(x, y).map { abs($0 + $1) }.max() ?? 0
    return min(minus, plus)
}
