// Offline after the first visit: the service worker (sw.js, scripts/finish_site.mjs)
// precaches the site, so with the network gone a reload opens the editor and
// the last map, and editing and autosave go on. The network is taken away for
// real: the server is closed and the browser context is put offline (DevTools
// protocol, Network.emulateNetworkConditions through Playwright's setOffline).
// Every wait is for a state, never a fixed time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  serveSite, launchBrowser, openEditor, typeInto, settle, api, waitForServiceWorker, waitForState, TIMEOUT,
} from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const SAVED = "Saved in this browser";

// Reloads the page and waits until the editor runs again and is idle.
async function reloadEditor(page) {
  await page.reload({ timeout: TIMEOUT });
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
}

const savedOnDisk = (page, title) => waitForState(page, async (title) => {
  const state = window.journeymap.saveState();
  if (state.status !== "Saved in this browser") return null;
  const id = window.journeymap.currentMapId();
  const disk = await JM.storage.readDisk("journeymap:map:" + id);
  return disk && JSON.parse(disk).title === title ? state.status : null;
}, title, { what: `"${title}" stored on disk` });

test("after the first visit the editor opens, edits and autosaves with no network", async () => {
  const page = await openEditor(browser, server.url);
  const context = page.context();
  const precached = await waitForServiceWorker(page);
  for (const file of ["/index.html", "/journeymap.js", "/journeymap.wasm", "/boot.js", "/fonts/Inter-Regular.otf", "/manifest.webmanifest", "/icons/icon-192.png"]) {
    assert.ok(precached.includes(file), `${file} is precached (precache: ${precached.join(", ")})`);
  }
  assert.ok(!precached.some((f) => f.includes("DroidSansFallback")), "the CJK fonts load by need, not in the precache");

  await typeInto(page, "Title", "Online edit");
  assert.equal(await savedOnDisk(page, "Online edit"), SAVED);

  // The network goes away: no server, and the browser offline.
  await server.close();
  await context.setOffline(true);
  assert.equal(await page.evaluate(() => fetch("index.html?probe", { cache: "no-store" }).then(() => "reached", () => "offline")), "reached",
    "the service worker answers for the site even offline");
  assert.equal(await page.evaluate(() => fetch("http://127.0.0.1:9/").then(() => "reached", () => "offline")), "offline");

  // A reload opens the editor and the last map.
  await reloadEditor(page);
  assert.equal(await api(page, "title"), "Online edit");
  assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true);

  // Editing and autosave work offline; the edit survives another offline reload.
  await typeInto(page, "Title", "Offline edit");
  assert.equal(await api(page, "title"), "Offline edit");
  assert.equal(await savedOnDisk(page, "Offline edit"), SAVED);
  await reloadEditor(page);
  assert.equal(await api(page, "title"), "Offline edit");

  // An undoable edit after the offline reload, stored too.
  await typeInto(page, "Title", "Offline edit, twice");
  assert.equal(await savedOnDisk(page, "Offline edit, twice"), SAVED);
  assert.equal(await api(page, "canUndo"), true);

  const errors = page.jmErrors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::ERR_/.test(e));
  assert.deepEqual(errors, [], "no page errors");
  await context.close();
});
