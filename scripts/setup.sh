#!/usr/bin/env bash
# Installs what the project needs on a Debian 12 machine, as root.
# Idempotent: each step checks first and does nothing when its part is present,
# so running it before every build costs about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

IMGUI_VERSION="1.92.2b"          # Dear ImGui release the editor is written against
IMGUI_DEB_VERSION="1.92.2b+ds-1" # Debian source package that carries it
THIRD_PARTY="third_party"        # git-ignored; fetched sources live here

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git xz-utils ca-certificates
  emscripten nlohmann-json3-dev catch2
  chromium fonts-inter fonts-droid-fallback fonts-font-awesome
  # pyftsubset (Debian's fonttools) cuts the fonts into the subsets the site
  # serves (CMakeLists.txt, "The static site"); nothing font-related is vendored.
  fonttools
  dpkg-dev
  # Sanitizer build (scripts/test.sh) and fuzzing (scripts/fuzz.sh): clang, its
  # runtimes (ASan, UBSan, libFuzzer; apt's --no-install-recommends would skip
  # them) and llvm-symbolizer for file:line in reports.
  clang-14 libclang-rt-14-dev llvm-14
  # The site's precompressed copies (scripts/finish_site.mjs): brotli -q 11 and
  # zopfli for .gz; the web app's PNG icons drawn from web/favicon.svg (rsvg-convert).
  brotli zopfli librsvg2-bin
)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

missing_packages() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

need_root() {
  if [ "$(id -u)" != 0 ]; then
    echo "setup: installing Debian packages needs root (run as root or with sudo)." >&2
    exit 1
  fi
}

install_debian_packages() {
  local missing
  missing=$(missing_packages)
  if [ -z "$missing" ]; then say "Debian packages present"; return; fi
  need_root
  say "installing:" $missing
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# Dear ImGui's sources come from Debian's *source* package (the binary package is
# 1.86 and ships no imgui.cpp). That needs a deb-src entry for the suites that carry it.
add_deb_src() {
  local f=/etc/apt/sources.list.d/journeymap-src.sources
  [ -f "$f" ] && return 0
  need_root
  cat > "$f" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm trixie sid
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt-get update -qq
}

fetch_imgui() {
  local dest="$THIRD_PARTY/imgui"
  if [ -f "$dest/imgui.cpp" ] && grep -q "\"$IMGUI_VERSION\"" "$dest/imgui.h"; then
    say "Dear ImGui $IMGUI_VERSION present"; return
  fi
  add_deb_src
  local tmp; tmp=$(mktemp -d)
  say "fetching Dear ImGui $IMGUI_VERSION from Debian's source package"
  if ! (cd "$tmp" && apt-get source --download-only -qq "imgui=$IMGUI_DEB_VERSION" >/dev/null 2>&1); then
    # apt lists may be stale: refresh once and try again
    apt-get update -qq
    if ! (cd "$tmp" && apt-get source --download-only -qq "imgui=$IMGUI_DEB_VERSION"); then
      echo "setup: Debian no longer serves the source package imgui=$IMGUI_DEB_VERSION." >&2
      echo "       See which versions exist with: apt-cache showsrc imgui | grep ^Version" >&2
      echo "       then change IMGUI_VERSION and IMGUI_DEB_VERSION in scripts/setup.sh." >&2
      exit 1
    fi
  fi
  local orig; orig=$(ls "$tmp"/imgui_*.orig.tar.* | head -n1)
  rm -rf "$dest"; mkdir -p "$dest"
  tar -xf "$orig" -C "$dest" --strip-components=1
  rm -rf "$tmp"
  grep -q "\"$IMGUI_VERSION\"" "$dest/imgui.h" || { echo "setup: unpacked ImGui is not $IMGUI_VERSION" >&2; exit 1; }
}

install_npm_packages() {
  if [ -d node_modules/playwright-core ] && [ -d node_modules/workbox-build ] && [ -d node_modules/sirv-cli ] &&
     [ node_modules/.package-lock.json -nt package-lock.json ]; then
    say "npm packages present"; return
  fi
  say "installing npm packages (package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
}

install_debian_packages
fetch_imgui
install_npm_packages
say "done"
