import SVDCore

/// How well a computed X satisfies the four Penrose conditions that define A⁺ uniquely:
///
///     (1) A·X·A = A,   (2) X·A·X = X,   (3) (A·X)ᵀ = A·X,   (4) (X·A)ᵀ = X·A.
///
/// Each is measured as a relative residual in the Frobenius norm, e.g. ‖AXA − A‖/‖A‖; for
/// X = V·Σ⁺·Uᵀ from a backward-stable SVD they are a modest multiple of ε·κ(A) (conditions 2
/// and 4 involve X, whose norm is 1/σ_r).
public struct PenroseConditions: Sendable {
    /// ‖AXA − A‖_F / ‖A‖_F.
    public let axa: Double
    /// ‖XAX − X‖_F / ‖X‖_F.
    public let xax: Double
    /// ‖(AX)ᵀ − AX‖_F / ‖AX‖_F.
    public let axSymmetry: Double
    /// ‖(XA)ᵀ − XA‖_F / ‖XA‖_F.
    public let xaSymmetry: Double

    public init(a: Matrix<Double>, x: Matrix<Double>) {
        let ax = a * x, xa = x * a
        axa = (ax * a - a).frobeniusNorm / a.frobeniusNorm
        xax = (xa * x - x).frobeniusNorm / x.frobeniusNorm
        axSymmetry = (ax.transposed - ax).frobeniusNorm / ax.frobeniusNorm
        xaSymmetry = (xa.transposed - xa).frobeniusNorm / xa.frobeniusNorm
    }

    /// The four residuals in the order (1)–(4).
    public var all: [Double] { [axa, xax, axSymmetry, xaSymmetry] }
}
