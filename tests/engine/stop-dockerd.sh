#!/usr/bin/env bash
# Stops the daemon started by start-dockerd.sh (by its pid file). Safe to run repeatedly.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/env.sh"

if [ ! -f "$ENGINE_PIDFILE" ]; then
  exit 0
fi
pid="$(cat "$ENGINE_PIDFILE")"
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "stop-dockerd.sh: dockerd ($pid) ignored TERM for 30 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$ENGINE_PIDFILE" "$ENGINE_SOCK"
