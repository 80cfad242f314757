# Shared by the npm, yarn and pnpm stand-ins (sourced after lib.sh).

# node_require_manifest TOOL: package.json must exist in the working directory.
node_require_manifest() {
  [ -f package.json ] || fail 254 "npm error code ENOENT
npm error syscall open
npm error path $(pwd)/package.json
npm error errno -2
npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '$(pwd)/package.json'"
}

# node_deps [prod]: "name<TAB>spec" for dependencies (and devDependencies unless prod), sorted.
node_deps() {
  json_flat package.json | awk -F'\t' -v prod="$1" 'BEGIN{US=sprintf("%c",31)}
    { n=split($1,p,US); if (n==2 && (p[1]=="dependencies" || p[1]=="optionalDependencies" || (prod!="prod" && p[1]=="devDependencies"))) print p[2] "\t" $2 }' | sort -u
}

# node_install_deps DIR [prod]: one folder per dependency; file:/link: specs copy the local folder.
node_install_deps() {
  node_deps "$2" | while IFS="$(printf '\t')" read -r name spec; do
    case "$spec" in
      file:*|link:*)
        src="${spec#*:}"
        [ -d "$src" ] || fail 254 "npm error code ENOENT
npm error enoent Could not install from \"$src\" as it does not contain a package.json file."
        mkdir -p "$1/$name"; cp -a "$src/." "$1/$name/" ;;
      *)
        write_marker "$1/$name" package.json "{\"name\":\"$name\",\"version\":\"$spec\",\"standin\":true}" ;;
    esac
    echo "added $name@$spec"
  done || exit 1
}

# node_lock_text: the lock file npm would write for package.json (deterministic, sorted).
node_lock_text() {
  name="$(json_get package.json name)"; version="$(json_get package.json version)"
  printf '{\n  "name": "%s",\n  "version": "%s",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n    "": {\n      "name": "%s"\n    }' "$name" "$version" "$name"
  node_deps | while IFS="$(printf '\t')" read -r dep spec; do
    printf ',\n    "node_modules/%s": {\n      "version": "%s"\n    }' "$dep" "$spec"
  done
  printf '\n  }\n}\n'
}

# node_lock_covers LOCK: every dependency of package.json appears in the lock file.
node_lock_covers() {
  node_deps | while IFS="$(printf '\t')" read -r dep spec; do
    grep -q "$dep" "$1" || { echo "$dep"; return 0; }
  done
}

# node_run_script NAME: runs package.json's script NAME with sh, if present; returns 1 if absent.
node_run_script() {
  script="$(json_get package.json scripts "$1")"
  [ -n "$script" ] || return 1
  echo "> $1"
  echo "> $script"
  PATH="$(pwd)/node_modules/.bin:$PATH" sh -c "$script" || fail 1 "npm error code 1
npm error path $(pwd)
npm error command failed
npm error command sh -c $script"
  return 0
}

# node_prisma_postinstall: @prisma/client's own postinstall runs `prisma generate`, which reads the project's
# schema (package.json prisma.schema, ./schema.prisma or ./prisma/schema.prisma); without one it leaves a stub client.
node_prisma_postinstall() {
  [ -d node_modules/@prisma/client ] || return 0
  schema="$(json_get package.json prisma schema)"
  [ -n "$schema" ] || for f in schema.prisma prisma/schema.prisma; do [ -f "$f" ] && { schema="$f"; break; }; done
  mkdir -p node_modules/.prisma/client
  if [ -n "$schema" ] && [ -f "$schema" ]; then
    cp "$schema" node_modules/.prisma/client/schema.prisma
    echo "module.exports = { generatedFrom: '$schema' };" >node_modules/.prisma/client/index.js
  else
    echo "warn We could not find your Prisma schema in the default locations"
    echo "throw new Error('@prisma/client did not initialize yet. Please run \"prisma generate\"');" >node_modules/.prisma/client/index.js
  fi
}

# node_lifecycle: the install-time scripts npm runs for the root project (after its dependencies' own).
node_lifecycle() {
  [ "$ignore_scripts" = yes ] && return 0
  node_prisma_postinstall
  for s in preinstall install postinstall prepublish preprepare prepare postprepare; do
    node_run_script "$s" || true
  done
}

# node_workspace_patterns DIR: the folder patterns of DIR/package.json's `workspaces` (an array, or Yarn's {"packages": [...]}).
node_workspace_patterns() {
  json_flat "$1/package.json" | awk -F'\t' 'BEGIN{US=sprintf("%c",31)} { n=split($1,p,US); if (p[1]=="workspaces" && (n==2 || (n==3 && p[2]=="packages"))) print $2 }'
}

# node_workspace_root: the nearest folder above the working directory whose package.json `workspaces` cover it, or nothing.
# npm 7+ (like Yarn and Bun) runs an install in a workspace member from that root: its lockfile, every member's package.json.
node_workspace_root() {
  here="$(pwd)"; d="$(dirname "$here")"
  while :; do
    if [ -f "$d/package.json" ]; then
      rel="${here#"$d"/}"; [ "$d" = / ] && rel="${here#/}"
      found="$(node_workspace_patterns "$d" | while read -r pat; do pat="${pat#./}"; case "$rel" in $pat) echo yes; break ;; esac; done)"
      [ -n "$found" ] && { echo "$d"; return 0; }
    fi
    [ "$d" = / ] && return 0
    d="$(dirname "$d")"
  done
}

# node_workspace_members: the member folders (with a package.json) of the working directory's workspaces, sorted.
node_workspace_members() {
  node_workspace_patterns . | while read -r pat; do
    set -- ${pat#./}
    for m in "$@"; do [ -f "$m/package.json" ] && echo "$m"; done
  done | sort -u
}

# node_install_members DIR [prod]: each member's dependencies into DIR (the root node_modules), and the member linked there by name.
node_install_members() {
  for m in $(node_workspace_members); do
    (cd "$m" && node_install_deps "$1" "$2") || exit 1
    write_marker "$1/$(json_get "$m/package.json" name)" .workspace-link "$m"
  done
}
