// Fonts by need: the first frame gets the UI fonts only (Latin, Greek,
// Cyrillic and the icons); the CJK font is fetched the first time Chinese or
// Japanese text is to be drawn, first as its common characters, then whole for a
// character they lack; the single file draws Chinese offline. What was drawn is
// read from the font atlas (jm_test_glyph, src/platform/web/test_hooks.cpp);
// the bytes fetched before the first frame and the time from a typed Chinese
// character to its glyphs on screen are measured and reported.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  serveSite, launchBrowser, api, settle, typeInto, screenshot, waitForState, throttle, ROOT, SITE, SINGLE_FILE, TIMEOUT,
} from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const COMMON = "fonts/DroidSansFallback-common.ttf";
const FULL = "fonts/DroidSansFallbackFull.ttf";
// Sources of the editor's main font, in order: Inter, Font Awesome, then the
// CJK fonts as they were merged.
const SOURCE_FIRST_CJK = 2;

// Opens the editor as openEditor does, recording every request the page makes
// from the start; `firstFrame` holds those made before the editor was ready
// (its first frame comes next).
async function openRecorded({ locale = "en-US" } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname.replace(/^\//, "")));
  page.jmErrors = [];
  page.on("pageerror", (e) => page.jmErrors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") page.jmErrors.push(m.text()); });
  page.setDefaultTimeout(TIMEOUT);
  await throttle(page);
  await page.goto(server.url);
  await page.evaluate(() => window.journeymapReady);
  const firstFrame = requests.slice();
  await settle(page);
  return { page, requests, firstFrame };
}

// What the editor's main font knows of a character (see jm_test_glyph).
async function glyph(page, ch) {
  const bits = await page.evaluate((c) => JM.module._jm_test_glyph(c), ch.codePointAt(0));
  return { inFont: !!(bits & 1), drawn: !!(bits & 2), pixels: !!(bits & 4), source: bits >> 8 };
}

const fontState = (page) => page.evaluate(() => JM.fonts.state());

// The English SaaS template (7 stages, personas, KPIs), read from the sources.
async function englishMap() {
  for (const name of ["saas-journey.en.json", "saas-journey.json"]) {
    const file = join(ROOT, "assets/templates", name);
    if (existsSync(file)) return JSON.parse(await readFile(file, "utf8"));
  }
  throw new Error("no English saas-journey template in assets/templates");
}

async function loadMap(page, map) {
  const result = await api(page, "loadJSON", JSON.stringify(map));
  assert.equal(result.ok, true, JSON.stringify(result));
}

// Raw and gzip -9 sizes of the site's files a page requested.
async function sizes(paths) {
  const rows = [];
  for (const path of new Set(paths)) {
    const file = join(SITE, path === "" ? "index.html" : path);
    if (!existsSync(file)) continue;
    const bytes = await readFile(file);
    rows.push({ path: path || "index.html", raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return rows;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test("an English map starts with the UI fonts only and never fetches the CJK font", async (t) => {
  const { page, requests, firstFrame } = await openRecorded();
  const fonts = firstFrame.filter((p) => p.startsWith("fonts/")).sort();
  assert.deepEqual(fonts, ["fonts/Inter-Regular.otf", "fonts/Inter-SemiBold.otf", "fonts/fontawesome-webfont.ttf"]);

  const rows = await sizes(firstFrame);
  const total = (k, only = () => true) => rows.filter(only).reduce((s, r) => s + r[k], 0);
  const isFont = (r) => r.path.startsWith("fonts/");
  for (const r of rows) t.diagnostic(`before the first frame: ${r.path} ${kb(r.raw)} (gzip ${kb(r.gzip)})`);
  t.diagnostic(`before the first frame, fonts: ${kb(total("raw", isFont))} (gzip ${kb(total("gzip", isFont))}); ` +
    `everything: ${kb(total("raw"))} (gzip ${kb(total("gzip"))})`);
  // The budget of the UI fonts (they are about 110 KB): a subset that grew by
  // a whole script or lost its cut fails here.
  assert.ok(total("raw", isFont) < 200 * 1024, `UI fonts ${kb(total("raw", isFont))}`);

  // A whole English map, with its panels, menus and cards drawn.
  await loadMap(page, await englishMap());
  await screenshot(page, "fonts-english-map");
  assert.equal(requests.some((p) => p.includes("DroidSansFallback")), false, "no CJK font fetched");
  assert.equal(requests.some((p) => p.startsWith("i18n/")), false, "no translation fetched");
  assert.deepEqual(await fontState(page), { loading: 0 });
  assert.deepEqual(await glyph(page, "A"), { inFont: true, drawn: true, pixels: true, source: 0 });
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("a Chinese title typed into an English map loads the common CJK characters and draws them", async (t) => {
  const { page, requests } = await openRecorded();
  await loadMap(page, await englishMap());
  await typeInto(page, "Title", "");
  assert.equal((await glyph(page, "客")).inFont, false, "no CJK glyph before");

  // As an IME commits text: the characters reach the hidden text field as one insertion.
  const typed = await page.evaluate(() => performance.now());
  await page.keyboard.insertText("客户旅程");
  const state = await waitForState(page, () => {
    const s = JM.fonts.state();
    return s.cjkCommon && s.cjkCommon.drawn !== undefined && s;
  }, null, { what: "the common CJK characters to be merged and drawn" });
  assert.equal(await api(page, "title"), "客户旅程");
  assert.equal(state.cjkCommon.state, "merged");
  assert.ok(requests.includes(COMMON), "the common characters were fetched");
  assert.equal(requests.includes(FULL), false, "the whole font was not needed");
  for (const ch of "客户旅程") {
    const g = await glyph(page, ch);
    assert.deepEqual(g, { inFont: true, drawn: true, pixels: true, source: SOURCE_FIRST_CJK }, `${ch}: ${JSON.stringify(g)}`);
  }
  const c = state.cjkCommon;
  t.diagnostic(`first Chinese character typed -> its glyphs on screen: ${(c.drawn - typed).toFixed(0)} ms ` +
    `(asked for after ${(c.requested - typed).toFixed(0)} ms; fetched ${kb(c.bytes)} in ${(c.fetched - c.requested).toFixed(0)} ms; ` +
    `merged in ${(c.merged - c.fetched).toFixed(0)} ms; drawn ${(c.drawn - c.merged).toFixed(0)} ms later)`);
  await screenshot(page, "fonts-chinese-title");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("a Chinese map loaded into the editor draws every card, and a rare character brings the whole font", async (t) => {
  const { page, requests } = await openRecorded();
  const map = await englishMap();
  // 㗎 (U+35CE, a Cantonese particle in CJK extension A) is in no common set.
  const RARE = "㗎";
  const touchpoints = map.stages.flatMap((s) => s.touchpoints);
  map.title = "客户旅程";
  map.stages[0].name = "认知";
  map.stages[1].name = "考虑";
  touchpoints[0].title = "搜索引擎广告";
  touchpoints[1].title = "广告係咪真㗎？";
  await loadMap(page, map);
  const state = await waitForState(page, () => {
    const s = JM.fonts.state();
    return s.cjkFull && s.cjkFull.drawn !== undefined && s;
  }, null, { what: "the whole CJK font to be merged and drawn" });
  assert.equal(state.cjkCommon.state, "merged", "the common characters came first");
  assert.ok(requests.indexOf(COMMON) < requests.indexOf(FULL));
  // The rare character comes from the whole font (the source after the subset);
  // the common ones from the subset, which ImGui asks first.
  assert.deepEqual(await glyph(page, RARE), { inFont: true, drawn: true, pixels: true, source: SOURCE_FIRST_CJK + 1 });
  assert.deepEqual(await glyph(page, "搜"), { inFont: true, drawn: true, pixels: true, source: SOURCE_FIRST_CJK });
  const f = state.cjkFull;
  t.diagnostic(`whole CJK font: ${kb(f.bytes)} fetched in ${(f.fetched - f.requested).toFixed(0)} ms, merged in ` +
    `${(f.merged - f.fetched).toFixed(0)} ms`);
  await screenshot(page, "fonts-chinese-map");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("a browser in Chinese gets the common CJK characters before the first frame", async () => {
  const { page, firstFrame } = await openRecorded({ locale: "zh-CN" });
  assert.ok(firstFrame.includes(COMMON), `fetched before the first frame: ${firstFrame.join(", ")}`);
  assert.ok(firstFrame.includes("i18n/zh-CN.json"), `fetched before the first frame: ${firstFrame.join(", ")}`);
  assert.equal(firstFrame.includes(FULL), false);
  assert.equal((await fontState(page)).cjkCommon.state, "merged");
  assert.equal((await glyph(page, "客")).inFont, true);
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("the single file draws Chinese offline, from the whole CJK font it carries", { skip: !existsSync(SINGLE_FILE) && "no single-file build" }, async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const fetched = [];
  await context.route(/^https?:/, (route) => { fetched.push(route.request().url()); return route.abort(); });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.setDefaultTimeout(TIMEOUT);
  await page.goto("file://" + SINGLE_FILE);
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
  assert.equal(await page.evaluate(() => "fonts/DroidSansFallback-common.ttf" in window.JM_EMBEDDED), false,
    "the subset is not embedded: the whole font is");
  assert.deepEqual(await fontState(page), { loading: 0 }, "nothing decoded before it is needed");
  await loadMap(page, await englishMap());
  await typeInto(page, "Title", "");
  await page.keyboard.insertText("离线旅程㗎");
  const state = await waitForState(page, () => {
    const s = JM.fonts.state();
    return s.cjkFull && s.cjkFull.drawn !== undefined && s;
  }, null, { what: "the embedded CJK font to be merged and drawn" });
  assert.equal(state.cjkCommon, undefined, "straight to the whole font");
  for (const ch of "离线旅程㗎")
    assert.deepEqual(await glyph(page, ch), { inFont: true, drawn: true, pixels: true, source: SOURCE_FIRST_CJK }, ch);
  assert.deepEqual(fetched, [], "no network");
  assert.deepEqual(errors, []);
  await context.close();
});
