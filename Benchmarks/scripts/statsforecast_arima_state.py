"""Shows that statsforecast 2.1.1's ARIMA likelihood is not the same function on its second call.

statsforecast evaluates a model's likelihood with `arima_like(..., a, P, Pn, ...)` on arrays held in the model
dictionary made by `make_arima`. The filter writes into `Pn` (the initial state covariance, whose large
`kappa` entries are the diffuse prior of the differencing states), so from the second evaluation on, the same
parameters give another value: the first observation is treated as a full innovation. This script evaluates a
random walk with drift (ARIMA(0,1,0), drift fixed at the mean difference, as statsforecast's regression on
1..n gives) three times on one model dictionary, on M3 yearly series, and prints each value beside the exact
log-likelihood of the differences, computed independently in closed form.

    .venv-forecast/bin/python Benchmarks/scripts/statsforecast_arima_state.py [SERIES ...]
"""
import math
import sys
from pathlib import Path

import numpy as np
import statsforecast
import statsforecast.arima as sf_arima

ROOT = Path(__file__).resolve().parents[2]


def load(ids):
    wanted = {i: [] for i in ids}
    with open(ROOT / "Tests/Fixtures/competitions/m3_yearly.csv") as handle:
        next(handle)
        for line in handle:
            series, _, value = line.rstrip("\n").split(",")
            if series in wanted:
                wanted[series].append(float(value))
    return {k: np.array(v[:-6]) for k, v in wanted.items()}   # the training part of the 6-year holdout


def statsforecast_loglik(model, x):
    """What one likelihood evaluation returns, in statsforecast's parametrisation (σ² concentrated out)."""
    ssq, sumlog, nu = sf_arima.arima_like(x.copy(), np.array([]), np.array([]), model["delta"], model["a"],
                                          model["P"], model["Pn"], 0, False)[:3]
    sigma2 = ssq / nu
    return -0.5 * (nu * math.log(2 * math.pi * sigma2) + nu + sumlog), nu


def main(ids):
    print(f"statsforecast {statsforecast.__version__}")
    for series, y in load(ids).items():
        n = len(y)
        drift = np.mean(np.diff(y))
        x = y - drift * np.arange(1, n + 1)
        model = sf_arima.make_arima(np.array([]), np.array([]), np.array([1.0]))
        w = np.diff(y) - drift
        exact = -0.5 * len(w) * (math.log(2 * math.pi * np.mean(w * w)) + 1)
        for call in range(3):
            model["a"][:] = 0
            value, nu = statsforecast_loglik(model, x)
            print(f"{series} call {call + 1}: log-likelihood {value:.6f} over {nu} innovations   exact {exact:.6f}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["N0114", "N0068"])
