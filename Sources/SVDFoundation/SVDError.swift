/// Why a decomposition could not be computed.
///
/// The core never crashes on bad input and never returns NaN silently: an empty matrix or a
/// NaN/infinite entry is refused before any arithmetic, and an iteration that does not converge
/// says so with the figures that tell how far it got.
public enum SVDError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The matrix has no rows or no columns.
    case emptyMatrix
    /// Entry (row, column), zero-based, is NaN or ±∞.
    case nonFiniteEntry(row: Int, column: Int)
    /// The sweep limit was reached before every pair of columns was orthogonal to the tolerance.
    /// `largestCosine` is the largest remaining |cos ∠(aᵢ, aⱼ)| after the last sweep.
    case noConvergence(sweeps: Int, largestCosine: Double)
    /// The decomposer is a student's that is not written yet: its stub names the missing task.
    case notImplemented(TaskNotImplemented)

    /// One line for a person, naming the problem (entries 1-based, as a person counts).
    public var description: String {
        switch self {
        case .emptyMatrix:
            return "the matrix is empty (no rows or no columns)"
        case let .nonFiniteEntry(row, column):
            return "entry (\(row + 1), \(column + 1)) is NaN or infinite"
        case let .noConvergence(sweeps, cosine):
            return "no convergence after \(sweeps) sweeps (largest remaining |cos| between columns: \(cosine))"
        case let .notImplemented(missing):
            return missing.description
        }
    }

    /// Refuses matrices the decomposers cannot take: empty, or with a non-finite entry.
    ///
    /// - Parameter a: the matrix to check.
    /// - Throws: ``emptyMatrix`` or ``nonFiniteEntry(row:column:)`` (the first, in column-major order).
    /// - Complexity: O(m·n).
    @inlinable
    public static func validate<Scalar>(_ a: Matrix<Scalar>) throws(SVDError) {
        if a.isEmpty { throw .emptyMatrix }
        if let (i, j) = a.firstNonFiniteEntry { throw .nonFiniteEntry(row: i, column: j) }
    }
}
