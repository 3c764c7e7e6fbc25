#!/usr/bin/env bash
# Gradescope autograder setup: the Swift toolchain, gnuplot and zlib on Gradescope's Ubuntu image.
# Upload a zip of the instructor's tree with this file and run_autograder at its top level
# (Gradescope unpacks it to /autograder/source).
set -euo pipefail
SWIFT_VERSION=${SWIFT_VERSION:-6.1}
apt-get update -qq
apt-get install -y -qq --no-install-recommends curl ca-certificates gnuplot-nox zlib1g-dev \
    binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 libgcc-13-dev libpython3-dev \
    libsqlite3-0 libstdc++-13-dev libxml2-dev libz3-dev pkg-config tzdata unzip
. /etc/os-release
platform="ubuntu${VERSION_ID}"
curl -fsSL "https://download.swift.org/swift-${SWIFT_VERSION}-release/${platform//./}/swift-${SWIFT_VERSION}-RELEASE/swift-${SWIFT_VERSION}-RELEASE-${platform}.tar.gz" \
    | tar -xz -C /opt
ln -sf "/opt/swift-${SWIFT_VERSION}-RELEASE-${platform}/usr/bin/"* /usr/local/bin/
cd /autograder/source
swift build --product lab-admin
