import SVDFoundation

/// Your one-sided Jacobi SVD, built from the four tasks of the core guide
/// (Guides/OneSidedJacobi.md, "Your tasks"):
///
/// - C1 `jacobiRotation(alpha:beta:gamma:)`: the rotation that makes two columns orthogonal;
/// - C2 `jacobiSweep(_:_:tolerance:)`: one sweep over every pair, with the *relative* test;
/// - C3 `jacobiDecomposition(_:vectors:maxSweeps:)`: sweeps until convergence, then σ, U, V;
/// - C4 (bonus) `scaledToUnitMaximum(_:)`: power-of-two scaling, so that entries near 1e±300
///   neither overflow nor underflow.
///
/// This type only checks the input, applies C4 when it is done (and decomposes the unscaled
/// matrix when it is not, since C4 is a bonus), and undoes the scaling on σ. It uses the
/// foundation's API alone (`Matrix`, the result types, `SVDError`, orthonormal completion and the
/// sign convention), so that it is graded exactly as any other decomposer is.
public struct StudentJacobi: SingularValueDecomposer {
    /// The most sweeps C3 may take before it reports `SVDError.noConvergence`.
    public var maxSweeps: Int

    public var name: String { "your one-sided Jacobi" }

    public init(maxSweeps: Int = 30) {
        self.maxSweeps = max(1, maxSweeps)
    }

    public func singularValues<Scalar: SVDScalar>(of a: Matrix<Scalar>) throws(SVDError) -> SingularValues<Scalar> {
        let d = try decompose(a, vectors: .thin)
        return SingularValues(rows: a.rows, columns: a.columns, singularValues: d.singularValues,
                              diagnostics: d.diagnostics)
    }

    public func decompose<Scalar: SVDScalar>(_ a: Matrix<Scalar>, vectors: SingularVectors) throws(SVDError)
        -> SingularValueDecomposition<Scalar>
    {
        // Called through `any SingularValueDecomposer` (as `--decomposer student` does), this generic
        // body runs with Scalar known only at run time, and generic arithmetic is many times slower
        // than arithmetic on a known type: Double and Float go on to copies compiled for them (this
        // module is compiled as a whole, so the copies reach into every task's function).
        if let a = a as? Matrix<Double> { return try compute(a, vectors: vectors) as! SingularValueDecomposition<Scalar> }
        if let a = a as? Matrix<Float> { return try compute(a, vectors: vectors) as! SingularValueDecomposition<Scalar> }
        return try compute(a, vectors: vectors)
    }

    private func compute<Scalar: SVDScalar>(_ a: Matrix<Scalar>, vectors: SingularVectors) throws(SVDError)
        -> SingularValueDecomposition<Scalar>
    {
        if a.isEmpty { throw .emptyMatrix }
        if let (row, column) = a.firstNonFiniteEntry { throw .nonFiniteEntry(row: row, column: column) }
        var scaled = (matrix: a, exponent: 0)
        do {
            scaled = try scaledToUnitMaximum(a)
        } catch .notImplemented {
            // C4 is a bonus: without it, the matrix is decomposed as it is.
        }
        let d = try jacobiDecomposition(scaled.matrix, vectors: vectors, maxSweeps: maxSweeps)
        guard scaled.exponent != 0 else { return d }
        let sigma = d.singularValues.map { Scalar(sign: .plus, exponent: Scalar.Exponent(scaled.exponent), significand: $0) }
        return SingularValueDecomposition(rows: d.rows, columns: d.columns, u: d.u, singularValues: sigma, v: d.v,
                                          diagnostics: d.diagnostics)
    }
}
