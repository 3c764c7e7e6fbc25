#!/usr/bin/env bash
# Builds the DocC documentation of every library product with warnings as errors: a symbol link
# that does not resolve, a parameter documented that does not exist or one left out, a
# malformed catalog page, each fails the build. The archives go to .build/docs/<Target>.doccarchive
# (not committed); each is a static web site: serve its folder with any web server and open
# /documentation/<target in lower case>.
#
# The core guide, Guides/OneSidedJacobi.md, is the single source of the SVDCore article "The
# one-sided Jacobi SVD": this script copies it into the catalog for the build (and removes the copy
# afterwards), rewriting the links that point into the repository, which mean nothing inside the
# documentation, as the repository path they name.
#
#   Scripts/ci/docs.sh                  # every library product
#   Scripts/ci/docs.sh SVDCore Plotting # only these
set -euo pipefail
cd "$(dirname "$0")/../.."

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(SVDFoundation SVDTextbook SVDCore LabImages Plotting LabSupport)
fi
out=.build/docs
mkdir -p "$out"

article=Sources/SVDCore/SVDCore.docc/OneSidedJacobiGuide.md
trap 'rm -f "$article"' EXIT
{
    echo "# The one-sided Jacobi SVD"
    echo
    echo 'The algorithm behind ``OneSidedJacobi``, as a textbook chapter (`Guides/OneSidedJacobi.md`'
    echo 'in the repository, from which this page is made).'
    # Drop the title and the line of links under it; a link into the repository becomes its text
    # and the path it names; a link to another guide names the guide.
    awk 'NR == 1 { next } NR == 2 && /^$/ { skipping = 1; next }
         skipping && /^\[/ { next } skipping && !/^\[/ { skipping = 0 } { print }' Guides/OneSidedJacobi.md |
        sed -E -e 's#\[([^]]+)\]\(\.\./([^)]+)\)#\1 (`\2`)#g' \
               -e 's#\[([^]]+)\]\(([A-Za-z0-9-]+\.md)\)#\1 (`Guides/\2`)#g'
} > "$article"

for target in "${targets[@]}"; do
    start=$SECONDS
    rm -rf "${out:?}/$target.doccarchive"
    swift package --allow-writing-to-directory "$out" generate-documentation \
        --target "$target" --warnings-as-errors --output-path "$out/$target.doccarchive"
    echo "docs: $target built without warnings in $((SECONDS - start)) s ($out/$target.doccarchive)"
done
