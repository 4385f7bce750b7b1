#!/usr/bin/env python3
"""Generate statsmodels ARIMA reference fixtures for Biennium's ARIMA implementation.

Writes Tests/Fixtures/statsmodels/arima.json. Series: the training part (all values
but the last 6) of M3 yearly N0001, N0100, N0400 and N0600, and SYNTH_AR1_40, a
synthetic stationary AR(1) series of 40 values (mean 10, phi 0.6, noise sd 1,
numpy default_rng seed 20240613, rounded to 4 decimals; the rounded values are the data).

For every series and every specification

    (0,1,0) drift, (0,1,1) drift, (1,1,0) drift, (1,1,1) drift, (0,2,1) no constant,
    (2,1,2) drift, and for the synthetic series also (1,0,0) and (1,0,1) with constant

the model is statsmodels.tsa.arima.model.ARIMA(train, order=..., trend=...) fitted with
.fit(method="statespace") and otherwise default settings. "drift" is trend="t" (the only
way to get a drift with d = 1 in statsmodels: trend="c" is rejected for d > 0), "no
constant" is trend="n", "constant" (d = 0) is trend="c". Recorded per fit: the fitted
parameters with statsmodels' names, llf, nobs, the effective nobs of the likelihood,
df_model, aic, aicc, bic, hqic, the forecasts for h = 6 (mean, se_mean, 80 % / 95 %
intervals) and model.loglike at a fixed parameter vector (AR 0.3, -0.2; MA 0.4, 0.1;
trend coefficient and sigma2 equal to the fitted ones).

Because statsmodels' default handling of d >= 1 is an approximate diffuse prior (not the
exact likelihood of the differenced data), every integrated spec also carries an `exact`
block: the exact Gaussian likelihood of the d-times differenced series (statsmodels
ARIMA on the differences with trend "c"/"n"), fitted and at the same fixed parameters,
plus the corresponding levels forecasts from the exact-diffuse state space model, and the
standard errors of those estimates from the observed information (cov_params_approx: the
inverse of the negative Hessian of the log-likelihood, by complex-step differences, with
sigma2 among the parameters), recorded for the stationary fits too, as
"standardErrorsHessian" beside their parameters (square roots of the diagonal's absolute
values, so an indefinite Hessian shows rather than fails).

KPSS (statsmodels.tsa.stattools.kpss, regression="c") with nlags="legacy" and "auto" is
recorded for every training series (and, as extras, with statsforecast's ndiffs lag
floor(3 sqrt(n) / 13) and for the first differences).

The script checks the conventions it documents (AIC/AICc/BIC formulas, llf = sum of
per-observation terms after the burn-in, interval = mean +- z se, exact-diffuse vs
differenced likelihood) and stops if one fails. Deterministic; runs in a few seconds.

Usage:  .venv/bin/python Tools/reference/make_arima_fixtures.py [--data CSV] [--out FILE]
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import math
import platform
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import norm

from statsmodels.tsa.arima.model import ARIMA
from statsmodels.tsa.statespace.sarimax import SARIMAX
from statsmodels.tsa.stattools import kpss

REPO = Path(__file__).resolve().parents[2]
DATA_CANDIDATES = [
    REPO / "Tests" / "Fixtures" / "competitions" / "m3_yearly.csv",
    REPO.parent / "shared" / "reference" / "competitions" / "m3_yearly.csv",
]
DEFAULT_DATA = next((p for p in DATA_CANDIDATES if p.exists()), DATA_CANDIDATES[0])
DEFAULT_OUT = REPO / "Tests" / "Fixtures" / "statsmodels" / "arima.json"

M3_IDS = ["N0001", "N0100", "N0400", "N0600"]
HORIZON = 6
LEVELS = [80, 95]

SYNTH_ID = "SYNTH_AR1_40"
SYNTH_SEED = 20240613
SYNTH_N = 40
SYNTH_MEAN = 10.0
SYNTH_PHI = 0.6
SYNTH_SD = 1.0

# (label, order, statsmodels trend argument, meaning)
SPECS = [
    ("ARIMA(0,1,0)+drift", (0, 1, 0), "t", "drift"),
    ("ARIMA(0,1,1)+drift", (0, 1, 1), "t", "drift"),
    ("ARIMA(1,1,0)+drift", (1, 1, 0), "t", "drift"),
    ("ARIMA(1,1,1)+drift", (1, 1, 1), "t", "drift"),
    ("ARIMA(0,2,1)", (0, 2, 1), "n", "none"),
    ("ARIMA(2,1,2)+drift", (2, 1, 2), "t", "drift"),
]
SYNTH_SPECS = [
    ("ARIMA(1,0,0)+const", (1, 0, 0), "c", "constant (process mean)"),
    ("ARIMA(1,0,1)+const", (1, 0, 1), "c", "constant (process mean)"),
]

FIXED_AR = [0.3, -0.2]
FIXED_MA = [0.4, 0.1]


# --------------------------------------------------------------------------
# helpers


def num(x):
    """Python float (repr round-trip exact), None for NaN / inf."""
    if x is None:
        return None
    x = float(x)
    return None if (math.isnan(x) or math.isinf(x)) else x


def arr(a):
    return [num(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def check(cond, what: str):
    if not bool(cond):
        sys.exit(f"convention check failed: {what}")


def rel_close(a, b, rtol=1e-10, atol=0.0) -> bool:
    return bool(np.allclose(np.asarray(a, float), np.asarray(b, float), rtol=rtol, atol=atol))


class Captured:
    """Collect the distinct warnings raised inside a block (category: message)."""

    def __enter__(self):
        self._cm = warnings.catch_warnings(record=True)
        self._log = self._cm.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, *exc):
        self._cm.__exit__(*exc)
        seen = []
        for w in self._log:
            msg = f"{w.category.__name__}: {str(w.message).splitlines()[0]}"
            if msg not in seen:
                seen.append(msg)
        self.messages = seen
        return False


def versions() -> dict:
    out = {"python": platform.python_version()}
    for pkg in ("statsmodels", "numpy", "scipy", "pandas"):
        out[pkg] = md.version(pkg)
    return out


# --------------------------------------------------------------------------
# data


def load_m3(path: Path) -> dict[str, np.ndarray]:
    # pandas' C parser treats CRLF as a line end, so no '\r' ends up in `value`
    df = pd.read_csv(path, dtype={"series": str})
    out = {}
    for sid in M3_IDS:
        g = df[df["series"] == sid].sort_values("period")
        if g.empty:
            sys.exit(f"series {sid} not in {path}")
        full = g["value"].to_numpy(dtype=np.float64)
        check(np.all(np.isfinite(full)), f"{sid}: finite values")
        out[sid] = full[:-HORIZON]
    return out


def synthetic_ar1() -> np.ndarray:
    """x_t = mean + phi (x_{t-1} - mean) + e_t, e_t ~ N(0, sd^2), x_1 drawn from the
    stationary distribution, rounded to 4 decimals (the rounded values are the data)."""
    rng = np.random.default_rng(SYNTH_SEED)
    dev = rng.normal(0.0, SYNTH_SD / math.sqrt(1.0 - SYNTH_PHI**2))
    vals = [SYNTH_MEAN + dev]
    for _ in range(SYNTH_N - 1):
        dev = SYNTH_PHI * dev + rng.normal(0.0, SYNTH_SD)
        vals.append(SYNTH_MEAN + dev)
    return np.array([round(v, 4) for v in vals])


# --------------------------------------------------------------------------
# ARIMA


def fixed_params(names, fitted) -> np.ndarray:
    """AR 0.3 / -0.2, MA 0.4 / 0.1, trend coefficient and sigma2 as fitted."""
    out = []
    for name, val in zip(names, fitted):
        if name.startswith("ar.L"):
            out.append(FIXED_AR[int(name[4:]) - 1])
        elif name.startswith("ma.L"):
            out.append(FIXED_MA[int(name[4:]) - 1])
        elif name in ("x1", "const", "sigma2"):
            out.append(float(val))
        else:
            sys.exit(f"unexpected parameter name {name}")
    return np.array(out)


def named(names, values) -> dict:
    return {n: num(v) for n, v in zip(names, values)}


def forecast_block(res, h=HORIZON) -> dict:
    fc = res.get_forecast(h)
    mean = np.asarray(fc.predicted_mean, float)
    se = np.asarray(fc.se_mean, float)
    out = {"mean": arr(mean), "se": arr(se)}
    for lv in LEVELS:
        ci = np.asarray(fc.conf_int(alpha=1 - lv / 100), float)
        z = norm.ppf(0.5 + lv / 200)
        check(rel_close(ci[:, 0], mean - z * se, 1e-12, 1e-9) and rel_close(ci[:, 1], mean + z * se, 1e-12, 1e-9),
              f"{lv}% interval = mean +- z se")
        out[f"lo{lv}"] = arr(ci[:, 0])
        out[f"hi{lv}"] = arr(ci[:, 1])
    return out


def exact_block(y, order, trend, names, fitted_params, fixed) -> dict:
    """Exact likelihood of the d-times differenced data (the diffuse-free reference), and
    levels forecasts from the exact-diffuse state space model at those estimates."""
    p, d, q = order
    dy = np.diff(y, d)
    dtrend = "c" if trend == "t" else "n"
    with Captured() as cw:
        mdiff = ARIMA(dy, order=(p, 0, q), trend=dtrend)
        rdiff = mdiff.fit(method="statespace")
    default_llf = rdiff.llf
    default_converged = bool(rdiff.mle_retvals.get("converged", False))
    # this block is meant to be the true maximum: refit (maxiter 2000) from the default
    # start, from the statsmodels levels estimates and from the fixed vector; keep the best
    for start in (None, np.asarray(fitted_params), fixed):
        try:
            with Captured():
                kw = {"method_kwargs": {"maxiter": 2000}}
                if start is not None:
                    kw["start_params"] = start
                alt = mdiff.fit(method="statespace", **kw)
            if np.isfinite(alt.llf) and alt.llf > rdiff.llf + 1e-9:
                rdiff = alt
        except Exception:  # noqa: BLE001 - a failed restart just does not count
            pass
    dnames = list(mdiff.param_names)
    # the differenced model names the drift `const`; otherwise the same order
    check([("x1" if n == "const" else n) for n in dnames] == names, "differenced param names")
    llf_fixed_diff = mdiff.loglike(fixed)
    llf_fitted_diff = mdiff.loglike(np.asarray(fitted_params))

    # the same model on the levels with exact diffuse initialisation of the d integration states
    exog = np.arange(1.0, len(y) + 1.0)[:, None] if trend == "t" else None
    with Captured():
        mex = SARIMAX(y, exog=exog, order=order, use_exact_diffuse=True)
        check(list(mex.param_names) == names, "exact-diffuse param names")
        lex_fixed = mex.loglike(fixed)
        rex = mex.filter(np.asarray(rdiff.params))
        exf = None
        if exog is not None:
            exf = np.arange(len(y) + 1.0, len(y) + HORIZON + 1.0)[:, None]
        fcx = rex.get_forecast(HORIZON, exog=exf)
    shift = d * 0.5 * math.log(2 * math.pi)
    check(abs(lex_fixed + shift - llf_fixed_diff) < 1e-8 * max(1.0, abs(llf_fixed_diff)),
          "exact-diffuse llf = differenced llf - d/2 log(2 pi)")
    check(abs(rex.llf + shift - rdiff.llf) < 1e-8 * max(1.0, abs(rdiff.llf)),
          "exact-diffuse llf at the differenced MLE")
    mean = np.asarray(fcx.predicted_mean, float)
    se = np.asarray(fcx.se_mean, float)
    fc = {"mean": arr(mean), "se": arr(se)}
    for lv in LEVELS:
        z = norm.ppf(0.5 + lv / 200)
        fc[f"lo{lv}"] = arr(mean - z * se)
        fc[f"hi{lv}"] = arr(mean + z * se)
    k = len(dnames)
    n_eff = len(dy)
    return {
        "model": (f"ARIMA(diff^{d}(train), order=({p},0,{q}), trend='{dtrend}').fit(method='statespace'), best of "
                  "the default fit and refits with maxiter 2000"),
        "paramNames": names,
        "params": named(names, rdiff.params),
        "llf": num(rdiff.llf),
        "nobs": n_eff,
        "aic": num(-2 * rdiff.llf + 2 * k),
        "aicc": num(-2 * rdiff.llf + 2 * k * n_eff / (n_eff - k - 1)) if n_eff - k - 1 > 0 else None,
        "bic": num(-2 * rdiff.llf + k * math.log(n_eff)),
        "converged": bool(rdiff.mle_retvals.get("converged", False)),
        "defaultFitLlf": num(default_llf),
        "defaultFitConverged": default_converged,
        "warnings": cw.messages,
        "llfAtStatsmodelsFit": num(llf_fitted_diff),
        "standardErrorsHessian": named(names, np.sqrt(np.abs(np.diag(rdiff.cov_params_approx)))),
        "fixed": {"params": named(names, fixed), "llf": num(llf_fixed_diff)},
        "exactDiffuseLevelsLlfFixed": num(lex_fixed),
        "forecast": fc,
    }


def fit_record(y, label, order, trend, meaning) -> dict:
    p, d, q = order
    with Captured() as cw:
        model = ARIMA(y, order=order, trend=trend)
        res = model.fit(method="statespace")
    names = list(model.param_names)
    params = np.asarray(res.params, float)
    n = int(res.nobs)
    burn = int(res.loglikelihood_burn)
    n_eff = int(res.nobs_effective)
    k = int(res.df_model)

    # conventions
    check(not model.simple_differencing and not model.use_exact_diffuse, "default: no simple differencing, approximate diffuse")
    check(burn == d and n_eff == n - d, f"{label}: loglikelihood_burn = d, nobs_effective = n - d")
    check(k == len(params), f"{label}: df_model = number of params incl. sigma2")
    check(names[-1] == "sigma2", "sigma2 is the last parameter")
    check(rel_close(res.llf, np.sum(res.llf_obs[burn:]), 1e-12, 1e-10), "llf = sum of llf_obs after the burn")
    check(rel_close(res.llf, model.loglike(params), 1e-12, 1e-10), "llf = model.loglike(params)")
    check(rel_close(res.aic, -2 * res.llf + 2 * k, 1e-13), "aic")
    check(rel_close(res.bic, -2 * res.llf + k * math.log(n_eff), 1e-13), "bic")
    check(rel_close(res.aicc, -2 * res.llf + 2 * k * n_eff / (n_eff - k - 1), 1e-13), "aicc")
    if trend == "t":
        check(np.array_equal(model.exog[:, 0], np.arange(1.0, n + 1.0)), "drift regressor is t = 1..n")

    fixed = fixed_params(names, params)
    llf_fixed = model.loglike(fixed)

    # optimum check (not part of the reference values): restart from other points
    best = res.llf
    for start in (fixed, None):
        try:
            with Captured():
                if start is None:
                    alt = model.fit(method="statespace", method_kwargs={"maxiter": 2000})
                else:
                    alt = model.fit(method="statespace", start_params=start, method_kwargs={"maxiter": 2000})
            if np.isfinite(alt.llf):
                best = max(best, alt.llf)
        except Exception:  # noqa: BLE001 - a failed restart just does not count
            pass

    rec = {
        "label": label,
        "order": list(order),
        "trend": trend,
        "trendMeaning": meaning,
        "paramNames": names,
        "params": named(names, params),
        "llf": num(res.llf),
        "nobs": n,
        "nobsEffective": n_eff,
        "loglikelihoodBurn": burn,
        "dfModel": k,
        "aic": num(res.aic),
        "aicc": num(res.aicc),
        "bic": num(res.bic),
        "hqic": num(res.hqic),
        "converged": bool(res.mle_retvals.get("converged", False)),
        "iterations": int(res.mle_retvals.get("iterations", -1)),
        "warnings": cw.messages,
        "bestLlfFromRestarts": num(best),
        "forecast": forecast_block(res),
        "fixed": {"params": named(names, fixed), "llf": num(llf_fixed)},
    }
    if order == (0, 1, 0):
        dy = np.diff(y)
        drift = dy.mean()
        rec["closedForm"] = {
            "x1": num(drift),
            "sigma2": num(np.mean((dy - drift) ** 2)),
            "comment": "exact MLE: drift = mean of the differences, sigma2 = their mean squared deviation (divisor n - 1)",
        }
    if d > 0:
        rec["exact"] = exact_block(y, order, trend, names, params, fixed)
    else:
        # stationary: this fit is the exact likelihood already; its standard errors from the observed information (the numerical Hessian)
        rec["standardErrorsHessian"] = named(names, np.sqrt(np.abs(np.diag(res.cov_params_approx))))
    return rec


# --------------------------------------------------------------------------
# KPSS


def kpss_record(x, nlags) -> dict:
    with Captured() as cw:
        r = kpss(x, regression="c", nlags=nlags, result_object=True)
    return {
        "nlags": nlags,
        "statistic": num(r.statistic),
        "lags": int(r.lags),
        "pvalue": num(r.pvalue),
        "pvalueClipped": any("InterpolationWarning" in m for m in cw.messages),
        "crit5": num(r.critical_values["5%"]),
        "criticalValues": {k: num(v) for k, v in r.critical_values.items()},
    }


def kpss_block(y) -> dict:
    n = len(y)
    sf_lags = math.floor(3 * math.sqrt(n) / 13)
    dy = np.diff(y)
    return {
        "legacy": kpss_record(y, "legacy"),
        "auto": kpss_record(y, "auto"),
        "statsforecastLag": kpss_record(y, sf_lags),
        "diff1": {
            "legacy": kpss_record(dy, "legacy"),
            "auto": kpss_record(dy, "auto"),
            "statsforecastLag": kpss_record(dy, math.floor(3 * math.sqrt(len(dy)) / 13)),
        },
    }


# --------------------------------------------------------------------------
# notes


def make_notes(stats: dict) -> dict:
    return {
        "floats": "All floats are Python repr of binary64 values (round-trip exact); NaN/inf would be null.",
        "data": (
            "M3 yearly series from Tests/Fixtures/competitions/m3_yearly.csv; `train` = all values but the last 6, "
            "the only data used. SYNTH_AR1_40: x_1 = 10 + N(0, 1/(1-0.6^2)), x_t = 10 + 0.6 (x_{t-1} - 10) + N(0, 1), "
            f"numpy default_rng({SYNTH_SEED}), rounded to 4 decimals (the rounded values are the data)."
        ),
        "api": (
            "statsmodels.tsa.arima.model.ARIMA(train, order=(p,d,q), trend=T).fit(method='statespace'), all other "
            "arguments default: enforce_stationarity=True, enforce_invertibility=True (the optimiser works on "
            "transformed parameters, so fitted AR/MA are stationary/invertible), concentrate_scale=False (sigma2 is "
            "an ordinary parameter), trend_offset=1, optimiser L-BFGS (maxiter 50) from SARIMAX's start_params. "
            "T = 't' for 'with drift' (d = 1), 'n' for (0,2,1) (also the default for d > 0), 'c' for the d = 0 "
            "specs. Forecasts: res.get_forecast(6): predicted_mean, se_mean, conf_int(alpha=0.2 / 0.05) = mean -+ "
            "z se with z = norm.ppf(0.9 / 0.975). Fixed-parameter likelihood: model.loglike(params) with params in "
            "param_names order, in the constrained (natural) parameterisation. Polynomials: phi(L) = 1 - ar.L1 L - "
            "ar.L2 L^2, theta(L) = 1 + ma.L1 L + ma.L2 L^2 (same signs as R). `bestLlfFromRestarts` is the best llf "
            "over the default fit and refits (maxiter 2000) from the fixed vector and from the default start: where "
            "it exceeds `llf`, statsmodels' default fit stopped short of the maximum."
        ),
        "drift": (
            "ARIMA treats every trend term as a regressor: 'regression with ARIMA errors', y_t - delta t = e_t with "
            "(1-L)^d phi(L) e_t = theta(L) eta_t, t = 1..n (trend_offset=1), forecasts use t = n+1..n+h. The "
            "coefficient is named 'x1' (not 'drift' or 'trend'). trend='c' with d >= 1 raises ValueError (a constant "
            "would be differenced away). So the drift is coded as a slope on the LEVEL, but since (1-L)(delta t) = "
            "delta, the same model is Delta y_t = delta + w_t with w an ARMA(p,q) with zero mean: x1 IS the mean of "
            "the first differences (not an intercept c = delta (1 - sum phi)). For d = 0 and trend='c' the parameter "
            "'const' is likewise the process mean mu (y_t - mu is ARMA), not the intercept mu (1 - phi)."
        ),
        "initialState": (
            "simple_differencing is False (the SARIMAX default; ARIMA does not even expose it) so the data are NOT "
            "differenced. The model on the levels is put in state space (Harvey form) with d extra integration "
            "states in front of the ARMA states. SARIMAX.initialize_default gives the ARMA block its stationary "
            "(unconditional) covariance and the d integration states an APPROXIMATE diffuse prior: mean 0, variance "
            "ssm.initial_variance = 1e6 (an absolute number, not a multiple of sigma2), because use_exact_diffuse "
            "defaults to False. The regression coefficient (drift) is not in the state (mle_regression=True). So "
            "the default fit is not diffuse-free and not an exact likelihood of the differences; it approximates "
            "one, and the approximation depends on the scale of the data: the 1e6 prior still pulls the level "
            "towards 0 whenever the ARMA part adds uncertainty to the first observations (it does not for "
            "(0,1,0): there the level is pinned down by the first observation). Measured here: max |llf(statsmodels "
            "default, fixed params) - llf(exact on differences, same params)| = "
            f"{stats['maxFixedGap']:.3g} ({stats['maxFixedGapWhere']}); for the small-scale synthetic series "
            f"{stats['synthFixedGap']:.3g}. Fitted parameters differ accordingly. For an implementation that "
            "differences the data (or uses an exact diffuse prior), compare against each spec's `exact` block; "
            "compare against the top-level values only if it reproduces the 1e6 approximate diffuse prior."
        ),
        "nobsAndBurn": (
            "loglikelihood_burn = d (k_states minus the ARMA states): the contributions of the first d observations "
            "are dropped from llf, so llf = sum over t = d+1..n of -0.5 (log 2 pi + log F_t + v_t^2 / F_t). res.nobs "
            "stays n; nobs_effective = n - d is what aic/bic/aicc use (`nobsEffective`). With exact diffuse "
            "initialisation (use_exact_diffuse=True, not the default) statsmodels keeps the first d observations in "
            "llf with only a -0.5 log 2 pi term each, so that llf = exact llf of the differences - d/2 log(2 pi) "
            "(checked: `exact.exactDiffuseLevelsLlfFixed`), and it would then use n and add the d diffuse states to "
            "df_model. The `exact` blocks use the differenced data: nobs = n - d, llf = exact Gaussian ARMA "
            "likelihood of diff^d(y) (stationary initialisation; with mean x1 for drift models). Their fitted "
            "values are the best of statsmodels' default fit (`defaultFitLlf`, `defaultFitConverged`) and refits "
            "with maxiter 2000 from the default start, the top-level estimates and the fixed vector, so they are "
            "meant as the true maximum (the default L-BFGS stops at 50 iterations; see `converged`)."
        ),
        "informationCriteria": (
            "k = df_model = number of estimated parameters INCLUDING sigma2 and the drift/constant (the approximate "
            "diffuse states add nothing). n = nobs_effective = n - d. aic = -2 llf + 2k; bic = -2 llf + k log n; "
            "aicc = -2 llf + 2 k n / (n - k - 1) = aic + 2k(k+1)/(n-k-1) (statsmodels.tools.eval_measures.aicc; "
            "inf if n - k - 1 <= 0). Example: (1,1,1)+drift has k = 4 (x1, ar.L1, ma.L1, sigma2). The `exact` blocks "
            "use the same formulas with n = n - d."
        ),
        "fixedParams": (
            "ar.L1 = 0.3, ar.L2 = -0.2, ma.L1 = 0.4, ma.L2 = 0.1 (those present in the spec), x1/const and sigma2 "
            "equal to the fitted values of the same spec (in `exact.fixed`: of the top-level statsmodels fit too, so "
            "both blocks use the identical vector). For (0,1,0) the fixed vector equals the fitted one."
        ),
        "tolerances": (
            "The fixed-vector log-likelihoods (`fixed.llf`, `exact.fixed.llf`) involve no optimisation and are the "
            "tight checks (agreement to ~1e-10 relative is expected for a correct Kalman filter / exact ARMA "
            "likelihood). Fitted values depend on the optimiser: with these short series several optima are flat "
            "or sit at the invertibility boundary (|ma| close to 1, e.g. N0100 (0,2,1), SYNTH (1,1,1)), and "
            "statsmodels' default fit does not always converge (`converged`, `warnings`, `bestLlfFromRestarts`). "
            "Compare fitted llf/aicc with a loose tolerance (an implementation may legitimately find a higher llf) "
            "and fitted parameters only where the optimum is interior and well converged."
        ),
        "kpss": (
            "statsmodels.tsa.stattools.kpss(x, regression='c', nlags=..., result_object=True). Residuals e = x - "
            "mean(x), eta = sum_t (cumsum e)_t^2 / n^2, s^2 = (sum e^2 + 2 sum_{i=1..l} (1 - i/(l+1)) sum_t e_t "
            "e_{t-i}) / n, statistic = eta / s^2. nlags='legacy': l = min(ceil(12 (n/100)^(1/4)), n - 1); "
            "nlags='auto': Hobijn et al. (1998) data-dependent lag. Critical values (regression 'c'): 10% 0.347, "
            "5% 0.463, 2.5% 0.574, 1% 0.739; the p-value is linearly interpolated in that table and clipped to "
            "[0.01, 0.10] (`pvalueClipped`). Extras: `statsforecastLag` uses l = floor(3 sqrt(n) / 13), the lag "
            "statsforecast's ndiffs (like R forecast::ndiffs) passes, and `diff1` repeats all three on the first "
            "differences (ndiffs tests successive differences, differencing while p < 0.05)."
        ),
    }


# --------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()

    allseries = load_m3(args.data)
    allseries[SYNTH_ID] = synthetic_ar1()

    out_series = []
    gaps = []  # (gap, where, is_synthetic)
    for sid, y in allseries.items():
        specs = SPECS + (SYNTH_SPECS if sid == SYNTH_ID else [])
        fits = []
        for label, order, trend, meaning in specs:
            rec = fit_record(y, label, order, trend, meaning)
            if "exact" in rec:
                gap = abs(rec["fixed"]["llf"] - rec["exact"]["fixed"]["llf"])
                gaps.append((gap, f"{sid} {label}", sid == SYNTH_ID))
            fits.append(rec)
            print(f"{sid} {label}: llf={rec['llf']:.6f} fixed={rec['fixed']['llf']:.6f}"
                  + (f" exact={rec['exact']['llf']:.6f}" if "exact" in rec else ""), file=sys.stderr)
        out_series.append({
            "id": sid,
            "source": "M3 yearly" if sid != SYNTH_ID else "synthetic AR(1)",
            "n": len(y),
            "train": arr(y),
            "kpss": kpss_block(y),
            "fits": fits,
        })

    worst = max(gaps)
    stats = {
        "maxFixedGap": worst[0],
        "maxFixedGapWhere": worst[1],
        "synthFixedGap": max(g for g, _, s in gaps if s),
    }
    doc = {
        "generator": "Tools/reference/make_arima_fixtures.py",
        "command": ".venv/bin/python Tools/reference/make_arima_fixtures.py",
        "versions": versions(),
        "horizon": HORIZON,
        "levels": LEVELS,
        "notes": make_notes(stats),
        "series": out_series,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=1, allow_nan=False) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
