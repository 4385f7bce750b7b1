#!/usr/bin/env bash
# Requests per second and latency of the service on loopback, with wrk (Debian package `wrk`):
# GET /health (the framework's floor) and GET /v1/models/pct-applications/forecast (a stored forecast read
# from the store), each for DURATION seconds with CONNECTIONS connections, one after the other.
#   Benchmarks/scripts/http_load.sh [BINARY] [DURATION] [CONNECTIONS]
set -euo pipefail
binary=${1:-.build/release/biennium}
duration=${2:-10}
connections=${3:-32}
source "$(dirname "$0")/../../scripts/lib/serve.sh"
imported_store "$binary"
"$binary" fit --database "$db" Models/pct-applications.yaml >/dev/null
start_server "$binary" "$db"
for path in /health /v1/models/pct-applications/forecast; do
  echo "== GET $path ($duration s, $connections connections, 2 wrk threads)"
  wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|99%|50%|Non-2xx|Socket errors" || true
done
