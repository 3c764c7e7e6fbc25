import SVDCore

/// How κ₂(Hₙ) is computed: by the one-sided Jacobi core on Hₙ *stored* in one of the three
/// floating-point types, or `accurate`: in Double, from the exact integer nodes of Hₙ as a Cauchy
/// matrix (``AccurateCauchySVD``).
public enum HilbertMethod: String, CaseIterable, Sendable {
    case float
    case double
    /// x87 extended precision, only on x86-64.
    case float80
    case accurate

    /// The methods this machine can run, in table order: Float80 exists only on x86-64.
    public static var available: [HilbertMethod] {
        #if arch(x86_64) || arch(i386)
        return [.float, .double, .float80, .accurate]
        #else
        return [.float, .double, .accurate]
        #endif
    }

    /// The stored-matrix methods available here (all but `accurate`).
    public static var availableStoredPrecisions: [HilbertMethod] { available.filter { $0 != .accurate } }

    /// The machine epsilon ε = 2^{1−p} of the arithmetic: 2⁻²³, 2⁻⁵², 2⁻⁶³, and Double's for
    /// `accurate`. Storing an entry rounds it by at most ε/2 relatively.
    public var epsilon: Double {
        switch self {
        case .float: return Double(Float.ulpOfOne)
        case .double, .accurate: return Double.ulpOfOne
        case .float80: return 0x1p-63
        }
    }

    /// The label used in tables and figure keys ("Float", "Double", "Float80", "accurate").
    public var label: String {
        switch self {
        case .float: return "Float"
        case .double: return "Double"
        case .float80: return "Float80"
        case .accurate: return "accurate"
        }
    }

    /// The singular values of Hₙ, largest first, computed by this method.
    ///
    /// The stored-precision methods return the one-sided Jacobi singular values of fl(Hₙ)
    /// converted to Double (exactly for Float; Float80 values are rounded to the nearest Double,
    /// which costs nothing visible next to their own error).
    public func singularValues(ofHilbert n: Int) throws(SVDError) -> [Double] {
        switch self {
        case .float: return try Self.jacobiSingularValues(n, Float.self)
        case .double: return try Self.jacobiSingularValues(n, Double.self)
        case .float80:
            #if arch(x86_64) || arch(i386)
            return try Self.jacobiSingularValues(n, Float80.self)
            #else
            preconditionFailure("Float80 is not available on this architecture")
            #endif
        case .accurate: return try AccurateCauchySVD(.hilbert(n)).singularValues
        }
    }

    private static func jacobiSingularValues<S: SVDScalar>(_ n: Int, _: S.Type) throws(SVDError) -> [Double] {
        let stored: Matrix<S> = CauchyMatrix.hilbert(n).stored()
        return try OneSidedJacobi().singularValues(of: stored).singularValues.map { Double($0) }
    }
}
