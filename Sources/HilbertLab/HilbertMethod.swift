import SVDCore
import SVDDecomposers

/// How κ₂(Hₙ) is computed: by a decomposer (one-sided Jacobi unless `--decomposer` names
/// another) on Hₙ *stored* in one of the three floating-point types, or `accurate`: in Double, from the exact integer nodes of Hₙ as a Cauchy
/// matrix (``AccurateCauchySVD``).
public enum HilbertMethod: String, CaseIterable, Sendable {
    case float
    case double
    /// x87 extended precision, only on x86-64.
    case float80
    case accurate

    /// The methods this machine can run, in table order: Float80 exists only on x86-64.
    public static var available: [HilbertMethod] {
        #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
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
    /// The stored-precision methods return the singular values of fl(Hₙ) computed by
    /// `decomposer`, converted to Double (exactly for Float; Float80 values are rounded to the
    /// nearest Double, which costs nothing visible next to their own error). `accurate` always
    /// uses one-sided Jacobi (see ``AccurateCauchySVD``).
    ///
    /// - Parameters:
    ///   - n: the order of Hₙ.
    ///   - decomposer: the SVD algorithm applied to the stored matrix.
    /// - Returns: σ₁ ≥ … ≥ σₙ.
    /// - Throws: `SVDError` when the decomposer does not converge.
    public func singularValues(ofHilbert n: Int,
                               using decomposer: any SingularValueDecomposer = DecomposerRegistry.standard.decomposer)
        throws(SVDError) -> [Double]
    {
        switch self {
        case .float: return try Self.storedSingularValues(n, Float.self, decomposer)
        case .double: return try Self.storedSingularValues(n, Double.self, decomposer)
        case .float80:
            #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
            return try Self.storedSingularValues(n, Float80.self, decomposer)
            #else
            preconditionFailure("Float80 is not available on this architecture")
            #endif
        case .accurate: return try AccurateCauchySVD(.hilbert(n)).singularValues
        }
    }

    private static func storedSingularValues<S: SVDScalar>(_ n: Int, _: S.Type,
                                                           _ decomposer: any SingularValueDecomposer)
        throws(SVDError) -> [Double]
    {
        let stored: Matrix<S> = CauchyMatrix.hilbert(n).stored()
        return try decomposer.singularValues(of: stored).singularValues.map { Double($0) }
    }
}
