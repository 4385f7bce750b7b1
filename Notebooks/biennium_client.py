"""A small client for the Biennium service: its JSON and CSV as pandas DataFrames with period indexes.

Reads the service's address and token from the environment:

    BIENNIUM_URL    base URL of `biennium serve` (default http://127.0.0.1:8080)
    BIENNIUM_TOKEN  bearer token from `biennium token create --role editor` (only needed for writes)

Nothing is computed here that the service computes: forecasts, backtests and budget comparisons come from
the service as they are; the client only turns them into tables.

    from biennium_client import connect
    client = connect()                      # stops with a clear message if the service is down
    client.series("pct.applications")       # a DataFrame indexed by year
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass

import pandas as pd
import requests


class BienniumError(RuntimeError):
    """The service is unreachable, refused the token, or answered a request with a problem document."""


@dataclass
class BienniumClient:
    url: str
    token: str | None = None
    timeout: float = 60.0

    # ------------------------------------------------------------------ plumbing

    def _request(self, method: str, path: str, *, params=None, json=None, data=None, headers=None, auth=False):
        headers = dict(headers or {})
        if auth:
            if not self.token:
                raise BienniumError("this request writes data and needs a token: set BIENNIUM_TOKEN "
                                    "(from `biennium token create --role editor`)")
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = requests.request(method, self.url + path, params=params, json=json, data=data, headers=headers,
                                        timeout=self.timeout)
        except requests.RequestException as error:
            raise BienniumError(f"the Biennium service at {self.url} is not reachable ({type(error).__name__}); "
                                f"start it with `biennium serve` or set BIENNIUM_URL") from None
        if response.status_code >= 400:
            try:
                problem = response.json()
                detail = f"{problem.get('status')} {problem.get('title')}: {problem.get('detail')}"
            except ValueError:
                detail = f"HTTP {response.status_code}"
            raise BienniumError(f"{method} {path} failed: {detail}")
        return response

    def _json(self, path: str, **params):
        return self._request("GET", path, params={k: v for k, v in params.items() if v is not None}).json()

    def _csv(self, path: str, **params) -> pd.DataFrame:
        response = self._request("GET", path, params={k: v for k, v in params.items() if v is not None},
                                 headers={"Accept": "text/csv"})
        return pd.read_csv(io.StringIO(response.text))

    def check(self) -> "BienniumClient":
        """Checks that the service answers and, if a token is set, that it is accepted."""
        self._request("GET", "/health")
        if self.token:
            try:
                me = self._request("GET", "/v1/tokens/me", auth=True).json()
            except BienniumError as error:
                raise BienniumError(f"the service at {self.url} refused BIENNIUM_TOKEN ({error}); "
                                    "create one with `biennium token create --role editor`") from None
            self.role = me["role"]
        return self

    # ------------------------------------------------------------------ reads

    def catalog(self) -> pd.DataFrame:
        """Every series: id, system, metric, unit, frequency, observation count, first and last periods."""
        return self._csv("/v1/series").set_index("id")

    def series(self, series_id: str, as_of: str | None = None, vintages: bool = False) -> pd.DataFrame:
        """Observations of a series (latest vintage per period, as known on `as_of`, or every vintage)."""
        frame = self._csv(f"/v1/series/{series_id}", asOf=as_of, vintages="true" if vintages else None)
        frame["period"] = frame["period"].astype(str)
        if not vintages and not frame.empty and frame["period"].str.fullmatch(r"\d{4}").all():
            frame.index = pd.PeriodIndex(frame["period"].astype(int), freq="Y")
            frame.index.name = "year"
        return frame

    def forecast(self, series_id: str, horizon: int = 4, model: str = "auto", levels=(80, 95),
                 as_of: str | None = None) -> pd.DataFrame:
        """Point forecasts with interval bounds (`lower80`, `upper80`, …), indexed by year (one request)."""
        document = self._json(f"/v1/forecasts/{series_id}", horizon=horizon, model=model,
                              levels=",".join(str(level) for level in levels), asOf=as_of)
        rows = []
        for row in document["forecasts"]:
            record = {"year": row["period"], "mean": row["mean"], "standard_error": row["standardError"]}
            for interval in row["intervals"]:
                label = int(interval["level"]) if float(interval["level"]).is_integer() else interval["level"]
                record[f"lower{label}"] = interval["lower"]
                record[f"upper{label}"] = interval["upper"]
            rows.append(record)
        frame = pd.DataFrame(rows)
        frame.index = pd.PeriodIndex(frame.pop("year"), freq="Y")
        frame.index.name = "year"
        frame.attrs.update(model=document["model"], unit=document["unit"], last_observed=document["lastObserved"])
        return frame

    def backtest(self, series_id: str, origins: str, horizon: int = 2, models: str = "naive,drift,ets,auto",
                 real_time: bool = True) -> pd.DataFrame:
        """One row per origin, model and step ahead: forecast, actual, error."""
        document = self._json(f"/v1/backtests/{series_id}", origins=origins, horizon=horizon, models=models,
                              realTime="true" if real_time else "false")
        rows = []
        for score in document["scores"]:
            for step, (forecast, actual) in enumerate(zip(score["forecasts"], score["actuals"]), start=1):
                rows.append({"origin": score["origin"], "model": score["model"], "step": step, "forecast": forecast,
                             "actual": actual, "percent_error": 100 * (forecast - actual) / actual if actual else float("nan"),
                             "mase": score.get("mase"), "smape": score["smape"]})
        return pd.DataFrame(rows)

    def versus_baseline(self, series_id: str, origins: str, baseline: str, horizon: int = 2,
                        models: str = "naive,ets,auto", real_time: bool = True) -> pd.DataFrame:
        """Each model against `baseline`, origin by origin, as the service computes it (baseline=MODEL): the mean
        difference of MASE with its 95% bootstrap interval and the share of origins where the model did better."""
        document = self._json(f"/v1/backtests/{series_id}", origins=origins, horizon=horizon, models=models,
                              realTime="true" if real_time else "false", baseline=baseline)
        versus = document["versusBaseline"]
        rows = [{"model": row["model"], "origins": row["mase"]["units"],
                 f"MASE minus {versus['baseline']}": row["mase"]["mean"],
                 "95% interval, lower": row["mase"]["lower"], "95% interval, upper": row["mase"]["upper"],
                 "share of origins better": row["mase"]["better"]} for row in versus["models"] if "mase" in row]
        return pd.DataFrame(rows).set_index("model")

    def models(self) -> pd.DataFrame:
        """The model specifications of Models/ with their latest stored fit."""
        rows = []
        for model in self._json("/v1/models")["models"]:
            fit = model.get("latestFit") or {}
            rows.append({"name": model["name"], "series": model["series"], "model": model["model"],
                         "horizon": model["horizon"], "version": fit.get("version"), "fitted": fit.get("fitted"),
                         "fitted_at": fit.get("fittedAt")})
        return pd.DataFrame(rows).set_index("name")

    def budgets(self) -> list[str]:
        return [entry["biennium"] for entry in self._json("/v1/budgets")["budgets"]]

    def comparison(self, biennium: str = "2020-21", scenarios: str = "base,low,high", as_of: str | None = None,
                   paths: int | None = None, document: dict | None = None) -> pd.DataFrame:
        """The projection-versus-budget comparison: one row per line and scenario, exactly as the service sends it.
        Pass a `document` already fetched with `comparison_document` to avoid a second request."""
        document = document or self.comparison_document(biennium, scenarios, as_of, paths)
        frame = pd.DataFrame(document["lines"])
        if frame.empty:
            raise BienniumError(f"no budget line of {biennium} can be projected"
                                + (f" with the data known on {as_of}" if as_of else "") + f": {document.get('omitted')}")
        frame[["lower95", "upper95"]] = pd.DataFrame(frame.pop("interval95").tolist(), index=frame.index)
        frame.attrs.update(biennium=document["biennium"], as_of=document.get("asOf"), paths=document["paths"])
        return frame

    def comparison_document(self, biennium: str = "2020-21", scenarios: str = "base,low,high", as_of: str | None = None,
                            paths: int | None = None) -> dict:
        """The comparison's JSON as the service sends it."""
        return self._json(f"/v1/budgets/{biennium}/comparison", scenarios=scenarios, asOf=as_of, paths=paths)

    def scenarios(self) -> pd.DataFrame:
        return pd.DataFrame(self._json("/v1/scenarios")["scenarios"]).set_index("name")

    def scenario(self, name: str) -> dict:
        return self._json(f"/v1/scenarios/{name}")

    # ------------------------------------------------------------------ writes

    def put_scenario(self, name: str, yaml_text: str) -> dict:
        """Stores a scenario (checked by the service like `biennium scenario check`); returns it with its explanation."""
        return self._request("PUT", f"/v1/scenarios/{name}", data=yaml_text.encode(),
                             headers={"Content-Type": "application/yaml"}, auth=True).json()

    def fit(self, name: str) -> dict:
        """Refits a model specification of Models/ and stores the fit as a new version."""
        return self._request("POST", f"/v1/models/{name}/fit", auth=True).json()


def connect(url: str | None = None, token: str | None = None) -> BienniumClient:
    """A checked client for the service named by the arguments or by BIENNIUM_URL and BIENNIUM_TOKEN."""
    client = BienniumClient(url=(url or os.environ.get("BIENNIUM_URL") or "http://127.0.0.1:8080").rstrip("/"),
                            token=token or os.environ.get("BIENNIUM_TOKEN") or None)
    return client.check()
