import SVDCore

/// Why a principal component analysis could not be computed.
public enum PCAError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Centring needs at least two observations: one row minus its mean is zero.
    case tooFewRows(found: Int)
    /// k must be between 1 and the number of components that exist, min(n, p).
    case componentsOutOfRange(requested: Int, available: Int)
    /// A column with no spread cannot be scaled to unit variance.
    case constantColumn(name: String)
    /// Every column is constant: there is no variance to explain.
    case noVariance
    /// σ₁²/n overflows or underflows a Double: the variances cannot be represented.
    case varianceOutOfRange(largestSingularValue: Double)
    /// The SVD itself failed.
    case decomposition(SVDError)
    /// A step the student writes (tasks E1.1–E1.3) is still a stub.
    case notImplemented(TaskNotImplemented)

    public var description: String {
        switch self {
        case let .tooFewRows(found):
            return "PCA needs at least 2 rows (observations), got \(found)"
        case let .componentsOutOfRange(requested, available):
            return "--components must be between 1 and \(available) (the number of components of "
                + "these data, min(rows, columns)), got \(requested)"
        case let .constantColumn(name):
            return "column '\(name)' is constant: it has no spread to scale to unit variance "
                + "(leave out --standardize or remove the column)"
        case .noVariance:
            return "every column is constant: the centred data are zero and there is no variance to explain"
        case let .varianceOutOfRange(sigma):
            return "the variances of these data (σ₁ = \(sigma)) are beyond the range of a Double; "
                + "rescale the data or use --standardize"
        case let .decomposition(error):
            return "the SVD failed: \(error)"
        case let .notImplemented(missing):
            return "\(missing)"
        }
    }
}
