#!/usr/bin/env bash
# Quick start: installs what is missing, builds the editor and serves it.
#   scripts/serve.sh [PORT]     (default 8080) - stop with Ctrl+C
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-${PORT:-8080}}
bash scripts/setup.sh
bash scripts/build.sh web
echo
echo "Journey Map editor: http://127.0.0.1:$PORT/   (Ctrl+C stops the server)"
echo "Single-file version: build/web/journeymap-editor.html (open it directly, no server needed)"
cd build/web/site
exec python3 -m http.server --bind 127.0.0.1 "$PORT"
