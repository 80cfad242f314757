# Shared by the poetry and uv stand-ins (sourced after lib.sh): reads pyproject.toml.

# pyproject_name: [project] or [tool.poetry] name.
pyproject_name() {
  awk '/^\[(project|tool\.poetry)\]/ { s=1; next } /^\[/ { s=0 } s && /^name[ ]*=/ { sub(/^[^"]*"/, ""); sub(/".*/, ""); print; exit }' pyproject.toml
}

# pyproject_deps [nodev]: "name spec" from [project] dependencies, [tool.poetry.dependencies]
# (python excluded) and, unless nodev, dev groups.
pyproject_deps() {
  awk -v nodev="$1" '
    /^\[/ { sec=$0; list=0 }
    sec=="[project]" && /^dependencies[ ]*=/ { list=1 }
    list { line=$0; while (match(line, /"[^"]*"/)) { d=substr(line, RSTART+1, RLENGTH-2); line=substr(line, RSTART+RLENGTH); n=d; sub(/[[<>=!~ ;].*/, "", n); print n, d } if ($0 ~ /\]/) list=0; next }
    (sec=="[tool.poetry.dependencies]" || (nodev!="nodev" && (sec ~ /^\[tool\.poetry\.group\..*\.dependencies\]$/ || sec=="[tool.poetry.dev-dependencies]"))) && /=/ {
      n=$1; if (n=="python") next; v=$0; sub(/^[^=]*=[ ]*/, "", v); gsub(/"/, "", v); print n, v }' pyproject.toml | sort -u
}

# pyproject_install_project SITE: installs the project itself, which needs its package source.
pyproject_install_project() {
  name="$(pyproject_name)"; n="$(echo "$name" | tr 'A-Z-.' 'a-z__')"
  src=""
  for c in "$n" "src/$n"; do [ -d "$c" ] && src="$c"; done
  [ -f "$n.py" ] && src="$n.py"
  [ -n "$src" ] || fail 1 "No file/folder found for package $name"
  write_marker "$SITE_DIR" "$n.pth" "$(pwd)"
  write_marker "$SITE_DIR/$n-0.0.0.dist-info" METADATA "Name: $name
Source-Digest: $(content_digest "$src" pyproject.toml)"
}

pyproject_install_deps() {
  pyproject_deps "$1" | while read -r n spec; do
    nn="$(echo "$n" | tr 'A-Z-.' 'a-z__')"
    write_marker "$SITE_DIR/$nn" __init__.py "# stand-in package $n ($spec)"
    echo "  - Installing $n ($spec)"
  done
}

pyproject_lock_text() {
  pyproject_deps | while read -r n spec; do printf '[[package]]\nname = "%s"\nversion = "%s"\n\n' "$n" "$spec"; done
}
