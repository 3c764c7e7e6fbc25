import SVDFoundation

/// What one sweep of one-sided Jacobi tells the next: which pairs of columns are still known to
/// be orthogonal, so that their dot products need not be formed again.
///
/// A pair found orthogonal to working accuracy stays so until one of its two columns changes:
/// its cosine is a function of the two columns alone. Every sweep visits the pairs of column
/// positions in the same order (`JacobiSweep`), so a clock that counts pair visits dates each
/// visit, and the visit of a pair at tick T repeats the one at tick T − N, N = n(n−1)/2. The
/// memory records, for each column position, the tick at which its column last changed (by a
/// rotation, or by a swap of de Rijk pivoting). If neither column of the pair has changed since
/// T − N, the pair was found orthogonal then — a rotation would have stamped both columns with
/// that tick — and its columns are the same numbers now: it is passed over without a dot product.
///
/// Why it pays: near convergence a sweep rotates few pairs but still measures all N of them, and
/// on the test machine a pair measured costs about as much as a pair rotated (profiles with
/// a third fewer rotations but as many pairs measured took as long; Benchmarks/RESULTS.md).
/// (After a rotation of (p, q), the γ of
/// (p, q + 1) comes with the rotation, see `JacobiSweep`; it is a pair after one left alone that
/// needs a dot product of its own, and those are the pairs counted here.) The memory pays in the
/// last sweeps, where most pairs are already orthogonal (the counts: Benchmarks/RESULTS.md, "What bought what").
///
/// It changes no rotation and no result, with one qualification: a pair passed over was judged
/// one sweep earlier, with the column norms of that moment (updated by rotations, exact up to
/// rounding) instead of the ones recomputed at the start of this sweep, so a cosine within
/// rounding of the tolerance could have been judged the other way. The tests find the same
/// rotations with and without the memory (`CoreKernelTests`).
///
/// It cannot be copied (`~Copyable`): it owns its stamps as a raw buffer, which it frees when it
/// goes. Every rotation stamps two columns, and an array checks on every write that its storage
/// is not shared with a copy — a call, which with the same check on the sweep's column norms
/// cost several per cent of small matrices (Benchmarks/RESULTS.md, "What bought what"). A memory that cannot be copied needs no such
/// check, and none is made.
struct PairMemory: ~Copyable {
    /// Pair visits begun so far, over all sweeps: the tick the next visit gets.
    private(set) var clock = 0
    /// N = n(n−1)/2: the visits in one sweep.
    let visitsPerSweep: Int
    /// For each column position, the tick at which its column last changed (−1: never).
    private let lastChange: UnsafeMutablePointer<Int>

    /// A memory for sweeps over n columns, before the first sweep: nothing is known yet.
    init(columns n: Int) {
        visitsPerSweep = n * (n - 1) / 2
        lastChange = .allocate(capacity: max(1, n))
        lastChange.initialize(repeating: -1, count: max(1, n))
    }

    deinit {
        lastChange.deallocate()
    }

    /// Whether the pair (p, q), visited at `tick`, is known to be orthogonal: it was visited one
    /// sweep ago, and neither column has changed since.
    ///
    /// The sweep may run two visits out of their order when they touch four different columns
    /// (`JacobiSweep`, two rows at a time); each visit still asks and records with its own tick,
    /// its place in the order, and sees the same stamps as in that order, since the visits run
    /// early touch none of its two columns.
    func isKnownOrthogonal(_ p: Int, _ q: Int, at tick: Int) -> Bool {
        let previousVisit = tick - visitsPerSweep
        return previousVisit >= 0 && lastChange[p] < previousVisit && lastChange[q] < previousVisit
    }

    /// Records that the column at position j changes at `tick`.
    mutating func recordChange(of j: Int, at tick: Int) {
        lastChange[j] = tick
    }

    /// Begins the next `visits` visits (one unless given), which take the ticks from `clock` on.
    mutating func advance(by visits: Int = 1) {
        clock += visits
    }

    /// Moves the clock to `tick`, counting the visits in between as done: for a sweep that stops
    /// early because every column left to visit is zero, and so orthogonal to every other. (A
    /// clock that fell behind would only make the memory more cautious: it would compare with an
    /// earlier visit. One that ran ahead would be wrong.)
    mutating func advance(to tick: Int) {
        clock = max(clock, tick)
    }
}
