#!/usr/bin/env python3
"""Write 60 simulated annual series for which the models' assumptions hold, as a long CSV for `biennium backtest --data`.

Four processes, fifteen series each, of 60 to 835 years: a random walk with drift (+5 a year, noise sd 20), geometric
growth (2% a year, log noise sd 5%), a stationary AR(1) around 500 (φ = 0.8, sd 30) and a random walk whose drift
switches sign every 25 years. On such series a model's own intervals are right, so they show what a calibration that
widens intervals costs where no widening was needed (ACCURACY.md, "Intervals"). Seeded: the file is the same on every
run. Nothing is committed; the CSV goes to the path given (default /tmp/biennium-simulated.csv).

    python3 Benchmarks/scripts/simulated_yearly.py /tmp/simulated.csv
    biennium backtest --data /tmp/simulated.csv --horizon 6 --models auto,combo
"""
import math
import random
import sys


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/biennium-simulated.csv"
    rng = random.Random(7)
    rows = ["series,period,value"]
    for i in range(60):
        n = rng.choice([60, 150, 300, 600, 835])
        kind = i % 4
        value, values = 1000.0, []
        for t in range(n):
            if kind == 0:
                value += rng.gauss(5, 20)
            elif kind == 1:
                value *= math.exp(rng.gauss(0.02, 0.05))
            elif kind == 2:
                value = 500 + 0.8 * (value - 500) + rng.gauss(0, 30)
            else:
                value += rng.gauss(0, 10) + (3 if t % 50 < 25 else -3)
            values.append(value)
        rows += [f"S{i},{t + 1},{v!r}" for t, v in enumerate(values)]
    with open(path, "w") as out:
        out.write("\n".join(rows) + "\n")
    print(f"{path}: 60 series")
    return 0


if __name__ == "__main__":
    sys.exit(main())
