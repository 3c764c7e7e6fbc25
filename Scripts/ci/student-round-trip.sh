#!/usr/bin/env bash
# The student version of the lab, both ways (`lab-admin validate`): the markers agree with the
# rubric; the instructor's tree passes every task, hidden tests included; the generated student
# tree builds, exercise3 runs and names the tasks it waits for, and every graded test there is
# notImplemented (score 0); the solutions put back score full marks; a seeded fault (the absolute
# stopping test) passes C2's ordinary tier and fails its graded tier with replayable feedback; a
# property check without the order test earns 5/6 of T1 (credit per case).
# The student tree is a second full build of the package.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product lab-admin
"$(swift build --show-bin-path)/lab-admin" validate
