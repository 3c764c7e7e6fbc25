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
/// Only `Float` and `Double` have SIMD vectors, hence the `SIMDScalar` constraint; the randomized
/// SVD that needs this product is meant for large matrices, where `Float80` is not of interest.
///
/// - Complexity: 2·m·n·p flops. Measured on one core of the development machine (baseline
///   x86-64, SSE2, optimized debug build): 6–7 GFLOP/s in Double for 4096×4096 times 4096×210,
///   12–20 GFLOP/s in Float for 4096×4096 times a batch of 32 columns.

/// The inner-dimension slab: 256 entries of a column of B (2 KB in Double) per register tile.
let depthBlock = 256
/// The row chunk of A kept in cache while it meets every column of B.
let rowBlock = 128

/// C = A·B for column-major A (m×p) and B (p×n), cache-blocked and register-tiled (see above).
@_specialize(exported: true, where Scalar == Float)
@_specialize(exported: true, where Scalar == Double)
public func blockedProduct<Scalar: SVDScalar & SIMDScalar>(_ a: Matrix<Scalar>, _ b: Matrix<Scalar>) -> Matrix<Scalar> {
    precondition(a.columns == b.rows, "Cannot multiply \(a.rows)×\(a.columns) by \(b.rows)×\(b.columns)")
    let m = a.rows, inner = a.columns, n = b.columns
    var c = Matrix<Scalar>(rows: m, columns: n)
    guard m > 0, n > 0, inner > 0 else { return c }
    let fullColumns = n - n % 4
    a.elements.withUnsafeBufferPointer { aBuffer in
        b.elements.withUnsafeBufferPointer { bBuffer in
            c.elements.withUnsafeMutableBufferPointer { cBuffer in
                let aBase = aBuffer.baseAddress!, bBase = bBuffer.baseAddress!, cBase = cBuffer.baseAddress!
                for p0 in stride(from: 0, to: inner, by: depthBlock) {
                    let depth = min(depthBlock, inner - p0)
                    for i0 in stride(from: 0, to: m, by: rowBlock) {
                        let rowEnd = min(i0 + rowBlock, m)
                        let fullRowEnd = i0 + (rowEnd - i0) / 8 * 8
                        for j in stride(from: 0, to: fullColumns, by: 4) {
                            for i in stride(from: i0, to: fullRowEnd, by: 8) {
                                multiplyTile(a: aBase + i + p0 * m, rowsOfA: m,
                                             b: bBase + p0 + j * inner, rowsOfB: inner,
                                             c: cBase + i + j * m, rowsOfC: m, depth: depth)
                            }
                            multiplyEdge(aBase, bBase, cBase, m: m, inner: inner, rows: fullRowEnd..<rowEnd,
                                         columns: j..<(j + 4), depth: p0..<(p0 + depth))
                        }
                        multiplyEdge(aBase, bBase, cBase, m: m, inner: inner, rows: i0..<rowEnd,
                                     columns: fullColumns..<n, depth: p0..<(p0 + depth))
                    }
                }
            }
        }
    }
    return c
}

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
private func multiplyEdge<Scalar: SVDScalar>(
    _ a: UnsafePointer<Scalar>, _ b: UnsafePointer<Scalar>, _ c: UnsafeMutablePointer<Scalar>,
    m: Int, inner: Int, rows: Range<Int>, columns: Range<Int>, depth: Range<Int>
) {
    guard !rows.isEmpty, !columns.isEmpty else { return }
    for j in columns {
        for p in depth {
            let factor = b[p + j * inner]
            for i in rows { c[i + j * m] += a[i + p * m] * factor }
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
@_specialize(exported: true, where Scalar == Float)
@_specialize(exported: true, where Scalar == Double)
public func blockedTranspose<Scalar: SVDScalar>(_ a: Matrix<Scalar>) -> Matrix<Scalar> {
    let m = a.rows, n = a.columns
    var t = Matrix<Scalar>(rows: n, columns: m)
    let tile = 32
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
