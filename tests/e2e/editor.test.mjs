// The map editor, driven through its real UI with mouse and keyboard: widgets
// are found by their ImGui labels through the test hook, never by fixed coordinates.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  serveSite, launchBrowser, openEditor, click, findItem, screenshot, settle, api, pasteText, clipboardWhen, newMapFromTemplate, dragFromTo,
} from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const mapOf = async (page) => JSON.parse(await api(page, "exportJSON"));
const stageNames = (map) => map.stages.map((s) => s.name);
const cardTitles = (stage) => (stage.touchpoints ?? []).map((t) => t.title);

const centre = (it) => ({ x: it.x + it.w / 2, y: it.y + it.h / 2 });

test("create a map from a template, add and rename a stage, add a touchpoint, set its friction", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });
  await newMapFromTemplate(page, "saas-journey");
  let map = await mapOf(page);
  assert.equal(map.stages[0].name, "Awareness");
  const before = map.stages.length;
  await screenshot(page, "template-saas-light");

  await click(page, "Map");
  await click(page, /Add stage$/);
  await findItem(page, "Stage name");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Expansão 扩张");
  await page.keyboard.press("Enter");
  await settle(page);
  map = await mapOf(page);
  assert.equal(map.stages.length, before + 1);
  assert.equal(map.stages.at(-1).name, "Expansão 扩张");

  await click(page, /^\+ Add touchpoint##add-card$/);   // the first visible stage's "+"
  await findItem(page, "Title");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Webinar de boas-vindas");
  await page.keyboard.press("Enter");
  await settle(page);
  const slider = await findItem(page, "##Friction", { window: "Journey Map/Inspector" });
  await page.mouse.click(slider.x + slider.w - 3, slider.y + slider.h / 2);   // the top of the 0..5 range
  await settle(page);
  map = await mapOf(page);
  const [id] = await api(page, "_selection");
  const added = map.stages.flatMap((s) => s.touchpoints ?? []).find((t) => t.id === id);
  assert.equal(added.title, "Webinar de boas-vindas");
  assert.equal(added.friction, 5);
  await page.context().close();
});

test("drag a card to another stage, then undo and redo", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });
  await newMapFromTemplate(page, "saas-journey");
  let map = await mapOf(page);
  const moving = map.stages[0].touchpoints[0];
  const card = await findItem(page, moving.title + "##card");
  const target = await findItem(page, map.stages[2].name + "##stage");
  await dragFromTo(page, centre(card), { x: target.x + target.w / 2, y: card.y + card.h / 2 });
  map = await mapOf(page);
  assert.ok(!cardTitles(map.stages[0]).includes(moving.title), "left the first stage");
  assert.ok(cardTitles(map.stages[2]).includes(moving.title), "arrived in the third stage");

  await page.keyboard.press("Control+Z");
  await settle(page);
  map = await mapOf(page);
  assert.equal(map.stages[0].touchpoints[0].title, moving.title);
  await page.keyboard.press("Control+Shift+Z");
  await settle(page);
  map = await mapOf(page);
  assert.ok(cardTitles(map.stages[2]).includes(moving.title));
  await page.context().close();
});

test("copy a card to the system clipboard and paste it back as a new card", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });
  await newMapFromTemplate(page, "saas-journey");
  let map = await mapOf(page);
  const first = map.stages[0].touchpoints[0];
  const count = map.stages[0].touchpoints.length;
  await click(page, first.title + "##card");
  await page.keyboard.press("Control+C");
  const copied = await clipboardWhen(page, { includes: JSON.stringify(first.title) });
  const clip = JSON.parse(copied);
  assert.equal(clip.format, "journeymap");
  assert.equal(clip.stages[0].touchpoints[0].title, first.title);
  // The browser's paste gesture, as Ctrl+V delivers it.
  await pasteText(page, copied);
  map = await mapOf(page);
  assert.equal(map.stages[0].touchpoints.length, count + 1);
  const pasted = map.stages[0].touchpoints[1];
  assert.equal(pasted.title, first.title);
  assert.notEqual(pasted.id, first.id);
  await page.context().close();
});

test("find text anywhere, jump to it and select it", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });
  await newMapFromTemplate(page, "saas-journey");
  const map = await mapOf(page);
  const wanted = map.stages.at(-1).touchpoints.at(-1);
  await page.keyboard.press("Control+F");
  await settle(page);
  await page.keyboard.type(wanted.title);
  await page.keyboard.press("Enter");
  await settle(page);
  assert.deepEqual(await api(page, "_selection"), [wanted.id]);
  await findItem(page, wanted.title + "##card");   // scrolled into view
  await page.context().close();
});

test("keyboard: arrows move between cards, Delete removes, Ctrl+D duplicates", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });
  await newMapFromTemplate(page, "saas-journey");
  let map = await mapOf(page);
  await click(page, map.stages[0].touchpoints[0].title + "##card");
  await page.keyboard.press("ArrowRight");
  await settle(page);
  assert.deepEqual(await api(page, "_selection"), [map.stages[1].touchpoints[0].id]);
  await page.keyboard.press("Control+D");
  await settle(page);
  let after = await mapOf(page);
  assert.equal(after.stages[1].touchpoints.length, map.stages[1].touchpoints.length + 1);
  await page.keyboard.press("Delete");
  await settle(page);
  after = await mapOf(page);
  assert.equal(after.stages[1].touchpoints.length, map.stages[1].touchpoints.length);
  await page.context().close();
});

test("edits persist across a reload", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });
  await newMapFromTemplate(page, "saas-journey");
  await click(page, "Map");
  await click(page, /Add stage$/);
  await findItem(page, "Stage name");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Renovação 续约");
  await page.keyboard.press("Enter");
  await settle(page);   // idle includes the autosave having run
  assert.match((await api(page, "saveState")).status, /^Saved/);
  const saved = await api(page, "exportJSON");
  await page.reload();
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
  assert.equal(await api(page, "exportJSON"), saved);
  assert.ok(stageNames(JSON.parse(saved)).includes("Renovação 续约"));
  await page.context().close();
});

test("light and dark themes, zoomed out and in", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });
  await newMapFromTemplate(page, "b2b-lifecycle");
  await screenshot(page, "template-b2b-lifecycle-light");
  await click(page, "View");
  await click(page, /Dark theme/);
  await screenshot(page, "template-b2b-lifecycle-dark");
  await page.keyboard.press("Shift+0");
  await settle(page);
  const view = await api(page, "_view");
  assert.equal(Math.round(view.zoom * 100), 100);
  await screenshot(page, "template-b2b-lifecycle-100");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});
