#!/usr/bin/env python3
"""Accuracy of `biennium regress` beside numpy and statsmodels, on the same CSV files, in one run.

For each NIST StRD set and each hard design of Tests/Fixtures (certified values from exact rational
arithmetic), fits y on every other column with Biennium (through its JSON output), numpy.linalg.lstsq
(rcond=None; SEs from the SVD) and statsmodels OLS (default pinv), and scores each by McCullough's log
relative error: the minimum over every estimate, standard error, residual SD and R², clipped to [0, 15]
(about the number of correct significant digits). Prints a Markdown table for ACCURACY.md.

    .venv/bin/python Tools/accuracy/regression_accuracy.py .build/release/biennium
"""
import json
import math
import warnings
import subprocess
import sys
from pathlib import Path

import numpy as np
import statsmodels
import statsmodels.api as sm

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "Fixtures"


def lre(estimate, certified):
    if estimate is None or not math.isfinite(estimate):
        return 0.0
    if estimate == certified:
        return 15.0
    error = abs(estimate) if certified == 0 else abs(estimate - certified) / abs(certified)
    return min(15.0, max(0.0, -math.log10(error))) if error > 0 else 15.0


def score(fit, reference):
    """fit: dict name -> (estimate, se), plus 'sigma' and 'r2'."""
    worst = (15.0, "")
    for entry in reference["coefficients"]:
        estimate, se = fit["coefficients"].get(entry["name"], (None, None))
        worst = min(worst, (lre(estimate, float(entry["estimate"])), f"estimate {entry['name']}"))
        worst = min(worst, (lre(se, float(entry["stdError"])), f"SE {entry['name']}"))
    worst = min(worst, (lre(fit["sigma"], float(reference["residualSD"])), "residual SD"))
    worst = min(worst, (lre(fit["r2"], float(reference["rSquared"])), "R-squared"))
    return worst


def load(csv):
    names = csv.read_text().splitlines()[0].split(",")
    data = np.loadtxt(csv, delimiter=",", skiprows=1, ndmin=2)
    return names, data


def design(names, data, intercept):
    y = data[:, names.index("y")]
    columns = [n for n in names if n != "y"]
    x = data[:, [names.index(n) for n in columns]]
    labels = columns
    if intercept:
        x = np.column_stack([np.ones(len(y)), x])
        labels = ["(Intercept)"] + columns
    return x, y, labels


def biennium(binary, csv, intercept):
    arguments = [binary, "regress", "--data", str(csv), "--response", "y", "--format", "json"]
    if not intercept:
        arguments.append("--no-intercept")
    out = json.loads(subprocess.run(arguments, check=True, capture_output=True, text=True).stdout)
    return {"coefficients": {c["name"]: (c["estimate"], c["stdError"]) for c in out["coefficients"]},
            "sigma": out["sigma"], "r2": out["rSquared"]}


def r_squared(y, rss, intercept):
    total = np.sum((y - y.mean()) ** 2) if intercept else np.sum(y ** 2)
    return 1 - rss / total


def numpy_fit(x, y, labels, intercept):
    beta, _, rank, s = np.linalg.lstsq(x, y, rcond=None)
    residual = y - x @ beta
    rss = float(residual @ residual)
    df = len(y) - rank
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    keep = s > s.max() * max(x.shape) * np.finfo(float).eps
    cov_unscaled = (vt[keep].T / s[keep] ** 2) @ vt[keep]
    sigma2 = rss / df
    se = np.sqrt(np.diag(cov_unscaled) * sigma2)
    return {"coefficients": {n: (float(b), float(e)) for n, b, e in zip(labels, beta, se)},
            "sigma": math.sqrt(sigma2), "r2": float(r_squared(y, rss, intercept))}


def statsmodels_fit(x, y, labels, intercept):
    result = sm.OLS(y, x).fit()
    return {"coefficients": {n: (float(b), float(e)) for n, b, e in zip(labels, result.params, result.bse)},
            "sigma": math.sqrt(result.scale), "r2": float(r_squared(y, result.ssr, intercept))}


def main():
    warnings.simplefilter("ignore")
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 64
    binary = sys.argv[1]
    rows = []
    for folder in ("nist-strd", "hard-designs"):
        certified = json.loads((FIXTURES / folder / "certified.json").read_text())
        for name, reference in certified.items():
            csv = FIXTURES / folder / f"{name}.csv"
            names, data = load(csv)
            x, y, labels = design(names, data, reference["intercept"])
            # numpy's binary64 SVD cannot see condition numbers beyond ~1e16: use the exact ones when the fixture has them.
            cond = reference.get("cond2Raw", np.linalg.cond(x))
            scaled = reference.get("cond2Scaled", np.linalg.cond(x / np.linalg.norm(x, axis=0)))
            fits = [biennium(binary, csv, reference["intercept"]), numpy_fit(x, y, labels, reference["intercept"]),
                    statsmodels_fit(x, y, labels, reference["intercept"])]
            scores = [score(f, reference) for f in fits]
            exact = reference.get("binary64Exact")
            versus_exact = None
            if exact:
                target = dict(reference, coefficients=exact["coefficients"],
                              residualSD=exact.get("residualSD", reference["residualSD"]),
                              rSquared=exact.get("rSquared", reference["rSquared"]))
                versus_exact = score(fits[0], target)
            rows.append((folder, name, len(y), x.shape[1], cond, scaled, reference["ceilingLRE"], scores, versus_exact))
    print(f"numpy {np.__version__}, statsmodels {statsmodels.__version__}; LRE = min over estimates, SEs, residual SD, R² "
          "(worst quantity in brackets); ceiling = best reachable from the binary64 CSV.\n")
    print("| set | design | n | p | cond2 raw | cond2 scaled | ceiling | Biennium | numpy lstsq | statsmodels OLS "
          "| Biennium vs the exact binary64 solution |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for folder, name, n, p, cond, scaled, ceiling, scores, versus_exact in rows:
        cells = [f"{s:.2f} ({q})" if q else f"{s:.2f}" for s, q in scores]
        exact_cell = f"{versus_exact[0]:.2f} ({versus_exact[1]})" if versus_exact and versus_exact[1] else (
            f"{versus_exact[0]:.2f}" if versus_exact else "")
        print(f"| {folder} | {name} | {n} | {p} | {cond:.1e} | {scaled:.1e} | {ceiling:.2f} | " + " | ".join(cells)
              + f" | {exact_cell} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
