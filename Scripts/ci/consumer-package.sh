#!/usr/bin/env bash
# Proves that SVD Lab can be added to another package by version, as its README tells library
# users to: clones this repository into a temporary folder, tags the clone 1.0.0 (the clone only),
# writes a consumer package that depends on it with `from: "1.0.0"` through a file URL, builds it,
# runs one decomposition and checks the printed singular values.
#
# SwiftPM refuses a versioned dependency whose targets carry unsafe flags unless its manifest
# declares swift-tools-version 6.2 or later; this is the check that it still can.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

git clone --quiet "$root" "$work/svd-lab"
git -C "$work/svd-lab" tag 1.0.0

mkdir -p "$work/consumer/Sources/consumer"
cat > "$work/consumer/Package.swift" <<MANIFEST
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "consumer",
    dependencies: [.package(url: "file://$work/svd-lab", from: "1.0.0")],
    targets: [
        .executableTarget(name: "consumer", dependencies: [.product(name: "SVDCore", package: "svd-lab")]),
    ]
)
MANIFEST
cat > "$work/consumer/Sources/consumer/main.swift" <<'SOURCE'
import SVDCore

// [[3, 0], [4, 5]]: AᵀA = [[25, 20], [20, 25]] has eigenvalues 45 and 5, so σ = √45, √5.
let a = try Matrix<Double>(rows: [[3, 0], [4, 5]])
let svd = try OneSidedJacobi().decompose(a)
print(svd.singularValues.map { String(Int(($0 * 1e6).rounded())) }.joined(separator: " "))
SOURCE

(cd "$work/consumer" && swift build --quiet) >&2
output="$(cd "$work/consumer" && swift run --skip-build consumer)"
expected="6708204 2236068"
if [[ "$output" != "$expected" ]]; then
    echo "consumer package printed '$output', expected '$expected' (10⁶·σ of [[3, 0], [4, 5]])" >&2
    exit 1
fi
echo "consumer package: depends on SVD Lab from: 1.0.0, built and ran a decomposition ($output)"
