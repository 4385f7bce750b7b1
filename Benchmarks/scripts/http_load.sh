#!/usr/bin/env bash
# Requests per second and latency of the service on loopback, with wrk (Debian package `wrk`):
# GET /health (the framework's floor) and GET /v1/models/pct-applications/forecast (a stored forecast read
# from the store), each for DURATION seconds with CONNECTIONS connections, one after the other.
#   Benchmarks/scripts/http_load.sh [BINARY] [DURATION] [CONNECTIONS]
set -euo pipefail
binary=${1:-.build/release/biennium}
duration=${2:-10}
connections=${3:-32}
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
db="$work/load.sqlite"
"$binary" import --database "$db" Datasets/ >/dev/null 2>&1
"$binary" fit --database "$db" Models/pct-applications.yaml >/dev/null
"$binary" serve --database "$db" --port 0 > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  port=$(grep -oE 'serving on http://127\.0\.0\.1:[0-9]+' "$work/serve.log" | grep -oE '[0-9]+$' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
for path in /health /v1/models/pct-applications/forecast; do
  echo "== GET $path ($duration s, $connections connections, 2 wrk threads)"
  wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|99%|50%|Non-2xx|Socket errors" || true
done
