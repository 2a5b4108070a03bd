#!/usr/bin/env bash
# The live room, from one command on the facilitator's laptop (issue 15):
#   scripts/room.sh [MAP.json] [--port N] [--host H] [--public-host NAME] [--data DIR] [--quiet]
# Installs what is missing and builds the site (like scripts/serve.sh), then runs
# the room server (scripts/room_server.mjs) on port 8090 of every network address.
# With MAP it makes a room seeded with that map and prints the join link, the
# facilitator's link and a QR code; without, it prints the editor's address:
# open it and choose File > Start a live session. Stop it with Ctrl+C (every room
# is saved; start it again and the rooms are still there).
set -euo pipefail

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }

map=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --quiet) args+=("$1"); shift ;;
    --*=*) args+=("$1"); shift ;;
    --port|--host|--public-host|--data|--site|--max-peers|--max-message)
      [ $# -ge 2 ] || { echo "room.sh: $1 needs a value" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    -*) echo "room.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *)
      [ -z "$map" ] || { echo "room.sh: one map at a time ($map, $1)" >&2; exit 2; }
      [ -f "$1" ] || { echo "room.sh: no file $1" >&2; exit 2; }
      map=$(realpath -- "$1"); shift ;;   # before the cd below: the path is the caller's
  esac
done

cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh web
if [ -n "$map" ]; then
  bash scripts/build.sh native   # journeymap changes MAP: the map as the changes that seed the room
  args+=(--seed "$map")
fi
echo
exec node scripts/room_server.mjs "${args[@]}"
