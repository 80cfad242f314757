#!/usr/bin/env bash
# The benchmarks of issues 2 (item 5), 6 (item 5) and 7, from one command. See bench/README.md.
#
#   bash bench/run.sh                 everything: setup inputs build parse peers startup report
#   bash bench/run.sh peers report    only those steps (any of the names above, in any order)
#   QUICK=1 bash bench/run.sh         one round and fewer runs (a smoke test, not for RESULTS.md)
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$bench")"
shared="${SHARED_DIR:-$(cd "$repo/.." && pwd)/shared}"  # SHARED_DIR: when the clone is not beside shared/
work="$bench/.work"
inputs="$work/inputs"
results="$work/results"
native="${BENCH_NATIVE:-$work/native/docker-reorder}"  # BENCH_NATIVE: measure another build
hello="$work/hello/hello"
gopeer="$work/peers/go/dockerfile-count"
nodepeer="$work/peers/node/count.js"
benchdll="$work/benchbin/DockerReorder.Bench.dll"
rounds=3
[[ "${QUICK:-}" == 1 ]] && rounds=1

log() { printf '\n== %s\n' "$*" >&2; }

step_setup() {
  log "setup: Debian packages"
  local need=()
  command -v go > /dev/null || need+=(golang-go)
  [[ -d /usr/share/gocode/src/github.com/openshift/imagebuilder/dockerfile/parser ]] || need+=(golang-github-openshift-imagebuilder-dev)
  command -v hyperfine > /dev/null || need+=(hyperfine)
  command -v node > /dev/null || need+=(nodejs)
  command -v npm > /dev/null || need+=(npm)
  [[ -x /usr/bin/time ]] || need+=(time)
  if ((${#need[@]})); then
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}"
  else
    echo "all present" >&2
  fi
}

step_inputs() {
  log "inputs"
  bash "$bench/inputs.sh"
}

step_build() {
  log "build: bench harness (Release, JIT)"
  dotnet build "$bench/DockerReorder.Bench" -c Release -o "$work/benchbin" -nologo -v q
  log "build: docker-reorder, native AOT"
  dotnet publish "$repo/src/DockerReorder.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$work/native" -nologo -v q
  log "build: hello world, native AOT"
  dotnet publish "$bench/HelloAot" -c Release -r linux-x64 -o "$work/hello" -nologo -v q
  log "build: Go peer (GOPATH mode, Debian's sources, no network)"
  mkdir -p "$work/peers/go/src/dockerfile-count"
  cp "$bench/peers/go/main.go" "$work/peers/go/src/dockerfile-count/"
  (cd "$work/peers/go" && env GO111MODULE=off GOPROXY=off GOFLAGS= GOPATH="$PWD:/usr/share/gocode" GOCACHE="$PWD/cache" \
    go build -o dockerfile-count dockerfile-count)
  log "build: dockerfile-ast peer (npm)"
  mkdir -p "$work/peers/node"
  cp "$bench/peers/node/package.json" "$bench/peers/node/package-lock.json" "$bench/peers/node/count.js" "$work/peers/node/"
  (cd "$work/peers/node" && npm ci --no-audit --no-fund --loglevel=error)
}

# The inputs of the peer benchmark: name, then the arguments each tool gets (run from $inputs).
input_args() {
  case "$1" in
    small) echo "small/Dockerfile" ;;
    many) echo "MANY" ;;
    *) echo "$1/Dockerfile" ;;
  esac
}
peer_inputs=(small many concat-1mb concat-5mb concat-25mb)

# The command line of a tool on an input; 10,000 paths exceed one argument's 128 KiB limit in
# hyperfine, so every tool gets them through one xargs call (one process, -s below ARG_MAX).
tool_command() {
  local tool="$1" input="$2" prog
  case "$tool" in
    ours) prog="$native --check" ;;
    go) prog="$gopeer" ;;
    node) prog="node $nodepeer" ;;
  esac
  if [[ "$input" == many ]]; then
    echo "xargs -s 1900000 -a many.list $prog"
  else
    echo "$prog $(input_args "$input")"
  fi
}

# Runs per round and warm-up runs, by tool and input. dockerfile-ast is superlinear (~45 s on
# 5 MiB here, and far more on 25 MiB): one run only ("once", in round 1, under /usr/bin/time).
plan() {
  local tool="$1" input="$2"
  case "$tool:$input" in
    node:concat-25mb) echo "skip" ;;
    node:concat-5mb) echo "1 0 once" ;;
    node:concat-1mb | node:many) echo "1 0" ;;
    *:small) echo "10 3" ;;
    *:many) echo "3 1" ;;
    *:concat-25mb) echo "2 1" ;;
    *) echo "5 1" ;;
  esac
}

write_machine() {
  mkdir -p "$results"
  {
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
    echo "load average when the peer step started (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg) (with $(nproc) cores, more than $(nproc) means other work shared them)"
    echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "dotnet: $(dotnet --version); $(go version | cut -d' ' -f3); node $(node --version); $(hyperfine --version)"
    echo "peers: imagebuilder $(dpkg-query -W -f '${Version}' golang-github-openshift-imagebuilder-dev 2>/dev/null || echo '?'), dockerfile-ast $(node -p "require('$work/peers/node/node_modules/dockerfile-ast/package.json').version" 2>/dev/null || echo '?')"
    echo "repository: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  } > "$results/machine.txt"
}

# "ok" when the native CLI answers --check on the small file with 0 or 1, else why not.
check_ours() {
  local rc=0 err
  if [[ ! -x "$native" ]]; then echo "pending: no native binary at $native (run the build step)" > "$results/ours-status.txt"; return; fi
  err="$(cd "$inputs" && "$native" --check small/Dockerfile 2>&1 > /dev/null)" || rc=$?
  if [[ $rc -le 1 ]]; then
    echo ok > "$results/ours-status.txt"
  else
    echo "pending: \`docker-reorder --check small/Dockerfile\` exits $rc: $(head -n 1 <<< "$err")" > "$results/ours-status.txt"
  fi
}

step_parse() {
  log "parse benchmark (in process)"
  mkdir -p "$results"
  local rc=0
  dotnet "$benchdll" parse --corpus "$shared/corpus" --inputs "$inputs" --out "$results/parse.md" || rc=$?
  [[ $rc -eq 0 || $rc -eq 3 ]] || return $rc
}

step_peers() {
  write_machine
  check_ours
  rm -rf "$results/counts" "$results/times" "$results/mem"
  mkdir -p "$results/counts" "$results/times" "$results/mem"
  local ours_ok=0 input tool r
  [[ "$(cat "$results/ours-status.txt")" == ok ]] && ours_ok=1
  cd "$inputs"

  log "instruction counts (and the CLI's exit code on each input)"
  for input in "${peer_inputs[@]}"; do
    local args rc; args="$(input_args "$input")"
    if ((ours_ok)); then
      # Directly, not through xargs (which folds every exit code 1-125 into 123); 0 and 1 are success.
      # shellcheck disable=SC2046
      rc=0; "$native" --check $([[ "$args" == MANY ]] && cat many.list || echo "$args") > /dev/null 2> "$results/counts/$input.ours-stderr.txt" || rc=$?
      ((rc <= 1)) || echo "$rc" > "$results/counts/$input.ours-failed"
    fi
    [[ "$args" == MANY ]] && args="@many.list"
    dotnet "$benchdll" count $args > "$results/counts/$input.ours.tsv" || rm -f "$results/counts/$input.ours.tsv"
    if [[ "$input" == many ]]; then
      xargs -s 1900000 -a many.list "$gopeer" > "$results/counts/$input.go.tsv"
      xargs -s 1900000 -a many.list node "$nodepeer" > "$results/counts/$input.node.tsv"
    else
      "$gopeer" $args > "$results/counts/$input.go.tsv"
      # dockerfile-ast's counts are informational: not worth its minute on the big files.
      [[ "$(plan node "$input")" == skip || "$(plan node "$input")" == *once ]] || node "$nodepeer" $args > "$results/counts/$input.node.tsv"
    fi
  done

  log "whole-process times: $rounds rounds, tools alternating"
  for ((r = 1; r <= rounds; r++)); do
    for input in "${peer_inputs[@]}"; do
      for tool in ours go node; do
        [[ $tool == ours && ($ours_ok == 0 || -f "$results/counts/$input.ours-failed") ]] && continue
        local p; p="$(plan "$tool" "$input")"
        [[ "$p" == skip ]] && continue
        local runs warmup once command
        read -r runs warmup once <<< "$p"
        command="$(tool_command "$tool" "$input")"
        if [[ "$once" == once ]]; then
          ((r == 1)) || continue
          command="/usr/bin/time -v -o $results/mem/$input.$tool.txt $command"
        fi
        echo "round $r: $input $tool" >&2
        hyperfine -N -i --style none --runs "$runs" --warmup "$warmup" -n "$tool" \
          --export-json "$results/times/$input.$tool.r$r.json" "$command" > /dev/null
      done
    done
  done

  log "peak memory"
  for input in "${peer_inputs[@]}"; do
    for tool in ours go node; do
      [[ $tool == ours && ($ours_ok == 0 || -f "$results/counts/$input.ours-failed") ]] && continue
      [[ "$(plan "$tool" "$input")" == skip || "$(plan "$tool" "$input")" == *once ]] && continue
      # shellcheck disable=SC2046
      /usr/bin/time -v -o "$results/mem/$input.$tool.txt" $(tool_command "$tool" "$input") > /dev/null || true
    done
  done
  cd - > /dev/null
}

step_startup() {
  log "startup: native hello world vs docker-reorder on one file"
  mkdir -p "$results"
  check_ours
  rm -rf "$results/startup"
  mkdir -p "$results/startup"
  local r
  cd "$inputs"
  for ((r = 1; r <= rounds; r++)); do
    hyperfine -N -i --style none --runs 20 --warmup 3 -n hello --export-json "$results/startup/hello.r$r.json" "$hello" > /dev/null
    if [[ "$(cat "$results/ours-status.txt")" == ok ]]; then
      hyperfine -N -i --style none --runs 20 --warmup 3 -n ours --export-json "$results/startup/ours.r$r.json" \
        "$native --check small/Dockerfile" > /dev/null
    fi
  done
  cd - > /dev/null
}

step_report() {
  log "report: bench/RESULTS.md"
  [[ -f "$results/machine.txt" ]] || write_machine
  dotnet "$benchdll" report --results "$results" --inputs "$inputs" --out "$bench/RESULTS.md"
}

steps=("$@")
((${#steps[@]})) || steps=(setup inputs build parse peers startup report)
start=$SECONDS
for s in "${steps[@]}"; do
  case "$s" in
    setup | inputs | build | parse | peers | startup | report) "step_$s" ;;
    *) echo "run.sh: unknown step '$s' (setup inputs build parse peers startup report)" >&2; exit 2 ;;
  esac
done
log "done in $((SECONDS - start)) s"
