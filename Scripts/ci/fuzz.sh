#!/usr/bin/env bash
# CI step: fuzz every parser for 25 s each (six targets: 2.5 min plus a 4–6 min build), failing on
# any crash. Longer runs: Scripts/fuzz.sh 600.
set -euo pipefail
cd "$(dirname "$0")/../.."
Scripts/fuzz.sh "${FUZZ_SECONDS:-25}"
