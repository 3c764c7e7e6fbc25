import SVDFoundation

/// # Many reflectors at once: the compact WY form
///
/// ## Mathematics
/// A product of b Householder reflectors Hⱼ = I − τⱼ·vⱼvⱼᵀ is again the identity minus a matrix
/// of rank b (Schreiber and Van Loan 1989; Golub and Van Loan, *Matrix Computations*, 4th ed.,
/// §5.1.7):
///
///     H₀·H₁⋯H_{b−1} = I − Y·T·Yᵀ,
///
/// with Y = [v₀ v₁ … v_{b−1}] (ℓ×b; vⱼ has zeros above its leading 1 in row j) and T b×b upper
/// triangular. T is built one reflector at a time: T = [τ₀] for one, and appending Hⱼ gives
///
///     (I − Y·T·Yᵀ)·(I − τ·v·vᵀ) = I − [Y v]·⎡T  −τ·T·(Yᵀv)⎤·[Y v]ᵀ.
///                                          ⎣0        τ    ⎦
///
/// Since every Hⱼ is symmetric, the product in the other order is the transpose:
/// H_{b−1}⋯H₁·H₀ = (I − Y·T·Yᵀ)ᵀ = I − Y·Tᵀ·Yᵀ.
///
/// ## Why
/// Applied one at a time (`applyHouseholderReflector`), b reflectors stream the matrix C through
/// the processor b times and do one multiply–add per entry loaded: memory-bound level-2 loops.
/// In the WY form the same work is three matrix products, W = Yᵀ·C, W ← T·W and C ← C − Y·W,
/// whose large two run in the register-tiled kernels of `BlockedMatrixProduct.swift`
/// (`transposedProduct`, `addProduct`). The extra cost is forming T, about b²ℓ flops, small
/// against the 4bℓk of applying the block to k columns (Benchmarks/RESULTS.md, "What bought what").
///
/// ## Accuracy
/// Backward stable like one reflector at a time: the computed result is an exactly orthogonal
/// transformation of C plus an error of order ℓ·ε·‖C‖ times a modest function of b (Higham,
/// *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §19.5). Measured on Gaussian
/// 10000×100: the thin Q is as orthogonal as before (6.2e-15 against 6.2e-15, largest entry of
/// QᵀQ − I), and the largest entrywise distance of the unpivoted factorization's Q from the one
/// computed in Float80 is 5.9e-16 against 1.6e-16 one reflector at a time.
///
/// ## Storage
/// Y is not copied: it is read from the factorization's compact storage, where vⱼ lies below the
/// diagonal of column j. Only its top b×b part Y₁ (unit lower triangular; R occupies the storage
/// on and above the diagonal) is implicit, so products with Y = [Y₁; Y₂] are split: Y₂ is a view
/// of the storage, Y₁ is copied into a small dense matrix, and both go through the fast products
/// of `BlockedMatrixProduct.swift`, as does the small product with T.
struct ReflectorBlock<Scalar: SVDScalar> {
    /// The factorization's storage (m rows, column-major) and the block's first reflector.
    private let factors: UnsafeMutablePointer<Scalar>
    private let m: Int
    private let first: Int
    /// b, the number of reflectors.
    let count: Int
    /// T (b×b), upper triangular.
    let t: Matrix<Scalar>

    /// Entry (i, j) of Y, counting rows from the block's first row.
    private func y(_ i: Int, _ j: Int) -> Scalar {
        Self.entry(factors, m, first, i, j)
    }

    /// Entry (i, j) of the Y of the block starting at `first` in the m-row storage `factors`
    /// (for the initializer, before the stored properties are set).
    private static func entry(_ factors: UnsafeMutablePointer<Scalar>, _ m: Int, _ first: Int,
                              _ i: Int, _ j: Int) -> Scalar {
        i < j ? 0 : (i == j ? 1 : factors[(first + j) * m + first + i])
    }

    /// Y₂: the rows of Y below its top b×b part, as a view into the factorization.
    private var lowerPart: MatrixView<Scalar> {
        MatrixView(factors + first * m + first + count, rows: m - first - count, columns: count, stride: m)
    }

    /// The block of reflectors `first ..< first + count` of a factorization in LAPACK's compact
    /// form (see `HouseholderQR`): reflector k lives in column k of the m-row storage `factors`,
    /// below row k, and acts on rows k…m−1. The block acts on rows `first`…m−1.
    init(factors: UnsafeMutablePointer<Scalar>, rows m: Int, first: Int, count b: Int, tau: [Scalar]) {
        precondition(b >= 1 && first + b <= m, "A block of \(b) reflectors from \(first) does not fit \(m) rows")
        self.init(factors: factors, rows: m, first: first, count: b,
                  t: Self.triangularFactor(factors: factors, rows: m, first: first, count: b, tau: tau))
    }

    /// The same block with its T already known: the T of an earlier `ReflectorBlock` of the very
    /// same reflectors (the factorization forms it for its own update of the later columns, and
    /// applying Q later needs it again).
    init(factors: UnsafeMutablePointer<Scalar>, rows m: Int, first: Int, count b: Int, t: Matrix<Scalar>) {
        precondition(b >= 1 && first + b <= m, "A block of \(b) reflectors from \(first) does not fit \(m) rows")
        precondition(t.rows == b && t.columns == b, "T of a block of \(b) reflectors must be \(b)×\(b)")
        (self.factors, self.m, self.first, self.count, self.t) = (factors, m, first, b, t)
    }

    /// T of the block (b×b, upper triangular), by the recurrence above.
    private static func triangularFactor(factors: UnsafeMutablePointer<Scalar>, rows m: Int, first: Int,
                                         count b: Int, tau: [Scalar]) -> Matrix<Scalar> {
        // The Gram matrix G = YᵀY holds every Yᵀvⱼ the recurrence needs (column j, rows 0..<j),
        // all at once: G = Y₁ᵀY₁ + Y₂ᵀY₂, the second a fast product over the tall part. Taking
        // them one dot product at a time read the block's b columns from memory b/2 times
        // (7 % of a profile of U, Σ, V for 10000×100).
        var gram = Matrix<Scalar>(rows: b, columns: b)
        let rowsBelow = m - first - b
        if rowsBelow > 0 {
            let lower = MatrixView(factors + first * m + first + b, rows: rowsBelow, columns: b, stride: m)
            gram.withMutableView { anyTransposedProduct(lower, lower, into: $0, upperTriangleOnly: true) }
        }
        var t = Matrix<Scalar>(rows: b, columns: b)
        for j in 0..<b {
            let tauJ = tau[first + j]
            t[j, j] = tauJ
            // τ = 0 means Hⱼ = I: the new column of T is zero.
            guard j > 0, tauJ != 0 else { continue }
            // z = Yᵀ·vⱼ over the first j columns: Y₁'s rows j..<b (vⱼ is zero above row j and 1
            // in row j), then Y₂'s from the Gram matrix.
            let z = (0..<j).map { i in
                var sum = Self.entry(factors, m, first, j, i)
                for r in (j + 1)..<b { sum += Self.entry(factors, m, first, r, i) * Self.entry(factors, m, first, r, j) }
                return sum + gram[i, j]
            }
            // T[0..<j, j] = −τⱼ·T[0..<j, 0..<j]·z (T is upper triangular).
            for i in 0..<j {
                var sum: Scalar = 0
                for l in i..<j { sum += t[i, l] * z[l] }
                t[i, j] = -tauJ * sum
            }
        }
        return t
    }

    /// C ← H₀·H₁⋯H_{b−1}·C = (I − Y·T·Yᵀ)·C, or with `reversed`
    /// C ← H_{b−1}⋯H₁·H₀·C = (I − Y·Tᵀ·Yᵀ)·C, for C with the block's m − first rows.
    ///
    /// In three products, with Y = [Y₁; Y₂] and C = [C₁; C₂] split after the block's b rows:
    ///
    ///     W = Yᵀ·C = Y₂ᵀ·C₂ + Y₁ᵀ·C₁,   W ← −T·W (or −Tᵀ·W),   C₁ += Y₁·W,  C₂ += Y₂·W.
    func apply(to c: MatrixView<Scalar>, reversed: Bool) {
        let b = count, k = c.columns
        precondition(c.rows == m - first, "A block of reflectors on \(m - first) rows cannot act on \(c.rows) rows")
        let upper = MatrixView(c.base, rows: b, columns: k, stride: c.stride)
        let lower = MatrixView(c.base + b, rows: c.rows - b, columns: k, stride: c.stride)

        // Four small dense matrices in one zeroed allocation, freed on return: Y₁ and T (b×b),
        // W and a second b×k matrix for partial results. Y₁ is copied out of the factorization's
        // storage (unit lower triangular there, with R in its upper part) so that its products run
        // in the same kernels as Y₂'s; loops reading it entry by entry through `y(_:_:)` were
        // 2.6 % of a 500×500 profile. T is copied because the kernels take mutable views.
        let scratch = UnsafeMutablePointer<Scalar>.allocate(capacity: 2 * b * b + 2 * b * k)
        scratch.initialize(repeating: 0, count: 2 * b * b + 2 * b * k)
        defer { scratch.deallocate() }
        let y1 = MatrixView(scratch, rows: b, columns: b, stride: b)
        let tCopy = MatrixView(scratch + b * b, rows: b, columns: b, stride: b)
        let w = MatrixView(scratch + 2 * b * b, rows: b, columns: k, stride: b)
        let partial = MatrixView(scratch + 2 * b * b + b * k, rows: b, columns: k, stride: b)
        for j in 0..<b {
            for i in 0..<b { (y1[i, j], tCopy[i, j]) = (y(i, j), t[i, j]) }
        }

        // W = Y₂ᵀ·C₂ + Y₁ᵀ·C₁.
        if lower.rows > 0 { anyTransposedProduct(lowerPart, lower, into: w) }
        anyTransposedProduct(y1, upper, into: partial)
        for j in 0..<k {
            for i in 0..<b { w[i, j] += partial[i, j] }
        }
        // W ← −T·W (or −Tᵀ·W), b×b times b×k, in the same kernels (the textbook product `*` was
        // 2 % of a 500×500 profile); the sign makes the last two products additions.
        if reversed {
            anyTransposedProduct(tCopy, w, into: partial)
        } else {
            for j in 0..<k {
                for i in 0..<b { partial[i, j] = 0 }
            }
            anyAddProduct(tCopy, w, to: partial)
        }
        for j in 0..<k {
            for i in 0..<b { w[i, j] = -partial[i, j] }
        }
        // C₁ += Y₁·W and C₂ += Y₂·W.
        anyAddProduct(y1, w, to: upper)
        if lower.rows > 0 { anyAddProduct(lowerPart, w, to: lower) }
    }
}

/// C ← C + A·B by the tiled `addProduct` for `Double` and `Float`, which have SIMD vectors, and
/// by plain loops otherwise (`Float80`, used for reference computations, where speed matters
/// less). The type tests are constants in each specialized copy of the caller.
@inline(__always)
func anyAddProduct<Scalar: SVDScalar>(_ a: MatrixView<Scalar>, _ b: MatrixView<Scalar>, to c: MatrixView<Scalar>) {
    if Scalar.self == Double.self {
        addProduct(a.typed(as: Double.self), b.typed(as: Double.self), to: c.typed(as: Double.self))
    } else if Scalar.self == Float.self {
        addProduct(a.typed(as: Float.self), b.typed(as: Float.self), to: c.typed(as: Float.self))
    } else {
        for j in 0..<c.columns {
            for p in 0..<a.columns {
                let factor = b[p, j]
                for i in 0..<c.rows { c[i, j] += a[i, p] * factor }
            }
        }
    }
}

/// W ← Aᵀ·B by the tiled `transposedProduct` for `Double` and `Float`, by dot products otherwise;
/// with `upperTriangleOnly`, at least the entries on and above the diagonal.
@inline(__always)
func anyTransposedProduct<Scalar: SVDScalar>(_ a: MatrixView<Scalar>, _ b: MatrixView<Scalar>,
                                             into w: MatrixView<Scalar>, upperTriangleOnly: Bool = false) {
    if Scalar.self == Double.self {
        transposedProduct(a.typed(as: Double.self), b.typed(as: Double.self), into: w.typed(as: Double.self),
                          upperTriangleOnly: upperTriangleOnly)
    } else if Scalar.self == Float.self {
        transposedProduct(a.typed(as: Float.self), b.typed(as: Float.self), into: w.typed(as: Float.self),
                          upperTriangleOnly: upperTriangleOnly)
    } else {
        for j in 0..<b.columns {
            for i in 0..<a.columns {
                var sum: Scalar = 0
                for r in 0..<a.rows { sum += a[r, i] * b[r, j] }
                w[i, j] = sum
            }
        }
    }
}
