// The simulated participants, seen from the benchmark's main thread: one or a
// few worker threads (participants.mjs), each hosting a share of them, driven
// with request/answer messages.
import { Worker } from "node:worker_threads";

class Host {
  constructor() {
    this.worker = new Worker(new URL("./participants.mjs", import.meta.url));
    this.next = 0;
    this.waiting = new Map();
    this.worker.on("message", ({ id, result, error }) => {
      const w = this.waiting.get(id);
      this.waiting.delete(id);
      if (error) w.reject(new Error(error));
      else w.resolve(result);
    });
    this.worker.on("error", (err) => { for (const w of this.waiting.values()) w.reject(err); this.waiting.clear(); });
  }
  ask(cmd, args) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, cmd, args });
    });
  }
}

export class Crowd {
  // participants: how many; workers: how many threads share them.
  constructor(participants, workers) {
    const n = Math.max(1, Math.min(workers, participants));
    this.hosts = Array.from({ length: n }, () => new Host());
    this.shares = this.hosts.map((_, w) => Array.from({ length: participants }, (_, i) => i).filter((i) => i % n === w));
  }
  all(cmd, argsOf = () => ({})) {
    return Promise.all(this.hosts.map((h, w) => h.ask(cmd, argsOf(w))));
  }
  // observers: how many participants time the arrival of others' edits (spread evenly).
  async connect(url, room, key, observers) {
    const total = this.shares.flat().length;
    const step = total / Math.min(observers, total);
    const chosen = Array.from({ length: Math.min(observers, total) }, (_, i) => Math.floor(i * step));
    await this.all("connect", (w) => ({ url, room, key, indices: this.shares[w], observers: chosen }));
    return chosen.length;
  }
  // Edits until endAt; returns the counts of every kind of edit made and the
  // worst event-loop delay figures of the participants' threads.
  async run(startAt, endAt, rate, selection) {
    const parts = await this.all("run", () => ({ startAt, endAt, rate, selection }));
    const made = {};
    for (const { made: part } of parts) for (const [k, v] of Object.entries(part)) made[k] = (made[k] ?? 0) + v;
    const worst = (f) => Math.max(...parts.map((p) => p.loopDelay[f]));
    return { made, loopDelay: { p50: worst("p50"), p99: worst("p99"), max: worst("max") } };
  }
  async behind(serverVector) {
    return (await this.all("behind", () => ({ serverVector }))).flat();
  }
  async contents() {
    return (await this.all("contents")).flat().sort((a, b) => a.index - b.index);
  }
  async latencies() {
    return (await this.all("latencies")).flatMap((a) => Array.from(a));
  }
  async close() {
    await this.all("close").catch(() => {});
    await Promise.all(this.hosts.map((h) => h.worker.terminate()));
  }
}
