#!/usr/bin/env python3
"""Time LAPACK's SVD drivers on one matrix, for side-by-side comparison with svd-benchmark.

What it does: reads one matrix, runs NumPy's `numpy.linalg.svd` (LAPACK `dgesdd`, divide and
conquer on a bidiagonal form) and SciPy's `scipy.linalg.lapack.dgejsv` (Drmač and Veselić's
preconditioned one-sided Jacobi) on it, single-threaded, and prints one JSON object with the
median time of each (decomposition only: no I/O, no copies outside the call), their singular
values, and -- with --vectors -- the residual and orthogonality of their U, Σ, V.
svd-benchmark calls this script for every matrix it times; it can also be run by hand.

usage: peers.py MATRIX [--shape M N] [--repeat N] [--vectors] [--threads T] [--clock cpu|wall]

MATRIX is either text (one row per line, numbers separated by commas and/or spaces, '#' starts
a comment) or, with --shape M N, raw little-endian float64 entries in column-major order (what
svd-benchmark writes). --clock cpu (the default) measures the CPU time of the calling thread
(time.thread_time), which, unlike wall-clock time, does not count time spent waiting for a core
while other programs run; --clock wall measures elapsed time (time.perf_counter).
Needs numpy and scipy (pip install numpy scipy).

Accuracy figures (with --vectors), each relative to the largest singular value σ₁:
  residual      max |A − U·Σ·Vᵀ|ᵢⱼ / σ₁
  orthogonality max(max |UᵀU − I|ᵢⱼ, max |VᵀV − I|ᵢⱼ)
"""
import os
import sys
import json
import time
import statistics

args = sys.argv[1:]
threads = args[args.index("--threads") + 1] if "--threads" in args else "1"
# A fair single-thread comparison: the BLAS thread count is read when the library loads, so the
# script re-executes itself once with the variables set.
if os.environ.get("_PEERS_CHILD") != "1":
    env = dict(os.environ, _PEERS_CHILD="1", OPENBLAS_NUM_THREADS=threads, OMP_NUM_THREADS=threads,
               MKL_NUM_THREADS=threads)
    env.pop("OPENBLAS_CORETYPE", None)  # let OpenBLAS pick the kernel for this CPU
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

import numpy as np
import scipy.linalg.lapack as lapack

if not args or args[0].startswith("-"):
    sys.exit(__doc__)
path = args[0]
repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 5
vectors = "--vectors" in args
clock = args[args.index("--clock") + 1] if "--clock" in args else "cpu"
now = time.thread_time if clock == "cpu" else time.perf_counter

if "--shape" in args:
    i = args.index("--shape")
    m, n = int(args[i + 1]), int(args[i + 2])
    A = np.fromfile(path, dtype="<f8").reshape((n, m)).T  # column-major on disk
else:
    rows = []
    with open(path) as f:
        for line in f:
            fields = line.split("#", 1)[0].replace(",", " ").split()
            if fields:
                rows.append([float(x) for x in fields])
    A = np.array(rows, dtype=np.float64)
A = np.asfortranarray(A)
m, n = A.shape
# dgejsv needs m ≥ n; for a wide matrix it decomposes Aᵀ, as the Swift core does.
B = A if m >= n else np.asfortranarray(A.T)


def timed(f):
    f()  # warm-up
    times = []
    out = None
    for _ in range(repeat):
        start = now()
        out = f()
        times.append(now() - start)
    return statistics.median(times), out


def gesdd():
    return np.linalg.svd(A, compute_uv=vectors, full_matrices=False)


def gejsv():
    # joba=0 ('C'): high relative accuracy, no truncation of tiny singular values;
    # jobu=0/jobv=0 ('U'/'V'): thin U and V; 3 ('N'): none. dgejsv overwrites its input.
    job = 0 if vectors else 3
    sva, u, v, work, iwork, info = lapack.dgejsv(B.copy(order="F"), joba=0, jobu=job, jobv=job)
    # work[0]/work[1] is the scale factor dgejsv applied to avoid overflow.
    return sva * (work[0] / work[1]), u, v, info


def accuracy(a, u, s, v):
    k = len(s)
    u, v = u[:, :k], v[:, :k]
    residual = np.abs(a - (u * s) @ v.T).max() / s.max()
    orthogonality = max(np.abs(u.T @ u - np.eye(k)).max(), np.abs(v.T @ v - np.eye(k)).max())
    return {"residual": float(residual), "orthogonality": float(orthogonality)}


t_sdd, out_sdd = timed(gesdd)
t_jsv, (s_jsv, u_jsv, v_jsv, info) = timed(gejsv)
s_sdd = out_sdd[1] if vectors else out_sdd
result = {
    "rows": m, "cols": n, "vectors": vectors, "threads": int(threads), "repeat": repeat, "clock": clock,
    "numpy": np.__version__,
    "gesdd": {"seconds": t_sdd, "singularValues": [float(x) for x in s_sdd]},
    "dgejsv": {"seconds": t_jsv, "singularValues": [float(x) for x in sorted(s_jsv, reverse=True)],
               "info": int(info)},
}
if vectors:
    result["gesdd"].update(accuracy(A, out_sdd[0], out_sdd[1], out_sdd[2].T))
    # dgejsv returned the factors of B; for a wide A, B = Aᵀ and the roles of U and V swap.
    uj, vj = (u_jsv, v_jsv) if m >= n else (v_jsv, u_jsv)
    result["dgejsv"].update(accuracy(A, uj, s_jsv, vj))
print(json.dumps(result))
