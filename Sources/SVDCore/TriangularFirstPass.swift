import SVDFoundation

/// # A first pass that uses the triangle
///
/// ## Purpose
/// One-sided Jacobi in this suite always starts on a lower triangular n×n matrix X (Rᵀ from the
/// pivoted QR of `JacobiPreconditioner`, or R₂ᵀ, R′ᵀ in `VectorsBySubstitution.swift`). This
/// pass rotates blocks of its columns among themselves before the full sweeps begin, each block
/// on the rows where it can be nonzero, and so does part of the work on smaller matrices. It is
/// the pass LAPACK's `dgesvj` makes for a lower triangular input, which is how `dgejsv` calls it
/// (Drmač and Veselić 2008, "quasi block-cycling").
///
/// ## Why the rows can be cut
/// Column j of X is zero above row j. A rotation replaces columns p < q by combinations of both,
/// zero above row p; so as long as only columns k, …, n−1 are rotated among themselves, they stay
/// zero above row k, exactly (a rotation of two zeros is zero). Jacobi on those columns is
/// therefore Jacobi on the (n−k)×(n−k) trailing block of X, and the pass costs no accuracy:
/// every rotation is the one a full sweep would compute for the same two columns, only the order
/// of the pairs differs, and the relative accuracy of one-sided Jacobi (Demmel and Veselić 1992)
/// holds for any order.
///
/// ## The pass
/// With n₂ = ⌊n/2⌋ splitting the columns in halves and n₁ = ⌊n₂/2⌋, n₃ = n₂ + ⌊(n − n₂)/2⌋
/// splitting each half in quarters, one sweep (`JacobiSweep`) over each block of columns, in
/// this order, on the rows from the block's first column down:
///
///     columns n₃…n−1      rows n₃…n−1    the last quarter, on a quarter of the rows
///     columns n₂…n₃−1     rows n₂…n−1    the third quarter
///     columns n₂…n−1      rows n₂…n−1    the second half as a whole
///     columns n₁…n₂−1     rows n₁…n−1    the second quarter
///     columns 0…n₁−1      all rows       the first quarter
///     columns 0…n₂−1      all rows       the first half as a whole
///
/// The pairs between the two halves are left to the full sweeps. (`dgesvj` sweeps the last two
/// quarters twice each, and in the third and sixth steps visits only the pairs between the two
/// quarters; one sweep over the whole half is simpler, and measured fewer pairs in all than two
/// sweeps per quarter.) Deeper recursion, quarters of quarters and so on, measured no better.
///
/// ## What it bought
/// The pass costs about half a sweep (its dot products read about 0.27·n³ entries, a sweep's
/// n³/2), and saves one full sweep on every matrix measured, more the more graded the matrix
/// (the counts and times: Benchmarks/RESULTS.md, "What bought what").
struct TriangularFirstPass<Scalar: SVDScalar> {
    /// The n×n lower triangular matrix X, column-major.
    let x: UnsafeMutablePointer<Scalar>
    let order: Int
    /// The distance from the start of one column of X to the next (at least `order`).
    let columnStride: Int
    /// The n×n accumulated rotations, column-major, or nil when V is not wanted.
    let v: UnsafeMutablePointer<Scalar>?
    /// The distance from the start of one column of V to the next (at least `order`).
    let vColumnStride: Int
    /// Pairs with |cos ∠(x_p, x_q)| ≤ tolerance are left alone, as in the sweeps.
    let tolerance: Scalar

    init(x: UnsafeMutablePointer<Scalar>, order: Int, columnStride: Int? = nil, v: UnsafeMutablePointer<Scalar>?,
         vColumnStride: Int? = nil, tolerance: Scalar) {
        self.x = x
        self.order = order
        self.columnStride = columnStride ?? order
        self.v = v
        self.vColumnStride = vColumnStride ?? order
        self.tolerance = tolerance
    }

    /// The blocks of columns of the pass, in order; each is swept on the rows from its first
    /// column down.
    static func blocks(order n: Int) -> [Range<Int>] {
        let half = n / 2, quarter = half / 2, threeQuarters = half + (n - half) / 2
        return [threeQuarters..<n, half..<threeQuarters, half..<n, quarter..<half, 0..<quarter, 0..<half]
    }

    /// Makes the pass and returns the number of rotations it applied.
    func run() -> Int {
        var rotations = 0
        for block in Self.blocks(order: order) where block.count >= 2 {
            let top = block.lowerBound
            // Columns top… of X from row top down, and the same columns of V, in full.
            let sweep = JacobiSweep(g: x + top * columnStride + top, rows: order - top, columns: block.count,
                                    columnStride: columnStride, v: v.map { $0 + top * vColumnStride }, vRows: order,
                                    vColumnStride: vColumnStride,
                                    tolerance: tolerance)
            // Each block is swept once, so there is nothing for a memory to remember.
            var memory = PairMemory(columns: block.count)
            rotations += sweep.run(memory: &memory).rotations
        }
        return rotations
    }
}
