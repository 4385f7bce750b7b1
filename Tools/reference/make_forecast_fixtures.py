#!/usr/bin/env python3
"""Generate statsforecast reference fixtures for Biennium's forecasting models.

Writes Tests/Fixtures/statsforecast/ets_theta.json: for 6 M3 yearly series and one
synthetic positive annual series, the results of statsforecast (version pinned in
Tools/reference/forecast-requirements.txt) fitted on the training part of each
series (all but the last 6 values):

  ets.<MODEL>       fixed ETS models ANN, AAN, AAdN, MNN, MAN, MAdN
                    (AutoETS(season_length=1, model=E+T+"N", damped=True/False))
  autoETS           AutoETS(season_length=1) with its default model selection
  theta             Theta(season_length=1)                  (Fiorucci STM)
  optimizedTheta    OptimizedTheta(season_length=1)         (OTM)
  dynamicOptimizedTheta DynamicOptimizedTheta(season_length=1) (DOTM)
  naive, drift      Naive(), RandomWalkWithDrift()

with point forecasts for h = 6 and 80 % / 95 % prediction intervals. Every float
is written with Python repr (round-trip exact); NaN and infinities become null.
The conventions (parameter bounds, beta vs beta*, initial states, likelihood,
AICc parameter count, sigma2, interval formulas) are described in the `notes`
field; the script checks the ones that can be checked by direct formulas and
stops if one of them does not hold.

Usage:  .venv/bin/python Tools/reference/make_forecast_fixtures.py [--data CSV] [--out FILE]
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import math
import platform
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import norm

import statsforecast
from statsforecast.models import (
    AutoETS,
    DynamicOptimizedTheta,
    Naive,
    OptimizedTheta,
    RandomWalkWithDrift,
    Theta,
)

REPO = Path(__file__).resolve().parents[2]
DATA_CANDIDATES = [
    REPO / "Tests" / "Fixtures" / "competitions" / "m3_yearly.csv",
    REPO.parent / "shared" / "reference" / "competitions" / "m3_yearly.csv",
]
DEFAULT_DATA = next((p for p in DATA_CANDIDATES if p.exists()), DATA_CANDIDATES[0])
DEFAULT_OUT = REPO / "Tests" / "Fixtures" / "statsforecast" / "ets_theta.json"

M3_IDS = ["N0001", "N0010", "N0100", "N0200", "N0400", "N0600"]
HORIZON = 6
LEVELS = [80, 95]
MIN_TRAIN = 14
SYNTH_ID = "SYNTH_POS20"
SYNTH_SEED = 20240611
SYNTH_N = 20

# name -> (AutoETS model string, damped flag)
FIXED_ETS = {
    "ANN": ("ANN", False),
    "AAN": ("AAN", False),
    "AAdN": ("AAN", True),
    "MNN": ("MNN", False),
    "MAN": ("MAN", False),
    "MAdN": ("MAN", True),
}


# --------------------------------------------------------------------------
# helpers


def num(x):
    """Python float (repr-exact) or None for NaN / inf / None."""
    if x is None:
        return None
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return None
    return x


def arr(a):
    return [num(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def intervals(fc: dict) -> dict:
    out = {"mean": arr(fc["mean"])}
    for lv in LEVELS:
        out[f"lo{lv}"] = arr(fc[f"lo-{lv}"])
        out[f"hi{lv}"] = arr(fc[f"hi-{lv}"])
    return out


def check(cond: bool, what: str):
    if not cond:
        sys.exit(f"convention check failed: {what}")


def close(a, b, rtol=1e-9, atol=1e-9) -> bool:
    return bool(np.allclose(np.asarray(a, float), np.asarray(b, float), rtol=rtol, atol=atol, equal_nan=True))


# --------------------------------------------------------------------------
# data


def load_m3(path: Path) -> dict[str, np.ndarray]:
    df = pd.read_csv(path)
    out = {}
    for sid in M3_IDS:
        g = df[df["series"] == sid].sort_values("period")
        if g.empty:
            sys.exit(f"series {sid} not in {path}")
        y = g["value"].to_numpy(dtype=np.float64)
        if len(y) - HORIZON < MIN_TRAIN:
            sys.exit(f"series {sid} has only {len(y) - HORIZON} training points")
        out[sid] = y
    return out


def synthetic_series() -> np.ndarray:
    """20 strictly positive annual values: damped growth from 50 with multiplicative noise,
    rounded to 2 decimals (the rounded values are the data)."""
    rng = np.random.default_rng(SYNTH_SEED)
    level, growth = 50.0, 4.0
    vals = []
    for _ in range(SYNTH_N):
        growth = 0.9 * growth + 0.3 + rng.normal(0.0, 0.6)
        level = max(level + growth, 5.0)
        vals.append(level * math.exp(rng.normal(0.0, 0.04)))
    y = np.array([float(f"{v:.2f}") for v in vals])
    check(bool((y > 0).all()), "synthetic series strictly positive")
    return y


# --------------------------------------------------------------------------
# ETS


def ets_record(y: np.ndarray, model: AutoETS) -> dict:
    model.fit(y)
    mod = model.model_
    fc = model.predict(h=HORIZON, level=LEVELS)
    # the memory-efficient path must give the same numbers
    fc2 = model.forecast(y=y, h=HORIZON, level=LEVELS)
    check(all(close(fc[k], fc2[k], 0, 0) for k in fc), "AutoETS.fit/predict == AutoETS.forecast")

    comp = mod["components"]
    err, trend, _season, damped = comp[0], comp[1], comp[2], comp[3] == "D"
    alpha, beta, gamma, phi = (float(v) for v in mod["par"][:4])
    init = mod["par"][4:]
    n = len(y)
    k = len(mod["fit"].x)  # optimised: smoothing parameters + initial states
    e = np.asarray(mod["residuals"], float)

    # --- convention checks -------------------------------------------------
    check(mod["n_params"] == k + 1, "n_params = optimised parameters + 1 (sigma)")
    sse = float(np.sum(e**2))
    minus2 = n * math.log(sse)
    yhat = np.asarray(mod["fitted"], float)
    if err == "M":
        minus2 += 2.0 * float(np.sum(np.log(np.abs(yhat))))
    check(close(-0.5 * minus2, mod["loglik"], 1e-10, 1e-8), "loglik = -0.5*(n ln SSE [+ 2 sum ln|yhat|])")
    kk = k + 1
    check(close(mod["aic"], minus2 + 2 * kk, 1e-10, 1e-8), "aic")
    check(close(mod["bic"], minus2 + math.log(n) * kk, 1e-10, 1e-8), "bic")
    check(close(mod["aicc"], minus2 + 2 * kk + 2 * kk * (kk + 1) / (n - kk - 1), 1e-10, 1e-8), "aicc")
    check(close(mod["sigma2"], sse / (n - kk - 1), 1e-12, 0), "sigma2 = SSE/(n - n_params - 1)")
    if err == "A":
        check(close(e, y - yhat, 1e-12, 1e-9), "additive residual = y - fitted")
    else:
        check(close(e, (y - yhat) / yhat, 1e-10, 1e-12), "multiplicative residual = (y - fitted)/fitted")
    check(close(mod["states"][0], init, 0, 0), "states[0] = initial states")
    # Gaussian intervals: mean +- z * sqrt(v_h); v_h recomputed from the formulas in the notes
    v = ets_variance(err, trend, damped, alpha, beta, phi, float(mod["sigma2"]), np.asarray(fc["mean"], float))
    for lv in LEVELS:
        z = norm.ppf(0.5 + lv / 200)
        check(close(fc[f"hi-{lv}"], fc["mean"] + z * np.sqrt(v), 1e-9, 1e-9), f"ETS {comp} {lv}% upper")
        check(close(fc[f"lo-{lv}"], fc["mean"] - z * np.sqrt(v), 1e-9, 1e-9), f"ETS {comp} {lv}% lower")

    full_ll = -0.5 * n * (math.log(2 * math.pi) + 1 - math.log(n)) + float(mod["loglik"])
    rec = {
        "model": f"{err}{trend}{'d' if damped else ''}N",
        "components": comp,
        "method": mod.get("method"),
        "alpha": num(alpha),
        "beta": num(beta) if trend != "N" else None,
        "betaStar": num(beta / alpha) if trend != "N" else None,
        "phi": num(phi) if damped else None,
        "l0": num(init[0]),
        "b0": num(init[1]) if trend != "N" else None,
        "loglik": num(mod["loglik"]),
        "loglikGaussianFull": num(full_ll),
        "aic": num(mod["aic"]),
        "aicc": num(mod["aicc"]),
        "bic": num(mod["bic"]),
        "sigma2": num(mod["sigma2"]),
        "nParams": int(mod["n_params"]),
        "mse": num(mod["mse"]),
        "amse": num(mod["amse"]),
        "objective": num(mod["fit"].fn),
        "iterations": int(mod["fit"].nit),
        "fitted": arr(yhat),
        "residuals": arr(e),
        "actualResiduals": arr(y - yhat),
        "finalState": arr(mod["states"][-1]),
        "forecast": intervals(fc),
        "forecastVariance": arr(v),
    }
    return rec


def ets_variance(err, trend, damped, alpha, beta, phi, s2, mean):
    """Forecast variance v_h of statsforecast's analytic ETS intervals (classes 1 and 2)."""
    h = np.arange(1, HORIZON + 1, dtype=float)
    if err == "A":
        if trend == "N":
            return s2 * (1 + alpha**2 * (h - 1))
        if not damped:
            return s2 * (1 + (h - 1) * (alpha**2 + alpha * beta * h + beta**2 * h * (2 * h - 1) / 6))
        return s2 * (
            1
            + alpha**2 * (h - 1)
            + beta * phi * h / (1 - phi) ** 2 * (2 * alpha * (1 - phi) + beta * phi)
            - beta * phi * (1 - phi**h) / ((1 - phi) ** 2 * (1 - phi**2))
            * (2 * alpha * (1 - phi**2) + beta * phi * (1 + 2 * phi - phi**h))
        )
    # class 2: v_h = (1 + s2) theta_h - mu_h^2, theta_1 = mu_1^2,
    # theta_h = mu_h^2 + s2 * sum_{j=1}^{h-1} c_j^2 theta_{h-j}
    if trend == "N":
        c = np.full(HORIZON, alpha)
    elif not damped:
        c = alpha + beta * h
    else:
        c = alpha + beta * np.cumsum(phi**h)
    th = np.zeros(HORIZON)
    for i in range(HORIZON):
        th[i] = mean[i] ** 2 + s2 * sum(c[j] ** 2 * th[i - 1 - j] for j in range(i))
    return (1 + s2) * th - mean**2


# --------------------------------------------------------------------------
# Theta, naive, drift


def theta_record(y: np.ndarray, model) -> dict:
    model.fit(y)
    mod = model.model_
    fc = model.predict(h=HORIZON, level=LEVELS)
    par = mod["par"]
    e = np.asarray(mod["residuals"], float)
    check(close(mod["mse"], float(np.sum(e[3:] ** 2)) / float(np.mean(np.abs(y))), 1e-10, 0),
          "theta objective = sum(e[3:]^2)/mean|y|")
    sigma = float(np.std(e[3:], ddof=1))
    return {
        "modelType": mod["modeltype"],
        "alpha": num(par["alpha"]),
        "theta": num(par["theta"]),
        "initialSmoothed": num(par["initial_smoothed"]),
        "objective": num(mod["mse"]),
        "amse": arr(mod["amse"]),
        "iterations": int(mod["fit"].nit) if mod["fit"] is not None else None,
        "fitted": arr(mod["fitted"]),
        "residuals": arr(e),
        "finalState": {k: num(v) for k, v in zip(["level", "meanY", "A", "B", "mu"], mod["states"][-1])},
        "intervalSigma": num(sigma),
        "forecast": intervals(fc),
    }


def naive_record(y: np.ndarray) -> dict:
    fc = Naive().forecast(y=y, h=HORIZON, level=LEVELS)
    d = np.diff(y)
    sigma = math.sqrt(float(np.sum(d**2)) / (len(y) - 1))
    z95 = norm.ppf(0.975)
    check(close(fc["hi-95"], y[-1] + z95 * sigma * np.sqrt(np.arange(1, HORIZON + 1)), 1e-12, 1e-9), "naive interval")
    return {"sigma": num(sigma), "forecast": intervals(fc)}


def drift_record(y: np.ndarray) -> dict:
    fc = RandomWalkWithDrift().forecast(y=y, h=HORIZON, level=LEVELS)
    n = len(y)
    slope = (y[-1] - y[0]) / (n - 1)
    r = np.diff(y) - slope
    sigma = math.sqrt(float(np.sum(r**2)) / (n - 1))
    h = np.arange(1, HORIZON + 1)
    z95 = norm.ppf(0.975)
    check(close(fc["mean"], y[-1] + slope * h, 1e-12, 1e-9), "drift mean")
    check(close(fc["hi-95"], fc["mean"] + z95 * sigma * np.sqrt(h * (1 + h / (n - 1))), 1e-12, 1e-9), "drift interval")
    return {"slope": num(slope), "sigma": num(sigma), "forecast": intervals(fc)}


# --------------------------------------------------------------------------
# notes

NOTES = {
    "floats": "All floats are Python repr of binary64 values (round-trip exact); NaN/inf are written as null. "
    "Theta-family intervals are float32 in statsforecast (Monte Carlo samples are stored as float32); they are "
    "written as the exact binary64 value of that float32.",
    "data": "Each series: `train` = all values but the last 6 (the only data any model sees), `test` = last 6. "
    "M3 series from Tests/Fixtures/competitions/m3_yearly.csv. SYNTH_POS20 is a synthetic strictly positive annual "
    "series (seed 20240611, numpy default_rng, damped growth with multiplicative log-normal noise, rounded to 2 "
    "decimals; the rounded values are the data).",
    "api": "Fixed ETS models: statsforecast.models.AutoETS(season_length=1, model=E+T+'N', damped=False|True).fit(train) "
    "then .predict(h=6, level=[80, 95]); AAdN = model 'AAN' damped=True, MAdN = 'MAN' damped=True. NOTE: "
    "AutoETS(model='AAN') with damped=None (the default) does NOT fix the model: it fits both damped and undamped "
    "and keeps the lower AICc. autoETS: AutoETS(season_length=1) with all defaults. Theta / OptimizedTheta / "
    "DynamicOptimizedTheta(season_length=1).fit(train).predict(6, level=[80, 95]); Naive() and "
    "RandomWalkWithDrift() via .forecast(y=train, h=6, level=[80, 95]).",
    "ets_state_equations": "Error-correction form of Hyndman et al. (2008), implemented in C++ (statsforecast/_lib, "
    "src/ets.cpp Update/Forecast/Calc). One-step forecast yhat_t = l_{t-1} + phi b_{t-1} (N trend: l_{t-1}). Update: "
    "l_t = yhat_t + alpha (y_t - yhat_t); b_t = phi b_{t-1} + (beta/alpha) (l_t - l_{t-1} - phi b_{t-1}) = "
    "phi b_{t-1} + beta (y_t - yhat_t). The same update code serves additive and multiplicative errors (for M errors "
    "y_t - yhat_t = yhat_t e_t). h-step forecast l_n + (phi + ... + phi^h) b_n (phi = 1 when undamped).",
    "ets_beta": "statsforecast's `beta` is the beta of the error-correction form (Hyndman's beta = alpha * beta*, "
    "beta* being the smoothing parameter of the trend in the component/Holt form, b_t = beta*(l_t - l_{t-1}) + "
    "(1 - beta*) phi b_{t-1}). The fixture gives both: `beta` (statsforecast) and `betaStar` = beta/alpha.",
    "ets_bounds": "bounds='both' (default). lower = [1e-4, 1e-4, 1e-4, 0.8], upper = [0.9999, 0.9999, 0.9999, 0.98] "
    "for (alpha, beta, gamma, phi). Initial states l0, b0 are optimised too and are unbounded. The usual constraint "
    "beta <= alpha and the admissibility test (for m = 1: 1-1/phi < alpha < 1+1/phi, alpha(phi-1) < beta < "
    "(1+phi)(2-alpha)) are applied ONLY to the starting values (check_param in etsmodel), not inside the optimiser. "
    "QUIRK: initparam() sets upper[1] = min(upper[1], alpha_start) on the numpy array in place, so the optimiser's "
    "upper bound for beta is the STARTING alpha, 0.20006 (for m = 1), not 0.9999 and not the fitted alpha. Hence "
    "fitted beta <= 0.20006 always, while fitted beta > fitted alpha is possible (it happens in about 9 % of AAN/MAN/"
    "AAdN fits on the M3 yearly training data). Bounds are enforced by clamping every Nelder-Mead trial point into "
    "the box.",
    "ets_start_values": "alpha_0 = lower + 0.2 (upper - lower)/m = 0.20006; beta_0 = 1e-4 + 0.1 (min(0.9999, alpha_0) "
    "- 1e-4) = 0.020096; phi_0 = 0.8 + 0.99 (0.98 - 0.8) = 0.9782. Initial states (initstate): with maxn = "
    "min(max(10, 2m), n) = min(10, n): no trend -> l0 = mean(y[1..maxn]); additive trend -> OLS of y[1..maxn] on "
    "t = 1..maxn, l0 = intercept (the level at t = 0), b0 = slope (if |l0 + b0| < 1e-8 they are perturbed by "
    "(1 +- 1e-3)). These are starting values only: l0, b0 are then optimised jointly with the smoothing "
    "parameters.",
    "ets_optimiser": "Nelder-Mead in C++ (include/statsforecast/nelder_mead.h): adaptive coefficients (reflection 1, "
    "expansion 1 + 2/d, contraction 0.75 - 1/(2d), shrink 1 - 1/d, d = number of parameters), initial simplex: "
    "each coordinate multiplied by 1.05 (or set to 1e-4 if 0), clamped to the box; stop when the population standard "
    "deviation of the d+1 objective values is < 1e-4 or after 1000 iterations. `objective` = final objective value, "
    "`iterations` = iterations used. opt_crit = 'lik', nmse = 3.",
    "ets_likelihood": "Objective (opt_crit='lik') = n ln(SSE) for additive errors, n ln(SSE) + 2 sum_t ln|yhat_t| for "
    "multiplicative errors, with SSE = sum e_t^2 and e_t the innovation (A: y_t - yhat_t; M: (y_t - yhat_t)/yhat_t). "
    "`loglik` = -0.5 * that value: the Gaussian log-likelihood with sigma^2 concentrated out, WITHOUT the constant. "
    "`loglikGaussianFull` (not a statsforecast output; derived here) = loglik - (n/2)(ln(2 pi) + 1 - ln n), the full "
    "Gaussian log-likelihood at sigma^2 = SSE/n.",
    "ets_information_criteria": "With k = number of optimised parameters (free smoothing parameters + initial "
    "states: ANN 2, AAN 4, AAdN 5, MNN 2, MAN 4, MAdN 5) and p = k + 1 (sigma counted; `nParams` = p): "
    "aic = -2 loglik + 2p, bic = -2 loglik + ln(n) p, aicc = aic + 2p(p+1)/(n - p - 1), all from statsforecast's "
    "constant-free loglik (as R forecast::ets does).",
    "ets_sigma2": "sigma2 = SSE / (n - p - 1) with p = nParams = k + 1, i.e. SSE / (n - k - 2), where SSE is the sum of "
    "squared innovations e_t (for multiplicative-error models these are RELATIVE errors, so sigma2 is the variance "
    "of the relative error). This divides by one fewer than R forecast::ets (n - k - 1).",
    "ets_model_selection": "AutoETS(season_length=1) defaults: model='ZZZ', damped=None, ic='aicc', "
    "allow_multiplicative_trend=False, restrict=True. Candidates in order ANN, AAdN, AAN, MNN, MAdN, MAN "
    "(M only if min(y) > 0); the fit with the smallest AICc wins (strict <, so the first of equal AICc). A candidate "
    "with k >= n - 1 gets infinite AICc; a series with n <= npars + 4 raises.",
    "ets_intervals": "Normal quantiles z = Phi^-1(0.5 + level/200); interval = mean +- z sqrt(v_h). Class 1 (additive "
    "error), s2 = sigma2: ANN v_h = s2 [1 + alpha^2 (h-1)]; AAN v_h = s2 [1 + (h-1)(alpha^2 + alpha beta h + "
    "beta^2 h (2h-1)/6)]; AAdN v_h = s2 [1 + alpha^2 (h-1) + beta phi h (2 alpha (1-phi) + beta phi)/(1-phi)^2 - "
    "beta phi (1-phi^h)(2 alpha (1-phi^2) + beta phi (1 + 2 phi - phi^h))/((1-phi)^2 (1-phi^2))]. Class 2 "
    "(multiplicative error, no multiplicative trend/season): v_h = (1 + s2) theta_h - mu_h^2 with mu_h the point "
    "forecast, theta_1 = mu_1^2, theta_h = mu_h^2 + s2 sum_{j=1}^{h-1} c_j^2 theta_{h-j}; c_j = alpha (MNN), "
    "alpha + beta j (MAN), alpha + beta (phi + ... + phi^j) (MAdN). `forecastVariance` holds v_h (recomputed here "
    "and checked against statsforecast's intervals). Models with multiplicative trend (not used here) fall back to "
    "5000 simulated paths.",
    "theta_models": "Fiorucci et al. (2016) state-space Theta, C++ src/theta.cpp. Parameters: l0 ('initialSmoothed', "
    "start y_1/2, bounds [-1e10, 1e10]), alpha (start 0.5, bounds [0.1, 0.99]), theta (STM/DSTM fixed at 2; OTM/DOTM "
    "start 2, bounds [1, 1e10]). They are fitted by the same Nelder-Mead (see ets_optimiser) minimising "
    "sum_{t>=4} e_t^2 / mean|y| (one-step errors, the first 3 dropped; `objective`). So Theta's alpha is NOT SES's "
    "own MLE alpha: it is chosen jointly with l0 by the one-step MSE of the full theta forecast.",
    "theta_recursions": "1-based t. l_1 = alpha y_1 + (1-alpha) l0; l_t = alpha y_t + (1-alpha) l_{t-1}. One-step "
    "forecast mu_t = l_{t-1} + (1 - 1/theta) [A_{t-1} (1-alpha)^(t-1) + B_{t-1} (1 - (1-alpha)^t)/alpha], t >= 2; "
    "mu_1 = l0 + (1-1/theta)(A + B) for STM/OTM and mu_1 = y_1 (so e_1 = 0) for DSTM/DOTM. STM/OTM: A, B = intercept and slope of the OLS line of y on t = 1..n over the WHOLE "
    "training sample, held fixed (so the drift is (1-1/theta) B; for theta = 2, half the OLS slope). DSTM/DOTM: "
    "ybar_t running mean, B_t = ((t-2) B_{t-1} + 6 (y_t - ybar_{t-1})/t)/(t+1), A_t = ybar_t - B_t (t+1)/2, "
    "starting A_1 = y_1, B_1 = 0 (recursive OLS). h-step forecasts: run the recursions forward with y replaced by "
    "mu (the level and, for dynamic models, A and B are updated with mu).",
    "theta_intervals": "Monte Carlo: 200 paths, numpy default_rng(0), normal errors with sd = "
    "`intervalSigma` = std(residuals[3:], ddof=1), starting from the final state (level, A, B) and the training "
    "mean; each path is simulated with the level AND the dynamic A/B recursions (also for STM/OTM; there the "
    "running mean is updated before B, unlike in the fit recursions), samples stored as float32, bounds = np.quantile (linear) at (100-level)/200 and "
    "1 - (100-level)/200. Not reproducible exactly without numpy's PCG64 stream; compare loosely.",
    "naive": "Naive: mean = y_n; sigma^2 = sum_{t=2}^n (y_t - y_{t-1})^2 / (n - 1); interval mean +- z sigma sqrt(h).",
    "drift": "RandomWalkWithDrift: slope = (y_n - y_1)/(n-1); mean = y_n + slope h; residuals r_t = y_t - y_{t-1} - slope "
    "(t = 2..n), sigma^2 = sum r_t^2/(n - 1); interval mean +- z sigma sqrt(h (1 + h/(n-1))).",
}


# --------------------------------------------------------------------------


def versions() -> dict:
    out = {"python": platform.python_version()}
    for p in ["statsforecast", "coreforecast", "numpy", "scipy", "pandas", "statsmodels", "utilsforecast", "fugue"]:
        try:
            out[p] = md.version(p)
        except md.PackageNotFoundError:
            out[p] = None
    check(statsforecast.__version__ == out["statsforecast"], "statsforecast version")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()

    allseries = load_m3(args.data)
    allseries[SYNTH_ID] = synthetic_series()

    out_series = []
    for sid, full in allseries.items():
        train, test = full[:-HORIZON], full[-HORIZON:]
        rec = {
            "id": sid,
            "source": "M3 yearly" if sid != SYNTH_ID else "synthetic",
            "n": len(train),
            "train": arr(train),
            "test": arr(test),
            "ets": {},
        }
        for name, (spec, damped) in FIXED_ETS.items():
            r = ets_record(train, AutoETS(season_length=1, model=spec, damped=damped))
            check(r["model"] == name, f"{sid}: fixed model {name} fitted as {r['model']}")
            rec["ets"][name] = r
        auto = ets_record(train, AutoETS(season_length=1))
        best = min(rec["ets"].values(), key=lambda r: r["aicc"] if r["aicc"] is not None else math.inf)
        check(auto["model"] == best["model"], f"{sid}: AutoETS choice = min AICc of the fixed fits")
        rec["autoETS"] = auto
        rec["theta"] = theta_record(train, Theta(season_length=1))
        rec["optimizedTheta"] = theta_record(train, OptimizedTheta(season_length=1))
        rec["dynamicOptimizedTheta"] = theta_record(train, DynamicOptimizedTheta(season_length=1))
        rec["naive"] = naive_record(train)
        rec["drift"] = drift_record(train)
        out_series.append(rec)
        print(f"{sid}: n={len(train)} AutoETS -> {auto['model']}", file=sys.stderr)

    doc = {
        "generator": "Tools/reference/make_forecast_fixtures.py",
        "command": ".venv/bin/python Tools/reference/make_forecast_fixtures.py",
        "versions": versions(),
        "horizon": HORIZON,
        "levels": LEVELS,
        "notes": NOTES,
        "series": out_series,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=1, allow_nan=False) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
