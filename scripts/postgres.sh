#!/usr/bin/env bash
# A throw-away PostgreSQL for tests and trials: `start` prints its SQLAlchemy URL, `stop` removes it.
#
#   bash scripts/postgres.sh start    # installs Debian's postgresql if missing, starts, prints the URL
#   bash scripts/postgres.sh stop     # stops the server and deletes its data
#   bash scripts/postgres.sh status   # prints the URL if running, else exits 1
#
# The cluster lives in $POSTGRES_DIR (default: a directory in /tmp named after this checkout),
# listens on 127.0.0.1 only, on a free port, and runs as the `postgres` OS user when started by
# root. Only the URL goes to stdout, so `DATABASE_URL=$(bash scripts/postgres.sh start)` works.
# Both commands are idempotent.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${POSTGRES_DIR:-/tmp/store-assistant-postgres-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)}"
DATA="$DIR/data"
DB_NAME="orders"
DB_USER="postgres"

SERVICE=postgres.sh
LOG="$DIR/server.log"
# shellcheck source=scripts/service.sh
source "$(dirname "$0")/service.sh"

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return; fi
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"; return
  fi
  return 1
}

install_postgres() { apt_install postgresql; }

# Runs a PostgreSQL program as the cluster's owner (PostgreSQL refuses to run as root).
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  [[ -f "$DATA/PG_VERSION" ]] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

url() {
  echo "postgresql+psycopg2://$DB_USER:$(cat "$DIR/password")@127.0.0.1:$(cat "$DIR/port")/$DB_NAME"
}

start() {
  BIN=$(bin_dir) || { install_postgres && BIN=$(bin_dir); } || { log "no PostgreSQL binaries found"; exit 1; }
  if running && [[ -f "$DIR/port" && -f "$DIR/password" ]]; then
    url
    return
  fi
  # Anything left over (a crashed or half-made cluster) is thrown away.
  [[ -f "$DATA/PG_VERSION" ]] && as_owner "$BIN/pg_ctl" -D "$DATA" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$DIR"
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$DIR"

  local password
  password=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | cut -c1-24)
  printf '%s\n' "$password" | as_owner tee "$DIR/pwfile" >/dev/null
  log "creating a cluster in $DATA"
  as_owner "$BIN/initdb" -D "$DATA" -U "$DB_USER" --pwfile="$DIR/pwfile" -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  rm -f "$DIR/pwfile"

  local port
  while :; do
    next_port
    as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<CONF
# scripts/postgres.sh: a throw-away test server
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
CONF
    # 9>&-: the server must not inherit (and hold) the lock of this script
    if as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 start >/dev/null 2>&1 9>&-; then
      break
    fi
    log "the server did not start on port $port; trying another"
  done
  echo "$port" >"$DIR/port"
  echo "$password" >"$DIR/password"
  chmod 600 "$DIR/password"

  as_owner "$BIN/createdb" -h "$DIR" -p "$port" -U "$DB_USER" "$DB_NAME"
  log "running on 127.0.0.1:$port (data: $DATA, log: $DIR/server.log)"
  url
}

stop() {
  if [[ ! -d "$DIR" ]]; then
    rm -f "$DIR.lock"
    log "not running"
    return
  fi
  if BIN=$(bin_dir) && [[ -f "$DATA/PG_VERSION" ]]; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -w -t 60 stop -m fast >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR" "$DIR.lock"
  log "stopped and removed $DIR"
}

status() {
  BIN=$(bin_dir) || exit 1
  if running && [[ -f "$DIR/port" ]]; then url; else log "not running"; exit 1; fi
}

dispatch "bash scripts/postgres.sh start|stop|status" "$@"
