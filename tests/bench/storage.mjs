// Storage figures in headless Chromium: saving and restoring maps of 1,000 and
// 10,000 touchpoints in IndexedDB, what an autosave of the large map costs each
// frame, and moving a 20-map library over from localStorage. Prints figures;
// asserts nothing about time. Run after a web build:
//   node tests/bench/storage.mjs            (JM_SITE_DIR picks another build's site)
import { serveSite, launchBrowser, settle, click } from "../e2e/harness.mjs";
import { largeMap } from "../support/large_map.mjs";

const server = await serveSite();
const browser = await launchBrowser();
const ms = (x) => `${x.toFixed(1)} ms`;
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : 0; };

// Times the app's start call (_jm_start: the session opens the last map from the
// mirror) and every frame, by wrapping the module's functions before boot.js uses them.
function instrument() {
  let factory;
  window.__jm = { frames: [], startMs: 0 };
  Object.defineProperty(window, "createJourneyMapModule", {
    configurable: true,
    set(f) { factory = f; },
    get() {
      return factory && ((opts) => factory(opts).then((m) => {
        // Emscripten replaces an export with the wasm function on its first call:
        // accessors keep the timing wrapper in place.
        const wrap = (name, timed) => {
          let inner = m[name];
          const outer = (...a) => timed(inner, a);
          Object.defineProperty(m, name, { configurable: true, get: () => outer, set: (f) => { inner = f; } });
        };
        wrap("_jm_start", (f, a) => { const t = performance.now(); const r = f(...a); window.__jm.startMs = performance.now() - t; return r; });
        wrap("_jm_frame", (f, a) => { const t = performance.now(); const r = f(...a); window.__jm.frames.push([t, performance.now() - t]); return r; });
        return m;
      }));
    },
  });
}

async function open(context) {
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(server.url);
  await page.evaluate(() => window.journeymapReady);
  await settle(page);
  return page;
}

const saved = (page, timeout = 300000) =>
  page.waitForFunction(() => window.journeymap.saveState().status === "Saved in this browser", null, { timeout, polling: 50 });

async function sizeRun(n) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  let page = await open(context);
  const text = largeMap(n);
  const load = await page.evaluate((t) => {
    const a = performance.now();
    const r = window.journeymap.loadJSON(t);
    return { ok: r.ok, ms: performance.now() - a };
  }, text);
  if (!load.ok) throw new Error("the map did not load");
  // A large map reaches the library through the autosave, a slice per frame after
  // the load (a small one is stored before loadJSON returns): wait for it either way.
  await saved(page);
  const first = await page.evaluate(() => JM.storage.info().stats);
  load.save = await page.evaluate(() => window.journeymap.saveState().lastSave);

  // An edit, then the autosave it causes: frames from the edit until "Saved".
  await click(page, "Map");
  await click(page, /Map details and business figures/);
  await click(page, "Title");
  const editAt = await page.evaluate(() => { window.__jm.frames.length = 0; return performance.now(); });
  await page.keyboard.type("!");
  await saved(page);
  const auto = await page.evaluate((editAt) => ({
    frames: window.__jm.frames.filter(([t]) => t > editAt),
    save: window.journeymap.saveState().lastSave,
    stats: JM.storage.info().stats,
  }), editAt);
  const saving = auto.frames.filter(([t]) => t > editAt + 1000).map(([, d]) => d);   // after the autosave delay
  const before = auto.frames.filter(([t]) => t <= editAt + 1000).map(([, d]) => d);

  // Restore: a reload reads IndexedDB into the mirror, then the session opens the map.
  await page.reload();
  await page.evaluate(() => window.journeymapReady);
  const restore = await page.evaluate(() => ({ loaded: JM.storage.info().loaded, startMs: window.__jm.startMs, id: window.journeymap.currentMapId() }));
  await context.close();

  console.log(`\n${n} touchpoints: ${(auto.save.bytes / 1e6).toFixed(1)} MB of canonical JSON`);
  console.log(`  loadJSON (read, open, metrics; maps up to 2,000 touchpoints also stored)  ${ms(load.ms)}; ` +
              `the save after it made its text in ${ms(load.save.textMs)} (${load.save.slices} slices)`);
  console.log(`  its write: longest task ${ms(first.taskMsMax)}, committed ${ms(first.commitMs)} after the editor asked`);
  console.log(`  autosave after an edit: text in ${auto.save.slices} slices, ${ms(auto.save.textMs)} in all, at most ${ms(auto.save.sliceMsMax)} a frame`);
  console.log(`    handing it to the storage (mirror, index; last frame)   ${ms(auto.save.storeMs)}`);
  console.log(`    checksum and Blob copy, 1 MB a task: ${ms(auto.stats.prepareMs)} in all, longest task ${ms(auto.stats.taskMsMax)}`);
  console.log(`    from the editor's commit to "committed" on disk         ${ms(auto.stats.commitMs)} (durability strict)`);
  console.log(`    whole frames while saving: ${saving.length}, median ${ms(median(saving))}, max ${ms(Math.max(0, ...saving))}` +
              ` (frames before the save: median ${ms(median(before))})`);
  console.log(`  restore: IndexedDB into the mirror ${ms(restore.loaded.ms)} (${(restore.loaded.bytes / 1e6).toFixed(1)} MB),` +
              ` then the session opens it in ${ms(restore.startMs)} (app start included), map ${restore.id}`);
}

async function migrationRun(count, touchpoints) {
  // Canonical texts, as the localStorage editor stored them, made in a context of their own.
  const maker = await browser.newContext();
  const page0 = await open(maker);
  const texts = [];
  for (let i = 0; i < count; i++) {
    texts.push(await page0.evaluate((t) => { window.journeymap.loadJSON(t); return window.journeymap.exportJSON(); },
      largeMap(touchpoints, `old-${i}`)));
  }
  await maker.close();

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url + "favicon.svg");   // the site, not the editor
  await page.evaluate((texts) => {
    texts.forEach((t, i) => localStorage.setItem(`journeymap:map:old-${i}`, t));
    localStorage.setItem("journeymap:last", "old-0");
  }, texts);
  const chars = texts.reduce((a, t) => a + t.length, 0);
  await page.goto(server.url);
  await page.evaluate(() => window.journeymapReady);
  const info = await page.evaluate(() => JM.storage.info());
  await context.close();
  console.log(`\nmigration of ${count} maps of ${touchpoints} touchpoints (${(chars / 1e6).toFixed(2)} M characters in localStorage):`);
  console.log(`  copy, read back, verify, remove the old keys: ${ms(info.migration.ms)}; ${info.migration.maps} maps copied, ` +
              `${info.migration.removed} old keys removed, ${info.migration.kept.length} kept; then loading the mirror ${ms(info.loaded.ms)}`);
}

await sizeRun(1000);
await sizeRun(10000);
await migrationRun(20, 25);     // template-sized maps
await migrationRun(20, 150);    // 20 larger maps, near localStorage's limit
await browser.close();
await server.close();
