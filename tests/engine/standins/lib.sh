# Shared by the stand-in package managers (sourced; busybox sh). Everything written here is a
# pure function of the inputs: no timestamps, no randomness, ordinal sorts.
STANDIN_LIB=/usr/local/lib/standin
STANDIN_PKG_ROOT=/usr/share/standin-packages
export LC_ALL=C

# fail EXITCODE MESSAGE...: prints like the real tool would, to stderr, and exits.
fail() {
  code="$1"; shift
  printf '%s\n' "$*" >&2
  exit "$code"
}

# record TOOL ARGS...: a command the stand-in does not model; its arguments are logged.
record() {
  tool="$1"; shift
  mkdir -p /var/log/standin
  printf '%s' "$tool" >>/var/log/standin/commands.log
  for a in "$@"; do printf ' %s' "$a" >>/var/log/standin/commands.log; done
  printf '\n' >>/var/log/standin/commands.log
}

# json_flat FILE: prints one line per scalar, "key<US>key<US>...<TAB>value" (US = \037).
json_flat() {
  awk -f "$STANDIN_LIB/jsonflat.awk" "$1"
}

# json_keys FILE KEY: the member names of the object at top-level KEY, sorted.
json_keys() {
  json_flat "$1" | awk -F'\t' -v k="$2" 'BEGIN{US=sprintf("%c",31)} { n=split($1,p,US); if (n>=2 && p[1]==k) print p[2] }' | sort -u
}

# json_get FILE KEY...: the scalar at the given path, or nothing.
json_get() {
  f="$1"; shift
  path=""
  for k in "$@"; do if [ -z "$path" ]; then path="$k"; else path="$path$(printf '\037')$k"; fi; done
  json_flat "$f" | awk -F'\t' -v p="$path" '$1==p { print $2; exit }'
}

# content_digest PATH...: one sha256 over the listed files' paths and contents (sorted), so an
# output that depends on the source changes when the source does.
content_digest() {
  for p in "$@"; do
    [ -e "$p" ] || continue
    find "$p" -type f 2>/dev/null
  done | sort | while read -r f; do
    printf '%s %s\n' "$(sha256sum "$f" | cut -d' ' -f1)" "$f"
  done | sha256sum | cut -d' ' -f1
}

# write_marker DIR NAME TEXT: a deterministic "installed package" file.
write_marker() {
  mkdir -p "$1"
  printf '%s\n' "$3" >"$1/$2"
}
