// swift-tools-version:6.2
// SVD Lab: a one-sided Jacobi SVD written to be read, and the exercises that put it to work.
import PackageDescription

/// Optional: `SVDLAB_NATIVE=1 swift build -c release` compiles the root package for the host CPU
/// (AVX2/AVX-512 instead of baseline SSE2), which makes the Jacobi SVD 1.1–2.0× faster
/// (Benchmarks/RESULTS.md). Off by default,
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
        .library(name: "LabImages", targets: ["LabImages"]),
        .executable(name: "svd", targets: ["svd"]),
        .executable(name: "svd-benchmark", targets: ["svd-benchmark"]),
        .executable(name: "exercise0", targets: ["exercise0"]),
        .executable(name: "exercise1", targets: ["exercise1"]),
        .executable(name: "exercise3", targets: ["exercise3"]),
        .executable(name: "exercise4", targets: ["exercise4"]),
        .executable(name: "exercise2", targets: ["exercise2"]),
        .executable(name: "exercise5", targets: ["exercise5"]),
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
        // Shared helpers of the command-line tools: JSON, tables, timing, error messages, and the
        // output options (--json, --plots-dir, --no-plots) every exercise takes.
        .target(
            name: "LabSupport",
            dependencies: [
                "SVDCore", "Plotting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
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
        // `svd-grade`: the score table and JUnit XML behind Scripts/grade.sh.
        .executableTarget(
            name: "svd-grade",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings),
        // Runs the built exercise executables for the exercises' end-to-end tests.
        .target(
            name: "ExerciseTestSupport",
            path: "Tests/ExerciseTestSupport",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CoreTests",
            dependencies: [
                "SVDCore", "svd",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings),
        // Figures described in Swift, drawn by gnuplot; independent of SVDCore.
        .target(name: "Plotting", swiftSettings: swiftSettings),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"], swiftSettings: swiftSettings),
        // The system zlib (inflate/deflate for PNG); zlib1g-dev is a Linux prerequisite of the Swift toolchain.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // Reading and writing PNG and PGM/PPM images, independent of the SVD core.
        .target(
            name: "LabImages",
            dependencies: ["CZlib"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ImageCodecTests",
            dependencies: ["LabImages"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings),
        // Exercise 1: principal component analysis through the SVD of the centred data.
        .target(
            name: "PrincipalComponents",
            dependencies: ["SVDCore", "LabSupport", "Plotting"],
            resources: [.copy("Resources/iris.csv"), .copy("Resources/README.md")],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "exercise1",
            dependencies: [
                "PrincipalComponents", "LabSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Exercises/exercise1",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "Exercise1Tests",
            dependencies: [
                "ExerciseTestSupport",
                "PrincipalComponents", "SVDCore", "LabSupport", "Plotting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings),
        // Exercise 3: the pseudoinverse and least squares, graded on NIST's certified data sets.
        .target(
            name: "LeastSquaresLab",
            dependencies: ["SVDCore", "LabSupport", "Plotting"],
            resources: [.copy("Resources/StRD")],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "exercise3",
            dependencies: [
                "LeastSquaresLab", "LabSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Exercises/exercise3",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "Exercise3Tests",
            dependencies: [
                "ExerciseTestSupport",
                "LeastSquaresLab", "SVDCore", "LabSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings),
        // Exercise 4: the condition number of the Hilbert matrix, and how to compute it exactly.
        .target(
            name: "HilbertLab",
            dependencies: ["SVDCore", "LabSupport", "Plotting"],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "exercise4",
            dependencies: [
                "HilbertLab", "LabSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Exercises/exercise4",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "Exercise4Tests",
            dependencies: [
                "ExerciseTestSupport",
                "HilbertLab", "SVDCore", "LabSupport", "Plotting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings),
        // Exercise 0: the geometry of the SVD, a 2×2 matrix mapping the unit circle onto an ellipse.
        .target(
            name: "GeometryLab",
            dependencies: ["SVDCore", "LabSupport", "Plotting"],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "exercise0",
            dependencies: [
                "GeometryLab", "LabSupport", "Plotting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Exercises/exercise0",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "Exercise0Tests",
            dependencies: [
                "ExerciseTestSupport",
                "GeometryLab", "SVDCore", "LabSupport", "Plotting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings),
        // Exercise 5: a weight matrix replaced by two low-rank factors (randomized SVD).
        .target(
            name: "LowRankLayer",
            dependencies: ["SVDCore", "LabSupport", "Plotting"],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "exercise5",
            dependencies: [
                "LowRankLayer", "SVDCore", "LabSupport", "Plotting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Exercises/exercise5",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "Exercise5Tests",
            dependencies: [
                "ExerciseTestSupport",
                "LowRankLayer", "SVDCore", "LabSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings),
        // Exercise 2: image compression by truncated SVD.
        .target(
            name: "ImageCompression",
            dependencies: ["SVDCore", "LabSupport", "LabImages", "Plotting"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "exercise2",
            dependencies: [
                "ImageCompression", "LabSupport", "Plotting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Exercises/exercise2",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "Exercise2Tests",
            dependencies: ["ExerciseTestSupport", "ImageCompression", "LabImages", "LabSupport", "Plotting", "SVDCore"],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
