# Shared by scripts/postgres.sh, redis.sh and nginx.sh (sourced, after setting SERVICE, DIR and LOG): throw-away
# servers for tests and trials, on a free loopback port, one per checkout, started and stopped under a lock.

log() { echo "$SERVICE: $*" >&2; }

# Installs a Debian package when the server is missing (as root, or with sudo).
apt_install() {
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { log "$1 is missing and we are not root (no sudo)"; return 1; }
    sudo="sudo"
  fi
  log "installing $1 (apt-get install $1)..."
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$1" >&2
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Sets `port` to a free one to try next; after 20 tries, says so with the server's log ($LOG) and exits.
PORT_TRIES=0
next_port() {
  while :; do
    PORT_TRIES=$((PORT_TRIES + 1))
    if (( PORT_TRIES > 20 )); then
      log "found no free port that the server could use; its log:"
      tail -n 30 "$LOG" >&2 || true
      exit 1
    fi
    port=$((20000 + RANDOM % 30000))
    port_free "$port" && return
  done
}

# Runs `start`, `stop` or `status` (with the rest of the arguments) under this checkout's lock: two test runs
# starting at once share one server. $1 is the usage line.
dispatch() {
  local usage="$1" command="${2:-}"
  case "$command" in
    start | stop | status)
      shift 2
      mkdir -p "$(dirname "$DIR")"
      exec 9>"$DIR.lock"
      flock 9
      "$command" "$@"
      ;;
    *)
      echo "usage: $usage" >&2
      exit 2
      ;;
  esac
}
