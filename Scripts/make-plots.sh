#!/usr/bin/env bash
# Regenerate every committed figure in plots/ by running each exercise with its defaults.
# Needs gnuplot (Debian: apt-get install gnuplot-nox). Takes about a minute after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v gnuplot >/dev/null || { echo "make-plots: gnuplot not found (apt-get install gnuplot-nox)" >&2; exit 1; }
swift build
for exercise in exercise0 exercise1 exercise2 exercise3 exercise4 exercise5; do
    echo "== $exercise"
    swift run --skip-build "$exercise" > /dev/null
done
ls -1 plots/*.png
