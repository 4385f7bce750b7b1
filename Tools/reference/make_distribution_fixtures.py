#!/usr/bin/env python3
"""Generate reference values of the t, F, chi-square and normal distributions.

Writes Tests/Fixtures/scipy/distributions.json:

  {"scipy": version, "mpmath": version, "notes": ..., "entries": [
     {"function": "t.cdf", "params": [df], "x": float, "value": float, "mpmath": float}, ...]}

`value` is scipy.stats' binary64 result. Every entry is also evaluated
independently with mpmath at 50 digits (regularised incomplete beta / gamma
functions, erfc; quantiles by Newton's method on the mpmath cdf), and `mpmath`
holds that value correctly rounded to binary64. For ppf entries `x` is the
probability and `value` the quantile. Entries whose exact value underflows
binary64 (below the smallest normal number) are left out.

Usage:  .venv/bin/python Tools/reference/make_distribution_fixtures.py [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import mpmath
import numpy as np
import scipy
from mpmath import mp, mpf
from scipy import stats

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "Tests" / "Fixtures" / "scipy" / "distributions.json"
DPS = 50
TINY = 2.2250738585072014e-308  # smallest normal binary64

T_DF = [1, 2, 3, 4, 5, 7, 10, 17, 30, 100, 1000, 1e6]
T_X = [-40, -30, -20, -10, -6, -4, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 4, 6, 10, 20, 30, 40]
T_SF_X = [0.5, 1, 2, 3, 4, 6, 10, 20, 40]
T_P = [1e-12, 1e-6, 0.001, 0.025, 0.05, 0.1, 0.5, 0.9, 0.975, 0.999]
F_DF = [(1, 1), (1, 10), (3, 12), (6, 9), (10, 100), (50, 2)]
F_X = [0.01, 0.1, 0.5, 1, 2, 3, 5, 10, 50, 100, 1000]
CHI2_DF = [1, 2, 3, 10, 50, 200]
CHI2_FACTORS = [0.001, 0.01, 0.1, 0.3, 0.5, 0.8, 1, 1.5, 2, 3, 5, 10]
CHI2_ABS = [1000.0, 3000.0]
NORM_X = [-38, -37.5, -35, -30, -20, -10, -8, -6, -5, -3, -2, -1.959963984540054, -1, -0.5, 0,
          0.5, 1, 1.959963984540054, 2, 3, 5, 8]
NORM_SF_X = [0.5, 1, 1.959963984540054, 2, 3, 5, 8, 10, 20, 30, 35, 37.5, 38]
NORM_P = [1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-12, 1e-6, 0.001, 0.025, 0.05, 0.1, 0.3, 0.5,
          0.7, 0.9, 0.95, 0.975, 0.999, 1 - 1e-6, 1 - 1e-12]


# --------------------------------------------------------------------------
# mpmath references
# --------------------------------------------------------------------------

def ibeta(a, b, z):
    """Regularised incomplete beta I_z(a, b)."""
    return mpmath.betainc(a, b, 0, z, regularized=True)


def ibetac(a, b, z):
    """1 - I_z(a, b) = I_{1-z}(b, a), computed without cancellation."""
    return mpmath.betainc(a, b, z, 1, regularized=True)


def mp_t_cdf(x, df):
    x, df = mpf(x), mpf(df)
    if x == 0:
        return mpf(1) / 2
    # P(T <= -|x|) = I_{df/(df+x^2)}(df/2, 1/2) / 2
    tail = ibeta(df / 2, mpf(1) / 2, df / (df + x * x)) / 2
    return tail if x < 0 else 1 - tail


def mp_t_sf(x, df):
    return mp_t_cdf(-mpf(x), df)


def mp_t_pdf(x, df):
    x, df = mpf(x), mpf(df)
    return mpmath.exp(mpmath.loggamma((df + 1) / 2) - mpmath.loggamma(df / 2)
                      - mpmath.log(df * mpmath.pi) / 2 - (df + 1) / 2 * mpmath.log1p(x * x / df))


def mp_f_sf(x, d1, d2):
    x, d1, d2 = mpf(x), mpf(d1), mpf(d2)
    # P(F > x) = I_{d2/(d2 + d1 x)}(d2/2, d1/2)
    return ibeta(d2 / 2, d1 / 2, d2 / (d2 + d1 * x))


def mp_chi2_sf(x, k):
    return mpmath.gammainc(mpf(k) / 2, mpf(x) / 2, mpmath.inf, regularized=True)


def mp_chi2_cdf(x, k):
    return mpmath.gammainc(mpf(k) / 2, 0, mpf(x) / 2, regularized=True)


def mp_norm_cdf(x):
    return mpmath.erfc(-mpf(x) / mpmath.sqrt(2)) / 2


def mp_norm_sf(x):
    return mpmath.erfc(mpf(x) / mpmath.sqrt(2)) / 2


def mp_norm_pdf(x):
    x = mpf(x)
    return mpmath.exp(-x * x / 2) / mpmath.sqrt(2 * mpmath.pi)


def newton_quantile(p, cdf, sf, pdf, x0):
    """Solve cdf(x) = p (or sf(x) = 1 - p in the upper half) by Newton's method from x0."""
    p = mpf(p)
    upper = p > mpf(1) / 2
    q = 1 - p
    x = mpf(x0)
    for _ in range(200):
        if upper:
            g = -(sf(x) - q)
        else:
            g = cdf(x) - p
        step = g / pdf(x)
        x -= step
        if abs(step) <= abs(x) * mpf(10) ** (-DPS + 8) or step == 0:
            return x
    raise RuntimeError("Newton did not converge for p=%s" % p)


# --------------------------------------------------------------------------
# entries
# --------------------------------------------------------------------------

def rounded(v) -> float:
    """mpf -> correctly rounded binary64."""
    return float(mpf(v))


def entry(function, params, x, value, ref):
    return {"function": function, "params": params, "x": float(x), "value": float(value), "mpmath": rounded(ref)}


def param_json(v):
    return int(v) if float(v).is_integer() and abs(v) < 1e15 else float(v)


def build() -> list[dict]:
    out = []
    for df in T_DF:
        pj = [param_json(df)]
        for x in T_X:
            ref = mp_t_cdf(x, df)
            if ref < TINY:
                continue
            out.append(entry("t.cdf", pj, x, stats.t.cdf(x, df), ref))
        for x in T_SF_X:
            ref = mp_t_sf(x, df)
            if ref < TINY:
                continue
            out.append(entry("t.sf", pj, x, stats.t.sf(x, df), ref))
        for p in T_P:
            v = stats.t.ppf(p, df)
            ref = newton_quantile(p, lambda z: mp_t_cdf(z, df), lambda z: mp_t_sf(z, df),
                                  lambda z: mp_t_pdf(z, df), v)
            out.append(entry("t.ppf", pj, p, v, ref))
    for d1, d2 in F_DF:
        for x in F_X:
            ref = mp_f_sf(x, d1, d2)
            if ref < TINY:
                continue
            out.append(entry("f.sf", [d1, d2], x, stats.f.sf(x, d1, d2), ref))
    for k in CHI2_DF:
        grid = sorted(set([k * f for f in CHI2_FACTORS] + CHI2_ABS))
        for x in grid:
            for fn, sfn, mpfn in (("chi2.cdf", stats.chi2.cdf, mp_chi2_cdf), ("chi2.sf", stats.chi2.sf, mp_chi2_sf)):
                ref = mpfn(x, k)
                if ref < TINY:
                    continue
                out.append(entry(fn, [k], x, sfn(x, k), ref))
    for x in NORM_X:
        ref = mp_norm_cdf(x)
        if ref >= TINY:
            out.append(entry("norm.cdf", [], x, stats.norm.cdf(x), ref))
    for x in NORM_SF_X:
        ref = mp_norm_sf(x)
        if ref >= TINY:
            out.append(entry("norm.sf", [], x, stats.norm.sf(x), ref))
    for p in NORM_P:
        v = stats.norm.ppf(p)
        ref = newton_quantile(p, mp_norm_cdf, mp_norm_sf, mp_norm_pdf, v)
        out.append(entry("norm.ppf", [], p, v, ref))
    return out


def rel(a, b) -> float:
    if a == b:
        return 0.0
    return abs(a - b) / abs(b) if b != 0 else abs(a)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output JSON file")
    args = ap.parse_args()
    mp.dps = DPS
    with np.errstate(all="raise"):
        entries = build()
    worst: dict[str, tuple[float, dict]] = {}
    for e in entries:
        r = rel(e["value"], e["mpmath"])
        if e["function"] not in worst or r > worst[e["function"]][0]:
            worst[e["function"]] = (r, e)
    doc = {
        "generator": "Tools/reference/make_distribution_fixtures.py",
        "command": ".venv/bin/python Tools/reference/make_distribution_fixtures.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "mpmath": mpmath.__version__,
        "notes": "value = scipy.stats.<dist>.<fn>(x, *params) in binary64; mpmath = the same quantity computed "
                 "with mpmath at %d digits (t: regularised incomplete beta; F: incomplete beta; chi2: regularised "
                 "incomplete gamma; normal: erfc; ppf: Newton iteration on that cdf/sf started at scipy's value) "
                 "and rounded to binary64. For ppf, x is the probability p (the binary64 number given, taken "
                 "exactly) and value the quantile; upper-half quantiles are solved on the sf for accuracy. "
                 "params: t [df], f [dfn, dfd], chi2 [df], norm [] (standard normal). Entries whose true value "
                 "is below the smallest normal binary64 (2.2e-308) are omitted. maxRelDiff gives, per function, "
                 "the largest relative difference between scipy and mpmath." % DPS,
        "maxRelDiff": {k: v[0] for k, v in sorted(worst.items())},
        "entries": entries,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=1, allow_nan=False) + "\n")
    counts = {}
    for e in entries:
        counts[e["function"]] = counts.get(e["function"], 0) + 1
    print("wrote %s: %d entries" % (args.out, len(entries)))
    for k in sorted(counts):
        r, e = worst[k]
        print("  %-9s %4d entries; max |scipy - mpmath| / |mpmath| = %.2e (at params %s, x %r)"
              % (k, counts[k], r, e["params"], e["x"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
