// Maps are never lost: autosave to IndexedDB, the library, files in and out, bad
// input, full or missing storage, a library moved over from localStorage, a
// 10,000-touchpoint map through a reload and a killed browser, and two tabs on
// one map. Every wait is for a state (saved, on disk, a widget shown), never a
// fixed time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import {
  serveSite, launchBrowser, openEditor, click, findItem, items, settle, api, screenshot, waitForText, CHROMIUM_ARGS,
} from "./harness.mjs";
import { largeMap } from "../support/large_map.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const SAVED = "Saved in this browser";
const LONG = 120000;   // a 10,000-touchpoint map on a busy 2-core machine with software WebGL

const mapOf = async (page) => JSON.parse(await api(page, "exportJSON"));
const mapKey = (id) => "journeymap:map:" + id;

// Polls the state: "Saved in this browser" means the map's batch is committed to disk.
async function waitSaved(page, timeout = 60000) {
  await page.waitForFunction((s) => window.journeymap.saveState().status === s, SAVED, { timeout, polling: 100 });
}

// The open map's text as IndexedDB holds it now (not the in-memory mirror).
async function onDisk(page, id) {
  return page.evaluate((key) => JM.storage.readDisk(key), mapKey(id ?? await api(page, "currentMapId")));
}

// Renames the open map through the inspector (Map > Map details).
async function renameMap(page, title) {
  await click(page, "Map");
  await click(page, /Map details and business figures/);
  await click(page, "Title");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await settle(page);
}

async function clickItem(page, it) {
  await page.mouse.click(it.x + Math.min(it.w / 2, 20), it.y + it.h / 2);
  await settle(page);
}

// A button on the same row as a library entry.
async function rowButton(page, rowTitle, label) {
  const row = await findItem(page, new RegExp(`^${rowTitle.replace(/[()]/g, "\\$&")}( +\\(open\\))?##open$`));
  const all = await items(page);
  const mid = (it) => it.y + it.h / 2;
  const hit = all.find((it) => it.label === label && Math.abs(mid(it) - mid(row)) < 6);
  assert.ok(hit, `no ${label} button on the row of ${rowTitle}`);
  return hit;
}

test("autosave, then a reload restores the map exactly", async () => {
  const page = await openEditor(browser, server.url);
  await renameMap(page, "Onboarding Q3 入职");
  await waitSaved(page);
  const before = await api(page, "exportJSON");
  assert.equal(await onDisk(page), before, "the committed text is the map");
  assert.equal((await api(page, "saveState")).storage, "indexeddb");
  await hoverSaveState(page, "has not granted persistent storage");
  await screenshot(page, "storage-saved");
  await page.reload();
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
  assert.equal(await api(page, "exportJSON"), before);
  assert.equal((await mapOf(page)).title, "Onboarding Q3 入职");
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("journeymap:"))), [],
    "nothing of the library is in localStorage");
  await page.context().close();
});

test("the library lists, renames, duplicates and deletes maps, and undoes a delete", async () => {
  const page = await openEditor(browser, server.url, { width: 1400, height: 900 });
  await renameMap(page, "Alpha");
  await waitSaved(page);
  await click(page, "File");
  await click(page, /New map\.\.\./);
  await click(page, /##template-blank$/);
  await renameMap(page, "Beta");
  await waitSaved(page);
  await click(page, "File");
  await click(page, /Library\.\.\./);
  assert.equal((await api(page, "listMaps")).length, 2);
  await screenshot(page, "library");

  await clickItem(page, await rowButton(page, "Alpha", "Duplicate"));
  let maps = await api(page, "listMaps");
  assert.equal(maps.length, 3);
  assert.ok(maps.some((m) => m.title === "Alpha (copy)"));

  await clickItem(page, await rowButton(page, "Alpha (copy)", "Rename"));
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Gamma");
  await page.keyboard.press("Enter");
  await settle(page);
  maps = await api(page, "listMaps");
  assert.ok(maps.some((m) => m.title === "Gamma"));

  await clickItem(page, await rowButton(page, "Gamma", "Delete"));
  await click(page, "Delete", { window: "Delete this map?" });
  assert.equal((await api(page, "listMaps")).length, 2);
  await click(page, /Undo delete/);
  maps = await api(page, "listMaps");
  assert.equal(maps.length, 3);
  assert.ok(maps.some((m) => m.title === "Gamma"));

  await clickItem(page, await findItem(page, /^Alpha##open$/));
  assert.equal((await mapOf(page)).title, "Alpha");

  // Every library action reached the disk: a reload lists the same maps.
  await page.waitForFunction(() => JM.storage.info().unwritten.length === 0 && JM.storage.info().pending === 0, null, { timeout: 60000 });
  const listed = (await api(page, "listMaps")).map((m) => m.title).sort();
  await page.reload();
  await page.evaluate(() => window.journeymapReady);
  assert.deepEqual((await api(page, "listMaps")).map((m) => m.title).sort(), listed);
  await page.context().close();
});

test("Download saves the map named after its title, with the version sent first in its lineage, kept as a base", async () => {
  const page = await openEditor(browser, server.url);
  await renameMap(page, "Decisão: compra");
  const expected = JSON.parse(await api(page, "exportJSON"));
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
  assert.equal(download.suggestedFilename(), "Decisão- compra.journeymap.json");
  const sent = JSON.parse(await readFile(await download.path(), "utf8"));
  const { lineage, ...rest } = sent;
  const { lineage: openLineage, ...expectedRest } = expected;
  assert.deepEqual(rest, expectedRest, "the file holds the open map");
  assert.equal(lineage.bases[0].id, expected.id);
  assert.match(lineage.bases[0].hash, /^[0-9a-f]{64}$/);
  // The library keeps that version, so that the groups' copies merge three-way.
  const baseKeys = await page.evaluate(() => JM.storage.keys("journeymap:base:"));
  assert.ok(baseKeys.some((k) => k.includes(lineage.bases[0].hash)), `a base for ${lineage.bases[0].hash} in ${baseKeys}`);
  await page.context().close();
});

const goodFile = (title, id = "map-from-file") => JSON.stringify({
  format: "journeymap", version: 1, id, title,
  stages: [{ id: "s1", name: "Awareness", touchpoints: [{ id: "t1", title: "Búsqueda 搜索", friction: 2 }] }],
  personas: [],
});

test("open a file through the file chooser; a file with a known id asks replace or keep both", async () => {
  const page = await openEditor(browser, server.url);
  await click(page, "File");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), click(page, /Open file\.\.\./)]);
  await chooser.setFiles({ name: "shared.journeymap.json", mimeType: "application/json", buffer: Buffer.from(goodFile("Shared map")) });
  await page.waitForFunction(() => window.journeymap.currentMapId() === "map-from-file");
  await settle(page);
  assert.equal((await mapOf(page)).title, "Shared map");
  assert.ok((await api(page, "listMaps")).some((m) => m.id === "map-from-file"));

  await click(page, "File");
  const [again] = await Promise.all([page.waitForEvent("filechooser"), click(page, /Open file\.\.\./)]);
  await again.setFiles({ name: "shared.journeymap.json", mimeType: "application/json", buffer: Buffer.from(goodFile("Shared map v2")) });
  await click(page, "Keep both");
  const maps = await api(page, "listMaps");
  assert.ok(maps.some((m) => m.title === "Shared map"));
  assert.ok(maps.some((m) => m.title === "Shared map v2 (opened copy)"));
  await page.context().close();
});

// Drops a file on the page; the caller waits for what the file should cause.
async function dropFile(page, name, text) {
  await page.evaluate(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: "application/json" }));
    window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, text });
}

test("a dropped map opens and joins the library", async () => {
  const page = await openEditor(browser, server.url);
  await dropFile(page, "dropped.journeymap.json", goodFile("Dropped map", "dropped-id"));
  await page.waitForFunction(() => window.journeymap.currentMapId() === "dropped-id");
  await settle(page);
  assert.equal((await mapOf(page)).title, "Dropped map");
  assert.ok((await api(page, "listMaps")).some((m) => m.id === "dropped-id"));
  await page.context().close();
});

test("a bad file shows every problem and leaves the map and the library untouched", async () => {
  const page = await openEditor(browser, server.url);
  await waitSaved(page);
  const before = await api(page, "exportJSON");
  const library = await api(page, "listMaps");
  const bad = JSON.stringify({
    format: "journeymap", version: 1, id: "bad", title: "Bad",
    stages: [{ id: "s1", name: "S", touchpoints: [{ id: "t1", title: "T", friction: 9, persona_ids: ["nobody"] }] }],
    personas: [],
  });
  await dropFile(page, "bad.journeymap.json", bad);
  await findItem(page, "OK", { window: "Could not open the file" });
  await screenshot(page, "bad-file-dialog");
  assert.equal(await api(page, "exportJSON"), before);
  assert.deepEqual(await api(page, "listMaps"), library);
  const result = await api(page, "loadJSON", bad);
  assert.equal(result.ok, false);
  assert.ok(result.errors.length >= 2, "friction out of range and the dangling persona");
  assert.ok(result.errors.some((e) => e.path.endsWith("/friction")));
  assert.ok(result.errors.some((e) => e.path.includes("persona_ids")));
  assert.equal(await api(page, "exportJSON"), before);
  await page.context().close();
});

test("a corrupted library entry is listed as damaged and the others still open", async () => {
  const page = await openEditor(browser, server.url, {
    init: () => {
      if (!sessionStorage.getItem("seeded")) {
        sessionStorage.setItem("seeded", "1");
        localStorage.setItem("journeymap:map:broken", "{\"format\": \"journeymap\", \"ver");
      }
    },
  });
  const maps = await api(page, "listMaps");
  const broken = maps.find((m) => m.id === "broken");
  assert.ok(broken && broken.damaged, "listed as damaged");
  const good = maps.find((m) => !m.damaged);
  assert.ok(good);
  assert.equal((await api(page, "openMap", good.id)).ok, true);
  await click(page, "File");
  await click(page, /Library\.\.\./);
  await findItem(page, /Raw text/);
  await screenshot(page, "library-damaged");
  await page.context().close();
});

// Chromium's own quota for the site, set through the DevTools protocol: the next
// IndexedDB transaction that grows the data fails with QuotaExceededError.
async function limitQuota(page, bytes) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(server.url).origin, quotaSize: bytes });
  return cdp;
}

test("a full storage shows a warning, keeps the map in memory and offers Download", async () => {
  const page = await openEditor(browser, server.url);
  await waitSaved(page);
  // Chromium checks the quota against the usage it last counted, so a few writes
  // may still land after the limit is set: type into the title until a save is refused.
  const cdp = await limitQuota(page, 1);
  await click(page, "Map");
  await click(page, /Map details and business figures/);
  await click(page, "Title");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Too big to store ");
  let title = "";
  for (let i = 0; i < 30 && !(await api(page, "saveState")).problem; i++) {
    await page.keyboard.type(String(i % 10));
    title = (await mapOf(page)).title;
    await page.waitForFunction(() => {
      const s = window.journeymap.saveState();
      return s.problem || (s.status === "Saved in this browser" && JM.storage.info().pending === 0);
    }, null, { timeout: 60000 });
  }
  await page.keyboard.press("Enter");
  await settle(page);
  const state = await api(page, "saveState");
  assert.match(state.status, /full/);
  assert.match(state.status, /Download/);
  assert.equal(await page.evaluate(() => JM.unsavedWork), true, "leaving the page would ask first");
  assert.match((await mapOf(page)).title, /^Too big to store/);
  assert.equal((await mapOf(page)).title, title);
  assert.notEqual(JSON.parse(await onDisk(page)).title, title, "the disk keeps the last version that fitted");
  await screenshot(page, "storage-full");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
  assert.match(download.suggestedFilename(), /^Too big to store/);

  // Room again: the next edit is stored.
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(server.url).origin });
  await renameMap(page, "Fits again");
  await waitSaved(page);
  assert.match(await onDisk(page), /Fits again/);
  await page.context().close();
});

test("no storage at all (IndexedDB and localStorage refused): a warning, the map in memory, Download", async () => {
  const page = await openEditor(browser, server.url, {
    init: () => {
      const refuse = () => { throw new DOMException("The user denied permission to access the database.", "SecurityError"); };
      Object.defineProperty(window, "indexedDB", { get: refuse, configurable: true });
      Object.defineProperty(window, "localStorage", { get: refuse, configurable: true });
    },
  });
  await page.waitForFunction(() => window.journeymap.saveState().problem, null, { timeout: 60000 });
  const state = await api(page, "saveState");
  assert.equal(state.storage, "memory");
  assert.match(state.status, /^Not saved: this browser offers no storage here .* - use Download$/);
  await renameMap(page, "Kept in memory");
  assert.equal((await mapOf(page)).title, "Kept in memory");
  assert.equal(await page.evaluate(() => JM.unsavedWork), true);
  await screenshot(page, "storage-unavailable");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
  assert.equal(download.suggestedFilename(), "Kept in memory.journeymap.json");
  await page.context().close();
});

test("IndexedDB refused (as on some file:// pages): the library falls back to localStorage", async () => {
  const page = await openEditor(browser, server.url, {
    init: () => {
      Object.defineProperty(window, "indexedDB", {
        get() { throw new DOMException("IndexedDB is not allowed here", "SecurityError"); }, configurable: true,
      });
    },
  });
  await renameMap(page, "In localStorage");
  await waitSaved(page);
  const state = await api(page, "saveState");
  assert.equal(state.storage, "localstorage");
  const id = await api(page, "currentMapId");
  assert.match(await page.evaluate((k) => localStorage.getItem(k), mapKey(id)), /In localStorage/);
  await page.reload();
  await page.evaluate(() => window.journeymapReady);
  assert.equal((await mapOf(page)).title, "In localStorage");
  await page.context().close();
});

test("a library in localStorage moves to IndexedDB; old keys go only once their copy is verified", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Seed the old library from a page of the same site that is not the editor.
  await page.goto(server.url + "favicon.svg");
  const maps = Array.from({ length: 5 }, (_, i) => ({ id: `old-${i}`, text: goodFile(`Old map ${i} — ñ 旧`, `old-${i}`) }));
  const seeded = await page.evaluate((maps) => {
    for (const m of maps) localStorage.setItem("journeymap:map:" + m.id, m.text);
    localStorage.setItem("journeymap:index", JSON.stringify(maps.map((m) => ({ id: m.id, title: JSON.parse(m.text).title, stages: 1, touchpoints: 1, modified: "" }))));
    localStorage.setItem("journeymap:last", "old-3");
    localStorage.setItem("journeymap:map:broken", "{\"format\": \"journeymap\", \"ver");          // damaged: copied as it is
    localStorage.setItem("journeymap:map:lone", "{\"title\": \"\ud800\"}");                        // no exact UTF-8 copy exists
    localStorage.setItem("unrelated", "left alone");
    return Object.keys(localStorage).length;
  }, maps);
  assert.equal(seeded, 10);

  await page.goto(server.url);
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
  const info = await page.evaluate(() => JM.storage.info());
  assert.equal(info.backend, "indexeddb");
  assert.equal(info.migration.maps, 7);
  assert.deepEqual(info.migration.kept.map((k) => k.key), ["journeymap:map:lone"]);
  assert.equal(await api(page, "currentMapId"), "old-3", "the map open last opens");
  const left = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(left, ["journeymap:map:lone", "unrelated"], "verified keys removed, the unverifiable one kept");
  for (const m of maps) assert.equal(await onDisk(page, m.id), m.text);
  assert.equal(await onDisk(page, "broken"), "{\"format\": \"journeymap\", \"ver");
  const listed = await api(page, "listMaps");
  assert.equal(listed.filter((m) => m.id.startsWith("old-")).length, 5);
  assert.ok(listed.find((m) => m.id === "broken")?.damaged, "the damaged entry is listed, with its raw text");

  // A second start migrates nothing more and still keeps the entry it could not copy exactly.
  await page.reload();
  await page.evaluate(() => window.journeymapReady);
  const again = await page.evaluate(() => JM.storage.info().migration);
  assert.equal(again.maps, 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).sort()), ["journeymap:map:lone", "unrelated"]);
  assert.equal((await api(page, "listMaps")).length, listed.length);
  await context.close();
});

test("a damaged last save falls back to the previous version of the map", async () => {
  const page = await openEditor(browser, server.url);
  await renameMap(page, "Version one");
  await waitSaved(page);
  await renameMap(page, "Version two");
  await waitSaved(page);
  const id = await api(page, "currentMapId");
  // Damage the current slot as a torn write would: same record, half the bytes.
  await page.evaluate(async (key) => {
    const db = await new Promise((ok, fail) => { const r = indexedDB.open("journeymap"); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const tx = db.transaction(["heads", "slots"], "readwrite");
    await new Promise((ok) => {
      tx.objectStore("heads").get(key).onsuccess = (e) => {
        const head = e.target.result;
        const slots = tx.objectStore("slots");
        slots.get([key, head.slot]).onsuccess = (e2) => {
          const rec = e2.target.result;   // data: a Blob (or bytes)
          const half = rec.data instanceof Blob ? rec.data.slice(0, rec.data.size >> 1) : rec.data.slice(0, rec.data.length >> 1);
          slots.put({ ...rec, data: half }, [key, head.slot]);
        };
      };
      tx.oncomplete = ok;
    });
    db.close();
  }, mapKey(id));
  await page.reload();
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
  assert.equal((await mapOf(page)).title, "Version one");
  assert.deepEqual((await page.evaluate(() => JM.storage.info().recovered)).map((r) => r.key), [mapKey(id)]);
  await page.context().close();
});

test("hiding the page writes a pending autosave at once", async () => {
  const page = await openEditor(browser, server.url);
  await waitSaved(page);
  const original = (await mapOf(page)).title;
  await renameMap(page, "Before hiding");
  await waitSaved(page);
  // An edit (undo) and the page hidden in the same task: no frame runs between
  // them, so only the flush can have written the map.
  const flushed = await page.evaluate(() => {
    const batches = JM.storage.info().stats.batches;
    window.journeymap.undo();
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    return { batches: JM.storage.info().stats.batches - batches, status: window.journeymap.saveState().status };
  });
  assert.equal(flushed.batches, 1, "the flush handed the map to the storage in the same task");
  assert.equal(flushed.status, "Saving...");
  await waitSaved(page);
  assert.equal(JSON.parse(await onDisk(page)).title, original);
  await page.context().close();
});

// Hovers the save state at the right of the status bar and waits for its tooltip,
// which explains it (`says`: words the tooltip must hold).
async function hoverSaveState(page, says) {
  const bar = (await items(page)).find((it) => it.label.startsWith("Journey Map/Status bar"));
  assert.ok(bar, "the status bar");
  await page.mouse.move(bar.x + bar.w - 130, bar.y + bar.h / 2);
  await waitForText(page, says);
}

test("persistent storage is asked for after the first real save, and the status says the answer", async () => {
  // A profile of its own: Chromium never grants persistence to an incognito-like context.
  const dir = await mkdtemp(join(tmpdir(), "jm-profile-"));
  const { context, page } = await launchProfile(dir);
  try {
    await waitSaved(page);
    assert.equal(await page.evaluate(() => JM.storage.info().stats.persistRequests), 0, "not for the map made at start");
    assert.equal((await api(page, "saveState")).persistent, false, "not persistent until the browser grants it");
    // The browser will grant it, as Chromium does for an installed or much-used site.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Browser.grantPermissions", { origin: new URL(server.url).origin, permissions: ["durableStorage"] });
    await renameMap(page, "Worth keeping");
    await waitSaved(page);
    await page.waitForFunction(() => JM.storage.info().stats.persistAnswers === 1, null, { timeout: 60000 });
    await settle(page);
    const state = await api(page, "saveState");
    assert.equal(state.persistent, true);
    assert.equal(state.status, SAVED);
    assert.equal(await page.evaluate(() => JM.storage.info().stats.persistRequests), 1, "asked once");
    await hoverSaveState(page, "which granted persistent storage");
    await screenshot(page, "storage-persistent-tooltip");
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("a 10,000-touchpoint map autosaves off the frame and comes back after a reload", async () => {
  const page = await openEditor(browser, server.url, { width: 1400, height: 900 });
  const r = await page.evaluate((t) => window.journeymap.loadJSON(t), largeMap(10000));
  assert.equal(r.ok, true);
  await waitSaved(page, LONG);
  const size = await page.evaluate(() => JM.storage.info().stats.bytes);
  assert.ok(size > 10e6, `the stored map is as large as promised: ${size} bytes`);
  // An edit: the autosave makes the text a slice per frame, then one transaction.
  await renameMap(page, "Large map, renamed");
  await waitSaved(page, LONG);
  const same = await page.evaluate(async () => (await JM.storage.readDisk("journeymap:map:map-large")) === window.journeymap.exportJSON());
  assert.equal(same, true, "the disk holds exactly the open map");
  const before = await api(page, "exportJSON");
  await page.reload();
  await page.evaluate(() => window.journeymapReady);
  assert.equal(await api(page, "currentMapId"), "map-large");
  assert.equal(await api(page, "exportJSON"), before);
  await page.context().close();
});

// The browser process of a persistent context, found by its profile folder.
function browserPid(userDataDir) {
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    let args;
    try { args = readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0"); } catch { continue; }
    if (args.includes(`--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith("--type="))) return Number(d);
  }
  return null;
}

async function launchProfile(dir) {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.JM_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(server.url);
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
  return { context, page };
}

test("a 10,000-touchpoint map survives a killed browser", async () => {
  const dir = await mkdtemp(join(tmpdir(), "jm-profile-"));
  try {
    let { context, page } = await launchProfile(dir);
    const r = await page.evaluate((t) => window.journeymap.loadJSON(t), largeMap(10000, "map-killed"));
    assert.equal(r.ok, true);
    await waitSaved(page, LONG);
    await renameMap(page, "Survives a crash");
    await waitSaved(page, LONG);
    const before = await api(page, "exportJSON");

    const pid = browserPid(dir);
    assert.ok(pid, "found the browser process");
    const closed = new Promise((ok) => context.on("close", ok));
    process.kill(pid, "SIGKILL");
    await closed;
    await new Promise((ok) => { const poll = () => (existsSync(`/proc/${pid}`) ? setTimeout(poll, 50) : ok()); poll(); });

    ({ context, page } = await launchProfile(dir));
    assert.equal(await api(page, "currentMapId"), "map-killed");
    assert.equal(await api(page, "exportJSON"), before);
    assert.equal((await mapOf(page)).title, "Survives a crash");
    await context.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

async function openTab(context) {
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
  return page;
}

test("two tabs on one map: the second is warned over BroadcastChannel and never overwrites the first", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await openTab(context);
  await waitSaved(a);
  const b = await openTab(context);
  const id = await api(a, "currentMapId");
  assert.equal(await api(b, "currentMapId"), id);

  await a.bringToFront();   // a background tab gets no animation frames
  await renameMap(a, "Edited in tab A");
  await waitSaved(a);
  assert.match(await onDisk(a), /Edited in tab A/);
  await b.bringToFront();
  await findItem(b, "Load the other tab's version");
  await screenshot(b, "other-tab-warning");
  assert.equal((await api(b, "saveState")).status, "Not saved: changed in another tab");

  // Tab B edits; its autosave stays paused however long it waits. The wait is
  // the point (past the 1 s autosave delay); a busy machine only makes it longer,
  // and the editor is idle before the disk is read.
  await renameMap(b, "Edited in tab B");
  const edited = await b.evaluate(() => performance.now());
  await b.waitForFunction((t) => performance.now() > t + 1500, edited, { polling: 100 });
  await settle(b);
  assert.match(await onDisk(b), /Edited in tab A/, "tab B did not overwrite tab A");
  await click(b, "Load the other tab's version");
  assert.equal((await mapOf(b)).title, "Edited in tab A");
  await context.close();
});

test("a save racing another tab's write is refused, not written over it", async () => {
  const page = await openEditor(browser, server.url);
  await waitSaved(page);
  const id = await api(page, "currentMapId");
  // Another tab's commit whose announcement has not arrived yet: a new head
  // written straight into IndexedDB, with no BroadcastChannel message.
  const theirs = await page.evaluate(async (key) => {
    const text = window.journeymap.exportJSON().replace(/"title": "[^"]*"/, "\"title\": \"Written by another tab\"");
    const data = new TextEncoder().encode(text);
    const db = await new Promise((ok, fail) => { const r = indexedDB.open("journeymap"); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const tx = db.transaction(["heads", "slots"], "readwrite");
    tx.objectStore("heads").get(key).onsuccess = (e) => {
      const head = e.target.result;
      const slot = 1 - head.slot;
      // The checksum web/storage.js uses, so the record reads as whole.
      let h = 0x811c9dc5 ^ data.length;
      const n = data.length >>> 2, words = new Uint32Array(data.buffer, 0, n);
      for (let i = 0; i < n; i++) { h = Math.imul(h ^ words[i], 0x5bd1e995); h ^= h >>> 15; }
      for (let i = n * 4; i < data.length; i++) { h = Math.imul(h ^ data[i], 0x5bd1e995); h ^= h >>> 15; }
      tx.objectStore("slots").put({ data, size: data.length, hash: h >>> 0 }, [key, slot]);
      tx.objectStore("heads").put({ ...head, slot, gen: head.gen + 1, tab: "another-tab" }, key);
    };
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
    return text;
  }, mapKey(id));
  await renameMap(page, "Mine, racing");
  await findItem(page, "Load the other tab's version", { timeout: 60000 });
  assert.equal((await api(page, "saveState")).status, "Not saved: changed in another tab");
  assert.equal(await onDisk(page), theirs, "the other tab's version stays on disk");
  assert.equal((await mapOf(page)).title, "Mine, racing", "this tab's map stays open");
  await click(page, "Keep mine as a copy");
  await waitSaved(page);
  assert.equal(JSON.parse(await onDisk(page, id)).title, "Written by another tab");
  const maps = await api(page, "listMaps");
  assert.ok(maps.some((m) => m.id === id));
  assert.ok(maps.some((m) => m.title === "Mine, racing (my copy)"));
  await page.context().close();
});
