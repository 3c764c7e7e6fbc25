#!/usr/bin/env bash
# Grade the suite: run every test once, print a score table per exercise, write JUnit XML.
#
#   Scripts/grade.sh                 # everything
#   Scripts/grade.sh Exercise3Tests  # one graded suite (module name), or several
#
# Results go to .build/grading/: test-output.txt (the full log), swift-testing.xml (Swift
# Testing's xUnit), junit.xml (one <testsuite> per graded suite, failures = failed tests).
# Exit status: 0 when every expected suite ran and passed, non-zero otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
out=.build/grading
mkdir -p "$out"
rm -f "$out"/swift-testing*.xml

swift build --product svd-grade >/dev/null || { echo "grade: cannot build svd-grade" >&2; exit 2; }

filter=()
expect=()
for suite in "$@"; do filter+=(--filter "$suite"); expect+=("$suite"); done

swift test --disable-xctest --xunit-output "$out/swift-testing.xml" "${filter[@]}" 2>&1 | tee "$out/test-output.txt"
test_status=${PIPESTATUS[0]}

# Swift Testing appends "-swift-testing" to the name when XCTest runs too.
xml="$out/swift-testing.xml"
[ -f "$xml" ] || xml="$out/swift-testing-swift-testing.xml"

if [ ${#expect[@]} -gt 0 ]; then
    swift run --skip-build svd-grade "$xml" --junit "$out/junit.xml" --expect "${expect[@]}"
else
    swift run --skip-build svd-grade "$xml" --junit "$out/junit.xml"
fi
grade_status=$?
if [ "$grade_status" -eq 0 ] && [ "$test_status" -ne 0 ]; then
    echo "grade: swift test exited with status $test_status" >&2
    exit "$test_status"
fi
exit "$grade_status"
