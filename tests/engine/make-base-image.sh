#!/usr/bin/env bash
# Builds the engine suite's base image: a root filesystem holding busybox-static and the
# stand-in package managers, imported with `docker import` (no registry is reachable) and
# tagged under every name in images.txt. Safe to run repeatedly: the import is skipped when
# docker-reorder/base:<content hash> already exists.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/env.sh"
export DOCKER_HOST="$ENGINE_HOST"

busybox_bin="${BUSYBOX:-/bin/busybox}"
if ! file -L "$busybox_bin" 2>/dev/null | grep -q 'statically linked'; then
  # `file` may be missing on a fresh machine; ldd is the fallback check for a static binary.
  if ldd "$busybox_bin" >/dev/null 2>&1; then
    echo "make-base-image.sh: $busybox_bin is not static (apt-get install busybox-static)" >&2
    exit 2
  fi
fi

# The content hash names the image, so an unchanged rootfs is never re-imported.
content_hash="$( (sha256sum "$busybox_bin" "$0" "$here/images.txt" "$here/stubbed-commands.txt" | cut -d' ' -f1; cd "$here/standins" && find . -type f | LC_ALL=C sort | xargs sha256sum) | sha256sum | cut -c1-16)"
# The hash is the image's own tag: a label would be inherited by every image built from it.
hash_tag="docker-reorder/base:$content_hash"
if "$DOCKER_CLIENT" image inspect "$hash_tag" >/dev/null 2>&1; then
  image_id="$("$DOCKER_CLIENT" image inspect --format '{{.Id}}' "$hash_tag")"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  root="$work/rootfs"
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,usr/local/lib,etc,root,tmp,var/log,var/cache,var/lib,home,dev,proc,sys,run}
  chmod 1777 "$root/tmp"
  chmod 700 "$root/root"
  cp "$busybox_bin" "$root/bin/busybox"
  # Relative links: `busybox --install -s` would point them at this temporary folder's path.
  for applet in $("$root/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
  done
  ln -sf /bin/env "$root/usr/bin/env"
  # Stand-ins replace any busybox applet of the same name.
  for f in "$here"/standins/*; do
    name="$(basename "$f")"
    case "$name" in
      *.sh|*.awk) mkdir -p "$root/usr/local/lib/standin"; cp "$f" "$root/usr/local/lib/standin/$name" ;;
      *) cp "$f" "$root/usr/local/bin/$name"; chmod 755 "$root/usr/local/bin/$name"; rm -f "$root/bin/$name" ;;
    esac
  done
  # Stubs for the commands no stand-in models (stubbed-commands.txt): record the arguments, succeed.
  grep -v '^[[:space:]]*\(#\|$\)' "$here/stubbed-commands.txt" | while read -r name; do
    [ -e "$root/usr/local/bin/$name" ] && continue
    printf '#!/bin/sh\n# Stub (tests/engine/stubbed-commands.txt): records its arguments and succeeds.\n. /usr/local/lib/standin/lib.sh\nrecord %s "$@"\n' "$name" >"$root/usr/local/bin/$name"
    chmod 755 "$root/usr/local/bin/$name"
    rm -f "$root/bin/$name"
  done
  # Dockerfiles that name bash (SHELL ["/bin/bash", ...]) get busybox's ash, the closest shell there is.
  printf '#!/bin/sh\nexec /bin/sh "$@"\n' >"$root/bin/bash"
  chmod 755 "$root/bin/bash"
  cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
node:x:1000:1000:node:/home/node:/bin/sh
app:x:1654:1654:app:/home/app:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
  cat >"$root/etc/group" <<'GROUP'
root:x:0:
daemon:x:1:
www-data:x:33:
node:x:1000:
app:x:1654:
nogroup:x:65534:
GROUP
  mkdir -p "$root/home/node" && chown 1000:1000 "$root/home/node"
  # The .NET 8+ images' non-root user, and composer where the composer image keeps it (COPY --from=composer).
  mkdir -p "$root/home/app" && chown 1654:1654 "$root/home/app"
  ln -s /usr/local/bin/composer "$root/usr/bin/composer"
  echo 'standin' >"$root/etc/hostname"
  # Fixed mtimes and ordering make the tarball, and so the image id, reproducible.
  tar --sort=name --mtime='2000-01-01 00:00:00Z' --numeric-owner -C "$root" -cf "$work/rootfs.tar" .
  image_id="$("$DOCKER_CLIENT" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["/bin/sh"]' \
    "$work/rootfs.tar")"
fi

"$DOCKER_CLIENT" tag "$image_id" "$hash_tag"
# Older base images (other content hashes) only take space once the tags move.
for old in $("$DOCKER_CLIENT" images docker-reorder/base --format '{{.Tag}}'); do
  case "$old" in latest|"$content_hash") ;; *) "$DOCKER_CLIENT" rmi "docker-reorder/base:$old" >/dev/null 2>&1 || true ;; esac
done
image_work="$(mktemp -d)"
grep -v '^[[:space:]]*\(#\|$\)' "$here/images.txt" | while IFS= read -r line; do
  name="${line%%|*}"; name="$(echo "$name" | tr -d ' ')"
  case "$line" in
    *'|'*)
      # `name | ENV K=V | WORKDIR /x`: the base image with the configuration the real image has (its ENV and WORKDIR
      # change what a Dockerfile's variables and relative paths mean), built from the local base without a registry.
      echo "FROM $hash_tag" >"$image_work/Dockerfile"
      echo "${line#*|}" | tr '|' '\n' | sed 's/^ *//' >>"$image_work/Dockerfile"
      DOCKER_BUILDKIT=0 "$DOCKER_CLIENT" build -q --network none -t "$name" -f "$image_work/Dockerfile" "$image_work" >/dev/null ;;
    *) "$DOCKER_CLIENT" tag "$image_id" "$name" ;;
  esac
done
rm -rf "$image_work"
echo "$image_id"
