#!/usr/bin/env bash
# A throw-away nginx in front of several Rasa servers (round-robin), for tests and trials.
#
#   bash scripts/nginx.sh start PORT [PORT...]   # installs Debian's nginx if missing, starts, prints its URL
#   bash scripts/nginx.sh stop                   # stops it and deletes its directory
#   bash scripts/nginx.sh status                 # prints the URL if running, else exits 1
#
# PORTs are the Rasa servers' ports on 127.0.0.1. nginx lives in $NGINX_DIR (default: a directory in
# /tmp named after this checkout), listens on 127.0.0.1 only, on a free port, and logs each request
# with the server that answered it ($upstream_addr) to $NGINX_DIR/access.log. It passes the client's
# address in X-Real-IP and X-Forwarded-For (start Rasa with SANIC_PROXIES_COUNT=1 to rate-limit by it)
# and tries the next server only when one cannot be reached, never after a request was sent (a
# message is never handled twice). Only the URL goes to stdout. `start` again with the same ports
# prints the URL; with other ports it replaces the running nginx (on a new port).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${NGINX_DIR:-/tmp/store-assistant-nginx-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)}"
NGINX=/usr/sbin/nginx

SERVICE=nginx.sh
LOG="$DIR/error.log"
# shellcheck source=scripts/service.sh
source "$(dirname "$0")/service.sh"

install_nginx() { apt_install nginx; }

# The pid of this directory's nginx master, if that process is still it (never another process).
server_pid() {
  local pid
  pid=$(cat "$DIR/nginx.pid" 2>/dev/null) || return 1
  [[ -n "$pid" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-p $DIR/" && echo "$pid"
}

running() {
  [[ -f "$DIR/port" ]] && server_pid >/dev/null
}

url() {
  echo "http://127.0.0.1:$(cat "$DIR/port")"
}

config() {  # listen port, then the Rasa servers' ports
  local port=$1 upstream
  shift
  for upstream in "$@"; do printf '    server 127.0.0.1:%s;\n' "$upstream"; done >"$DIR/upstreams"
  cat >"$DIR/nginx.conf" <<CONF
# scripts/nginx.sh: a throw-away load balancer
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/error.log warn;
events { worker_connections 512; }
http {
  log_format upstreams '\$remote_addr [\$time_local] "\$request" \$status upstream=\$upstream_addr \$request_time';
  access_log $DIR/access.log upstreams;
  client_body_temp_path $DIR/temp/body;
  proxy_temp_path $DIR/temp/proxy;
  fastcgi_temp_path $DIR/temp/fastcgi;
  uwsgi_temp_path $DIR/temp/uwsgi;
  scgi_temp_path $DIR/temp/scgi;
  client_max_body_size 1m;
  upstream rasa {
$(cat "$DIR/upstreams")
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://rasa;
      proxy_set_header Host \$host;
      proxy_set_header X-Real-IP \$remote_addr;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout;  # nginx never resends a POST that reached a server
      proxy_connect_timeout 5s;
      proxy_read_timeout 120s;
    }
  }
}
CONF
}

start() {
  (( $# > 0 )) || { log "usage: bash scripts/nginx.sh start PORT [PORT...] (the Rasa servers' ports)"; exit 2; }
  local port
  for port in "$@"; do
    [[ "$port" =~ ^[0-9]+$ ]] || { log "not a port: $port"; exit 2; }
  done
  [[ -x "$NGINX" ]] || install_nginx || { log "no nginx found"; exit 1; }
  if running && [[ "$(printf '    server 127.0.0.1:%s;\n' "$@")" == "$(cat "$DIR/upstreams")" ]]; then
    url
    return
  fi
  # Anything left over (a crashed or half-started server, or one in front of other servers) is thrown away.
  stop_server
  rm -rf "$DIR"
  mkdir -p "$DIR/temp"
  chmod 755 "$DIR"  # nginx's workers (nobody) read and write under it

  while :; do
    next_port
    config "$port" "$@"
    # 9>&-: the server must not inherit (and hold) the lock of this script
    if "$NGINX" -p "$DIR/" -c "$DIR/nginx.conf" -e "$DIR/error.log" >/dev/null 2>>"$DIR/error.log" 9>&-; then
      echo "$port" >"$DIR/port"
      log "running on 127.0.0.1:$port in front of $* (requests with their server: $DIR/access.log)"
      url
      return
    fi
    log "nginx did not start on port $port; trying another"
  done
}

stop_server() {
  local pid
  if pid=$(server_pid); then
    kill -QUIT "$pid" 2>/dev/null || true  # graceful: requests under way are answered
    for _ in $(seq 1 100); do server_pid >/dev/null || break; sleep 0.1; done
    if pid=$(server_pid); then
      local workers
      workers=$(ps --ppid "$pid" -o pid= || true)
      kill -9 "$pid" $workers 2>/dev/null || true
    fi
  fi
}

stop() {
  if [[ ! -d "$DIR" ]]; then
    rm -f "$DIR.lock"
    log "not running"
    return
  fi
  stop_server
  rm -rf "$DIR" "$DIR.lock"
  log "stopped and removed $DIR"
}

status() {
  if running; then url; else log "not running"; exit 1; fi
}

dispatch "bash scripts/nginx.sh start PORT [PORT...] | stop | status" "$@"
