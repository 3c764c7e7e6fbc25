#!/usr/bin/env bash
# Compare the core's speed at two git revisions, the way that holds still on a shared machine.
#
#   Benchmarks/compare.sh [-r ROUNDS] [-j values|vectors] BASE [HEAD] -- CASE...
#   Benchmarks/compare.sh -r 8 -j values d4da873 HEAD -- square500 graded500
#
# Why not two runs of svd-benchmark one after the other: on a machine shared with other work the
# repeats of one process fall into levels (graded 500×500 values: about 101 ms or about 128 ms)
# that switch with the other work, so whichever version runs second can look faster or slower
# by 20 % or more. Here every measurement is a separate process (the median of 3 repeats), the
# two revisions alternate A B B A A B …, and the report is the median over ROUNDS processes per
# revision and matrix, with the range, and the ratio HEAD ÷ BASE. Each revision is built in its
# own worktree (release; set SVDLAB_NATIVE=1 to build both for the host CPU, as RESULTS.md does).
set -euo pipefail

rounds=6
job=values
while getopts "r:j:" option; do
    case $option in
        r) rounds=$OPTARG ;;
        j) job=$OPTARG ;;
        *) echo "usage: $0 [-r ROUNDS] [-j values|vectors] BASE [HEAD] -- CASE..." >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[[ $job == values || $job == vectors ]] || { echo "error: -j takes values or vectors, got '$job'" >&2; exit 2; }
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "error: -r takes a positive whole number, got '$rounds'" >&2; exit 2; }

revisions=()
while [[ $# -gt 0 && $1 != -- ]]; do revisions+=("$1"); shift; done
[[ $# -gt 0 ]] && shift
cases=("$@")
[[ ${#revisions[@]} -ge 1 && ${#revisions[@]} -le 2 ]] || { echo "error: give BASE and optionally HEAD (default HEAD)" >&2; exit 2; }
[[ ${#revisions[@]} -eq 1 ]] && revisions+=(HEAD)
[[ ${#cases[@]} -ge 1 ]] || { echo "error: name at least one matrix after --, e.g. -- square500" >&2; exit 2; }

root=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'for t in "$work"/tree-*; do git -C "$root" worktree remove --force "$t" 2>/dev/null || true; done; rm -rf "$work"' EXIT

binaries=()
for index in 0 1; do
    revision=${revisions[$index]}
    commit=$(git -C "$root" rev-parse --verify "$revision^{commit}") || { echo "error: no revision '$revision'" >&2; exit 2; }
    tree="$work/tree-$index"
    git -C "$root" worktree add --detach --quiet "$tree" "$commit"
    echo "building $revision ($commit) …" >&2
    (cd "$tree" && swift build -c release --product svd-benchmark >/dev/null)
    binaries+=("$tree/.build/release/svd-benchmark")
done

arguments=(--no-peers --no-reference --repeat 3)
[[ $job == values ]] && arguments+=(--values-only)
for name in "${cases[@]}"; do arguments+=(--case "$name"); done

# One line per measurement: revision-index matrix milliseconds.
samples="$work/samples"
for round in $(seq "$rounds"); do
    order=(0 1)
    (( round % 2 == 0 )) && order=(1 0)
    for index in "${order[@]}"; do
        "${binaries[$index]}" "${arguments[@]}" 2>/dev/null \
            | awk -v index_="$index" -v job="$job" '$2 == job && $3 ~ /^[0-9.]+$/ { print index_, $1, $3 }' >> "$samples"
    done
    echo "round $round of $rounds done" >&2
done

echo "Median over $rounds processes per revision (each the median of 3 repeats), $job, ms:"
printf '  %-14s %22s %22s %8s\n' matrix "${revisions[0]}" "${revisions[1]}" ratio
for name in "${cases[@]}"; do
    summary() {  # median [min–max] of one revision's samples for this matrix
        awk -v i="$1" -v m="$name" '$1 == i && $2 == m { print $3 }' "$samples" | sort -g \
            | awk '{ v[NR] = $1 } END { if (NR == 0) { print "– – –"; exit }
                     median = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                     print median, v[1], v[NR] }'
    }
    read -r baseMedian baseLow baseHigh <<< "$(summary 0)"
    read -r headMedian headLow headHigh <<< "$(summary 1)"
    ratio=$(awk -v a="$baseMedian" -v b="$headMedian" 'BEGIN { if (a + 0 > 0) printf "%.3f", b / a; else print "–" }')
    printf '  %-14s %22s %22s %8s\n' "$name" "$baseMedian [$baseLow–$baseHigh]" "$headMedian [$headLow–$headHigh]" "$ratio"
done
