/// The memory and work an SVD request needs, estimated from the shape before any work starts, so
/// that a request that cannot finish on a laptop is refused in one line that says what to ask
/// instead.
///
/// Work: the QR preconditioning and the Jacobi sweeps cost about c·m·n·p operations; a 512×512
/// matrix (1.3·10⁸ units) takes about 0.7 s in the optimized debug build, so ``largestWork`` is
/// about 5 minutes there (less in a release build).
///
/// Bytes, with p = min(m, n) and s the size of a scalar: the matrix and a working copy
/// (2·m·n·s), then U and V — thin m×p and n×p, full m×m and n×n — or nothing with values only.
/// A 2×10⁶ matrix is 32 MB, its thin factors 48 MB, and its full V 8 TB.
public struct DecompositionCost: Sendable, Equatable {
    /// The memory needed, in bytes: s·(2·m·n + the entries of the factors asked for).
    public let bytes: Double
    /// m·n·p.
    public let work: Double

    /// The most work accepted (see the type's description).
    public static let largestWork = 5e10

    /// The most memory accepted: 4 GiB.
    public static let largestBytes = 4.0 * 1024 * 1024 * 1024

    /// Which factors are asked for.
    public enum Vectors: Sendable {
        /// The singular values only.
        case none
        /// U m×p and V n×p.
        case thin
        /// U m×m and V n×n.
        case full
    }

    /// The cost of decomposing an m×n matrix.
    ///
    /// - Parameters:
    ///   - m: the number of rows.
    ///   - n: the number of columns.
    ///   - scalarBytes: the size of one scalar (8 for `Double`).
    ///   - vectors: which factors are asked for.
    public init(rows m: Int, columns n: Int, scalarBytes: Int, vectors: Vectors) {
        let m = Double(m), n = Double(n), p = min(m, n), s = Double(scalarBytes)
        let factors: Double
        switch vectors {
        case .none: factors = 0
        case .thin: factors = m * p + n * p
        case .full: factors = m * m + n * n
        }
        bytes = s * (2 * m * n + factors)
        work = m * n * p
    }

    /// Refuses a request above ``largestWork`` or ``largestBytes``.
    ///
    /// - Parameters:
    ///   - rows: m, for the message.
    ///   - columns: n, for the message.
    ///   - vectors: the factors asked for, for the message (which says what to ask instead).
    /// - Throws: `UserFacingError` naming the shape, the memory needed and the smaller request.
    public func check(rows: Int, columns: Int, vectors: Vectors) throws {
        if work > Self.largestWork {
            let minutes = work / 1.3e8 * 0.7 / 60
            throw UserFacingError("a \(rows)×\(columns) matrix takes about \(Format.significant(minutes, 2)) minutes to "
                + "decompose here (the work grows like m·n·min(m, n)); decompose a block of it (a square one of at "
                + "most about 3600×3600)")
        }
        guard bytes > Self.largestBytes else { return }
        let advice: String
        switch vectors {
        case .full: advice = "leave out --full (the thin U and V hold all the information) or use --values-only"
        case .thin: advice = "use --values-only"
        case .none: advice = "decompose a smaller matrix"
        }
        throw UserFacingError("a \(rows)×\(columns) matrix with \(vectors == .full ? "full" : vectors == .thin ? "thin" : "no") "
            + "singular vectors needs about \(Format.significant(bytes / 1e9, 2)) GB, more than the "
            + "\(Int(Self.largestBytes / 1e9 * 10) / 10) GB allowed; \(advice)")
    }
}
