#!/usr/bin/env bash
# Whether the service stays responsive while it computes: starts LOAD budget comparisons of PATHS simulated paths
# per scenario at once, then, a second later, times GET /health and a live forecast (GET /v1/forecasts/...,
# which fits a model) while they run, and finally the comparisons themselves (curl's total times, seconds).
#   Benchmarks/scripts/health_under_load.sh [BINARY] [LOAD] [PATHS]
set -euo pipefail
binary=${1:-.build/release/biennium}
load=${2:-2}
paths=${3:-200000}
source "$(dirname "$0")/../../scripts/lib/serve.sh"
imported_store "$binary"
start_server "$binary" "$db"
url="http://127.0.0.1:$port"
for _ in $(seq 1 "$load"); do
  curl -s -o /dev/null -w "comparison (base,low,high; $paths paths each): %{http_code} in %{time_total} s\n" \
    "$url/v1/budgets/2020-21/comparison?scenarios=base,low,high&paths=$paths" &
done
sleep 1
curl -s -o /dev/null -w "during them, GET /health: %{http_code} in %{time_total} s\n" "$url/health"
curl -s -o /dev/null -w "during them, GET /v1/forecasts/pct.applications: %{http_code} in %{time_total} s\n" "$url/v1/forecasts/pct.applications"
wait $(jobs -p | grep -v "^$server\$") 2>/dev/null || true
