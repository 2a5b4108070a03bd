// Share-link lengths for every template in every language, measured in headless
// Chromium through window.journeymap.shareLink(): the links the editor itself
// makes (its compact text, the browser's CompressionStream("deflate-raw"),
// base64url). Each link's map text is inflated again here and deflated by
// node's zlib as a cross-check, and the share link of the largest template is
// timed, made and opened. Prints figures; asserts nothing about them.
// Run after a web build:
//   node tests/bench/share_links.mjs        (JM_SITE_DIR picks another build's site)
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { serveSite, launchBrowser, openEditor, settle, api } from "../e2e/harness.mjs";

const TEMPLATES = ["blank", "acnce-funnel", "b2b-journey-exit", "b2b-lifecycle", "saas-journey"];
const LANGUAGES = ["en", "es", "pt-BR", "zh-CN"];
const LIMIT = 8000;
const RUNS = 5;
// A typical address a team would serve the editor from, for the "fits" column.
const EXAMPLE_ADDRESS = "https://journeymap.example.org/";

const server = await serveSite();
const browser = await launchBrowser();
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(1)} ms`;
const n = (x) => x.toLocaleString("en-US");

// A new map from one template version; the API fetches a language's templates
// the first time and answers {retry: true} until they are in.
async function newMap(page, name) {
  for (;;) {
    const r = await page.evaluate((name) => window.journeymap.newMap(name), name);
    if (r.ok) break;
    if (!r.retry) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
    await page.waitForFunction((name) => window.journeymap.newMap(name).ok, name, { polling: 100 });
    break;
  }
  await settle(page);
}

async function shareLink(page) {
  const answer = await page.evaluate(() => window.journeymap.shareLink());
  await settle(page);
  return { answer, makeMs: (await api(page, "_share")).makeMs };
}

const page = await openEditor(browser, server.url, { width: 1400, height: 900 });
const rows = [];
for (const id of TEMPLATES) {
  for (const language of LANGUAGES) {
    await newMap(page, `${id}.${language}`);
    const { answer, makeMs } = await shareLink(page);
    const row = { id, language, length: answer.length, fragment: answer.length - server.url.length, makeMs, url: answer.url };
    if (answer.url) {
      // The text the link carries (compact) and the file it stands for (the
      // canonical writer's 2-space indentation, which JSON.stringify repeats).
      const data = Buffer.from(answer.url.slice(answer.url.indexOf("#map=v1.") + 8), "base64url");
      const compact = inflateRawSync(data);
      const indented = Buffer.from(JSON.stringify(JSON.parse(compact), null, 2) + "\n");
      Object.assign(row, {
        indented: indented.length, compact: compact.length, deflated: data.length,
        nodeDeflated: deflateRawSync(compact).length, nodeIndented: deflateRawSync(indented).length,
      });
    }
    rows.push(row);
  }
}

console.log(`Share links of the templates (Chromium ${browser.version()}, CompressionStream "deflate-raw"; ` +
  `link = page address + "#map=v1." + base64url of the deflated compact text)\n`);
console.log("| template | language | file sent (bytes) | link text, compact (bytes) | deflated by Chromium (bytes) | node zlib: compact / indented (bytes) | fragment (chars) | link at " + EXAMPLE_ADDRESS + " (chars) | fits 8,000 |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|---|");
for (const r of rows) {
  const at = r.fragment + EXAMPLE_ADDRESS.length;
  console.log(`| ${r.id} | ${r.language} | ${r.indented ? n(r.indented) : "-"} | ${r.compact ? n(r.compact) : "-"} | ${r.deflated ? n(r.deflated) : "-"} | ` +
    `${r.nodeDeflated ? n(r.nodeDeflated) + " / " + n(r.nodeIndented) : "-"} | ${n(r.fragment)} | ${n(at)} | ${at <= LIMIT ? "yes" : "no"} |`);
}

// Timing: the largest link made RUNS times, then opened RUNS times in the
// running editor (pasted into the address bar) and at start in fresh contexts
// (empty storage), against opening the editor with no link. A Chinese map also
// fetches the CJK font at start, so the largest Latin-script link is timed too.
// Milliseconds from the page's navigation to the editor ready with its map on
// screen (window.journeymapReady: the link's map is shown before it resolves).
async function timedOpen(url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const tab = await context.newPage();
  await tab.goto(url);
  const ready = await tab.evaluate(async () => { await window.journeymapReady; return performance.now(); });
  const share = await tab.evaluate(() => window.journeymap._share());
  await context.close();
  return { ready, openMs: share.openMs, shared: share.shared };
}

async function timeLink(row) {
  await newMap(page, `${row.id}.${row.language}`);
  const make = [];
  for (let i = 0; i < RUNS; i++) make.push((await shareLink(page)).makeMs);
  const link = (await page.evaluate(() => window.journeymap.shareLink())).url;
  await settle(page);
  const running = [];
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => { location.hash = ""; });
    await settle(page);
    await page.evaluate((h) => { location.hash = h; }, link.slice(link.indexOf("#")));
    await page.waitForFunction(() => window.journeymap._share().shared && !window.journeymap._share().opening, null, { polling: 16 });
    running.push((await page.evaluate(() => window.journeymap._share())).openMs);
    await settle(page);
  }
  const opened = [], plain = [];
  for (let i = 0; i < RUNS; i++) {
    opened.push(await timedOpen(link));
    plain.push(await timedOpen(server.url));
    if (!opened.at(-1).shared) throw new Error("the link did not open");
  }
  console.log(`\n${row.id}.${row.language}: ${n(row.fragment)} characters after the address`);
  console.log(`  make (text to send + compact + deflate + base64url), median of ${RUNS}: ${ms(median(make))} (best ${ms(Math.min(...make))})`);
  console.log(`  open in the running editor (read the address + inflate + load + check + show), median of ${RUNS}: ${ms(median(running))} (best ${ms(Math.min(...running))})`);
  console.log(`  open at start, the same steps: ${ms(median(opened.map((o) => o.openMs)))}; from navigation to the editor ready with the map: ` +
    `${ms(median(opened.map((o) => o.ready)))} (with no link, a template made at start: ${ms(median(plain.map((o) => o.ready)))}) (medians)`);
}

const fitting = rows.filter((r) => r.url).sort((a, b) => b.length - a.length);
await timeLink(fitting[0]);
const latin = fitting.find((r) => r.language !== "zh-CN");
if (latin !== fitting[0]) await timeLink(latin);

await browser.close();
await server.close();
