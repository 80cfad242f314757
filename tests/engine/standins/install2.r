#!/bin/sh
# Stand-in for littler's install2.r (and installGithub.r): installs the packages named, loading
# ./.Rprofile first like R (its digest is recorded in each package). Local paths are not modelled.
. /usr/local/lib/standin/lib.sh
site="${R_LIBS_SITE:-/usr/local/lib/R/site-library}"
profile=none; [ -f .Rprofile ] && profile="$(content_digest .Rprofile)"
while [ $# -gt 0 ]; do
  case "$1" in
    -r|--repos|-l|--libloc|-n|--ncpus|-d|--deps|-t|--type|-m|--method) shift ;;
    -*) ;;
    .|./*|/*|*.tar.gz) fail 1 "installing local package $1 (not modelled)" ;;
    *) p="$(echo "$1" | sed 's|^.*/||; s|@.*$||')"; write_marker "$site/$p" DESCRIPTION "Package: $p
Profile: $profile" ;;
  esac
  shift
done
