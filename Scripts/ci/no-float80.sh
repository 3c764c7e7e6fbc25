#!/usr/bin/env bash
# Builds the package and its tests as if Float80 did not exist (as on arm64: Apple silicon, Linux
# aarch64), so that an x86-64 machine catches any use of Float80 outside its guards. The switch
# SVDLAB_NO_FLOAT80=1 defines the compilation condition SVDLAB_NO_FLOAT80 (Package.swift), which
# every `#if … Float80` guard tests. Its own scratch directory keeps the normal build untouched.
#
#   Scripts/ci/no-float80.sh            # build only (what CI runs)
#   Scripts/ci/no-float80.sh --test     # also run the tests: those that need Float80 are skipped
set -euo pipefail
cd "$(dirname "$0")/../.."

SVDLAB_NO_FLOAT80=1 swift build --build-tests --scratch-path .build-nofloat80
if [[ ${1:-} == --test ]]; then
    SVDLAB_NO_FLOAT80=1 swift test --skip-build --disable-xctest --scratch-path .build-nofloat80
fi
