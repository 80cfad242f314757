#!/usr/bin/env bash
# Starts a private dockerd for the engine suite (root only) and prints the DOCKER_HOST to use.
# Safe to run repeatedly: when the daemon already answers, it only prints the host.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/env.sh"

engine_answers() {
  DOCKER_HOST="unix://$ENGINE_SOCK" timeout 10 "$DOCKER_CLIENT" info >/dev/null 2>&1
}

if [ -S "$ENGINE_SOCK" ] && engine_answers; then
  echo "unix://$ENGINE_SOCK"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "start-dockerd.sh: dockerd needs root" >&2
  exit 2
fi
command -v dockerd >/dev/null || { echo "start-dockerd.sh: dockerd not found (apt-get install docker.io)" >&2; exit 2; }

mkdir -p "$ENGINE_DIR/data" "$ENGINE_DIR/exec"
# A stale pid file from a killed daemon would make dockerd refuse to start.
if [ -f "$ENGINE_PIDFILE" ] && ! kill -0 "$(cat "$ENGINE_PIDFILE")" 2>/dev/null; then
  rm -f "$ENGINE_PIDFILE"
fi
rm -f "$ENGINE_SOCK"

# setsid: the daemon must outlive this script and not receive the caller's signals.
setsid dockerd --iptables=false --ip-masq=false --bridge=none \
  --data-root "$ENGINE_DIR/data" --exec-root "$ENGINE_DIR/exec" \
  -H "unix://$ENGINE_SOCK" --pidfile "$ENGINE_PIDFILE" \
  >"$ENGINE_LOG" 2>&1 </dev/null &

for _ in $(seq 1 120); do
  if [ -S "$ENGINE_SOCK" ] && engine_answers; then
    echo "unix://$ENGINE_SOCK"
    exit 0
  fi
  sleep 0.5
done
echo "start-dockerd.sh: dockerd did not answer within 60 s; its log ($ENGINE_LOG) ends with:" >&2
tail -n 30 "$ENGINE_LOG" >&2
exit 1
