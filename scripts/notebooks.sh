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
source "$(dirname "$0")/lib/serve.sh"
imported_store "$binary"
"$binary" refit --database "$db" Models/ >/dev/null
token=$("$binary" token create --database "$db" --role editor 2>/dev/null)
start_server "$binary" "$db"
rm -rf "$out" && mkdir -p "$out/figures"
echo "notebooks: executing against http://127.0.0.1:$port"
BIENNIUM_URL="http://127.0.0.1:$port" BIENNIUM_TOKEN="$token" BIENNIUM_FIGURES="$(cd "$out/figures" && pwd)" \
  "$venv/bin/python" Notebooks/run_notebooks.py --out "$out"
