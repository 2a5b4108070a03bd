// File > Compare with file (issue 14), in a real browser: a map is saved, then
// changed through the UI (a card added, one moved to another stage, one
// renamed, one deleted) and compared with the saved file. The status bar
// counts each kind, the Compare list names every change, the deleted card is a
// ghost where it was, the inspector lists the renamed card's field with both
// values, editing while comparing updates it all, and Close or Escape ends it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  serveSite, launchBrowser, openEditor, click, findItem, settle, api, screenshot, waitForState, typeInto, readText, waitForText, newMapFromTemplate, dragFromTo,
} from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const INSPECTOR = "Journey Map/Inspector";
const STATUS = "Journey Map/Status bar";
const mapOf = async (page) => JSON.parse(await api(page, "exportJSON"));
const centre = (it) => ({ x: it.x + it.w / 2, y: it.y + it.h / 2 });
const state = (page) => api(page, "compareState");
// A map without the time it was last changed (undo and redo stamp it again).
const content = (map) => { const { modified, ...rest } = map; return rest; };

// Picks `text` as `name` in the file picker that `open` (a click, a key) brings up.
async function pickFile(page, open, name, text) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open()]);
  await chooser.setFiles([{ name, mimeType: "application/json", buffer: Buffer.from(text) }]);
}

async function compareWithFile(page, name, text) {
  await click(page, "File");
  await pickFile(page, () => click(page, /Compare with file\.\.\./), name, text);
  await waitForState(page, () => window.journeymap.compareState().comparing, undefined, { what: "compare mode on" });
}

test("Compare with file marks what the open map added, removed, moved and changed since the file", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 900 });
  await newMapFromTemplate(page, "saas-journey");
  const saved = await api(page, "exportJSON");
  const original = JSON.parse(saved);
  const [searches, ad, peer] = original.stages[0].touchpoints;
  const decision = original.stages[2];

  // Four changes through the UI: one card added, one moved, one renamed, one deleted.
  await click(page, /^\+ Add touchpoint##add-card$/);   // the first stage's
  await findItem(page, "Title", { window: INSPECTOR });
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Pilot offer");
  await page.keyboard.press("Enter");
  await settle(page);
  const card = await findItem(page, searches.title + "##card");
  const target = await findItem(page, decision.name + "##stage");
  await dragFromTo(page, centre(card), { x: target.x + target.w / 2, y: card.y + card.h / 2 });
  await click(page, ad.title + "##card");
  await typeInto(page, "Title", "Sees a LinkedIn ad", { window: INSPECTOR });
  await page.keyboard.press("Enter");
  await settle(page);
  await click(page, peer.title + "##card");
  await page.keyboard.press("Delete");
  await settle(page);
  const edited = await mapOf(page);
  assert.ok(edited.stages[2].touchpoints.some((t) => t.id === searches.id), "the card went to Decision");
  assert.ok(!edited.stages[0].touchpoints.some((t) => t.id === peer.id), "the card was deleted");

  await compareWithFile(page, "before.journeymap.json", saved);
  let s = await state(page);
  assert.equal(s.file, "before.journeymap.json");
  assert.equal(s.related, true);
  assert.deepEqual(s.totals, { added: 1, removed: 1, moved: 1, changed: 1 });
  assert.deepEqual(s.counts.touchpoints, { added: 1, removed: 1, moved: 1, changed: 1 });
  assert.equal(s.ghosts, 1);
  assert.deepEqual(await mapOf(page), edited, "comparing changes nothing in the map");

  // The status bar counts per kind; the bar over the map says what is compared.
  assert.match(await readText(page, { window: STATUS }), /Cards: \+1 -1 ~1 moved 1/);
  assert.match(await readText(page, { window: "Journey Map" }), /Comparing with before\.journeymap\.json: 1 added, 1 removed, 1 moved, 1 changed/);

  // The Compare list names each change; the deleted card is a ghost on the map.
  const list = await readText(page, { window: "Compare" });
  assert.match(list, /Cards \(4\)/);
  assert.match(list, /"Pilot offer" · only in this map/);
  assert.match(list, new RegExp(`"${peer.title}" · was in "Awareness"`));
  assert.match(list, new RegExp(`"${searches.title}" · Moved from "Awareness" \\(card 1 there in the file\\)`));
  assert.match(list, /"Sees a LinkedIn ad" · Title/);
  const ghost = await findItem(page, peer.title + "##ghost");
  const pilot = await findItem(page, "Pilot offer##card");
  const linkedin = await findItem(page, "Sees a LinkedIn ad##card");
  assert.ok(ghost.y > linkedin.y && ghost.y < pilot.y, "the ghost is where the card was: after the card before it, before the new one");

  // A row of the list selects its card; the inspector lists the changed field with both values.
  await click(page, /"Sees a LinkedIn ad" · Title##row$/, { window: "Compare" });
  assert.deepEqual(await api(page, "_selection"), [ad.id]);
  const inspector = await readText(page, { window: INSPECTOR });
  assert.match(inspector, /Compared with the file/);
  assert.match(inspector, /Changed: 1 field/);
  assert.match(inspector, new RegExp(`\\| Field \\| In the file \\| In this map \\|\\s+\\| Title \\| ${ad.title} \\| Sees a LinkedIn ad \\|`));
  await screenshot(page, "compare-1600-light");
  await click(page, "View");
  await click(page, /Dark theme/);
  await screenshot(page, "compare-1600-dark");

  // Editing while comparing: undoing the deletion brings the card back, and the comparison follows.
  await page.keyboard.press("Control+Z");
  await waitForState(page, () => window.journeymap.compareState().totals.removed === 0, undefined, { what: "the deletion undone" });
  assert.match(await readText(page, { window: STATUS }), /Cards: \+1 ~1 moved 1/);
  await page.keyboard.press("Control+Shift+Z");
  await waitForState(page, () => window.journeymap.compareState().totals.removed === 1, undefined, { what: "the deletion redone" });

  await page.setViewportSize({ width: 1280, height: 720 });
  await settle(page);
  await screenshot(page, "compare-1280-dark");
  await click(page, "View");
  await click(page, /Light theme/);
  await screenshot(page, "compare-1280-light");

  // Close ends compare mode: no bar, no ghost, no counts.
  await click(page, "Close##compare-bar");
  assert.equal((await state(page)).comparing, false);
  assert.doesNotMatch(await readText(page, { window: STATUS }), /Cards:/);
  assert.equal((await api(page, "_testItems")).some((it) => it.label.endsWith("##ghost")), false);
  assert.deepEqual(content(await mapOf(page)), content(edited), "comparing, undoing and redoing left the map as it was");

  // Alt+C opens the picker as well; Escape in the Compare window ends it.
  await pickFile(page, () => page.keyboard.press("Alt+C"), "before.journeymap.json", saved);
  await waitForState(page, () => window.journeymap.compareState().comparing, undefined, { what: "compare mode on again" });
  await click(page, /Sees a LinkedIn ad" · Title##row$/, { window: "Compare" });
  await page.keyboard.press("Escape");
  await waitForState(page, () => !window.journeymap.compareState().comparing, undefined, { what: "Escape to end compare mode" });
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("the same file compares as no differences; a file that is not a map gets Open's error dialog", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  const before = await api(page, "exportJSON");
  await compareWithFile(page, "same.journeymap.json", before);
  assert.equal((await state(page)).equal, true);
  assert.match(await readText(page, { window: STATUS }), /No differences/);
  assert.match(await readText(page, { window: "Compare" }), /No differences: this map says exactly what the file says\./);
  await click(page, "Close##compare-window", { window: "Compare" });
  assert.equal((await state(page)).comparing, false);

  await click(page, "File");
  await pickFile(page, () => click(page, /Compare with file\.\.\./), "notes.json", '{"format": "journeymap", "version": 2, "stages": 7}');
  await findItem(page, "OK");
  assert.match(await readText(page, { window: "Could not open the file" }), /"notes\.json" could not be opened/);
  await click(page, "OK");
  assert.equal((await state(page)).comparing, false);
  assert.equal(await api(page, "exportJSON"), before);

  // Opening another map ends a comparison: it was about the map that was open.
  assert.deepEqual(await api(page, "compareWith", before, "same.journeymap.json"), { ok: true });
  assert.equal((await state(page)).comparing, true);
  assert.equal((await api(page, "newMap", "blank")).ok, true);
  assert.equal((await state(page)).comparing, false);
  assert.doesNotMatch(await readText(page, { window: STATUS }), /No differences/);
  await page.context().close();
});

test("Compare in Spanish: the bar, the list, the status bar and the inspector in the UI's language", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720, locale: "es-ES" });
  await findItem(page, "Archivo");
  const saved = await api(page, "exportJSON");
  const map = JSON.parse(saved);
  const first = map.stages[0].touchpoints[0];
  await click(page, first.title + "##card");
  await page.keyboard.press("Delete");
  await settle(page);
  const stage = map.stages[1];
  await click(page, stage.name + "##stage");
  await typeInto(page, "Nombre", stage.name + " B2B", { window: INSPECTOR });
  await page.keyboard.press("Enter");
  await click(page, "Archivo");
  await pickFile(page, () => click(page, /Comparar con archivo\.\.\./), "antes.journeymap.json", saved);
  await waitForState(page, () => window.journeymap.compareState().comparing, undefined, { what: "compare mode on" });
  assert.match(await readText(page, { window: STATUS }), /Etapas: ~1 \| Tarjetas: -1/);
  assert.match(await readText(page, { window: "Journey Map" }), /Comparando con antes\.journeymap\.json: 0 añadidos, 1 eliminado, 0 movidos, 1 cambiado/);
  assert.match(await readText(page, { window: "Compare" }), /Tarjetas \(1\)/);
  assert.match(await readText(page, { window: INSPECTOR }), /Comparado con el archivo/);
  await findItem(page, first.title + "##ghost");
  await screenshot(page, "compare-es-1280");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("a stage only the file has is a ghost column; personas, business figures and map fields are listed field by field", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 900 });
  await newMapFromTemplate(page, "saas-journey");
  const open = await mapOf(page);
  // The file: a version with one stage more (and its two cards), one persona more,
  // another title and another revenue figure.
  const file = structuredClone(open);
  file.title = "SaaS journey, group 2";
  file.stages.splice(1, 0, { id: "stage-evaluation", name: "Evaluation", touchpoints: [
    { id: "tp-trial", title: "Starts a free trial" }, { id: "tp-poc", title: "Runs a proof of concept" }] });
  file.personas.push({ id: "persona-procurement", name: "Procurement lead", kind: "buyer", role: "procurement" });
  file.period = { ...(file.period ?? {}), revenue_start: 125000 };
  assert.deepEqual(await api(page, "compareWith", JSON.stringify(file), "group-2.journeymap.json"), { ok: true });
  const s = await state(page);
  assert.equal(s.ghostColumns, 1);
  assert.equal(s.ghosts, 4);   // the stage, its two cards, the persona
  assert.deepEqual(s.counts.stages, { added: 0, removed: 1, moved: 0, changed: 0 });
  assert.match(await readText(page, { window: STATUS }), /Stages: -1 \| Cards: -2 \| Personas: -1 \| Business figures: ~1 \| Map fields: ~1/);

  const list = await readText(page, { window: "Compare" });
  assert.match(list, /Stages \(1\)\n[^\n]*"Evaluation"\n/);
  assert.match(list, /"Starts a free trial" · was in "Evaluation"/);
  assert.match(list, /Personas \(1\)\n[^\n]*"Procurement lead"\n/);
  assert.match(list, /Revenue at start \(This period\): 125000 → -/);
  assert.match(list, /Title: SaaS journey, group 2 → SaaS customer journey/);

  // The map's own differences are in its inspector, field by field.
  await click(page, "Map");
  await click(page, /Map details and business figures/);
  const inspector = await readText(page, { window: INSPECTOR });
  assert.match(inspector, /\| Title \| SaaS journey, group 2 \| SaaS customer journey \|/);
  assert.match(inspector, /\| This period · Revenue at start \| 125000 \| - \|/);
  assert.match(inspector, /Compared with the file/);
  assert.match(inspector, /Persona "Procurement lead": in the file only \(removed here\)/);

  // A row of the list brings the ghost column into sight.
  await click(page, /"Evaluation"##row$/, { window: "Compare" });
  const header = await findItem(page, "Evaluation##ghost");
  const trial = await findItem(page, "Starts a free trial##ghost");
  assert.ok(trial.y > header.y && Math.abs(trial.x + trial.w / 2 - (header.x + header.w / 2)) < 2, "its cards are ghosts in its column");
  await click(page, "Hide list", { window: "Compare" });
  await screenshot(page, "compare-ghost-stage-1600-light");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});
