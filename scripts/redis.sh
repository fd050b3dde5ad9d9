#!/usr/bin/env bash
# A throw-away Redis for tests and trials (the Rasa servers' shared lock store): `start` prints its URL, `stop` removes it.
#
#   bash scripts/redis.sh start    # installs Debian's redis-server if missing, starts, prints the URL
#   bash scripts/redis.sh stop     # stops the server and deletes its directory
#   bash scripts/redis.sh status   # prints the URL if running, else exits 1
#
# The server lives in $REDIS_DIR (default: a directory in /tmp named after this checkout), listens on
# 127.0.0.1 only, on a free port, with a random password and nothing saved to disk. Only the URL
# (redis://:password@127.0.0.1:port/0) goes to stdout, so `LOCK_STORE_URL=$(bash scripts/redis.sh start)`
# works. Both commands are idempotent.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${REDIS_DIR:-/tmp/store-assistant-redis-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)}"

SERVICE=redis.sh
LOG="$DIR/server.log"
# shellcheck source=scripts/service.sh
source "$(dirname "$0")/service.sh"

install_redis() { apt_install redis-server; }

cli() {
  REDISCLI_AUTH="$(cat "$DIR/password")" redis-cli -h 127.0.0.1 -p "$(cat "$DIR/port")" "$@"
}

running() {
  [[ -f "$DIR/port" && -f "$DIR/password" ]] && [[ "$(cli ping 2>/dev/null)" == PONG ]]
}

# The pid of this directory's server, if that process is still a redis-server (never another process).
server_pid() {
  local pid
  pid=$(cat "$DIR/redis.pid" 2>/dev/null) || return 1
  [[ -n "$pid" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q redis-server && echo "$pid"
}

url() {
  echo "redis://:$(cat "$DIR/password")@127.0.0.1:$(cat "$DIR/port")/0"
}

start() {
  command -v redis-server >/dev/null 2>&1 || install_redis || { log "no redis-server found"; exit 1; }
  if running; then
    url
    return
  fi
  # Anything left over (a crashed or half-started server) is thrown away.
  local pid
  if pid=$(server_pid); then kill "$pid" 2>/dev/null || true; fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | cut -c1-24 >"$DIR/password"
  chmod 600 "$DIR/password"

  local port
  while :; do
    next_port
    cat >"$DIR/redis.conf" <<CONF
# scripts/redis.sh: a throw-away server
bind 127.0.0.1
protected-mode yes
port $port
requirepass $(cat "$DIR/password")
daemonize yes
pidfile $DIR/redis.pid
logfile $DIR/server.log
dir $DIR
save ""
appendonly no
CONF
    echo "$port" >"$DIR/port"
    # 9>&-: the server must not inherit (and hold) the lock of this script
    if redis-server "$DIR/redis.conf" >/dev/null 2>&1 9>&-; then
      for _ in $(seq 1 50); do
        if running; then
          log "running on 127.0.0.1:$port (log: $DIR/server.log)"
          url
          return
        fi
        sleep 0.1
      done
      if pid=$(server_pid); then kill "$pid" 2>/dev/null || true; fi
    fi
    log "the server did not start on port $port; trying another"
  done
}

stop() {
  if [[ ! -d "$DIR" ]]; then
    rm -f "$DIR.lock"
    log "not running"
    return
  fi
  local pid
  if pid=$(server_pid); then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do server_pid >/dev/null || break; sleep 0.1; done
    if pid=$(server_pid); then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -rf "$DIR" "$DIR.lock"
  log "stopped and removed $DIR"
}

status() {
  if running; then url; else log "not running"; exit 1; fi
}

dispatch "bash scripts/redis.sh start|stop|status" "$@"
