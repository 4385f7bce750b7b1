#!/usr/bin/env bash
# `make notebooks`: imports Datasets/ into a temporary SQLite store, refits Models/, starts the service on a
# free port, executes every notebook headless (Notebooks/run_notebooks.py: time limit per cell, checks of the
# figures and of the printed numbers), writes the executed notebooks and PNGs to build/notebooks, and stops
# the service.
#   scripts/notebooks.sh BINARY VENV [OUT]
set -euo pipefail
binary=$1
venv=$2
out=${3:-build/notebooks}
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
db="$work/notebooks.sqlite"
"$binary" import --database "$db" Datasets/ >/dev/null 2>&1
"$binary" refit --database "$db" Models/ >/dev/null
token=$("$binary" token create --database "$db" --role editor 2>/dev/null)
"$binary" serve --database "$db" --port 0 > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  port=$(grep -oE 'serving on http://127\.0\.0\.1:[0-9]+' "$work/serve.log" | grep -oE '[0-9]+$' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "${port:-}" ] || { echo "notebooks: the service did not start"; cat "$work/serve.log"; exit 1; }
rm -rf "$out" && mkdir -p "$out/figures"
echo "notebooks: executing against http://127.0.0.1:$port"
BIENNIUM_URL="http://127.0.0.1:$port" BIENNIUM_TOKEN="$token" BIENNIUM_FIGURES="$(cd "$out/figures" && pwd)" \
  "$venv/bin/python" Notebooks/run_notebooks.py --out "$out"
