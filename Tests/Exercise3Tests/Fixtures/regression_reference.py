#!/usr/bin/env python3
"""Writes plants.csv, a small multi-column data set, and regression-reference.json, the exact
least-squares coefficients of three fits of it, computed outside Swift.

Provenance: the data are fixed below (a made-up greenhouse: growth of a plant against
temperature, light and water, with two decimals each). The reference solves the least-squares
problems of the decimal data as written, in mpmath at 60 significant digits, printed to 25:
- "intercept":   growth = B0 + B1*temperature + B2*light + B3*water, all 14 rows, by the
  normal equations XᵀX·β = Xᵀy (exact enough at 60 digits: κ(X)² is far below 10⁴⁰);
- "noIntercept": the same without B0;
- "underdetermined": the first 3 rows with the intercept (3 equations, 4 parameters): the
  minimum-norm solution β = Xᵀ(XXᵀ)⁻¹y, which is what the pseudoinverse gives.
NumPy's lstsq (LAPACK gelsd, in binary64) is written beside each, for comparison only.
Run from this folder to regenerate:

    python3 regression_reference.py
"""
import json

import mpmath
import numpy as np

mpmath.mp.dps = 60

HEADER = ["temperature", "light", "water", "growth"]
ROWS = [
    ["18.5", "3.20", "0.45", "2.31"],
    ["21.0", "4.10", "0.50", "3.02"],
    ["19.2", "2.85", "0.62", "2.47"],
    ["23.4", "5.05", "0.38", "3.36"],
    ["25.1", "4.70", "0.55", "3.71"],
    ["17.8", "2.40", "0.70", "2.05"],
    ["22.6", "3.95", "0.48", "3.10"],
    ["20.3", "3.60", "0.66", "2.88"],
    ["24.0", "5.30", "0.41", "3.59"],
    ["26.2", "4.85", "0.59", "3.95"],
    ["16.9", "2.10", "0.52", "1.76"],
    ["21.7", "4.40", "0.35", "3.08"],
    ["19.9", "3.15", "0.74", "2.69"],
    ["23.0", "4.25", "0.63", "3.44"],
]


def design(rows, intercept):
    return [([mpmath.mpf(1)] if intercept else []) + [mpmath.mpf(v) for v in row[:3]] for row in rows]


def least_squares(rows, intercept):
    x = mpmath.matrix(design(rows, intercept))
    y = mpmath.matrix([mpmath.mpf(row[3]) for row in rows])
    if x.rows >= x.cols:
        return mpmath.lu_solve(x.T * x, x.T * y)
    return x.T * mpmath.lu_solve(x * x.T, y)


def numpy_lstsq(rows, intercept):
    x = np.array([[float(v) for v in r] for r in design(rows, intercept)])
    y = np.array([float(row[3]) for row in rows])
    return np.linalg.lstsq(x, y, rcond=None)[0]


def case(rows, intercept):
    names = (["B0"] if intercept else []) + ["B%d" % k for k in range(1, 4)]
    exact = least_squares(rows, intercept)
    return {
        "observations": len(rows),
        "parameters": names,
        "coefficients": [mpmath.nstr(exact[k], 25) for k in range(len(names))],
        "numpyLstsq": [repr(float(v)) for v in numpy_lstsq(rows, intercept)],
    }


def main():
    with open("plants.csv", "w") as out:
        out.write(",".join(HEADER) + "\n")
        for row in ROWS:
            out.write(",".join(row) + "\n")
    reference = {
        "source": "regression_reference.py: mpmath at 60 digits on the decimal data; numpy " + np.__version__,
        "intercept": case(ROWS, True),
        "noIntercept": case(ROWS, False),
        "underdetermined": case(ROWS[:3], True),
    }
    with open("regression-reference.json", "w") as out:
        json.dump(reference, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    main()
