#!/bin/sh
# install-deps.sh: install what Tangent needs to build, run and test on
# Debian 12, with apt-get. Idempotent: when everything is there it only
# checks (well under a second) and changes nothing.
#
# Usage: build-aux/install-deps.sh [build|test]
#   build  what the application needs (default)
#   test   also what the test suite needs (Xvfb, a decimal-comma locale,
#          clang for the fuzz targets)
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

want=${1:-build}

packages="meson ninja-build pkg-config gcc gettext
libglib2.0-dev libgtk-4-dev libadwaita-1-dev adwaita-icon-theme libepoxy-dev
libcairo2-dev libpango1.0-dev libsleef-dev libgsl-dev libjansson-dev
desktop-file-utils appstream"

if [ "$want" = test ]; then
  packages="$packages xvfb xauth locales fonts-dejavu-core clang libclang-rt-14-dev
poppler-utils imagemagick"
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "install-deps: need root to run: $*" >&2
    echo "install-deps: run this script as root, or install sudo" >&2
    exit 1
  fi
}

missing=""
for p in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *" installed") ;;
    *) missing="$missing $p" ;;
  esac
done

if [ -n "$missing" ]; then
  echo "install-deps: installing:$missing"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

# The tests run with LC_NUMERIC=de_DE.UTF-8, whose decimal separator is a
# comma, to prove that no number depends on the locale.
if [ "$want" = test ] && ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  echo "install-deps: generating the de_DE.UTF-8 locale"
  as_root localedef -i de_DE -f UTF-8 de_DE.UTF-8
fi
