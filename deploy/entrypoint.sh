#!/bin/sh
# The container's first process, for both servers: runs the command it is given and, when
# Kubernetes stops the pod (SIGTERM), lets the server go on serving SHUTDOWN_DRAIN_S seconds
# (default 10) while the pod is taken out of its Service, then passes SIGTERM on; the server
# (Sanic) then finishes the requests it holds and exits. So a rolling update never sends a
# message to a server that has stopped listening. (The Rasa charts offer no preStop hook.)
set -u
server=""
# the trap is set before the server starts: a SIGTERM that comes as it starts is drained and passed on too
# (and one that comes before it has started ends the container)
trap 'sleep "${SHUTDOWN_DRAIN_S:-10}"; if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null; else exit 143; fi' TERM INT
"$@" &
server=$!
wait "$server"
status=$?
# `wait` returns when a trapped signal arrives: wait again, for the server's own exit status
while kill -0 "$server" 2>/dev/null; do
  wait "$server"
  status=$?
done
exit "$status"
