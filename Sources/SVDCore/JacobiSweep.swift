import SVDFoundation
import SVDTextbook

/// One sweep of one-sided Jacobi: every pair of columns (p, q), p < q, visited once, each pair
/// rotated to orthogonality unless it already is to working accuracy.
///
/// The textbook sweep (`ReferenceJacobi`) visits the pairs row by row: (0,1), (0,2), …, (0,n−1),
/// (1,2), …. This one visits the same pairs, with the same de Rijk pivoting, in an order that is
/// kinder to the cache, and adds one fusion. Each trick, with the figure it bought:
///
/// - **Blocks of columns.** The columns are split into blocks of b. For each block I, first the
///   pairs inside I, then, for every later block J, all pairs (p ∈ I, q ∈ J). While a pair of
///   blocks is being worked on, its 2b columns stay in the L2 cache, so the matrix streams from
///   memory n/b times per sweep instead of n times. A block-cyclic order is as convergent as the
///   row-cyclic one (it is the order of LAPACK's `dgesvj`), and costs at most about one sweep
///   (Benchmarks/RESULTS.md, "What bought what").
/// - **Fused rotation and dot product.** Within a row p of pairs, γ for the next pair (p, q + 1) is
///   accumulated while the rotation of (p, q) writes the new column p (`applyReturningDot`).
/// - **Two rows at a time.** Between two blocks, rows p and p + 1 are interleaved, row p + 1 one
///   pair behind (`orthogonalize(rows:against:)`): the same numbers, bit for bit, with two
///   independent pairs in flight.
/// - **Updated norms.** A rotation changes ‖g_p‖² and ‖g_q‖² by exactly ∓t·γ, so the norms are
///   updated instead of recomputed; they are recomputed from the columns at the start of every
///   sweep, so that rounding cannot accumulate across sweeps.
/// - **Pairs remembered as orthogonal.** A pair found orthogonal one sweep ago, whose columns have
///   not changed since, is passed over without a dot product (`PairMemory`); what each of these
///   saves is measured in Benchmarks/RESULTS.md, "What bought what".
struct JacobiSweep<Scalar: SVDScalar> {
    /// The m×n matrix whose columns are orthogonalized, column-major.
    let g: UnsafeMutablePointer<Scalar>
    let rows: Int
    let columns: Int
    /// The distance from the start of one column of G to the next: m for a matrix of its own,
    /// more for a block of a larger matrix (`TriangularFirstPass`).
    let columnStride: Int
    /// The accumulated rotations, column-major, one column per column of G, or nil when V is not
    /// wanted. For a matrix of its own V is n×n; for a block of columns of a larger matrix, V is
    /// the matching columns of that matrix's V, each `vRows` long, and rotated in full.
    let v: UnsafeMutablePointer<Scalar>?
    let vRows: Int
    /// The distance from the start of one column of V to the next (at least `vRows`).
    let vColumnStride: Int
    /// Pairs with |cos ∠(g_p, g_q)| ≤ tolerance are left alone.
    let tolerance: Scalar
    /// Told of every pair visit and what came of it; for the tests of `PairMemory`, which check
    /// that a pair is passed over only when the very same columns were found orthogonal at its
    /// previous visit. (One test of a nil closure per pair, against a dot product of m terms.)
    var observer: ((_ p: Int, _ q: Int, _ verdict: PairVerdict) -> Void)? = nil
    /// Whether the pairs between two blocks are visited two rows at a time
    /// (`orthogonalize(rows:against:)`), which gives the same numbers as one row at a time.
    /// Always true, except in the test that compares the two.
    var interleavesRows = true

    /// A sweep over the m×n matrix at `g`, with `columnStride` between its columns (m unless
    /// given), accumulating into `v` (n×n, or columns of `vRows` entries) unless it is nil.
    init(g: UnsafeMutablePointer<Scalar>, rows: Int, columns: Int, columnStride: Int? = nil,
         v: UnsafeMutablePointer<Scalar>?, vRows: Int? = nil, vColumnStride: Int? = nil, tolerance: Scalar) {
        self.g = g
        self.rows = rows
        self.columns = columns
        self.columnStride = columnStride ?? rows
        self.v = v
        self.vRows = vRows ?? columns
        self.vColumnStride = vColumnStride ?? self.vRows
        self.tolerance = tolerance
        precondition(self.columnStride >= rows, "columns of G overlap")
        precondition(self.vColumnStride >= self.vRows, "columns of V overlap")
    }

    /// What a visit made of a pair.
    enum PairVerdict {
        /// Known orthogonal from the previous sweep (`PairMemory`); not measured.
        case passedOver
        /// Measured, and orthogonal to working accuracy.
        case orthogonal
        /// Measured, and rotated.
        case rotated
    }

    /// What the sweep did.
    struct Outcome {
        var rotations = 0
        /// Pairs passed over because `PairMemory` knew them to be orthogonal.
        var pairsKnownOrthogonal = 0
        /// The largest |cos ∠(g_p, g_q)| measured, before rotation (pairs passed over are not
        /// measured; their cosine was at most the tolerance one sweep earlier).
        var largestCosine: Scalar = 0
    }

    /// Columns per block: as many as keep two blocks of G (and of V) within a cache budget of
    /// 256 KiB, a quarter of a typical L2, between 8 and 64: blocks of pairs reuse columns while
    /// they are still in cache, where the row-cyclic order streams every column through it again.
    /// The baseline x86-64 build is bound by arithmetic rather than memory and gains little.
    ///
    /// [TP] Tunable: the budget (256 KiB) and the bounds (8, 64), measured (Benchmarks/RESULTS.md, "Tunable parameters").
    var blockSize: Int {
        let bytesPerColumn = (rows + (v == nil ? 0 : vRows)) * MemoryLayout<Scalar>.stride
        return min(64, max(8, (256 * 1024) / (2 * bytesPerColumn)))
    }

    /// Performs the sweep and reports what it did; `memory` carries what it learned to the next
    /// sweep (pass the same memory to every sweep over the same matrix).
    func run(memory: inout PairMemory) -> Outcome {
        let squaredNorms = UnsafeMutablePointer<Scalar>.allocate(capacity: max(1, columns))
        let normExponents = UnsafeMutablePointer<Int>.allocate(capacity: max(1, columns))
        let scaledPair = UnsafeMutablePointer<Scalar>.allocate(capacity: max(1, 2 * rows))
        defer {
            squaredNorms.deallocate()
            normExponents.deallocate()
            scaledPair.deallocate()
        }
        var state = State(squaredNorms: squaredNorms, normExponents: normExponents, scaledPair: scaledPair,
                          smallestPlainNorm: ScaledSquaredNorm<Scalar>.smallestPlainValue(rows: rows))
        for j in 0..<columns { remeasure(j, &state) }
        let endOfSweep = memory.clock + memory.visitsPerSweep
        let b = blockSize
        var blockStart = 0
        while blockStart < columns - 1 {
            let blockEnd = min(blockStart + b, columns)
            // Pairs inside the block, with de Rijk pivoting: before row p is worked on, the longest
            // of the columns p…n−1 is swapped into position p.
            for p in blockStart..<min(blockEnd, columns - 1) {
                pivot(p, &state, &memory)
                // A zero column is orthogonal to everything, and de Rijk pivoting moves zero
                // columns last: once column p is zero, so are all the remaining ones.
                if state.squaredNorms[p] == 0 {
                    memory.advance(to: endOfSweep)
                    return state.outcome
                }
                orthogonalize(p, against: (p + 1)..<blockEnd, &state, &memory)
            }
            // Pairs between this block and each later block, two rows at a time.
            for laterStart in stride(from: blockEnd, to: columns, by: b) {
                let later = laterStart..<min(laterStart + b, columns)
                var p = blockStart
                if interleavesRows {
                    while p + 1 < blockEnd {
                        orthogonalize(rows: p, against: later, &state, &memory)
                        p += 2
                    }
                }
                while p < blockEnd {
                    orthogonalize(p, against: later, &state, &memory)
                    p += 1
                }
            }
            blockStart = blockEnd
        }
        return state.outcome
    }

    /// The mutable bookkeeping of a sweep (with `PairMemory`, which goes on to the next sweep).
    private struct State {
        /// ‖g_j‖² for each column, updated by each rotation. A raw buffer, which `run` allocates
        /// and frees, rather than an array: every rotation writes two of them, and an array checks
        /// on each write that its storage is not shared (see `PairMemory` for what that cost).
        let squaredNorms: UnsafeMutablePointer<Scalar>
        /// 0 where `squaredNorms` holds the plain sum; otherwise ‖g_j‖² = squaredNorms[j]·4^e
        /// (`ScaledSquaredNorm`), read only while `hasScaledNorms`.
        let normExponents: UnsafeMutablePointer<Int>
        /// Room for two columns, scaled copies of a pair with a small column.
        let scaledPair: UnsafeMutablePointer<Scalar>
        /// θ: plain sums of squares at or above it are accurate (`ScaledSquaredNorm`).
        let smallestPlainNorm: Scalar
        /// Whether any column has been measured below θ in this sweep.
        var hasScaledNorms = false
        var outcome = Outcome()

        func norm(_ j: Int) -> ScaledSquaredNorm<Scalar> {
            ScaledSquaredNorm(value: squaredNorms[j], exponent: normExponents[j])
        }
    }

    /// Measures ‖g_j‖² from the column: the plain sum, or the scaled form below θ.
    private func remeasure(_ j: Int, _ state: inout State) {
        var norm = ScaledSquaredNorm.measure(column(j), count: rows, smallest: state.smallestPlainNorm)
        if norm.exponent != 0 && norm.value != 0 && norm.norm < ScaledSquaredNorm<Scalar>.negligibleNorm(rows: rows) {
            // Every entry below the normal range, none with a full significand: set to zero, a
            // change far below ε·‖A‖ of the matrix scaled for headroom (`ScaledSquaredNorm`).
            column(j).update(repeating: 0, count: rows)
            norm = ScaledSquaredNorm(value: 0, exponent: .min)
        }
        state.squaredNorms[j] = norm.value
        state.normExponents[j] = norm.exponent
        if norm.exponent != 0 { state.hasScaledNorms = true }
    }

    private func column(_ j: Int) -> UnsafeMutablePointer<Scalar> { g + j * columnStride }

    private func vColumn(_ j: Int) -> UnsafeMutablePointer<Scalar> { v! + j * vColumnStride }

    /// de Rijk pivoting: moves the longest of the columns p…n−1 to position p.
    private func pivot(_ p: Int, _ state: inout State, _ memory: inout PairMemory) {
        var longest = p
        if state.hasScaledNorms {
            for j in (p + 1)..<columns where state.norm(j).isLonger(than: state.norm(longest)) { longest = j }
        } else {
            for j in (p + 1)..<columns where state.squaredNorms[j] > state.squaredNorms[longest] { longest = j }
        }
        guard longest != p else { return }
        swapColumns(column(p), column(longest), count: rows)
        // Stamped with the tick of row p's first visit, which comes next.
        memory.recordChange(of: p, at: memory.clock)
        memory.recordChange(of: longest, at: memory.clock)
        if v != nil { swapColumns(vColumn(p), vColumn(longest), count: vRows) }
        swap(&state.squaredNorms[p], &state.squaredNorms[longest])
        swap(&state.normExponents[p], &state.normExponents[longest])
    }

    /// Makes column p orthogonal to each column q in `others`, in turn.
    private func orthogonalize(_ p: Int, against others: Range<Int>, _ state: inout State,
                               _ memory: inout PairMemory) {
        // γ for the pair about to be visited, when the previous rotation has computed it.
        var fusedGamma: Scalar? = nil
        for q in others {
            let tick = memory.clock
            memory.advance()
            let decision = measure(p, q, tick: tick, fusedGamma: fusedGamma, &state, memory)
            fusedGamma = nil
            if let decision {
                fusedGamma = rotate(p, q, by: decision, tick: tick,
                                    returningGammaWith: q + 1 < others.upperBound ? q + 1 : nil, &state, &memory)
            }
        }
    }

    /// The same as `orthogonalize(p, against: others)` followed by
    /// `orthogonalize(p + 1, against: others)`, bit for bit, with the two rows interleaved: row
    /// p + 1 runs one pair behind row p, so that each step has a pair of each row,
    ///
    ///     step 0: (p, q₀)    step 1: (p, q₁), (p+1, q₀)    …    step k: (p+1, q_{k−1}).
    ///
    /// Why it is the same: two pairs of one step touch four different columns, so they commute
    /// exactly, and every column meets its pairs in the original order (column q_j meets row p
    /// at step j and row p + 1 at step j + 1; within a step, row p's pair is rotated first, so
    /// that the γ that row p + 1's rotation computes for its next pair sees the new q_j).
    /// `PairMemory` is asked and stamped with each visit's own place in the original order.
    ///
    /// Why it pays, for two reasons the measurements do not separate: between the dot product of
    /// a pair and the rotation of its columns lies a chain of about a dozen dependent scalar
    /// operations, three divisions and two square roots among them (`JacobiRotation`), during
    /// which the vector units wait when the pairs come one at a time; two pairs that do not depend
    /// on each other let the processor work through both chains at once. And row p + 1 reads each
    /// column q_j right after row p has written it, from the level-1 cache, where one row after the
    /// other read the whole later block twice from the level-2 cache (the times, against one row
    /// at a time: Benchmarks/RESULTS.md, "What bought what").
    private func orthogonalize(rows p: Int, against others: Range<Int>, _ state: inout State,
                               _ memory: inout PairMemory) {
        let k = others.count
        let firstTick = memory.clock
        memory.advance(by: 2 * k)
        var fusedGammaOfRow = (Scalar?.none, Scalar?.none)
        for step in 0...k {
            // Row p's pair is (p, q_step) and row p + 1's is (p + 1, q_{step − 1}).
            let q = others.lowerBound + step
            let (tick, trailingTick) = (firstTick + step, firstTick + k + step - 1)
            // Both pairs are measured before either is rotated, so that their two chains overlap.
            let leading = step < k ? measure(p, q, tick: tick, fusedGamma: fusedGammaOfRow.0, &state, memory) : nil
            let trailing = step > 0
                ? measure(p + 1, q - 1, tick: trailingTick, fusedGamma: fusedGammaOfRow.1, &state, memory) : nil
            fusedGammaOfRow = (nil, nil)
            if let leading {
                fusedGammaOfRow.0 = rotate(p, q, by: leading, tick: tick,
                                           returningGammaWith: q + 1 < others.upperBound ? q + 1 : nil, &state, &memory)
            }
            if let trailing {
                fusedGammaOfRow.1 = rotate(p + 1, q - 1, by: trailing, tick: trailingTick,
                                           returningGammaWith: q < others.upperBound ? q : nil, &state, &memory)
            }
        }
    }

    /// A rotation decided on, with the γ it was computed from.
    private struct Decision {
        let rotation: JacobiRotation<Scalar>
        let gamma: Scalar
        /// Whether the norms are measured again after the rotation rather than updated by ∓t·γ
        /// (a pair measured on scaled copies, whose γ is not that of the columns).
        var remeasuresNorms = false
        /// For a pair whose norms differ by more than the significand can hold, the step on G
        /// instead of the rotation (`measureScaled`).
        var projection: Projection? = nil
    }

    /// x ← x − μ·y for columns x = x̃·2^xShift, y = ỹ·2^yShift, computed as (x̃ − μ·ỹ)·2^xShift:
    /// the Gram–Schmidt step that a rotation by a tiny angle makes of the shorter column, with
    /// every product formed between numbers near 1 (`measureScaled`).
    private struct Projection {
        let target: Int, source: Int
        let coefficient: Scalar
        let targetShift: Int, sourceShift: Int
    }

    /// Visits the pair (p, q), the visit numbered `tick`, up to the decision: passes it over if
    /// `PairMemory` knows it to be orthogonal; otherwise measures γ = x_pᵀx_q (or takes
    /// `fusedGamma`, computed by the previous rotation) and the cosine, and returns the rotation
    /// that makes the pair orthogonal, or nil if it already is to working accuracy.
    @inline(__always)
    private func measure(_ p: Int, _ q: Int, tick: Int, fusedGamma: Scalar?, _ state: inout State,
                         _ memory: borrowing PairMemory) -> Decision? {
        // (Never true right after a rotation of (p, q − 1): that changed column p.)
        if memory.isKnownOrthogonal(p, q, at: tick) {
            state.outcome.pairsKnownOrthogonal += 1
            observer?(p, q, .passedOver)
            return nil
        }
        if state.hasScaledNorms && (state.normExponents[p] != 0 || state.normExponents[q] != 0) {
            return measureScaled(p, q, &state)
        }
        let gamma = fusedGamma ?? dotProduct(column(p), column(q), count: rows)
        let alpha = state.squaredNorms[p], beta = state.squaredNorms[q]
        let cosine = beta == 0 ? 0 : abs(gamma) / (alpha.squareRoot() * beta.squareRoot())
        state.outcome.largestCosine = max(state.outcome.largestCosine, cosine)
        if cosine <= tolerance {
            observer?(p, q, .orthogonal)
            return nil
        }
        let rotation = JacobiRotation(alpha: alpha, beta: beta, gamma: gamma)
        // Columns whose norms differ so much that t ≈ cos·‖x_q‖/‖x_p‖ falls below λ/ε (beyond
        // 2^970 in `Double`, 2^103 in `Float`), where t loses bits or underflows and the rotation
        // would change nothing: the scaled route's Gram–Schmidt step instead.
        if abs(rotation.t) < Scalar.leastNormalMagnitude / Scalar.ulpOfOne {
            return measureScaled(p, q, &state)
        }
        observer?(p, q, .rotated)
        return Decision(rotation: rotation, gamma: gamma)
    }

    /// Whether a squared norm updated from `old` must be measured again: below θ, or fallen to ε·old
    /// or less, where the update's rounding error (about ε·old) is as large as the value.
    @inline(__always)
    private func isStale(_ updated: Scalar, updatedFrom old: Scalar, _ state: State) -> Bool {
        updated < state.smallestPlainNorm || updated <= Scalar.ulpOfOne * old
    }

    /// `measure` for a pair with a column below θ (`ScaledSquaredNorm`): γ and the cosine from
    /// copies of both columns divided by powers of two that bring their norms near 1, where no
    /// product underflows, and the rotation from the same scaled numbers: with ‖x_p‖² = α̃·4^a,
    /// ‖x_q‖² = β̃·4^b and x_pᵀx_q = γ̃·2^(a+b) for the copies, ζ = (β − α)/(2γ) =
    /// (β̃·2^k − α̃·2^(−k))/(2γ̃), k = b − a. When |k| exceeds the significand's bits, one term
    /// is below ε² of the other and t = 1/(2ζ) is formed directly (it may be far below 1/ζ's
    /// range); a t that underflows to zero leaves the pair as it is, the closest to orthogonal the
    /// format can hold.
    private func measureScaled(_ p: Int, _ q: Int, _ state: inout State) -> Decision? {
        // Measured afresh: a norm updated by ∓t·γ can be far off after cancellation (or the column
        // exactly zero), and the scaling below must bring the columns near 1, not merely below 2^e_max.
        remeasure(p, &state)
        remeasure(q, &state)
        let (normP, normQ) = (state.norm(p), state.norm(q))
        guard normP.value != 0 && normQ.value != 0 else {
            // A zero column is orthogonal to everything.
            observer?(p, q, .orthogonal)
            return nil
        }
        let (a, b) = (normP.normExponent, normQ.normExponent)
        let (x, y) = (state.scaledPair, state.scaledPair + rows)
        for i in 0..<rows {
            x[i] = column(p)[i].timesPowerOfTwo(-a)
            y[i] = column(q)[i].timesPowerOfTwo(-b)
        }
        let alpha = sumOfSquares(x, count: rows), beta = sumOfSquares(y, count: rows)
        let gamma = dotProduct(x, y, count: rows)
        let cosine = abs(gamma) / (alpha.squareRoot() * beta.squareRoot())
        state.outcome.largestCosine = max(state.outcome.largestCosine, cosine)
        // Entries below the normal range are rounded to a multiple of λ·ε, so a column of norm ν
        // can be made orthogonal only to about √m·λ·ε/ν: that much is added to the tolerance
        // (below ε·√λ for any column at or above θ, whose pairs it leaves as they were).
        let shorter = min(normP.norm, normQ.norm)
        let representable = 2 * Scalar(rows).squareRoot() * Scalar.leastNonzeroMagnitude / shorter
        if cosine <= tolerance + representable {
            observer?(p, q, .orthogonal)
            return nil
        }
        observer?(p, q, .rotated)
        let k = b - a
        if abs(k) <= Scalar.significandBitCount {
            let rotation = JacobiRotation(alpha: alpha.timesPowerOfTwo(-k), beta: beta.timesPowerOfTwo(k), gamma: gamma)
            return Decision(rotation: rotation, gamma: gamma, remeasuresNorms: true)
        }
        // ζ ≈ −α̃·2^(−k)/(2γ̃) for k < 0, β̃·2^k/(2γ̃) for k > 0, so t = 1/(2ζ) = −(γ̃/α̃)·2^k or
        // (γ̃/β̃)·2^(−k): below ε/4, possibly below the range. Then c = 1 to working precision,
        // the longer column does not change, and the shorter one loses its component along the
        // longer: x_q ← x_q − (γ/α)·x_p (or x_p ← x_p − (γ/β)·x_q), formed on the scaled columns
        // (LAPACK's `dgesvj` makes the same Gram–Schmidt step for such pairs). V is rotated by
        // the representable t; what underflows there is below ε/4 of V's unit columns.
        let projection = k < 0
            ? Projection(target: q, source: p, coefficient: gamma / alpha, targetShift: b, sourceShift: a)
            : Projection(target: p, source: q, coefficient: gamma / beta, targetShift: a, sourceShift: b)
        let t = k < 0 ? (-gamma / alpha).timesPowerOfTwo(k) : (gamma / beta).timesPowerOfTwo(-k)
        return Decision(rotation: JacobiRotation(tangent: t), gamma: gamma, remeasuresNorms: true,
                        projection: projection)
    }

    /// Rotates the pair (p, q) of visit `tick` (and the same columns of V), updates the norms and
    /// the memory, and returns γ of the pair (p, next) from the new column p when `next` is given.
    @inline(__always)
    private func rotate(_ p: Int, _ q: Int, by decision: Decision, tick: Int, returningGammaWith next: Int?,
                        _ state: inout State, _ memory: inout PairMemory) -> Scalar? {
        let (rotation, gamma) = (decision.rotation, decision.gamma)
        let (oldP, oldQ) = (state.squaredNorms[p], state.squaredNorms[q])
        state.squaredNorms[p] -= rotation.t * gamma
        state.squaredNorms[q] += rotation.t * gamma
        var nextGamma: Scalar? = nil
        if let step = decision.projection {
            let (x, y) = (column(step.target), column(step.source))
            for i in 0..<rows {
                let difference = x[i].timesPowerOfTwo(-step.targetShift)
                    - step.coefficient * y[i].timesPowerOfTwo(-step.sourceShift)
                x[i] = difference.timesPowerOfTwo(step.targetShift)
            }
        } else if let next {
            nextGamma = rotation.applyReturningDot(column(p), column(q), next: column(next), count: rows)
        } else {
            rotation.apply(column(p), column(q), count: rows)
        }
        if v != nil { rotation.apply(vColumn(p), vColumn(q), count: vRows) }
        // A norm updated below θ, or by a cancellation that left fewer correct digits than ε·(the
        // old norm²) can carry (a loss LAPACK's `dgesvj` also repairs by measuring again), is
        // measured from the column.
        if decision.remeasuresNorms || isStale(state.squaredNorms[p], updatedFrom: oldP, state) { remeasure(p, &state) }
        if decision.remeasuresNorms || isStale(state.squaredNorms[q], updatedFrom: oldQ, state) { remeasure(q, &state) }
        memory.recordChange(of: p, at: tick)
        memory.recordChange(of: q, at: tick)
        state.outcome.rotations += 1
        return nextGamma
    }
}
