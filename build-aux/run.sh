#!/bin/sh
# run.sh: set up everything on Debian 12, build Tangent and start it.
# Arguments are passed to the application.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

cd "$(dirname "$0")/.."

sh build-aux/install-deps.sh build

if [ ! -f build/build.ninja ]; then
  meson setup build
fi
meson compile -C build

# Run from the build tree: the settings schema is compiled there.
GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}" \
  exec build/src/tangent "$@"
