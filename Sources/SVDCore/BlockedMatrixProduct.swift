import SVDFoundation

/// # A fast matrix product for large matrices
///
/// `Matrix.*` is the textbook triple loop in axpy order: clear, and fast enough for the
/// matrices of a few hundred rows that the exercises decompose. For a 4096×4096 matrix times a
/// 4096×210 block (the randomized SVD) or a batch of inputs times a weight matrix (the low-rank
/// layer) it is memory-bound: every column of A is fetched from main memory once per column of B.
/// `blockedProduct` computes the same C = A·B with the two classical remedies of a BLAS `gemm`
/// (Goto & van de Geijn 2008), minus packing:
///
/// 1. **Cache blocking.** The inner dimension is cut into slabs of `depthBlock` = 256 and the rows
///    of A into chunks of `rowBlock` = 128. One chunk of A (128×256 entries: 256 KB in Double)
///    stays in the 2 MB level-2 cache while it is used against *every* column of B, so A is read
///    from main memory once instead of once per column of B.
/// 2. **Register tiling.** The innermost kernel keeps an 8×4 tile of C in registers (four
///    `SIMD8` accumulators) and, for each step p of the inner dimension, loads 8 entries of
///    column p of A once and uses them for 4 columns: 32 multiply–adds per 8 + 4 loads.
///
/// Each entry of C is still the sum Σₚ aᵢₚ·bₚⱼ accumulated in increasing p (in slabs), so the
/// rounding error is that of the textbook product: |C − fl(C)| ≤ γₙ·|A|·|B| entrywise, γₙ ≈ n·ε
/// (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §3.5).
///
/// The engine, `addProduct` (C ← C + A·B), works on `MatrixView`s, so that the blocked Householder
/// QR can multiply blocks of its storage in place; `transposedProduct` (W = AᵀB, for Yᵀ·C in the
/// WY form) sums each entry in eight partial sums, whose rounding bound is the same γₙ·|A|ᵀ|B|.
///
/// Only `Float` and `Double` have SIMD vectors, hence the `SIMDScalar` constraint. The randomized
/// SVD calls `blockedProduct` directly; the Householder QR, which must also run in `Float80`,
/// goes through `anyAddProduct` and `anyTransposedProduct` (`CompactWY.swift`), which fall back
/// to plain loops for other scalar types.
///
/// - Complexity: 2·m·n·p flops (the rates measured: Benchmarks/RESULTS.md, "Tunable parameters").

/// The inner-dimension slab: 256 entries of a column of B (2 KB in Double) per register tile.
///
/// [TP] Tunable: with `rowBlock`, sized so that the slab of A (256 KB in Double) stays in the
/// level-2 cache (Benchmarks/RESULTS.md, "Tunable parameters").
let depthBlock = 256
/// The row chunk of A kept in cache while it meets every column of B.
///
/// [TP] Tunable: see `depthBlock`.
let rowBlock = 128

/// C = A·B for column-major A (m×p) and B (p×n), cache-blocked and register-tiled (see above).
///
/// - Parameters:
///   - a: A, m×p.
///   - b: B, p×n.
/// - Returns: the m×n product, equal to `a * b` up to the order of the additions.
/// - Complexity: 2·m·p·n flops.
@_specialize(exported: true, where Scalar == Float)
@_specialize(exported: true, where Scalar == Double)
public func blockedProduct<Scalar: SVDScalar & SIMDScalar>(_ a: Matrix<Scalar>, _ b: Matrix<Scalar>) -> Matrix<Scalar> {
    precondition(a.columns == b.rows, "Cannot multiply \(a.rows)×\(a.columns) by \(b.rows)×\(b.columns)")
    var c = Matrix<Scalar>(rows: a.rows, columns: b.columns)
    guard !a.isEmpty, !b.isEmpty else { return c }
    a.elements.withUnsafeBufferPointer { aBuffer in
        b.elements.withUnsafeBufferPointer { bBuffer in
            c.elements.withUnsafeMutableBufferPointer { cBuffer in
                addProduct(MatrixView(UnsafeMutablePointer(mutating: aBuffer.baseAddress!), rows: a.rows,
                                      columns: a.columns, stride: a.rows),
                           MatrixView(UnsafeMutablePointer(mutating: bBuffer.baseAddress!), rows: b.rows,
                                      columns: b.columns, stride: b.rows),
                           to: MatrixView(cBuffer.baseAddress!, rows: a.rows, columns: b.columns, stride: a.rows))
            }
        }
    }
    return c
}

/// A column-major matrix in memory that belongs to someone else: column j starts at
/// `base + j·stride`. A block of a larger matrix is a view with the larger matrix's row count as
/// its stride (LAPACK's "leading dimension"), so products can work on blocks without copying them.
/// The pointer is mutable because results are written through views; the operands of a product
/// are only read (the same convention as the column kernels, which take mutable pointers too).
struct MatrixView<Scalar> {
    let base: UnsafeMutablePointer<Scalar>
    let rows: Int
    let columns: Int
    let stride: Int

    init(_ base: UnsafeMutablePointer<Scalar>, rows: Int, columns: Int, stride: Int) {
        (self.base, self.rows, self.columns, self.stride) = (base, rows, columns, stride)
    }

    subscript(i: Int, j: Int) -> Scalar {
        get { base[i + j * stride] }
        nonmutating set { base[i + j * stride] = newValue }
    }

    /// The same memory, typed as `T`: for handing a generic view to a kernel written for a
    /// concrete type, once a test has shown that `Scalar` is `T`.
    @inline(__always)
    func typed<T>(as _: T.Type) -> MatrixView<T> {
        MatrixView<T>(UnsafeMutableRawPointer(base).assumingMemoryBound(to: T.self), rows: rows, columns: columns,
                      stride: stride)
    }
}

extension Matrix {
    /// Calls `body` with the whole matrix as a view (column-major, stride = rows), for the
    /// kernels that work on views. The view must not outlive the call.
    mutating func withMutableView<Result>(_ body: (MatrixView<Scalar>) throws -> Result) rethrows -> Result {
        let (rows, columns) = (self.rows, self.columns)
        return try elements.withUnsafeMutableBufferPointer { buffer in
            try body(MatrixView(buffer.baseAddress!, rows: rows, columns: columns, stride: rows))
        }
    }
}

/// C ← C + A·B on views (the engine of `blockedProduct`, blocked and tiled as described above).
@inline(__always)
func addProduct<Scalar: SVDScalar & SIMDScalar>(_ a: MatrixView<Scalar>, _ b: MatrixView<Scalar>,
                                                to c: MatrixView<Scalar>) {
    precondition(a.columns == b.rows && c.rows == a.rows && c.columns == b.columns, "Mismatched shapes in C += A·B")
    let m = a.rows, inner = a.columns, n = b.columns
    let fullColumns = n - n % 4
    for p0 in stride(from: 0, to: inner, by: depthBlock) {
        let depth = min(depthBlock, inner - p0)
        for i0 in stride(from: 0, to: m, by: rowBlock) {
            let rowEnd = min(i0 + rowBlock, m)
            let fullRowEnd = i0 + (rowEnd - i0) / 8 * 8
            for j in stride(from: 0, to: fullColumns, by: 4) {
                for i in stride(from: i0, to: fullRowEnd, by: 8) {
                    multiplyTile(a: a.base + i + p0 * a.stride, rowsOfA: a.stride,
                                 b: b.base + p0 + j * b.stride, rowsOfB: b.stride,
                                 c: c.base + i + j * c.stride, rowsOfC: c.stride, depth: depth)
                }
                multiplyEdge(a, b, c, rows: fullRowEnd..<rowEnd, columns: j..<(j + 4), depth: p0..<(p0 + depth))
            }
            multiplyEdge(a, b, c, rows: i0..<rowEnd, columns: fullColumns..<n, depth: p0..<(p0 + depth))
        }
    }
}

/// W ← Aᵀ·B for views A (ℓ×p) and B (ℓ×k), as dot products of columns: tiles of 4 columns of A
/// against 2 of B share their loads (eight `SIMD8` partial sums, 6 loads per 8 multiply–adds).
/// The reflector blocks of `CompactWY.swift` need Yᵀ·C with Y tall and thin; forming Yᵀ first
/// would cost a copy of Y per block.
///
/// The rows are taken in slabs of `transposedProductSlab`: all of W gets the slab's part of its
/// dot products before the next slab starts, so that the slab of A (p columns of 1024 rows:
/// 256 KiB in Double for p = 32) is read from the level-2 cache k/2 times instead of from
/// memory. Without slabs, Yᵀ·C for the 10000-row reflector blocks of a 10000×100 QR ran at half
/// the speed of the matching C − Y·W (`addProduct`): 15 % and 9 % of a profile of U, Σ, V.
/// Each entry is still a sum of ℓ products, now in eight partial sums per slab, added slab by
/// slab: the rounding bound γ_ℓ·|A|ᵀ·|B| is the same.
///
/// With `upperTriangleOnly` (for a Gram matrix AᵀA, which is symmetric) only the entries on and
/// above the diagonal are guaranteed; tiles wholly below it are skipped, which halves the work.
@inline(__always)
func transposedProduct<Scalar: SVDScalar & SIMDScalar>(_ a: MatrixView<Scalar>, _ b: MatrixView<Scalar>,
                                                       into w: MatrixView<Scalar>, upperTriangleOnly: Bool = false) {
    precondition(a.rows == b.rows && w.rows == a.columns && w.columns == b.columns, "Mismatched shapes in W = Aᵀ·B")
    let length = a.rows, k = b.columns
    for j in 0..<k {
        for i in 0..<a.columns { w[i, j] = 0 }
    }
    for slabStart in stride(from: 0, to: length, by: transposedProductSlab) {
        let slabEnd = min(slabStart + transposedProductSlab, length)
        let fullEnd = slabStart + (slabEnd - slabStart) / 8 * 8
        // w[i, j] += Σ a[r, i]·b[r, j] over the rows of the slab.
        func addDot(_ i: Int, _ j: Int) {
            var sum: Scalar = 0
            for r in slabStart..<slabEnd { sum += a[r, i] * b[r, j] }
            w[i, j] += sum
        }
        var j = 0
        while j + 2 <= k {
            // Rows i of W for columns j and j + 1: all, or those on and above the diagonal,
            // rounded up to whole tiles of 4 (the edge rows go through scalar dot products,
            // which made a Gram matrix without the rounding no faster than the full product).
            let p = upperTriangleOnly ? min(a.columns, (j + 2 + 3) / 4 * 4) : a.columns
            var i = 0
            while i + 4 <= p {
                let a0 = a.base + i * a.stride, a1 = a0 + a.stride, a2 = a1 + a.stride, a3 = a2 + a.stride
                let b0 = b.base + j * b.stride, b1 = b0 + b.stride
                var s00 = SIMD8<Scalar>(), s10 = SIMD8<Scalar>(), s20 = SIMD8<Scalar>(), s30 = SIMD8<Scalar>()
                var s01 = SIMD8<Scalar>(), s11 = SIMD8<Scalar>(), s21 = SIMD8<Scalar>(), s31 = SIMD8<Scalar>()
                for r in stride(from: slabStart, to: fullEnd, by: 8) {
                    let x0 = loadVector(b0 + r), x1 = loadVector(b1 + r)
                    let y0 = loadVector(a0 + r), y1 = loadVector(a1 + r)
                    let y2 = loadVector(a2 + r), y3 = loadVector(a3 + r)
                    s00 = y0 * x0 + s00; s10 = y1 * x0 + s10; s20 = y2 * x0 + s20; s30 = y3 * x0 + s30
                    s01 = y0 * x1 + s01; s11 = y1 * x1 + s11; s21 = y2 * x1 + s21; s31 = y3 * x1 + s31
                }
                func finish(_ partial: SIMD8<Scalar>, _ di: Int, _ dj: Int) {
                    var total = partial.sum()
                    for r in fullEnd..<slabEnd { total += a[r, i + di] * b[r, j + dj] }
                    w[i + di, j + dj] += total
                }
                finish(s00, 0, 0); finish(s10, 1, 0); finish(s20, 2, 0); finish(s30, 3, 0)
                finish(s01, 0, 1); finish(s11, 1, 1); finish(s21, 2, 1); finish(s31, 3, 1)
                i += 4
            }
            for iEdge in i..<p { addDot(iEdge, j); addDot(iEdge, j + 1) }
            j += 2
        }
        if j < k { for i in 0..<(upperTriangleOnly ? min(a.columns, j + 1) : a.columns) { addDot(i, j) } }
    }
}

/// Rows per slab of `transposedProduct`.
///
/// [TP] Tunable: the slab of the two operands (8 KB per column in Double) stays in cache while
/// every pair of columns meets (Benchmarks/RESULTS.md, "Tunable parameters").
let transposedProductSlab = 1024

/// C[0..<8, 0..<4] += A[0..<8, 0..<depth] · B[0..<depth, 0..<4] on raw pointers (column-major,
/// with the given leading dimensions): the register tile.
@inline(__always)
private func multiplyTile<Scalar: SVDScalar & SIMDScalar>(
    a: UnsafePointer<Scalar>, rowsOfA: Int, b: UnsafePointer<Scalar>, rowsOfB: Int,
    c: UnsafeMutablePointer<Scalar>, rowsOfC: Int, depth: Int
) {
    let b0 = b, b1 = b + rowsOfB, b2 = b + 2 * rowsOfB, b3 = b + 3 * rowsOfB
    var c0 = loadVector(c), c1 = loadVector(c + rowsOfC)
    var c2 = loadVector(c + 2 * rowsOfC), c3 = loadVector(c + 3 * rowsOfC)
    for p in 0..<depth {
        let column = loadVector(a + p * rowsOfA)
        // a*b + c, not addingProduct: without a guaranteed FMA unit the latter becomes a libm call.
        c0 = column * b0[p] + c0
        c1 = column * b1[p] + c1
        c2 = column * b2[p] + c2
        c3 = column * b3[p] + c3
    }
    storeVector(c0, c)
    storeVector(c1, c + rowsOfC)
    storeVector(c2, c + 2 * rowsOfC)
    storeVector(c3, c + 3 * rowsOfC)
}

/// The rows and columns that do not fill a whole 8×4 tile, by plain loops.
@inline(__always)
private func multiplyEdge<Scalar: SVDScalar>(_ a: MatrixView<Scalar>, _ b: MatrixView<Scalar>,
                                             _ c: MatrixView<Scalar>,
                                             rows: Range<Int>, columns: Range<Int>, depth: Range<Int>) {
    guard !rows.isEmpty, !columns.isEmpty else { return }
    for j in columns {
        for p in depth {
            let factor = b[p, j]
            for i in rows { c[i, j] += a[i, p] * factor }
        }
    }
}

@inline(__always)
private func loadVector<Scalar: SIMDScalar>(_ pointer: UnsafePointer<Scalar>) -> SIMD8<Scalar> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Scalar>.self)
}

@inline(__always)
private func loadVector<Scalar: SIMDScalar>(_ pointer: UnsafeMutablePointer<Scalar>) -> SIMD8<Scalar> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Scalar>.self)
}

@inline(__always)
private func storeVector<Scalar: SIMDScalar>(_ vector: SIMD8<Scalar>, _ pointer: UnsafeMutablePointer<Scalar>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: SIMD8<Scalar>.self)
}

/// Aᵀ as a new matrix, copied in 32×32 tiles so that both the reads and the writes stay within a
/// few cache lines at a time (the naive loop strides through memory on one side and costs several
/// times more on large matrices).
///
/// - Parameter a: A, m×n.
/// - Returns: Aᵀ, n×m.
/// - Complexity: O(m·n).
@_specialize(exported: true, where Scalar == Float)
@_specialize(exported: true, where Scalar == Double)
public func blockedTranspose<Scalar: SVDScalar>(_ a: Matrix<Scalar>) -> Matrix<Scalar> {
    let m = a.rows, n = a.columns
    var t = Matrix<Scalar>(rows: n, columns: m)
    let tile = 32   // [TP] Tunable: 32×32 Doubles (8 KB) on each side fit the level-1 cache.
    a.elements.withUnsafeBufferPointer { source in
        t.elements.withUnsafeMutableBufferPointer { target in
            for j0 in stride(from: 0, to: n, by: tile) {
                for i0 in stride(from: 0, to: m, by: tile) {
                    for j in j0..<min(j0 + tile, n) {
                        for i in i0..<min(i0 + tile, m) { target[j + i * n] = source[i + j * m] }
                    }
                }
            }
        }
    }
    return t
}
