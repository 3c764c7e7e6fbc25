import Foundation
import PropertyBased
import SVDCore
import SVDTestMatrices
import SVDTextbook
import Testing

/// The kinds of matrix the property tests draw from: the ordinary and the adversarial.
enum MatrixKind: String, CaseIterable, Sendable {
    /// Independent N(0, 1) entries: well conditioned, distinct singular values.
    case gaussian
    /// All zeros: rank 0, every singular value 0.
    case zero
    /// X·Yᵀ with thin Gaussian factors: rank r < min(m, n), the rest of σ at rounding level.
    case rankDeficient
    /// Prescribed singular values with repeats (3, 3, 3, 1, 1, …): singular vectors not unique.
    case repeatedSingularValues
    /// A = B·D with D spanning 1e-12 … 1e12: κ(A) up to 1e24, κ(B) modest.
    case graded
    /// Random orthogonal factors × σ spread from 1 to 1e-10.
    case prescribed
    /// Entries near 1e300: squares overflow unless the algorithm scales.
    case nearOverflow
    /// Entries near 1e-300: squares underflow unless the algorithm scales.
    case nearUnderflow
}

/// A reproducible test matrix: its kind, shape and seed determine every entry, so a failing case
/// printed by the property checker ("graded 7×3 seed 42") can be rebuilt exactly.
struct MatrixCase: CustomStringConvertible, Sendable {
    let kind: MatrixKind
    let rows: Int
    let columns: Int
    let seed: UInt64

    var description: String { "\(kind.rawValue) \(rows)×\(columns) seed \(seed)" }

    /// The matrix in Double.
    var matrix: Matrix<Double> {
        var generator = SeededGenerator(seed: seed)
        let p = min(rows, columns)
        switch kind {
        case .gaussian:
            return TestMatrices.gaussian(rows: rows, columns: columns, using: &generator)
        case .zero:
            return Matrix(rows: rows, columns: columns)
        case .rankDeficient:
            let r = max(1, p / 2)
            return TestMatrices.lowRank(rows: rows, columns: columns, rank: r, using: &generator)
        case .repeatedSingularValues:
            let sigma = (0..<p).map { i -> Double in i < (p + 1) / 2 ? 3 : 1 }
            return TestMatrices.withSingularValues(sigma, rows: rows, columns: columns, using: &generator)
        case .graded:
            return TestMatrices.graded(rows: max(rows, columns), columns: min(rows, columns),
                                       exponents: -12...12, using: &generator, as: Double.self).a
                .transposedIf(rows < columns)
        case .prescribed:
            return TestMatrices.withSingularValues(prescribedSpectrum(count: p), rows: rows, columns: columns,
                                                   using: &generator)
        case .nearOverflow:
            return 1e300 * TestMatrices.gaussian(rows: rows, columns: columns, using: &generator, as: Double.self)
        case .nearUnderflow:
            return 1e-300 * TestMatrices.gaussian(rows: rows, columns: columns, using: &generator, as: Double.self)
        }
    }
}

/// σᵢ = 10^(−10·i/(p−1)), i = 0 … p−1: from 1 down to 1e-10, evenly in the exponent.
func prescribedSpectrum(count p: Int) -> [Double] {
    (0..<p).map { i in p == 1 ? 1 : pow(10, -10 * Double(i) / Double(p - 1)) }
}

extension Matrix {
    func transposedIf(_ condition: Bool) -> Matrix { condition ? transposed : self }
}


/// Generators for the property tests.
enum MatrixGen {
    /// Any kind, any shape from 1×1 to 24×24.
    static var anyCase: Generator<MatrixCase, some SendableSequenceType> {
        zip(Gen<MatrixKind>.case, Gen.int(in: 1...24), Gen.int(in: 1...24), Gen.uint64())
            .map { MatrixCase(kind: $0, rows: $1, columns: $2, seed: $3) }
    }

    /// One kind, shapes from 1×1 to 24×24, with tall (m ≫ n) and wide (m ≪ n) ones in the mix.
    static func cases(of kind: MatrixKind) -> Generator<MatrixCase, some SendableSequenceType> {
        zip(Gen.int(in: 1...24), Gen.int(in: 1...24), Gen.uint64(), Gen.int(in: 0...3))
            .map { m, n, seed, stretch in
                // stretch 1: tall (up to 72×3), 2: wide, 0 and 3: as drawn.
                switch stretch {
                case 1: return MatrixCase(kind: kind, rows: 3 * m, columns: max(1, n / 4), seed: seed)
                case 2: return MatrixCase(kind: kind, rows: max(1, m / 4), columns: 3 * n, seed: seed)
                default: return MatrixCase(kind: kind, rows: m, columns: n, seed: seed)
                }
            }
    }
}

/// Tolerances of the form c·ε·(dimension)·‖A‖, the shape of every backward error bound for an
/// orthogonal-transformation algorithm (Higham, Accuracy and Stability, ch. 19). The constant c
/// is stated at each use; no test uses a bare magic number.
enum Tolerance {
    static let epsilon = Double.ulpOfOne

    /// c·ε·max(m, n)·scale.
    static func backward(_ c: Double, rows m: Int, columns n: Int, scale: Double) -> Double {
        c * epsilon * Double(max(m, n)) * scale
    }
}

/// The largest entry of |A − B| (the max-entry norm used in the reports).
func maxAbsDifference(_ a: Matrix<Double>, _ b: Matrix<Double>) -> Double {
    zip(a.elements, b.elements).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
