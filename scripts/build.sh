#!/usr/bin/env bash
# Builds the editor: `scripts/build.sh [native|web|web-test|all]` (all when no argument).
#   native    build/native: the CLI, the unit tests, the benchmarks
#   web       build/web: the release site users get, no test hooks, no debug code
#             (JM_TEST_HOOKS=OFF, Release: NDEBUG, -sASSERTIONS=0). The static site
#             is build/web/site, the single file build/web/journeymap-editor.html.
#   web-test  build/web-test: the same sources with the test hooks on
#             (IMGUI_ENABLE_TEST_ENGINE), which the browser tests drive
#             (build/web-test/site, build/web-test/journeymap-editor.html).
#   all       native, web and web-test.
# After each web build, scripts/finish_site.mjs adds the PWA files (manifest,
# icons, service worker with the precache list) and the precompressed .br/.gz
# copies to the site, then scripts/single_file.py packs the single file.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # emcc's JS optimizer needs Debian's acorn
JOBS=${JOBS:-$(nproc)}

build_native() {
  [ -f build/native/build.ninja ] || cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j "$JOBS"
}

# build_web DIR HOOKS(ON|OFF)
build_web_tree() {
  local dir=$1 hooks=$2 start
  start=$(date +%s)
  # (Re)configure when the tree is new or was configured with the other hooks setting.
  if [ ! -f "$dir/build.ninja" ] || ! grep -q "^JM_TEST_HOOKS:BOOL=$hooks\$" "$dir/CMakeCache.txt"; then
    local extra=()
    # The release build states what Release implies for emcc (no runtime assertions).
    [ "$hooks" = OFF ] && extra+=("-DCMAKE_EXE_LINKER_FLAGS=-sASSERTIONS=0")
    emcmake cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DJM_TEST_HOOKS="$hooks" "${extra[@]}" >/dev/null
  fi
  cmake --build "$dir" -j "$JOBS"
  node scripts/finish_site.mjs "$dir/site"
  python3 scripts/single_file.py "$dir/site" "$dir/journeymap-editor.html"
  echo "($dir built in $(( $(date +%s) - start )) s)"
}

build_web() { build_web_tree build/web OFF; }
build_web_test() { build_web_tree build/web-test ON; }

case "${1:-all}" in
  native) build_native ;;
  web) build_web ;;
  web-test) build_web_test ;;
  all) build_native; build_web; build_web_test ;;
  *) echo "usage: scripts/build.sh [native|web|web-test|all]" >&2; exit 2 ;;
esac
