// A worker thread that hosts simulated participants of one room: each is a
// Y.Doc synced through y-websocket's WebsocketProvider (the client the browser
// uses, over ws) and edits it through the bridge (edits.mjs). Kept off the
// benchmark's main thread so that its polling of the server and the browsers
// is not delayed by a hundred docs applying each other's updates.
//
// The main thread sends {id, cmd, args}; the worker answers {id, result} or {id, error}.
import { parentPort } from "node:worker_threads";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createHash } from "node:crypto";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import { Y } from "../../../web/room/bridge.mjs";
import { sendOwnAwarenessOnly } from "../../../web/room/room_client.mjs";
import { makeEdit, observeMarkers, docContent, sameVector } from "./edits.mjs";
import { canonicalJSON } from "./figures.mjs";

const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
let people = [];        // {index, doc, provider, stopObserving}
const latencies = [];   // ms from a marker's write to its arrival in another participant's doc
// How late this thread's timers and messages run: a Node-to-Node latency
// includes it, so the report shows whether the simulation itself kept up.
// The histogram holds the time between its timer's runs: the delay is that less the resolution.
const LOOP_RESOLUTION_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });

// observers: the participants that time markers' arrival (a sample keeps the
// thread's own work down; every participant still applies every update).
function connect({ url, room, key, indices, observers }) {
  // Every provider adds a process 'exit' listener (it says goodbye to the room's awareness).
  process.setMaxListeners(indices.length + 10);
  people = indices.map((index) => {
    const doc = new Y.Doc();
    // disableBc: Node 18+ has a global BroadcastChannel, through which the
    // providers of one process would sync each other without the server.
    const provider = new WebsocketProvider(url, room, doc, { params: { key }, WebSocketPolyfill: WebSocket, disableBc: true });
    sendOwnAwarenessOnly(provider);   // as the browser's room client does
    provider.awareness.setLocalStateField("user", { name: `bench ${index}`, colour: COLOURS[index % COLOURS.length] });
    provider.awareness.setLocalStateField("selection", []);
    return { index, doc, provider, stopObserving: null };
  });
  return Promise.all(people.map(waitSynced)).then(() => {
    for (const p of people) {
      if (observers.includes(p.index)) p.stopObserving = observeMarkers(p.doc, (sent) => latencies.push(Date.now() - sent));
    }
    return people.length;
  });
}

function waitSynced({ provider, index }) {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`participant ${index} did not sync within 60 s`)), 60000);
    provider.on("sync", (synced) => { if (synced) { clearTimeout(timer); resolve(); } });
  });
}

// Each participant edits at `rate` per second from startAt to endAt (ms since
// the epoch), at most ceil(seconds * rate) times, with a random phase so the
// edits of a room spread over each second. A late timer edits at once; it never
// catches up with a burst.
function run({ startAt, endAt, rate, selection }) {
  const interval = 1000 / rate;
  const limit = Math.ceil(((endAt - startAt) / 1000) * rate);
  const made = { add: 0, move: 0, retitle: 0, friction: 0, markers: 0 };
  loopDelay.reset();
  loopDelay.enable();
  const one = (p) => new Promise((resolve, reject) => {
    let n = 0;
    const first = startAt + Math.random() * interval;
    const step = () => {
      if (n >= limit || Date.now() >= endAt) { resolve(); return; }
      try {
        const edit = makeEdit(p.doc, `${p.index}.${n}`);
        if (edit) {
          made[edit.kind] += 1;
          if (edit.marker) made.markers += 1;
          if (selection) p.provider.awareness.setLocalStateField("selection", [edit.id]);   // an editor selects the card it edits
        }
      } catch (err) {
        reject(err);
        return;
      }
      n += 1;
      setTimeout(step, Math.max(0, first + n * interval - Date.now()));
    };
    setTimeout(step, Math.max(0, first - Date.now()));
  });
  return Promise.all(people.map(one)).then(() => {
    loopDelay.disable();
    const ms = (ns) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
    return { made, loopDelay: { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) } };
  });
}

// Participants whose state vector differs from the server's (Y.encodeStateVector of its state).
function behind({ serverVector }) {
  const server = new Uint8Array(serverVector);
  return people.filter((p) => !sameVector(Y.encodeStateVector(p.doc), server)).map((p) => p.index);
}

// The canonical content of every participant's doc as a sha256, plus the text
// of the first participant and of any whose hash differs from it (for the report).
function contents() {
  const texts = people.map((p) => canonicalJSON(docContent(p.doc)));
  const hashes = texts.map((t) => createHash("sha256").update(t).digest("hex"));
  return people.map((p, i) => ({ index: p.index, hash: hashes[i], text: i === 0 || hashes[i] !== hashes[0] ? texts[i] : null }));
}

function close() {
  for (const p of people) {
    p.stopObserving?.();
    p.provider.awareness.setLocalState(null);
    p.provider.destroy();
    p.doc.destroy();
  }
  people = [];
  return true;
}

const COMMANDS = {
  connect, run, behind, contents, close,
  latencies: () => Float64Array.from(latencies),
};

parentPort.on("message", async ({ id, cmd, args }) => {
  try {
    parentPort.postMessage({ id, result: await COMMANDS[cmd](args ?? {}) });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err?.stack ?? err) });
  }
});
