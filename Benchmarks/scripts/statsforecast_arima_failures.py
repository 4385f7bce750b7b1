"""Where Biennium's and statsforecast's automatic ARIMA part on the M3 yearly series, and why.

Both tools fit each series' training part (all values but the last 6) and forecast 6 years. The script runs

    BINARY backtest --data Tests/Fixtures/competitions/m3_yearly.csv --horizon 6 --models arima --jobs 1 \
        --format json --out TMP

for Biennium's chosen model per series (the `fitted` column) and MASE, and statsforecast 2.1.1's AutoARIMA
(season_length = 1, its defaults) for its own. It then takes the series on which both chose the same number of
differences and the same constant but other AR/MA orders, and asks statsforecast to fit Biennium's order there
with the function its own stepwise search calls for every candidate (`statsforecast.arima.myarima`, CSS-ML,
AICc). Four outcomes:

  * fails: statsforecast's fit of that order raises an error inside its search (which then scores the order
    AICc = inf) or ends with NaN coefficients — a numerical failure, not a statistical judgement;
  * refused: its fit has finite coefficients and a root of degree-two-or-more AR or MA polynomial within 1.01
    of the unit circle, which R's rule refuses (as Biennium's does, ACCURACY.md) — the two tools' estimates of
    the same order differ;
  * higher: statsforecast's fit of that order has a higher AICc than its own choice (its optimiser stops at a
    lower likelihood than the exact maximum Biennium finds);
  * lower: statsforecast's fit of that order has the lower AICc, yet its stepwise search never reached it.

For each group it prints the number of series and its share of the mean MASE difference over all series
(Biennium minus statsforecast, positive where Biennium is less accurate), beside the same for the series where
the two tools chose the same model and where they took a different d or constant. ACCURACY.md ("ARIMA, examined
series by series").

    .venv-forecast/bin/python Benchmarks/scripts/statsforecast_arima_failures.py .build/release/biennium
"""
from __future__ import annotations

import math
import re
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")

from statsforecast.arima import myarima  # noqa: E402
from statsforecast.models import AutoARIMA  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "Tests/Fixtures/competitions/m3_yearly.csv"
HORIZON = 6
LABEL = re.compile(r"ARIMA\((\d+),(\d+),(\d+)\)(.*)")


def training_and_test() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    frame = pd.read_csv(DATA)
    out = {}
    for sid, group in frame.groupby("series", sort=True):
        y = group.sort_values("period")["value"].to_numpy(float)
        out[sid] = (y[:-HORIZON], y[-HORIZON:])
    return out


def mase(train: np.ndarray, test: np.ndarray, forecast: np.ndarray) -> float:
    return float(np.mean(np.abs(test - forecast)) / np.mean(np.abs(np.diff(train))))


def biennium_choices(binary: str) -> pd.DataFrame:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "arima.csv"
        subprocess.run([binary, "backtest", "--data", str(DATA), "--horizon", str(HORIZON), "--models", "arima",
                        "--jobs", "1", "--format", "json", "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
        frame = pd.read_csv(out)
    rows = []
    for _, row in frame.iterrows():
        match = LABEL.match(str(row["fitted"]))
        if match is None:
            print(f"{row['series']}: Biennium's fit is not an ARIMA label ({row['fitted']!r}); left out", file=sys.stderr)
            continue
        rows.append({"series": row["series"], "p": int(match[1]), "d": int(match[2]), "q": int(match[3]),
                     "constant": bool(match[4].strip()), "mase": float(row["mase"])})
    return pd.DataFrame(rows).set_index("series")


def smallest_root(coefficients: dict[str, float], prefix: str, sign: float) -> float:
    """The smallest root modulus of 1 - sign * (c1 z + c2 z^2 + ...) over the coefficients named prefix1, prefix2, ...
    (inf for an empty or first-order polynomial, which R's rule does not check)."""
    values = [coefficients[f"{prefix}{i}"] for i in range(1, 6) if f"{prefix}{i}" in coefficients]
    while values and abs(values[-1]) <= 1e-8:
        values.pop()
    if len(values) < 2:
        return math.inf
    polynomial = [-sign * c for c in reversed(values)] + [1.0]
    return float(np.min(np.abs(np.roots(polynomial))))


def outcome_of(fit, own_aicc: float) -> str:
    coefficients = fit.get("coef") if isinstance(fit, dict) else None
    if coefficients is None or any(not np.isfinite(float(v)) for v in coefficients.values()):
        return "fails"
    ic = fit.get("ic", math.inf)
    if not np.isfinite(ic):
        named = {k: float(v) for k, v in coefficients.items()}
        roots = min(smallest_root(named, "ar", 1.0), smallest_root(named, "ma", -1.0))
        return "refused" if roots < 1.01 else "other"
    return "higher" if ic > own_aicc else "lower"


def statsforecast_choices(data: dict[str, tuple[np.ndarray, np.ndarray]]) -> pd.DataFrame:
    rows = []
    for sid, (train, test) in data.items():
        model = AutoARIMA(season_length=1).fit(train)
        fit = model.model_
        p, q, d = fit["arma"][0], fit["arma"][1], fit["arma"][5]
        constant = "drift" in fit["coef"] or "intercept" in fit["coef"]
        rows.append({"series": sid, "p": p, "d": d, "q": q, "constant": constant, "aicc": fit["aicc"],
                     "mase": mase(train, test, model.predict(HORIZON)["mean"])})
    return pd.DataFrame(rows).set_index("series")


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    data = training_and_test()
    ours = biennium_choices(sys.argv[1])
    theirs = statsforecast_choices(data)
    both = ours.join(theirs, lsuffix="_biennium", rsuffix="_sf")
    both["difference"] = both["mase_biennium"] - both["mase_sf"]
    total = len(both)
    same_model = ((both.p_biennium == both.p_sf) & (both.q_biennium == both.q_sf)
                  & (both.d_biennium == both.d_sf) & (both.constant_biennium == both.constant_sf))
    other_d_or_constant = (both.d_biennium != both.d_sf) | (both.constant_biennium != both.constant_sf)
    other_terms = ~same_model & ~other_d_or_constant

    outcome = {}
    for sid in both.index[other_terms]:
        row = both.loc[sid]
        fit = myarima(data[sid][0], order=(int(row.p_biennium), int(row.d_biennium), int(row.q_biennium)),
                      constant=bool(row.constant_biennium), ic="aicc")
        outcome[sid] = outcome_of(fit, row.aicc)
        print(f"{sid}  Biennium ARIMA({int(row.p_biennium)},{int(row.d_biennium)},{int(row.q_biennium)})"
              f"{' +c' if row.constant_biennium else '   '}  statsforecast ARIMA({int(row.p_sf)},{int(row.d_sf)},"
              f"{int(row.q_sf)}){' +c' if row.constant_sf else '   '}  its AICc {row.aicc:9.2f}, its fit of Biennium's "
              f"order {fit.get('ic', np.inf):9.2f} ({outcome[sid]:7})  MASE {row.mase_biennium:6.3f} vs {row.mase_sf:6.3f}")

    def share(mask) -> str:
        return f"{int(mask.sum()):4d} series  {both.difference[mask].sum() / total:+.4f}"

    print(f"\nMean MASE difference over {total} series (Biennium - statsforecast): {both.difference.mean():+.4f}, of which")
    print(f"  same model                                          {share(same_model)}")
    print(f"  another d or constant                               {share(other_d_or_constant)}")
    for name in ("fails", "refused", "other", "higher", "lower"):
        mask = both.index.isin([sid for sid, value in outcome.items() if value == name])
        print(f"  same d and constant, other terms; statsforecast's fit of Biennium's order {name:7} {share(mask)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
