// What a workshop takes home and how it looks at the map: the PNG export, the
// persona view, metrics through the UI and the API, lanes, help, dark theme.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { largeMap } from "../support/large_map.mjs";
import {
  serveSite, launchBrowser, openEditor, click, findItem, items, settle, api, screenshot, dropFiles, waitForText, waitForState,
} from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const mapOf = async (page) => JSON.parse(await api(page, "exportJSON"));

// Width and height from a PNG's IHDR chunk.
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], "PNG signature");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("File > Export > PNG downloads an image of the whole map at up to twice the size", async () => {
  const page = await openEditor(browser, server.url, { width: 1400, height: 900 });
  await api(page, "newMap", "saas-journey");
  await click(page, "File");
  await click(page, /Export$/);
  const [download] = await Promise.all([page.waitForEvent("download"), click(page, /Image of the whole map/)]);
  assert.match(download.suggestedFilename(), /\.png$/);
  const { width, height } = pngSize(await readFile(await download.path()));
  // 7 stages x 272 + 150 lane labels + 64 for "+" = 2118 world px wide: twice that fits in 8192.
  assert.equal(width, 2 * 2118);
  assert.ok(height > 1000, `height ${height}`);
  // The status bar names the file and its size; at twice the size nothing is said about scaling.
  const notice = await waitForText(page, /Exported SaaS[^|]*\.png \(\d+ x \d+ px/);
  assert.match(notice, new RegExp(`\\(${width} x ${height} px\\)`));
  await screenshot(page, "png-exported");
  await page.context().close();
});

test("a map too wide for twice the size is exported smaller, and the editor says by how much", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 900 });
  // 20 stages: about 5,650 px wide at 100%, so twice would pass the 8,192 px the editor allows.
  assert.equal((await api(page, "loadJSON", largeMap(400))).ok, true);
  await click(page, "File");
  await click(page, /Export$/);
  const [download] = await Promise.all([page.waitForEvent("download"), click(page, /Image of the whole map/)]);
  const { width, height } = pngSize(await readFile(await download.path()));
  assert.ok(Math.max(width, height) <= 8192, `${width} x ${height} within 8192 px`);
  const notice = await waitForText(page, /% of screen size: the browser makes images up to \d+ px a side/);
  assert.match(notice, new RegExp(`\\(${width} x ${height} px, \\d+% of screen size`));
  await page.context().close();
});

test("view as a persona dims the rest and computes metrics for that persona", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });
  await api(page, "newMap", "saas-journey");
  const map = await mapOf(page);
  const persona = map.personas.find((p) => p.kind === "user");
  const row = await findItem(page, persona.name + "##persona-row");
  const eyes = (await items(page)).filter((it) => /##view$/.test(it.label) && Math.abs(it.y - row.y) < 6);
  assert.equal(eyes.length, 1);
  await page.mouse.move(eyes[0].x + 5, eyes[0].y + 5);
  await settle(page);
  await page.mouse.click(eyes[0].x + 5, eyes[0].y + 5);
  await settle(page);
  const metrics = await api(page, "metrics");
  assert.equal(metrics.persona_filter, null, "the API reports the whole map");
  assert.equal(await api(page, "_viewAs"), persona.id);
  await screenshot(page, "view-as-user");
  await click(page, "Map");
  await click(page, /Metrics and hotspots/);
  await findItem(page, /##hotspot$/);
  await screenshot(page, "metrics-window");
  await page.context().close();
});

test("metrics() returns every figure with its formula, never NaN", async () => {
  const page = await openEditor(browser, server.url);
  await api(page, "newMap", "b2b-journey-exit");
  const m = await api(page, "metrics");
  assert.equal(m.format, "journeymap-metrics");
  assert.ok(m.hotspots.touchpoints.length > 0);
  assert.ok(m.hotspots.touchpoints[0].why.length > 0);
  assert.ok(m.stages.every((s) => ["good", "warning", "bad", "unknown"].includes(s.health.status)));
  assert.equal(m.business.churn_rate.value, null);
  assert.match(m.business.churn_rate.unavailable, /customers at start/);
  assert.match(m.business.churn_rate.formula, /lost/);
  assert.ok(!JSON.stringify(m).includes("NaN"));
  await page.context().close();
});

test("lanes can be hidden and reordered, and the choice is saved in the map", async () => {
  const page = await openEditor(browser, server.url);
  await api(page, "newMap", "saas-journey");
  const before = (await mapOf(page)).lanes;
  assert.ok(before.includes("friction"));
  await click(page, "Friction", { window: "Journey Map/Personas and lanes" });
  let lanes = (await mapOf(page)).lanes;
  assert.ok(!lanes.includes("friction"));
  const doing = await findItem(page, "Doing", { window: "Journey Map/Personas and lanes" });
  const up = (await items(page)).find((it) => /##up$/.test(it.label) && Math.abs(it.y - doing.y) < 6);
  await page.mouse.move(up.x + 4, up.y + 4);
  await settle(page);
  await page.mouse.click(up.x + 4, up.y + 4);
  await settle(page);
  lanes = (await mapOf(page)).lanes;
  assert.equal(lanes[0], "doing");
  await page.keyboard.press("Control+Z");
  await settle(page);
  assert.equal((await mapOf(page)).lanes[0], "touchpoints");
  await page.context().close();
});

test("F1 opens the keyboard shortcuts; the History panel lists the steps", async () => {
  const page = await openEditor(browser, server.url);
  await api(page, "newMap", "saas-journey");
  await page.keyboard.press("F1");
  await settle(page);
  await findItem(page, "Keyboard shortcuts");
  await screenshot(page, "shortcuts");
  await page.keyboard.press("F1");
  await settle(page);
  await click(page, "Map");
  await click(page, /Add persona$/);
  await click(page, "Edit");
  await click(page, /History$/);
  await findItem(page, /^Add persona 'New persona'/, { window: "History" });
  await page.context().close();
});

test("dark theme screenshot of a real template", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });
  await api(page, "newMap", "acnce-funnel");
  await click(page, "View");
  await click(page, /Dark theme/);
  await screenshot(page, "template-acnce-dark");
  await click(page, "View");
  await click(page, /Light theme/);
  await screenshot(page, "template-acnce-light");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("a dropped Mermaid journey opens as a map; File > Export writes Mermaid and CSV", async () => {
  const page = await openEditor(browser, server.url);
  const mermaid = "journey\n  title Onboarding 入职\n  section Kick-off\n    Welcome call: 4: Ana, Luis\n  section Setup\n    SSO set-up: 2: Luis\n";
  await dropFiles(page, [{ name: "onboarding.mmd", type: "text/plain", text: mermaid }]);
  const map = await mapOf(page);
  assert.equal(map.title, "Onboarding 入职");
  assert.deepEqual(map.stages.map((s) => s.name), ["Kick-off", "Setup"]);
  assert.deepEqual(map.personas.map((p) => p.name).sort(), ["Ana", "Luis"]);
  await click(page, "File");
  await click(page, /Export$/);
  const [mmd] = await Promise.all([page.waitForEvent("download"), click(page, /Mermaid journey/)]);
  const exported = await readFile(await mmd.path(), "utf8");
  assert.equal(exported, await api(page, "exportMermaid"));
  assert.match(exported, /section Setup/);
  await click(page, "File");
  await click(page, /Export$/);
  const [csv] = await Promise.all([page.waitForEvent("download"), click(page, /Spreadsheet/)]);
  const bytes = await readFile(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
  assert.match(bytes.toString("utf8"), /Welcome call/);
  await page.context().close();
});

test("at 100% a 120-character Spanish title and a 60-character Chinese title show every word; Compact cuts them, undoably", async () => {
  const SPANISH = "Revisión detallada del contrato marco con el departamento jurídico, incluidas las cláusulas de protección de datos y SLA";
  const CHINESE = "客户法务部门审查主服务协议，包括数据保护条款、服务等级协议以及续约和终止条件的详细说明，并确认双方责任与付款安排的全细节";
  assert.equal([...SPANISH].length, 120);
  assert.equal([...CHINESE].length, 60);
  const page = await openEditor(browser, server.url, { width: 1600, height: 900 });
  await api(page, "newMap", "saas-journey");
  const map = await mapOf(page);
  map.stages[0].touchpoints[0].title = SPANISH;
  map.stages[1].touchpoints[0].title = CHINESE;
  assert.equal((await api(page, "loadJSON", JSON.stringify(map))).ok, true);
  await page.keyboard.press("Shift+Digit0");   // zoom to 100%
  await waitForState(page, () => window.journeymap._view().zoom === 1 || null, null, { what: "zoom 100%" });
  const cards = [[map.stages[0].touchpoints[0].id, SPANISH, " "], [map.stages[1].touchpoints[0].id, CHINESE, ""]];
  for (const [id, title, joiner] of cards) {
    // Find it (Ctrl+F, Enter): the editor selects the card and scrolls it into view.
    await page.keyboard.press("Control+F");
    await settle(page);
    await page.keyboard.press("Control+A");
    await page.keyboard.type(title.slice(0, 12));
    await page.keyboard.press("Enter");
    await waitForState(page, (id) => window.journeymap._selection()[0] === id || null, id, { what: "the card found" });
    await settle(page);
    const layout = await api(page, "_cardLayout", id);
    assert.equal(layout.zoom, 1);
    assert.equal(layout.lines.map((l) => l.text).join(joiner), title, "every word, in order, on the card's lines");
    assert.ok(layout.lines.length >= 3, `${layout.lines.length} lines`);
    layout.lines.forEach((l, k) => {
      assert.equal(l.ellipsis, false);
      assert.ok(l.width <= layout.maxWidth - (k === 0 ? layout.firstLineIndent : 0) + 0.5, `line ${k} fits: ${l.width}`);
    });
    const { card, canvas } = layout;
    assert.ok(card.x >= canvas.x && card.x + card.w <= canvas.x + canvas.w && card.y >= canvas.y && card.y + card.h <= canvas.y + canvas.h,
      `the card is on screen: ${JSON.stringify(card)} in ${JSON.stringify(canvas)}`);
  }
  await screenshot(page, "long-titles-100");
  await page.keyboard.press("Escape");   // closes the find bar
  await settle(page);

  // Compact: three lines, the last ending in "…"; it is the map's choice, and one undo step.
  await click(page, "Compact##card-detail");
  const compact = await api(page, "_cardLayout", cards[0][0]);
  assert.equal(compact.lines.length, 3);
  assert.equal(compact.lines[2].ellipsis, true);
  assert.equal((await mapOf(page)).card_detail, "compact");
  await page.keyboard.press("Control+Z");
  await waitForState(page, () => !JSON.parse(window.journeymap.exportJSON()).card_detail || null, null, { what: "undo of the card detail" });
  assert.equal((await api(page, "_cardLayout", cards[0][0])).lines.at(-1).ellipsis, false);
  await page.context().close();
});

test("a CSV saved as Windows-1252 by a Spanish spreadsheet opens, and a dialog says how it was read", async () => {
  const page = await openEditor(browser, server.url);
  const bytes = await readFile(new URL("../data/encoding/windows-1252.csv", import.meta.url));
  await dropFiles(page, [{ name: "ventas.csv", type: "text/csv", bytes }]);
  const map = await mapOf(page);
  assert.equal(map.stages[0].name, "Decisión");
  assert.equal(map.stages[0].touchpoints[0].title, "Revisão do contrato");
  const dialog = await waitForText(page, /Windows-1252/, { window: "Opened, with a note" });
  assert.match(dialog, /"ventas\.csv" is open/);
  assert.match(dialog, /save the file as UTF-8/);
  await screenshot(page, "opened-windows-1252");
  await page.keyboard.press("Enter");
  await settle(page);
  assert.equal((await items(page)).some((it) => it.label.startsWith("Opened, with a note")), false, "Enter closes it");
  await page.context().close();
});

test("a + between two stage headers inserts a stage there", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });
  await api(page, "newMap", "acnce-funnel");
  const before = (await mapOf(page)).stages.map((s) => s.name);
  await click(page, /^\+ Insert stage##between$/);   // the first one: between stages 1 and 2
  await page.keyboard.type("Qualify");
  await page.keyboard.press("Enter");
  await settle(page);
  const after = (await mapOf(page)).stages.map((s) => s.name);
  assert.deepEqual(after, [before[0], "Qualify", ...before.slice(1)]);
  await page.context().close();
});

test("deleting a persona that cards refer to asks first, and undo restores the references", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });
  await api(page, "newMap", "saas-journey");
  const map = await mapOf(page);
  const persona = map.personas[0];
  const refs = map.stages.flatMap((s) => s.touchpoints ?? []).filter((t) => (t.persona_ids ?? []).includes(persona.id)).length;
  assert.ok(refs > 0);
  await click(page, persona.name + "##persona-row");
  await click(page, /Delete persona$/, { window: "Journey Map/Inspector" });
  await findItem(page, "Cancel", { window: "Delete persona?" });
  await screenshot(page, "delete-persona-question");
  await click(page, /^Delete persona$/, { window: "Delete persona?" });
  let after = await mapOf(page);
  assert.ok(!after.personas.some((p) => p.id === persona.id));
  assert.ok(!JSON.stringify(after.stages).includes(`"${persona.id}"`));
  await page.keyboard.press("Control+Z");
  await settle(page);
  after = await mapOf(page);
  assert.deepEqual(after.personas, map.personas);
  assert.deepEqual(after.stages, map.stages);
  await page.context().close();
});
