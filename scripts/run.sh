#!/usr/bin/env bash
# `make run`: trains if needed, starts the action server and the Rasa server on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."

export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3 TF_ENABLE_ONEDNN_OPTS=0 SQLALCHEMY_SILENCE_UBER_WARNING=1
export PYTHONWARNINGS="ignore::DeprecationWarning,ignore::PendingDeprecationWarning,ignore::FutureWarning,ignore::UserWarning"

RASA_PORT="${RASA_PORT:-5005}"
ACTION_PORT="${ACTION_PORT:-5055}"
export ACTION_ENDPOINT_URL="http://127.0.0.1:${ACTION_PORT}/webhook"
export TRACKER_DB="${TRACKER_DB:-var/tracker.db}"
# the action server answers only the Rasa server started with it: a new random secret per start unless one is given
export ACTION_SECRET="${ACTION_SECRET:-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
LOG_DIR="${LOG_DIR:-var}"
PY=.venv/bin/python

$PY -m bot.stores check
mkdir -p var
policies_sum=$(cat bot/stores/policies/*.yml | sha256sum | cut -c1-16)
if [ -f var/policies.sum ] && [ "$(cat var/policies.sum)" != "$policies_sum" ]; then
  echo "==> Store policies changed since the last start: both servers load them now (no retraining needed)"
fi
echo "$policies_sum" > var/policies.sum
$PY -m bot.model train
MODEL=$($PY -m bot.model path)
mkdir -p var
echo "==> Orders database: ${DATABASE_URL:-sqlite:///var/orders.db}"
$PY -m bot.orders load-demo

pids=()
names=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "==> Stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

echo "==> Starting the action server on 127.0.0.1:${ACTION_PORT}"
mkdir -p "$LOG_DIR"
SANIC_HOST=127.0.0.1 $PY -m bot.action_server --actions actions --port "$ACTION_PORT" >"$LOG_DIR/actions.log" 2>&1 &
pids+=($!); names+=("action server (log: $LOG_DIR/actions.log)")

echo "==> Starting the Rasa server on 127.0.0.1:${RASA_PORT} (log: $LOG_DIR/rasa.log)"
$PY -m bot.rasa_server run -i 127.0.0.1 -p "$RASA_PORT" -m "$MODEL" --credentials credentials.yml \
  --endpoints endpoints.yml >"$LOG_DIR/rasa.log" 2>&1 &
pids+=($!); names+=("Rasa server (log: $LOG_DIR/rasa.log)")

for _ in $(seq 1 180); do
  if curl -sf "http://127.0.0.1:${RASA_PORT}/webhooks/rest/" >/dev/null 2>&1; then break; fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "A server failed to start; see $LOG_DIR/rasa.log and $LOG_DIR/actions.log" >&2; tail -n 20 "$LOG_DIR/rasa.log" "$LOG_DIR/actions.log" >&2; exit 1; }
  done
  sleep 1
done

cat <<MSG

  The assistant is running.
    Chat API:  POST http://127.0.0.1:${RASA_PORT}/webhooks/rest/conversations  {"store": "citadel"}
               then POST http://127.0.0.1:${RASA_PORT}/webhooks/rest/webhook
               {"sender": "<the sender it answered>", "message": "привет"}   (README: REST chat API)
    Stores:    sitra, tisa, chistatek, offykala, citadel
    Website widget demo (open in a browser):
               http://127.0.0.1:${RASA_PORT}/webhooks/widget/demo?store=tisa      (Persian store)
               http://127.0.0.1:${RASA_PORT}/webhooks/widget/demo?store=citadel   (Russian store)
    Agents' console (open in a browser): http://127.0.0.1:${RASA_PORT}/console/
               first make an agent (password on standard input, at least 8 characters):
               .venv/bin/python -m bot.console add-agent NAME --stores all    (README: Agents' console)
    Demo orders: e.g. offykala order 58120, phone 09121234567 (or 4567); citadel CT-2002,
               phone 599125502 (all 30 in README.md and bot/orders/demo.py)
  Logs in ${LOG_DIR}/. Press Ctrl-C to stop.

MSG
# one part stopping stops the assistant, saying which part it was: never a half-running assistant
wait -n "${pids[@]}" || true
for i in "${!pids[@]}"; do
  kill -0 "${pids[$i]}" 2>/dev/null || echo "==> The ${names[$i]} stopped; stopping the assistant. Start it again with: make run" >&2
done
exit 1
