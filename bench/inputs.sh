#!/usr/bin/env bash
# Builds the benchmark inputs from ../shared/conformance/buildkit-parser/positive into bench/.work/inputs.
# Usage: bash bench/inputs.sh [--force]    (skips the work when the inputs are already there)
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(dirname "$bench_dir")"
shared="${SHARED_DIR:-$(cd "$repo_root/.." && pwd)/shared}"
cases_dir="${CASES_DIR:-$shared/conformance/buildkit-parser/positive}"
out="$bench_dir/.work/inputs"

# The small file: the largest positive case (3,388 bytes), a realistic multi-stage-free Dockerfile.
small_case="docker"
many_count=10000
# Bump when the layout or content of the inputs changes: older inputs are then rebuilt.
layout=2

if [[ ! -d "$cases_dir" ]]; then
  echo "inputs.sh: no conformance cases at $cases_dir (set CASES_DIR)" >&2
  exit 2
fi
if [[ "$(cat "$out/.complete" 2> /dev/null)" == "$layout" && "${1:-}" != "--force" ]]; then
  echo "inputs: already built in $out (--force rebuilds)"
  exit 0
fi

rm -rf "$out"
mkdir -p "$out/small" "$out/many"

mapfile -t cases < <(cd "$cases_dir" && for d in *; do [[ -f "$d/Dockerfile" ]] && echo "$d"; done | LC_ALL=C sort)

# 1. One small file.
cp "$cases_dir/$small_case/Dockerfile" "$out/small/Dockerfile"

# 2. 10,000 files, round-robin over the cases, one folder each (a monorepo's layout: each
#    Dockerfile with its own small build context). One tee per case writes all its copies.
n=${#cases[@]}
printf -v dirs "$out/many/%05d " $(seq 0 $((many_count - 1)))
# shellcheck disable=SC2086
mkdir -p $dirs
: > "$out/many.tsv"
for ((k = 0; k < n; k++)); do
  targets=()
  for ((i = k; i < many_count; i += n)); do
    printf -v p "many/%05d/Dockerfile" "$i"
    targets+=("$out/$p")
  done
  tee "${targets[@]}" < "$cases_dir/${cases[k]}/Dockerfile" > /dev/null
done
for ((i = 0; i < many_count; i++)); do
  printf "many/%05d/Dockerfile\t%s\n" "$i" "${cases[i % n]}"
done > "$out/many.tsv"
printf "many/%05d/Dockerfile\n" $(seq 0 $((many_count - 1))) > "$out/many.list"

# 3. The concatenation pass: every case without parser directives (a first line `# key=value`
#    would set them for the whole file) and without a trailing continuation (it would swallow
#    the next case's first line); each case ends with a newline.
pass="$out/.pass"
: > "$pass"
: > "$out/concat-cases.txt"
for c in "${cases[@]}"; do
  f="$cases_dir/$c/Dockerfile"
  if head -n 1 "$f" | grep -Eq '^#[[:space:]]*[A-Za-z][A-Za-z0-9]*[[:space:]]*='; then continue; fi
  if grep -v '^[[:space:]]*$' "$f" | tail -n 1 | grep -Eq '\\[[:space:]]*$'; then continue; fi
  cat "$f" >> "$pass"
  [[ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" == '\n' ]] || printf '\n' >> "$pass"
  echo "$c" >> "$out/concat-cases.txt"
done
pass_text="$(cat "$pass"; printf x)"
pass_text="${pass_text%x}"
pass_size=$(stat -c %s "$pass")

# Whole passes until the size reaches the target (MiB). Every input is NAME/Dockerfile, alone in its
# folder: the CLI takes the Dockerfile's folder as the build context, which must not be all of inputs/.
concat() {
  local target=$(( $1 * 1024 * 1024 )) file="$out/$2/Dockerfile" passes i
  mkdir -p "$out/$2"
  passes=$(( (target + pass_size - 1) / pass_size ))
  for ((i = 0; i < passes; i++)); do printf '%s' "$pass_text"; done > "$file"
  printf '%s\t%s\n' "$2" "$passes" >> "$out/concat.tsv"
}
: > "$out/concat.tsv"
concat 1 concat-1mb
concat 5 concat-5mb
concat 25 concat-25mb

# 4. A 1 MiB heredoc: one RUN whose body is ~1 MiB of shell lines.
mkdir -p "$out/heredoc-1mb" "$out/continuation-10k"
{
  printf 'FROM alpine:3.20\nRUN <<EOF\n'
  line='echo "the quick brown fox jumps over the lazy dog" >> /tmp/out.txt'
  for ((i = 0; i < 1048576 / (${#line} + 1); i++)); do printf '%s\n' "$line"; done
  printf 'EOF\nCMD ["sh"]\n'
} > "$out/heredoc-1mb/Dockerfile"

# 5. A 10,000-line continuation: one RUN spread over 10,000 physical lines.
{
  printf 'FROM alpine:3.20\nRUN set -eux \\\n'
  for ((i = 1; i < 10000; i++)); do printf '    && echo line-%05d \\\n' "$i"; done
  printf '    && true\nCMD ["sh"]\n'
} > "$out/continuation-10k/Dockerfile"

rm -f "$pass"
echo "$layout" > "$out/.complete"
echo "inputs: built in $out"
( cd "$out" && ls -l small/Dockerfile concat-*/Dockerfile heredoc-1mb/Dockerfile continuation-10k/Dockerfile | awk '{print "  " $5 "\t" $9}'
  echo "  $(find many -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')	many/ ($many_count files)" )
