// Re-opening a Mermaid or CSV export of a map in the library (issue 14): the
// editor recognises the map, says what the update will do and what the format
// does not carry, and "Update that map" brings the file's work in as one undo
// step, with no third copy in the library. The file is exported through
// File > Export (the real download), changed as a person would in a text
// editor or a spreadsheet, and dropped back on the editor.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { serveSite, launchBrowser, openEditor, click, findItem, settle, api, screenshot, dropFiles, waitForState, readText, items } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DIALOG = "Update a map from this file?";
const mapOf = async (page) => JSON.parse(await api(page, "exportJSON"));
// What an update changes: the map without its bookkeeping.
const content = (map) => { const { modified, lineage, ...rest } = map; return rest; };
const cards = (map) => map.stages.flatMap((s) => (s.touchpoints ?? []).map((t) => ({ ...t, stage: s.name })));
const dialogOpen = async (page) => (await items(page)).some((it) => it.window.startsWith(DIALOG) && it.w > 0);

async function exportThrough(page, menus, item) {
  await click(page, menus[0]);
  await click(page, menus[1]);
  const [file] = await Promise.all([page.waitForEvent("download"), click(page, item)]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

// RFC 4180 as spreadsheets write it, with the file's delimiter.
function parseCsv(text, delimiter) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ""; }
    else if (c === "\r") continue;
    else if (c === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
const writeCsv = (rows, delimiter) => rows.map((r) => r.map((c) => (/["\r\n]/.test(c) || c.includes(delimiter) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join("\r\n") + "\r\n";

test("a Mermaid export changed in a text editor updates its library map: one undo step, no extra copy", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  assert.equal((await api(page, "newMap", "b2b-lifecycle")).ok, true);
  const before = await mapOf(page);
  const library = await api(page, "listMaps");

  const exported = await exportThrough(page, ["File", /Export$/], /Mermaid journey/);
  assert.match(exported.name, /^B2B customer lifecycle\.mmd$/);
  let text = exported.bytes.toString("utf8");
  // A new task after the first one, and the first one's score from 3 to 5.
  const first = "Finds the brand in search results: 3";
  assert.ok(text.includes(first), text.slice(0, 400));
  text = text.replace(first, "Finds the brand in search results: 5").replace(/(Finds the brand in search results: 5[^\n]*\n)/, "$1    Asks a peer on Slack: 2: Daily user\n");

  await dropFiles(page, [{ name: exported.name, type: "text/plain", text }]);
  await findItem(page, "Update that map", { window: DIALOG });
  const said = await readText(page, { window: DIALOG });
  assert.match(said, /This file looks like an export of "B2B customer lifecycle" in your library/);
  assert.match(said, /The update: 1 card added, 1 card changed\./);
  assert.match(said, /Mermaid files do not carry everything a map holds\. The update leaves these as they are in this map:/);
  const pains = cards(before).reduce((n, c) => n + (c.pains ?? []).length, 0);
  assert.match(said, new RegExp(`\\b${pains} pains\\b`), "what this map has that Mermaid does not carry, counted");
  assert.deepEqual(content(await mapOf(page)), content(before), "nothing changes while the dialog asks");
  await screenshot(page, "interchange-update-mermaid-1280");

  await click(page, "Update that map", { window: DIALOG });
  const after = await waitForState(page, () => {
    const m = JSON.parse(window.journeymap.exportJSON());
    return m.stages[0].touchpoints.some((t) => t.title === "Asks a peer on Slack") ? m : null;
  }, null, { what: "the new card in the map" });
  assert.equal(after.id, before.id, "the library map itself was updated");
  const [found, asked] = after.stages[0].touchpoints;
  assert.equal(found.id, before.stages[0].touchpoints[0].id);
  assert.equal(found.emotion, 2);
  assert.equal(found.friction ?? 0, 0);   // 0 is left out of the file
  assert.deepEqual({ ...found, emotion: 0, friction: 0 }, { ...before.stages[0].touchpoints[0], emotion: 0, friction: 0 }, "pains, description... as they were");
  assert.equal(asked.title, "Asks a peer on Slack");
  assert.equal(after.personas.find((p) => asked.persona_ids.includes(p.id)).name, "Daily user");
  assert.equal(cards(after).length, cards(before).length + 1);
  assert.deepEqual((await api(page, "listMaps")).map((m) => m.id).sort(), library.map((m) => m.id).sort(), "no extra map in the library");
  assert.match(await readText(page, { window: "Journey Map" }), /Updated "B2B customer lifecycle" from B2B customer lifecycle\.mmd: 1 card added, 1 card changed/);

  await page.keyboard.press("Control+Z");
  await waitForState(page, () => JSON.parse(window.journeymap.exportJSON()).stages[0].touchpoints.length === 3 || null, null, { what: "the update undone" });
  assert.deepEqual(content(await mapOf(page)), content(before), "one Ctrl+Z restores the map exactly");
  assert.equal(await api(page, "canUndo"), false);

  // The same file again, opened as a new map this time: the status bar says what Mermaid did not bring.
  await dropFiles(page, [{ name: exported.name, type: "text/plain", text }]);
  await click(page, "Open as a new map", { window: DIALOG });
  const opened = await mapOf(page);
  assert.notEqual(opened.id, before.id);
  assert.equal((await api(page, "listMaps")).length, library.length + 1);
  assert.equal(cards(opened).some((c) => (c.pains ?? []).length > 0), false);
  assert.match(await readText(page, { window: "Journey Map" }), /Opened B2B customer lifecycle\.mmd \(Mermaid brings no descriptions, pains, surveys or KPIs\)/);
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("a CSV export changed in a Spanish spreadsheet updates its library map, removing a row only when ticked; Escape changes nothing", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720, locale: "es-ES" });
  assert.equal((await api(page, "newMap", "b2b-lifecycle")).ok, true);
  const before = await mapOf(page);
  const library = await api(page, "listMaps");
  assert.equal(before.title, "Ciclo de vida del cliente B2B");

  const exported = await exportThrough(page, ["Archivo", /Exportar$/], /Hoja de cálculo en español/);
  assert.equal(exported.name, "Ciclo de vida del cliente B2B.csv");
  const rows = parseCsv(exported.bytes.toString("utf8").replace(/^\uFEFF/, ""), ";");
  const col = Object.fromEntries(rows[0].map((name, i) => [name, i]));
  const firstTitle = before.stages[0].touchpoints[0].title, gone = before.stages[1].touchpoints[1].title;
  const first = rows.findIndex((r) => r[col.title] === firstTitle);
  rows[first][col.friction] = "5";
  rows[first][col.pains] = "Nadie contesta | Precio opaco";
  const added = [...rows[first]];
  added[col.title] = "Pide una prueba gratuita";
  added[col.description] = "Desde la web";
  added[col.friction] = "2";
  added[col.pains] = "";
  rows.splice(first + 1, 0, added);
  rows.splice(rows.findIndex((r) => r[col.title] === gone), 1);
  const csv = "\uFEFF" + writeCsv(rows, ";");

  // Escape: nothing opens, nothing changes.
  await dropFiles(page, [{ name: exported.name, type: "text/csv", text: csv }]);
  await findItem(page, "Actualizar ese mapa", { window: DIALOG });
  await page.keyboard.press("Escape");
  await waitForState(page, (w) => !window.journeymap._testItems().some((it) => it.window.startsWith(w) && it.w > 0) || null, DIALOG, { what: "the dialog closed" });
  assert.deepEqual(content(await mapOf(page)), content(before));
  assert.equal((await api(page, "listMaps")).length, library.length);

  await dropFiles(page, [{ name: exported.name, type: "text/csv", text: csv }]);
  await findItem(page, "Actualizar ese mapa", { window: DIALOG });
  let said = await readText(page, { window: DIALOG });
  assert.match(said, /Este archivo parece una exportación de «Ciclo de vida del cliente B2B», que está en tu biblioteca/);
  assert.match(said, /La actualización: 1 tarjeta añadida, 1 tarjeta modificada\./);
  assert.match(said, /1 tarjeta del mapa no está en el archivo:/);
  assert.match(said, new RegExp(gone));
  assert.match(said, /Los archivos CSV no traen todo lo que tiene un mapa\. La actualización deja esto como está en este mapa:/);
  assert.match(said, /\d+ KPI\b/);
  assert.doesNotMatch(said, /\d+ puntos de dolor/, "CSV carries pains: not among what it leaves as it is");
  await screenshot(page, "interchange-update-csv-es-1280");
  await click(page, /^Quitar también la 1 tarjeta/, { window: DIALOG });
  said = await readText(page, { window: DIALOG });
  assert.match(said, /La actualización: 1 tarjeta añadida, 1 tarjeta modificada, 1 tarjeta quitada\./);
  await screenshot(page, "interchange-update-csv-es-remove-1280");
  await page.keyboard.press("Enter");   // Enter updates

  const after = await waitForState(page, () => {
    const m = JSON.parse(window.journeymap.exportJSON());
    return m.stages[0].touchpoints.some((t) => t.title === "Pide una prueba gratuita") ? m : null;
  }, null, { what: "the new card in the map" });
  assert.equal(after.id, before.id);
  const updatedFirst = after.stages[0].touchpoints[0];
  assert.equal(updatedFirst.friction, 5);
  assert.deepEqual(updatedFirst.pains, ["Nadie contesta", "Precio opaco"]);
  assert.equal(after.stages[0].touchpoints[1].description, "Desde la web");
  assert.equal(cards(after).some((c) => c.title === gone), false, "the row deleted in the spreadsheet, removed as ticked");
  assert.equal(cards(after).length, cards(before).length);
  assert.deepEqual((await api(page, "listMaps")).map((m) => m.id).sort(), library.map((m) => m.id).sort());
  assert.equal(await dialogOpen(page), false);

  await page.keyboard.press("Control+Z");
  await waitForState(page, (t) => JSON.parse(window.journeymap.exportJSON()).stages[1].touchpoints.some((c) => c.title === t) || null, gone, { what: "the update undone" });
  assert.deepEqual(content(await mapOf(page)), content(before), "one Ctrl+Z restores the map exactly");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("a CSV opened as a new map is named after its file, and opening the file again offers to update that map", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  const csv = "stage,title,friction\r\nPilot,Kick-off call,2\r\nPilot,First report,1\r\n";
  await dropFiles(page, [{ name: "Pilot plan.csv", type: "text/csv", text: csv }]);
  const opened = await mapOf(page);
  assert.equal(opened.title, "Pilot plan");
  assert.match(await readText(page, { window: "Journey Map" }), /Opened Pilot plan\.csv \(CSV brings no surveys, KPIs, stage goals or colours\)/);
  const count = (await api(page, "listMaps")).length;
  await dropFiles(page, [{ name: "Pilot plan (1).csv", type: "text/csv", text: csv.replace("First report,1", "First report,4") }]);
  assert.match(await readText(page, { window: DIALOG }), /This file looks like an export of "Pilot plan" in your library[\s\S]*The update: 1 card changed\./);
  await page.keyboard.press("Enter");
  await waitForState(page, () => JSON.parse(window.journeymap.exportJSON()).stages[0].touchpoints[1].friction === 4 || null, null, { what: "the friction updated" });
  assert.equal(await api(page, "currentMapId"), opened.id);
  assert.equal((await api(page, "listMaps")).length, count);
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("the dialog in Chinese, dark theme, at 1600x900 (screenshot)", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 900, locale: "zh-CN" });
  assert.equal((await api(page, "newMap", "saas-journey")).ok, true);
  const title = (await mapOf(page)).title;
  // One task more at the end, the second task gone.
  const lines = (await api(page, "exportMermaid")).split("\n");
  const tasks = lines.flatMap((l, i) => (/^    \S/.test(l) ? [i] : []));
  lines.splice(tasks[1], 1);
  const text = lines.join("\n").trimEnd() + "\n    培训整个团队: 4\n";
  await click(page, "视图");
  await click(page, /深色主题/);
  await dropFiles(page, [{ name: `${title}.mmd`, type: "text/plain", text }]);
  const said = await readText(page, { window: DIALOG });
  assert.match(said, new RegExp(`此文件看起来是您地图库中“${title}”的导出文件`));
  assert.match(said, /新增 1 张卡片/);
  await screenshot(page, "interchange-update-zh-dark-1600");
  await page.keyboard.press("Escape");
  await settle(page);
  assert.equal(await dialogOpen(page), false);
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});
