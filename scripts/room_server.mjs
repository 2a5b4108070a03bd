#!/usr/bin/env node
// The live room's server (issue 15): one port on the facilitator's laptop that
// serves the editor's static site, the room API (room/http_api.mjs) and the rooms'
// websockets, where y-websocket's server keeps each room's Y.Doc in sync between
// the participants and the room store (room/doc_store.mjs) keeps it on disk.
//
//   node scripts/room_server.mjs [--port 8090] [--host 0.0.0.0] [--seed MAP.json] ...
//   (scripts/room.sh builds what is missing and runs this; --help lists the options)
//
// Needs Node 18 or later (Debian 12's node).
import http from "node:http";
import { existsSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { WebSocketServer } from "ws";
import sirv from "sirv";
import { readOptions, USAGE } from "./room/options.mjs";
import { RoomRegistry, ROOM_ID } from "./room/rooms.mjs";
import { DocStore } from "./room/doc_store.mjs";
import { Relay } from "./room/peers.mjs";
import { createApi } from "./room/http_api.mjs";
import { baseUrls, joinUrl, facilitatorUrl, qrMatrix, qrForTerminal, plainAddress } from "./room/network.mjs";

const require = createRequire(import.meta.url);

export const CLOSE_ROOM_ENDED = 4000;
const CLOSE_GOING_AWAY = 1001;
const CLOSE_SERVER_ERROR = 1011;

function timestamped(line) {
  return `[${new Date().toISOString().slice(11, 19)}] ${line}`;
}

// y-websocket's server module reads its environment when loaded: YPERSISTENCE
// would load LevelDB persistence and CALLBACK_URL would post every room's content
// to that address. The room keeps its data on this machine, so neither applies.
function loadYWebsocketServer() {
  delete process.env.YPERSISTENCE;
  delete process.env.CALLBACK_URL;
  return { utils: require("y-websocket/bin/utils"), Y: require("yjs") };
}

// The answer to a refused websocket upgrade: a plain HTTP response, no handshake.
function refuseUpgrade(socket, status) {
  const text = http.STATUS_CODES[status] ?? "Refused";
  socket.on("error", () => {});   // the peer may be gone already
  socket.once("finish", () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

function staticSite(dir, log) {
  if (!existsSync(dir)) {
    log(`no site at ${dir}: run 'bash scripts/build.sh web' (serving the API and the rooms only)`);
    return (_req, res) => { res.writeHead(404, { "content-type": "text/plain" }).end("no site built"); };
  }
  const serve = sirv(dir, { brotli: true, gzip: true, etag: true, single: false, dev: false });
  return (req, res) => serve(req, res, () => { res.writeHead(404, { "content-type": "text/plain" }).end("not found"); });
}

// Starts the server; resolves once it listens. One per process: y-websocket's
// server keeps its documents in module-level state.
export async function startRoomServer(options, { log = (l) => console.log(timestamped(l)) } = {}) {
  const { utils, Y } = loadYWebsocketServer();
  const registry = new RoomRegistry(options.data, log);
  const roomCount = registry.loadAll();
  const store = new DocStore({ dir: options.data, Y, log });
  utils.setPersistence({
    bindState: (id, doc) => store.bindState(id, doc),
    writeState: (id) => store.writeState(id),
  });
  const relay = new Relay({ log, maxMessage: options.maxMessage });
  const peersByRoom = new Map();   // room id -> Set of PeerConnection
  const peersOf = (id) => peersByRoom.get(id) ?? new Set();
  const peerLog = options.quiet ? () => {} : log;
  let port = options.port;

  const links = {
    bases: () => baseUrls(options, port),
    join: (id, key) => joinUrl(links.bases()[0], id, key),
    owner: (id, key, owner) => facilitatorUrl(links.bases()[0], id, key, owner),
    qr: qrMatrix,
  };

  const rooms = {
    create(title) {
      const created = registry.create(title);
      log(`room ${created.record.id}: created "${created.record.title}"`);
      return created;
    },
    // Marks it ended on disk, saves its document, and closes every connection.
    end(record, by) {
      if (!record.ended) registry.markEnded(record);
      store.compact(record.id);
      const peers = [...peersOf(record.id)];
      for (const peer of peers) peer.close(CLOSE_ROOM_ENDED, "room ended");
      log(`room ${record.id}: ended by ${by} (${peers.length} peers closed)`);
    },
  };

  function stats() {
    const usage = process.cpuUsage();
    const memory = process.memoryUsage();
    let peers = 0;
    for (const set of peersByRoom.values()) peers += set.size;
    return {
      rooms: registry.openCount(), activeRooms: [...peersByRoom.values()].filter((s) => s.size > 0).length, peers,
      rssBytes: memory.rss, heapUsedBytes: memory.heapUsed,
      cpuUserMicros: usage.user, cpuSystemMicros: usage.system,
      ...relay.stats,
    };
  }

  const api = createApi({ registry, store, rooms, links, stats, log });
  const site = staticSite(options.site, log);
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessage, clientTracking: false });

  function admit(ws, req, id, address) {
    const peer = relay.connection(ws, { room: id, address });
    if (!peersByRoom.has(id)) peersByRoom.set(id, new Set());
    const peers = peersByRoom.get(id);
    peers.add(peer);
    peer.on("close", () => {
      peers.delete(peer);
      if (peers.size === 0) peersByRoom.delete(id);
      peerLog(`room ${id}: ${address} left (${peers.size} peers)`);
    });
    try {
      utils.setupWSConnection(peer, req, { docName: id, gc: true });
    } catch (err) {
      // The room's files could not be read or opened (bindState): nobody gets a half-loaded room.
      log(`room ${id}: persistence error: cannot open the room: ${err.message}`);
      peer.close(CLOSE_SERVER_ERROR, "room unavailable");
      return;
    }
    peerLog(`room ${id}: ${address} joined (${peers.size} peers)`);
  }

  // Checks an upgrade on /rooms/<id>?key=<secret>; refuses with a status, or admits.
  function onUpgrade(req, socket, head) {
    const address = plainAddress(req.socket.remoteAddress);
    let url = null;
    try { url = new URL(req.url, "http://room"); } catch { /* refused below */ }
    const id = url && /^\/rooms\/([^/]+)$/.exec(url.pathname)?.[1];
    const record = registry.get(id);
    const refuse = (status, reason) => {
      log(`room ${ROOM_ID.test(id ?? "") ? id : "?"}: refused ${reason} from ${address}`);
      refuseUpgrade(socket, status);
    };
    if (!record) return refuse(404, "unknown room");
    const key = url.searchParams.get("key");
    if (!registry.keyMatches(record, key)) return refuse(401, key ? "wrong key" : "missing key");
    if (record.ended) return refuse(410, "ended room");
    if (peersOf(record.id).size >= options.maxPeers) return refuse(503, `full room (${options.maxPeers} peers)`);
    wss.handleUpgrade(req, socket, head, (ws) => admit(ws, req, record.id, address));
  }

  const server = http.createServer((req, res) => {
    let url;
    try { url = new URL(req.url, "http://room"); } catch { res.writeHead(400).end(); return; }
    api(req, res, url)
      .then((handled) => { if (!handled) site(req, res); })
      .catch((err) => {
        log(`http: ${req.method} ${url.pathname}: ${err.message}`);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("server error");
        else res.destroy();
      });
  });
  server.on("upgrade", onUpgrade);

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => { server.off("error", reject); resolve(); });
  });
  port = server.address().port;
  log(`room server: listening on ${options.host}:${port}, ${roomCount} rooms in ${options.data}`);

  // Saves every open room and closes everything; the caller exits.
  function stop() {
    store.flushAll();
    for (const peers of peersByRoom.values()) for (const peer of peers) peer.close(CLOSE_GOING_AWAY, "server stopping");
    server.close();
  }

  return { server, port, links, rooms, registry, store, stats, stop };
}

// What the facilitator needs to know before anyone joins.
function printNetworkNote(running) {
  console.log(`\nThe site, the rooms and their data stay on this machine; participants' machines must reach it`);
  console.log(`on TCP port ${running.port} (allow it in this machine's firewall if it has one).`);
  console.log(`This server answers on: ${running.links.bases().join("  ")}`);
}

async function printRoomLinks(running, { record, key, owner }) {
  const join = running.links.join(record.id, key);
  console.log(`\nRoom "${record.title}" (${record.id})`);
  console.log(`  Participants join with: ${join}`);
  console.log(`  Facilitator link (keep it to yourself, it can end the room):\n    ${running.links.owner(record.id, key, owner)}`);
  console.log(`\n${await qrForTerminal(join)}`);
}

function printEditorAddress(running) {
  console.log(`\nOn this machine open http://127.0.0.1:${running.port}/ and choose File > Start a live session.`);
}

async function seedRoom(running, mapPath) {
  const { seedFromMap } = await import("./room/seed.mjs");
  const seed = await seedFromMap(mapPath);
  const created = running.rooms.create(seed.title);
  running.store.writeInitialState(created.record.id, seed.update);
  return created;
}

async function main() {
  let options;
  try {
    options = readOptions();
  } catch (err) {
    console.error(`room_server: ${err.message}\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) { console.log(USAGE); return; }
  let running;
  try {
    running = await startRoomServer(options);
  } catch (err) {
    const hint = err.code === "EADDRINUSE" ? ` (port ${options.port} is in use: stop what uses it or pick another with --port N)` : "";
    console.error(`room_server: cannot start: ${err.message}${hint}`);
    process.exit(1);
  }
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      running.stop();
      console.log(timestamped(`room server: ${signal}: every room saved, stopping`));
      setImmediate(() => process.exit(0));
    });
  }
  printNetworkNote(running);
  if (!options.seed) { printEditorAddress(running); return; }
  try {
    await printRoomLinks(running, await seedRoom(running, options.seed));
  } catch (err) {
    console.error(`room_server: cannot make a room from ${options.seed}: ${err.message}`);
    running.stop();
    process.exit(1);
  }
}

// Run as a program (not imported): compare real paths, since the loader resolves symlinks and argv does not.
const isMain = () => {
  try { return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url); } catch { return false; }
};
if (process.argv[1] && isMain()) main();
