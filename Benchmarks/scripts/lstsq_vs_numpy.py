#!/usr/bin/env python3
"""Biennium's least squares against numpy.linalg.lstsq, side by side in one run.

Writes one problem (m = 100 000 rows, n = 50 columns: an intercept and standard-uniform noise, fixed
seed), times Biennium's LeastSquares.solve on it through the `lstsq-timing` executable of this
package, times numpy.linalg.lstsq (LAPACK dgelsd) on the same numbers, and prints both times, their
ratio, the BLAS each side runs on, and how far the two solutions are apart.

    .venv/bin/python Benchmarks/scripts/lstsq_vs_numpy.py Benchmarks/.build/release/lstsq-timing
"""
import json
import struct
import subprocess
import sys
import tempfile
import time

import numpy as np
from threadpoolctl import threadpool_info

M, N, REPEATS, SEED = 100_000, 50, 5, 2026


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 64
    timing_binary = sys.argv[1]
    rng = np.random.default_rng(SEED)
    a = np.empty((M, N), order="F")
    a[:, 0] = 1.0
    a[:, 1:] = rng.random((M, N - 1))
    b = a @ np.arange(N, dtype=float) + rng.standard_normal(M)

    with tempfile.NamedTemporaryFile(suffix=".bin") as problem:
        problem.write(struct.pack("<qq", M, N))
        problem.write(np.asfortranarray(a).tobytes(order="F"))
        problem.write(b.tobytes())
        problem.flush()
        swift = json.loads(subprocess.run([timing_binary, problem.name, str(REPEATS)], check=True,
                                          capture_output=True, text=True).stdout)

    np.linalg.lstsq(a, b, rcond=None)  # warm-up
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        x, *_ = np.linalg.lstsq(a, b, rcond=None)
        best = min(best, time.perf_counter() - start)

    difference = np.max(np.abs(np.array(swift["coefficients"]) - x)) / np.max(np.abs(x))
    numpy_blas = "; ".join(f"{i.get('internal_api')} {i.get('version')} ({i.get('architecture')}, "
                           f"{i.get('num_threads')} threads, {i.get('filepath')})"
                           for i in threadpool_info() if i.get("user_api") == "blas")
    print(f"problem: m = {M}, n = {N}, min of {REPEATS} runs each")
    print(f"Biennium LeastSquares.solve: {swift['seconds'] * 1e3:8.1f} ms  "
          f"({swift['method']}, {swift['refinementSteps']} refinement steps)")
    print(f"  (LAPACK dgeqp3 alone:      {swift['pivotedQRSeconds'] * 1e3:8.1f} ms)")
    print(f"numpy.linalg.lstsq (dgelsd): {best * 1e3:8.1f} ms")
    print(f"ratio numpy / Biennium:      {best / swift['seconds']:8.2f}x")
    print(f"coefficients differ by at most {difference:.2e} of the largest")
    print(f"Biennium BLAS: {swift['blas']}, {swift['threads']} threads")
    print(f"numpy {np.__version__} BLAS: {numpy_blas}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
