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

/// Optional: `SVDLAB_NO_FLOAT80=1 swift build --build-tests` compiles the whole package and its
/// tests as if `Float80` did not exist, as on arm64 (Apple silicon, Linux aarch64), so that an
/// x86-64 machine can check that nothing uses it unguarded (Scripts/ci/no-float80.sh). Every use
/// of `Float80` sits behind `#if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80`; the tests
/// that need it are then reported as skipped, with the reason.
let noFloat80Flags: [SwiftSetting] =
    Context.environment["SVDLAB_NO_FLOAT80"] == "1" ? [.define("SVDLAB_NO_FLOAT80")] : []

/// Every target is optimized, debug builds included. Students type `swift run exercise3`, which
/// is a debug build, and unoptimized generic numerics are 50–100× slower: a 200×200 SVD takes
/// 3.5 s at -Onone and 0.06 s at -O. The caller must be optimized too, because only the optimizer
/// redirects a call such as `decompose(Matrix<Double>)` to the specialized copy the core exports.
let optimizedInDebug: SwiftSetting = .unsafeFlags(["-O"], .when(configuration: .debug))
let swiftSettings: [SwiftSetting] = nativeFlags + noFloat80Flags + [optimizedInDebug]

/// The core additionally compiles as one unit (whole-module optimization), so that generic
/// helpers in one file are specialized for the types used in another (25% faster here).
/// `-num-threads 2` keeps one output file per source file, which indexing in debug builds expects.
let coreSettings: [SwiftSetting] = nativeFlags + noFloat80Flags + [
    .unsafeFlags(["-O", "-wmo", "-num-threads", "2"], .when(configuration: .debug)),
]

let package = Package(
    name: "SVDLab",
    products: [
        .library(name: "SVDCore", targets: ["SVDCore"]),
        .library(name: "SVDFoundation", targets: ["SVDFoundation"]),
        .library(name: "SVDTextbook", targets: ["SVDTextbook"]),
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
        // `swift package generate-documentation --target SVDCore`: the DocC catalogs (Scripts/ci/docs.sh).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The core in three layers, in the order a reader meets them.
        // 1. What an SVD is: matrices, the decomposer protocol, the result types, the sign
        //    convention, and everything computed from a decomposition. No algorithm computes an SVD
        //    here, so a module that depends on this alone cannot call one.
        .target(
            name: "SVDFoundation",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: coreSettings),
        // 2. How the textbooks compute it: one-sided Jacobi as written on paper, the plane rotation,
        //    and the route through the eigenvalues of AᵀA. Short, with no performance machinery.
        .target(
            name: "SVDTextbook",
            dependencies: ["SVDFoundation"],
            swiftSettings: coreSettings),
        // 3. The fast one-sided Jacobi and the kernels only it needs (QR preconditioning, reflector
        //    blocks, SIMD, pair memory, …). `import SVDCore` also brings in the foundation.
        .target(
            name: "SVDCore",
            dependencies: [
                "SVDFoundation", "SVDTextbook", "SVDTestMatrices",
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            swiftSettings: coreSettings),
        // The decomposers the command-line tools offer by name (`--decomposer NAME`).
        .target(
            name: "SVDDecomposers",
            dependencies: ["SVDCore", "SVDTextbook", "StudentJacobi"],
            swiftSettings: swiftSettings),
        // Matrices with known properties and the seeded generator that draws the random ones,
        // shared by the tests, the benchmark, the exercises and the randomized SVD.
        .target(
            name: "SVDTestMatrices",
            dependencies: ["SVDFoundation", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: swiftSettings),
        // Arithmetic beyond Double on every platform: double-double and compensated sums.
        .target(name: "ExtendedPrecision", swiftSettings: swiftSettings),
        // Reading a named file or stream whole, bounded, without blocking on a FIFO with no writer.
        .target(name: "FileInput", swiftSettings: swiftSettings),
        // Shared helpers of the command-line tools: JSON, tables, timing, error messages, and the
        // output options (--json, --plots-dir, --no-plots) every exercise takes.
        .target(
            name: "LabSupport",
            dependencies: [
                "SVDCore", "SVDDecomposers", "Plotting", "FileInput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        // The `svd` playground: any matrix in, its decomposition out.
        .executableTarget(
            name: "svd",
            dependencies: [
                "SVDCore", "SVDDecomposers", "LabSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        // Times the core against LAPACK (Benchmarks/RESULTS.md); run it in release mode.
        .executableTarget(
            name: "svd-benchmark",
            dependencies: [
                "SVDCore", "SVDTestMatrices", "LabSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/svd-benchmark",
            swiftSettings: swiftSettings),
        // `svd-grade`: the score table and JUnit XML behind Scripts/grade.sh.
        .executableTarget(
            name: "svd-grade",
            dependencies: ["GradingSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings),
        // Runs the built exercise executables for the exercises' end-to-end tests.
        .target(
            name: "ExerciseTestSupport",
            path: "Tests/ExerciseTestSupport",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CoreTests",
            dependencies: [
                "SVDFoundation", "SVDTextbook", "SVDCore", "SVDTestMatrices", "SVDDecomposers", "svd",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings),
        // The contract suite: every property of an SVD, graded on any decomposer through the
        // public API (Guides/Verification.md); reference spectra computed outside Swift.
        .testTarget(
            name: "ContractTests",
            dependencies: ["SVDCore", "SVDTextbook", "SVDDecomposers", "SVDTestMatrices", "PlainHestenesJacobi"],
            exclude: ["Fixtures/make_fixtures.py", "Fixtures/README.md"],
            resources: [.copy("Fixtures/spectra.json")],
            swiftSettings: swiftSettings),
        // A decomposer written with the foundation alone, outside the package's algorithms: the
        // contract suite grades it like the package's own (it cannot see the kernels).
        .target(
            name: "PlainHestenesJacobi",
            dependencies: ["SVDFoundation"],
            path: "Tests/PlainHestenesJacobi",
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
            dependencies: ["CZlib", "FileInput"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ImageCodecTests",
            dependencies: ["LabImages"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings),
        // Exercise 1: principal component analysis through the SVD of the centred data.
        .target(
            name: "PrincipalComponents",
            dependencies: ["SVDCore", "SVDDecomposers", "SVDTextbook", "LabSupport", "Plotting"],
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
                "ExerciseTestSupport", "SVDDecomposers",
                "PrincipalComponents", "SVDCore", "LabSupport", "Plotting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings),
        // Exercise 3: the pseudoinverse and least squares, graded on NIST's certified data sets.
        .target(
            name: "LeastSquaresLab",
            dependencies: ["SVDCore", "SVDDecomposers", "SVDTestMatrices", "ExtendedPrecision", "LabSupport", "Plotting"],
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
                "ExerciseTestSupport", "SVDDecomposers",
                "LeastSquaresLab", "SVDCore", "SVDTestMatrices", "ExtendedPrecision", "LabSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures/regression_reference.py"],
            resources: [.copy("Fixtures/plants.csv"), .copy("Fixtures/regression-reference.json")],
            swiftSettings: swiftSettings),
        // Exercise 4: the condition number of the Hilbert matrix, and how to compute it exactly.
        .target(
            name: "HilbertLab",
            dependencies: ["SVDCore", "SVDDecomposers", "SVDTestMatrices", "ExtendedPrecision", "LabSupport", "Plotting"],
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
                "ExerciseTestSupport", "SVDDecomposers",
                "HilbertLab", "SVDCore", "SVDTestMatrices", "ExtendedPrecision", "LabSupport", "Plotting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings),
        // Exercise 0: the geometry of the SVD, a 2×2 matrix mapping the unit circle onto an ellipse.
        .target(
            name: "GeometryLab",
            dependencies: ["SVDCore", "SVDDecomposers", "LabSupport", "Plotting"],
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
                "ExerciseTestSupport", "SVDDecomposers",
                "GeometryLab", "SVDCore", "LabSupport", "Plotting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings),
        // Exercise 5: a weight matrix replaced by two low-rank factors (randomized SVD).
        .target(
            name: "LowRankLayer",
            dependencies: ["SVDCore", "SVDDecomposers", "SVDTestMatrices", "LabSupport", "Plotting"],
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
                "ExerciseTestSupport", "SVDDecomposers",
                "LowRankLayer", "SVDCore", "SVDTestMatrices", "LabSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings),
        // Exercise 2: image compression by truncated SVD.
        .target(
            name: "ImageCompression",
            dependencies: ["SVDCore", "SVDDecomposers", "LabSupport", "LabImages", "Plotting"],
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
        // Every excerpt of output that a guide or the README quotes, re-run and compared.
        .testTarget(
            name: "GuideTests",
            dependencies: ["ExerciseTestSupport"],
            swiftSettings: swiftSettings),
        // Every executable against hostile input, each run limited in memory and time.
        .testTarget(
            name: "HostileInputTests",
            dependencies: ["ExerciseTestSupport", "LabImages"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "Exercise2Tests",
            dependencies: [
                "ExerciseTestSupport", "SVDDecomposers", "ImageCompression", "LabImages", "LabSupport", "Plotting", "SVDCore",
                "SVDTestMatrices",
            ],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)

/// Fuzz targets, one per parser (Fuzz/, run by Scripts/fuzz.sh): they exist only when
/// `SVDLAB_FUZZ=1`, so a plain `swift build` or `swift test` never sees them; the script builds
/// them with `-sanitize=fuzzer,address` into a build directory of their own.
if Context.environment["SVDLAB_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("matrix-text", ["SVDCore"]),
        ("csv", ["PrincipalComponents"]),
        ("strd", ["LeastSquaresLab"]),
        ("png", ["LabImages"]),
        ("netpbm", ["LabImages"]),
        ("options", ["GeometryLab", "HilbertLab", "LabSupport"]),
    ]
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"))
    for target in fuzzTargets {
        package.targets.append(.executableTarget(
            name: "fuzz-\(target.name)", dependencies: ["FuzzDriver"] + target.dependencies,
            path: "Fuzz/\(target.name)", swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]))
    }
}

// Student mode: the exercises as tasks. Solutions in the sources are marked (`// TASK`,
// `// BEGIN SOLUTION` … `// END SOLUTION`); `swift run lab-admin generate-student` writes the
// student version, where they are stubs; `swift run lab` lists, checks, hints and grades them.
package.targets += [
    // The markers, the rubric (Exercises/rubric.json) and the student tree made from them.
    .target(name: "LabMarkers", swiftSettings: swiftSettings),
    // A program run with a time limit: each graded task or suite in its own process.
    .target(name: "GradingSupport", swiftSettings: swiftSettings),
    // The student's one-sided Jacobi (tasks C1–C4), on the foundation's API alone.
    // Compiled as one unit, like the core, so that its Double and Float copies reach every task.
    .target(name: "StudentJacobi", dependencies: ["SVDFoundation"], swiftSettings: coreSettings),
    // The spectrum tasks (S1, S2): what follows from the singular values alone.
    .target(name: "SpectrumTasks", dependencies: ["SVDFoundation"], swiftSettings: swiftSettings),
    // The student's property check of any decomposition (task T1), on the foundation alone.
    .target(name: "PropertyChecks", dependencies: ["SVDFoundation"], swiftSettings: swiftSettings),
    // The properties each task is graded by, the grading rules and the report formats.
    .target(
        name: "LabGrading",
        dependencies: [
            "SVDCore", "SVDTestMatrices", "SVDTextbook", "StudentJacobi", "SpectrumTasks", "LeastSquaresLab", "HilbertLab", "LowRankLayer", "LabMarkers", "GradingSupport",
            "PrincipalComponents", "ImageCompression", "ExtendedPrecision",
            "PropertyChecks",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: swiftSettings),
    // `swift run lab`: list, check, hint, reset, watch, grade.
    .executableTarget(
        name: "lab",
        dependencies: [
            "LabGrading", "LabMarkers", "GradingSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: swiftSettings),
    .testTarget(
        name: "GraderTests",
        dependencies: ["svd-grade", "GradingSupport"],
        swiftSettings: swiftSettings),
    // BEGIN HIDDEN
    // `swift run lab-admin`: generate-student, validate, grade --submission (instructor only).
    .executableTarget(
        name: "lab-admin",
        dependencies: [
            "LabGrading", "LabMarkers", "GradingSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: swiftSettings),
    // The task checks on the instructor's solutions, the markers, the grading rules.
    .testTarget(
        name: "TaskTests",
        dependencies: ["LabGrading", "LabMarkers", "StudentJacobi", "PropertyChecks", "SVDCore", "SVDTestMatrices"],
        swiftSettings: swiftSettings),
    // END HIDDEN
]
