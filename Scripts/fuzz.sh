#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser with libFuzzer: the matrix text of `svd`, exercise 1's
# CSV, NIST StRD and exercise 3's CSV, PNG, PGM/PPM, and the --matrix, --ranks and --sizes options.
#
#     Scripts/fuzz.sh [seconds-per-target] [target …]      (default: 60 s, every target)
#
# Each target (Fuzz/<name>) is built with -sanitize=fuzzer,address into .build-fuzz, then run for
# the given time on a corpus seeded from the package's own data (iris.csv, the NIST StRD files,
# the PNG fixtures, small PGM/PPM and option texts); the corpus grows across runs. A crash makes
# the script exit 1 and leaves the input in .build-fuzz/crashes/<target>/: turn it into a
# regression test. The last line prints the inputs tried per target, for the record.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(matrix-text csv strd png netpbm options); fi

work=.build-fuzz
mkdir -p "$work"
# Only the fuzz targets are built, in their own build directory: the sanitizer flags never reach
# the normal build.
for target in "${targets[@]}"; do
    SVDLAB_FUZZ=1 swift build --scratch-path "$work/build" --product "fuzz-$target" \
        -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -v "Cannot export local symbol" | tail -1
done
binaries="$(SVDLAB_FUZZ=1 swift build --scratch-path "$work/build" --show-bin-path)"

# Seeds from the shipped data.
seed() {
    local target="$1" dir="$work/corpus/$1"
    mkdir -p "$dir"
    case "$target" in
        matrix-text) printf '1 2\n3 4\n' > "$dir/small.txt"; printf '# c\n1, 2, 3\r\n4 5 6\r\n' > "$dir/crlf.txt" ;;
        csv) cp Sources/PrincipalComponents/Resources/iris.csv "$dir/" ;;
        strd) cp Sources/LeastSquaresLab/Resources/StRD/*.dat "$dir/"; printf 'x,y\n1,2\n2,3\n' > "$dir/xy.csv" ;;
        png) # The small PNGs of the codec tests (every colour type, bit depth, Adam7), from their hex.
             local n=0 hex
             for hex in $(grep -o 'pngHex: "[0-9a-f]*"' Tests/ImageCodecTests/PNGFixtures.swift | cut -d'"' -f2); do
                 printf "$(echo "$hex" | sed 's/../\\x&/g')" > "$dir/fixture-$n.png"
                 n=$((n + 1))
             done ;;
        netpbm) printf 'P2\n2 2\n255\n0 1 2 3\n' > "$dir/p2.pgm"; printf 'P5 2 1 255\n\x01\x02' > "$dir/p5.pgm"
                printf 'P6 1 1 65535\n\x00\x01\x00\x02\x00\x03' > "$dir/p6.ppm"; printf 'P3 1 1 9 1 2 3' > "$dir/p3.ppm" ;;
        options) printf '2 1.5; 0 1' > "$dir/matrix"; printf '1,5,20,50' > "$dir/ranks"; printf '5,10,15' > "$dir/sizes" ;;
    esac
}

status=0
summary=""
for target in "${targets[@]}"; do
    seed "$target"
    mkdir -p "$work/crashes/$target"
    log="$work/fuzz-$target.log"
    echo "== fuzz-$target: $seconds s"
    if ! "$binaries/fuzz-$target" "$work/corpus/$target" -max_total_time="$seconds" -max_len=65536 \
            -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
            -artifact_prefix="$work/crashes/$target/" > "$log" 2>&1; then
        status=1
        echo "   CRASH: see $log and $work/crashes/$target/"
        grep -m1 -E "ERROR|Fatal error|runtime failure" "$log" || true
    fi
    runs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')"
    summary+="fuzz-$target: $runs inputs; "
done
echo "${summary%; }"
exit $status
