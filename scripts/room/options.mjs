// Command-line options of scripts/room_server.mjs, with their defaults.
import { parseArgs } from "node:util";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// The repository root: the folder above scripts/.
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export const USAGE = `usage: node scripts/room_server.mjs [options]
  --port N           port of the site, the API and the rooms (default 8090; 0 = any free port)
  --host H           address to listen on (default 0.0.0.0: reachable from the room's network)
  --public-host NAME host name or address used in the links (default: this machine's first LAN IPv4)
  --site DIR         the static site to serve (default build/web/site)
  --data DIR         where rooms are kept (default $XDG_DATA_HOME/journeymap/rooms
                     or ~/.local/share/journeymap/rooms)
  --seed MAP.json    create a room seeded with that map and print its links and QR code
  --max-peers N      connections allowed in one room (default 200)
  --max-message N    largest websocket message in bytes (default 4194304 = 4 MiB)
  --quiet            no line per participant joining or leaving
  -h, --help         this help`;

function defaultDataDir(env) {
  const base = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(base, "journeymap", "rooms");
}

function wholeNumber(name, text, min) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} wants a whole number >= ${min}, not '${text}'`);
  return n;
}

// Throws an Error with a message for the user on a bad option.
export function readOptions(argv = process.argv.slice(2), env = process.env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" }, host: { type: "string" }, "public-host": { type: "string" },
      site: { type: "string" }, data: { type: "string" }, seed: { type: "string" },
      "max-peers": { type: "string" }, "max-message": { type: "string" },
      quiet: { type: "boolean" }, help: { type: "boolean", short: "h" },
    },
    strict: true, allowPositionals: false,
  });
  const port = wholeNumber("port", values.port ?? "8090", 0);
  if (port > 65535) throw new Error(`--port wants a port number (0-65535), not '${values.port}'`);
  return {
    help: !!values.help,
    port,
    host: values.host ?? "0.0.0.0",
    publicHost: values["public-host"] ?? null,
    site: values.site ? resolve(values.site) : join(ROOT, "build", "web", "site"),
    data: resolve(values.data ?? defaultDataDir(env)),
    seed: values.seed ? resolve(values.seed) : null,
    maxPeers: wholeNumber("max-peers", values["max-peers"] ?? "200", 1),
    maxMessage: wholeNumber("max-message", values["max-message"] ?? "4194304", 1024),
    quiet: !!values.quiet,
  };
}
