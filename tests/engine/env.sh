# Shared settings for the engine scripts: sourced, never run.
# One fixed folder keeps start/stop idempotent; a short path keeps the socket under the 108-byte limit.
ENGINE_DIR="${DOCKER_REORDER_ENGINE_DIR:-/tmp/drengine}"
ENGINE_SOCK="$ENGINE_DIR/d.sock"
ENGINE_PIDFILE="$ENGINE_DIR/dockerd.pid"
ENGINE_LOG="$ENGINE_DIR/dockerd.log"
# The Debian client: the docker first on PATH may lack buildx/BuildKit.
DOCKER_CLIENT="${DOCKER_REORDER_DOCKER_CLIENT:-/usr/bin/docker}"
ENGINE_HOST="${DOCKER_REORDER_ENGINE_HOST:-unix://$ENGINE_SOCK}"
