// The live room's server alone (scripts/room_server.mjs, issue 15): started as a
// child process on a free port of 127.0.0.1 with a temporary data folder, driven
// over real websockets by Node clients with yjs and y-websocket's own provider.
// Rooms and their links, refusals (unknown room, wrong key, ended, full),
// oversized and undecodable messages, persistence through SIGKILL and SIGTERM,
// ending a room, and a room seeded from a map file.
//
// No fixed sleeps: every wait polls for a state (a log line, a synced provider,
// equal documents) up to a generous deadline that only a failure reaches.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { brotliCompressSync } from "node:zlib";
import { createRequire } from "node:module";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { isThisMachine } from "../../scripts/room/network.mjs";

const require = createRequire(import.meta.url);
const QRCode = require("qrcode");

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
const SERVER = join(ROOT, "scripts", "room_server.mjs");
const BRIDGE = join(ROOT, "web", "room", "bridge.mjs");
const JOURNEYMAP = join(resolve(process.env.JM_NATIVE_BUILD ?? join(ROOT, "build", "native")), "journeymap");
const TIMEOUT = Number(process.env.JM_E2E_TIMEOUT_MS ?? 30000);
const MAX_MESSAGE = 4 * 1024 * 1024;

// Every y-websocket provider listens for the process's exit; these tests open a few dozen.
process.setMaxListeners(100);

const scratch = mkdtempSync(join(tmpdir(), "jm-room-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

// Polls `check` until it returns something truthy; fails after the deadline.
async function waitFor(check, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// A small static site: a page, a script and the script's brotli copy.
function makeSite() {
  const dir = mkdtempSync(join(scratch, "site-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Journey Map</title>");
  const script = "console.log('journey map');\n".repeat(100);
  writeFileSync(join(dir, "app.js"), script);
  writeFileSync(join(dir, "app.js.br"), brotliCompressSync(script));
  return dir;
}
const SITE = makeSite();

// The server as a child process; `lines` is everything it printed.
class RoomServer {
  static async start({ data = mkdtempSync(join(scratch, "rooms-")), port = 0, args = [] } = {}) {
    const server = new RoomServer(data);
    server.child = spawn(process.execPath,
      [SERVER, "--port", String(port), "--host", "127.0.0.1", "--data", data, "--site", SITE, ...args],
      { stdio: ["ignore", "pipe", "pipe"] });
    server.exited = new Promise((ok) => server.child.once("exit", (code, signal) => ok({ code, signal })));
    for (const stream of [server.child.stdout, server.child.stderr]) {
      stream.setEncoding("utf8");
      let partial = "";
      stream.on("data", (text) => {
        const parts = (partial + text).split("\n");
        partial = parts.pop();
        server.lines.push(...parts);
      });
    }
    const line = await server.waitForLine(/listening on 127\.0\.0\.1:(\d+)/, "the server listening");
    server.port = Number(/127\.0\.0\.1:(\d+)/.exec(line)[1]);
    return server;
  }

  constructor(data) {
    this.data = data;
    this.lines = [];
  }

  get base() { return `http://127.0.0.1:${this.port}/`; }
  output() { return this.lines.join("\n"); }

  waitForLine(pattern, what) {
    return waitFor(() => this.lines.find((l) => pattern.test(l)), `${what} (${pattern}) in the server's output:\n${this.output()}`);
  }

  async stop(signal = "SIGTERM") {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }

  api(path, init) { return fetch(new URL(path, this.base), init); }

  async createRoom(title = "Workshop", headers = {}) {
    const r = await this.api("/api/rooms", {
      method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ title }),
    });
    assert.equal(r.status, 201, `create room: ${r.status}`);
    return r.json();
  }

  // The room's document as the server holds it, as plain JSON.
  async stateOf(room, key, name = "t") {
    const r = await this.api(`/api/rooms/${room}/state?key=${encodeURIComponent(key)}`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("content-type"), "application/octet-stream");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await r.arrayBuffer()));
    const json = doc.getMap(name).toJSON();
    doc.destroy();
    return json;
  }
}

const servers = [];
async function startServer(options) {
  const server = await RoomServer.start(options);
  servers.push(server);
  return server;
}
after(async () => { for (const s of servers) await s.stop("SIGKILL"); });

// A participant: a Y.Doc synced through y-websocket's provider (no
// BroadcastChannel, so everything goes through the server).
const clients = [];
function participant(server, room, key) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/rooms`, room, doc, {
    params: { key }, WebSocketPolyfill: WebSocket, disableBc: true, maxBackoffTime: 500,
  });
  const closeCodes = [];
  provider.on("connection-close", (event) => { if (event) closeCodes.push(event.code); });
  const client = {
    doc, provider, closeCodes, map: doc.getMap("t"),
    synced: () => waitFor(() => provider.synced, `client of room ${room} synced`),
    close() { provider.destroy(); doc.destroy(); },
  };
  clients.push(client);
  return client;
}
after(() => { for (const c of clients) c.close(); });

const sameJson = (a, b) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
}
const allEqual = (docs) => docs.every((d) => sameJson(d.map.toJSON(), docs[0].map.toJSON()));

// A bare websocket (no Yjs) on `path`.
function rawSocket(server, path) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
  ws.on("error", () => {});   // a refused or cut connection; the tests read the close code
  ws.opened = new Promise((ok, fail) => { ws.once("open", ok); ws.once("close", () => fail(new Error("closed before open"))); });
  ws.closed = new Promise((ok) => ws.once("close", (code) => ok(code)));
  return ws;
}

// The HTTP status of a refused websocket upgrade (fails if it is accepted).
function upgradeStatus(server, path) {
  return new Promise((ok, fail) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
    ws.once("open", () => { ws.terminate(); fail(new Error(`${path} was accepted`)); });
    ws.once("error", (err) => {
      const status = /Unexpected server response: (\d+)/.exec(err.message);
      if (status) ok(Number(status[1]));
      else fail(err);
    });
  });
}

const roomPath = (room, key) => `/rooms/${room}${key === undefined ? "" : `?key=${encodeURIComponent(key)}`}`;

let main;   // the server most tests share
before(async () => { main = await startServer(); });

test("the API says it is a room server, creates rooms with a link and a QR code, and keeps no secret on disk", async () => {
  const about = await (await main.api("/api/room-server")).json();
  assert.equal(about.server, "journeymap-room");
  assert.equal(about.version, 1);
  assert.deepEqual(about.links, [main.base]);

  const room = await main.createRoom("Onboarding workshop");
  assert.match(room.room, /^[0-9a-z]{12}$/);
  assert.match(room.key, /^[A-Za-z0-9_-]{43}$/);      // 32 random bytes, base64url
  assert.match(room.owner, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(room.key, room.owner);
  assert.equal(room.joinUrl, `${main.base}?room=${room.room}#key=${room.key}`);
  const qr = QRCode.create(room.joinUrl, { errorCorrectionLevel: "M" }).modules;
  assert.equal(room.qr.size, qr.size);
  assert.equal(room.qr.modules, Array.from(qr.data, (m) => (m ? "1" : "0")).join(""));

  const link = await main.api(`/api/rooms/${room.room}/link?key=${encodeURIComponent(room.key)}`);
  assert.equal(link.status, 200);
  assert.deepEqual(await link.json(), { joinUrl: room.joinUrl, qr: room.qr });
  assert.equal((await main.api(`/api/rooms/${room.room}/link?key=wrong`)).status, 401);
  assert.equal((await main.api(`/api/rooms/${room.room}/link`)).status, 401);
  assert.equal((await main.api(`/api/rooms/zzzzzzzzzzzz/link?key=${room.key}`)).status, 404);
  assert.equal((await main.api(`/api/rooms/${room.room}/state?key=wrong`)).status, 401);
  const unknown = await main.api("/api/nothing");
  assert.equal(unknown.status, 404);
  assert.ok((await unknown.json()).error);
  assert.equal((await main.api("/api/rooms", { method: "GET" })).status, 405);

  const record = JSON.parse(readFileSync(join(main.data, `${room.room}.json`), "utf8"));
  assert.equal(record.title, "Onboarding workshop");
  assert.equal(record.ended, false);
  assert.match(record.secretHash, /^[0-9a-f]{64}$/);
  assert.match(record.ownerHash, /^[0-9a-f]{64}$/);
  const onDisk = readFileSync(join(main.data, `${room.room}.json`), "utf8");
  assert.ok(!onDisk.includes(room.key) && !onDisk.includes(room.owner), "the secret and the token are not stored");
  await main.waitForLine(new RegExp(`room ${room.room}: created "Onboarding workshop"`), "the room created");
  assert.ok(!main.output().includes(room.key) && !main.output().includes(room.owner), "the log has no secret");
});

test("creating a room: bad bodies, other sites and other machines are refused", async () => {
  const post = (body, headers = {}) => main.api("/api/rooms", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const tooBig = await post(JSON.stringify({ title: "x".repeat(70 * 1024) }));
  assert.equal(tooBig.status, 413);
  assert.equal((await post("{not json")).status, 400);
  assert.equal((await post("[1,2]")).status, 400);
  const foreign = await post("{}", { origin: "http://attacker.example" });
  assert.equal(foreign.status, 403);
  assert.match((await foreign.json()).error, /editor/);
  const sameSite = await post(JSON.stringify({ title: "  " }), { origin: main.base.slice(0, -1) });
  assert.equal(sameSite.status, 201);
  // Only the facilitator's machine creates rooms: loopback and its own addresses pass, others not.
  assert.equal(isThisMachine("127.0.0.1"), true);
  assert.equal(isThisMachine("::ffff:127.0.0.1"), true);
  assert.equal(isThisMachine("::1"), true);
  assert.equal(isThisMachine("203.0.113.77"), false);
  assert.equal(isThisMachine("::ffff:198.51.100.9"), false);
});

test("the static site is served with its precompressed copies; the figures come from loopback", async () => {
  const page = await main.api("/");
  assert.equal(page.status, 200);
  assert.match(page.headers.get("content-type"), /text\/html/);
  assert.match(await page.text(), /Journey Map/);
  // Node's fetch asks for br and decodes it: the encoding header says which copy came.
  const script = await main.api("/app.js", { headers: { "accept-encoding": "br" } });
  assert.equal(script.headers.get("content-encoding"), "br");
  assert.ok(script.headers.get("etag"));
  assert.match(await script.text(), /journey map/);
  assert.equal((await main.api("/missing.js")).status, 404);

  const stats = await (await main.api("/api/room-server/stats")).json();
  for (const field of ["rooms", "peers", "rssBytes", "heapUsedBytes", "cpuUserMicros", "cpuSystemMicros", "bytesIn", "bytesOut"]) {
    assert.equal(typeof stats[field], "number", field);
  }
  assert.ok(stats.rssBytes > 1e6 && stats.cpuUserMicros > 0);
});

test("two participants sync through the server, which holds the same document", async () => {
  const room = await main.createRoom("Sync");
  const a = participant(main, room.room, room.key);
  const b = participant(main, room.room, room.key);
  await Promise.all([a.synced(), b.synced()]);
  const before = await (await main.api("/api/room-server/stats")).json();
  a.map.set("card-1", { title: "Sign up", friction: 2 });
  b.map.set("card-2", { title: "Onboarding call", friction: 4 });
  await waitFor(() => allEqual([a, b]) && a.map.size === 2, "both cards at both participants");
  await waitFor(async () => sameJson(await main.stateOf(room.room, room.key), a.map.toJSON()), "the server's state equal to theirs");
  const stats = await (await main.api("/api/room-server/stats")).json();
  assert.ok(stats.peers >= 2);
  assert.ok(stats.bytesIn > before.bytesIn && stats.bytesOut > before.bytesOut, "bytes counted both ways");
  await main.waitForLine(new RegExp(`room ${room.room}: 127\\.0\\.0\\.1 joined \\(2 peers\\)`), "the second join logged with the count");
  a.close();
  await main.waitForLine(new RegExp(`room ${room.room}: 127\\.0\\.0\\.1 left \\(1 peers\\)`), "the leave logged with the count");
});

test("upgrades are refused without the right key, for unknown rooms, and beyond --max-peers, with one log line each", async () => {
  const server = await startServer({ args: ["--max-peers", "2"] });
  const room = await server.createRoom("Refusals");
  assert.equal(await upgradeStatus(server, roomPath(room.room)), 401);
  assert.equal(await upgradeStatus(server, roomPath(room.room, "")), 401);
  assert.equal(await upgradeStatus(server, roomPath(room.room, "not-the-key")), 401);
  assert.equal(await upgradeStatus(server, roomPath(room.room, room.owner)), 401);   // the owner token is no key
  assert.equal(await upgradeStatus(server, roomPath("abcdefabcdef", room.key)), 404);
  assert.equal(await upgradeStatus(server, `/elsewhere?key=${room.key}`), 404);
  const a = participant(server, room.room, room.key);
  const b = participant(server, room.room, room.key);
  await Promise.all([a.synced(), b.synced()]);
  assert.equal(await upgradeStatus(server, roomPath(room.room, room.key)), 503);
  for (const reason of ["missing key", "wrong key", "unknown room", "full room \\(2 peers\\)"]) {
    await server.waitForLine(new RegExp(`room (${room.room}|abcdefabcdef|\\?): refused ${reason} from 127\\.0\\.0\\.1`), `refusal '${reason}'`);
  }
  assert.equal(server.lines.filter((l) => / refused /.test(l)).length, 7);
  assert.ok(!server.output().includes(room.key), "the log has no secret");
  // Someone leaving makes room again.
  b.close();
  await waitFor(async () => (await (await server.api("/api/room-server/stats")).json()).peers === 1, "one peer left");
  const c = participant(server, room.room, room.key);
  await c.synced();
});

test("a 10 MB message closes only its sender's connection (1009); the room keeps syncing", async () => {
  const room = await main.createRoom("Oversized");
  const a = participant(main, room.room, room.key);
  const b = participant(main, room.room, room.key);
  await Promise.all([a.synced(), b.synced()]);
  const big = rawSocket(main, roomPath(room.room, room.key));
  await big.opened;
  big.send(randomBytes(10 * 1024 * 1024));
  assert.equal(await big.closed, 1009);
  await main.waitForLine(new RegExp(`room ${room.room}: closed a connection from 127\\.0\\.0\\.1: message over ${MAX_MESSAGE} bytes \\(1009\\)`), "the oversized message logged");
  a.map.set("after", "still here");
  await waitFor(() => b.map.get("after") === "still here", "an edit after the oversized message reaching the other peer");
  b.map.set("reply", 1);
  await waitFor(() => a.map.get("reply") === 1, "and back");
});

test("messages that do not decode (random bytes, text) close their sender (1007), never the server", async () => {
  const room = await main.createRoom("Garbage");
  const a = participant(main, room.room, room.key);
  const b = participant(main, room.room, room.key);
  await Promise.all([a.synced(), b.synced()]);
  // A sync update whose payload runs off its end: never valid.
  const surelyBad = Buffer.from([0, 2, 5, 255, 255, 255, 255, 255]);
  const messages = [surelyBad, "hello", Buffer.from([7]), Buffer.from([1, 200])];
  for (let i = 0; i < 24; i++) {
    const bytes = randomBytes(1 + (i * 37) % 300);
    if (i % 3 !== 2) bytes[0] = i % 3;   // mostly sync and awareness messages, the ones decoded deeply
    messages.push(bytes);
  }
  for (const message of messages) {
    const ws = rawSocket(main, roomPath(room.room, room.key));
    await ws.opened;
    ws.send(message);
    ws.send(surelyBad);   // in case the random bytes happened to be a valid message
    assert.equal(await ws.closed, 1007);
  }
  await main.waitForLine(new RegExp(`room ${room.room}: dropped a bad message from 127\\.0\\.0\\.1 \\(undecodable`), "the bad message logged");
  const stats = await (await main.api("/api/room-server/stats")).json();
  assert.ok(stats.badMessages >= messages.length, `${stats.badMessages} bad messages counted`);
  a.map.set("after-garbage", true);
  await waitFor(() => b.map.get("after-garbage") === true, "the room still syncing");
  assert.ok(!main.output().includes("Caught error while handling a Yjs update"), "nothing reached y-protocols' decoder");
});

test("a room whose files cannot be read is closed with 1011 and a log line; the server and other rooms carry on", async () => {
  const room = await main.createRoom("Damaged");
  writeFileSync(join(main.data, `${room.room}.ydoc`), Buffer.from([255, 255, 255, 255, 255]));
  const ws = rawSocket(main, roomPath(room.room, room.key));
  assert.equal(await ws.closed, 1011);
  await main.waitForLine(new RegExp(`room ${room.room}: persistence error: cannot open the room`), "the damaged room logged");
  const other = await main.createRoom("Healthy");
  const a = participant(main, other.room, other.key);
  const b = participant(main, other.room, other.key);
  await Promise.all([a.synced(), b.synced()]);
  a.map.set("ok", true);
  await waitFor(() => b.map.get("ok") === true, "another room syncing");
});

test("ending a room: only with the owner token; everyone is closed with 4000, nobody joins again, the map stays readable", async () => {
  const room = await main.createRoom("To end");
  const a = participant(main, room.room, room.key);
  const b = participant(main, room.room, room.key);
  await Promise.all([a.synced(), b.synced()]);
  a.map.set("final", "the final map");
  await waitFor(() => b.map.get("final") === "the final map", "the edit synced");
  const end = (owner) => main.api(`/api/rooms/${room.room}/end`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ owner }),
  });
  assert.equal((await end(room.key)).status, 403);
  assert.equal((await end(undefined)).status, 403);
  const ended = await end(room.owner);
  assert.equal(ended.status, 200);
  assert.deepEqual(await ended.json(), { room: room.room, ended: true });
  await waitFor(() => a.closeCodes.includes(4000) && b.closeCodes.includes(4000), "both closed with 4000");
  assert.equal(await upgradeStatus(main, roomPath(room.room, room.key)), 410);
  assert.equal(await upgradeStatus(main, roomPath(room.room, "wrong")), 401);   // the key is checked first
  assert.equal((await main.api(`/api/rooms/${room.room}/link?key=${encodeURIComponent(room.key)}`)).status, 410);
  assert.deepEqual(await main.stateOf(room.room, room.key), { final: "the final map" });
  assert.equal(JSON.parse(readFileSync(join(main.data, `${room.room}.json`), "utf8")).ended, true);
  assert.equal((await end(room.owner)).status, 200);   // ending twice is harmless
  await main.waitForLine(new RegExp(`room ${room.room}: ended by 127\\.0\\.0\\.1 \\(2 peers closed\\)`), "the end logged");
  await main.waitForLine(new RegExp(`room ${room.room}: refused ended room from`), "the rejoin refused");
});

// The room's document as the files hold it (<id>.ydoc + the log's whole records), read here independently of the server.
function documentOnDisk(data, room) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, readFileSync(join(data, `${room}.ydoc`)));
  const log = readFileSync(join(data, `${room}.log`));
  for (let at = 0; at + 4 <= log.length && at + 4 + log.readUInt32LE(at) <= log.length; at += 4 + log.readUInt32LE(at)) {
    Y.applyUpdate(doc, log.subarray(at + 4, at + 4 + log.readUInt32LE(at)));
  }
  const json = doc.getMap("t").toJSON();
  doc.destroy();
  return json;
}

test("SIGKILL loses nothing that reached anyone; a cut log record is dropped; participants reconnect on their own and converge", async () => {
  const first = await startServer();
  const { port, data } = first;
  const room = await first.createRoom("Crash");
  const a = participant(first, room.room, room.key);
  const b = participant(first, room.room, room.key);
  await Promise.all([a.synced(), b.synced()]);
  // 600 updates: past the 500-record compaction, so both the .ydoc and the log are read back.
  for (let i = 0; i < 300; i++) {
    a.map.set(`a${i}`, i);
    b.map.set(`b${i}`, { n: i, text: `card ${i}` });
  }
  await waitFor(() => a.map.size === 600 && allEqual([a, b]), "600 edits at both participants");
  await waitFor(() => existsSync(join(data, `${room.room}.ydoc`)), "the log compacted once");
  for (let i = 0; i < 10; i++) a.map.set(`tail${i}`, i);   // after the compaction: only in the log
  await waitFor(() => b.map.get("tail9") === 9, "the last edits at the other participant");
  assert.ok(statSync(join(data, `${room.room}.log`)).size > 0, "updates since the compaction in the log");

  assert.equal((await first.stop("SIGKILL")).signal, "SIGKILL");
  // Keep them away from the next server for now, so only the disk can give it the edits.
  a.provider.disconnect();
  b.provider.disconnect();
  // A crash in the middle of appending: a header announcing 1000 bytes, 10 written.
  const cut = Buffer.alloc(14);
  cut.writeUInt32LE(1000, 0);
  appendFileSync(join(data, `${room.room}.log`), cut);

  const second = await startServer({ port, data });
  const fresh = participant(second, room.room, room.key);
  await fresh.synced();
  await second.waitForLine(new RegExp(`room ${room.room}: dropped 14 bytes of a log record cut short by a crash`), "the cut record dropped");
  assert.equal(fresh.map.size, 610);
  assert.ok(sameJson(fresh.map.toJSON(), a.map.toJSON()), "every edit back from disk");
  // What is appended after the cut record is readable: the cut was removed, not built upon.
  fresh.map.set("after-restart", true);
  await waitFor(async () => (await second.stateOf(room.room, room.key))["after-restart"] === true, "the new edit at the server");

  // Everyone connected, then the server killed while they keep editing.
  a.provider.connect();
  b.provider.connect();
  await waitFor(() => a.provider.synced && b.provider.synced && allEqual([a, b, fresh]), "all three synced on the second server");
  await second.stop("SIGKILL");
  const onDisk = documentOnDisk(data, room.room);
  assert.equal(onDisk["after-restart"], true);
  assert.ok(sameJson(onDisk, fresh.map.toJSON()), "the files hold everything the second server had");
  await waitFor(() => !a.provider.wsconnected && !b.provider.wsconnected && !fresh.provider.wsconnected, "all three offline");
  a.map.set("offline-a", 1);
  b.map.set("offline-b", 2);
  fresh.map.set("a0", "changed offline");
  const third = await startServer({ port, data });
  await waitFor(() => [a, b, fresh].every((c) => c.map.get("offline-a") === 1 && c.map.get("offline-b") === 2 &&
    c.map.get("a0") === "changed offline") && allEqual([a, b, fresh]), "the three reconnected by themselves and converged");
  await waitFor(async () => sameJson(await third.stateOf(room.room, room.key), a.map.toJSON()), "the server converged too");
});

test("SIGTERM saves every room (compacted, empty log) and exits 0", async () => {
  const server = await startServer();
  const room = await server.createRoom("Stop");
  const a = participant(server, room.room, room.key);
  await a.synced();
  for (let i = 0; i < 20; i++) a.map.set(`k${i}`, i);
  await waitFor(async () => Object.keys(await server.stateOf(room.room, room.key)).length === 20, "the edits at the server");
  const { code } = await server.stop("SIGTERM");
  assert.equal(code, 0);
  assert.match(server.output(), /SIGTERM: every room saved/);
  assert.equal(statSync(join(server.data, `${room.room}.log`)).size, 0);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, readFileSync(join(server.data, `${room.room}.ydoc`)));
  assert.ok(sameJson(doc.getMap("t").toJSON(), a.map.toJSON()));
  a.provider.disconnect();
});

// Needs the editors' bridge and `journeymap changes` (built by scripts/build.sh native).
function seedingMissing() {
  if (!existsSync(BRIDGE)) return `no ${BRIDGE}`;
  try {
    execFileSync(JOURNEYMAP, ["changes", join(ROOT, "tests/data/valid/minimal.json")], { stdio: "pipe" });
  } catch {
    return `no working '${JOURNEYMAP} changes'`;
  }
  return false;
}

test("--seed MAP makes a room holding that map as the bridge writes it, and prints the join link, the facilitator's link and a QR code",
  { skip: seedingMissing() }, async () => {
    const mapFile = join(ROOT, "tests/data/valid/every-field.json");
    const server = await startServer({ args: ["--seed", mapFile] });
    const joinLine = await server.waitForLine(/Participants join with: /, "the join link");
    const ownerLine = await server.waitForLine(/^\s+http:\/\/.*&owner=/, "the facilitator's link");
    const joinUrl = new URL(joinLine.split("join with: ")[1].trim());
    assert.equal(joinUrl.origin, `http://127.0.0.1:${server.port}`);
    const room = joinUrl.searchParams.get("room");
    const fragment = new URLSearchParams(joinUrl.hash.slice(1));
    const key = fragment.get("key");
    const ownerFragment = new URLSearchParams(new URL(ownerLine.trim()).hash.slice(1));
    assert.equal(ownerFragment.get("key"), key);
    const owner = ownerFragment.get("owner");
    assert.match(owner, /^[A-Za-z0-9_-]{43}$/);
    await server.waitForLine(/[▀▄█]/, "a QR code printed in the terminal");

    const { seedDoc, snapshot } = await import(BRIDGE);
    const expected = new Y.Doc();
    await seedDoc(expected, JSON.parse(execFileSync(JOURNEYMAP, ["changes", mapFile], { encoding: "utf8" })));
    const title = expected.getMap("meta").get("title");
    assert.match(server.output(), new RegExp(`Room "${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}" \\(${room}\\)`));
    const guest = participant(server, room, key);
    await guest.synced();
    assert.deepEqual(snapshot(guest.doc), snapshot(expected));
    const end = await server.api(`/api/rooms/${room}/end`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ owner }),
    });
    assert.equal(end.status, 200, "the printed facilitator token ends the room");
  });
