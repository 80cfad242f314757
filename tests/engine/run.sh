#!/usr/bin/env bash
# The engine suite's CI sequence: install docker.io and busybox-static when missing, start a
# private dockerd, build the base image, run tests/DockerReorder.Engine.Tests, print the summary
# table, and stop the daemon on exit (only if this script started it). Needs root.
# Extra arguments go to `dotnet test` (e.g. --filter NaiveMoveTests).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
. "$here/env.sh"

missing=()
command -v dockerd >/dev/null 2>&1 && [ -x "$DOCKER_CLIENT" ] || missing+=(docker.io)
if ! { [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1; }; then missing+=(busybox-static); fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "run.sh: installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

started=no
if ! DOCKER_HOST="unix://$ENGINE_SOCK" timeout 10 "$DOCKER_CLIENT" info >/dev/null 2>&1; then
  started=yes
fi
if [ "$started" = yes ]; then
  trap 'bash "$here/stop-dockerd.sh"' EXIT
fi
host="$(bash "$here/start-dockerd.sh")"
export DOCKER_REORDER_ENGINE_HOST="$host"
DOCKER_REORDER_ENGINE_HOST="$host" bash "$here/make-base-image.sh" >/dev/null

summary="$(mktemp)"
export DOCKER_REORDER_ENGINE_SUMMARY="$summary"
start=$(date +%s)
status=0
# The default console verbosity prints the "Passed!  - Failed: N, Passed: N, ..." line CI sums.
dotnet test "$repo/tests/DockerReorder.Engine.Tests" "$@" || status=$?
echo
echo "Engine suite: $(( $(date +%s) - start )) s"
if [ -s "$summary" ]; then
  { printf 'case\tcheck\tbuilds\timage equal\tcached steps before -> after\n'; LC_ALL=C sort "$summary"; } |
    if command -v column >/dev/null; then column -t -s "$(printf '\t')"; else cat; fi
fi
rm -f "$summary"
exit "$status"
