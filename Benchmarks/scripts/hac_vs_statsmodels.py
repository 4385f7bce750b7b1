"""Newey-West (HAC) standard errors on a long regression: Biennium beside statsmodels, in one run.

    .venv/bin/python Benchmarks/scripts/hac_vs_statsmodels.py .build/release/biennium

Writes one CSV (n = 200,000 rows, an intercept and three regressors with AR(1) errors, fixed seed) to a
temporary folder, then for each lag L in 10, 100, 1000 and 10000 times

  * Biennium: the whole `biennium regress --data FILE --response y --covariance newey-west:L --format json`
    process (reading and parsing the CSV, the fit, every statistic of the report, the JSON), wall clock;
  * statsmodels: `OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L, "use_correction": False})` on arrays
    already in memory, then `.bse` (the covariance is computed there), wall clock.

Each is the minimum of three runs; the ratio is statsmodels' time over Biennium's (above 1: Biennium faster),
so the file reading Biennium does and statsmodels does not counts against Biennium; the time pandas takes to
read the same file (`pandas.read_csv`) is printed too, for a reader who wants to add it. It also prints the
largest relative difference between the two tools' standard errors. statsmodels, numpy and pandas come from
`Tools/reference/requirements.txt` (`python3 -m venv .venv && .venv/bin/pip install -r
Tools/reference/requirements.txt`).
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import statsmodels.api as sm

ROWS = 200_000
LAGS = (10, 100, 1000, 10000)


def write_data(folder: Path) -> tuple[Path, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20261127)
    x = rng.normal(size=(ROWS, 3))
    errors = np.empty(ROWS)
    errors[0] = rng.normal()
    shocks = rng.normal(size=ROWS)
    for t in range(1, ROWS):
        errors[t] = 0.6 * errors[t - 1] + shocks[t]
    y = 1.0 + x @ np.array([0.5, -0.25, 2.0]) + errors
    path = folder / "hac.csv"
    np.savetxt(path, np.column_stack([y, x]), delimiter=",", header="y,x1,x2,x3", comments="", fmt="%.17g")
    # Read back what the file holds, so both tools see exactly the same numbers.
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return path, data[:, 0], sm.add_constant(data[:, 1:])


def best_of(runs: int, work) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/biennium"
    with tempfile.TemporaryDirectory() as tmp:
        path, y, X = write_data(Path(tmp))
        print(f"n = {ROWS}, k = 4 (intercept and three regressors), AR(1) errors; minimum of 3 runs each")
        reading, _ = best_of(3, lambda: pd.read_csv(path))
        print(f"pandas.read_csv of the same file: {reading * 1000:.0f} ms (not in statsmodels' times below)")
        print(f"{'lag':>6}  {'Biennium (whole process)':>25}  {'statsmodels (in memory)':>24}  {'ratio':>6}  max rel. diff of s.e.")
        for lag in LAGS:
            command = [binary, "regress", "--data", str(path), "--response", "y",
                       "--covariance", f"newey-west:{lag}", "--format", "json"]
            ours_time, output = best_of(3, lambda: subprocess.run(command, check=True, capture_output=True, text=True).stdout)
            ours = [c["stdError"] for c in json.loads(output)["coefficients"]]
            theirs_time, theirs = best_of(3, lambda: np.asarray(
                sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": lag, "use_correction": False}).bse))
            difference = max(abs(a - b) / abs(b) for a, b in zip(ours, theirs))
            print(f"{lag:>6}  {ours_time * 1000:>22.0f} ms  {theirs_time * 1000:>21.0f} ms  {theirs_time / ours_time:>5.1f}x  {difference:.1e}")


if __name__ == "__main__":
    main()
