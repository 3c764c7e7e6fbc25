import SVDCore

/// A Cauchy matrix Cᵢⱼ = 1/(xᵢ + yⱼ), given by its nodes x (one per row) and y (one per column).
///
/// The Hilbert matrix is the Cauchy matrix with integer nodes xᵢ = i, yⱼ = j − 1 (1-based):
/// Hᵢⱼ = 1/(i + j − 1). What makes the structure valuable is that a Cauchy matrix is determined
/// by 2n numbers that are *exact* (small integers), while its n² entries are not representable in
/// binary: storing Hₙ as a dense matrix already perturbs it, but the nodes carry no error at all.
/// ``StructuredCauchyLDU`` works from the nodes and so never sees that perturbation.
public struct CauchyMatrix: Sendable, Equatable {
    /// The row nodes x₁, …, x_m.
    public let x: [Double]
    /// The column nodes y₁, …, y_n.
    public let y: [Double]

    /// The Cauchy matrix with row nodes `x` and column nodes `y`.
    ///
    /// The structured algorithms are exact in their differences and sums only when every
    /// xᵢ − xₖ, yⱼ − yₖ and xᵢ + yⱼ is exactly representable, which holds for integers of
    /// magnitude below 2⁵²; the nodes of ``hilbert(_:)`` are such integers.
    ///
    /// - Precondition: no xᵢ + yⱼ is 0 (the entry would be infinite), and all nodes are finite.
    public init(x: [Double], y: [Double]) {
        precondition(x.allSatisfy(\.isFinite) && y.allSatisfy(\.isFinite), "Cauchy nodes must be finite")
        for xi in x {
            for yj in y { precondition(xi + yj != 0, "Cauchy nodes give a zero denominator: x = \(xi), y = \(yj)") }
        }
        self.x = x
        self.y = y
    }

    /// The n×n Hilbert matrix Hᵢⱼ = 1/(i + j − 1) as a Cauchy matrix: xᵢ = i, yⱼ = j − 1.
    ///
    /// - Precondition: n ≥ 1.
    public static func hilbert(_ n: Int) -> CauchyMatrix {
        precondition(n >= 1, "The Hilbert matrix needs n ≥ 1, got \(n)")
        return CauchyMatrix(x: (1...n).map(Double.init), y: (0..<n).map(Double.init))
    }

    /// The number of rows.
    public var rows: Int { x.count }
    /// The number of columns.
    public var columns: Int { y.count }

    /// The entry (i, j), zero-based, rounded once to `Scalar`: 1/(xᵢ + yⱼ) with the sum exact.
    public func entry<Scalar: SVDScalar>(_ i: Int, _ j: Int, as _: Scalar.Type = Scalar.self) -> Scalar {
        1 / Scalar(x[i] + y[j])
    }

    /// The matrix as it is stored in `Scalar`: every entry correctly rounded, so it differs from
    /// the true Cauchy matrix by at most half an ulp in each entry, a relative perturbation of
    /// size ε/2 entrywise.
    public func stored<Scalar: SVDScalar>(as _: Scalar.Type = Scalar.self) -> Matrix<Scalar> {
        Matrix(rows: rows, columns: columns) { i, j in entry(i, j) }
    }
}
