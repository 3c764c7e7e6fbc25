#!/usr/bin/env bash
# CI step: fuzz every parser for 30 s each (six targets: 3 min plus the build), failing on
# any crash. Longer runs: Scripts/fuzz.sh 600.
set -euo pipefail
cd "$(dirname "$0")/../.."
Scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
