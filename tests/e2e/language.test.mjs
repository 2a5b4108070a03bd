// The UI language: chosen from the browser's languages on the first visit,
// switched from View > Language at once (the map, the selection and the undo
// history stay), and remembered in this browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveSite, launchBrowser, openEditor, click, findItem, api, settle, waitForState, waitForText, dropFiles } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const MAP = {
  format: "journeymap", version: 1, id: "map-language", title: "Idiomas",
  stages: [{ id: "stage-decision", name: "Decisión", touchpoints: [{ id: "tp-demo", title: "Demo", friction: 2 }] }],
  personas: [],
};

for (const [locale, file, lang, firstMap] of [
  ["es-ES", "Archivo", "es", "Recorrido del cliente SaaS"], ["zh-CN", "文件", "zh-CN", "SaaS 客户旅程"],
  ["pt-BR", "Arquivo", "pt-BR", "Jornada do cliente SaaS"], ["en-GB", "File", "en", "SaaS customer journey"],
]) {
  test(`a browser in ${locale} opens the editor in its language, with a first map in it`, async () => {
    const page = await openEditor(browser, server.url, { width: 1280, height: 720, locale });
    await findItem(page, file);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    // The wasm carries English only: the first map waits for the language's catalogue.
    assert.equal(JSON.parse(await api(page, "exportJSON")).title, firstMap);
    assert.deepEqual(page.jmErrors, []);
    await page.close();
  });
}

test("View > Language switches at once, keeps the map, the selection and the undo history, and is remembered", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720, locale: "en-US" });
  assert.equal((await api(page, "loadJSON", JSON.stringify(MAP))).ok, true);
  await click(page, "Demo##card");
  await page.keyboard.press("Enter");   // edit the title in place
  await waitForState(page, () => window.journeymap._testItems().some((it) => it.active && it.label === "##Title"), null,
    { what: "the title to be edited" });
  await page.keyboard.press("End");
  await page.keyboard.type(" final");
  await page.keyboard.press("Escape");
  await settle(page);
  const before = await api(page, "exportJSON");
  assert.match(before, /Demo final/);

  await click(page, "View");
  await click(page, /Language$/);
  await click(page, "Español");
  await findItem(page, "Archivo");
  assert.equal(await api(page, "exportJSON"), before, "the map is untouched");
  assert.deepEqual(await api(page, "_selection"), ["tp-demo"], "the selection stays");
  assert.equal(await api(page, "canUndo"), true, "the undo history stays");
  await page.keyboard.press("Control+Z");
  await waitForState(page, () => !window.journeymap.exportJSON().includes("Demo final"), null, { what: "Ctrl+Z to undo the edit" });

  // A reload in the same browser keeps Spanish, although the browser says English.
  await page.reload();
  await page.evaluate(() => window.journeymapReady);
  await findItem(page, "Archivo");
  await click(page, "Ver");
  await click(page, /Idioma$/);
  await click(page, "English");
  await findItem(page, "File");
  assert.deepEqual(page.jmErrors, []);
  await page.close();
});

test("a translation that cannot be fetched leaves the editor in its language and says so", async () => {
  // A server without the file, and no service worker (it would answer from its precache).
  const page = await openEditor(browser, server.url, { width: 1280, height: 720, locale: "en-US", serviceWorkers: "block" });
  await page.route("**/i18n/es.json", (route) => route.fulfill({ status: 404, body: "not found" }));
  await click(page, "View");
  await click(page, /Language$/);
  await click(page, "Español");
  await waitForText(page, "The Español translation could not be loaded: the editor stays in English.");
  await findItem(page, "File");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  await page.close();
});

test("a CSV saved by a Spanish spreadsheet (semicolons, decimal commas) opens; the Spanish export writes it back the same way", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720, locale: "es-ES" });
  const rows = [
    "stage;stage_order;title;description;channel;owner;personas;friction;emotion;pains;opportunities",
    "Decisión;1;Demostración;\"Llamada; con el comité\";video;Ventas;Ana;3,0;-1,00;Nadie firma;Guía de aprobación",
    "Compra;2;Contrato;;email;Legal;;2;0;;",
  ];
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.join("\r\n") + "\r\n", "utf8")]);
  await dropFiles(page, [{ name: "recorrido.csv", type: "text/csv", bytes }]);
  const map = await waitForState(page, () => {
    const m = JSON.parse(window.journeymap.exportJSON());
    return m.stages.length === 2 && m.stages[0].name === "Decisión" ? m : null;
  }, null, { what: "the semicolon CSV to open" });
  const t = map.stages[0].touchpoints[0];
  assert.equal(t.title, "Demostración");
  assert.equal(t.description, "Llamada; con el comité");
  assert.equal(t.friction, 3);
  assert.equal(t.emotion, -1);
  await click(page, "Archivo");
  await click(page, /Exportar$/);
  await findItem(page, /Hoja de cálculo en español/);
  assert.deepEqual(page.jmErrors, []);
  await page.close();
});

test("find ignores case and accents: \"decision\" selects the card \"Decisión\", \"ACAO\" finds \"Ação\"", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720, locale: "es-ES" });
  const map = {
    format: "journeymap", version: 1, id: "map-find", title: "Buscar",
    stages: [
      { id: "s1", name: "Conocimiento", touchpoints: [{ id: "tp-a", title: "Anuncio" }] },
      { id: "s2", name: "Compra", touchpoints: [{ id: "tp-decision", title: "Decisión del comité" }, { id: "tp-acao", title: "Plano de ação" }] },
    ],
    personas: [],
  };
  assert.equal((await api(page, "loadJSON", JSON.stringify(map))).ok, true);
  for (const [query, id] of [["decision", "tp-decision"], ["ACAO", "tp-acao"]]) {
    await page.keyboard.press("Control+F");
    await settle(page);
    await page.keyboard.press("Control+A");
    await page.keyboard.type(query);
    await page.keyboard.press("Enter");
    await waitForState(page, (id) => JSON.stringify(window.journeymap._selection()) === JSON.stringify([id]), id,
      { what: `find "${query}" to select ${id}` });
    await page.keyboard.press("Escape");
    await settle(page);
  }
  assert.deepEqual(page.jmErrors, []);
  await page.close();
});
