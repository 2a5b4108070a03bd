// The layout on small screens: below 1400 px of width the map gets the screen (an
// icon strip stands in for the personas panel; the panels open over the map's
// edges), at 1400 px and more they are docked beside it as before, a resize across
// the threshold keeps the selection and undo, and the status bar never overprints.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  serveSite, launchBrowser, openEditor, click, findItem, items, settle, api, screenshot, waitForState, waitForText, typeInto, readText,
} from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const INSPECTOR = "Journey Map/Inspector";
const PERSONAS = "Journey Map/Personas and lanes";
const CARD = "Compares vendors on a review site##card";

// The rectangle of a child window of the editor ("Canvas area", "Inspector"...) as
// drawn in the last frame, or null when it is not on screen.
async function panel(page, name) {
  const all = await items(page);
  return all.find((it) => it.label.startsWith(`Journey Map/${name}_`) && it.w > 0 && it.h > 0) ?? null;
}
const panelGone = (page, name) => waitForState(page, (name) =>
  !window.journeymap._testItems().some((it) => it.label.startsWith(`Journey Map/${name}_`) && it.w > 0 && it.h > 0),
  name, { what: `the ${name} panel to close` });
const mapOf = async (page) => JSON.parse(await api(page, "exportJSON"));
const cardOf = (map, id) => map.stages.flatMap((s) => s.touchpoints).find((t) => t.id === id);

async function openSaas(page) {
  await api(page, "newMap", "saas-journey");
  const map = await mapOf(page);
  const id = map.stages.flatMap((s) => s.touchpoints).find((t) => t.title === "Compares vendors on a review site").id;
  return id;
}

test("at 1280x720 the map gets the width; a card opens the inspector over it, edits there work, closing gives the map back", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  const id = await openSaas(page);

  const canvas = await panel(page, "Canvas area");
  assert.ok(canvas.w >= 0.95 * 1280, `the canvas takes ${canvas.w} of 1280 px`);
  assert.equal(await panel(page, "Personas and lanes"), null, "no docked personas panel");
  assert.equal(await panel(page, "Inspector"), null, "nothing selected: no inspector");
  const strip = await panel(page, "Panels");
  assert.ok(strip && strip.x === 0 && strip.w <= 48, JSON.stringify(strip));
  await screenshot(page, "small-1280x720-map");

  // A click on a card: the inspector opens over the canvas's right edge; the canvas keeps its size.
  await click(page, CARD);
  const title = await findItem(page, "Title", { window: INSPECTOR });
  const inspector = await panel(page, "Inspector");
  assert.equal(inspector.x + inspector.w, 1280, "at the right edge");
  assert.ok(inspector.w >= 300 && inspector.w <= 400, `inspector ${inspector.w} px wide`);
  assert.deepEqual(await panel(page, "Canvas area"), canvas, "the map does not move or shrink under it");
  assert.ok(title.x >= inspector.x && title.x + title.w <= inspector.x + inspector.w);
  // The card stays in sight beside it.
  const card = await findItem(page, CARD);
  assert.ok(card.x + card.w <= inspector.x, `card ${card.x}+${card.w} under the inspector at ${inspector.x}`);
  assert.deepEqual(await api(page, "_selection"), [id]);

  // Every control of the touchpoint fits inside the inspector: the +2 face, the friction slider.
  const plus2 = await findItem(page, /\+2##e4$/, { window: INSPECTOR });
  const friction = await findItem(page, "##Friction", { window: INSPECTOR });
  for (const it of [plus2, friction, title])
    assert.ok(it.x + it.w <= inspector.x + inspector.w - 8, `${it.label} ends at ${it.x + it.w}, the inspector at ${inspector.x + inspector.w}`);
  const words = await readText(page, { window: INSPECTOR });
  assert.match(words, /\bsome\b/, "the friction's word is shown beside the slider");

  // Editing there works, as one undo step each.
  await typeInto(page, "Title", "Compara proveedores en G2", { window: INSPECTOR });
  await page.keyboard.press("Enter");
  await waitForState(page, (id) => JSON.parse(window.journeymap.exportJSON()).stages.flatMap((s) => s.touchpoints)
    .find((t) => t.id === id).title === "Compara proveedores en G2", id, { what: "the new title" });
  await click(page, /\+2##e4$/, { window: INSPECTOR });
  assert.equal(cardOf(await mapOf(page), id).emotion, 2);
  await screenshot(page, "small-1280x720-inspector");

  // The close button gives the map back; the card stays selected, and a click on it opens the inspector again.
  await click(page, /##close-inspector$/, { window: INSPECTOR });
  await panelGone(page, "Inspector");
  assert.deepEqual(await api(page, "_selection"), [id]);
  await click(page, "Compara proveedores en G2##card");
  await findItem(page, "Title", { window: INSPECTOR });
  // Escape clears the selection, which closes it.
  await page.mouse.move(600, 500);
  await page.keyboard.press("Escape");
  await panelGone(page, "Inspector");
  assert.deepEqual(await api(page, "_selection"), []);

  // A card under where the inspector opens: the map pans so it stays in sight beside it.
  const kickoff = await findItem(page, "Kickoff and setup session##card");
  assert.ok(kickoff.x + kickoff.w > inspector.x, `the card starts under the inspector: ${JSON.stringify(kickoff)}`);
  await click(page, "Kickoff and setup session##card");
  await findItem(page, "Title", { window: INSPECTOR });
  const moved = await findItem(page, "Kickoff and setup session##card");
  assert.ok(moved.x + moved.w <= inspector.x, `card ${moved.x}+${moved.w}, inspector at ${inspector.x}`);
  await page.mouse.move(600, 500);
  await page.keyboard.press("Escape");
  await panelGone(page, "Inspector");

  // Undo takes back the emotion, then the title.
  assert.equal(await api(page, "undo"), true);
  assert.equal(cardOf(await mapOf(page), id).emotion ?? 0, 0);
  assert.equal(await api(page, "undo"), true);
  assert.equal(cardOf(await mapOf(page), id).title, "Compares vendors on a review site");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("at 1280x720 the personas panel opens from the strip over the map and closes with a click on the map or Escape", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  const id = await openSaas(page);

  await click(page, /##strip-personas$/);
  const lanes = await panel(page, "Personas and lanes");
  const canvas = await panel(page, "Canvas area");
  assert.ok(lanes.x >= canvas.x && lanes.x < canvas.x + 10, `over the canvas's left edge: ${lanes.x} vs ${canvas.x}`);
  assert.equal(canvas.w, (await panel(page, "Canvas area")).w);
  // It works as the docked one: show the Thinking lane.
  await click(page, "Thinking", { window: PERSONAS });
  assert.ok((await mapOf(page)).lanes.includes("thinking"));
  await screenshot(page, "small-1280x720-personas");

  // A click on the map closes it (and does what the click does there).
  await click(page, CARD);
  await panelGone(page, "Personas and lanes");
  await findItem(page, "Title", { window: INSPECTOR });
  assert.deepEqual(await api(page, "_selection"), [id]);

  // Opened again beside the inspector, Escape closes it alone: the card stays selected.
  await click(page, /##strip-personas$/);
  await findItem(page, "Thinking", { window: PERSONAS });
  await page.keyboard.press("Escape");
  await panelGone(page, "Personas and lanes");
  assert.deepEqual(await api(page, "_selection"), [id]);
  await findItem(page, "Title", { window: INSPECTOR });

  // Its own close button, and the View menu.
  await click(page, "View");
  await click(page, "Personas and lanes panel");
  await click(page, /##close-personas$/, { window: PERSONAS });
  await panelGone(page, "Personas and lanes");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("at 1280x720 the inspector opens from the View menu with the map's details, and Escape or its button close it", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  await openSaas(page);
  await click(page, "View");
  await click(page, "Inspector");
  await findItem(page, "Title", { window: INSPECTOR });
  const text = await readText(page, { window: INSPECTOR });
  assert.match(text, /SaaS customer journey/);
  // A click on empty map keeps it (nothing was selected, nothing changes).
  const canvas = await panel(page, "Canvas area");
  await page.mouse.click(canvas.x + 100, canvas.y + canvas.h - 20);
  await settle(page);
  await findItem(page, "Title", { window: INSPECTOR });
  await page.keyboard.press("Escape");
  await panelGone(page, "Inspector");
  await click(page, /##strip-inspector$/);
  await findItem(page, "Title", { window: INSPECTOR });
  await click(page, /##strip-inspector$/);
  await panelGone(page, "Inspector");
  await page.context().close();
});

test("at 1600x900 the panels are docked as before; crossing 1400 px keeps the selection and undo", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 900 });
  const id = await openSaas(page);
  const docked = async () => ({
    personas: await panel(page, "Personas and lanes"), canvas: await panel(page, "Canvas area"),
    inspector: await panel(page, "Inspector"), strip: await panel(page, "Panels"),
  });
  let p = await docked();
  assert.equal(p.strip, null, "no icon strip on a wide screen");
  assert.deepEqual([p.personas.x, p.personas.w], [0, 250]);
  assert.deepEqual([p.canvas.x, p.canvas.w], [250, 1600 - 250 - 380]);
  assert.deepEqual([p.inspector.x, p.inspector.w], [1600 - 380, 380]);
  await findItem(page, /##close-inspector$/, { timeout: 1 }).then(() => assert.fail("no close button when docked"), () => {});
  await screenshot(page, "small-1600x900-docked");

  await click(page, CARD);
  await typeInto(page, "Title", "Compara proveedores", { window: INSPECTOR });
  await page.keyboard.press("Enter");
  await waitForState(page, () => window.journeymap.canUndo(), null, { what: "an undo step" });

  // Narrower than 1400: the overlay layout, the inspector over the map (a card is selected).
  await page.setViewportSize({ width: 1280, height: 720 });
  await waitForState(page, () => window.journeymap._display().width === 1280, null, { what: "the editor to see 1280 px" });
  await findItem(page, "Title", { window: INSPECTOR });
  p = await docked();
  assert.ok(p.strip, "the icon strip");
  assert.equal(p.personas, null);
  assert.equal(p.inspector.x + p.inspector.w, 1280);
  assert.ok(p.canvas.w >= 0.95 * 1280);
  assert.deepEqual(await api(page, "_selection"), [id]);
  assert.equal(await api(page, "canUndo"), true);

  // Wide again: docked, with both panels, the selection and the history as they were.
  await page.setViewportSize({ width: 1600, height: 900 });
  await waitForState(page, () => window.journeymap._display().width === 1600, null, { what: "the editor to see 1600 px" });
  await findItem(page, "Title", { window: INSPECTOR });
  p = await docked();
  assert.deepEqual([p.personas.x, p.personas.w, p.canvas.w, p.inspector.w], [0, 250, 970, 380]);
  assert.deepEqual(await api(page, "_selection"), [id]);
  assert.equal(await api(page, "undo"), true);
  assert.equal(cardOf(await mapOf(page), id).title, "Compares vendors on a review site");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

// A map whose top hotspot has a long title, in Spanish or Chinese.
function hotspotMap(title) {
  return {
    format: "journeymap", version: 1, id: "map-status", title: "Estado",
    stages: [
      { id: "s1", name: "Decisión", touchpoints: [
        { id: "tp-long", title, channel: "email", friction: 5, emotion: -2 },
        { id: "tp-calm", title: "Llamada", channel: "phone", friction: 1, emotion: 1 },
      ] },
    ],
    personas: [],
  };
}
const SPANISH = "El comité de compras revisa la propuesta durante tres semanas mientras el director financiero pide " +
  "descuentos por volumen y nadie sabe quién firma el contrato";
const CHINESE = "采购委员会用三周时间审查方案，财务总监要求批量折扣，信息技术团队要求安全认证，但没有人知道最终由谁签署合同";

for (const [lang, title] of [["spanish", SPANISH], ["chinese", CHINESE]]) {
  test(`the status bar at 1280x720 never overprints: a long ${lang} hotspot title ends in …, with a notice too`, async () => {
    const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
    const r = await api(page, "loadJSON", JSON.stringify(hotspotMap(title)));
    assert.equal(r.ok, true, JSON.stringify(r));
    const check = async (what) => {
      const save = await findItem(page, "status-save");
      const zoom = await findItem(page, "status-zoom");
      const counts = await findItem(page, "status-counts");
      const all = (await items(page)).filter((it) => /^##status-/.test(it.label) && it.w > 0);
      const left = all.filter((it) => !["##status-save", "##status-zoom"].includes(it.label)).sort((a, b) => a.x - b.x);
      assert.ok(left.length >= 2, `${what}: ${JSON.stringify(all)}`);
      for (let i = 1; i < left.length; i++)
        assert.ok(left[i - 1].x + left[i - 1].w <= left[i].x, `${what}: ${left[i - 1].label} runs into ${left[i].label}`);
      const last = left[left.length - 1];
      assert.ok(last.x + last.w < save.x, `${what}: ${last.label} ends at ${last.x + last.w}, the save state starts at ${save.x}`);
      assert.ok(save.x + save.w <= zoom.x && zoom.x + zoom.w <= 1280, `${what}: save ${JSON.stringify(save)} zoom ${JSON.stringify(zoom)}`);
      for (const it of all) assert.equal(it.y, counts.y, `${what}: ${it.label} on one line`);
      return readText(page, { window: "Journey Map/Status bar" });
    };
    const text = await check("the hotspot alone");
    assert.match(text, /Top hotspot: .*…/, text);

    // The hotspot is a way to the card: a click selects it (and shows it in the inspector).
    await click(page, "status-hotspot");
    assert.deepEqual(await api(page, "_selection"), ["tp-long"]);
    await findItem(page, "Title", { window: INSPECTOR });

    // A notice ("Copied 1 card(s)") takes its room before the hotspot; still one line, nothing overlaps.
    await page.mouse.move(300, 300);
    await page.keyboard.press("Control+C");
    await waitForText(page, /Copied 1 card/, { window: "Journey Map/Status bar" });
    await check("with a notice");
    await screenshot(page, `small-status-${lang}-1280x720`);
    assert.deepEqual(page.jmErrors, []);
    await page.context().close();
  });
}

for (const theme of ["light", "dark"]) {
  test(`screenshots at 1280x720 and 1600x900, ${theme}: map, inspector and personas panel`, async () => {
    for (const [width, height] of [[1280, 720], [1600, 900]]) {
      const page = await openEditor(browser, server.url, { width, height });
      await openSaas(page);
      if (theme === "dark") {
        await click(page, "View");
        await click(page, /Dark theme$/);
      }
      await click(page, CARD);
      await findItem(page, "Title", { window: INSPECTOR });
      if (width < 1400) await click(page, /##strip-personas$/);
      await page.mouse.move(width / 2, height - 200);
      await screenshot(page, `small-${theme}-${width}x${height}`);
      assert.deepEqual(page.jmErrors, []);
      await page.context().close();
    }
  });
}
