import SVDFoundation

/// The column kernels of one-sided Jacobi in explicit SIMD, for `Double` and `Float`.
///
/// Why explicit vectors: a floating-point sum has one fixed evaluation order, so the compiler may
/// not split `s += x[i]·y[i]` into partial sums held in vector registers, and it did not vectorize
/// the fused rotation-and-dot loop at all (it must assume that the columns may overlap). Loading
/// eight entries at a time into a `SIMD8` value states both facts explicitly: eight partial sums,
/// and all loads of a chunk before its stores. The compiler maps `SIMD8<Double>` onto the vector
/// registers the target has: four SSE2 registers on baseline x86-64, one AVX-512 register with
/// `-target-cpu native` on this suite's test machine, two NEON registers on arm64. Partial sums
/// change only the rounding of a dot product, within the same bound (|error| ≤ m·ε·Σ|xᵢyᵢ|).
///
/// `Float80` has no vector unit; it uses the plain loops of `ColumnKernels.swift`, which are also
/// the textbook statement of what every kernel here computes.
///
/// Written with swift-numerics' `Relaxed.multiplyAdd` instead, the plain dot product vectorized
/// but the fused loop did not (the gain of the explicit form: Benchmarks/RESULTS.md, "Tunable parameters").

/// Eight-wide chunks.
///
/// [TP] Tunable: 16 would fill two AVX-512 registers per column (Benchmarks/RESULTS.md, "Tunable parameters").
private typealias Chunk<T: SIMDScalar> = SIMD8<T>

extension UnsafeMutablePointer {
    /// The chunk of eight entries starting at `self + offset`.
    @inline(__always)
    fileprivate func chunk(at offset: Int) -> Chunk<Pointee> where Pointee: SIMDScalar {
        UnsafeRawPointer(self + offset).loadUnaligned(as: Chunk<Pointee>.self)
    }

    /// Stores eight entries starting at `self + offset`.
    @inline(__always)
    fileprivate func store(_ value: Chunk<Pointee>, at offset: Int) where Pointee: SIMDScalar {
        UnsafeMutableRawPointer(self + offset).storeBytes(of: value, as: Chunk<Pointee>.self)
    }
}

/// xᵀy with two vector accumulators (a dot product is limited by the latency of the additions,
/// and two independent chains halve the wait).
@inline(__always)
func simdDotProduct<T: SIMDScalar & BinaryFloatingPoint>(_ x: UnsafeMutablePointer<T>, _ y: UnsafeMutablePointer<T>,
                                                        count: Int) -> T {
    let width = Chunk<T>.scalarCount
    var even = Chunk<T>(), odd = Chunk<T>()
    var i = 0
    while i + 2 * width <= count {
        even += x.chunk(at: i) * y.chunk(at: i)
        odd += x.chunk(at: i + width) * y.chunk(at: i + width)
        i += 2 * width
    }
    if i + width <= count {
        even += x.chunk(at: i) * y.chunk(at: i)
        i += width
    }
    var sum = (even + odd).sum()
    while i < count {
        sum += x[i] * y[i]
        i += 1
    }
    return sum
}

/// The rotation x ← x − s·(y + τ·x), y ← y + s·(x − τ·y) (see `JacobiRotation`), returning x′ᵀz
/// when `z` is given (0 otherwise).
@inline(__always)
func simdRotate<T: SIMDScalar & BinaryFloatingPoint>(_ x: UnsafeMutablePointer<T>, _ y: UnsafeMutablePointer<T>,
                                                    s: T, tau: T, count: Int,
                                                    dotWith z: UnsafeMutablePointer<T>?) -> T {
    let width = Chunk<T>.scalarCount
    var sum = Chunk<T>()
    var i = 0
    while i + width <= count {
        let xi = x.chunk(at: i), yi = y.chunk(at: i)
        let rotatedX = xi - s * (yi + tau * xi)
        x.store(rotatedX, at: i)
        y.store(yi + s * (xi - tau * yi), at: i)
        if let z { sum += rotatedX * z.chunk(at: i) }
        i += width
    }
    var total = sum.sum()
    while i < count {
        let xi = x[i], yi = y[i]
        x[i] = xi - s * (yi + tau * xi)
        y[i] = yi + s * (xi - tau * yi)
        if let z { total += x[i] * z[i] }
        i += 1
    }
    return total
}

extension UnsafeMutablePointer {
    /// The same address, typed as `T`: for handing a generic column to a kernel written for a
    /// concrete type, once a test has shown that `Pointee` is `T`.
    @inline(__always)
    func typed<T>(as _: T.Type) -> UnsafeMutablePointer<T> {
        UnsafeMutableRawPointer(self).assumingMemoryBound(to: T.self)
    }
}
