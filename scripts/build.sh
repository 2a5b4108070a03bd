#!/usr/bin/env bash
# Builds one or both builds: `scripts/build.sh native`, `scripts/build.sh web`, or both
# with no argument. Build folders: build/native and build/web (the static site is
# build/web/site).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # emcc's JS optimizer needs Debian's acorn
JOBS=${JOBS:-$(nproc)}

build_native() {
  [ -f build/native/build.ninja ] || cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j "$JOBS"
}

build_web() {
  [ -f build/web/build.ninja ] || emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/web -j "$JOBS"
  python3 scripts/single_file.py build/web/site build/web/journeymap-editor.html
}

case "${1:-all}" in
  native) build_native ;;
  web) build_web ;;
  all) build_native; build_web ;;
  *) echo "usage: scripts/build.sh [native|web|all]" >&2; exit 2 ;;
esac
