import SVDCore

/// The low-rank replacement of a dense layer: y = (x·A)·B with A m×k and B k×n.
///
/// From a (truncated) SVD W ≈ U_k·Σ_k·V_kᵀ the factors are the balanced split
/// A = U_k·Σ_k^{1/2}, B = Σ_k^{1/2}·V_kᵀ, so A·B = U_kΣ_kV_kᵀ and neither factor carries all the
/// scale (which matters when the factors are stored in Float32 or lower).
///
/// **Counting.** The layer holds k·(m + n) numbers. Storing U_k, σ₁…σ_k and V_k separately, as in
/// the compression formula k·(m + n + 1), costs k more; both are far below m·n when k ≪ min(m, n).
/// Evaluating it costs 2·b·k·(m + n) flops instead of 2·b·m·n: the same ratio as the parameters.
///
/// Like `DenseLayer`, the factors are kept transposed (Aᵀ, Bᵀ column-major) so that a batch runs
/// as Yᵀ = Bᵀ·(Aᵀ·Xᵀ) through `blockedProduct`.
public struct FactoredLayer<Scalar: SVDScalar & SIMDScalar>: Sendable {
    /// Aᵀ (k×m).
    public let firstTransposed: Matrix<Scalar>
    /// Bᵀ (n×k).
    public let secondTransposed: Matrix<Scalar>

    /// The layer with factors A (m×k) and B (k×n).
    public init(first a: Matrix<Scalar>, second b: Matrix<Scalar>) {
        precondition(a.columns == b.rows, "A is \(a.rows)×\(a.columns) but B is \(b.rows)×\(b.columns)")
        firstTransposed = blockedTranspose(a)
        secondTransposed = blockedTranspose(b)
    }

    /// The balanced factors of U_k·diag(σ)·V_kᵀ: A = U_k·Σ^{1/2}, B = Σ^{1/2}·V_kᵀ.
    public init(u: Matrix<Scalar>, singularValues sigma: [Scalar], v: Matrix<Scalar>) {
        precondition(u.columns == sigma.count && v.columns == sigma.count, "U, σ and V disagree on k")
        let roots = sigma.map { $0.squareRoot() }
        firstTransposed = blockedTranspose(u.scalingColumns(by: roots))   // Aᵀ = (U_k·Σ^{1/2})ᵀ
        secondTransposed = v.scalingColumns(by: roots)                      // Bᵀ = V_k·Σ^{1/2}
    }

    /// m.
    public var inputs: Int { firstTransposed.columns }
    /// n.
    public var outputs: Int { secondTransposed.rows }
    /// k.
    public var rank: Int { firstTransposed.rows }
    /// k·(m + n): the numbers the two factors hold.
    public var parameterCount: Int { rank * (inputs + outputs) }
    /// k·(m + n + 1): the count of the compression formula (U_k, σ, V_k stored separately).
    public var storedValuesWithSingularValues: Int { rank * (inputs + outputs + 1) }

    // TASK E5.1 (2): apply the factored layer as (X·A)·B, never forming A·B
    /// Y = (X·A)·B for a batch X (b×m, one input per row); Y is b×n.
    ///
    /// Computed in two thin products through the k hidden values of each input, X·A (b×k) and
    /// then (X·A)·B: 2·b·k·(m + n) flops, where forming A·B first would cost 2·m·n·k and then the
    /// 2·b·m·n of the dense layer. The factors are stored transposed (Aᵀ k×m, Bᵀ n×k), so the
    /// products run as Yᵀ = Bᵀ·(Aᵀ·Xᵀ) through `blockedProduct`.
    /// - Precondition: X has m = ``inputs`` columns.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func apply(_ x: Matrix<Scalar>) throws -> Matrix<Scalar> {
        precondition(x.columns == inputs, "The layer takes \(inputs) inputs, the batch has \(x.columns)")
        // BEGIN SOLUTION
        let hiddenTransposed = blockedProduct(firstTransposed, blockedTranspose(x))   // (XA)ᵀ, k×b
        return blockedTranspose(blockedProduct(secondTransposed, hiddenTransposed))
        // END SOLUTION
    }
}
