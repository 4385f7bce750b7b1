#!/usr/bin/env python3
"""Generate statsmodels reference fixtures for Biennium's regression with ARIMA errors.

Writes Tests/Fixtures/statsmodels/regarima.json.

Data (deterministic, numpy default_rng seed 20261127, every value rounded to 4 decimals; the
rounded values are the data): n = 40 in-sample periods and 4 future periods of

    x_t  = 10 + 0.5 t + a random walk with N(0, 1) steps        (a trending regressor)
    z_t  = N(0, 1)                                              (a stationary regressor)
    y0_t = 5 + 2 x_t - 1.5 z_t + u_t,   u_t = 0.6 u_{t-1} + e_t  (stationary AR(1) errors)
    y1_t = y1_{t-1} + 0.8 + 2 (x_t - x_{t-1}) + v_t + 0.4 v_{t-1} (integrated MA(1) errors, drift 0.8)

Every case is statsmodels.tsa.statespace.sarimax.SARIMAX(y, exog=X, order=..., trend="n",
simple_differencing=True).fit(disp=False, maxiter=2000) -- simple differencing makes its
likelihood the exact Gaussian likelihood of the d-times differenced response on the
d-times differenced regressors, which is what Biennium maximises. The constant is a column
of X: ones for d = 0 (an intercept), t = 1..n for d = 1 (a drift; its difference is ones).

Recorded per case: the regressors' names, the parameters (statsmodels names), llf, nobs of
the likelihood, and for d = 0 the level forecasts for the 4 future periods (mean and standard
error) given the future regressors -- with the coefficients taken as known, as SARIMAX forecasts.

And, for every case, "estimated": the level forecasts when the regression's coefficients (the
constant's column among them) are estimated rather than known. At the best fit's ARMA
coefficients and sigma2 the same regression is filtered by SARIMAX(y, exog=X, order,
trend="n", mle_regression=False) on levels: the coefficients are then states of the Kalman
filter with a diffuse prior, so their posterior is the generalised least-squares estimate
with covariance sigma2 (X'Omega^-1 X)^-1, and the forecast standard errors include that
uncertainty. Biennium adds the same term to its intervals. "coefficientSE" holds the square
roots of that covariance's diagonal (the constant first, then the regressors).

Usage:  .venv/bin/python Tools/reference/make_regarima_fixtures.py [--out FILE]
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import platform
import warnings
from pathlib import Path

import numpy as np
from statsmodels.tsa.statespace.sarimax import SARIMAX

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "Tests" / "Fixtures" / "statsmodels" / "regarima.json"
SEED = 20261127
N, H = 40, 4


def data() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(SEED)
    total = N + H
    t = np.arange(1.0, total + 1.0)
    x = 10 + 0.5 * t + np.cumsum(rng.normal(0, 1, total))
    z = rng.normal(0, 1, total)
    u = np.zeros(total)
    e = rng.normal(0, 1, total)
    u[0] = e[0] / np.sqrt(1 - 0.36)
    for i in range(1, total):
        u[i] = 0.6 * u[i - 1] + e[i]
    y0 = 5 + 2 * x - 1.5 * z + u
    v = rng.normal(0, 1, total)
    dy1 = 0.8 + 2 * np.diff(x, prepend=x[0]) + v + 0.4 * np.concatenate([[0.0], v[:-1]])
    y1 = 100 + np.cumsum(dy1)
    r = lambda a: np.round(a, 4)  # noqa: E731
    return {"t": t, "x": r(x), "z": r(z), "y0": r(y0), "y1": r(y1)}


# (name, response, regressors, order, constant)
CASES = [
    ("AR(1) errors, intercept, x and z", "y0", ["x", "z"], (1, 0, 0), True),
    ("ARMA(1,1) errors, intercept and x", "y0", ["x"], (1, 0, 1), True),
    ("ARIMA(0,1,1) errors, drift and x", "y1", ["x"], (0, 1, 1), True),
    ("ARIMA(1,1,0) errors, x", "y1", ["x"], (1, 1, 0), False),
]


def case(d: dict, name: str, response: str, regressors: list[str], order, constant: bool) -> dict:
    y = d[response][:N]
    columns = []
    if constant:
        columns.append(np.ones(N + H) if order[1] == 0 else d["t"])
    columns += [d[r] for r in regressors]
    exog = np.column_stack(columns)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = SARIMAX(y, exog=exog[:N], order=order, trend="n", simple_differencing=True)
        res = model.fit(disp=False, maxiter=2000)
        best = res
        for method in ("nm", "powell"):
            alt = model.fit(disp=False, maxiter=20000, method=method, start_params=res.params)
            if alt.llf > best.llf + 1e-9:
                best = alt
    names = list(model.param_names)
    out = {
        "name": name,
        "response": response,
        "regressors": regressors,
        "order": list(order),
        "constant": constant,
        "paramNames": names,
        "params": {n: float(v) for n, v in zip(names, best.params)},
        "llf": float(best.llf),
        "nobs": int(best.nobs),
        "model": "SARIMAX(y, exog=X, order, trend='n', simple_differencing=True), best of lbfgs, nm and powell",
    }
    if order[1] == 0:
        fc = best.get_forecast(H, exog=exog[N:])
        out["forecast"] = {"mean": [float(v) for v in fc.predicted_mean], "se": [float(v) for v in fc.se_mean]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        states = SARIMAX(y, exog=exog[:N], order=order, trend="n", mle_regression=False)
    filtered = states.filter(np.array([out["params"][n] for n in states.param_names]))
    fc = filtered.get_forecast(H, exog=exog[N:])
    # The coefficient states are the last k_exog; at the end of the sample their covariance is the GLS one.
    covariance = filtered.filtered_state_cov[-states.k_exog:, -states.k_exog:, -1]
    out["estimated"] = {"mean": [float(v) for v in fc.predicted_mean], "se": [float(v) for v in fc.se_mean],
                        "coefficientSE": [float(v) for v in np.sqrt(np.diag(covariance))],
                        "model": "SARIMAX(y, exog=X, order, trend='n', mle_regression=False) filtered at the best "
                                 "fit's ARMA coefficients and sigma2"}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    d = data()
    doc = {
        "generator": "Tools/reference/make_regarima_fixtures.py",
        "versions": {"python": platform.python_version(), **{p: md.version(p) for p in ("statsmodels", "numpy")}},
        "n": N,
        "horizon": H,
        "data": {k: [float(v) for v in d[k]] for k in ("x", "z", "y0", "y1")},
        "cases": [case(d, *c) for c in CASES],
    }
    args.out.write_text(json.dumps(doc, indent=1) + "\n")
    for c in doc["cases"]:
        print(f"{c['name']}: llf {c['llf']:.6f} {c['params']}")


if __name__ == "__main__":
    main()
