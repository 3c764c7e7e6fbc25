import SVDFoundation

/// # The preconditioning factorization of one-sided Jacobi: A·P = Q·R
///
/// Step 3 of `OneSidedJacobi`: Jacobi runs on Rᵀ from a QR factorization of A with column
/// pivoting (`HouseholderQR`), or, when vectors are wanted and R is well conditioned after its
/// rows are scaled, on R·Q₂ from one more QR factorization (and otherwise possibly on a factor of
/// two more: `VectorsBySubstitution.swift`). For a matrix at least twice as tall as wide it is
/// computed in two stages, as LAPACK's `dgesvd` does for m ≫ n:
///
///     A = Q₀·R₀        without pivoting: blocked, most of the flops at matrix-product speed
///     R₀·P = Q₁·R      with pivoting, on the n×n factor R₀
///
/// so that A·P = (Q₀·Q₁)·R. Pivoting needs the column norms downdated after every reflector,
/// which keeps a pivoted factorization in level-2 loops; in two stages those loops run on n rows
/// instead of m (the time saved on tall matrices: Benchmarks/RESULTS.md, "What bought what").
///
/// Accuracy is that of one pivoted factorization: both stages are backward stable column by
/// column (see `HouseholderQR`), and R₀ has the column norms of A up to rounding, so R₀·P is the
/// same matrix as A·P in the sense that matters for Jacobi (a column-graded A stays graded).
struct JacobiPreconditioner<Scalar: SVDScalar> {
    /// Q₀, R₀ of the first stage, when there is one.
    private let unpivoted: HouseholderQR<Scalar>?
    /// Q₁, R, P: the pivoted factorization of R₀, or of A itself.
    private let pivoted: HouseholderQR<Scalar>
    /// When the rows of A are graded out of order, the order they were factored in (row k of Π·A
    /// is row `rowOrder[k]` of A; `RowSorting.swift`); nil when they were factored as they are.
    private let rowOrder: [Int]?

    /// Factors `a` (m ≥ n).
    init(_ a: Matrix<Scalar>) {
        rowOrder = a.rowOrderForRowwiseStability()
        if let rowOrder {
            // Π·A·P = Q·R in one pivoted factorization, which row sorting makes row-wise stable
            // (the unpivoted first stage of a tall matrix is not covered by that analysis).
            unpivoted = nil
            pivoted = HouseholderQR(a.rows(inOrder: rowOrder), pivoting: true)
        } else if a.rows >= 2 * a.columns {
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

    /// Q·[C; 0] = Q₀·(Q₁·C) for an n×k matrix C (see `HouseholderQR.q(times:)`), with its rows
    /// put back in A's order when the rows were sorted (A·P = Πᵀ·Q·R).
    func q(times c: Matrix<Scalar>) -> Matrix<Scalar> {
        let product = pivoted.q(times: c)
        if let rowOrder { return product.rowsMoved(to: rowOrder) }
        return unpivoted?.q(times: product) ?? product
    }
}
