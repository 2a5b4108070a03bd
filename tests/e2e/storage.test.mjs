// Maps are never lost: autosave, the library, files in and out, bad input,
// full or missing storage, and two tabs on one map.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  serveSite, launchBrowser, openEditor, click, findItem, items, settle, api, screenshot,
} from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const mapOf = async (page) => JSON.parse(await api(page, "exportJSON"));

async function waitSaved(page) {
  await page.waitForFunction(() => window.journeymap.saveState().status.startsWith("Saved"), null, { timeout: 5000 });
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
  await page.reload();
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
  assert.equal(await api(page, "exportJSON"), before);
  assert.equal((await mapOf(page)).title, "Onboarding Q3 入职");
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
  await page.context().close();
});

test("Download saves exactly the bytes of exportJSON, named after the title", async () => {
  const page = await openEditor(browser, server.url);
  await renameMap(page, "Decisão: compra");
  const expected = await api(page, "exportJSON");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
  assert.equal(download.suggestedFilename(), "Decisão- compra.journeymap.json");
  const bytes = await readFile(await download.path(), "utf8");
  assert.equal(bytes, expected);
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
  await settle(page);
  assert.equal((await mapOf(page)).title, "Shared map");
  assert.ok((await api(page, "listMaps")).some((m) => m.id === "map-from-file"));

  await click(page, "File");
  const [again] = await Promise.all([page.waitForEvent("filechooser"), click(page, /Open file\.\.\./)]);
  await again.setFiles({ name: "shared.journeymap.json", mimeType: "application/json", buffer: Buffer.from(goodFile("Shared map v2")) });
  await settle(page);
  await click(page, "Keep both");
  const maps = await api(page, "listMaps");
  assert.ok(maps.some((m) => m.title === "Shared map"));
  assert.ok(maps.some((m) => m.title === "Shared map v2 (opened copy)"));
  await page.context().close();
});

async function dropFile(page, name, text) {
  await page.evaluate(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: "application/json" }));
    window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, text });
  await page.waitForTimeout(200);
  await settle(page);
}

test("a dropped map opens and joins the library", async () => {
  const page = await openEditor(browser, server.url);
  await dropFile(page, "dropped.journeymap.json", goodFile("Dropped map", "dropped-id"));
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
      if (!localStorage.getItem("journeymap:map:broken")) localStorage.setItem("journeymap:map:broken", "{\"format\": \"journeymap\", \"ver");
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

test("a full storage shows a warning, keeps the map in memory and offers Download", async () => {
  const page = await openEditor(browser, server.url);
  await waitSaved(page);
  // Fill what is left of localStorage.
  await page.evaluate(() => {
    let n = 0;
    for (const size of [512 * 1024, 64 * 1024, 8 * 1024, 1024, 128, 16, 1]) {
      const chunk = "x".repeat(size);
      for (;;) {
        try { localStorage.setItem("filler:" + n++, chunk); } catch (e) { break; }
      }
    }
  });
  await renameMap(page, "Too big to store " + "y".repeat(200));
  await page.waitForFunction(() => window.journeymap.saveState().problem, null, { timeout: 5000 });
  const state = await api(page, "saveState");
  assert.match(state.status, /full/);
  assert.equal(await page.evaluate(() => JM.unsavedWork), true, "leaving the page would ask first");
  assert.match((await mapOf(page)).title, /^Too big to store/);
  await screenshot(page, "storage-full");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
  assert.match(download.suggestedFilename(), /^Too big to store/);
  await page.context().close();
});

test("two tabs on one map: the second is warned and never overwrites the first", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await context.newPage();
  await a.goto(server.url);
  await a.evaluate(() => window.journeymapReady);
  await settle(a);
  await waitSaved(a);
  const b = await context.newPage();
  await b.goto(server.url);
  await b.evaluate(() => window.journeymapReady);
  await settle(b);
  assert.equal(await api(a, "currentMapId"), await api(b, "currentMapId"));

  await a.bringToFront();   // a background tab gets no animation frames
  await renameMap(a, "Edited in tab A");
  await a.waitForFunction(() => window.journeymap.saveState().status.startsWith("Saving"));
  await waitSaved(a);
  await b.bringToFront();
  await settle(b);
  await findItem(b, "Load the other tab's version");
  await screenshot(b, "other-tab-warning");
  await renameMap(b, "Edited in tab B");
  await b.waitForTimeout(1500);
  await settle(b);
  const stored = await b.evaluate((id) => JSON.parse(localStorage.getItem("journeymap:map:" + id)).title, await api(b, "currentMapId"));
  assert.equal(stored, "Edited in tab A", "tab B did not overwrite tab A");
  await click(b, "Load the other tab's version");
  assert.equal((await mapOf(b)).title, "Edited in tab A");
  await context.close();
});
