import SVDFoundation

/// The SVD the way the textbook defines it, through the eigenvalues of AᵀA — kept as a warning.
///
/// Since AᵀA = V·Σ²·Vᵀ, the eigenvectors of AᵀA are the right singular vectors and
/// σᵢ = √λᵢ(AᵀA); then uᵢ = A·vᵢ/σᵢ. This is exact in exact arithmetic and wrong in floating
/// point for every matrix that is not well conditioned:
///
/// - forming AᵀA rounds each entry with an error of about ε·‖A‖², so any eigenvalue λᵢ = σᵢ²
///   below ε·σ₁² is noise, and σᵢ ≈ √(ε)·σ₁ ≈ 1.5e-8·σ₁ is the smallest singular value this route
///   can see at all in Double;
/// - a small σᵢ gets a relative error of about ε·(σ₁/σᵢ)² = ε·κ², where one-sided Jacobi achieves
///   ε·κ(B) for graded A = B·D, and ε·κ in general;
/// - uᵢ = A·vᵢ/σᵢ then loses orthogonality in the same proportion.
///
/// The verification suite runs every property on this decomposer too; the ones it must fail are
/// marked there as known issues with this explanation.
public struct NormalEquationsSVD: SingularValueDecomposer {
    /// "eigenvalues of AᵀA", the name reports give this decomposer.
    public var name: String { "eigenvalues of AᵀA" }

    /// The decomposer; it has no parameters.
    public init() {}

    // Specialized copies for callers in other modules (see `OneSidedJacobi`).
    /// σᵢ = √λᵢ for the eigenvalues λᵢ of AᵀA: accurate only to about ε·σ₁²/σᵢ in absolute terms.
    ///
    /// - Parameter a: A, m×n, non-empty, with finite entries.
    /// - Returns: σ₁ ≥ … ≥ σ_p ≥ 0, p = min(m, n).
    /// - Throws: `SVDError` for an empty matrix or a non-finite entry, or when the
    ///   Jacobi eigenvalue iteration does not converge.
    /// - Complexity: O(m·n²) to form AᵀA plus O(sweeps·n³) for its eigendecomposition.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func singularValues<Scalar: SVDScalar>(of a: Matrix<Scalar>) throws(SVDError) -> SingularValues<Scalar> {
        // Called through `any SingularValueDecomposer` (as `--decomposer` does), this generic body runs
        // with Scalar known only at run time; Double and Float go on to the copies compiled for them.
        if let a = a as? Matrix<Double> { return try computeSingularValues(of: a) as! SingularValues<Scalar> }
        if let a = a as? Matrix<Float> { return try computeSingularValues(of: a) as! SingularValues<Scalar> }
        return try computeSingularValues(of: a)
    }

    private func computeSingularValues<Scalar: SVDScalar>(of a: Matrix<Scalar>) throws(SVDError) -> SingularValues<Scalar> {
        let d = try computeDecomposition(a, vectors: .thin)
        return SingularValues(rows: d.rows, columns: d.columns, singularValues: d.singularValues,
                              diagnostics: d.diagnostics)
    }

    /// A = U·Σ·Vᵀ from AᵀA = V·Λ·Vᵀ: σᵢ = √λᵢ and uᵢ = A·vᵢ/σᵢ, which loses orthogonality as
    /// ε·κ² grows.
    ///
    /// - Parameters:
    ///   - a: A, m×n, non-empty, with finite entries.
    ///   - vectors: `.thin`, `.full` or `.none`.
    /// - Returns: U, σ₁ ≥ … ≥ σ_p ≥ 0 and V, oriented by the sign convention.
    /// - Throws: `SVDError` for an empty matrix or a non-finite entry, or when the
    ///   Jacobi eigenvalue iteration does not converge.
    /// - Complexity: O(m·n²) to form AᵀA and U, plus O(sweeps·n³) for the eigendecomposition.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func decompose<Scalar: SVDScalar>(_ a: Matrix<Scalar>, vectors: SingularVectors) throws(SVDError)
        -> SingularValueDecomposition<Scalar>
    {
        // See `singularValues(of:)`.
        if let a = a as? Matrix<Double> {
            return try computeDecomposition(a, vectors: vectors) as! SingularValueDecomposition<Scalar>
        }
        if let a = a as? Matrix<Float> {
            return try computeDecomposition(a, vectors: vectors) as! SingularValueDecomposition<Scalar>
        }
        return try computeDecomposition(a, vectors: vectors)
    }

    private func computeDecomposition<Scalar: SVDScalar>(_ a: Matrix<Scalar>, vectors: SingularVectors) throws(SVDError)
        -> SingularValueDecomposition<Scalar>
    {
        try SVDError.validate(a)
        if a.rows < a.columns {
            let t = try computeDecomposition(a.transposed, vectors: vectors)
            return orientedBySignConvention(rows: a.rows, columns: a.columns, u: t.v,
                                            singularValues: t.singularValues, v: t.u, diagnostics: t.diagnostics)
        }
        // Scale by a power of two first, exactly as the Jacobi SVD does, so that AᵀA cannot
        // overflow; the comparison between the two methods is then about rounding alone.
        let scale = ExactScaling(toUnitMaximum: a)
        let scaled = scale.applied(to: a)
        let gram = scaled.transposeTimes(scaled)
        let eigen = try SymmetricEigendecomposition(symmetric: gram)
        // Rounding can make tiny eigenvalues negative; √ of a negative number would be NaN.
        let sigma = eigen.eigenvalues.map { $0 > 0 ? $0.squareRoot() : 0 }
        let v = eigen.eigenvectors
        let av = scaled * v
        let nonzero = sigma.prefix { $0 > 0 }.count
        var u = Matrix<Scalar>(rows: a.rows, columns: nonzero)
        for j in 0..<nonzero {
            for i in 0..<a.rows { u[i, j] = av[i, j] / sigma[j] }
        }
        u = completingOrthonormalColumns(u, to: vectors == .full ? a.rows : a.columns)
        return orientedBySignConvention(rows: a.rows, columns: a.columns, u: u,
                                        singularValues: sigma.map(scale.undo), v: v,
                                        diagnostics: eigen.diagnostics)
    }
}
