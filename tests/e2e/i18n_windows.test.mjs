// Windows and dialogs in the UI's language keep the names tests know them by
// (the test hook publishes "Historial###History" as "History"), and the library
// shows when each map was changed in the browser's time zone, as the language
// writes dates.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveSite, launchBrowser, openEditor, click, findItem, api, settle, readText, screenshot } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const MAP = {
  format: "journeymap", version: 1, id: "map-dates", title: "Fechas",
  created: "2026-11-20T09:00:00Z", modified: "2026-11-24T18:05:00Z",
  stages: [{ id: "s1", name: "Decisión", touchpoints: [{ id: "t1", title: "Demo", channel: "sales call", friction: 3 }] }],
  personas: [],
};

// São Paulo has no summer time: 18:05 UTC is 15:05 there all year.
async function inSaoPaulo(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setTimezoneOverride", { timezoneId: "America/Sao_Paulo" });
  await page.reload();
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
}

for (const { locale, file, edit, history, library, date, shot } of [
  { locale: "es-ES", file: "Archivo", edit: "Editar", history: /Historial$/, library: /Biblioteca\.\.\.$/, date: "24 nov 2026, 15:05", shot: "es" },
  { locale: "zh-CN", file: "文件", edit: "编辑", history: /历史记录$/, library: /地图库\.\.\.$/, date: "2026年11月24日 15:05", shot: "zh-CN" },
  { locale: "pt-BR", file: "Arquivo", edit: "Editar", history: /Histórico$/, library: /Biblioteca\.\.\.$/, date: "24 de nov. de 2026, 15:05", shot: "pt-BR" },
]) {
  test(`in ${locale}: History, New map and the library are found by their English ids; dates are local`, async () => {
    const page = await openEditor(browser, server.url, { width: 1280, height: 720, locale });
    await inSaoPaulo(page);
    assert.equal((await api(page, "loadJSON", JSON.stringify(MAP))).ok, true);

    await click(page, edit);
    await click(page, history);
    const shown = await readText(page, { window: "History" });
    assert.ok(shown.length > 0, "the History window is found by its id");
    assert.ok(!/\bHistory\b/.test(shown), `no English in the History window: ${shown}`);
    await screenshot(page, `i18n-history-${shot}`);
    await click(page, edit);   // the menu again: History closes the window
    await click(page, history);

    await page.keyboard.press("Control+N");
    await settle(page);
    await findItem(page, /./, { window: "New map" });
    assert.doesNotMatch(await readText(page, { window: "New map" }), /Start from a stage framework/);
    await screenshot(page, `i18n-new-map-${shot}`);
    await page.keyboard.press("Escape");
    await settle(page);

    await click(page, file);
    await click(page, library);
    const list = await readText(page, { window: "Library" });
    assert.ok(list.includes(date), `the library shows ${date}: ${list}`);
    assert.ok(!list.includes("2026-11-24"), "not the stored UTC text");
    await screenshot(page, `i18n-library-${shot}`);
    assert.deepEqual(page.jmErrors, []);
    await page.context().close();
  });
}

test("in English the library writes the date the English way, in local time", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720, locale: "en-US" });
  await inSaoPaulo(page);
  assert.equal((await api(page, "loadJSON", JSON.stringify(MAP))).ok, true);
  await click(page, "File");
  await click(page, /Library\.\.\.$/);
  const list = await readText(page, { window: "Library" });
  assert.ok(list.includes("Nov 24, 2026, 3:05 PM"), list);
  assert.ok(list.includes("Modified"), list);
  await page.context().close();
});
