import SVDCore

/// A dense linear layer y = x·W: x is a row of m inputs, W is m×n, y a row of n outputs.
///
/// The weights are kept as Wᵀ in column-major order, that is W row by row — the layout of
/// PyTorch's `nn.Linear.weight` (out_features × in_features). A batch X (b×m) is then evaluated as
/// Yᵀ = Wᵀ·Xᵀ, which `blockedProduct` runs as Σᵢ xᵢ·(row i of W): each weight is read once per
/// batch and used for up to four inputs at a time from registers.
///
/// - Complexity: 2·b·m·n flops and m·n weights read per batch.
public struct DenseLayer<Scalar: SVDScalar & SIMDScalar>: Sendable {
    /// Wᵀ (n×m), column-major.
    public let weightsTransposed: Matrix<Scalar>

    public init(weights: Matrix<Scalar>) {
        weightsTransposed = blockedTranspose(weights)
    }

    /// m.
    public var inputs: Int { weightsTransposed.columns }
    /// n.
    public var outputs: Int { weightsTransposed.rows }
    /// m·n.
    public var parameterCount: Int { inputs * outputs }

    /// Y = X·W for a batch X (b×m, one input per row); Y is b×n.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func apply(_ x: Matrix<Scalar>) -> Matrix<Scalar> {
        precondition(x.columns == inputs, "The layer takes \(inputs) inputs, the batch has \(x.columns)")
        return blockedTranspose(blockedProduct(weightsTransposed, blockedTranspose(x)))
    }
}
