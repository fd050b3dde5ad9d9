#!/bin/sh
# The container's first process, for both servers: runs the command it is given and, when
# Kubernetes stops the pod (SIGTERM), lets the server go on serving SHUTDOWN_DRAIN_S seconds
# (default 10) while the pod is taken out of its Service, then passes SIGTERM on; the server
# (Sanic) then finishes the requests it holds and exits. So a rolling update never sends a
# message to a server that has stopped listening. (The Rasa charts offer no preStop hook.)
set -u
"$@" &
server=$!
trap 'sleep "${SHUTDOWN_DRAIN_S:-10}"; kill -TERM "$server" 2>/dev/null' TERM INT
wait "$server"
status=$?
# `wait` returns when a trapped signal arrives: wait again, for the server's own exit status
while kill -0 "$server" 2>/dev/null; do
  wait "$server"
  status=$?
done
exit "$status"
