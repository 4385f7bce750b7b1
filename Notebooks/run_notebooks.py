#!/usr/bin/env python3
"""Execute the Biennium notebooks headless against a running service and check what they produce.

Used by `make notebooks` (scripts/notebooks.sh), which starts the service and sets BIENNIUM_URL,
BIENNIUM_TOKEN and BIENNIUM_FIGURES. Checks, each failing the run:
  - every notebook runs top to bottom, each cell within the time limit;
  - every expected PNG exists and is a real image of non-trivial size;
  - the budget comparison the notebook printed (saved as comparison.json) is the service's JSON;
  - pointed at a service that is down, or given a wrong token, a notebook stops at its first code cell
    with a message that says so.
"""
import argparse
import json
import os
import pathlib
import shutil
import sys
import time
import urllib.request

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = pathlib.Path(__file__).resolve().parent
NOTEBOOKS = ["01-series-and-vintages", "02-forecasts-and-backtests", "03-budget-scenarios"]
FIGURES = {
    "01-series-and-vintages": ["workload-applications", "unit-costs-2020", "pct-vintages"],
    "02-forecasts-and-backtests": ["fan-pct-applications", "fan-madrid-applications", "fan-hague-applications", "backtest-error-by-horizon"],
    "03-budget-scenarios": ["budget-share-2020-21", "budget-variance-chf-2020-21"],
}
README_FIGURES = ["fan-pct-applications", "budget-share-2020-21"]


def execute(name: str, out: pathlib.Path | None, timeout: int, env: dict) -> float:
    notebook = nbformat.read(HERE / f"{name}.ipynb", as_version=4)
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(HERE)}})
        start = time.monotonic()
        client.execute()
        elapsed = time.monotonic() - start
    finally:
        os.environ.clear()
        os.environ.update(saved)
    if out is not None:
        nbformat.write(notebook, out / f"{name}.ipynb")
    return elapsed


def fails_at_first_cell(name: str, env: dict, expected: str) -> None:
    notebook = nbformat.read(HERE / f"{name}.ipynb", as_version=4)
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        NotebookClient(notebook, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    except CellExecutionError as error:
        first_code = next(i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code")
        failed = [i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code" and
                  any(o.get("output_type") == "error" for o in cell.get("outputs", []))]
        message = str(error)
        if failed != [first_code] or expected not in message or "Traceback" in message.split("SystemExit")[0][-200:]:
            sys.exit(f"{name}: expected a stop at the first code cell saying '{expected}'; got cells {failed}:\n{message[-800:]}")
        print(f"  {name} stops at its first cell: {message.strip().splitlines()[-1][:160]}")
        return
    finally:
        os.environ.clear()
        os.environ.update(saved)
    sys.exit(f"{name}: ran to the end although the service was unusable ({env})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=pathlib.Path, required=True)
    ap.add_argument("--timeout", type=int, default=60, help="seconds per cell")
    args = ap.parse_args()
    url, token = os.environ["BIENNIUM_URL"], os.environ.get("BIENNIUM_TOKEN", "")
    figures = pathlib.Path(os.environ["BIENNIUM_FIGURES"])
    args.out.mkdir(parents=True, exist_ok=True)

    for name in NOTEBOOKS:
        elapsed = execute(name, args.out, args.timeout, {})
        print(f"  {name}: executed in {elapsed:.1f} s")
        if elapsed > 60:
            sys.exit(f"{name}: took {elapsed:.1f} s, more than the minute allowed")
        for figure in FIGURES[name]:
            path = figures / f"{figure}.png"
            if not path.exists():
                sys.exit(f"{name}: {path} was not written")
            data = path.read_bytes()
            if not data.startswith(b"\x89PNG\r\n\x1a\n") or len(data) < 10_000:
                sys.exit(f"{name}: {path} is not a real PNG of non-trivial size ({len(data)} bytes)")

    printed = json.loads((figures / "comparison.json").read_text())
    with urllib.request.urlopen(f"{url}/v1/budgets/2020-21/comparison?scenarios=base,low,high") as response:
        served = json.loads(response.read())
    if printed != served:
        sys.exit("03-budget-scenarios printed a comparison that differs from the service's JSON")
    print(f"  the comparison in 03-budget-scenarios is the service's ({len(served['lines'])} lines)")

    fails_at_first_cell("01-series-and-vintages", {"BIENNIUM_URL": "http://127.0.0.1:9", "BIENNIUM_TOKEN": ""}, "not reachable")
    fails_at_first_cell("03-budget-scenarios", {"BIENNIUM_TOKEN": "bnm_000000000000_" + "0" * 64}, "refused BIENNIUM_TOKEN")

    target = HERE / "figures"
    target.mkdir(exist_ok=True)
    for figure in README_FIGURES:
        shutil.copy(figures / f"{figure}.png", target / f"{figure}.png")
    print(f"  executed notebooks and figures in {args.out}; README figures copied to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
