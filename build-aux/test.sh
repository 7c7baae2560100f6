#!/bin/sh
# test.sh: set up everything on Debian 12, build Tangent and run the whole
# test suite; the UI tests get a virtual X display from xvfb-run. Exits
# non-zero when any test fails.
#
# Usage: build-aux/test.sh [BUILDDIR [MESON-SETUP-OPTION…]]
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

cd "$(dirname "$0")/.."

builddir=${1:-build}
[ $# -gt 0 ] && shift

sh build-aux/install-deps.sh test

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$@"
fi
meson compile -C "$builddir"

xvfb-run -a -s '-screen 0 1600x1000x24' \
  meson test -C "$builddir" --print-errorlogs --num-processes 2
