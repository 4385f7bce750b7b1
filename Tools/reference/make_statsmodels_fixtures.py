#!/usr/bin/env python3
"""Generate statsmodels inference fixtures for Biennium's regression tests.

Writes Tests/Fixtures/statsmodels/:
  inference.json        results of statsmodels (OLS, robust covariances, HAC,
                        diagnostics, predictions, Prais-Winsten via GLS, WLS,
                        Ljung-Box / Box-Pierce) with the library versions
  longley.csv           copy of the NIST Longley data (Tests/Fixtures/nist-strd or
                        shared/reference/nist-strd)
  trend_ar1.csv         synthetic annual series 1990..2020, linear trend + AR(1) errors
  wls.csv               small weighted regression data set (y, x, w)
  ljungbox_series.csv   plain numeric series (n = 60)

Every float is written with Python repr (shortest text that reads back to the
same binary64). Synthetic data are generated with fixed seeds, printed with a
fixed number of decimals to the CSV and read back, so the fixtures describe
exactly the CSV values.

Several statsmodels conventions are checked here against direct formulas
(log-likelihood, AIC/BIC, the HAC sandwich, the Prais-Winsten transform, WLS
R-squared); the script stops if one of them does not hold.

Usage:  .venv/bin/python Tools/reference/make_statsmodels_fixtures.py [--nist DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import random
import sys
from pathlib import Path

import mpmath
import numpy as np
import pandas as pd
import scipy
import scipy.linalg
import statsmodels
import statsmodels.api as sm
from statsmodels.stats.diagnostic import acorr_ljungbox
from statsmodels.stats.stattools import durbin_watson, jarque_bera
from statsmodels.tsa.stattools import acf

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "Tests" / "Fixtures" / "statsmodels"
# NIST StRD CSVs: the repository's copy if present, else the shared reference folder beside the repository
NIST_CANDIDATES = [REPO / "Tests" / "Fixtures" / "nist-strd", REPO.parent / "shared" / "reference" / "nist-strd"]
DEFAULT_NIST = next((d for d in NIST_CANDIDATES if (d / "Longley.csv").exists()), NIST_CANDIDATES[-1])
INTERCEPT = "(Intercept)"
ALPHA = 0.05
HAC_LAGS = (1, 2, 3)
PW_TOL = 1e-12
PW_MAXITER = 200


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def fl(v) -> float:
    v = float(v)
    if not math.isfinite(v):
        raise ValueError("non-finite value in fixture")
    return v


def vec(a) -> list[float]:
    return [fl(v) for v in np.asarray(a).ravel()]


def mat(a) -> list[list[float]]:
    return [[fl(v) for v in row] for row in np.asarray(a)]


def close(a, b, rtol=1e-10, atol=0.0) -> bool:
    return bool(np.allclose(np.asarray(a, float), np.asarray(b, float), rtol=rtol, atol=atol))


def check(cond: bool, what: str):
    if not cond:
        raise AssertionError("convention check failed: " + what)


def write_csv(path: Path, header: list[str], rows: list[list[str]]):
    lines = [",".join(header)] + [",".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n")


def read_csv(path: Path) -> tuple[list[str], np.ndarray]:
    lines = path.read_text().splitlines()
    header = lines[0].split(",")
    data = np.array([[float(c) for c in ln.split(",")] for ln in lines[1:] if ln], dtype=np.float64)
    return header, data


def design(data: np.ndarray, header: list[str], response: str, regressors: list[str]):
    y = data[:, header.index(response)]
    cols = [data[:, header.index(c)] for c in regressors]
    X = np.column_stack([np.ones(len(y))] + cols)
    return y, X, [INTERCEPT] + regressors


# --------------------------------------------------------------------------
# high-precision re-derivation (accuracy of statsmodels' binary64 results)
# --------------------------------------------------------------------------

MP_DPS = 50


class MPOLS:
    """OLS and its sandwich covariances evaluated at MP_DPS digits on the binary64 data."""

    def __init__(self, X: np.ndarray, y: np.ndarray):
        with mpmath.workdps(MP_DPS):
            self.n, self.k = X.shape
            self.X = mpmath.matrix([[mpmath.mpf(float(v)) for v in row] for row in X])
            self.y = mpmath.matrix([mpmath.mpf(float(v)) for v in y])
            self.xtx_inv = mpmath.inverse(self.X.T * self.X)
            self.beta = self.xtx_inv * (self.X.T * self.y)
            self.e = self.y - self.X * self.beta
            self.ssr = sum(v ** 2 for v in self.e)
            self.scale = self.ssr / (self.n - self.k)
            self.h = [(self.X[i, :] * self.xtx_inv * self.X[i, :].T)[0, 0] for i in range(self.n)]

    def bse(self):
        with mpmath.workdps(MP_DPS):
            return [mpmath.sqrt(self.scale * self.xtx_inv[j, j]) for j in range(self.k)]

    def sandwich(self, s):
        with mpmath.workdps(MP_DPS):
            return self.xtx_inv * s * self.xtx_inv

    def hc(self, kind):
        with mpmath.workdps(MP_DPS):
            n, k = self.n, self.k
            w = [self.e[i] ** 2 for i in range(n)]
            if kind == "HC1":
                w = [v * n / (n - k) for v in w]
            elif kind == "HC2":
                w = [v / (1 - self.h[i]) for i, v in enumerate(w)]
            elif kind == "HC3":
                w = [v / (1 - self.h[i]) ** 2 for i, v in enumerate(w)]
            s = mpmath.zeros(k, k)
            for i in range(n):
                xi = self.X[i, :]
                s += w[i] * (xi.T * xi)
            return self.sandwich(s)

    def hac(self, lags, correction):
        with mpmath.workdps(MP_DPS):
            n, k = self.n, self.k
            u = [self.X[i, :].T * self.e[i] for i in range(n)]
            s = mpmath.zeros(k, k)
            for i in range(n):
                s += u[i] * u[i].T
            for j in range(1, lags + 1):
                wj = 1 - mpmath.mpf(j) / (lags + 1)
                g = mpmath.zeros(k, k)
                for t in range(j, n):
                    g += u[t] * u[t - j].T
                s += wj * (g + g.T)
            cov = self.sandwich(s)
            if correction:
                cov = cov * (mpmath.mpf(n) / (n - k))
            return cov


def mp_cov_block(m) -> dict:
    with mpmath.workdps(MP_DPS):
        return {"bse": [fl(mpmath.sqrt(m[j, j])) for j in range(m.rows)],
                "covParams": [[fl(m[i, j]) for j in range(m.cols)] for i in range(m.rows)]}


def high_precision_block(mp_ols: MPOLS) -> dict:
    return {
        "note": "same formulas evaluated at 50 digits on the binary64 data, rounded to binary64 "
                "(see notes.statsmodelsDigits)",
        "params": [fl(v) for v in mp_ols.beta],
        "bse": [fl(v) for v in mp_ols.bse()],
        "ssr": fl(mp_ols.ssr),
        "scale": fl(mp_ols.scale),
        "HC": {hc: mp_cov_block(mp_ols.hc(hc)) for hc in ("HC0", "HC1", "HC2", "HC3")},
        "HAC": {"maxlags=%d" % lags: {"use_correction=%s" % corr: mp_cov_block(mp_ols.hac(lags, corr))
                                      for corr in (False, True)} for lags in HAC_LAGS},
    }


def lre_min(values, refs) -> float:
    """Minimum log relative error (digits, capped at 15) of binary64 values against references."""
    best = 15.0
    with mpmath.workdps(MP_DPS):
        for v, r in zip(np.asarray(values, dtype=float).ravel(), refs):
            r = mpmath.mpf(r)
            d = abs(mpmath.mpf(float(v)) - r)
            if d == 0:
                continue
            lre = float(-mpmath.log10(d / abs(r))) if r != 0 else float(-mpmath.log10(d))
            best = min(best, max(0.0, lre))
    return round(best, 2)


def mp_flat(m) -> list:
    return [m[i, j] for i in range(m.rows) for j in range(m.cols)]


# --------------------------------------------------------------------------
# blocks of results
# --------------------------------------------------------------------------

def ols_block(res, X) -> dict:
    n = int(res.nobs)
    k = X.shape[1]
    # conventions, checked against direct formulas
    llf = -n / 2 * math.log(2 * math.pi) - n / 2 * math.log(res.ssr / n) - n / 2
    if hasattr(res.model, "weights") and not np.all(res.model.weights == 1):
        llf += 0.5 * float(np.sum(np.log(res.model.weights)))
    check(close(res.llf, llf, 1e-12), "llf formula")
    check(close(res.aic, -2 * res.llf + 2 * k, 1e-12), "aic = -2 llf + 2k (k incl. intercept, sigma not counted)")
    check(close(res.bic, -2 * res.llf + math.log(n) * k, 1e-12), "bic = -2 llf + ln(n) k")
    ci = res.conf_int(alpha=ALPHA)
    return {
        "params": vec(res.params),
        "bse": vec(res.bse),
        "tvalues": vec(res.tvalues),
        "pvalues": vec(res.pvalues),
        "confInt": mat(ci),
        "covParams": mat(res.cov_params()),
        "rsquared": fl(res.rsquared),
        "rsquared_adj": fl(res.rsquared_adj),
        "fvalue": fl(res.fvalue),
        "f_pvalue": fl(res.f_pvalue),
        "llf": fl(res.llf),
        "aic": fl(res.aic),
        "bic": fl(res.bic),
        "ssr": fl(res.ssr),
        "ess": fl(res.ess),
        "centered_tss": fl(res.centered_tss),
        "scale": fl(res.scale),
        "nobs": n,
        "df_resid": fl(res.df_resid),
        "df_model": fl(res.df_model),
    }


def robust_block(model, mp_ols: MPOLS, acc: dict) -> dict:
    out = {}
    worst = 15.0
    for hc in ("HC0", "HC1", "HC2", "HC3"):
        r = model.fit(cov_type=hc)
        # (X'X)^-1 X' diag(w) X (X'X)^-1 at high precision: the convention must match, and the
        # agreement says how many digits statsmodels' binary64 result carries
        ref = mp_flat(mp_ols.hc(hc))
        digits = lre_min(r.cov_params(), ref)
        check(digits > 4, hc + " sandwich formula")
        worst = min(worst, digits)
        out[hc] = {
            "bse": vec(r.bse),
            "covParams": mat(r.cov_params()),
            "tvalues": vec(r.tvalues),
            "pvalues": vec(r.pvalues),
            "use_t": bool(r.use_t),
        }
    acc["HC"] = worst
    return out


def hac_block(model, mp_ols: MPOLS, acc: dict) -> dict:
    out = {}
    worst = 15.0
    for lags in HAC_LAGS:
        variants = {
            "default": {"maxlags": lags},
            "use_correction=False": {"maxlags": lags, "use_correction": False},
            "use_correction=True": {"maxlags": lags, "use_correction": True},
        }
        block = {}
        for label, kw in variants.items():
            r = model.fit(cov_type="HAC", cov_kwds=kw)
            used = bool(r.cov_kwds["use_correction"])
            digits = lre_min(r.cov_params(), mp_flat(mp_ols.hac(lags, used)))
            check(digits > 4, "HAC formula " + label)
            worst = min(worst, digits)
            block[label] = {
                "cov_kwds": kw,
                "use_correction_applied": used,
                "bse": vec(r.bse),
                "covParams": mat(r.cov_params()),
                "tvalues": vec(r.tvalues),
                "pvalues": vec(r.pvalues),
                "use_t": bool(r.use_t),
            }
        out["maxlags=%d" % lags] = block
    acc["HAC"] = worst
    return out


def diagnostics_block(resid: np.ndarray) -> dict:
    n = len(resid)
    jb, jbp, skew, kurt = jarque_bera(resid)
    lmax = min(10, n // 5)
    lb = acorr_ljungbox(resid, lags=list(range(1, lmax + 1)), model_df=0, return_df=True)
    return {
        "durbinWatson": fl(durbin_watson(resid)),
        "jarqueBera": {"stat": fl(jb), "pvalue": fl(jbp), "skew": fl(skew), "kurtosis": fl(kurt)},
        "ljungBox": {
            "maxLag": lmax,
            "rule": "lags 1..L with L = min(10, n // 5); model_df = 0",
            "lags": [int(v) for v in lb.index],
            "Q": vec(lb["lb_stat"]),
            "pvalue": vec(lb["lb_pvalue"]),
        },
    }


def prediction_block(res, rows: list[list[float]], labels: list[str], weights=None) -> dict:
    exog = np.column_stack([np.ones(len(rows)), np.asarray(rows, dtype=float)])
    kw = {} if weights is None else {"weights": weights}
    sf = res.get_prediction(exog, **kw).summary_frame(alpha=ALPHA)
    return {
        "alpha": ALPHA,
        "rows": [{"label": lab, "x": [fl(v) for v in r]} for lab, r in zip(labels, rows)],
        "mean": vec(sf["mean"]),
        "mean_se": vec(sf["mean_se"]),
        "mean_ci_lower": vec(sf["mean_ci_lower"]),
        "mean_ci_upper": vec(sf["mean_ci_upper"]),
        "obs_ci_lower": vec(sf["obs_ci_lower"]),
        "obs_ci_upper": vec(sf["obs_ci_upper"]),
    }


def ols_case(data, header, response, regressors, csv_name, description, new_rows, new_labels) -> dict:
    y, X, names = design(data, header, response, regressors)
    model = sm.OLS(y, X)
    res = model.fit()
    resid = np.asarray(res.resid)
    mp_ols = MPOLS(X, y)
    acc = {
        "params": lre_min(res.params, list(mp_ols.beta)),
        "bse": lre_min(res.bse, mp_ols.bse()),
        "ssr": lre_min([res.ssr], [mp_ols.ssr]),
    }
    case = {
        "description": description,
        "data": csv_name,
        "response": response,
        "regressors": regressors,
        "intercept": True,
        "names": names,
        "ols": ols_block(res, X),
        "robust": robust_block(model, mp_ols, acc),
        "hac": hac_block(model, mp_ols, acc),
    }
    case.update(diagnostics_block(resid))
    case["predictions"] = prediction_block(res, new_rows, new_labels)
    case["statsmodelsDigits"] = acc
    case["highPrecision"] = high_precision_block(mp_ols)
    return case, (y, X, res)


# --------------------------------------------------------------------------
# data sets
# --------------------------------------------------------------------------

def make_trend_ar1(path: Path):
    rng = random.Random(19902020)
    rho, sd = 0.6, 2.0
    u = rng.gauss(0, sd / math.sqrt(1 - rho ** 2))  # stationary start
    rows = []
    for year in range(1990, 2021):
        if year > 1990:
            u = rho * u + rng.gauss(0, sd)
        y = 50 + 1.8 * (year - 1990) + u
        rows.append(["%.4f" % y, str(year)])
    write_csv(path, ["y", "year"], rows)


def make_wls(path: Path):
    rng = random.Random(2525)
    rows = []
    for _ in range(25):
        x = round(rng.uniform(1, 20), 3)
        y = 3 + 2 * x + rng.gauss(0, 0.5 * x)
        w = float("%.6g" % (1 / x ** 2))
        rows.append(["%.4f" % y, "%.3f" % x, repr(w)])
    write_csv(path, ["y", "x", "w"], rows)


def make_series(path: Path):
    rng = random.Random(6060)
    v, rows = 0.0, []
    for t in range(60):
        v = 0.35 * v + rng.gauss(0, 1) + (0.8 if t % 12 == 0 else 0.0)
        rows.append(["%.4f" % (10 + v)])
    write_csv(path, ["value"], rows)


# --------------------------------------------------------------------------
# Prais-Winsten (iterated) through GLS
# --------------------------------------------------------------------------

def prais_winsten(y, X) -> dict:
    n = len(y)
    beta = sm.OLS(y, X).fit().params
    e = y - X @ beta
    rho_first = None
    rho_prev = None
    history = []
    for it in range(1, PW_MAXITER + 1):
        rho = float(np.sum(e[1:] * e[:-1]) / np.sum(e[:-1] ** 2))
        if rho_first is None:
            rho_first = rho
        history.append(rho)
        sigma = scipy.linalg.toeplitz(rho ** np.arange(n))
        g = sm.GLS(y, X, sigma=sigma).fit()
        beta = g.params
        e = y - X @ beta
        if rho_prev is not None and abs(rho - rho_prev) < PW_TOL:
            break
        rho_prev = rho
    else:
        raise RuntimeError("Prais-Winsten did not converge")
    # the GLS above is the Prais-Winsten transform up to the factor sqrt(1 - rho^2)
    c = math.sqrt(1 - rho ** 2)
    ys = np.concatenate([[c * y[0]], y[1:] - rho * y[:-1]])
    Xs = np.vstack([c * X[0], X[1:] - rho * X[:-1]])
    pw = sm.OLS(ys, Xs).fit()
    check(close(pw.params, g.params, 1e-9), "GLS(toeplitz) params == Prais-Winsten OLS params")
    check(close(pw.bse, g.bse, 1e-9), "GLS(toeplitz) bse == Prais-Winsten OLS bse")
    check(close(g.ssr * (1 - rho ** 2), pw.ssr, 1e-9), "GLS ssr * (1 - rho^2) == Prais-Winsten ssr")
    return {
        "rho": rho,
        "rhoFromOLS": rho_first,
        "iterations": it,
        "params": vec(g.params),
        "bse": vec(g.bse),
        "tvalues": vec(g.tvalues),
        "pvalues": vec(g.pvalues),
        "ssr": fl(g.ssr),
        "ssrPraisWinsten": fl(pw.ssr),
        "scale": fl(g.scale),
        "df_resid": fl(g.df_resid),
    }


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

NOTES = {
    "floats": "All floats are Python repr of binary64 values (round-trip exact).",
    "names": "'names' gives the order of every parameter vector / matrix row; '(Intercept)' first.",
    "llf": "Gaussian log-likelihood at the MLE of sigma^2: llf = -n/2 ln(2 pi) - n/2 ln(ssr/n) - n/2 "
           "(WLS adds + 1/2 sum ln w_i, with ssr the weighted sum of squares).",
    "aic_bic": "statsmodels convention: aic = -2 llf + 2 k, bic = -2 llf + ln(n) k, where k = number of regression "
               "coefficients including the intercept (df_model + 1); sigma^2 is NOT counted (R's AIC counts it, "
               "giving +2 resp. +ln(n) more).",
    "scale": "scale = ssr / df_resid (sigma^2 estimate); bse use it; confInt / pvalues of the nonrobust fit use t(df_resid).",
    "robust_HC": "HC0..HC3 from model.fit(cov_type='HCk'): (X'X)^-1 X' diag(w) X (X'X)^-1 with w = e^2 (HC0), "
                 "e^2 n/(n-k) (HC1), e^2/(1-h) (HC2), e^2/(1-h)^2 (HC3); h = leverages. With cov_type given to "
                 "fit(), use_t is False: tvalues are z statistics and pvalues use the normal distribution.",
    "hac": "HAC from model.fit(cov_type='HAC', cov_kwds={'maxlags': L, ...}) (Newey-West): "
           "cov = (X'X)^-1 S (X'X)^-1, S = sum_t u_t u_t' + sum_{j=1..L} w_j sum_{t>j} (u_t u_{t-j}' + u_{t-j} u_t'), "
           "u_t = x_t e_t, Bartlett weights w_j = 1 - j/(L+1) (so lag L still gets weight 1/(L+1) > 0). "
           "DEFAULT: OLS.fit / get_robustcov_results use use_correction=False, i.e. NO small-sample factor "
           "(statsmodels' lower-level function sandwich_covariance.cov_hac_simple defaults to True instead). "
           "use_correction=True multiplies the whole matrix by n/(n-k) (k = number of coefficients). "
           "maxlags is required (no automatic bandwidth on this path; S_hac_simple's floor(4 (n/100)^(2/9)) only "
           "applies when nlags=None is passed to the low-level function). use_t defaults to False with "
           "fit(cov_type='HAC'), so p-values are normal; note that res.get_robustcov_results('HAC', maxlags=L) on "
           "an existing nonrobust fit instead inherits use_t=True (t(df_resid) p-values, same covariance). "
           "All HAC and HC matrices here were re-derived from these formulas in the generating script.",
    "durbinWatson": "sum (e_t - e_{t-1})^2 / sum e_t^2 on the OLS residuals.",
    "jarqueBera": "statsmodels.stats.stattools.jarque_bera(resid): JB = n/6 (S^2 + (K-3)^2/4) with biased "
                  "(moment) skewness S and kurtosis K; 'kurtosis' is the plain (non-excess) kurtosis; p from chi2(2).",
    "ljungBox": "acorr_ljungbox(resid, lags=[1..L], model_df=0, return_df=True): Q(h) = n(n+2) sum_{k<=h} "
                "r_k^2/(n-k), r_k the autocorrelations of the DEMEANED series (denominator sum over all n); p from "
                "chi2(h - model_df). Box-Pierce: n sum_{k<=h} r_k^2.",
    "predictions": "get_prediction(exog_new).summary_frame(alpha=0.05): mean = x'b, mean_se = sqrt(x' C x) with C "
                   "the nonrobust covariance; mean_ci uses t(df_resid); obs_ci = mean -/+ t * sqrt(mean_se^2 + "
                   "scale / weight). Rows given WITHOUT the intercept column (it is 1).",
    "praisWinsten": "Iterated Prais-Winsten: beta_0 = OLS. Iteration k = 1, 2, ...: e = y - X beta_{k-1} (residuals "
                    "on the original, untransformed scale); rho_k = sum_{t>=2} e_t e_{t-1} / sum_{t>=2} e_{t-1}^2; "
                    "beta_k = statsmodels GLS(y, X, sigma = toeplitz(rho_k^|i-j|)).fit(). Stop after the first k "
                    "with |rho_k - rho_{k-1}| < 1e-12 (max 200). Reported: rho = rho_k (the rho of the final GLS), "
                    "rhoFromOLS = rho_1, iterations = k (number of GLS fits), params/bse/tvalues/pvalues of that "
                    "GLS (default nonrobust, scale = whitened ssr / (n - k), t(df_resid) p-values). This GLS "
                    "equals OLS on the Prais-Winsten transform (first row scaled by sqrt(1 - rho^2), rows t >= 2 "
                    "quasi-differenced): identical params and bse, but GLS whitens with sigma^-1/2, so its 'ssr' "
                    "is the Prais-Winsten ssr divided by (1 - rho^2); both are given (ssr, ssrPraisWinsten).",
    "statsmodelsDigits": "Accuracy of the statsmodels numbers themselves: minimum LRE (digits, capped at 15) of "
                         "statsmodels' binary64 params, bse, ssr, HC and HAC covariance entries against the same "
                         "formulas evaluated at 50 digits (mpmath) on the same binary64 data. Compare to the "
                         "statsmodels numbers no tighter than that; 'highPrecision' holds those 50-digit values "
                         "(rounded to binary64) for tighter tests.",
    "wls": "WLS(y, X, weights=w): minimises sum w_i e_i^2; rsquared = 1 - ssr_w / centered_tss_w, where "
           "centered_tss_w = sum w_i (y_i - ybar_w)^2 with the weighted mean ybar_w; predictions for new rows "
           "use weight 1 for the new observation (get_prediction(..., weights=1)): obs variance = scale / 1.",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nist", type=Path, default=DEFAULT_NIST, help="folder with the NIST StRD CSVs")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = ap.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    # Longley: copy of the NIST CSV
    src = args.nist / "Longley.csv"
    dst = out / "longley.csv"
    if src.exists():
        dst.write_bytes(src.read_bytes())
    elif not dst.exists():
        print("error: %s not found and no existing copy at %s" % (src, dst), file=sys.stderr)
        return 1
    make_trend_ar1(out / "trend_ar1.csv")
    make_wls(out / "wls.csv")
    make_series(out / "ljungbox_series.csv")

    cases = {}

    header, data = read_csv(dst)
    regs = header[1:]
    cases["longley"], _ = ols_case(
        data, header, "y", regs, "longley.csv",
        "NIST Longley: OLS of y on gnpdefl, gnp, unemp, armed, pop, year with intercept.",
        [[100.0, 400000.0, 3000.0, 2500.0, 117000.0, 1954.0],
         [120.0, 580000.0, 4000.0, 2600.0, 132000.0, 1963.0],
         [130.0, 650000.0, 3500.0, 2700.0, 136000.0, 1965.0]],
        ["inside", "extrapolating", "extrapolating"])

    header, data = read_csv(out / "trend_ar1.csv")
    case, (y, X, _) = ols_case(
        data, header, "y", ["year"], "trend_ar1.csv",
        "Synthetic annual series 1990..2020: y = 50 + 1.8 (year - 1990) + u, u AR(1) with rho 0.6 and innovation "
        "sd 2 (seed 19902020), printed with 4 decimals; OLS of y on intercept + year (raw calendar year).",
        [[2005.0], [2021.0], [2025.0]], ["inside", "extrapolating", "extrapolating"])
    case["praisWinsten"] = prais_winsten(y, X)
    cases["trend_ar1"] = case

    header, data = read_csv(out / "wls.csv")
    y, X, names = design(data, header, "y", ["x"])
    w = data[:, header.index("w")]
    wres = sm.WLS(y, X, weights=w).fit()
    ybar_w = np.sum(w * y) / np.sum(w)
    check(close(wres.rsquared, 1 - np.sum(w * wres.resid ** 2) / np.sum(w * (y - ybar_w) ** 2), 1e-10),
          "WLS rsquared is weighted-centred")
    wcase = {
        "description": "n = 25, y = 3 + 2x + noise with sd proportional to x (seed 2525); weights w = 1/x^2 "
                       "(6 significant digits, column w). WLS of y on intercept + x.",
        "data": "wls.csv",
        "response": "y",
        "regressors": ["x"],
        "weights": "w",
        "intercept": True,
        "names": names,
        "wls": ols_block(wres, X),
        "predictions": prediction_block(wres, [[10.0], [25.0], [30.0]],
                                        ["inside", "extrapolating", "extrapolating"], weights=1.0),
    }
    wcase["predictions"]["newObservationWeight"] = 1.0
    cases["wls"] = wcase

    header, data = read_csv(out / "ljungbox_series.csv")
    x = data[:, 0]
    lb = acorr_ljungbox(x, lags=list(range(1, 13)), boxpierce=True, model_df=0, return_df=True)
    jb, jbp, skew, kurt = jarque_bera(x)
    cases["ljungbox_series"] = {
        "description": "n = 60 plain series (AR(1)-like with coefficient 0.35 and a bump every 12th value, "
                       "seed 6060), 4 decimals.",
        "data": "ljungbox_series.csv",
        "n": len(x),
        "acf": vec(acf(x, nlags=12, fft=False)[1:]),
        "ljungBox": {
            "call": "acorr_ljungbox(x, lags=[1..12], boxpierce=True, model_df=0, return_df=True)",
            "lags": [int(v) for v in lb.index],
            "Q": vec(lb["lb_stat"]),
            "pvalue": vec(lb["lb_pvalue"]),
            "boxPierceQ": vec(lb["bp_stat"]),
            "boxPiercePvalue": vec(lb["bp_pvalue"]),
        },
        "jarqueBera": {"stat": fl(jb), "pvalue": fl(jbp), "skew": fl(skew), "kurtosis": fl(kurt)},
    }

    doc = {
        "generator": "Tools/reference/make_statsmodels_fixtures.py",
        "command": ".venv/bin/python Tools/reference/make_statsmodels_fixtures.py",
        "versions": {
            "statsmodels": statsmodels.__version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "pandas": pd.__version__,
            "python": platform.python_version(),
        },
        "notes": NOTES,
        "cases": cases,
    }
    (out / "inference.json").write_text(json.dumps(doc, indent=2, allow_nan=False) + "\n")
    pw = cases["trend_ar1"]["praisWinsten"]
    print("wrote %s (%d cases); Prais-Winsten rho = %r after %d GLS fits"
          % (out / "inference.json", len(cases), pw["rho"], pw["iterations"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
