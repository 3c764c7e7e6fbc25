import Foundation
import LabSupport
import SVDCore
import SVDDecomposers

/// The four fundamental subspaces of a rank-one 2×2 matrix, and where least squares lives in them
/// (Strang's "big picture", small enough to draw).
///
/// With A = U·Σ·Vᵀ of rank r, the first r columns of V span the row space row(A) and the last
/// n − r the null space null(A), in the input space ℝⁿ; the first r columns of U span the column
/// space col(A) and the last m − r the left null space null(Aᵀ), in the output space ℝᵐ. The two
/// pairs are orthogonal complements. Least squares splits along them: b = A·x⁺ + r with A·x⁺ the
/// projection of b onto col(A) and the residual r in null(Aᵀ); x⁺ = A⁺b lies in row(A), and every
/// x⁺ + z with z in null(A) is mapped to the same A·x⁺.
///
/// The example is A = [[2, 1], [4, 2]] (rank 1: the second row is twice the first) and
/// b = (3, 1). By hand: σ₁ = 5, u₁ = (1, 2)/√5, v₁ = (2, 1)/√5, so A·x⁺ = (1, 2), r = (2, −1) and
/// x⁺ = v₁·(u₁ᵀb)/σ₁ = (0.4, 0.2).
public struct FourSubspacesPicture: Sendable {
    public let matrix: Matrix<Double>
    public let rightHandSide: [Double]
    /// The subspaces, from the full SVD.
    public let subspaces: FundamentalSubspaces<Double>
    /// x⁺ = A⁺b.
    public let minimumNormSolution: [Double]
    /// A·x⁺, the projection of b onto col(A).
    public let projection: [Double]
    /// r = b − A·x⁺, in null(Aᵀ).
    public let residual: [Double]

    /// - Parameter decomposer: the SVD whose full U and V give the subspaces.
    public init(decomposer: any SingularValueDecomposer = DecomposerRegistry.standard.decomposer) throws {
        let a = Matrix<Double>(rows: 2, columns: 2, columnMajor: [2, 4, 1, 2])
        let b = [3.0, 1.0]
        let svd = try decomposer.decompose(a, vectors: .full)
        matrix = a
        rightHandSide = b
        subspaces = svd.fundamentalSubspaces()
        let x = svd.solveLeastSquares(b)
        minimumNormSolution = x
        projection = a * x
        residual = zip(b, a * x).map { $0 - $1 }
    }
}

extension FourSubspacesPicture {
    /// The report's paragraph: the dimensions, the bases and the checks of the picture.
    public var text: String {
        let s = subspaces
        func vector(_ v: [Double]) -> String { "(" + v.map { Format.fixed($0 == 0 ? 0 : $0, 4) }.joined(separator: ", ") + ")" }
        let rowCheck = scaledNorm(s.nullSpace.transposeTimes(minimumNormSolution))
        let residualCheck = scaledNorm(s.columnSpace.transposeTimes(residual))
        return """
            The four fundamental subspaces, on A = [2 1; 4 2] (rank \(s.rank)) and b = (3, 1) (figure exercise3-four-subspaces):
              row(A)   = span \(vector(s.rowSpace.column(0)))    dim r = \(s.rank)       null(A)  = span \(vector(s.nullSpace.column(0)))    dim n − r = \(s.nullSpace.columns)
              col(A)   = span \(vector(s.columnSpace.column(0)))    dim r = \(s.rank)       null(Aᵀ) = span \(vector(s.leftNullSpace.column(0)))    dim m − r = \(s.leftNullSpace.columns)
              x⁺ = A⁺b = \(vector(minimumNormSolution)) lies in row(A) (its null(A) part: \(Format.scientific(rowCheck, 1))); A·x⁺ = \(vector(projection)) is b projected
              onto col(A), and r = b − A·x⁺ = \(vector(residual)) lies in null(Aᵀ) (its col(A) part: \(Format.scientific(residualCheck, 1))).
            """
    }
}
