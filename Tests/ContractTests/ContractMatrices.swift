import Foundation
import SVDCore
import SVDTestMatrices

/// The kinds of matrix the contract properties draw, from the ordinary to the adversarial.
enum ContractMatrixKind: String, CaseIterable, Sendable {
    /// Independent N(0, 1) entries: distinct σ, κ modest (with a heavy tail).
    case gaussian
    /// All zeros: rank 0, every σ zero, every vector a completion.
    case zero
    /// X·Yᵀ with Gaussian X (m×r), Y (n×r), r = ⌈p/2⌉: the other σ at rounding level.
    case rankDeficient
    /// σ = 3, 3, 3, 1, 1, … through Haar-random factors: singular vectors not unique.
    case repeated
    /// A = B·D, B Gaussian with unit columns, D from 1e-12 to 1e12: κ(A) up to 1e24.
    case graded
    /// σ from 1 down to 1e-10, evenly in the exponent, through Haar-random factors.
    case prescribed
    /// Gaussian × 2^±1000: squares overflow or underflow unless the algorithm scales.
    case nearOverflow, nearUnderflow

    /// The kinds every property draws from; the two extremes have their own test
    /// (`DefiningPropertyContract.extremeMagnitudes`), where an unscaled method's failure is a
    /// known issue instead of a failure of every property at once.
    static let ordinary: [ContractMatrixKind] = [.gaussian, .zero, .rankDeficient, .repeated, .graded, .prescribed]
}

/// How a case's shape is drawn: as drawn, tall, wide, one row or one column.
enum ContractShape: CaseIterable, Sendable {
    case drawn, tall, wide, row, column
}

/// A reproducible test matrix: kind, shape and seed determine every entry.
struct ContractCase: CustomStringConvertible, Sendable {
    let kind: ContractMatrixKind
    let rows: Int
    let columns: Int
    let seed: UInt64
    /// Its position among the cases its property drew in this run.
    let index: Int

    var description: String { "\(kind.rawValue) \(rows)×\(columns) #\(index)" }

    var matrix: Matrix<Double> {
        var generator = SeededGenerator(seed: seed)
        let p = min(rows, columns)
        switch kind {
        case .gaussian:
            return TestMatrices.gaussian(rows: rows, columns: columns, using: &generator)
        case .zero:
            return Matrix(rows: rows, columns: columns)
        case .rankDeficient:
            return TestMatrices.lowRank(rows: rows, columns: columns, rank: (p + 1) / 2, using: &generator)
        case .repeated:
            return TestMatrices.withSingularValues(Self.repeatedSpectrum(p), rows: rows, columns: columns,
                                                   using: &generator)
        case .graded:
            let tall = TestMatrices.graded(rows: max(rows, columns), columns: p, exponents: -12...12,
                                           using: &generator, as: Double.self).a
            return rows >= columns ? tall : tall.transposed
        case .prescribed:
            return TestMatrices.withSingularValues(Self.geometricSpectrum(p), rows: rows, columns: columns,
                                                   using: &generator)
        case .nearOverflow:
            return 0x1p1000 * TestMatrices.gaussian(rows: rows, columns: columns, using: &generator, as: Double.self)
        case .nearUnderflow:
            return 0x1p-1000 * TestMatrices.gaussian(rows: rows, columns: columns, using: &generator, as: Double.self)
        }
    }

    /// The rank of the exact matrix, where the construction fixes it.
    var exactRank: Int? {
        switch kind {
        case .zero: return 0
        case .rankDeficient: return (min(rows, columns) + 1) / 2
        default: return nil
        }
    }

    /// 3 for the first ⌈p/2⌉, 1 for the rest.
    static func repeatedSpectrum(_ p: Int) -> [Double] {
        (0..<p).map { $0 < (p + 1) / 2 ? 3 : 1 }
    }

    /// σᵢ = 10^(−10·i/(p − 1)): from 1 down to 1e-10.
    static func geometricSpectrum(_ p: Int) -> [Double] {
        (0..<p).map { p == 1 ? 1 : pow(10, -10 * Double($0) / Double(p - 1)) }
    }

    /// `count` cases for `property`, drawn from `kinds` with every `ContractShape`, sides up to
    /// `maxSide` (tall and wide ones reach 3·maxSide). The same list in every run with the same
    /// `ContractSeed`.
    static func draw(_ count: Int, for property: String, kinds: [ContractMatrixKind] = ContractMatrixKind.ordinary,
                     maxSide: Int = 16) -> [ContractCase] {
        var generator = ContractSeed.generator(for: property)
        return (0..<count).map { index in
            let kind = kinds[Int.random(in: 0..<kinds.count, using: &generator)]
            let m = Int.random(in: 1...maxSide, using: &generator)
            let n = Int.random(in: 1...maxSide, using: &generator)
            let shape = ContractShape.allCases[index % ContractShape.allCases.count]
            let (rows, columns): (Int, Int)
            switch shape {
            case .drawn: (rows, columns) = (m, n)
            case .tall: (rows, columns) = (3 * m, max(1, n / 4))
            case .wide: (rows, columns) = (max(1, m / 4), 3 * n)
            case .row: (rows, columns) = (1, n)
            case .column: (rows, columns) = (m, 1)
            }
            return ContractCase(kind: kind, rows: rows, columns: columns, seed: generator.next(), index: index)
        }
    }
}

/// Matrices whose every entry and every singular value are exact in binary: A = H_m·Σ·H_nᵀ/√(mn)
/// built from Sylvester–Hadamard matrices (entries ±1, HᵀH = m·I) for m, n powers of four, so
/// that 1/√m is a power of two, and σ powers of two. Each entry is a sum of terms ±σᵢ/√(mn) whose
/// exponents span less than 53 bits, so no rounding happens: the singular values are exactly σ.
enum ExactSpectrum {
    /// The m×m Sylvester–Hadamard matrix, m a power of two: H₁ = [1], H₂ₖ = [Hₖ Hₖ; Hₖ −Hₖ].
    static func hadamard(_ m: Int) -> Matrix<Double> {
        precondition(m > 0 && m & (m - 1) == 0, "Sylvester's construction needs a power of two")
        return Matrix(rows: m, columns: m) { i, j in (i & j).nonzeroBitCount.isMultiple(of: 2) ? 1 : -1 }
    }

    /// (H_m/√m)[:, 0..<p]·diag(σ)·((H_n/√n)[:, permutation])ᵀ with p = σ.count ≤ min(m, n); m and n
    /// powers of four. The permutation mixes V's columns so that V is not H_n itself.
    static func matrix(rows m: Int, columns n: Int, sigma: [Double]) -> Matrix<Double> {
        let p = sigma.count
        let left = (1 / Double(m).squareRoot()) * hadamard(m).leadingColumns(p)
        let rightAll = (1 / Double(n).squareRoot()) * hadamard(n)
        let order = (0..<n).map { ($0 * 5 + 3) % n }  // a fixed permutation (5 is odd, n a power of 2)
        let right = Matrix(rows: n, columns: p) { i, j in rightAll[i, order[j]] }
        return left.scalingColumns(by: sigma) * right.transposed
    }

    /// The cases of the exact-spectrum test: shapes square, tall and wide; σ spread over 2⁰…2⁻³⁰,
    /// repeated, and with exact zeros.
    static let cases: [(name: String, rows: Int, columns: Int, sigma: [Double])] = [
        ("16×16, σ = 2⁰ … 2⁻³⁰", 16, 16, (0..<16).map { 1 / Double(1 << (2 * $0)) }),
        ("64×16, σ = 2⁴ … 2⁻¹¹", 64, 16, (0..<16).map { 16 / Double(1 << $0) }),
        ("4×64, σ = 8, 8, 1, 1", 4, 64, [8, 8, 1, 1]),
        ("16×4, σ = 2, 1, 0, 0 (rank 2)", 16, 4, [2, 1, 0, 0]),
        ("16×16, σ = 1 (an orthogonal matrix)", 16, 16, Array(repeating: 1, count: 16)),
    ]
}
