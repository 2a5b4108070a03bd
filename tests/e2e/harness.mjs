// Browser-test harness: serves the built static site on loopback, starts
// Debian's Chromium through playwright-core, and finds ImGui widgets by label
// through the app's test hook (window.journeymap._testItems()).
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

export const ROOT = resolve(new URL("../..", import.meta.url).pathname);
export const SITE = resolve(process.env.JM_SITE_DIR ?? join(ROOT, "build/web/site"));
export const SHOTS = resolve(process.env.JM_SHOTS_DIR ?? join(ROOT, "build/web/screenshots"));
export const NATIVE = resolve(process.env.JM_NATIVE_BUILD ?? join(ROOT, "build/native"));

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json",
  ".otf": "font/otf", ".ttf": "font/ttf", ".png": "image/png", ".svg": "image/svg+xml",
};

// A static file server on 127.0.0.1 with an OS-chosen port.
export async function serveSite(dir = SITE) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(dir, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--use-gl=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.JM_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

// Opens the editor in a new page and waits until window.journeymapReady resolves.
// Console errors and page errors are collected in page.jmErrors.
export async function openEditor(browser, baseUrl, { width = 1280, height = 800, dpr = 1, storage, init } = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: dpr, acceptDownloads: true,
    permissions: ["clipboard-read", "clipboard-write"], storageState: storage,
  });
  const page = await context.newPage();
  page.jmErrors = [];
  page.on("console", (m) => { if (m.type() === "error") page.jmErrors.push(m.text()); });
  page.on("pageerror", (e) => page.jmErrors.push(String(e)));
  if (init) await page.addInitScript(init);
  await page.goto(baseUrl);
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
  return page;
}

// Waits until the app has drawn a frame after now, then until it goes idle.
export async function settle(page) {
  const before = await page.evaluate(() => window.journeymap._frame());
  await page.evaluate(() => JM.wake());
  await page.waitForFunction((f) => window.journeymap._frame() > f, before);
  await page.waitForTimeout(50);
}

export async function items(page) {
  return page.evaluate(() => window.journeymap._testItems());
}

// The visible label of an ImGui item: what comes before "##".
export function visibleLabel(label) {
  const i = label.indexOf("##");
  return i < 0 ? label : label.slice(0, i);
}

// Finds an item whose label matches: a string matches the visible label, the
// whole label, or a hidden label ("##Title" for "Title", as the inspector's
// fields are named); a RegExp is tested against the whole label.
export async function findItem(page, match, { timeout = 5000, window } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const all = await items(page);
    const hit = all.find((it) =>
      (!window || it.window.startsWith(window)) &&
      (match instanceof RegExp ? match.test(it.label)
        : it.label === match || visibleLabel(it.label) === match || it.label === "##" + match) &&
      it.w > 0 && it.h > 0);
    if (hit) return hit;
    if (Date.now() > deadline) {
      const names = [...new Set(all.map((it) => it.label))].slice(0, 80).join(" | ");
      throw new Error(`no widget labelled ${match} (window ${window ?? "any"}); visible: ${names}`);
    }
    await settle(page);
  }
}

// Moves to the widget, lets the app draw the hover, then clicks: as a person
// does, with frames between moving and pressing.
export async function click(page, match, opts = {}) {
  const it = await findItem(page, match, opts);
  const x = it.x + Math.min(it.w / 2, 40), y = it.y + it.h / 2;
  await page.mouse.move(x, y);
  await settle(page);
  await page.mouse.click(x, y, { button: opts.button ?? "left", clickCount: opts.clickCount ?? 1 });
  await settle(page);
  return it;
}

export async function doubleClick(page, match, opts = {}) {
  return click(page, match, { ...opts, clickCount: 2 });
}

// Clicks into a text field, selects all it holds, and types `text` through the keyboard.
export async function typeInto(page, match, text, opts = {}) {
  await click(page, match, opts);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
  await settle(page);
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  const path = join(SHOTS, name + ".png");
  await page.screenshot({ path });
  return path;
}

export async function api(page, name, ...args) {
  const out = await page.evaluate(({ name, args }) => window.journeymap[name](...args), { name, args });
  await settle(page);
  return out;
}
