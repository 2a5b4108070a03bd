// The live room under load (issue 15, "Measured, in a benchmark"): simulated
// participants (Node clients with yjs + y-websocket, editing through the same
// bridge as the browser: web/room/bridge.mjs) and real headless editors (the
// web-test build in Debian's Chromium) in one room of the room server
// (scripts/room_server.mjs) on 127.0.0.1.
//
//   node tests/bench/room_load.mjs [--only 30|100] [--participants N] [--seconds S]
//        [--rate R] [--browsers B] [--workers W] [--browser-nice 0-19] [--no-selection]
//
// Default: run 1, 30 participants for 60 s, then run 2, 100 participants for
// 30 s; each participant makes R = 2 edits/s (add a card 30 %, move 20 %,
// retitle 30 %, friction 20 %) and selects the card it edits; B = 3 browsers
// watch. --participants N makes one run of N (60 s unless --seconds); W is the
// participants' worker threads (default: CPUs - 1, at most 4); the browsers run
// at nice 10 unless --browser-nice says otherwise (see lowerBrowserPriority).
// Prints, per run: edits made; p50/p95/max time for an edit to reach a
// browser's editor and another Node participant; the server's memory, CPU and
// bytes per edit; then, once everyone has the server's state, whether every
// copy of the map is the same. Figures are printed, never asserted; the exit
// code is 1 when a convergence check fails (or the run breaks), 2 when
// something needed is missing, else 0.
// Needs `bash scripts/build.sh web-test` and `bash scripts/build.sh native`
// (JM_SITE_DIR / JM_NATIVE_BUILD point at other builds, as for the browser tests).
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import { ROOT, SITE, NATIVE, launchBrowser } from "../e2e/harness.mjs";
import { Y, seedDoc, snapshot } from "../../web/room/bridge.mjs";
import { startServer } from "./room/server.mjs";
import { Crowd } from "./room/crowd.mjs";
import { joinRoom, startWatching, stopWatching, roomSnapshot, editorMap, roomState, cardCount } from "./room/browsers.mjs";
import { cpuSample, cpuShare, lowerBrowserPriority } from "./room/procs.mjs";
import { docContent, cardsOnStages, docStages, mapStages, sameVector, MIX } from "./room/edits.mjs";
import { latencySummary, canonicalJSON, firstDifference, ms, mib, count } from "./room/figures.mjs";

const SETTLE_DEADLINE_MS = 60000;
const OBSERVERS = 10;   // Node participants that time the arrival of the others' edits
const TEMPLATE = "saas-journey";
const RUNS = [{ participants: 30, seconds: 60 }, { participants: 100, seconds: 30 }];

// ---- Options and what must be built -----------------------------------------------

function readOptions() {
  const { values } = parseArgs({
    options: {
      only: { type: "string" }, participants: { type: "string" }, seconds: { type: "string" },
      rate: { type: "string" }, browsers: { type: "string" }, workers: { type: "string" },
      "no-selection": { type: "boolean" }, "browser-nice": { type: "string" },
    },
    strict: true,
  });
  const number = (name, fallback) => {
    const v = values[name] === undefined ? fallback : Number(values[name]);
    if (!(v >= 0) || !Number.isFinite(v)) throw new Error(`--${name} wants a number, not '${values[name]}'`);
    return v;
  };
  let runs = RUNS;
  if (values.only !== undefined) {
    runs = RUNS.filter((r) => String(r.participants) === values.only);
    if (runs.length === 0) throw new Error(`--only wants 30 or 100, not '${values.only}'`);
  }
  if (values.participants !== undefined) runs = [{ participants: Math.max(1, Math.round(number("participants"))), seconds: 60 }];
  if (values.seconds !== undefined) runs = runs.map((r) => ({ ...r, seconds: number("seconds") }));
  return {
    runs,
    rate: number("rate", 2) || 2,
    browsers: Math.round(number("browsers", 3)),
    // The participants' threads: leave a core to the server and the browsers.
    workers: Math.max(1, Math.round(number("workers", Math.min(4, cpus().length - 1)))),
    // A participant selects the card it edits, as a person in the editor does
    // (awareness traffic); --no-selection leaves it out, to see the document's share.
    selection: !values["no-selection"],
    // The browsers' CPU priority (nice, 0-19): see lowerBrowserPriority.
    browserNice: Math.min(19, Math.round(number("browser-nice", 10))),
  };
}

function missingBuilds() {
  const needed = [
    [join(ROOT, "scripts/room_server.mjs"), "the room server (scripts/room_server.mjs)"],
    [join(SITE, "room.js"), `the web-test build's room.js in ${SITE}: run bash scripts/build.sh web-test`],
    [join(SITE, "journeymap.wasm"), `the web-test build in ${SITE}: run bash scripts/build.sh web-test`],
    [join(NATIVE, "journeymap"), `the command line ${join(NATIVE, "journeymap")}: run bash scripts/build.sh native`],
  ];
  return needed.filter(([path]) => !existsSync(path)).map(([, what]) => what);
}

// The template map as the changes that build it (`journeymap changes`), the room's seed.
function templateSeed() {
  const cli = join(NATIVE, "journeymap");
  const map = execFileSync(cli, ["new", "--template", TEMPLATE], { encoding: "utf8" });
  return JSON.parse(execFileSync(cli, ["changes", "-"], { input: map, encoding: "utf8", maxBuffer: 64 << 20 }));
}

// ---- Waiting for states -----------------------------------------------------------------

// Polls `check` (async, truthy when done) every `everyMs` until the deadline;
// returns its value and how long it took, or throws naming `what`.
async function until(check, { deadline, what, everyMs = 100 }) {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return { value, tookMs: Date.now() - started };
    if (Date.now() > deadline) throw new Error(`waited until the deadline for ${what}`);
    await new Promise((ok) => setTimeout(ok, everyMs));
  }
}

function docOf(update) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

function synced(provider) {
  return new Promise((resolve) => {
    if (provider.synced) resolve();
    else provider.on("sync", (s) => { if (s) resolve(); });
  });
}

// ---- One run ----------------------------------------------------------------------------------

// A Node client writes the template into the new room, as the facilitator's
// editor does when it starts a room, and leaves once the server holds it all.
async function seedRoom(server, room, key, seed) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, room, doc, { params: { key }, WebSocketPolyfill: WebSocket, disableBc: true });
  await synced(provider);
  seedDoc(doc, seed);
  const mine = Y.encodeStateVector(doc);
  await until(async () => sameVector(Y.encodeStateVectorFromUpdate(await server.state(room, key)), mine),
    { deadline: Date.now() + 30000, what: "the server to hold the seeded map" });
  provider.destroy();
  doc.destroy();
}

// Waits until every participant and every browser holds the server's state:
// participants by state vector, browsers by the content of their room doc.
// Never throws for a deadline: what did not arrive is reported by `problem`
// and the checks that follow say how the copies differ.
async function settle(run, deadline) {
  const started = Date.now();
  const out = { nodesMs: null, allMs: null, problem: null };
  try {
    await until(async () => {
      const vector = Y.encodeStateVectorFromUpdate(await run.server.state(run.room, run.key));
      return (await run.crowd.behind(vector)).length === 0;
    }, { deadline, what: "every participant to reach the server's state" });
    out.nodesMs = Date.now() - started;
  } catch (err) {
    const vector = Y.encodeStateVectorFromUpdate(await run.server.state(run.room, run.key));
    out.problem = `${err.message}: participants ${(await run.crowd.behind(vector)).join(", ")} are not there`;
  }
  out.serverDoc = docOf(await run.server.state(run.room, run.key));
  const expected = canonicalJSON(snapshot(out.serverDoc));
  const lagging = async () => {
    const behind = [];
    for (const [i, page] of run.pages.entries()) if (canonicalJSON(await roomSnapshot(page)) !== expected) behind.push(i + 1);
    return behind;
  };
  try {
    await until(async () => (await lagging()).length === 0, { deadline, what: "every browser's room document to equal the server's", everyMs: 250 });
    out.allMs = Date.now() - started;
  } catch (err) {
    out.problem = [out.problem, `${err.message}: browsers ${(await lagging()).join(", ")} differ`].filter(Boolean).join("; ");
  }
  return out;
}

// The convergence checks: returns a list of {ok, text}.
async function checks(run, settled) {
  const serverDoc = settled.serverDoc;
  const out = [{ ok: !settled.problem, text: `everyone at the server's state within ${SETTLE_DEADLINE_MS / 1000} s of the last edit: ${settled.problem ? "NO: " + settled.problem : "yes"}` }];
  const serverText = canonicalJSON(docContent(serverDoc));
  const docs = await run.crowd.contents();
  const reference = docs[0]?.text ?? serverText;
  const odd = docs.filter((d) => d.hash !== docs[0].hash).map((d) => d.index);
  const sameAsServer = reference === serverText;
  let why = "";
  if (odd.length) why = `; participants ${odd.join(", ")} differ from participant 0 at ${JSON.stringify(firstDifference(JSON.parse(reference), JSON.parse(docs.find((d) => d.index === odd[0]).text)))}`;
  else if (!sameAsServer) why = `; participant 0 differs from the server at ${JSON.stringify(firstDifference(JSON.parse(serverText), JSON.parse(reference)))}`;
  out.push({ ok: odd.length === 0 && sameAsServer, text: `every Node participant's doc equal (${docs.length}, and the server's): ${odd.length === 0 && sameAsServer ? "yes" : "NO" + why}` });

  if (run.pages.length === 0) return out;
  const maps = [];
  for (const page of run.pages) maps.push(await editorMap(page));
  const diffs = maps.slice(1).map((m, i) => ({ browser: i + 2, d: firstDifference(maps[0], m) })).filter((x) => x.d);
  if (maps.length > 1) out.push({
    ok: diffs.length === 0,
    text: `the ${maps.length} browsers' exportJSON identical: ${diffs.length === 0 ? "yes" : "NO; " + diffs.map((x) => `browser ${x.browser} differs from browser 1 at ${x.d.path}: ${x.d.a} vs ${x.d.b}`).join("; ")}`,
  });
  const expected = cardsOnStages(serverDoc);
  const counts = maps.map(cardCount);
  const countsOk = counts.every((n) => n === expected);
  out.push({ ok: countsOk, text: `browsers' cards = the doc's touchpoints on an existing stage (${count(expected)}): ${countsOk ? "yes" : "NO: " + counts.join(", ")}` });
  // What a person sees: stages, their cards in order, titles and friction, as
  // the room's document says (the order a newcomer's editor would build).
  const wanted = docStages(serverDoc);
  const unlike = maps.map((m, i) => ({ browser: i + 1, d: firstDifference(wanted, mapStages(m)) })).filter((x) => x.d);
  out.push({
    ok: unlike.length === 0,
    text: `browsers' stages, card order, titles and friction = the doc's: ${unlike.length === 0 ? "yes" : "NO; " + unlike.map((x) => `browser ${x.browser} at ${x.d.path}: doc ${x.d.a}, browser ${x.d.b}`).join("; ")}`,
  });
  return out;
}

async function resourceFigures(server, before, after, edits) {
  const wallMicros = (after.at - before.at) * 1000;
  const cpu = (after.cpuUserMicros + after.cpuSystemMicros - before.cpuUserMicros - before.cpuSystemMicros) / wallMicros;
  const end = await server.stats();
  return {
    cpuPercent: cpu * 100,
    bytesInPerEdit: (after.bytesIn - before.bytesIn) / Math.max(1, edits),
    bytesOutPerEdit: (after.bytesOut - before.bytesOut) / Math.max(1, edits),
    messagesInPerEdit: (after.messagesIn - before.messagesIn) / Math.max(1, edits),
    messagesOutPerEdit: (after.messagesOut - before.messagesOut) / Math.max(1, edits),
    rssEnd: end.rssBytes, heapEnd: end.heapUsedBytes,
    rssPeak: Math.max(server.peak("rssBytes"), end.rssBytes), heapPeak: Math.max(server.peak("heapUsedBytes"), end.heapUsedBytes),
    peers: after.peers,
  };
}

async function runOnce({ participants, seconds }, options, browser, seed) {
  const run = { pages: [], crowd: null, server: null };
  run.server = await startServer({ root: ROOT, site: SITE });
  let converged = false;   // the server's data folder and log are kept when not
  try {
    const created = await run.server.createRoom("Room benchmark");
    Object.assign(run, { room: created.room, key: created.key });
    await seedRoom(run.server, run.room, run.key, seed);
    for (let i = 0; i < options.browsers; i++) run.pages.push(await joinRoom(browser, run.server.base, run.room, run.key, `Watcher ${i + 1}`));
    lowerBrowserPriority(options.browserNice);   // the renderers of the pages just opened too
    run.crowd = new Crowd(participants, options.workers);
    const observers = await run.crowd.connect(run.server.wsUrl, run.room, run.key, OBSERVERS);
    for (const page of run.pages) await startWatching(page);

    await run.server.startPolling();
    const before = { at: Date.now(), ...(await run.server.stats()), cpu: cpuSample() };
    const startAt = Date.now() + 200;
    const { made, loopDelay } = await run.crowd.run(startAt, startAt + seconds * 1000, options.rate, options.selection);
    const after = { at: Date.now(), ...(await run.server.stats()), cpu: cpuSample() };
    const edits = made.add + made.move + made.retitle + made.friction;
    const load = {
      share: cpuShare(before.cpu, after.cpu, run.server.child.pid),
      loopDelay,
    };

    const settled = await settle(run, Date.now() + SETTLE_DEADLINE_MS);
    const watched = [];
    for (const page of run.pages) watched.push(await stopWatching(page));
    const nodeLatencies = await run.crowd.latencies();
    const resources = await resourceFigures(run.server, before, after, edits);
    const results = await checks(run, settled);
    converged = results.every((c) => c.ok);
    const rooms = [];
    for (const page of run.pages) rooms.push(await roomState(page));
    return { participants, seconds, made, edits, target: Math.ceil(seconds * options.rate) * participants, observers, load, watched, nodeLatencies, resources, settled, results, rooms,
      pageErrors: run.pages.flatMap((p, i) => p.jmErrors.map((e) => `browser ${i + 1}: ${e}`)), serverNotes: await run.server.notableLines() };
  } finally {
    await run.crowd?.close();
    for (const page of run.pages) await page.context().close().catch(() => {});
    await run.server.stop();
    if (converged) run.server.removeData();
    else console.log(`room_load: this run's room server data and log are kept in ${run.server.data}`);
  }
}

// ---- Printing ------------------------------------------------------------------------------

function printRun(r, options, index) {
  const { made, watched, resources: res } = r;
  const mix = MIX.map(([k, s]) => `${k} ${Math.round(s * 100)} %`).join(", ");
  console.log(`\nRun ${index}: ${r.participants} Node participants + ${watched.length} browser(s), ${r.seconds} s at ${options.rate} edits/s each (${mix})`);
  console.log(`  edits made             ${count(r.edits)} of ${count(r.target)} planned (add ${count(made.add)}, move ${count(made.move)}, retitle ${count(made.retitle)}, friction ${count(made.friction)}); ${count(made.markers)} carry a latency marker`);
  const browserAll = watched.flatMap((w) => w.latencies);
  const b = latencySummary(browserAll);
  if (watched.length) {
    const seen = watched.map((w) => count(w.latencies.length)).join(" / ");
    const gap = watched.reduce((s, w) => s + w.meanGapMs, 0) / watched.length;
    const read = watched.reduce((s, w) => s + w.meanReadMs, 0) / watched.length;
    const d = latencySummary(watched.flatMap((w) => w.delivered));
    console.log(`  edit -> browser        p50 ${ms(b.p50)}, p95 ${ms(b.p95)}, max ${ms(b.max)}  (in the editor's map, read between the page's tasks: markers seen per browser ${seen} of ${count(made.markers)}; a browser read its map every ${gap.toFixed(1)} ms on average, a read took ${read.toFixed(1)} ms)`);
    console.log(`    of which delivered   p50 ${ms(d.p50)}, p95 ${ms(d.p95)}, max ${ms(d.max)}  (handed to the editor by the room client; the rest is the page busy, mostly drawing the change)`);
  }
  const n = latencySummary(r.nodeLatencies);
  console.log(`  edit -> Node peer      p50 ${ms(n.p50)}, p95 ${ms(n.p95)}, max ${ms(n.max)}  (${count(n.count)} arrivals at ${r.observers} observing participants)`);
  console.log(`  server memory          RSS ${mib(res.rssEnd)} at the end (peak ${mib(res.rssPeak)}); heap used ${mib(res.heapEnd)} at the end (peak ${mib(res.heapPeak)})`);
  console.log(`  server CPU             ${res.cpuPercent.toFixed(0)} % of one core over the editing (user + system / wall)`);
  const sh = r.load.share;
  if (sh) {
    console.log(`  CPU over the editing   in % of one of the machine's ${cpus().length} CPUs: all ${sh.machine.toFixed(0)} %; the room server ${sh.server.toFixed(0)} %, ` +
      `this process (the participants) ${sh.bench.toFixed(0)} %, the browsers ${sh.browsers.toFixed(0)} %, other programs ${sh.others.toFixed(0)} %`);
  }
  console.log(`  participants' thread   late by p50 ${ms(r.load.loopDelay.p50)}, p99 ${ms(r.load.loopDelay.p99)}, max ${ms(r.load.loopDelay.max)} ` +
    `(its event-loop delay: part of every Node figure; large when the simulation itself does not keep up)`);
  console.log(`  server bytes per edit  in ${count(Math.round(res.bytesInPerEdit))} B, out ${count(Math.round(res.bytesOutPerEdit))} B; messages per edit in ${res.messagesInPerEdit.toFixed(1)}, out ${res.messagesOutPerEdit.toFixed(1)} ` +
    `(${res.peers} connections; ${options.selection ? "awareness included: each edit also moves that participant's selection" : "no selection changes (--no-selection)"})`);
  console.log(`  settle                 every participant at the server's state ${ms(r.settled.nodesMs)} after the last edit; every browser's room doc too after ${ms(r.settled.allMs)}`);
  for (const c of r.results) console.log(`  ${c.ok ? "ok  " : "FAIL"}                   ${c.text}`);
  for (const note of capacityNotes(r, options)) console.log(`  note: ${note}`);
  const refused = r.rooms.map((s) => s.refused ?? 0);
  if (refused.some((x) => x > 0)) console.log(`  note: the browsers refused ${refused.join(" / ")} changes from the room; first: ${r.rooms.flatMap((s) => s.refusedLog ?? []).slice(0, 3).join(" | ")}`);
  if (r.serverNotes.length) console.log(`  note: the server logged ${r.serverNotes.length} refusals, errors or closed connections; first: ${r.serverNotes.slice(0, 3).join(" | ")}`);
  if (r.pageErrors.length) console.log(`  note: ${r.pageErrors.length} console errors in the browsers; first: ${r.pageErrors.slice(0, 3).join(" | ")}`);
  return { b, n };
}

// Whether this machine could play the whole room: the figures stay printed
// either way, and these lines say what limited them.
function capacityNotes(r, options) {
  const notes = [];
  const seconds = r.seconds;
  if (r.edits < 0.95 * r.target) {
    notes.push(`the simulation did not keep up on this machine: ${(r.edits / seconds).toFixed(0)} edits/s made of ${(r.target / seconds).toFixed(0)} planned; ` +
      `every figure is for the rate made (the participants' thread was late by up to ${ms(r.load.loopDelay.max)})`);
  }
  const gaps = r.watched.map((w) => w.meanGapMs);
  if (gaps.some((g) => g > 250)) {
    notes.push(`the browser pages were busy most of the time (a read of the map every ${gaps.map((g) => g.toFixed(0)).join(" / ")} ms instead of every 5 ms: ` +
      `here each change is drawn with software WebGL${options.browserNice > 0 ? `, and at nice ${options.browserNice} the browsers come after the server and the participants` : ""}); ` +
      `their latency includes waiting for that`);
  }
  return notes;
}

function printTable(rows) {
  console.log("\n| run | edits | edit -> browser p50 / p95 / max | edit -> Node p50 / p95 / max | server RSS end / peak | heap end / peak | server CPU | bytes in / out per edit | converged |");
  console.log("|---|---:|---|---|---|---|---:|---|---|");
  for (const { r, b, n } of rows) {
    const res = r.resources;
    console.log(`| ${r.participants} participants + ${r.watched.length} browser(s), ${r.seconds} s | ${count(r.edits)} | ${ms(b.p50)} / ${ms(b.p95)} / ${ms(b.max)} | ` +
      `${ms(n.p50)} / ${ms(n.p95)} / ${ms(n.max)} | ${mib(res.rssEnd)} / ${mib(res.rssPeak)} | ${mib(res.heapEnd)} / ${mib(res.heapPeak)} | ` +
      `${res.cpuPercent.toFixed(0)} % | ${count(Math.round(res.bytesInPerEdit))} / ${count(Math.round(res.bytesOutPerEdit))} B | ${r.results.every((c) => c.ok) ? "yes" : "NO"} |`);
  }
}

async function main() {
  let options;
  try {
    options = readOptions();
  } catch (err) {
    console.error(`room_load: ${err.message}\nsee the comment at the top of tests/bench/room_load.mjs for the options`);
    return 2;
  }
  const missing = missingBuilds();
  if (missing.length) {
    console.error(`room_load: missing ${missing.join("; ")}`);
    return 2;
  }
  const seed = templateSeed();
  const browser = options.browsers > 0 ? await launchBrowser() : null;
  const niced = browser ? lowerBrowserPriority(options.browserNice) : 0;
  console.log(`Live room load (${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)}; template ${TEMPLATE}, ${seed.changes.length} seed changes; ` +
    `${options.workers} participant thread(s); browsers: ${browser ? `Chromium ${browser.version()}, one context each, 1280x720, ` +
    (niced ? `at nice ${options.browserNice} (--browser-nice)` : "at normal priority") : "none"})`);
  const rows = [];
  try {
    for (const [i, spec] of options.runs.entries()) {
      const r = await runOnce(spec, options, browser, seed);
      rows.push({ r, ...printRun(r, options, i + 1) });
    }
  } finally {
    await browser?.close();
  }
  printTable(rows);
  return rows.every(({ r }) => r.results.every((c) => c.ok)) ? 0 : 1;
}

// Exits explicitly: a provider or socket left reconnecting must not keep the run alive.
process.exit(await main().catch((err) => {
  console.error(`room_load: ${err.stack ?? err}`);
  return 1;
}));
