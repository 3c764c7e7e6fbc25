#!/usr/bin/env python3
"""Reference singular values for the contract suite, computed outside Swift.

Every matrix is first rounded to IEEE double (what the suite decomposes), then its singular
values are computed with mpmath at 50 significant digits from those exact binary entries. So each
reference is the spectrum of the very matrix under test, correct to far more digits than a
double holds; no Swift code takes part.

Output: spectra.json beside this script. Entries are stored as C99 hexadecimal floats (exact),
singular values as 50-digit decimal strings (a correctly rounding parser gives the nearest double).

    python3 make_fixtures.py        # numpy and mpmath; deterministic (fixed seeds below)
"""
import json
import os

import mpmath
import numpy as np

mpmath.mp.dps = 50
DIGITS = 50


def exact(a):
    """The double matrix as an mpmath matrix, entry by entry without rounding."""
    return mpmath.matrix([[mpmath.mpf(float(x)) for x in row] for row in a])


def singular_values(a):
    return sorted(mpmath.svd_r(exact(a), compute_uv=False), reverse=True)


def unit_columns_sigma_min(a):
    """σ_min of A with every column scaled to unit length (A = B·D, this is σ_min(B))."""
    b = exact(a)
    for j in range(b.cols):
        norm = mpmath.sqrt(mpmath.fsum(b[i, j] ** 2 for i in range(b.rows)))
        for i in range(b.rows):
            b[i, j] /= norm
    return min(mpmath.svd_r(b, compute_uv=False))


def haar_orthonormal(rng, m, k):
    q, r = np.linalg.qr(rng.standard_normal((m, k)))
    return q * np.sign(np.diag(r))


def case(name, kind, a, note):
    a = np.asarray(a, dtype=np.float64)
    entry = {
        "name": name,
        "kind": kind,
        "note": note,
        "rows": a.shape[0],
        "columns": a.shape[1],
        "entries": [[float(x).hex() for x in row] for row in a],
        "singularValues": [mpmath.nstr(s, DIGITS, min_fixed=1, max_fixed=0) for s in singular_values(a)],
    }
    if kind == "graded":
        entry["unitColumnsSigmaMin"] = mpmath.nstr(unit_columns_sigma_min(a if a.shape[0] >= a.shape[1] else a.T),
                                                   DIGITS, min_fixed=1, max_fixed=0)
    return entry


def main():
    rng = np.random.default_rng(20261206)
    cases = []
    # Column-graded A = B·D, B Gaussian with unit columns, D from 1e-12 to 1e12 (κ(A) ~ 1e24):
    # one-sided Jacobi finds every σ to relative accuracy ~ε/σ_min(B); AᵀA cannot.
    for m, n in [(6, 4), (10, 6), (12, 12), (20, 8), (30, 12), (5, 1)]:
        b = rng.standard_normal((m, n))
        b /= np.linalg.norm(b, axis=0)
        d = 10.0 ** np.linspace(-12, 12, n) if n > 1 else np.array([1e-12])
        cases.append(case(f"graded {m}x{n}", "graded", b * d, "B Gaussian with unit columns, D = 10^linspace(-12, 12)"))
    # The transpose of a column-graded matrix: a wide, row-graded D·Bᵀ.
    b = rng.standard_normal((14, 6))
    b /= np.linalg.norm(b, axis=0)
    cases.append(case("graded 6x14 (transposed)", "graded", (b * 10.0 ** np.linspace(-10, 10, 6)).T,
                      "transpose of B·D, B 14x6 Gaussian with unit columns, D = 10^linspace(-10, 10)"))
    # Prescribed spectra through Haar-random orthogonal factors (then rounded to double).
    spectra = {
        "geometric 1..1e-10": lambda p: 10.0 ** np.linspace(0, -10, p),
        "repeated 3,3,3,1,1": lambda p: np.array([3.0] * ((p + 1) // 2) + [1.0] * (p // 2)),
        "rank-deficient": lambda p: np.array([2.0 ** -k for k in range(p // 2)] + [0.0] * (p - p // 2)),
        "clustered near 1": lambda p: 1 + 1e-9 * np.arange(p),
    }
    for (m, n) in [(12, 8), (8, 12), (16, 16), (40, 5), (1, 9), (9, 1)]:
        p = min(m, n)
        for label, spectrum in spectra.items():
            sigma = spectrum(p)
            a = haar_orthonormal(rng, m, p) @ np.diag(sigma) @ haar_orthonormal(rng, n, p).T
            cases.append(case(f"{label} {m}x{n}", "prescribed", a, f"U·diag(σ)·Vᵀ, Haar U and V, σ {label}"))
    # Hilbert matrices as stored in double (each entry already rounded), κ up to 1e16.
    for n in [5, 8, 12]:
        h = np.array([[1.0 / (i + j + 1) for j in range(n)] for i in range(n)])
        cases.append(case(f"hilbert {n}", "hilbert", h, "1/(i+j+1) rounded to double"))
    # Entries near the ends of the exponent range: squares overflow or underflow unless scaled.
    for exponent, label in [(1000, "near overflow"), (-1000, "near underflow"), (-1060, "subnormal entries")]:
        a = np.ldexp(rng.standard_normal((7, 5)), exponent)
        cases.append(case(f"{label} 7x5", "extreme", a, f"Gaussian × 2^{exponent}"))
    # Tall graded shapes that take a two-stage QR preconditioning in the fast decomposer (m ≥ 2n,
    # several 32-column blocks) and one just below that threshold; their own seed, so that the
    # cases above do not change.
    tall_rng = np.random.default_rng(20261207)
    for m, n in [(300, 40), (130, 65), (129, 65)]:
        b = tall_rng.standard_normal((m, n))
        b /= np.linalg.norm(b, axis=0)
        cases.append(case(f"graded {m}x{n}", "graded", b * 10.0 ** np.linspace(-12, 12, n),
                          "B Gaussian with unit columns, D = 10^linspace(-12, 12)"))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spectra.json")
    with open(path, "w") as f:
        # One case per line, so that a regenerated file diffs case by case.
        f.write('{"generator": "make_fixtures.py (numpy seed 20261206, mpmath 50 digits)",\n "cases": [\n')
        f.write(",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in cases))
        f.write("\n]}\n")
    print(f"{len(cases)} cases written to spectra.json")


if __name__ == "__main__":
    main()
