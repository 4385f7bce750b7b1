# Shared by the scripts that run `biennium serve` on a temporary store: source it, then
#   start_server BINARY DATABASE   starts the server on a free loopback port, sets $server (pid) and $port
#   imported_store BINARY          imports Datasets/ into a new SQLite file in $work and sets $db to it
# The EXIT trap it installs stops the server (SIGTERM, graceful) and removes $work.
work=$(mktemp -d)
server=""
stop_server() { [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap stop_server EXIT

start_server() {
  local binary=$1 database=$2
  "$binary" serve --database "$database" --port 0 > "$work/serve.log" 2>&1 &
  server=$!
  port=""
  for _ in $(seq 1 300); do
    port=$(grep -oE 'serving on http://127\.0\.0\.1:[0-9]+' "$work/serve.log" | grep -oE '[0-9]+$' || true)
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  echo "the service did not start:"; cat "$work/serve.log"
  return 1
}

imported_store() {
  db="$work/load.sqlite"
  "$1" import --database "$db" Datasets/ >/dev/null 2>&1
}
