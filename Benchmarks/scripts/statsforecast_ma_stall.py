"""Shows where statsforecast's AutoARIMA and Biennium part on M3 yearly series with the same d: MA(1) terms.

For a few M3 yearly series (the training part of the 6-year holdout) it fits ARIMA(0,1,0) and ARIMA(0,1,1), both
with drift, by statsforecast 2.1.1 (CSS-ML, the method its AutoARIMA uses) and by exact Gaussian maximum
likelihood with statsmodels' SARIMAX on the differences (an independent implementation of the likelihood
Biennium maximises), and prints θ, the log-likelihood and the AICc (σ² counted, as R and statsforecast do).

On these series exact ML puts θ near ±0.99 — the "pile-up" of MA(1) estimates at the invertibility boundary in
short samples (Davis & Dunsmuir, 1996) — with a lower AICc than ARIMA(0,1,0), so an exact-likelihood search takes
ARIMA(0,1,1). statsforecast returns θ = 0 exactly, with the log-likelihood of ARIMA(0,1,0): its optimiser
does not leave the starting point, the MA term only adds to the AICc, and its search keeps the random walk
with drift — which forecasts these series better. ACCURACY.md ("ARIMA, examined series by series").

    .venv-forecast/bin/python Benchmarks/scripts/statsforecast_ma_stall.py [SERIES ...]
"""
import sys
import warnings
from pathlib import Path

import numpy as np

warnings.filterwarnings("ignore")

from statsforecast.models import ARIMA  # noqa: E402
from statsmodels.tsa.statespace.sarimax import SARIMAX  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from statsforecast_arima_state import load as training  # noqa: E402  (M3 yearly training parts)

DEFAULT = ["N0022", "N0026", "N0323", "N0324"]


def aicc(loglik, k, n):
    return -2 * loglik + 2 * k + 2 * k * (k + 1) / (n - k - 1)


def main() -> int:
    ids = sys.argv[1:] or DEFAULT
    print("series  n  order      | exact ML: theta   loglik     AICc  | statsforecast CSS-ML: theta   loglik     AICc")
    for sid, y in training(ids).items():
        w = np.diff(y)
        for q in (0, 1):
            exact = SARIMAX(w, order=(0, 0, q), trend="c").fit(disp=False)
            k = q + 2                                            # drift, MA terms, σ²
            theta = exact.params[1] if q else 0.0
            sf = ARIMA(order=(0, 1, q), include_drift=True, method="CSS-ML").fit(y).model_
            sf_theta = sf["coef"].get("ma1", 0.0)
            print(f"{sid}  {len(y):2d}  (0,1,{q})+drift | {theta:+9.4f} {exact.llf:9.3f} {aicc(exact.llf, k, len(w)):8.2f} |"
                  f" {sf_theta:+21.4f} {sf['loglik']:9.3f} {sf['aicc']:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
