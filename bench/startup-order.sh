#!/usr/bin/env bash
# Regenerates src/DockerReorder.Cli/startup.order (issue 6): the functions a hook-sized run executes, in the
# order each first runs. The AOT compiler lays them out together (ILC --order), so a run faults in fewer pages
# of the executable. Run it after changes to the one-file path, then measure with `bash bench/run.sh startup report`.
#
#   bash bench/startup-order.sh
#
# Needs valgrind (lackey traces every executed block) and nm. A stale order file is harmless: the compiler
# skips names it does not know, so the layout only gets worse, never wrong.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$bench")"
work="$bench/.work/order"
out="$repo/src/DockerReorder.Cli/startup.order"
for tool in valgrind nm; do command -v "$tool" > /dev/null || { echo "startup-order.sh: needs $tool" >&2; exit 2; }; done

rm -rf "$work"
mkdir -p "$work/traces"
echo "== build: docker-reorder, native AOT (with its symbol file)" >&2
dotnet publish "$repo/src/DockerReorder.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$work/native" -nologo -v q
dotnet build "$bench/DockerReorder.Bench" -c Release -o "$work/benchbin" -nologo -v q
# valgrind cannot read the DWARF in the .dbg file: trace a copy without its debug link, name symbols from the .dbg.
mkdir -p "$work/run"
objcopy --remove-section=.gnu_debuglink "$work/native/docker-reorder" "$work/run/docker-reorder"
nm --defined-only --print-size "$work/native/docker-reorder.dbg" > "$work/symbols.txt"

# --vex-guest-chase=no: every jump into a function starts a traced block, so no function is hidden inside its caller's.
trace() {
  local name="$1"; shift
  echo "== trace: $name" >&2
  valgrind --tool=lackey --trace-superblocks=yes --vex-guest-chase=no --log-file="$work/traces/$name.log" "$work/run/docker-reorder" "$@" > /dev/null 2>&1 || true
}

# What a pre-commit hook and a CI check run: the bundled example in each mode (on a copy), then --check on
# every rule fixture, so the code most Dockerfiles need comes first.
cp -r "$repo/examples/seed" "$work/seed"
cd "$work/seed"
trace seed-check --check Dockerfile
trace seed-diff Dockerfile
trace seed-write --write Dockerfile
cd - > /dev/null
for dockerfile in "$repo"/fixtures/rules/*/context/Dockerfile; do
  case="$(basename "$(dirname "$(dirname "$dockerfile")")")"
  trace "rule-$case" --check "$dockerfile"
done

dotnet "$work/benchbin/DockerReorder.Bench.dll" order --symbols "$work/symbols.txt" --out "$out" "$work"/traces/seed-{check,diff,write}.log "$work"/traces/rule-*.log
