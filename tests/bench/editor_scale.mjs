// Editor frame times on a 10,000-touchpoint map in headless Chromium (software
// WebGL): prints figures, asserts nothing. Run after scripts/build.sh:
//   node tests/bench/editor_scale.mjs [TOUCHPOINTS]
import { execFileSync } from "node:child_process";
import { serveSite, launchBrowser, openEditor, settle, NATIVE } from "../e2e/harness.mjs";

const touchpoints = Number(process.argv[2] ?? 10000);
const text = execFileSync(`${NATIVE}/gen_large_map`, [String(touchpoints), "20", "20"], { maxBuffer: 1 << 28 }).toString();

const server = await serveSite();
const browser = await launchBrowser();
const page = await openEditor(browser, server.url, { width: 1600, height: 1000 });

const loadMs = await page.evaluate((t) => {
  const a = performance.now();
  const r = window.journeymap.loadJSON(t);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return performance.now() - a;
}, text);
await settle(page);

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

console.log(`map: ${touchpoints} touchpoints, 20 stages, 20 personas, ${(text.length / 1e6).toFixed(1)} MB of JSON`);
console.log(`loadJSON (parse, validate, metrics, store)    ${loadMs.toFixed(0)} ms`);
await frameMs("frame at the start view (readable zoom)");
await page.keyboard.press("Shift+1");   // fit the whole map: cards drawn in their simple form
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
