// Boot benchmark: what a visitor downloads and waits for, cold and with a warm
// service worker, and beside it, in the same browser and the same run, what
// npm's Mermaid takes to load and render the same map's Mermaid export.
// Prints figures; asserts nothing.
//
//   node tests/bench/boot.mjs [RUNS]      (default 3; medians are printed)
//
// The site is the release build (build/web/site; JM_BENCH_SITE names another),
// served as scripts/serve.sh serves it: sirv-cli with the precompressed .br/.gz
// files. Bytes are counted on the wire by a TCP relay in front of the server
// (response headers and bodies, compressed as sent), so the service worker's own
// downloads count too:
//   - before the first frame: from navigation until the editor has drawn its
//     first frame and answers input (window.journeymapReady, then a frame);
//   - in all: including what the service worker fetches in the background to
//     precache the site on the first visit.
// "Warm" is a reload in the same browser profile once the service worker is
// active: the site comes from its precache.
// Mermaid: a page that loads node_modules/mermaid/dist/mermaid.min.js from the
// same kind of server (precompressed by this script with the same tools) and
// renders the editor's default English map exported as Mermaid (journeymap.exportMermaid()).
import { createServer, connect } from "node:net";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, copyFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ROOT, launchBrowser, serveCompressed, TIMEOUT, waitForServiceWorker } from "../e2e/harness.mjs";

const RUNS = Number(process.argv[2] ?? 3);
const SITE = resolve(process.env.JM_BENCH_SITE ?? join(ROOT, "build/web/site"));
const MERMAID_JS = join(ROOT, "node_modules/mermaid/dist/mermaid.min.js");
const MERMAID_SITE = join(ROOT, "build/bench-mermaid");

// A relay that counts the bytes the server sends to the browser.
async function countingRelay(target) {
  const upstream = new URL(target);
  const counter = { bytes: 0, connections: 0 };
  const server = createServer((client) => {
    counter.connections++;
    const up = connect(Number(upstream.port), upstream.hostname);
    up.on("data", (d) => { counter.bytes += d.length; });
    client.pipe(up);
    up.pipe(client);
    const end = () => { client.destroy(); up.destroy(); };
    client.on("error", end); up.on("error", end); client.on("close", end); up.on("close", end);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`, counter,
    close: () => new Promise((ok) => { server.close(ok); }),
  };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const ms = (n) => `${n.toFixed(0)} ms`;

// From navigation to the first frame the editor drew with its input running.
async function firstFrame(page) {
  return page.evaluate(async () => {
    await window.journeymapReady;
    await new Promise((ok) => { const look = () => (JM.framesDrawn > 0 ? ok() : requestAnimationFrame(look)); look(); });
    return performance.now();
  });
}

// What each response of the page was, as the browser received it (DevTools protocol).
function recordResponses(cdp) {
  const rows = new Map();
  cdp.on("Network.responseReceived", (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    rows.set(e.requestId, { url: new URL(e.response.url).pathname, encoding: h["content-encoding"] ?? "-", type: h["content-type"] ?? "",
      fromServiceWorker: e.response.fromServiceWorker, bytes: 0 });
  });
  cdp.on("Network.loadingFinished", (e) => { const r = rows.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  return rows;
}

async function siteRun(browser, relay) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const responses = recordResponses(cdp);
  const out = {};

  relay.counter.bytes = 0;
  await page.goto(relay.url, { timeout: TIMEOUT });
  out.coldMs = await firstFrame(page);
  out.coldFirstFrameBytes = relay.counter.bytes;
  out.files = [...responses.values()];
  // The service worker installs in the background, precaching the site: wait until
  // it controls the page with its whole precache (waitForFunction does not await an
  // async predicate: its promise counted as true, and the reload raced the install).
  await waitForServiceWorker(page);
  out.coldTotalBytes = relay.counter.bytes;
  out.mermaidSource = await page.evaluate(() => window.journeymap.exportMermaid());

  responses.clear();
  relay.counter.bytes = 0;
  await page.reload({ timeout: TIMEOUT });
  out.warmMs = await firstFrame(page);
  out.warmFirstFrameBytes = relay.counter.bytes;
  out.warmFromServiceWorker = [...responses.values()].filter((r) => r.fromServiceWorker).length;
  out.warmFiles = [...responses.values()].length;
  await context.close();
  return out;
}

// mermaid.min.js with its .br/.gz beside it (brotli -q 11, gzip -9: as the site).
function mermaidSite() {
  mkdirSync(MERMAID_SITE, { recursive: true });
  const js = join(MERMAID_SITE, "mermaid.min.js");
  if (!existsSync(js) || statSync(js).mtimeMs < statSync(MERMAID_JS).mtimeMs) {
    copyFileSync(MERMAID_JS, js);
    execFileSync("brotli", ["-f", "-q", "11", "-o", js + ".br", js]);
    execFileSync("sh", ["-c", `gzip -9 -n -c "${js}" > "${js}.gz"`]);
  }
  writeFileSync(join(MERMAID_SITE, "index.html"),
    '<!doctype html><html><head><meta charset="utf-8"><title>Mermaid</title></head><body><div id="out"></div></body></html>');
  return MERMAID_SITE;
}

async function mermaidRun(browser, relay, source) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(relay.url, { timeout: TIMEOUT });
  relay.counter.bytes = 0;
  return page.evaluate(async (source) => {
    const t0 = performance.now();
    await new Promise((ok, fail) => {
      const s = document.createElement("script");
      s.src = "mermaid.min.js";
      s.onload = ok;
      s.onerror = () => fail(new Error("mermaid.min.js did not load"));
      document.head.appendChild(s);
    });
    const loaded = performance.now();
    mermaid.initialize({ startOnLoad: false });
    const { svg } = await mermaid.render("bench", source);
    document.getElementById("out").innerHTML = svg;
    await new Promise((ok) => requestAnimationFrame(() => ok()));
    const rendered = performance.now();
    return { loadMs: loaded - t0, renderMs: rendered - loaded, totalMs: rendered - t0, svgBytes: svg.length };
  }, source).then(async (r) => { await context.close(); return { ...r, bytes: relay.counter.bytes }; });
}

async function main() {
  if (!existsSync(join(SITE, "sw.js"))) throw new Error(`${SITE} has no sw.js: build it first (scripts/build.sh web)`);
  const siteServer = await serveCompressed(SITE);
  const siteRelay = await countingRelay(siteServer.url);
  const mermaidServer = await serveCompressed(mermaidSite());
  const mermaidRelay = await countingRelay(mermaidServer.url);
  const browser = await launchBrowser();
  const runs = [], mermaids = [];
  const version = browser.version();
  try {
    for (let i = 0; i < RUNS; i++) {
      runs.push(await siteRun(browser, siteRelay));
      mermaids.push(await mermaidRun(browser, mermaidRelay, runs[0].mermaidSource));
    }
  } finally {
    await browser.close();
    await siteRelay.close(); await siteServer.close();
    await mermaidRelay.close(); await mermaidServer.close();
  }

  const m = (k, xs = runs) => median(xs.map((r) => r[k]));
  console.log(`Boot benchmark: ${SITE}, served by sirv-cli with precompressed files; ${RUNS} runs, medians`);
  console.log(`Chromium ${version}, software WebGL; English default map (${runs[0].mermaidSource.split("\n").filter((l) => /:\s*\d/.test(l)).length} Mermaid tasks)`);
  console.log("");
  console.log("| what | bytes on the wire | time to first interactive frame |");
  console.log("|---|---|---|");
  console.log(`| editor, cold (first visit), before the first frame | ${kb(m("coldFirstFrameBytes"))} | ${ms(m("coldMs"))} |`);
  console.log(`| editor, cold, in all (with the service worker's precache, in the background) | ${kb(m("coldTotalBytes"))} | |`);
  console.log(`| editor, warm service worker (reload) | ${kb(m("warmFirstFrameBytes"))} | ${ms(m("warmMs"))} |`);
  console.log(`| Mermaid ${"12"}: load mermaid.min.js + render the same map | ${kb(m("bytes", mermaids))} | load ${ms(m("loadMs", mermaids))} + render ${ms(m("renderMs", mermaids))} = ${ms(m("totalMs", mermaids))} |`);
  console.log("");
  console.log("Cold visit, files before the first frame (as received):");
  for (const f of runs[0].files) console.log(`  ${f.url.padEnd(32)} ${f.encoding.padEnd(5)} ${kb(f.bytes).padStart(8)}  ${f.type}`);
  console.log(`Warm visit: ${runs[0].warmFromServiceWorker} of ${runs[0].warmFiles} responses from the service worker`);
}

main().catch((e) => { console.error(e); process.exit(1); });
