// Helpers of the live room's browser tests (tests/e2e/live_room.test.mjs): the
// room server as a child process (killed and restarted on the same port and data
// folder), a loopback TCP relay that can cut one browser off the network for real,
// people joining through the editor's own dialogs, and a hostile Node client
// that writes straight into the room's Y.Doc.
//
// As in harness.mjs nothing here waits for a length of time: every wait is for a
// state (the server answering, a phase, a map), with a generous deadline that
// only a failure reaches.
import { spawn } from "node:child_process";
import { createServer, connect } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { ROOT, SITE, TIMEOUT, click, findItem, typeInto, settle, items, openEditor } from "./harness.mjs";

const SERVER = join(ROOT, "scripts/room_server.mjs");

// ---- Waiting ----------------------------------------------------------------------------

// Polls `check` (Node side) until it returns something truthy; each poll waits
// for an event loop turn of 25 ms so that a child process or socket can move.
export async function until(check, { timeout = TIMEOUT, what = String(check) } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      if (e.fatal) throw e;
      last = e;
    }
    if (Date.now() > deadline) {
      const said = typeof what === "function" ? what() : what;
      throw new Error(`waited ${timeout} ms for ${said}${last ? `: ${last.message}` : ""}`);
    }
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

// ---- The room server ----------------------------------------------------------------------

export async function freePort() {
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, "127.0.0.1", ok));
  const { port } = probe.address();
  await new Promise((ok) => probe.close(ok));
  return port;
}

// scripts/room_server.mjs on 127.0.0.1:port serving the test build, its rooms in
// `data`. Resolves once GET /api/room-server answers. `logs` collects every line
// it printed (both streams), across restarts.
export class RoomServer {
  constructor({ port, data, site = SITE, logs = [] }) {
    Object.assign(this, { port, data, site, logs });
    this.url = `http://127.0.0.1:${port}/`;
    this.child = null;
  }

  static async start() {
    const data = await mkdtemp(join(tmpdir(), "jm-room-e2e-"));
    const server = new RoomServer({ port: await freePort(), data });
    await server.run();
    return server;
  }

  async run() {
    const child = spawn(process.execPath, [SERVER, "--port", String(this.port), "--host", "127.0.0.1", "--site", this.site, "--data", this.data], {
      cwd: ROOT, stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.exited = new Promise((ok) => child.once("exit", (code, signal) => ok({ code, signal })));
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding("utf8");
      let rest = "";
      stream.on("data", (text) => {
        const lines = (rest + text).split("\n");
        rest = lines.pop();
        this.logs.push(...lines);
      });
    }
    await until(async () => {
      if (child.exitCode !== null) throw Object.assign(new Error(`the room server exited (${child.exitCode}): ${this.logs.slice(-5).join(" | ")}`), { fatal: true });
      const r = await fetch(this.url + "api/room-server");
      return r.ok && (await r.json()).server === "journeymap-room";
    }, { what: `the room server answering on ${this.url}` });
  }

  // SIGKILL: no flush, no goodbye to the peers (a crash or a pulled plug).
  async kill() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGKILL");
    await child.exited;
  }

  async stop() {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await Promise.race([child.exited, new Promise((ok) => setTimeout(ok, 10000))]);
      if (child.exitCode === null && child.signalCode === null) await this.kill();
    }
  }

  async removeData() {
    await rm(this.data, { recursive: true, force: true });
  }

  async createRoom(title) {
    const r = await fetch(this.url + "api/rooms", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title }) });
    if (r.status !== 201) throw new Error(`POST /api/rooms answered ${r.status}: ${await r.text()}`);
    return r.json();
  }

  // The room's Y.Doc as the server holds it.
  async state(room, key) {
    const r = await fetch(`${this.url}api/rooms/${room}/state?key=${encodeURIComponent(key)}`);
    if (!r.ok) throw new Error(`state of ${room}: ${r.status}`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await r.arrayBuffer()));
    return doc;
  }
}

// ---- A network cable that can be pulled ---------------------------------------------------

// A loopback TCP relay to the room server: a browser that opens the editor
// through it reaches the server (site, API, websocket) only through it. cut()
// ends every connection at once and refuses new ones, as a dropped Wi-Fi does
// (the browser's own offline emulation holds an open websocket's frames instead
// of closing it: see the test); restore() lets connections through again.
export class Cable {
  constructor(target) {
    this.target = target;
    this.sockets = new Set();
    this.isCut = false;
    this.server = createServer((socket) => this.accept(socket));
  }

  static async to(targetPort) {
    const cable = new Cable(targetPort);
    await new Promise((ok) => cable.server.listen(0, "127.0.0.1", ok));
    cable.port = cable.server.address().port;
    cable.url = `http://127.0.0.1:${cable.port}/`;
    return cable;
  }

  accept(socket) {
    if (this.isCut) { socket.destroy(); return; }
    const upstream = connect(this.target, "127.0.0.1");
    for (const s of [socket, upstream]) {
      this.sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => { this.sockets.delete(s); (s === socket ? upstream : socket).destroy(); });
    }
    socket.pipe(upstream);
    upstream.pipe(socket);
  }

  cut() {
    this.isCut = true;
    for (const s of this.sockets) s.destroy();
  }

  restore() { this.isCut = false; }

  close() {
    this.cut();
    return new Promise((ok) => this.server.close(ok));
  }
}

// ---- People in the editor -------------------------------------------------------------------

export const roomState = (page) => page.evaluate(() => window.journeymap.roomState());
export const mapOf = async (page) => JSON.parse(await page.evaluate(() => window.journeymap.exportJSON()));
export const cardsOf = (map) => map.stages.flatMap((s) => (s.touchpoints ?? []).map((t) => ({ ...t, stage: s.id })));

// Waits until the page's room state passes `test` (a function of the state, run
// here), then until the editor is idle; returns that state. roomState() only
// reads, so polling it draws no frame.
export async function waitForRoom(page, test, what, { timeout = TIMEOUT } = {}) {
  let last = null;
  await until(async () => test((last = await roomState(page))), { timeout, what: () => `${what}; last room state ${JSON.stringify(last)}` });
  await settle(page);
  return last;
}

// The "Join the live session" dialog: name, then Join. Waits until live.
export async function joinAs(page, name) {
  await findItem(page, "##room-name", { window: "Join the live session" });
  await typeInto(page, "##room-name", name, { window: "Join the live session" });
  await click(page, /Join$/, { window: "Join the live session" });
  return waitForRoom(page, (s) => s.phase === "live", `${name} live in the room`);
}

// Closes an ImGui window through the x at the right end of its title bar (the
// test hook lists the window, not that button), and waits until it is gone.
export async function closeWindow(page, title) {
  const win = await findItem(page, title, { window: title });
  const x = win.x + win.w - 18, y = win.y + 13;
  await page.mouse.move(x, y);
  await settle(page);
  await page.mouse.click(x, y);
  await settle(page);
  await until(async () => !(await items(page)).some((it) => it.window.startsWith(title) && it.w > 0), { what: `the window ${title} closed` });
}

// A participant opens the join link in a fresh context (its own storage).
export async function openLink(browser, link, opts = {}) {
  return openEditor(browser, link, { width: 1440, height: 900, ...opts });
}

// The link with another origin (the same room through a Cable) or another key.
export function linkVia(joinUrl, { base, key } = {}) {
  const url = new URL(joinUrl);
  const out = new URL(base ?? url.origin + "/");
  out.search = url.search;
  out.hash = key === undefined ? url.hash : "key=" + encodeURIComponent(key);
  return out.toString();
}

// Waits until every page's map is the same (parsed JSON, compared whole) and
// passes `test`; returns it. On a timeout, says what differs.
// `show(map)` says what the failure message shows of page 0's map.
export async function converged(pages, test = () => true, what = "every map the same", { timeout = TIMEOUT, show = cardLines } = {}) {
  const deadline = Date.now() + timeout;
  let maps = [];
  for (;;) {
    for (const p of pages) await settle(p).catch(() => {});
    maps = await Promise.all(pages.map((p) => mapOf(p)));
    const texts = maps.map((m) => JSON.stringify(m));
    if (texts.every((t) => t === texts[0]) && test(maps[0])) return maps[0];
    if (Date.now() > deadline) {
      const diffs = maps.slice(1).map((m, i) => `page ${i + 1} vs page 0: ${describeDiff(maps[0], m)}`).join("; ");
      throw new Error(`waited ${timeout} ms for ${what}; ${diffs}; test on page 0: ${test(maps[0])}; page 0 holds: ${show(maps[0])}`);
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

// Every card as "stage/title (friction)", for failure messages.
export function cardLines(map) {
  return map.stages.map((s) => `${s.name}: ${(s.touchpoints ?? []).map((t) => `${JSON.stringify(t.title)} (${t.friction})`).join(", ")}`).join(" | ");
}

// The first few paths where two JSON values differ.
export function describeDiff(a, b, path = "", out = []) {
  if (out.length >= 6) return out.join(", ");
  if (JSON.stringify(a) === JSON.stringify(b)) return out.join(", ") || "same";
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) describeDiff(a[k], b[k], `${path}/${k}`, out);
  } else {
    out.push(`${path || "/"}: ${JSON.stringify(a)?.slice(0, 80)} != ${JSON.stringify(b)?.slice(0, 80)}`);
  }
  return out.join(", ");
}

// ---- A hostile participant --------------------------------------------------------------------

// A Node client with yjs + y-websocket + ws that writes into the room's Y.Doc
// directly, outside the bridge's rules. Resolves once synced.
export async function hostileClient(server, room, key) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/rooms`, room, doc, {
    params: { key }, WebSocketPolyfill: WebSocket, disableBc: true, maxBackoffTime: 1000,
  });
  const closes = [];
  provider.on("connection-close", (event) => closes.push(event?.code));
  await until(() => provider.synced, { what: "the hostile client synced" });
  return {
    doc, provider, closes,
    destroy() { provider.destroy(); doc.destroy(); },
  };
}
