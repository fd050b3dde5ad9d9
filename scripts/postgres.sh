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

log() { echo "postgres.sh: $*" >&2; }

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return; fi
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"; return
  fi
  return 1
}

install_postgres() {
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { log "PostgreSQL is missing and we are not root (no sudo)"; return 1; }
    sudo="sudo"
  fi
  log "installing PostgreSQL (apt-get install postgresql)..."
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
}

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

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
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

  local port tries=0
  while :; do
    port=$((20000 + RANDOM % 30000))
    tries=$((tries + 1))
    if (( tries > 20 )); then
      log "found no free port that the server could use; its log:"
      tail -n 30 "$DIR/server.log" >&2 || true
      exit 1
    fi
    port_free "$port" || continue
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

command="${1:-}"
case "$command" in
  start | stop | status)
    mkdir -p "$(dirname "$DIR")"
    exec 9>"$DIR.lock"
    flock 9  # two test runs starting at once share one server
    "$command"
    ;;
  *)
    echo "usage: bash scripts/postgres.sh start|stop|status" >&2
    exit 2
    ;;
esac
