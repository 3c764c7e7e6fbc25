import RealModule
import SVDFoundation

/// The Householder QR factorization A·P = Q·R of a matrix with m ≥ n, with or without column
/// pivoting: Q with orthonormal columns, R upper triangular, backward stable column by column.
///
/// ## Purpose
/// Writes a tall m×n matrix as an orthonormal basis of its column space times a small triangle:
/// A·P = Q·R with Q m×n, QᵀQ = I, R n×n upper triangular, and P a permutation of the columns
/// (P = I without pivoting). The suite uses it three ways:
/// - **Orthonormal bases** (`thinQ()`, no pivoting): the randomized SVD orthonormalizes its
///   sample Y = A·Ω, and synthetic test layers draw Haar-random orthonormal factors from the Q of
///   a Gaussian matrix.
/// - **Shrinking a tall matrix** (`r`, no pivoting): A and R have the same singular values, so
///   the randomized SVD decomposes the ℓ×ℓ factor R of Bᵀ instead of the n×ℓ matrix Bᵀ.
/// - **Preconditioning one-sided Jacobi** (`pivoting: true`, `rTransposed`, `q(times:)`,
///   `permutation`): Jacobi runs on the n×n matrix Rᵀ instead of A (Drmač and Veselić 2008);
///   for the vectors, when R is well conditioned once its rows are scaled, on R₂ᵀ from an
///   unpivoted QR of Rᵀ = Q₂·R₂ instead, and otherwise possibly on the same for R′ from a
///   pivoted QR Rᵀ·P′ = Q′·R′ (`VectorsBySubstitution.swift`).
///   With pivoting the rows of R decrease strongly in norm, so the columns of Rᵀ start out nearly
///   orthogonal and graded, and Jacobi needs fewer rotations than on A (measured with the same
///   sweep code, before `TriangularFirstPass` existed: 538 590 → 412 175 on the graded 500×500
///   benchmark matrix, −23 %; at most one sweep fewer; no gain on a Gaussian tall matrix beyond
///   working on n rows instead of m). Accuracy is kept: R = Dᵣ·R₁ with Dᵣ = diag(|rₖₖ|) and R₁ well
///   conditioned in practice, so Rᵀ = R₁ᵀ·Dᵣ is again "well conditioned times diagonal", the form
///   on which one-sided Jacobi computes every singular value to high relative accuracy.
///
/// ## Algorithm (Golub and Van Loan, *Matrix Computations*, 4th ed., §5.2.2 and §5.4.2)
/// For k = 0, 1, …, n−1, the reflector Hₖ = I − τₖ·vₖvₖᵀ (see `HouseholderReflector.swift`)
/// maps the part of column k on and below the diagonal, x = A[k..<m, k], onto β·e₁ with
/// β = −sign(x₁)·‖x‖₂, the sign that avoids cancellation in v₁ = x₁ − β. Hₖ is applied to the
/// columns to the right; then rows 0…k of the matrix are final rows of R. After n steps
/// Hₙ₋₁⋯H₁H₀·A·P = [R; 0], so Q = H₀H₁⋯Hₙ₋₁·[I; 0].
///
/// **Column pivoting** (Businger and Golub 1965): before step k, the remaining column with the
/// largest norm below row k is swapped into position k. Then |rₖₖ| is the largest distance of a
/// remaining column from the span of the columns already chosen, so
/// |r₀₀| ≥ |r₁₁| ≥ … ≥ |rₙ₋₁,ₙ₋₁|, and a rank deficiency shows as a tail of tiny |rₖₖ|.
/// Recomputing the norms at every step would add half the cost of the factorization; instead
/// each is *downdated*: Hₖ is orthogonal and rₖⱼ is the entry that leaves the part below row k,
/// so the norm νⱼ of column j below the current row satisfies νⱼ(new)² = νⱼ² − rₖⱼ², i.e.
/// νⱼ(new) = νⱼ·√((1 − ρ)(1 + ρ)) with ρ = |rₖⱼ|/νⱼ. The factored form is exact for the ρ it is
/// given, but ρ carries rounding errors of order ε, which swamp 1 − ρ² once it is small: after
/// downdates have removed most of a column's length, the remainder keeps only the digits that
/// survived the cancellation. Safeguard (LAPACK `dlaqp2`; Drmač and Bujanović 2008): with ν̂ⱼ
/// the value when the norm was last computed from the column, it is computed afresh whenever
/// (1 − ρ)(1 + ρ)·(νⱼ/ν̂ⱼ)² = (νⱼ(new)/ν̂ⱼ)² ≤ √ε, i.e. once ν̂ⱼ² has lost about half its digits.
///
/// ## Storage
/// LAPACK's compact form (`dgeqrf`, `dgeqp3`): R on and above the diagonal, below the diagonal
/// of column k the vector vₖ without its leading 1, and τₖ apart. Q is never formed unless asked:
/// `q(times:)` applies Hₙ₋₁ first, then …, H₀, to [C; 0] (LAPACK `dormqr`), and `thinQ()` does so
/// to [I; 0], skipping the columns that a block of reflectors provably leaves unchanged (`dorgqr`).
///
/// ## Blocking
/// Reflectors are applied to other columns 32 at a time, as one matrix I − Y·T·Yᵀ (the compact WY
/// form, `CompactWY.swift`), so that the work is matrix products rather than one pass over the
/// matrix per reflector: in `q(times:)`, `thinQ()` and, without pivoting, in the factorization
/// itself, which factors a panel of 32 columns at a time and then updates all later columns at
/// once (LAPACK `dgeqrf`). The panel itself is split in halves down to 8 columns, each half's
/// reflectors applied to the other half as one block (the recursive panel of Elmroth and
/// Gustavson; its times are in Benchmarks/RESULTS.md, "What bought what"). With pivoting, the
/// choice of column k needs every column's norm updated by reflector k − 1, so the factorization stays one reflector at a time (`dgeqp3`
/// blocks half of that work by a more elaborate scheme; not done here).
///
/// ## Accuracy
/// Backward stable (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §19.3,
/// Thm 19.4): the computed R is the exact R of A·P + ΔA with ‖Δaⱼ‖₂ ≤ c·m·n·ε·‖aⱼ‖₂ for every
/// column j — a columnwise bound, so a column-graded A = B·D stays B·D-accurate — and the computed
/// Q is within about √n·m·n·ε of an orthonormal matrix (a few ε·√m in practice), whatever the
/// condition of A. Gram–Schmidt does not promise
/// the latter (classical Gram–Schmidt loses orthogonality in proportion to κ(A)²), which is why
/// the randomized SVD, whose samples are nearly dependent after power iterations, uses reflectors.
/// Pivoting changes only the order of the columns, not these bounds.
///
/// - Complexity: 2mn² − 2n³/3 flops for R, as much again for `thinQ()`, 4mnk − 2n²k for
///   `q(times:)` with k columns; pivoting adds O(mn) for the norms (plus a recomputation now and
///   then).
public struct HouseholderQR<Scalar: SVDScalar>: Sendable {
    /// R on and above the diagonal, the reflector vectors vₖ (without their leading 1) below it.
    private var factors: Matrix<Scalar>
    /// τₖ of each reflector; 0 means Hₖ = I (the column was already zero below the diagonal).
    private var tau: [Scalar]
    /// Column k of A·P is column `permutation[k]` of A (0..<n in order without pivoting).
    public private(set) var permutation: [Int]
    /// Without pivoting, the T of the WY form (`CompactWY.swift`) of each panel of `blockSize`
    /// reflectors but the last, formed for the update of the later columns and kept for applying
    /// Q, which needs the very same blocks (10000×100: 3 of its 4 blocks; forming them again
    /// was about 4 % of U, Σ, V). Empty with pivoting.
    private var panelFactors: [Matrix<Scalar>]

    /// Factors `a`, which must have at least as many rows as columns.
    ///
    /// - Parameters:
    ///   - a: A, m×n with m ≥ n.
    ///   - pivoting: whether to choose at each step the remaining column of largest
    ///     norm (A·P = Q·R with |rₖₖ| non-increasing); without it P = I.
    /// - Complexity: 2mn² − 2n³/3 flops; pivoting adds O(mn).
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
    @_specialize(exported: true, where Scalar == Float80)
    #endif
    public init(_ a: Matrix<Scalar>, pivoting: Bool = false) {
        let m = a.rows, n = a.columns
        precondition(m >= n, "Householder QR needs at least as many rows as columns, got \(m)×\(n)")
        var factors = a
        var tau = [Scalar](repeating: 0, count: n)
        var permutation = Array(0..<n)
        var panelFactors: [Matrix<Scalar>] = []
        factors.elements.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            func column(_ j: Int) -> UnsafeMutablePointer<Scalar> { base + j * m }
            var norms = pivoting ? PartialColumnNorms(count: n) { safeColumnNorm(column($0), count: m) } : nil

            // Reflector k made from column k and applied to columns k+1..<end one at a time (with
            // pivoting, first the remaining column of largest norm moves to position k).
            func factorColumnsOneByOne(_ columns: Range<Int>) {
                for k in columns {
                    if let pivot = norms?.indexOfLargest(from: k), pivot != k {
                        swapColumns(column(k), column(pivot), count: m)
                        norms?.swapAt(k, pivot)
                        permutation.swapAt(k, pivot)
                    }
                    let v = column(k) + k
                    let length = m - k
                    tau[k] = makeHouseholderReflector(overwriting: v, count: length)
                    for j in (k + 1)..<columns.upperBound {
                        let y = column(j) + k
                        applyHouseholderReflector(tau: tau[k], v: v, to: y, count: length)
                        // y[0] = rₖⱼ is final: with pivoting, take it out of column j's norm below row k.
                        norms?.downdate(j, removing: y[0]) { safeColumnNorm(y + 1, count: length - 1) }
                    }
                }
            }

            // C ← H_{end−1}⋯H_{start}·C for the columns `later`, rows start…m−1, as one block of
            // reflectors in the WY form (see `CompactWY.swift`); returns the block's T.
            @discardableResult
            func applyReflectors(_ reflectors: Range<Int>, toColumns later: Range<Int>) -> Matrix<Scalar> {
                let block = ReflectorBlock(factors: base, rows: m, first: reflectors.lowerBound,
                                           count: reflectors.count, tau: tau)
                block.apply(to: MatrixView(column(later.lowerBound) + reflectors.lowerBound,
                                           rows: m - reflectors.lowerBound, columns: later.count, stride: m),
                            reversed: true)
                return block.t
            }

            // A panel without pivoting, recursively (Elmroth and Gustavson 2000): factor the left
            // half, apply its reflectors to the right half as one block, factor the right half.
            // One at a time, each reflector of a 32-column panel would stream the panel's later
            // columns through the processor; a 10000-row panel does not fit the level-2 cache, and
            // those loops were 29 % of the singular values of 10000×100.
            func factorPanel(_ columns: Range<Int>) {
                guard columns.count > Self.panelLeafWidth else { return factorColumnsOneByOne(columns) }
                let middle = columns.lowerBound + columns.count / 2
                factorPanel(columns.lowerBound..<middle)
                applyReflectors(columns.lowerBound..<middle, toColumns: middle..<columns.upperBound)
                factorPanel(middle..<columns.upperBound)
            }

            // With pivoting, choosing column k needs the norms downdated by every earlier
            // reflector, so the whole matrix is factored one reflector at a time. Without, the
            // columns are factored in panels of `blockSize`, and after each panel its reflectors
            // are applied to all later columns at once.
            if pivoting {
                factorColumnsOneByOne(0..<n)
            } else {
                for panelStart in stride(from: 0, to: n, by: Self.blockSize) {
                    let panelEnd = min(panelStart + Self.blockSize, n)
                    factorPanel(panelStart..<panelEnd)
                    if panelEnd < n { panelFactors.append(applyReflectors(panelStart..<panelEnd, toColumns: panelEnd..<n)) }
                }
            }
        }
        self.factors = factors
        self.tau = tau
        self.permutation = permutation
        self.panelFactors = panelFactors
    }

    /// The n×n upper triangular factor R. Its diagonal may be negative (the sign convention of
    /// the reflectors); |rₖₖ| is the distance of column k of A·P from the span of the columns
    /// before it.
    public var r: Matrix<Scalar> {
        let n = factors.columns
        return Matrix(rows: n, columns: n) { i, j in i <= j ? factors[i, j] : 0 }
    }

    /// Rᵀ, the n×n lower triangular matrix that one-sided Jacobi is applied to.
    public var rTransposed: Matrix<Scalar> {
        let n = factors.columns
        return Matrix(rows: n, columns: n) { i, j in i >= j ? factors[j, i] : 0 }
    }

    /// The m×n factor Q with orthonormal columns: H₀H₁⋯Hₙ₋₁·[I; 0].
    ///
    /// - Returns: Q, m×n, with QᵀQ = I to within a few ε·√m.
    /// - Complexity: 2mn² − 2n³/3 flops.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
    @_specialize(exported: true, where Scalar == Float80)
    #endif
    public func thinQ() -> Matrix<Scalar> {
        let m = factors.rows, n = factors.columns
        var q = Matrix<Scalar>(rows: m, columns: n)
        for j in 0..<n { q[j, j] = 1 }
        applyReflectorsInReverse(to: &q, startingFromIdentity: true)
        return q
    }

    /// Q·[C; 0] for an n×k matrix C: the m×k matrix whose columns are Q applied to the columns of
    /// C padded with m − n zeros (for the SVD A = (Q·Vₓ)·Σ·(P·Uₓ)ᵀ from R = Vₓ·Σ·Uₓᵀ).
    ///
    /// - Parameter c: C, n×k.
    /// - Returns: Q·[C; 0], m×k.
    /// - Complexity: 4mnk − 2n²k flops.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
    @_specialize(exported: true, where Scalar == Float80)
    #endif
    public func q(times c: Matrix<Scalar>) -> Matrix<Scalar> {
        let m = factors.rows, n = factors.columns
        precondition(c.rows == n, "Q·[C; 0] needs C with \(n) rows, got \(c.rows)")
        var result = Matrix<Scalar>(rows: m, columns: c.columns)
        for j in 0..<c.columns {
            for i in 0..<n { result[i, j] = c[i, j] }
        }
        applyReflectorsInReverse(to: &result, startingFromIdentity: false)
        return result
    }

    /// y ← H₀H₁⋯Hₙ₋₁·y for every column y of `result` (Hₙ₋₁ first), a block of `blockSize`
    /// reflectors at a time in the WY form (`CompactWY.swift`), the last block first, each on the
    /// rows it acts on (the gain over reflector-by-reflector loops: Benchmarks/RESULTS.md, "What bought what").
    ///
    /// When `result` starts as [I; 0], column j is still eⱼ when the block of reflectors k₀, k₀+1,
    /// … comes if j < k₀: they act on rows k₀…m−1 only, where eⱼ is zero. So the block is applied
    /// to columns j ≥ k₀ alone, which saves about a third (m = n) to a half (m ≫ n) of the flops.
    private func applyReflectorsInReverse(to result: inout Matrix<Scalar>, startingFromIdentity: Bool) {
        let m = factors.rows, n = factors.columns, columns = result.columns
        guard n > 0, columns > 0 else { return }
        let lastBlockStart = (n - 1) / Self.blockSize * Self.blockSize
        factors.elements.withUnsafeBufferPointer { reflectors in
            let storage = UnsafeMutablePointer(mutating: reflectors.baseAddress!)
            result.elements.withUnsafeMutableBufferPointer { target in
                for blockStart in stride(from: lastBlockStart, through: 0, by: -Self.blockSize) {
                    let firstColumn = startingFromIdentity ? blockStart : 0
                    guard firstColumn < columns else { continue }
                    let count = min(Self.blockSize, n - blockStart), panel = blockStart / Self.blockSize
                    let block = panel < panelFactors.count
                        ? ReflectorBlock(factors: storage, rows: m, first: blockStart, count: count,
                                         t: panelFactors[panel])
                        : ReflectorBlock(factors: storage, rows: m, first: blockStart, count: count, tau: tau)
                    block.apply(to: MatrixView(target.baseAddress! + firstColumn * m + blockStart, rows: m - blockStart,
                                               columns: columns - firstColumn, stride: m),
                                reversed: false)
                }
            }
        }
    }

    /// Reflectors per block of the WY form, and columns per panel of the unpivoted factorization:
    /// 32, LAPACK's default.
    ///
    /// [TP] Tunable: larger blocks do more of the work in matrix products, smaller ones waste
    /// less on the triangular T; measured (Benchmarks/RESULTS.md, "Tunable parameters").
    static var blockSize: Int { 32 }

    /// Columns below which a panel is factored one reflector at a time rather than split again.
    ///
    /// [TP] Tunable, measured (Benchmarks/RESULTS.md, "Tunable parameters").
    static var panelLeafWidth: Int { 8 }
}

/// The norms of the columns below the current row, kept up to date by downdating, for the
/// column pivoting of `HouseholderQR` (see its documentation for the formula and the safeguard).
private struct PartialColumnNorms<Scalar: SVDScalar> {
    /// νⱼ: the norm of column j below the current row.
    private var norms: [Scalar]
    /// ν̂ⱼ: the value of νⱼ when it was last computed from the column itself.
    private var computed: [Scalar]
    /// √ε: recompute once (1 − ρ)(1 + ρ)·(νⱼ/ν̂ⱼ)² falls to it.
    private let recomputationThreshold = Scalar.ulpOfOne.squareRoot()

    init(count: Int, norm: (Int) -> Scalar) {
        norms = (0..<count).map(norm)
        computed = norms
    }

    /// The first index j ≥ k of a largest νⱼ.
    func indexOfLargest(from k: Int) -> Int {
        var largest = k
        for j in (k + 1)..<norms.count where norms[j] > norms[largest] { largest = j }
        return largest
    }

    mutating func swapAt(_ i: Int, _ j: Int) {
        norms.swapAt(i, j)
        computed.swapAt(i, j)
    }

    /// νⱼ ← √(νⱼ² − r²) for the entry r that has just become part of R, or `recompute()` when the
    /// downdate would have cancelled about half the digits of the last computed value.
    @inline(__always)
    mutating func downdate(_ j: Int, removing r: Scalar, recompute: () -> Scalar) {
        guard norms[j] != 0 else { return }
        let ratio = abs(r) / norms[j]
        let remaining = max(0, (1 - ratio) * (1 + ratio))
        let relative = norms[j] / computed[j]
        if remaining * relative * relative <= recomputationThreshold {
            norms[j] = recompute()
            computed[j] = norms[j]
        } else {
            norms[j] *= remaining.squareRoot()
        }
    }
}
