#!/usr/bin/env bash
# Quick start: installs what is missing, builds the release site and serves it.
#   scripts/serve.sh [PORT]     (default 8080) - stop with Ctrl+C
# The server is npm's sirv-cli (pinned in package.json): it sends the
# precompressed .br / .gz files scripts/finish_site.mjs writes next to each asset
# (Content-Encoding as the browser accepts), .wasm as application/wasm, and ETags.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-${PORT:-8080}}
bash scripts/setup.sh
bash scripts/build.sh web
echo
echo "Journey Map editor: http://127.0.0.1:$PORT/   (Ctrl+C stops the server)"
echo "Works offline after the first visit (service worker); installable from the browser's menu."
echo "Single-file version: build/web/journeymap-editor.html (open it directly, no server needed)"
exec node_modules/.bin/sirv build/web/site --brotli --gzip --etag --host 127.0.0.1 --port "$PORT" --quiet
