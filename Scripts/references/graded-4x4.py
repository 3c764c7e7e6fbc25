#!/usr/bin/env python3
"""Singular values of the graded 4×4 matrix of the `--decomposer` tests, at 50 digits.

A = fl(B·D): B is the symmetric, diagonally dominant integer matrix below (κ₂(B) = 3 exactly:
its eigenvalues are 6, 4, 4 and 2) and D = diag(1, 1e-5, 1e-10, 1e-15). The entries of A are the
Doubles nearest to B[i][j]·d_j, and the reference is the exact spectrum of those stored Doubles
(mpmath, 50 significant digits, `mp.svd_r`), so the test compares a program with the matrix it
was really given. Printed with 17 significant digits, the nearest Doubles.

Run: python3 Scripts/references/graded-4x4.py   (mpmath 1.3)
"""
import mpmath as mp

mp.mp.dps = 50
B = [[4, 1, 0, 1], [1, 4, 1, 0], [0, 1, 4, 1], [1, 0, 1, 4]]
d = [1.0, 1e-5, 1e-10, 1e-15]
stored = [[float(B[i][j] * d[j]) for j in range(4)] for i in range(4)]  # one rounding, as the test's text
A = mp.matrix([[mp.mpf(x) for x in row] for row in stored])
sigma = sorted(mp.svd_r(A, compute_uv=False), reverse=True)
print("# A (rows, as the test feeds it to svd):")
for row in stored:
    print(" ".join(repr(x) for x in row))
print("# singular values, 50 digits, then the nearest Double:")
for s in sigma:
    print(mp.nstr(s, 50), repr(float(s)))
