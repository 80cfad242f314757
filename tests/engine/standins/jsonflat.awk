# Flattens a JSON document into "path<TAB>value" lines (path members joined by \037) so the
# busybox stand-ins can read package.json, composer.json and lock files without jq.
function err(m) { printf "jsonflat: %s\n", m > "/dev/stderr"; bad = 1; exit 2 }
function skipws() { while (pos <= len && index(" \t\r\n", substr(s, pos, 1))) pos++ }
function str(   c, out, e) {
  pos++; out = ""
  while (pos <= len) {
    c = substr(s, pos, 1)
    if (c == "\"") { pos++; return out }
    if (c == "\\") {
      e = substr(s, pos + 1, 1); pos += 2
      if (e == "n") out = out "\n"; else if (e == "t") out = out "\t"
      else if (e == "u") { out = out "?"; pos += 4 } else out = out e
      continue
    }
    out = out c; pos++
  }
  err("unterminated string")
}
function value(path,   c, key, i, start) {
  skipws(); c = substr(s, pos, 1)
  if (c == "{") {
    pos++; skipws()
    if (substr(s, pos, 1) == "}") { pos++; return }
    while (1) {
      skipws(); if (substr(s, pos, 1) != "\"") err("expected a key")
      key = str(); skipws()
      if (substr(s, pos, 1) != ":") err("expected ':'")
      pos++
      value(path == "" ? key : path SUBSEP2 key)
      skipws(); c = substr(s, pos, 1); pos++
      if (c == "}") return
      if (c != ",") err("expected ',' or '}'")
    }
  } else if (c == "[") {
    pos++; skipws(); i = 0
    if (substr(s, pos, 1) == "]") { pos++; return }
    while (1) {
      value(path == "" ? i : path SUBSEP2 i); i++
      skipws(); c = substr(s, pos, 1); pos++
      if (c == "]") return
      if (c != ",") err("expected ',' or ']'")
    }
  } else if (c == "\"") {
    print path "\t" str()
  } else {
    start = pos
    while (pos <= len && !index(",}] \t\r\n", substr(s, pos, 1))) pos++
    if (pos == start) err("unexpected character")
    print path "\t" substr(s, start, pos - start)
  }
}
BEGIN { SUBSEP2 = sprintf("%c", 31) }
{ s = s $0 "\n" }
END {
  if (bad) exit 2
  len = length(s); pos = 1
  value("")
  skipws(); if (pos <= len) err("trailing characters")
}
