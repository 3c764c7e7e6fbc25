#!/usr/bin/env python3
"""Writes two-sided-grading.json: matrices A = D1·B·D2 with rows and columns shuffled, and the
singular values of each stored (binary64) A computed by mpmath at 50 significant digits.

Provenance: numpy (matrices, fixed seeds below) and mpmath (mp.dps = 50, mp.svd_r on the exact
binary64 entries, printed to 25 digits). The reference is independent of the Swift code under
test. Run from this folder to regenerate:

    python3 two_sided_grading.py

With --compare it also prints, for the report, the largest relative error of LAPACK's dgejsv
through SciPy (joba=0 'C': column pivoting; joba=2 'F': rows sorted first) on each matrix.
"""
import json
import sys

import mpmath
import numpy as np

mpmath.mp.dps = 50

# (rows, columns, decades of row grading, decades of column grading, seed)
CASES = [
    (6, 4, 12, 0, 1), (8, 8, 12, 0, 2), (12, 7, 16, 0, 3), (20, 10, 20, 0, 4),
    (6, 4, 8, 8, 5), (8, 8, 10, 10, 6), (12, 7, 12, 12, 7), (20, 10, 16, 16, 8),
    (30, 12, 20, 20, 9), (16, 16, 24, 12, 10), (9, 9, 6, 30, 11), (25, 5, 30, 30, 12),
]


def make(m, n, row_decades, column_decades, seed):
    rng = np.random.default_rng(seed)
    b = rng.standard_normal((m, n))
    d1 = 10.0 ** rng.uniform(-row_decades / 2, row_decades / 2, m)
    d2 = 10.0 ** rng.uniform(-column_decades / 2, column_decades / 2, n)
    a = (d1[:, None] * b) * d2[None, :]
    a = a[rng.permutation(m)][:, rng.permutation(n)]
    # κ(B) of the unscaled factor, for the test's bound (numpy is accurate enough for it).
    kappa_b = np.linalg.cond(b)
    return a, float(kappa_b)


def reference_singular_values(a):
    sigma = mpmath.svd_r(mpmath.matrix(a.tolist()), compute_uv=False)
    return sorted((sigma[i] for i in range(len(sigma))), reverse=True)


def main():
    cases = []
    for m, n, rd, cd, seed in CASES:
        a, kappa_b = make(m, n, rd, cd, seed)
        sigma = reference_singular_values(a)
        cases.append({
            "name": f"{m}x{n} rows 1e±{rd // 2} columns 1e±{cd // 2} seed {seed}",
            "rows": m, "columns": n, "kappaB": kappa_b,
            "columnMajor": [float(x) for x in a.T.reshape(-1)],
            "singularValues": [mpmath.nstr(s, 25) for s in sigma],
        })
        if "--compare" in sys.argv:
            from scipy.linalg import lapack
            exact = np.array([float(s) for s in sigma])
            for joba in (0, 2):
                sva, _, _, work, _, info = lapack.dgejsv(a, joba=joba, jobu=3, jobv=3)
                values = np.sort(sva * work[0] / work[1])[::-1]
                error = np.max(np.abs(values - exact) / exact)
                print(f"{cases[-1]['name']}: dgejsv joba={joba} largest relative error {error:.2e} (info {info})")
    with open("two-sided-grading.json", "w") as f:
        json.dump({"provenance": "two_sided_grading.py: numpy matrices, mpmath 50-digit singular values",
                   "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
