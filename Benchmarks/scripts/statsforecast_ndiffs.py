"""Shows that statsforecast's number of differences is not the KPSS rule it documents, on the M3 yearly series.

statsforecast 2.1.1's `ndiffs` (used by AutoARIMA) tests the series with KPSS at 5% (lag ⌊3√n/13⌋), and while the
test rejects, differences once more and tests again. Its `diff(x, 1, 1)` already returns the n − 1 differences,
and `ndiffs` then drops the first of them (`[1:]`), so every test after the first runs on the differences
without their first value. For each M3 yearly series (training part of the 6-year holdout) this script takes d
from statsforecast's `ndiffs` and from the same rule applied to all the differences (statsmodels' KPSS, the
test statsforecast calls), and lists the series where they disagree with both KPSS statistics. Biennium's d
uses a different lag (ACCURACY.md), so this is about comparing like with like, not about Biennium's figures.

    .venv-forecast/bin/python Benchmarks/scripts/statsforecast_ndiffs.py
"""
import math
import sys
import warnings
from pathlib import Path

import numpy as np

warnings.filterwarnings("ignore")

from statsforecast.arima import ndiffs  # noqa: E402
from statsmodels.tsa.stattools import kpss  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from statsforecast_arima_state import ROOT, load as training  # noqa: E402  (M3 yearly training parts)

CRITICAL_5 = 0.463  # KPSS level test, 5% (Kwiatkowski et al. 1992, Table 1)


def statistic(x: np.ndarray) -> float:
    with warnings.catch_warnings():   # statsmodels warns when the statistic is beyond its p-value table
        warnings.simplefilter("ignore")
        return float(kpss(x, "c", nlags=math.floor(3 * math.sqrt(len(x)) / 13))[0])


def documented_d(y: np.ndarray, max_d: int = 2) -> int:
    """KPSS at 5% on the series, then on its full differences, as long as the test rejects (at most max_d)."""
    d, x = 0, y
    while d < max_d and np.ptp(x) > 0 and statistic(x) > CRITICAL_5:
        d, x = d + 1, np.diff(x)
    return d


def main() -> int:
    ids = sorted({line.split(",")[0] for line in open(ROOT / "Tests/Fixtures/competitions/m3_yearly.csv")} - {"series"})
    series = training(ids)
    print("series   n  statsforecast d  documented d  KPSS of all differences  KPSS without the first")
    disagree = 0
    for sid, y in series.items():
        got, want = ndiffs(y), documented_d(y)
        if got != want:
            disagree += 1
            dy = np.diff(y)
            print(f"{sid}  {len(y):2d}  {got:15d}  {want:12d}  {statistic(dy):23.3f}  {statistic(dy[1:]):22.3f}")
    print(f"\n{disagree} of {len(series)} series: statsforecast's d differs from its documented rule")
    return 0


if __name__ == "__main__":
    sys.exit(main())
