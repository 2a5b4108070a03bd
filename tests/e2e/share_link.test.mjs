// Share links (File > Copy share link) in real browsers: a map made through the
// UI travels in a link, read from the system clipboard, to a fresh browser
// context with empty storage, where it opens read-only; a copy saved there goes
// into the library and merges back three-way. A cut or changed link gives a
// clear message and changes nothing, at start and in a running editor; a map
// too large for a link says so and offers the file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  serveSite, launchBrowser, openEditor, click, findItem, settle, api, screenshot, waitForState, readText, waitForText, items,
  clipboardWhen, storageSnapshot, addCard,
} from "./harness.mjs";
import { largeMap } from "../support/large_map.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const INSPECTOR = "Journey Map/Inspector";
const LIMIT = 8000;
const mapOf = async (page) => JSON.parse(await api(page, "exportJSON"));
const withoutLineage = (map) => { const { lineage, ...rest } = map; return rest; };
const cards = (map) => map.stages.flatMap((s) => s.touchpoints ?? []);
const shareState = (page) => api(page, "_share");
const fragmentOf = (url) => url.slice(url.indexOf("#"));

// File > Copy share link, as a person does it; the link as the system clipboard holds it.
async function copyLinkFromMenu(page) {
  await click(page, "File");
  await click(page, /Copy share link/);
  await waitForState(page, () => !window.journeymap._share().making, undefined, { what: "the link made and copied" });
  return clipboardWhen(page, { includes: "#map=v1." });
}

async function download(page) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
  return readFile(await file.path(), "utf8");
}

// The message a damaged link gives, read (and photographed as `shot`) and closed; returns its text.
async function damagedMessage(page, shot) {
  await findItem(page, "OK", { window: "Could not open the share link" });
  const text = await readText(page, { window: "Could not open the share link" });
  if (shot) await screenshot(page, shot);
  await click(page, "OK", { window: "Could not open the share link" });
  return text;
}

test("a map made in the UI opens from its link, read-only, in a fresh browser; a saved copy is editable and merges back", async () => {
  // Whether each clipboard write starts while the click still counts as a user
  // gesture (Safari allows no other; the compression finishes after it).
  const sender = await openEditor(browser, server.url, {
    width: 1600, height: 900,
    init: () => {
      const write = navigator.clipboard.write.bind(navigator.clipboard);
      window.clipboardWritesInGesture = [];
      navigator.clipboard.write = (items) => { window.clipboardWritesInGesture.push(navigator.userActivation.isActive); return write(items); };
    },
  });
  await addCard(sender, "Shared through a link");
  const sent = await mapOf(sender);
  assert.ok(cards(sent).some((t) => t.title === "Shared through a link"));

  const link = await copyLinkFromMenu(sender);
  assert.ok(link.startsWith(server.url + "#map=v1."), link.slice(0, 80));
  assert.match(fragmentOf(link), /^#map=v1\.[A-Za-z0-9_-]+$/, "base64url, no padding");
  assert.ok(link.length <= LIMIT, `${link.length} characters`);
  assert.equal((await shareState(sender)).linkLength, link.length);
  assert.deepEqual(await sender.evaluate(() => window.clipboardWritesInGesture), [true], "the write started inside the click");
  await waitForText(sender, "Share link copied");
  assert.equal(await api(sender, "exportJSON"), JSON.stringify(sent, null, 2) + "\n", "making a link changes nothing in the map");

  // A fresh context: empty storage, as on the receiver's machine.
  const receiver = await openEditor(browser, link, { width: 1600, height: 900 });
  await waitForState(receiver, () => window.journeymap._share().shared, undefined, { what: "the shared map shown" });
  const shown = await mapOf(receiver);
  assert.deepEqual(withoutLineage(shown), withoutLineage(sent), "the same map, apart from lineage");
  assert.equal(shown.lineage.bases[0].id, sent.id, "its lineage names the sender's version first");
  assert.match(shown.lineage.bases[0].hash, /^[0-9a-f]{64}$/);
  assert.match(await readText(receiver, { window: "Journey Map" }), /Shared map - Save a copy to edit/);
  await findItem(receiver, /Save a copy/);
  assert.deepEqual(await api(receiver, "listMaps"), [], "nothing is stored until a copy is saved");
  assert.equal((await api(receiver, "saveState")).dirty, false);
  await screenshot(receiver, "share-read-only");

  // Edit attempts change nothing: a card deleted, a title typed in the inspector, a stage added.
  const before = await api(receiver, "exportJSON");
  await click(receiver, "Shared through a link##card");
  await receiver.keyboard.press("Delete");
  await settle(receiver);
  await click(receiver, "Title", { window: INSPECTOR });
  await receiver.keyboard.type("Changed");
  await receiver.keyboard.press("Enter");
  await settle(receiver);
  await click(receiver, "Map");
  await click(receiver, /Add stage/);
  assert.equal(await api(receiver, "exportJSON"), before, "the read-only map is unchanged");
  assert.equal(await api(receiver, "canUndo"), false);
  assert.deepEqual(await api(receiver, "listMaps"), []);
  // The canvas offers nothing to add while the map is read-only.
  const offered = (await items(receiver)).filter((it) => /##(add-card|between|canvas)$/.test(it.label) && it.w > 0);
  assert.deepEqual(offered.map((it) => it.label), [], "no add buttons on a read-only map");

  await click(receiver, /Save a copy/);
  await waitForState(receiver, () => !window.journeymap._share().readOnly, undefined, { what: "the copy editable" });
  await waitForText(receiver, "Saved in your library");
  const library = await api(receiver, "listMaps");
  assert.deepEqual(library.map((m) => m.id), [sent.id], "the copy keeps the map's id (the library did not hold it)");
  assert.equal(await receiver.evaluate(() => location.hash), "", "a reload opens the library, not the link");
  assert.equal(await api(receiver, "exportJSON"), before, "saving a copy changes nothing in it");
  await click(receiver, "Shared through a link##card");
  await receiver.keyboard.press("Delete");
  await settle(receiver);
  const edited = await mapOf(receiver);
  assert.ok(!cards(edited).some((t) => t.title === "Shared through a link"), "the copy is editable");
  assert.equal(await api(receiver, "canUndo"), true);
  const copy = await download(receiver);

  // The copy comes back to the sender, who kept the version sent: a three-way merge.
  await click(sender, "File");
  const [chooser] = await Promise.all([sender.waitForEvent("filechooser"), click(sender, /Merge files\.\.\./)]);
  await chooser.setFiles([{ name: "receiver.journeymap.json", mimeType: "application/json", buffer: Buffer.from(copy) }]);
  await waitForState(sender, () => window.journeymap._merge().open, undefined, { what: "the Merge panel open" });
  const merge = await api(sender, "_merge");
  assert.equal(merge.threeWay, true, "the version sent by link was kept and found");
  assert.equal(merge.unresolved, 0);
  assert.ok(!cards(await mapOf(sender)).some((t) => t.title === "Shared through a link"), "the receiver's deletion is taken");
  await sender.context().close();
  await receiver.context().close();
});

test("a cut or changed link gives a clear message and changes nothing, at start and in a running editor", async () => {
  const page = await openEditor(browser, server.url);
  const made = await page.evaluate(() => window.journeymap.shareLink());
  assert.equal(made.ok, true, JSON.stringify(made));
  await settle(page);
  const id = await api(page, "currentMapId");
  const map = await api(page, "exportJSON");
  const stored = await storageSnapshot(page);

  const fragment = fragmentOf(made.url);
  const head = "#map=v1.".length;
  const data = fragment.slice(head);
  const flipped = data.slice(0, 40) + (data[40] === "A" ? "B" : "A") + data.slice(41);
  const damaged = [
    ["cut in half", fragment.slice(0, head + Math.floor(data.length / 8) * 4)],   // whole base64 groups: the data decodes, the map does not decompress
    ["cut by one character", fragment.slice(0, -1)],
    ["a character changed", "#map=v1." + flipped],
    ["a character no link holds", fragment.slice(0, head + 20) + "%20" + fragment.slice(head + 20)],
    ["a newer format", "#map=v7." + data],
  ];
  const unchanged = async (tab, what) => {
    assert.equal(await api(tab, "currentMapId"), id, what);
    assert.equal(await api(tab, "exportJSON"), map, what);
    assert.equal((await shareState(tab)).readOnly, false, what);
    assert.deepEqual(await storageSnapshot(tab), stored, `${what}: the library is as it was`);
  };

  // In the running editor: the link pasted into the address bar.
  for (const [what, bad] of damaged) {
    await page.evaluate((h) => { location.hash = h; }, bad);
    const text = await damagedMessage(page);
    assert.match(text, /This share link is damaged or cut short/, what);
    assert.match(text, /Nothing was changed/, what);
    assert.equal(await page.evaluate(() => location.hash), "", `${what}: the link is gone from the address`);
    await unchanged(page, what);
  }

  // At start, in a new tab of the same browser: the editor opens as it would
  // without the link (the last map, the library untouched).
  const context = page.context();
  await page.close();
  const tab = await context.newPage();
  await tab.goto(server.url + damaged[0][1]);
  await tab.evaluate(() => window.journeymapReady);
  await settle(tab);
  const text = await damagedMessage(tab, "share-damaged");
  assert.match(text, /does not decompress/);
  await unchanged(tab, "at start");
  // ... and it works: an edit is stored as usual.
  await click(tab, "Map");
  await click(tab, /Add stage/);
  assert.equal((await mapOf(tab)).stages.length, JSON.parse(map).stages.length + 1);
  await context.close();
});

test("a browser without Compression Streams says why it cannot open or make a link, and starts as usual", async () => {
  const sender = await openEditor(browser, server.url);
  const link = (await sender.evaluate(() => window.journeymap.shareLink())).url;
  await sender.context().close();
  const page = await openEditor(browser, link, {
    init: () => { delete window.CompressionStream; delete window.DecompressionStream; },
  });
  const text = await damagedMessage(page);
  assert.match(text, /cannot open share links \(it has no DecompressionStream\)/);
  assert.equal((await shareState(page)).readOnly, false);
  assert.equal((await api(page, "listMaps")).length, 1, "the editor started as it does with no link");
  const answer = await page.evaluate(() => window.journeymap.shareLink());
  assert.deepEqual(answer, { ok: false, error: "unsupported" });
  await waitForText(page, "The share link could not be made");
  await page.context().close();
});

test("a map too large for a link says so and offers the file; the clipboard keeps what it held", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  assert.equal((await api(page, "loadJSON", largeMap(1000))).ok, true);
  await page.evaluate(() => navigator.clipboard.writeText("held before"));
  await page.keyboard.press("Control+Shift+L");
  await findItem(page, /Download map/, { window: "Too large for a link" });
  const text = await readText(page, { window: "Too large for a link" });
  const length = (await shareState(page)).linkLength;
  assert.ok(length > LIMIT, `${length}`);
  assert.match(text, /too large to share as a link/);
  assert.ok(text.includes(length.toLocaleString("en-US")), `the length is shown: ${text}`);
  assert.match(text, /8,000 characters/);
  await screenshot(page, "share-too-large");
  const [file] = await Promise.all([page.waitForEvent("download"), click(page, /Download map/, { window: "Too large for a link" })]);
  const downloaded = JSON.parse(await readFile(await file.path(), "utf8"));
  assert.equal(downloaded.id, "map-large");
  assert.equal(cards(downloaded).length, 1000);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "held before");

  const answer = await page.evaluate(() => window.journeymap.shareLink());
  assert.deepEqual({ ...answer, length: 0 }, { ok: false, tooLarge: true, length: 0, limit: LIMIT });
  assert.ok(answer.length > LIMIT);
  await page.context().close();
});

test("when the browser refuses the clipboard, the link is shown to be copied by hand", async () => {
  // A browser that refuses every clipboard write until told otherwise (a page
  // that lost its focus meanwhile, a stricter browser).
  const page = await openEditor(browser, server.url, {
    init: () => {
      window.refuseClipboard = false;
      for (const name of ["write", "writeText"]) {
        const real = navigator.clipboard[name].bind(navigator.clipboard);
        navigator.clipboard[name] = (...a) => (window.refuseClipboard ? Promise.reject(new DOMException("refused", "NotAllowedError")) : real(...a));
      }
    },
  });
  await page.evaluate(async () => { await navigator.clipboard.writeText("held before"); window.refuseClipboard = true; });
  await click(page, "File");
  await click(page, /Copy share link/);
  await findItem(page, /Copy link/, { window: "Share link" });
  const { linkLength } = await shareState(page);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "held before");
  const field = await findItem(page, "##share-link", { window: "Share link" });
  assert.ok(field.w > 0);
  await screenshot(page, "share-copy-by-hand");
  await page.evaluate(() => { window.refuseClipboard = false; });
  await click(page, /Copy link/, { window: "Share link" });
  const link = await clipboardWhen(page, { includes: "#map=v1." });
  assert.equal(link.length, linkLength);
  await waitForText(page, "Share link copied");
  await page.context().close();
});

test("a link of a map the library holds opens read-only and is saved as a new copy, under a new id", async () => {
  const page = await openEditor(browser, server.url);
  const original = await mapOf(page);
  const made = await page.evaluate(() => window.journeymap.shareLink());
  assert.equal(made.copied, true);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), made.url);
  await page.evaluate((h) => { location.hash = h; }, fragmentOf(made.url));
  await waitForState(page, () => window.journeymap._share().readOnly, undefined, { what: "the shared map shown" });
  await click(page, /Save a copy/);
  await waitForText(page, "Saved as a new copy");
  const copy = await mapOf(page);
  assert.notEqual(copy.id, original.id);
  assert.equal(copy.title, original.title, "the title stays, so a merge back does not rename the sender's map");
  assert.equal(copy.lineage.bases[0].id, original.id);
  const ids = (await api(page, "listMaps")).map((m) => m.id).sort();
  assert.deepEqual(ids, [original.id, copy.id].sort());
  await page.context().close();
});

test("the read-only bar in two sizes, light and dark, Spanish and Chinese", async () => {
  const sender = await openEditor(browser, server.url);
  const link = (await sender.evaluate(() => window.journeymap.shareLink())).url;
  await sender.context().close();
  for (const { width, height, theme, locale } of [
    { width: 1280, height: 720, theme: "light", locale: "en-US" },
    { width: 1600, height: 900, theme: "dark", locale: "en-US" },
    { width: 1280, height: 720, theme: "light", locale: "es-ES" },
    { width: 1600, height: 900, theme: "dark", locale: "zh-CN" },
  ]) {
    const page = await openEditor(browser, link, { width, height, locale });
    await waitForState(page, () => window.journeymap._share().readOnly, undefined, { what: "the shared map shown" });
    if (theme === "dark") {
      await click(page, /^(View|Ver|视图)$/);
      await click(page, /Dark theme|Tema oscuro|深色主题/);
    }
    await findItem(page, /Save a copy|Guardar una copia|保存副本/);
    await screenshot(page, `share-bar-${width}x${height}-${theme}-${locale}`);
    await page.context().close();
  }
});
