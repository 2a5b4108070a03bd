// Paragraph fields of the inspector: a real <textarea> over the field while it is
// edited (web/text_overlay.js), wrapping and growing as you type, IME
// composition, Escape that keeps the text, one undo step per visit, list items
// that are never kept empty, and Tab that moves on instead of jumping to the top.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  serveSite, launchBrowser, openEditor, click, doubleClick, findItem, items, screenshot, settle, api, waitForState, typeInto,
} from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const INSPECTOR = "Journey Map/Inspector";
const SPANISH = "El comité de compras revisa la propuesta durante tres semanas: el director financiero pide " +
  "descuentos por volumen, el equipo de TI exige la certificación de seguridad y nadie sabe quién firma " +
  "el contrato final. Mientras tanto, el campeón interno pierde el impulso y la decisión se aplaza otra vez.";
const CHINESE = "采购委员会用三周时间审查方案：财务总监要求批量折扣，信息技术团队要求安全认证，" +
  "但没有人知道最终由谁签署合同。与此同时，内部支持者逐渐失去动力，决策再次推迟。";

function sampleMap() {
  return {
    format: "journeymap", version: 1, id: "map-paragraph", title: "Paragraph fields",
    lanes: ["touchpoints", "doing", "thinking", "pains", "opportunities", "emotion"],
    stages: [
      { id: "stage-decision", name: "Decisión", owner: "Sales",
        touchpoints: [{ id: "tp-demo", title: "Demo call", channel: "video", friction: 3, emotion: -1 }] },
      { id: "stage-onboarding", name: "Onboarding", touchpoints: [] },
    ],
    personas: [],
  };
}

const card = async (page) => JSON.parse(await api(page, "exportJSON")).stages[0].touchpoints[0];
// Waits until check(card, arg), run in the page, holds for the first card.
const cardWhen = (page, check, what, arg = null) => waitForState(page, ({ src, arg }) => {
  const t = JSON.parse(window.journeymap.exportJSON()).stages[0].touchpoints[0];
  return (0, eval)("(" + src + ")")(t, arg) ? t : null;
}, { src: String(check), arg }, { what });

// The text box over a paragraph, once it is open and focused: its rectangle and state.
async function openBox(page, label) {
  return waitForState(page, (label) => {
    const box = document.getElementById("jm-paragraph");
    if (!box || document.activeElement !== box || (label && box.getAttribute("aria-label") !== label)) return null;
    const r = box.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height, label: box.getAttribute("aria-label"), value: box.value,
             scrolls: box.scrollHeight > box.clientHeight + 1, lang: box.lang, spellcheck: box.spellcheck };
  }, label, { what: `the text box over ${label ?? "a paragraph"} to be open` });
}
const boxClosed = (page) => waitForState(page, () => {
  const box = document.getElementById("jm-paragraph");
  return !box || (box.style.display === "none" && document.activeElement !== box);
}, null, { what: "the text box to close" });

async function openSample(page) {
  const r = await api(page, "loadJSON", JSON.stringify(sampleMap()));
  assert.equal(r.ok, true, JSON.stringify(r));
  await click(page, "Demo call##card");
  await findItem(page, "Description", { window: INSPECTOR });
}

test("Escape in a paragraph field keeps the text; the field wraps, grows, and Ctrl+Z undoes the visit as one step", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  await openSample(page);
  const empty = await findItem(page, "Description", { window: INSPECTOR });
  await click(page, "Description", { window: INSPECTOR });
  let box = await openBox(page, "Description");
  assert.ok(Math.abs(box.x - empty.x) <= 1 && Math.abs(box.y - empty.y) <= 1 && Math.abs(box.w - empty.w) <= 1,
    `the text box sits exactly over the field: ${JSON.stringify(box)} vs ${JSON.stringify(empty)}`);
  assert.equal(box.spellcheck, true);

  await page.keyboard.type(SPANISH);
  await cardWhen(page, (t, text) => t.description === text, "the description to follow each key", SPANISH);
  box = await openBox(page, "Description");
  const grown = await findItem(page, "Description", { window: INSPECTOR });
  assert.ok(grown.h > empty.h * 1.8, `the field grew with its text: ${empty.h} -> ${grown.h}`);
  assert.ok(Math.abs(box.h - grown.h) <= 2, `the text box is as tall as the field: ${box.h} vs ${grown.h}`);
  assert.equal(box.scrolls, false, "the text wraps and the box grows: nothing scrolls inside it");
  await screenshot(page, "paragraph-spanish-editing-1280");

  await page.keyboard.press("Escape");
  await boxClosed(page);
  const t = await card(page);
  assert.equal(t.description, SPANISH, "Escape kept every keystroke");
  const shown = await findItem(page, "Description", { window: INSPECTOR });
  assert.ok(shown.h > empty.h * 1.8, "left, the field still shows the whole wrapped paragraph");

  // One visit, one undo step (the keyboard's Ctrl+Z, now that the canvas has the keys).
  await page.keyboard.press("Control+Z");
  await cardWhen(page, (t) => !t.description, "Ctrl+Z to undo the whole description");
  assert.equal(await api(page, "canUndo"), false, "the whole visit was a single step");
  await page.keyboard.press("Control+Shift+Z");
  await cardWhen(page, (t) => t.description && t.description.length > 200, "redo to bring it back");
  assert.deepEqual(page.jmErrors, []);
  await page.close();
});

test("the text box follows the inspector as it scrolls, and a click elsewhere keeps the text", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  await openSample(page);
  await click(page, "Thinking", { window: INSPECTOR });
  const first = await openBox(page, "Thinking");
  await page.keyboard.type("¿Quién aprueba esto?");
  await page.mouse.move(first.x + 20, first.y + 10);
  await page.mouse.wheel(0, 120);   // over the box: the inspector scrolls under it
  const moved = await waitForState(page, (y0) => {
    const r = document.getElementById("jm-paragraph").getBoundingClientRect();
    return r.y < y0 - 5 ? r.y : null;
  }, first.y, { what: "the text box to move up with the inspector" });
  const field = await findItem(page, "Thinking", { window: INSPECTOR });
  assert.ok(Math.abs(field.y - moved) <= 1, `box ${moved} over field ${field.y}`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "jm-paragraph", "scrolling keeps the focus");

  const canvas = await findItem(page, "Onboarding##stage");
  await page.mouse.click(canvas.x + 20, canvas.y + canvas.h / 2);
  await boxClosed(page);
  await cardWhen(page, (t) => t.thinking === "¿Quién aprueba esto?", "the text to stay after a click elsewhere");
  await page.close();
});

test("+ Add pain point then typing fills that pain; an item left empty is removed, never kept as \"\"", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  await openSample(page);
  await click(page, /Add pain point$/, { window: INSPECTOR });
  await openBox(page, "Pain points 1");
  assert.deepEqual((await card(page)).pains ?? [], [], "nothing empty is stored while the new item has no text");
  await page.keyboard.type("No sé quién aprueba el gasto");
  await cardWhen(page, (t) => JSON.stringify(t.pains) === JSON.stringify(["No sé quién aprueba el gasto"]), "the new pain to fill");
  await page.keyboard.press("Enter");   // a list item is one paragraph: Enter leaves it
  await boxClosed(page);

  // A second one abandoned empty, a third typed and erased: neither is kept.
  await click(page, /Add pain point$/, { window: INSPECTOR });
  await openBox(page, "Pain points 2");
  await page.keyboard.press("Escape");
  await boxClosed(page);
  await click(page, /Add pain point$/, { window: INSPECTOR });
  await openBox(page, "Pain points 2");
  await page.keyboard.type("x");
  await cardWhen(page, (t) => t.pains.length === 2, "the typed item to enter the list");
  await page.keyboard.press("Backspace");
  await cardWhen(page, (t) => t.pains.length === 1, "the emptied item to leave the list");
  await page.keyboard.press("Escape");
  await boxClosed(page);
  assert.deepEqual((await card(page)).pains, ["No sé quién aprueba el gasto"]);

  // Opportunities work the same way, with text in Chinese.
  await click(page, /Add opportunity$/, { window: INSPECTOR });
  await openBox(page, "Opportunities 1");
  await page.keyboard.type("提供一页纸的审批流程");
  await page.keyboard.press("Tab");   // on to the next text field: Backstage
  await openBox(page, "Backstage");
  await page.keyboard.press("Escape");
  await boxClosed(page);
  const t = await card(page);
  assert.deepEqual(t.opportunities, ["提供一页纸的审批流程"]);
  assert.ok(!JSON.stringify(await api(page, "exportJSON")).includes('""'), "no empty string anywhere in the map");
  assert.deepEqual(page.jmErrors, []);
  await page.close();
});

test("an IME composes in the text box: shown while composing, written when confirmed", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  await openSample(page);
  await click(page, "Doing", { window: INSPECTOR });
  await openBox(page, "Doing");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "jue ce", selectionStart: 6, selectionEnd: 6 });
  const composing = await openBox(page, "Doing");
  assert.equal(composing.value, "jue ce", "the composition shows in the field as it is typed");
  await settle(page);
  assert.equal((await card(page)).doing ?? "", "", "unconfirmed composition text is not written");
  await cdp.send("Input.insertText", { text: "决策" });
  await cardWhen(page, (t) => t.doing === "决策", "the confirmed text to be written");
  await page.keyboard.press("Escape");
  await boxClosed(page);
  assert.equal((await card(page)).doing, "决策");
  await page.close();
});

test("Escape keeps a card title typed in place; only a rename started by double-click cancels, restoring the old name", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  await openSample(page);
  // Enter on the selected card edits its title; Escape keeps what was typed.
  await page.keyboard.press("Enter");
  await waitForState(page, () => window.journeymap._testItems().some((it) => it.active && it.label === "##Title"), null,
    { what: "the title to be edited" });
  await page.keyboard.press("End");
  await page.keyboard.type(" — revisión legal");
  await page.keyboard.press("Escape");
  await settle(page);
  assert.equal((await card(page)).title, "Demo call — revisión legal");
  assert.equal(JSON.stringify(await api(page, "_selection")), JSON.stringify(["tp-demo"]), "Escape in the field does not clear the selection");

  // A double-click rename of a stage: Escape cancels and the old name is back exactly.
  await doubleClick(page, "Onboarding##stage");
  await findItem(page, "Stage name");
  await page.keyboard.type("Implantação");
  await page.keyboard.press("Escape");
  await settle(page);
  const map = JSON.parse(await api(page, "exportJSON"));
  assert.equal(map.stages[1].name, "Onboarding");

  // The map's own description through the harness's typeInto (select all, delete, type).
  await click(page, "Map");
  await click(page, /Map details and business figures$/);   // the inspector shows the map's own fields
  await findItem(page, "Objective", { window: INSPECTOR });
  await typeInto(page, "Description", "Mapa para el taller 工作坊", { window: INSPECTOR });
  await page.keyboard.press("Escape");
  await boxClosed(page);
  assert.equal(JSON.parse(await api(page, "exportJSON")).description, "Mapa para el taller 工作坊");
  await page.close();
});

for (const [width, height] of [[1280, 720], [1600, 900]]) {
  test(`screenshots at ${width}x${height}: a long Spanish and a Chinese description being edited, light and dark`, async () => {
    const page = await openEditor(browser, server.url, { width, height });
    await openSample(page);
    for (const theme of ["light", "dark"]) {
      if (theme === "dark") {
        await click(page, "View");
        await click(page, /Dark theme/);
        await click(page, "Demo call##card");
      }
      for (const [lang, text] of [["spanish", SPANISH], ["chinese", CHINESE]]) {
        await typeInto(page, "Description", text, { window: INSPECTOR });
        await openBox(page, "Description");
        await cardWhen(page, (t, text) => t.description === text, "the description", text);
        await screenshot(page, `paragraph-${lang}-${theme}-${width}x${height}`);
        await page.keyboard.press("Escape");
        await boxClosed(page);
      }
    }
    assert.deepEqual(page.jmErrors, []);
    await page.close();
  });
}

test("Tab and Shift+Tab move from a paragraph to its neighbours, never back to the top or to the field just left", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  const map = sampleMap();
  map.stages[0].touchpoints[0].pains = ["Nadie sabe quién firma"];
  assert.equal((await api(page, "loadJSON", JSON.stringify(map))).ok, true);
  await click(page, "Demo call##card");
  await click(page, "Doing", { window: INSPECTOR });
  await openBox(page, "Doing");
  // Several rounds: the move must land on the neighbour every time, not on some frames.
  for (let round = 0; round < 3; round++) {
    await page.keyboard.type(String(round));
    await page.keyboard.press("Tab");
    await openBox(page, "Thinking");
    await page.keyboard.press("Tab");
    await openBox(page, "Pain points 1");
    await page.keyboard.press("Shift+Tab");
    await openBox(page, "Thinking");
    await page.keyboard.press("Shift+Tab");
    await openBox(page, "Doing");
  }
  await page.keyboard.press("Escape");
  await boxClosed(page);
  const t = await card(page);
  assert.equal(t.doing, "012", "each visit to Doing kept what was typed");
  assert.deepEqual(t.pains, ["Nadie sabe quién firma"], "passing through a list item leaves it as it was");

  // From the description, Tab goes on to the next text field below it (Owner), not back to the title.
  await click(page, "Description", { window: INSPECTOR });
  await openBox(page, "Description");
  await page.keyboard.press("Tab");
  await boxClosed(page);
  const active = await waitForState(page, () => window.journeymap._testItems().find((it) => it.active)?.label ?? null, null,
    { what: "a field after the description to take the keys" });
  assert.equal(active, "##team", `Tab from Description went on to the Owner field, not to ${active}`);
  assert.deepEqual(page.jmErrors, []);
  await page.close();
});

test("a click in a paragraph puts the caret where the click was, not at the end", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  const map = sampleMap();
  map.stages[0].touchpoints[0].description = "Revisión del contrato";
  assert.equal((await api(page, "loadJSON", JSON.stringify(map))).ok, true);
  await click(page, "Demo call##card");
  const field = await findItem(page, "Description", { window: INSPECTOR });
  await page.mouse.click(field.x + 3, field.y + field.h / 2);   // before the first letter
  await openBox(page, "Description");
  await page.keyboard.type("Primera ");
  await cardWhen(page, (t) => t.description === "Primera Revisión del contrato", "the text to go in at the start");
  await page.keyboard.press("Escape");
  await boxClosed(page);
  await page.mouse.click(field.x + field.w - 4, field.y + field.h / 2);   // after the last word
  await openBox(page, "Description");
  await page.keyboard.type(" final");
  await cardWhen(page, (t) => t.description === "Primera Revisión del contrato final", "the text to go in at the end");
  await page.keyboard.press("Escape");
  await boxClosed(page);
  await page.close();
});
