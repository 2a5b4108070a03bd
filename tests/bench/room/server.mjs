// The room server for one benchmark run: scripts/room_server.mjs as a child
// process on a free port of 127.0.0.1 with a fresh data folder, its HTTP API,
// and its resource figures polled every second.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync, rmSync, createWriteStream, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const START_DEADLINE_MS = 30000;
const STOP_DEADLINE_MS = 15000;

async function freePort() {
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, "127.0.0.1", ok));
  const port = probe.address().port;
  await new Promise((ok) => probe.close(ok));
  return port;
}

export async function startServer({ root, site }) {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), "jm-room-bench-"));
  const logPath = join(data, "server.log");
  const log = createWriteStream(logPath);
  const child = spawn(process.execPath, [join(root, "scripts/room_server.mjs"), "--port", String(port), "--host", "127.0.0.1",
    "--site", site, "--data", join(data, "rooms"), "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const base = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + START_DEADLINE_MS;
  for (;;) {   // until it answers
    if (child.exitCode !== null) throw new Error(`the room server exited (${child.exitCode}) before answering; see ${logPath}`);
    try { if ((await fetch(base + "api/room-server")).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill(); throw new Error(`the room server did not answer on ${base} within ${START_DEADLINE_MS} ms`); }
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return new RoomServer({ child, base, port, data, logPath, log });
}

class RoomServer {
  constructor({ child, base, port, data, logPath, log }) {
    Object.assign(this, { child, base, port, data, logPath, log });
    this.samples = [];
    this.poller = null;
  }

  get wsUrl() { return `ws://127.0.0.1:${this.port}/rooms`; }

  async json(path, init) {
    const r = await fetch(this.base + path, init);
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(`${init?.method ?? "GET"} /${path}: HTTP ${r.status} ${body.error ?? ""}`);
    return body;
  }

  createRoom(title) {
    return this.json("api/rooms", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title }) });
  }

  // The room's document as the server holds it (Y update bytes).
  async state(room, key) {
    const r = await fetch(`${this.base}api/rooms/${encodeURIComponent(room)}/state?key=${encodeURIComponent(key)}`);
    if (!r.ok) throw new Error(`GET state of room ${room}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  }

  stats() {
    return this.json("api/room-server/stats");
  }

  // One sample a second; a slow answer is not waited for twice.
  startPolling() {
    let busy = false;
    const sample = async () => {
      if (busy) return;
      busy = true;
      try { this.samples.push({ at: Date.now(), ...(await this.stats()) }); } catch { /* the server is busy or gone: the next second tries again */ }
      busy = false;
    };
    this.poller = setInterval(sample, 1000);
    return sample();
  }

  stopPolling() {
    clearInterval(this.poller);
  }

  // Lines of the server's log that say something went wrong for someone (it
  // runs with --quiet: no line per participant joining or leaving).
  async notableLines() {
    await new Promise((ok) => this.log.write("", ok));
    const text = readFileSync(this.logPath, "utf8");
    return text.split("\n").filter((l) => /refused|error|dropped|closed|cannot|failed/i.test(l));
  }

  peak(field) {
    return this.samples.reduce((m, s) => Math.max(m, s[field] ?? 0), 0);
  }

  async stop() {
    this.stopPolling();
    if (this.child.exitCode === null) {
      // SIGTERM: the server flushes its rooms and exits; SIGKILL if it hangs.
      await new Promise((ok) => {
        const hung = setTimeout(() => this.child.kill("SIGKILL"), STOP_DEADLINE_MS);
        this.child.once("exit", () => { clearTimeout(hung); ok(); });
        this.child.kill("SIGTERM");
      });
    }
    await new Promise((ok) => this.log.end(ok));
  }

  removeData() {
    rmSync(this.data, { recursive: true, force: true });
  }
}
