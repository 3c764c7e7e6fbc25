/// # The preconditioning factorization of one-sided Jacobi: A·P = Q·R
///
/// Step 3 of `OneSidedJacobi`: Jacobi runs on Rᵀ from a QR factorization of A with column
/// pivoting (`HouseholderQR`), or, for the singular values alone and when vectors are wanted and
/// R is well conditioned after its rows are scaled, on R·Q₂ from one more QR factorization
/// (`secondFactorization(of:)` below; otherwise possibly on a factor of two more:
/// `VectorsBySubstitution.swift`). For a matrix at least twice as tall as wide it is
/// computed in two stages, as LAPACK's `dgesvd` does for m ≫ n:
///
///     A = Q₀·R₀        without pivoting: blocked, most of the flops at matrix-product speed
///     R₀·P = Q₁·R      with pivoting, on the n×n factor R₀
///
/// so that A·P = (Q₀·Q₁)·R. Pivoting needs the column norms downdated after every reflector,
/// which keeps a pivoted factorization in level-2 loops; in two stages those loops run on n rows
/// instead of m. Measured (release, `-target-cpu native`, CPU time, medians of 7): 10000×100
/// A·P = Q·R in 24.6 ms with pivoting directly, 19 ms in two stages.
///
/// Accuracy is that of one pivoted factorization: both stages are backward stable column by
/// column (see `HouseholderQR`), and R₀ has the column norms of A up to rounding, so R₀·P is the
/// same matrix as A·P in the sense that matters for Jacobi (a column-graded A stays graded).
struct JacobiPreconditioner<Scalar: SVDScalar> {
    /// Q₀, R₀ of the first stage, when there is one.
    private let unpivoted: HouseholderQR<Scalar>?
    /// Q₁, R, P: the pivoted factorization of R₀, or of A itself.
    private let pivoted: HouseholderQR<Scalar>

    /// Factors `a` (m ≥ n).
    init(_ a: Matrix<Scalar>) {
        if a.rows >= 2 * a.columns {
            let first = HouseholderQR(a)
            unpivoted = first
            pivoted = HouseholderQR(first.r, pivoting: true)
        } else {
            unpivoted = nil
            pivoted = HouseholderQR(a, pivoting: true)
        }
    }

    /// R, the n×n upper triangular factor.
    var r: Matrix<Scalar> { pivoted.r }

    /// Rᵀ, the n×n lower triangular matrix Jacobi is applied to.
    var rTransposed: Matrix<Scalar> { pivoted.rTransposed }

    /// Column k of A·P is column `permutation[k]` of A.
    var permutation: [Int] { pivoted.permutation }

    /// Q·[C; 0] = Q₀·(Q₁·C) for an n×k matrix C (see `HouseholderQR.q(times:)`).
    func q(times c: Matrix<Scalar>) -> Matrix<Scalar> {
        let product = pivoted.q(times: c)
        return unpivoted?.q(times: product) ?? product
    }
}

extension JacobiPreconditioner {
    /// X = R·Q₂ = R₂ᵀ, from one more QR factorization Rᵀ = Q₂·R₂ without pivoting: Drmač and
    /// Veselić's second preconditioning, for the sweeps that accumulate no rotations (singular
    /// values alone, as in `dgejsv`, and the route of `VectorsBySubstitution.swift`). Q₂ is never
    /// formed.
    ///
    /// X is lower triangular with the singular values of R, and its columns start closer to
    /// orthogonal: the Gram matrix the sweeps see moves from H = R·Rᵀ = R₂ᵀ·R₂ to R₂·R₂ᵀ, one
    /// step of the Cholesky (LR) iteration on H, which shifts weight onto the diagonal. Measured
    /// (release, `-target-cpu native`, values only): rotations 412 175 → 277 329 on the graded
    /// 500×500 benchmark matrix, 872 546 → 825 860 on the Gaussian 500×500 one; time, runs with
    /// one and two factorizations interleaved: Gaussian 500×500 8–20 % faster in six rounds of
    /// six, 1000×1000 5–17 % (two rounds), 200×200 4–6 % (three); graded 500×500 5 % faster
    /// judged by profile shares against the first QR, even in time within the machine's spread.
    ///
    /// Accuracy: Householder QR is columnwise backward stable on Rᵀ, so X = (R + δR)·Q₂ with each
    /// row of δR of about ε relative to the same row of R. That keeps the row scaling the
    /// relative accuracy of Jacobi depends on (`OneSidedJacobi`, Accuracy).
    static func secondFactorization(of r: Matrix<Scalar>) -> Matrix<Scalar> {
        HouseholderQR(r.transposed).rTransposed
    }
}
