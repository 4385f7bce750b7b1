#!/usr/bin/env bash
# A private PostgreSQL server for the tests and for local development, in a temporary folder.
#   scripts/postgres.sh start   # prints the URL to use, e.g. postgres://postgres@127.0.0.1:55432/postgres
#   scripts/postgres.sh stop
# PostgreSQL refuses to run as root, so as root (as in CI) the server runs as the 'postgres' user.
# Trust authentication on 127.0.0.1 only, fsync off: for tests, never for data you keep.
set -euo pipefail
command=${1:-}
folder=${BIENNIUM_PG_DIR:-/tmp/biennium-postgres}
port=${BIENNIUM_PG_PORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
url="postgres://postgres@127.0.0.1:$port/postgres"

case "$command" in
  start)
    if [ -f "$folder/data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$folder/data" status >/dev/null 2>&1; then
      echo "$url"; exit 0
    fi
    rm -rf "$folder"
    mkdir -p "$folder/socket"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$folder"
    as_postgres "$bin/initdb" -D "$folder/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 ||
      { cat "$folder/initdb.log" >&2; exit 1; }
    as_postgres "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 30 \
      -o "-p $port -k $folder/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { cat "$folder/server.log" >&2; exit 1; }
    echo "$url"
    ;;
  stop)
    if [ -d "$folder/data" ]; then
      as_postgres "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$folder"
    ;;
  url)
    echo "$url"
    ;;
  *)
    echo "usage: scripts/postgres.sh start|stop|url" >&2; exit 64
    ;;
esac
