// Editor frame times on a 10,000-touchpoint map in headless Chromium (software
// WebGL): prints figures, asserts nothing. Run after scripts/build.sh:
//   node tests/bench/editor_scale.mjs [TOUCHPOINTS]
// The generated map gets realistic text before it is loaded: titles of 40-120
// characters (two in three Spanish, Portuguese or English, one in three Chinese)
// and 1-3 pain points per card, so that wrapping and the text-layout cache are
// part of what is measured.
import { execFileSync } from "node:child_process";
import { serveSite, launchBrowser, openEditor, settle, findItem, click, NATIVE } from "../e2e/harness.mjs";

const touchpoints = Number(process.argv[2] ?? 10000);
// Deterministic text (a small LCG), the same on every run.
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (list) => list[Math.floor(rand() * list.length)];
const LATIN = [
  "Solicitud", "de", "demostración", "con", "el", "equipo", "comercial", "para", "validar", "integración",
  "Contrato", "de", "licença", "anual", "revisão", "jurídica", "e", "aprovação", "do", "orçamento",
  "Security", "review", "with", "procurement", "and", "the", "customer's", "IT", "department",
  "Configuración", "inicial", "del", "espacio", "de", "trabajo", "invitación", "usuarios", "migración",
  "Onboarding", "session", "handoff", "from", "sales", "to", "success", "kickoff", "checklist",
  "información", "precio", "renovación", "acentuação", "ação", "coração", "self-serve", "SSO/SAML",
];
const CHINESE = "客户在评估阶段需要与销售团队沟通产品集成方案并确认年度许可证价格以及安全审查流程决策者希望看到投资回报分析和实施时间表";
const PUNCT = "，。、：；！？";
function latinText(min, max) {
  const target = min + Math.floor(rand() * (max - min + 1));
  let s = "";
  while ([...s].length < target) s += (s ? " " : "") + pick(LATIN);
  return [...s].slice(0, target).join("").trimEnd();
}
function chineseText(min, max) {
  const target = min + Math.floor(rand() * (max - min + 1));
  const out = [];
  while (out.length < target) {
    const at = Math.floor(rand() * (CHINESE.length - 8));
    out.push(...CHINESE.slice(at, at + 4 + Math.floor(rand() * 8)));
    if (out.length < target - 1) out.push(pick(PUNCT));
  }
  return out.slice(0, target).join("");
}
// A map of `count` touchpoints with realistic text, as the JSON text a page would hold.
function realisticMap(count) {
  const map = JSON.parse(execFileSync(`${NATIVE}/gen_large_map`, [String(count), "20", "20"], { maxBuffer: 1 << 28 }).toString());
  let n = 0;
  for (const stage of map.stages) {
    for (const t of stage.touchpoints) {
      t.title = n % 3 === 2 ? chineseText(40, 120) : latinText(40, 120);
      const pains = 1 + Math.floor(rand() * 3);
      t.pains = Array.from({ length: pains }, (_, i) => ((n + i) % 3 === 2 ? chineseText(12, 40) : latinText(20, 80)));
      n++;
    }
  }
  return JSON.stringify(map);
}
const text = realisticMap(touchpoints);
const text1k = realisticMap(1000);

const server = await serveSite();
const browser = await launchBrowser();
const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });

// loadJSON: the call itself (read, validate, open, layout, metrics), then the
// first frame drawn after it (the map on screen).
async function loadJSON(t) {
  const ms = await page.evaluate((t) => {
    let a = performance.now();
    const r = window.journeymap.loadJSON(t);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    const call = performance.now() - a;
    a = performance.now();
    JM.module._jm_frame(a);
    return { call, frame: performance.now() - a };
  }, t);
  await settle(page);
  return ms;
}
const load1k = await loadJSON(text1k);
const load = await loadJSON(text);
const loadMs = load.call;
// Frames that change nothing skip the GL render; the figures below are of full frames.
await page.evaluate(() => { JM.alwaysRender = true; });

// Median time of N frames drawn back to back (each one builds and renders the UI).
async function frameMs(label, n = 40) {
  const ms = await page.evaluate((n) => {
    const t = [];
    for (let i = 0; i < n; i++) {
      const a = performance.now();
      JM.module._jm_frame(a);
      t.push(performance.now() - a);
    }
    t.sort((x, y) => x - y);
    return { median: t[Math.floor(n / 2)], p90: t[Math.floor(n * 0.9)] };
  }, n);
  console.log(`${label.padEnd(44)} median ${ms.median.toFixed(2)} ms, p90 ${ms.p90.toFixed(2)} ms`);
}

console.log(`map: ${touchpoints} touchpoints, 20 stages, 20 personas, ${(text.length / 1e6).toFixed(1)} MB of JSON (realistic titles and pains)`);
console.log(`loadJSON, 1,000 touchpoints (${(text1k.length / 1e6).toFixed(1)} MB): ${load1k.call.toFixed(0)} ms; first frame after it ${load1k.frame.toFixed(0)} ms`);
console.log(`loadJSON, ${touchpoints.toLocaleString("en")} touchpoints (read, validate, open, layout, metrics) ${loadMs.toFixed(0)} ms; first frame after it ${load.frame.toFixed(0)} ms`);
await page.evaluate(() => JM.module._jm_frame(performance.now()));
await frameMs("frame at the start view (readable zoom)");
await page.keyboard.press("Shift+0");
await settle(page);
await frameMs("frame at 100% at the start of the map");

// One edit: a character typed at the end of a card's title in the inspector. Undo
// and redo of that step then change the document the same way; each API call
// re-lays out the map (refresh_derived) and recomputes the metrics.
try {
  await click(page, /##card$/);
  await click(page, "Title");
  await page.keyboard.press("End");
  await page.keyboard.type("!");
  await settle(page);
  await page.mouse.click(5, 995);   // leave the field: the edit is one history step
  await settle(page);
  const edit = await page.evaluate((n) => {
    const jm = window.journeymap;
    if (!jm.canUndo()) return null;
    const call = [], frame = [];
    for (let i = 0; i < n; i++) {
      let a = performance.now();
      if (i % 2 === 0) jm.undo(); else jm.redo();
      call.push(performance.now() - a);
      a = performance.now();
      JM.module._jm_frame(a);
      frame.push(performance.now() - a);
    }
    call.sort((x, y) => x - y);
    frame.sort((x, y) => x - y);
    return { call: call[n >> 1], frame: frame[n >> 1] };
  }, 20);
  if (edit) {
    console.log(`undo/redo of one title edit (re-layout + metrics) median ${edit.call.toFixed(2)} ms; next frame ${edit.frame.toFixed(2)} ms`);
  } else {
    console.log("one edit: the title edit did not reach the history; skipped");
  }
} catch (e) {
  console.log(`one edit: skipped (${e.message.split("\n")[0]})`);
}

await page.keyboard.press("Shift+1");   // fit the whole map
await settle(page);
await frameMs("frame with the whole map fitted");
await page.keyboard.press("Shift+0");
await settle(page);
await page.mouse.move(800, 500);
for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 2000);   // scroll deep into the stages
await settle(page);
await frameMs("frame at 100% deep inside the map");
const idle = await page.evaluate(async () => {
  const a = JM.framesDrawn;
  await new Promise((r) => setTimeout(r, 2500));
  return JM.framesDrawn - a;
});
console.log(`frames drawn in 2.5 s of idling after the last input: ${idle}`);
await browser.close();
await server.close();
