#!/usr/bin/env bash
# The series store on 1,000,000 observations, beside the databases' own bulk loaders, in one run.
#   Benchmarks/scripts/store_import.sh    (from the repository root; needs sqlite3 and PostgreSQL installed)
# Writes 1,000 monthly series × 1,000 months (one vintage each) as an import file, then times:
#   Biennium import into SQLite and into PostgreSQL (validation, vintage bookkeeping, one transaction),
#   sqlite3 .import and PostgreSQL COPY of the same rows into a table of the same shape (the floor),
#   and reading one series as of a date from the loaded store (median of 50 reads, in process).
set -euo pipefail
cd "$(dirname "$0")/../.."
timing=Benchmarks/.build/release/store-timing
[ -x "$timing" ] || (cd Benchmarks && swift build -c release --product store-timing >/dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"; scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
with open(f"{work}/catalog.csv", "w") as f:
    f.write("id,system,metric,unit,frequency,definition\n")
    for s in range(1000):
        f.write(f"bench.s{s:04d},BENCH,count,applications,monthly,synthetic benchmark series {s}\n")
with open(f"{work}/observations.csv", "w") as f, open(f"{work}/copy.csv", "w") as c:
    f.write("series,period,value,status,source,vintage\n")
    for s in range(1000):
        for m in range(1000):
            period = f"{1900 + m // 12}-{m % 12 + 1:02d}"
            vintage = f"{1900 + m // 12 + 1}-01-15"
            value = (s * 7919 + m * 104729) % 100000
            f.write(f"bench.s{s:04d},{period},{value},reported,synthetic,{vintage}\n")
            c.write(f"bench.s{s:04d},{period},{1900 + m // 12}-{m % 12 + 1:02d}-01,{vintage},{vintage},{value},reported,synthetic,,now\n")
PY
echo "rows: $(($(wc -l < "$work/observations.csv") - 1))"

echo "== SQLite"
/usr/bin/time -f "biennium import (in process, see JSON): %e s wall incl. start-up" \
  "$timing" "sqlite:$work/b.sqlite" "$work/catalog.csv" "$work/observations.csv" bench.s0500 1950-06-30
schema="CREATE TABLE observations (series_id TEXT NOT NULL, period TEXT NOT NULL, period_start TEXT NOT NULL, vintage TEXT NOT NULL, vintage_date TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL, note TEXT NOT NULL, imported_at TEXT NOT NULL, PRIMARY KEY (series_id, period, vintage_date)) WITHOUT ROWID;"
start=$(date +%s.%N)
sqlite3 "$work/floor.sqlite" "PRAGMA journal_mode=WAL;" "$schema" ".mode csv" ".import $work/copy.csv observations" >/dev/null
end=$(date +%s.%N)
echo "sqlite3 .import (floor): $(echo "$end - $start" | bc) s"

echo "== PostgreSQL"
url=$(scripts/postgres.sh start)
psql "$url" -q -c "CREATE DATABASE bench" -c "CREATE DATABASE floor"
bench_url=${url%/postgres}/bench
floor_url=${url%/postgres}/floor
"$timing" "$bench_url" "$work/catalog.csv" "$work/observations.csv" bench.s0500 1950-06-30
psql "$floor_url" -q -c "${schema/ WITHOUT ROWID/}"
[ "$(id -u)" = 0 ] && chmod 644 "$work/copy.csv" && chmod 755 "$work"
start=$(date +%s.%N)
psql "$floor_url" -q -c "\\copy observations FROM '$work/copy.csv' WITH (FORMAT csv, NULL '\\N')"
end=$(date +%s.%N)
echo "PostgreSQL COPY (floor): $(echo "$end - $start" | bc) s"
echo "note: PostgreSQL runs with fsync off (scripts/postgres.sh), as in the tests"
