// Runs in a worker thread (see seed.mjs): a Y.Doc seeded by the editors' bridge
// from `journeymap changes` output, posted back as one update.
import { parentPort, workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import * as Y from "yjs";

const { seedDoc } = await import(pathToFileURL(workerData.bridge).href);
const doc = new Y.Doc();
await seedDoc(doc, JSON.parse(workerData.seedText));
parentPort.postMessage(Y.encodeStateAsUpdate(doc));
