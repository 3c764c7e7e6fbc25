import PlainHestenesJacobi
import SVDCore
import SVDDecomposers
import SVDTextbook
import Testing

/// The decomposers the contract suite grades, and the one place that lists them.
///
/// Every `@Test` of this target takes `arguments: ContractSubjects.all`, so a decomposer added to
/// `decomposers` is held to every property at once. Nothing here reaches into an algorithm: the
/// suite sees a decomposer only through the public `SingularValueDecomposer` protocol.
enum ContractSubjects {
    /// The decomposers under test: every one the command-line tools know by name
    /// (`DecomposerRegistry`), and `PlainHestenesJacobi`, a module of the tests that depends on
    /// the foundation alone, which shows that a decomposer from outside the package's algorithms
    /// is graded the same way.
    static let decomposers: [any SingularValueDecomposer] =
        DecomposerRegistry.all.map(\.decomposer) + [PlainHestenesJacobi()]

    /// What a decomposer is known *not* to do, by its `name`; every other decomposer is held to
    /// the full contract. Each entry is a property of the method, argued in `KnownLimitation`.
    static let knownLimitations: [String: Set<KnownLimitation>] = [
        NormalEquationsSVD().name: [.normalEquations],
        // ReferenceJacobi works with norms and cosines, and skips noise columns, but does not
        // scale A (it is the plain algorithm).
        ReferenceJacobi().name: [.subnormalEntries],
    ]

    static let all: [ContractSubject] = decomposers.map {
        ContractSubject(decomposer: $0, limitations: knownLimitations[$0.name] ?? [])
    }
}

/// A property a decomposer lacks by construction, stated so that the tests expecting it to fail
/// can say why (`withKnownIssue`), and so that a grader sees the list.
enum KnownLimitation: Sendable, Hashable {
    /// σᵢ = √λᵢ(AᵀA), uᵢ = A·vᵢ/σᵢ. Forming AᵀA commits an absolute error ε·σ₁² in every
    /// eigenvalue, so |σ̂ᵢ² − σᵢ²| ≲ ε·σ₁², a relative error ε·κ² in a small σᵢ, and U orthonormal
    /// only to about ε·κ². The contract's bounds are multiplied by κ̂² for it (κ̂ from its own
    /// singular values); where that is vacuous, the known-failure tests show what it does instead.
    case normalEquations
    /// No scaling before squaring column norms: for entries beyond about 1e±150 the squares
    /// overflow to ∞ (and the result turns to NaN) or underflow to 0 (and no rotation happens).
    case unscaledSquares
    /// No power-of-two scaling of A: a column made of subnormal entries (below about 1e-308 in
    /// Double) carries few significant bits, so the cosine with another column cannot be brought
    /// below the relative tolerance √m·ε and the sweeps stop at their limit
    /// (`SVDError.noConvergence`). Scaling A up by a power of two first, as `OneSidedJacobi`
    /// does, cures it.
    case subnormalEntries
}

/// One decomposer under test and its known limitations.
struct ContractSubject: Sendable, CustomTestStringConvertible {
    let decomposer: any SingularValueDecomposer
    let limitations: Set<KnownLimitation>

    var testDescription: String { decomposer.name }

    /// The factor by which this subject's guarantee is weaker than the contract on a matrix whose
    /// computed singular values are `sigma`: 1 for a backward-stable SVD, κ̂² for the AᵀA route
    /// (∞ when its σ̂_min is 0, where it promises nothing).
    func guaranteeFactor(_ sigma: [Double]) -> Double {
        guard limitations.contains(.normalEquations) else { return 1 }
        guard let largest = sigma.first, let smallest = sigma.last, largest > 0 else { return 1 }
        let kappa = largest / smallest
        return kappa * kappa
    }
}
