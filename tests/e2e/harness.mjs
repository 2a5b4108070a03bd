// Browser-test harness: serves the built static site on loopback, starts
// Debian's Chromium through playwright-core, and finds ImGui widgets by label
// through the app's test hook (window.journeymap._testItems()).
//
// Nothing here waits for a length of time. Every step waits for a state: the
// editor being idle (journeymap._idle(): everything that happened is drawn, the
// last frames changed nothing on screen, no file is being read, no autosave is
// waiting), a widget being on screen, or a condition on the app's state, each
// with a generous timeout that only a failure reaches.
import { createServer } from "node:http";
import { spawn } from "node:child_process";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

export const ROOT = resolve(new URL("../..", import.meta.url).pathname);
// The test build (scripts/build.sh web-test: the same sources as the release
// site, with the test hooks on). JM_SITE_DIR points the tests at another site.
export const SITE = resolve(process.env.JM_SITE_DIR ?? join(ROOT, "build/web-test/site"));
export const SHOTS = resolve(process.env.JM_SHOTS_DIR ?? join(ROOT, "build/web/screenshots"));
export const NATIVE = resolve(process.env.JM_NATIVE_BUILD ?? join(ROOT, "build/native"));
// The single-file build sits next to the site folder (scripts/build.sh web).
export const SINGLE_FILE = resolve(process.env.JM_SINGLE_FILE ?? join(SITE, "..", "journeymap-editor.html"));

// How long a wait may take before it counts as a failure. Waits end as soon as
// their state is reached; these only bound a broken run (a loaded CI machine or
// a CPU-throttled browser is slow, not broken). JM_E2E_TIMEOUT_MS scales them.
export const TIMEOUT = Number(process.env.JM_E2E_TIMEOUT_MS ?? 60000);
const POLL_MS = 16;

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json",
  ".otf": "font/otf", ".ttf": "font/ttf", ".png": "image/png", ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
};

// A static file server on 127.0.0.1 with an OS-chosen port. serve(dir) switches
// the folder it serves (a new build deployed at the same address:
// tests/e2e/update.test.mjs); requests counts what it answered.
export async function serveSite(dir = SITE) {
  let root = resolve(dir);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
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
  return {
    url, requests,
    serve: (other) => { root = resolve(other); },
    // Ends open connections too, so a page sees the network gone at once.
    close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }),
  };
}

// The site as scripts/serve.sh serves it: npm's sirv-cli with the precompressed
// .br / .gz files (Content-Encoding by the browser's Accept-Encoding), on a free
// port of 127.0.0.1. For measurements of what a visitor downloads
// (tests/bench/boot.mjs); the tests use serveSite.
export async function serveCompressed(dir = SITE) {
  const bin = join(ROOT, "node_modules/.bin/sirv");
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, "127.0.0.1", ok));
  const port = probe.address().port;
  await new Promise((ok) => probe.close(ok));
  const child = spawn(bin, [resolve(dir), "--brotli", "--gzip", "--host", "127.0.0.1", "--port", String(port), "--quiet"], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + TIMEOUT;
  for (;;) {   // until it answers
    try { if ((await fetch(url)).ok) break; } catch { /* not listening yet */ }
    if (child.exitCode !== null) throw new Error(`sirv exited (${child.exitCode}) before serving ${dir}`);
    if (Date.now() > deadline) { child.kill(); throw new Error(`sirv did not answer on ${url}`); }
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return { url, close: () => new Promise((ok) => { if (child.exitCode !== null) ok(); else { child.once("exit", ok); child.kill(); } }) };
}

// Waits until a service worker controls the page and has its whole precache
// (navigator.serviceWorker.ready: the worker is active, so its install, which
// fetched and stored every file of the site, has finished). Returns the URLs
// it precached.
export async function waitForServiceWorker(page, { timeout = TIMEOUT } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    // Each look waits in the page for the next change of the worker's state (or
    // a second, for the precache to be written), so this is no busy loop.
    const files = await failOnPageError(page, page.evaluate(async () => {
      const sw = navigator.serviceWorker;
      if (!sw.controller) {
        await new Promise((ok) => { sw.addEventListener("controllerchange", ok, { once: true }); setTimeout(ok, 1000); });
        if (!sw.controller) return null;
      }
      const reg = await sw.ready;
      if (!reg.active || reg.active.scriptURL !== sw.controller.scriptURL) return null;
      const precache = (await caches.keys()).find((n) => n.startsWith("workbox-precache"));
      if (!precache) return null;
      return (await (await caches.open(precache)).keys()).map((r) => new URL(r.url).pathname);
    }));
    if (files) { await settle(page); return files; }
    if (Date.now() > deadline) throw new Error(`no service worker controls the page within ${timeout} ms`);
  }
}

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--use-gl=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
];

// JM_CPU_THROTTLE=N slows every editor page's main thread N times (Chromium's
// Emulation.setCPUThrottlingRate, as DevTools' "CPU: N x slowdown"): a way to
// look for races that a fast machine hides.
export async function throttle(page, rate = Number(process.env.JM_CPU_THROTTLE ?? 1)) {
  if (!(rate > 1)) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.JM_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

// Opens the editor in a new page and waits until window.journeymapReady resolves.
// Console errors and page errors are collected in page.jmErrors. The default size
// is a wide screen, where the side panels are docked beside the map; below 1400
// px they open over it (tests/e2e/small_screen.test.mjs).
// `serviceWorkers: "block"` opens it with no service worker, so that page.route()
// sees every request the editor makes (a service worker answers from its cache).
export async function openEditor(browser, baseUrl, { width = 1440, height = 900, dpr = 1, storage, init, locale = "en-US", serviceWorkers = "allow" } = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: dpr, acceptDownloads: true, locale,
    permissions: ["clipboard-read", "clipboard-write"], storageState: storage, serviceWorkers,
  });
  const page = await context.newPage();
  // Keep Playwright's file-chooser interception on from the start: it is
  // switched on when the first listener is added, asynchronously, and a gesture
  // that opens the picker right after waitForEvent("filechooser") could beat it
  // (the picker then never reaches the test).
  page.on("filechooser", () => {});
  page.jmErrors = [];
  page.on("console", (m) => { if (m.type() === "error") page.jmErrors.push(m.text()); });
  page.on("pageerror", (e) => page.jmErrors.push(String(e)));
  page.setDefaultTimeout(TIMEOUT);
  page.setDefaultNavigationTimeout(TIMEOUT);
  if (init) await page.addInitScript(init);
  await throttle(page);
  await page.goto(baseUrl);
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
  return page;
}

// Waits until the editor is idle: every input and change so far has been
// drawn, the last two frames drew the same picture, ImGui has no window to
// measure and no input left, no dropped or picked file is being read, no
// storage write is in flight, and no autosave is pending (see JM.idle in
// web/input.js). It never wakes the editor itself, so a change that would not
// reach the screen without more input fails the wait instead of being hidden.
export async function settle(page, { timeout = TIMEOUT } = {}) {
  try {
    await failOnPageError(page, page.waitForFunction(() => window.journeymap._idle() || JM.failIfStuck(), null, { timeout, polling: POLL_MS }));
  } catch (e) {
    const state = await page.evaluate(() => window.journeymap?._idleState?.()).catch(() => "page gone");
    throw new Error(`the editor did not become idle (waited up to ${timeout} ms): ${e.message.split("\n")[0]}; state ${JSON.stringify(state)}`);
  }
}

// An uncaught error in the page (a crash in the editor stops its frames) ends
// a wait at once instead of at its timeout; so does an editor that is not idle
// but has stopped drawing (JM.failIfStuck in web/input.js).
async function failOnPageError(page, waiting) {
  let onError;
  const crashed = new Promise((_, reject) => {
    onError = (e) => reject(new Error(`page error: ${e}`));
    page.once("pageerror", onError);
  });
  try {
    return await Promise.race([waiting, crashed]);
  } finally {
    page.off("pageerror", onError);
    waiting.catch(() => {});
    crashed.catch(() => {});
  }
}

// Waits until fn(arg), run in the page (it may return a promise), returns
// something truthy, then until the editor is idle; returns that value. For
// states that arrive from outside a frame (a resize, the clipboard, another
// tab's save).
export async function waitForState(page, fn, arg, { timeout = TIMEOUT, what = String(fn) } = {}) {
  const deadline = Date.now() + timeout;
  try {
    const handle = await page.waitForFunction(fn, arg, { timeout, polling: POLL_MS });
    const value = await handle.jsonValue();
    await settle(page, { timeout: Math.max(1000, deadline - Date.now()) });
    return value;
  } catch (e) {
    throw new Error(`waited ${timeout} ms for ${what}\n${e.message}`);
  }
}

// The items of the last frame drawn (settle first to see the current state).
export async function items(page) {
  return page.evaluate(() => window.journeymap._testItems());
}

// The visible label of an ImGui item: what comes before "##".
export function visibleLabel(label) {
  const i = label.indexOf("##");
  return i < 0 ? label : label.slice(0, i);
}

// Finds an item on screen whose label matches, once the editor is idle: a
// string matches the visible label, the whole label, or a hidden label
// ("##Title" for "Title", as the inspector's fields are named); a RegExp is
// tested against the whole label. `window` is a prefix of the item's window
// name. Items of hidden windows or scrolled out of sight have no size and do
// not match. Waits until the item is there (or the timeout).
export async function findItem(page, match, { timeout = TIMEOUT / 2, window } = {}) {
  const m = match instanceof RegExp ? { source: match.source, flags: match.flags } : { text: match };
  try {
    const handle = await failOnPageError(page, page.waitForFunction(({ m, win }) => {
      const jm = window.journeymap;
      if (!jm._idle()) return JM.failIfStuck();
      const re = m.source !== undefined ? new RegExp(m.source, m.flags) : null;
      const visible = (l) => { const i = l.indexOf("##"); return i < 0 ? l : l.slice(0, i); };
      return jm._testItems().find((it) =>
        (!win || it.window.startsWith(win)) &&
        (re ? re.test(it.label) : it.label === m.text || visible(it.label) === m.text || it.label === "##" + m.text) &&
        it.w > 0 && it.h > 0) ?? null;
    }, { m, win: window }, { timeout, polling: POLL_MS }));
    return await handle.jsonValue();
  } catch (e) {
    const all = await items(page).catch(() => []);
    const names = [...new Set(all.filter((it) => it.w > 0).map((it) => it.label))].slice(0, 80).join(" | ");
    const state = await page.evaluate(() => window.journeymap?._idleState?.()).catch(() => "page gone");
    throw new Error(`no widget labelled ${match} (window ${window ?? "any"}) within ${timeout} ms; ` +
      `on screen: ${names}; editor: ${JSON.stringify(state)}\n${e.message}`);
  }
}

// The text the editor draws, as a user reads it, once it is idle: one string
// per window ({window, text}), or, with `window` (a prefix of window names),
// the text of those windows joined by new lines. Read from ImGui's text log
// of one frame (test builds); that frame leaves the editor to settle again
// (the next settle() or findItem() waits for it).
export async function readText(page, { window } = {}) {
  await settle(page);
  const segments = await page.evaluate(() => window.journeymap._readText());
  if (window === undefined) return segments;
  return segments.filter((s) => s.window.startsWith(window)).map((s) => s.text.trim()).join("\n");
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
  await settle(page);
  await mkdir(SHOTS, { recursive: true });
  const path = join(SHOTS, name + ".png");
  await page.screenshot({ path });
  return path;
}

// Calls window.journeymap[name](...args) once the editor is idle (so a read
// sees everything done so far), and waits until it is idle again (so what the
// call changed is drawn and stored).
export async function api(page, name, ...args) {
  await settle(page);
  const out = await page.evaluate(({ name, args }) => window.journeymap[name](...args), { name, args });
  await settle(page);
  return out;
}

// Waits until the text the editor draws (in the windows whose names start with
// `window`, or anywhere) matches `pattern` (a RegExp, or a string it includes)
// and returns that text. For words no widget carries: notices, tooltips, the
// lines of a dialog. Each look draws one frame, so time passes for the editor
// (a tooltip's delay) only as frames do.
export async function waitForText(page, pattern, { window = "", timeout = TIMEOUT } = {}) {
  const deadline = Date.now() + timeout;
  const matches = (t) => (pattern instanceof RegExp ? pattern.test(t) : t.includes(pattern));
  for (;;) {
    const text = await readText(page, { window });
    if (matches(text)) return text;
    if (Date.now() > deadline) throw new Error(`no text matching ${pattern} (window ${window || "any"}) within ${timeout} ms; shown: ${text.slice(0, 600)}`);
  }
}

// Drops files on the editor as a file dragged from the desktop arrives: dragenter,
// dragover and drop on the canvas, the drop's DataTransfer holding File objects.
// Each file: {name, type?, text} or {name, type?, bytes} (a Buffer or Uint8Array).
// Waits until the editor has read them and settled.
export async function dropFiles(page, files) {
  const wire = files.map((f) => ({
    name: f.name, type: f.type ?? "",
    ...(f.bytes !== undefined ? { base64: Buffer.from(f.bytes).toString("base64") } : { text: f.text }),
  }));
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const body = f.base64 !== undefined ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : f.text;
      dt.items.add(new File([body], f.name, { type: f.type }));
    }
    const canvas = document.getElementById("canvas");
    for (const type of ["dragenter", "dragover", "drop"])
      canvas.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, wire);
  await settle(page);
}

// Pastes text as the browser does after Ctrl+V: a paste event on the focused
// element (the hidden text field while an ImGui text field is active, else the
// canvas), carrying the text. Waits until the editor has settled.
export async function pasteText(page, text) {
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", text);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await settle(page);
}

// The system clipboard's text, once it equals `equals` or includes `includes`:
// a copy reaches the clipboard through the copy event and, asynchronously,
// navigator.clipboard.
export async function clipboardWhen(page, { equals, includes }) {
  return waitForState(page, async ({ equals, includes }) => {
    const text = await navigator.clipboard.readText().catch(() => null);
    if (text === null || (equals !== undefined && text !== equals) || (includes !== undefined && !text.includes(includes))) return null;
    return text;
  }, { equals, includes }, { what: `the clipboard to hold ${JSON.stringify(equals ?? includes)}` });
}

// Every byte the site keeps in this browser: all of localStorage and every
// IndexedDB database (each object store's keys and values, binary values as
// hex), in a form that compares with deepEqual.
export async function storageSnapshot(page) {
  return page.evaluate(async () => {
    const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    async function plain(v) {
      if (v === null || typeof v !== "object") return v;
      if (v instanceof Blob) return { blob: v.type, hex: hex(new Uint8Array(await v.arrayBuffer())) };
      if (v instanceof ArrayBuffer) return { arrayBuffer: hex(new Uint8Array(v)) };
      if (ArrayBuffer.isView(v)) return { [v.constructor.name]: hex(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
      if (v instanceof Date) return { date: v.toISOString() };
      if (v instanceof Map) return { map: await plain([...v.entries()]) };
      if (v instanceof Set) return { set: await plain([...v.values()]) };
      if (Array.isArray(v)) return Promise.all(v.map(plain));
      const out = {};
      for (const k of Object.keys(v).sort()) out[k] = await plain(v[k]);
      return out;
    }
    const local = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      local[k] = localStorage.getItem(k);
    }
    const databases = {};
    const list = indexedDB.databases ? await indexedDB.databases() : [];
    for (const { name, version } of list.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const db = await new Promise((ok, fail) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const stores = {};
      for (const store of [...db.objectStoreNames].sort()) {
        stores[store] = await new Promise((ok, fail) => {
          const rows = [];
          const req = db.transaction(store, "readonly").objectStore(store).openCursor();
          req.onsuccess = () => {
            const c = req.result;
            if (!c) { ok(rows); return; }
            rows.push([c.key, c.value]);
            c.continue();
          };
          req.onerror = () => fail(req.error);
        });
        stores[store] = await plain(stores[store]);
      }
      db.close();
      databases[name] = { version, stores };
    }
    return { localStorage: await plain(local), indexedDB: databases };
  });
}

// File > New map... from the template `name` (its id), as a person picks it.
export async function newMapFromTemplate(page, name) {
  await click(page, "File");
  await click(page, /New map\.\.\./);
  await click(page, new RegExp(`##template-${name}$`));
}

// A mouse drag in eight steps, with frames drawn before the button is released.
export async function dragFromTo(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
  await settle(page);
  await page.mouse.up();
  await settle(page);
}

// Adds a card to the first stage on screen through its "+" and names it in the inspector.
export async function addCard(page, title) {
  await click(page, /^\+ Add touchpoint##add-card$/);
  await findItem(page, "Title", { window: "Journey Map/Inspector" });
  await page.keyboard.press("Control+A");
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await settle(page);
}
