// swift-tools-version:6.0
// SVD Lab: a one-sided Jacobi SVD written to be read, and the exercises that put it to work.
import PackageDescription

/// Optional: `SVDLAB_NATIVE=1 swift build -c release` compiles the root package for the host CPU
/// (AVX2/FMA instead of baseline SSE2), which makes the Jacobi kernel 2–3× faster. Off by default,
/// so that a plain `swift build` produces a binary that runs on any x86-64 or arm64 machine.
/// SwiftPM allows `unsafeFlags` in a root package only, which is what this is.
/// It also defines `SVDLAB_NATIVE`, so that a benchmark can say which build it measured.
let nativeFlags: [SwiftSetting] =
    Context.environment["SVDLAB_NATIVE"] == "1"
    ? [.unsafeFlags(["-target-cpu", "native"]), .define("SVDLAB_NATIVE")] : []

/// Every target is optimized, debug builds included. Students type `swift run exercise3`, which
/// is a debug build, and unoptimized generic numerics are 50–100× slower: a 200×200 SVD takes
/// 3.5 s at -Onone and 0.06 s at -O. The caller must be optimized too, because only the optimizer
/// redirects a call such as `decompose(Matrix<Double>)` to the specialized copy the core exports.
let optimizedInDebug: SwiftSetting = .unsafeFlags(["-O"], .when(configuration: .debug))
let swiftSettings: [SwiftSetting] = nativeFlags + [optimizedInDebug]

/// The core additionally compiles as one unit (whole-module optimization), so that generic
/// helpers in one file are specialized for the types used in another (25% faster here).
/// `-num-threads 2` keeps one output file per source file, which indexing in debug builds expects.
let coreSettings: [SwiftSetting] = nativeFlags + [
    .unsafeFlags(["-O", "-wmo", "-num-threads", "2"], .when(configuration: .debug)),
]

let package = Package(
    name: "SVDLab",
    products: [
        .library(name: "SVDCore", targets: ["SVDCore"]),
        .library(name: "LabSupport", targets: ["LabSupport"]),
        .library(name: "Plotting", targets: ["Plotting"]),
        .executable(name: "svd", targets: ["svd"]),
        .executable(name: "svd-benchmark", targets: ["svd-benchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The pedagogical core: one concept per file.
        .target(
            name: "SVDCore",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: coreSettings),
        // Shared helpers of the command-line tools: JSON, tables, timing, error messages.
        .target(
            name: "LabSupport",
            dependencies: ["SVDCore"],
            swiftSettings: swiftSettings),
        // The `svd` playground: any matrix in, its decomposition out.
        .executableTarget(
            name: "svd",
            dependencies: [
                "SVDCore", "LabSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        // Times the core against LAPACK (Benchmarks/RESULTS.md); run it in release mode.
        .executableTarget(
            name: "svd-benchmark",
            dependencies: [
                "SVDCore", "LabSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/svd-benchmark",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CoreTests",
            dependencies: [
                "SVDCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings),
        // Figures described in Swift, drawn by gnuplot; independent of SVDCore.
        .target(name: "Plotting", swiftSettings: swiftSettings),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
