#!/usr/bin/env bash
# Writes `svd --json` for a fixed set of matrices, so that two builds can be compared digit for
# digit (a refactoring must not change a single one):
#
#   Benchmarks/json-outputs.sh PATH/TO/svd OUTDIR
#   diff -r OUTDIR-before OUTDIR-after
#
# The matrices are drawn by a linear congruential generator written out below (not awk's rand,
# which differs between awk implementations), so every machine draws the same ones: Gaussian
# 40×30, graded 30×30 (columns scaled by 10^0 … 10^-14.5), rank 5 of 30×20, and wide 20×35; each
# decomposed thin, --full and --values-only in Double, and thin in Float. The "seconds" member is
# dropped: it is the only one that may differ between runs.
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 PATH/TO/svd OUTDIR" >&2; exit 2; }
svd=$1
out=$2
[[ -x $svd ]] || { echo "error: '$svd' is not an executable" >&2; exit 2; }
mkdir -p "$out"

# matrix KIND ROWS COLUMNS SEED: one row per line, 17 significant digits.
matrix() {
    awk -v kind="$1" -v m="$2" -v n="$3" -v seed="$4" '
        function uniform() { state = (state * 1103515245 + 12345) % 2147483648; return (state + 0.5) / 2147483648 }
        function gaussian() { return sqrt(-2 * log(uniform())) * cos(6.283185307179586 * uniform()) }
        BEGIN {
            state = seed
            if (kind == "lowrank") {
                for (i = 0; i < m; i++) for (k = 0; k < 5; k++) left[i, k] = gaussian()
                for (k = 0; k < 5; k++) for (j = 0; j < n; j++) right[k, j] = gaussian()
            }
            for (i = 0; i < m; i++) {
                line = ""
                for (j = 0; j < n; j++) {
                    if (kind == "lowrank") { x = 0; for (k = 0; k < 5; k++) x += left[i, k] * right[k, j] }
                    else x = gaussian()
                    if (kind == "graded") x *= 10 ^ (-j / 2)
                    line = line (j ? " " : "") sprintf("%.17g", x)
                }
                print line
            }
        }'
}

run() {  # NAME KIND ROWS COLUMNS SEED
    local file="$out/$1.txt"
    matrix "$2" "$3" "$4" "$5" > "$file"
    for variant in thin full values; do
        local flags=()
        [[ $variant == full ]] && flags=(--full)
        [[ $variant == values ]] && flags=(--values-only)
        "$svd" "$file" --json "${flags[@]}" | sed -E 's/, *"seconds" *: *[^,}]*//' > "$out/$1-double-$variant.json"
    done
    "$svd" "$file" --json --precision float | sed -E 's/, *"seconds" *: *[^,}]*//' > "$out/$1-float-thin.json"
}

run gaussian gaussian 40 30 1
run graded graded 30 30 2
run rankdeficient lowrank 30 20 3
run wide gaussian 20 35 4
run gaussian-large gaussian 300 260 5
run graded-large graded 260 260 6
run tall gaussian 700 120 7
echo "wrote $(ls "$out"/*.json | wc -l) JSON outputs to $out" >&2
