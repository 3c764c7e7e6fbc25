import SVDFoundation

/// What one sweep did.
public struct SweepRecord: Sendable, Equatable {
    /// How many pairs were rotated.
    public var rotations: Int
    /// The largest |cos ∠(g_p, g_q)| = |γ|/√(αβ) over the pairs measured in this sweep.
    public var largestCosine: Double

    public init(rotations: Int, largestCosine: Double) {
        self.rotations = rotations
        self.largestCosine = largestCosine
    }
}

// TASK C2 (4): one sweep with the relative orthogonality test
/// One cyclic sweep of one-sided Jacobi: for every pair of columns p < q of `g` (in the order
/// (0,1), (0,2), …, (0,n−1), (1,2), …), compute α = ‖g_p‖², β = ‖g_q‖², γ = g_pᵀg_q; skip the
/// pair when α or β is 0, or when the columns are orthogonal *relative to their lengths*,
/// |γ| ≤ tolerance·√(αβ); otherwise rotate columns p and q of `g` by `jacobiRotation` (C1), and
/// columns p and q of `v` by the same rotation.
///
/// The relative test is the lesson: a test on |γ| alone stops as soon as the large columns are
/// orthogonal and leaves the small ones unrotated, so the small singular values of a graded
/// matrix come out wrong (Guides/OneSidedJacobi.md, "Your task C2").
/// - Returns: the rotations applied and the largest cosine measured.
/// - Throws: `SVDError.notImplemented` until the task (or C1) is done.
public func jacobiSweep<Scalar: SVDScalar>(_ g: inout Matrix<Scalar>, _ v: inout Matrix<Scalar>, tolerance: Scalar)
    throws(SVDError) -> SweepRecord
{
    // BEGIN SOLUTION
    var record = SweepRecord(rotations: 0, largestCosine: 0)
    let m = g.rows, n = g.columns
    for p in 0..<n {
        for q in (p + 1)..<max(p + 1, n) {
            var alpha: Scalar = 0, beta: Scalar = 0, gamma: Scalar = 0
            for i in 0..<m {
                alpha += g[i, p] * g[i, p]
                beta += g[i, q] * g[i, q]
                gamma += g[i, p] * g[i, q]
            }
            if alpha == 0 || beta == 0 { continue }
            let cosine = abs(gamma) / (alpha.squareRoot() * beta.squareRoot())
            record.largestCosine = max(record.largestCosine, Double(cosine))
            if cosine <= tolerance { continue }
            let rotation = try jacobiRotation(alpha: alpha, beta: beta, gamma: gamma)
            for i in 0..<m {
                let x = g[i, p], y = g[i, q]
                g[i, p] = rotation.c * x - rotation.s * y
                g[i, q] = rotation.s * x + rotation.c * y
            }
            for i in 0..<v.rows {
                let x = v[i, p], y = v[i, q]
                v[i, p] = rotation.c * x - rotation.s * y
                v[i, q] = rotation.s * x + rotation.c * y
            }
            record.rotations += 1
        }
    }
    return record
    // END SOLUTION
}
