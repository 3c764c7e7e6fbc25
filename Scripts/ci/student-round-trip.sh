#!/usr/bin/env bash
# The student version of the lab, both ways (`lab-admin validate`): the markers agree with the
# rubric; the instructor's tree passes every task, hidden tests included; the generated student
# tree builds, exercises 1–3 run and name the tasks they wait for, and every graded test there is
# notImplemented (score 0); the solutions put back score full marks; each seeded fault (C2's
# absolute stopping test, E1.1 without scaling, E1.2's unscaled ratios) passes its task's ordinary
# tests and fails the one made for it, with replayable feedback; a property check without the
# order test earns 5/6 of T1 (credit per case).
# The student tree is a second full build of the package.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product lab-admin
"$(swift build --show-bin-path)/lab-admin" validate
