import RealModule

/// The real scalar types the SVD core is written for: `Float`, `Double`, and `Float80` where the
/// platform has it (x86-64 Linux and macOS on Intel).
///
/// The algorithms are written once, against this protocol. `Real` (from swift-numerics) supplies
/// the elementary functions and `hypot` without spurious overflow; `BinaryFloatingPoint` supplies
/// `ulpOfOne`, exact conversions and the exponent arithmetic used for exact power-of-two scaling.
///
/// Generic numerical code is only fast once specialized for a concrete type, and a caller in
/// another module cannot specialize what it cannot see. Two rules make sure it always can:
/// - the Jacobi entry points carry `@_specialize(exported: true, …)` for each conforming type,
///   so the compiled core contains the specialized code (see `OneSidedJacobiSVD.swift`);
/// - every other public generic operation that loops over the data (matrix products, norms,
///   the pseudoinverse, truncation, subspaces) is `@inlinable`, so the caller compiles its own
///   specialized copy. Without it a 300×300 product from an exercise took 0.49 s through witness
///   tables instead of 5.3 ms (measured, debug build as configured here).
public protocol SVDScalar: Real, BinaryFloatingPoint, Sendable, LosslessStringConvertible {
    /// A short lowercase name used in reports and JSON: "float", "double", "float80".
    static var precisionName: String { get }
}

extension Float: SVDScalar {
    public static var precisionName: String { "float" }
}

extension Double: SVDScalar {
    public static var precisionName: String { "double" }
}

#if (arch(i386) || arch(x86_64)) && !os(Windows) && !os(Android) && !SVDLAB_NO_FLOAT80
extension Float80: SVDScalar {
    public static var precisionName: String { "float80" }
}
#endif

/// Whether this build has `Float80` (and with it `Float80` as an `SVDScalar`): true on x86-64
/// Linux and Intel macOS, false on arm64 and in a build with `SVDLAB_NO_FLOAT80=1`, which compiles
/// the package as if `Float80` did not exist. Tests that need `Float80` are enabled by it, so
/// that without it they are reported as skipped rather than silently missing.
public let float80IsAvailable: Bool = {
    #if (arch(i386) || arch(x86_64)) && !os(Windows) && !os(Android) && !SVDLAB_NO_FLOAT80
    return true
    #else
    return false
    #endif
}()
