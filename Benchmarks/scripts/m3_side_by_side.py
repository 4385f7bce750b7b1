#!/usr/bin/env python3
"""statsforecast and Biennium on the 645 M3 yearly series, side by side in one run.

Both sides fit each series on its training part (all values but the last 6) and forecast h = 6.

statsforecast (version pinned in Tools/reference/forecast-requirements.txt): Naive,
RandomWalkWithDrift, AutoETS, AutoARIMA, Theta, OptimizedTheta, DynamicOptimizedTheta
(season_length = 1), each run on its own through StatsForecast(models=[model], freq=1, n_jobs=1)
.forecast(df=train, h=6, level=[95]) and timed separately (wall time of fit + forecast, data
frame handling included). Before timing, every model is run once, untimed, on the first few
series (warm-up: imports, first-call and allocation costs; statsforecast 2.1.1 itself has no
numba JIT, its models run in compiled C++). One more row, "mean of AutoETS, AutoARIMA, Theta",
averages those three point forecasts; its 95 % interval averages the three lower and the three
upper bounds, and its seconds are the sum of the three models' seconds.

Metrics per series, then the mean over series (as Tests/Fixtures/competitions/README.md defines):
  sMAPE    = mean over h of 200 |a - f| / (|a| + |f|)
  MASE     = mean over h of |a - f|, divided by mean |y_t - y_{t-1}| over the training part
  coverage = share of the 6 test values inside the 95 % interval (bounds included)

Biennium: runs
  BINARY backtest --data Tests/Fixtures/competitions/m3_yearly.csv --horizon 6 --format json
         --models MODELS --jobs JOBS --out TMPFILE.csv
and reads the JSON it prints on stdout: {"models": [{"name", "mase", "smape", "coverage95",
"seconds"}], "series": int}. Its figures are printed exactly as it reports them (never
recomputed here). If the binary fails, its stderr is printed and the statsforecast half is
still reported.

Paired by series: each Biennium model is then compared series by series with its statsforecast counterpart
(naive-Naive, drift-RandomWalkWithDrift, ets and etsw-AutoETS, arima-AutoARIMA, theta-Theta,
otheta-OptimizedTheta, dotheta-DynamicOptimizedTheta; auto, combo and wcombo with statsforecast's lowest-MASE
single model of the run), from Biennium's per-series --out file and the per-series figures computed here: the
mean difference of MASE and of sMAPE with a 95% percentile bootstrap interval (the series resampled with
replacement; fixed seed, so the table regenerates exactly), and the share of series each side wins. A mean
difference whose interval spans zero is not evidence that either tool is more accurate on that collection.

Usage (from the repository root):
    .venv/bin/python Benchmarks/scripts/m3_side_by_side.py .build/release/biennium \
        [--models naive,drift,ets,theta,combo] [--jobs 1] [--sf-models all|Naive,AutoETS,...]
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[2]
DATA_REL = "Tests/Fixtures/competitions/m3_yearly.csv"
HORIZON = 6
LEVEL = 95
WARMUP_SERIES = 5
SF_MODELS = ["Naive", "RandomWalkWithDrift", "AutoETS", "AutoARIMA", "Theta", "OptimizedTheta",
             "DynamicOptimizedTheta"]
COMBO = ("AutoETS", "AutoARIMA", "Theta")
COMBO_NAME = "mean of AutoETS, AutoARIMA, Theta"
# Biennium rows that are baselines, left out of the speed-ratio denominator
BASELINES = {"naive", "drift", "snaive", "rwd", "random_walk_with_drift"}


# --------------------------------------------------------------------------- data and metrics


def load(path: Path):
    df = pd.read_csv(path)
    series = []
    for sid, g in df.groupby("series", sort=True):
        g = g.sort_values("period")
        y = g["value"].to_numpy(dtype=np.float64)
        p = g["period"].to_numpy()
        series.append((sid, p[:-HORIZON], y[:-HORIZON], y[-HORIZON:]))
    return series


def train_frame(series) -> pd.DataFrame:
    return pd.DataFrame({
        "unique_id": np.concatenate([[sid] * len(y) for sid, _, y, _ in series]),
        "ds": np.concatenate([p for _, p, _, _ in series]).astype(np.int64),
        "y": np.concatenate([y for _, _, y, _ in series]),
    })


def metrics(train: np.ndarray, test: np.ndarray, f: np.ndarray, lo: np.ndarray, hi: np.ndarray):
    smape = float(np.mean(200.0 * np.abs(test - f) / (np.abs(test) + np.abs(f))))
    scale = float(np.mean(np.abs(np.diff(train))))
    mase = float(np.mean(np.abs(test - f)) / scale)
    cover = float(np.mean((test >= lo) & (test <= hi)))
    return smape, mase, cover


# --------------------------------------------------------------------------- statsforecast


def make_model(name: str):
    from statsforecast import models as m
    ctor = {
        "Naive": lambda: m.Naive(),
        "RandomWalkWithDrift": lambda: m.RandomWalkWithDrift(alias="RandomWalkWithDrift"),
        "AutoETS": lambda: m.AutoETS(season_length=1),
        "AutoARIMA": lambda: m.AutoARIMA(season_length=1),
        "Theta": lambda: m.Theta(season_length=1),
        "OptimizedTheta": lambda: m.OptimizedTheta(season_length=1),
        "DynamicOptimizedTheta": lambda: m.DynamicOptimizedTheta(season_length=1),
    }
    return ctor[name]()


def run_sf(name: str, df: pd.DataFrame) -> pd.DataFrame:
    from statsforecast import StatsForecast
    sf = StatsForecast(models=[make_model(name)], freq=1, n_jobs=1)
    return sf.forecast(df=df, h=HORIZON, level=[LEVEL])


def statsforecast_side(series, names: list[str]):
    df = train_frame(series)
    warm_ids = [sid for sid, *_ in series[:WARMUP_SERIES]]
    warm = df[df["unique_id"].isin(warm_ids)]
    for name in names:  # warm-up, untimed
        run_sf(name, warm)

    order = {sid: i for i, (sid, *_) in enumerate(series)}
    rows, fc, per_series = {}, {}, {}
    for name in names:
        t0 = time.perf_counter()
        out = run_sf(name, df)
        secs = time.perf_counter() - t0
        out = out.reset_index() if "unique_id" not in out.columns else out
        out = out.sort_values(["unique_id", "ds"])
        k = len(series)
        f = np.empty((k, HORIZON)); lo = np.empty((k, HORIZON)); hi = np.empty((k, HORIZON))
        for sid, g in out.groupby("unique_id", sort=False):
            i = order[sid]
            f[i] = g[name].to_numpy(np.float64)
            lo[i] = g[f"{name}-lo-{LEVEL}"].to_numpy(np.float64)
            hi[i] = g[f"{name}-hi-{LEVEL}"].to_numpy(np.float64)
        fc[name] = (f, lo, hi)
        rows[name] = summarize(series, f, lo, hi) + (secs,)
        per_series[name] = per_series_metrics(series, f, lo, hi)
        print(f"  statsforecast {name}: {secs:.2f} s", file=sys.stderr, flush=True)

    if all(c in fc for c in COMBO):
        f = np.mean([fc[c][0] for c in COMBO], axis=0)
        lo = np.mean([fc[c][1] for c in COMBO], axis=0)
        hi = np.mean([fc[c][2] for c in COMBO], axis=0)
        rows[COMBO_NAME] = summarize(series, f, lo, hi) + (sum(rows[c][3] for c in COMBO),)
    return rows, per_series


def per_series_metrics(series, f, lo, hi) -> dict[str, tuple[float, float]]:
    """Series id -> (sMAPE, MASE) of one statsforecast model."""
    return {sid: metrics(tr, te, f[i], lo[i], hi[i])[:2] for i, (sid, _, tr, te) in enumerate(series)}


def summarize(series, f, lo, hi):
    per = np.array([metrics(tr, te, f[i], lo[i], hi[i]) for i, (_, _, tr, te) in enumerate(series)])
    if not np.all(np.isfinite(per)):
        bad = [series[i][0] for i in np.where(~np.all(np.isfinite(per), axis=1))[0]]
        print(f"  warning: non-finite metrics for {bad}", file=sys.stderr)
    return tuple(float(v) for v in np.mean(per, axis=0))


# --------------------------------------------------------------------------- Biennium


def biennium_side(binary: str, data: Path, models: str, jobs: int, out: str | None):
    tmpdir = None
    if out is None:
        tmpdir = tempfile.mkdtemp(prefix="m3_side_by_side_")
        out = os.path.join(tmpdir, "biennium_forecasts.csv")
    cmd = [binary, "backtest", "--data", str(data), "--horizon", str(HORIZON), "--format", "json",
           "--models", models, "--jobs", str(jobs), "--out", out]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        per_series = read_per_series(out) if proc.returncode == 0 else {}
    except OSError as exc:
        return None, cmd, f"could not start {binary}: {exc}", None
    finally:
        if tmpdir is not None:
            shutil.rmtree(tmpdir, ignore_errors=True)
    if proc.returncode != 0:
        return None, cmd, f"exit code {proc.returncode}\n--- stderr ---\n{proc.stderr}", wall
    try:
        doc = json.loads(proc.stdout)
        for m in doc["models"]:
            for key in ("name", "mase", "smape", "coverage95", "seconds"):
                m[key]
    except (ValueError, KeyError, TypeError) as exc:
        return None, cmd, (f"could not read its JSON ({exc})\n--- stdout ---\n{proc.stdout}\n"
                           f"--- stderr ---\n{proc.stderr}"), wall
    doc["_raw_stdout"] = proc.stdout.strip()
    doc["_per_series"] = per_series
    return doc, cmd, proc.stderr, wall


def read_per_series(path: str) -> dict[str, dict[str, tuple[float, float]]]:
    """Biennium's --out CSV as model -> series id -> (sMAPE, MASE)."""
    if not os.path.exists(path):
        return {}
    table = pd.read_csv(path, dtype={"series": str, "model": str})
    return {model: {sid: (float(s), float(m)) for sid, s, m in zip(g["series"], g["smape"], g["mase"])}
            for model, g in table.groupby("model", sort=False)}


# --------------------------------------------------------------------------- paired comparison

# Biennium model -> the statsforecast model it is compared with, series by series.
COUNTERPARTS = {"naive": "Naive", "drift": "RandomWalkWithDrift", "ets": "AutoETS", "etsw": "AutoETS",
                "arima": "AutoARIMA", "theta": "Theta", "otheta": "OptimizedTheta",
                "dotheta": "DynamicOptimizedTheta"}
# Biennium's best-of models, compared with statsforecast's most accurate single model (lowest mean MASE).
BEST_OF = ("auto", "combo", "wcombo")
RESAMPLES = 10_000
SEED = 20161
TIE = 1e-9  # a MASE difference within this counts as a tie (rounding between the tools)


def paired_rows(b_per, sf_per, sf_rows):
    """Per pair: mean Biennium-minus-statsforecast difference of MASE and sMAPE over the series both scored,
    a 95% percentile bootstrap interval for each (series resampled with replacement, RESAMPLES draws from a
    generator seeded with SEED for every pair, so a row regenerates whatever else is asked for), and the share of series where Biennium's MASE is lower."""
    singles = [n for n in sf_rows if n != COMBO_NAME and n in sf_per]
    best_sf = min(singles, key=lambda n: sf_rows[n][1]) if singles else None
    rows = []
    for b_name, b in b_per.items():
        sf_name = COUNTERPARTS.get(b_name) or (best_sf if b_name in BEST_OF else None)
        if sf_name is None or sf_name not in sf_per:
            continue
        ids = [sid for sid in b if sid in sf_per[sf_name]]
        d = np.array([[b[sid][0] - sf_per[sf_name][sid][0], b[sid][1] - sf_per[sf_name][sid][1]] for sid in ids])
        d = d[np.all(np.isfinite(d), axis=1)]
        if len(d) == 0:
            continue
        rng = np.random.default_rng(SEED)  # one stream per pair: its interval does not depend on the other rows
        means = d[rng.integers(0, len(d), size=(RESAMPLES, len(d)))].mean(axis=1)
        lo, hi = np.percentile(means, [2.5, 97.5], axis=0)
        rows.append((b_name, sf_name, len(d), d[:, 1].mean(), lo[1], hi[1], d[:, 0].mean(), lo[0], hi[0],
                     float(np.mean(d[:, 1] < -TIE)), float(np.mean(d[:, 1] > TIE))))
    return rows


def print_paired(rows):
    print("Paired by series, Biennium minus statsforecast (negative: Biennium more accurate); 95% bootstrap "
          f"intervals of the mean difference ({RESAMPLES} resamples of the series, seed {SEED}):\n")
    print("| Biennium | statsforecast | series | ΔMASE | 95% interval | ΔsMAPE | 95% interval | Biennium better | worse |")
    print("|---|---|---|---|---|---|---|---|---|")
    for b, s, n, dm, ml, mh, ds, sl, sh, better, worse in rows:
        print(f"| {b} | {s} | {n} | {dm:+.4f} | {ml:+.4f} … {mh:+.4f} | {ds:+.3f} | {sl:+.3f} … {sh:+.3f} "
              f"| {better:.0%} | {worse:.0%} |")
    print()


# --------------------------------------------------------------------------- output


def fmt(x, digits):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def versions() -> str:
    parts = [f"python {platform.python_version()}"]
    for p in ["statsforecast", "coreforecast", "numpy", "scipy", "pandas", "statsmodels"]:
        try:
            parts.append(f"{p} {md.version(p)}")
        except md.PackageNotFoundError:
            pass
    return ", ".join(parts)


def main() -> int:
    global HORIZON
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary", help="path of the biennium executable (e.g. .build/release/biennium)")
    ap.add_argument("--models", default="naive,drift,ets,theta,combo", help="Biennium models (its --models)")
    ap.add_argument("--jobs", type=int, default=1, help="Biennium --jobs (default 1)")
    ap.add_argument("--data", default=DATA_REL, help=f"M3 yearly CSV (default {DATA_REL})")
    ap.add_argument("--horizon", type=int, default=HORIZON,
                    help=f"values held out per series (default {HORIZON}, M3 yearly's; M1 yearly 6, Tourism yearly 4)")
    ap.add_argument("--sf-models", default="all", help="statsforecast models, comma separated, or 'all'")
    ap.add_argument("--biennium-out", default=None, help="keep Biennium's --out CSV here (default: temp file, removed)")
    args = ap.parse_args()
    HORIZON = args.horizon

    data = Path(args.data)
    if not data.is_absolute() and not data.exists():
        data = REPO / data
    series = load(data)
    names = SF_MODELS if args.sf_models == "all" else [s.strip() for s in args.sf_models.split(",") if s.strip()]
    unknown = [n for n in names if n not in SF_MODELS]
    if unknown:
        ap.error(f"unknown statsforecast models {unknown}; choose from {SF_MODELS}")

    print(f"{data.name}: {len(series)} series, horizon {HORIZON}, {LEVEL}% intervals", file=sys.stderr)
    print("running Biennium ...", file=sys.stderr, flush=True)
    bdoc, bcmd, bmsg, bwall = biennium_side(args.binary, data, args.models, args.jobs, args.biennium_out)
    print("running statsforecast (n_jobs=1) ...", file=sys.stderr, flush=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sf_rows, sf_per = statsforecast_side(series, names)

    print(f"# {data.name} side by side: {len(series)} series, horizon {HORIZON}\n")
    print("| tool | model | sMAPE | MASE | 95% coverage | seconds |")
    print("|---|---|---|---|---|---|")
    for name, (smape, mase, cover, secs) in sf_rows.items():
        print(f"| statsforecast | {name} | {fmt(smape, 3)} | {fmt(mase, 4)} | {fmt(cover, 4)} | {fmt(secs, 3)} |")
    if bdoc is not None:
        for m in bdoc["models"]:
            print(f"| Biennium | {m['name']} | {m['smape']!r} | {m['mase']!r} | {m['coverage95']!r} | {m['seconds']!r} |")
    print()
    print("statsforecast rows: computed here from statsforecast's forecasts (means over series; coverage as a "
          "fraction). The combination row averages the three point forecasts and the three 95% bounds; its "
          "seconds are the sum of the three models. Timings exclude an untimed warm-up run of each model on "
          f"the first {WARMUP_SERIES} series.")
    print("Biennium rows: exactly as `biennium backtest` reported them (not recomputed).")
    print()
    if bdoc is not None and bdoc["_per_series"]:
        print_paired(paired_rows(bdoc["_per_series"], sf_per, sf_rows))

    if bdoc is None:
        print(f"Biennium: FAILED: `{' '.join(bcmd)}`")
        print(bmsg)
    else:
        print(f"Biennium: `{' '.join(bcmd)}` reported {bdoc.get('series')} series; process wall time "
              f"{bwall:.3f} s")
        if bmsg.strip():
            print("Biennium stderr:\n" + bmsg.rstrip())
        sf_time = sum(sf_rows[c][3] for c in COMBO if c in sf_rows)
        b_rows = [m for m in bdoc["models"] if str(m["name"]).lower() not in BASELINES]
        b_time = sum(float(m["seconds"]) for m in b_rows)
        if all(c in sf_rows for c in COMBO) and b_time > 0:
            print(f"speed ratio statsforecast ({' + '.join(COMBO)}: {sf_time:.3f} s) / Biennium "
                  f"({' + '.join(str(m['name']) for m in b_rows)}: {b_time:.6g} s) = {sf_time / b_time:.2f}x")
        else:
            print("speed ratio: n/a (needs statsforecast AutoETS, AutoARIMA and Theta and a Biennium model "
                  "other than the naive/drift baselines)")
        sf_all = sum(r[3] for n, r in sf_rows.items() if n != COMBO_NAME)
        b_all = sum(float(m["seconds"]) for m in bdoc["models"])
        if b_all > 0:
            print(f"all models: statsforecast {sf_all:.3f} s, Biennium {b_all:.6g} s, ratio {sf_all / b_all:.2f}x")
        print("Biennium stdout (verbatim): " + bdoc["_raw_stdout"])
    print()
    print(f"versions: {versions()}; Biennium binary {args.binary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
