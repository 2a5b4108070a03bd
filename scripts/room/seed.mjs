// A new room's first state, made from a map file: `journeymap changes MAP` gives
// the map as the by-id changes that build it, and the bridge the editors use
// (web/room/bridge.mjs, seedDoc) writes them into a Y.Doc, exactly as an editor
// would. That runs in a worker thread: the bridge imports Yjs as an ES module
// while y-websocket's server uses Yjs's CommonJS build, and two copies of Yjs in
// one JavaScript realm break its type checks. Only the update's bytes come back.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { ROOT } from "./options.mjs";

export const JOURNEYMAP = process.env.JM_NATIVE_BUILD
  ? join(process.env.JM_NATIVE_BUILD, "journeymap")
  : join(ROOT, "build", "native", "journeymap");
export const BRIDGE = join(ROOT, "web", "room", "bridge.mjs");

function mapAsChanges(mapPath) {
  return new Promise((resolve, reject) => {
    execFile(JOURNEYMAP, ["changes", mapPath], { maxBuffer: 1024 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`journeymap changes failed: ${(stderr || err.message).trim()}`));
      else resolve(stdout);
    });
  });
}

function seedInWorker(seedText) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./seed_worker.mjs", import.meta.url), { workerData: { seedText, bridge: BRIDGE } });
    worker.once("message", (update) => resolve(update));
    worker.once("error", reject);
    worker.once("exit", (code) => { if (code !== 0) reject(new Error(`the seeding worker exited with ${code}`)); });
  });
}

// -> {title, update}: the map's title and the room's first state (a Yjs update).
export async function seedFromMap(mapPath) {
  if (!existsSync(mapPath)) throw new Error(`no file ${mapPath}`);
  if (!existsSync(JOURNEYMAP)) throw new Error(`no ${JOURNEYMAP}: run 'bash scripts/build.sh native'`);
  if (!existsSync(BRIDGE)) throw new Error(`no ${BRIDGE}: the editor's room bridge is missing`);
  const seedText = await mapAsChanges(mapPath);
  const title = JSON.parse(seedText)?.map?.title;
  const update = await seedInWorker(seedText);
  return { title: typeof title === "string" ? title : "", update };
}
