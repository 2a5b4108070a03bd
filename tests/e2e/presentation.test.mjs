// Presentation mode (View > Present, F5): full screen, the panels and menus
// hidden, the map at a readable size stage by stage, Left/Right and Page
// Up/Down stepping with a smooth pan, Escape leaving; and screenshots of a
// 7-stage map with long Spanish and Chinese texts, stage by stage, at the
// sizes of a projector and a laptop.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  serveSite, launchBrowser, openEditor, click, findItem, items, settle, api, screenshot, waitForState,
} from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const presentation = (page) => page.evaluate(() => window.journeymap._presentation());

async function press(page, key) {
  await page.keyboard.press(key);
  await settle(page);
}

// Widgets of the editor's own window (menus, panels, canvas, status bar) on screen.
async function editorWidgets(page) {
  return (await items(page)).filter((it) => it.window.startsWith("Journey Map") && it.w > 0 && it.h > 0);
}

// Presses `key` and records the view's left edge on every frame until the pan
// ends: a smooth pan passes through positions between where it started and
// where it lands.
async function panPositions(page, key) {
  await settle(page);
  await page.keyboard.press(key);
  return page.evaluate(async () => {
    const xs = [window.journeymap._view().x];
    for (;;) {
      await new Promise((ok) => requestAnimationFrame(ok));
      xs.push(window.journeymap._view().x);
      if (!window.journeymap._presentation().moving && window.journeymap._idle()) return xs;
    }
  });
}

test("presentation mode enters full screen, hides the panels, steps through stages, and leaves with Escape", async () => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  await api(page, "newMap", "saas-journey");
  const mapBefore = await api(page, "exportJSON");
  const undoBefore = await api(page, "canUndo");
  await findItem(page, "File");
  assert.ok((await editorWidgets(page)).length > 10, "the editor shows its menus and panels");
  const viewBefore = await api(page, "_view");

  await press(page, "F5");
  let p = await waitForState(page, () => window.journeymap._presentation().presenting && window.journeymap._presentation(), null,
    { what: "presentation mode to start on F5" });
  assert.ok(p.fullscreenRequests >= 1, "full screen was asked of the browser");
  const fullscreen = await page.evaluate(() => document.fullscreenElement !== null);
  assert.equal(p.fullscreen, fullscreen, "the app knows whether the browser granted full screen");
  assert.equal(p.stages, 7);
  assert.equal(p.stage, 0);
  assert.equal(p.mode, "stage by stage", "a 7-stage map is too wide for readable text at 1280 px");
  assert.ok(p.bodyPx >= 18, `body text ${p.bodyPx} px`);
  assert.deepEqual(await editorWidgets(page), [], "no menu, panel or status bar while presenting");
  await findItem(page, /Next stage$/, { window: "Presentation" });
  await screenshot(page, "present-saas-1280x720");

  // Right and Page Down step forward, Left and Page Up back, with a smooth pan
  // (the first two stages share a framing at this width: the map starts there).
  await press(page, "ArrowRight");
  assert.equal((await presentation(page)).stage, 1);
  const xs = await panPositions(page, "ArrowRight");
  assert.equal((await presentation(page)).stage, 2);
  const between = xs.filter((x) => x > xs[0] + 1 && x < xs[xs.length - 1] - 1);
  assert.ok(between.length >= 2, `the view passes through positions between two stages: ${xs.join(", ")}`);
  await press(page, "PageDown");
  assert.equal((await presentation(page)).stage, 3);
  await press(page, "PageUp");
  assert.equal((await presentation(page)).stage, 2);
  await press(page, "ArrowLeft");
  await press(page, "ArrowLeft");
  assert.equal((await presentation(page)).stage, 0);
  await press(page, "ArrowLeft");
  assert.equal((await presentation(page)).stage, 0, "stepping stops at the first stage");
  for (let i = 0; i < 8; i++) await press(page, "ArrowRight");
  assert.equal((await presentation(page)).stage, 6, "stepping stops at the last stage");
  const last = await api(page, "_view");
  await press(page, "PageDown");
  assert.deepEqual(await api(page, "_view"), last, "the view stays at the end");

  // Escape leaves: the editor, its panels, view and theme come back; the map did not change.
  await press(page, "Escape");
  p = await waitForState(page, () => !window.journeymap._presentation().presenting && window.journeymap._presentation(), null,
    { what: "presentation mode to end on Escape" });
  await waitForState(page, () => document.fullscreenElement === null, null, { what: "full screen to end" });
  await findItem(page, "File");
  assert.ok((await editorWidgets(page)).length > 10);
  assert.deepEqual(await api(page, "_view"), viewBefore, "the editor's zoom and pan are given back");
  assert.equal(await api(page, "exportJSON"), mapBefore, "presenting changes no map data");
  assert.equal(await api(page, "canUndo"), undoBefore, "and adds nothing to undo");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("View > Present starts it from the menu; the Leave button ends it and gives back the card detail", async () => {
  const page = await openEditor(browser, server.url, { width: 1600, height: 900 });
  await api(page, "newMap", "saas-journey");
  await click(page, "Compact##card-detail");
  await click(page, "View");
  await click(page, /Present$/);
  let p = await waitForState(page, () => window.journeymap._presentation().presenting && window.journeymap._presentation(), null,
    { what: "presentation mode to start from the menu" });
  assert.equal(p.cardDetail, "full", "presenting shows every word (card detail Full)");
  assert.ok(p.fullscreenRequests >= 1);
  await click(page, /Next stage$/, { window: "Presentation" });
  assert.equal((await presentation(page)).stage, 1);
  await click(page, /Previous stage$/, { window: "Presentation" });
  assert.equal((await presentation(page)).stage, 0);
  await click(page, /Leave presentation$/, { window: "Presentation" });
  p = await waitForState(page, () => !window.journeymap._presentation().presenting && window.journeymap._presentation(), null,
    { what: "presentation mode to end on Leave" });
  assert.equal(p.cardDetail, "compact", "the editor's card detail comes back");
  await findItem(page, "File");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("leaving full screen with the browser's own Escape leaves presentation mode", async (t) => {
  const page = await openEditor(browser, server.url, { width: 1280, height: 720 });
  await api(page, "newMap", "saas-journey");
  await press(page, "F5");
  await waitForState(page, () => window.journeymap._presentation().presenting, null, { what: "presentation mode to start" });
  const granted = await page.evaluate(() => document.fullscreenElement !== null);
  if (!granted) {
    t.skip("this Chromium refused full screen; the mode ran in the window (checked above)");
    await page.context().close();
    return;
  }
  await waitForState(page, () => window.journeymap._presentation().fullscreen, null, { what: "the app to hear of full screen" });
  // What the browser does on its own Escape: it leaves full screen without telling the page's keys.
  await page.evaluate(() => document.exitFullscreen());
  await waitForState(page, () => !window.journeymap._presentation().presenting, null,
    { what: "presentation mode to end when full screen ends" });
  await findItem(page, "File");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

// --- A 7-stage map with long Spanish and Chinese texts, read from screenshots ---

const SPANISH = [
  "Revisión del contrato marco con el departamento jurídico del cliente, incluidas las cláusulas de protección de datos y SLA",
  "Configuración del inicio de sesión único con el equipo de informática, que exige pruebas en tres entornos distintos",
  "Primera factura con importes que no coinciden con la propuesta firmada, lo que obliga a abrir una incidencia urgente",
];
const CHINESE = [
  "客户法务部门审查主服务协议，包括数据保护条款、服务等级协议以及续约和终止条件的详细说明",
  "与客户信息技术团队一起配置单点登录，需要在三个不同的环境中分别进行测试和验证",
  "第一张发票的金额与已签署的报价不一致，客户不得不紧急提交工单并等待财务部门回复",
];
const STAGE_NAMES = [
  "Descubrimiento del problema por parte del responsable de operaciones",
  "评估与比较多家供应商的解决方案",
  "Evaluación técnica y revisión de seguridad con el equipo de informática",
  "采购谈判与合同签署",
  "Incorporación de los primeros usuarios y configuración de la cuenta",
  "日常使用与价值实现",
  "Renovación anual, ampliación de licencias y recomendación a otros equipos",
];

function longTextMap(template) {
  const map = JSON.parse(template);
  map.title = "Recorrido del cliente 客户旅程";
  map.stages.forEach((stage, s) => {
    stage.name = STAGE_NAMES[s];
    stage.touchpoints.forEach((tp, i) => {
      const spanish = (s + i) % 2 === 0;
      tp.title = (spanish ? SPANISH : CHINESE)[(s + i) % 3];
      tp.pains = [spanish ? "El cliente espera más de una semana sin respuesta y pierde la confianza en el proyecto" : "客户等待一周以上没有得到回复，对项目失去信心"];
      tp.opportunities = [spanish ? "Asignar un responsable con nombre y un plazo de respuesta de dos días hábiles" : "指定专人负责并承诺两个工作日内回复"];
      if (tp.doing !== undefined) tp.doing = spanish ? "Compara la propuesta con la factura línea por línea" : "逐行核对报价和发票";
    });
  });
  return JSON.stringify(map);
}

// Each of the first `count` stages, from its top to its bottom, one screenshot per screenful.
async function shootStages(page, prefix, count = Infinity) {
  await press(page, "F5");
  let p = await waitForState(page, () => window.journeymap._presentation().presenting && window.journeymap._presentation(), null,
    { what: "presentation mode to start" });
  assert.ok(p.bodyPx >= 18, `body text ${p.bodyPx} px`);
  assert.equal(p.cardDetail, "full");
  const shots = [];
  for (let s = 0; s < Math.min(p.stages, count); s++) {
    if (s > 0) await press(page, "ArrowRight");
    p = await presentation(page);
    assert.equal(p.stage, s);
    for (let k = 1; ; k++) {
      shots.push(await screenshot(page, `${prefix}-stage${s + 1}-${k}`));
      p = await presentation(page);
      if (p.scroll >= p.maxScroll - 0.5) break;
      await press(page, "ArrowDown");
      const next = await presentation(page);
      assert.ok(next.scroll > p.scroll, "Down scrolls further");
      assert.ok(k < 20, "a stage fits in a few screenfuls");
    }
  }
  await press(page, "Escape");
  await waitForState(page, () => !window.journeymap._presentation().presenting, null, { what: "presentation mode to end" });
  return shots;
}

for (const { width, height, dpr } of [
  { width: 1280, height: 720, dpr: 1 },
  { width: 1280, height: 720, dpr: 2 },
  { width: 1600, height: 900, dpr: 1 },
]) {
  test(`screenshots of presentation mode at ${width}x${height}, dpr ${dpr}: a long Spanish and Chinese map, stage by stage`, async () => {
    const page = await openEditor(browser, server.url, { width, height, dpr });
    await api(page, "newMap", "saas-journey");
    const loaded = await api(page, "loadJSON", longTextMap(await api(page, "exportJSON")));
    assert.equal(loaded.ok, true, JSON.stringify(loaded));
    if (width === 1600) {
      // View the map as one persona: the filter is shown large while presenting.
      const persona = JSON.parse(await api(page, "exportJSON")).personas.find((p) => p.kind === "user");
      const row = await findItem(page, persona.name + "##persona-row");
      const eye = (await items(page)).find((it) => /##view$/.test(it.label) && Math.abs(it.y - row.y) < 6);
      await page.mouse.move(eye.x + 5, eye.y + 5);
      await settle(page);
      await page.mouse.click(eye.x + 5, eye.y + 5);
      await settle(page);
      assert.equal(await api(page, "_viewAs"), persona.id);
    }
    // Every stage at 1280x720, the projector the issue names; at 1600x900 the first
    // two, a Spanish one and a Chinese one; at devicePixelRatio 2 (slow to capture) the first.
    const count = width === 1280 && dpr === 1 ? 7 : dpr === 1 ? 2 : 1;
    const shots = await shootStages(page, `present-${width}x${height}${dpr === 1 ? "" : "-dpr" + dpr}`, count);
    assert.ok(shots.length >= count);
    assert.deepEqual(page.jmErrors, []);
    await page.context().close();
  });
}
