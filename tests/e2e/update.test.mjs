// A new version deployed while the editor is open: the browser installs the new
// service worker, which waits; the editor shows "A new version is ready - Reload"
// (src/app/update_prompt.cpp), in its own language; Reload stores the open map
// first (an edit typed a moment before is not lost) and only then lets the new
// version take over and reloads. "Later" puts it off.
//
// Two builds served in turn at one address: the test site, then a copy with a
// changed file (style.css) whose service worker scripts/finish_site.mjs made
// again, as a deployment of a new build does.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ROOT, SITE, serveSite, launchBrowser, openEditor, typeInto, settle, api, click, findItem, items, screenshot,
  waitForServiceWorker, waitForText, TIMEOUT,
} from "./harness.mjs";

const MARK = "/* build two */";
let browser, two, tmp;

// "Build two": the site with one precached file changed and its service worker
// generated again (new revision of style.css, so a new sw.js).
async function makeBuildTwo() {
  tmp = await mkdtemp(join(tmpdir(), "jm-build-two-"));
  const dir = join(tmp, "site");
  await cp(SITE, dir, { recursive: true });
  const css = join(dir, "style.css");
  await writeFile(css, (await readFile(css, "utf8")) + "\n" + MARK + "\n");
  await promisify(execFile)(process.execPath, [join(ROOT, "scripts/finish_site.mjs"), dir], { timeout: 10 * TIMEOUT });
  const before = await readFile(join(SITE, "sw.js"), "utf8"), after = await readFile(join(dir, "sw.js"), "utf8");
  assert.notEqual(after, before, "build two has a new service worker");
  return dir;
}

before(async () => { browser = await launchBrowser(); two = await makeBuildTwo(); });
after(async () => { await browser?.close(); if (tmp) await rm(tmp, { recursive: true, force: true }); });

// Opens build one, lets its service worker take over, then deploys build two
// and waits until the editor says so.
async function openThenDeploy(t, opts) {
  const server = await serveSite(SITE);
  t.after(() => server.close());
  const page = await openEditor(browser, server.url, opts);
  t.after(() => page.context().close());
  await waitForServiceWorker(page);
  server.serve(two);
  await page.evaluate(() => JM.update.check());
  await page.waitForFunction(() => JM.update.state === "waiting", null, { timeout: TIMEOUT, polling: 50 });
  await settle(page);
  return { server, page };
}

// A picture of the prompt on a 1280 x 720 screen (the side panels then fold away),
// then back to the wide screen where the inspector's Title field is in sight.
async function pictureAt720(page, name) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await settle(page);
  await screenshot(page, name);
  await page.setViewportSize({ width: 1440, height: 900 });
  await settle(page);
}

test("a new version: the prompt, and Reload stores the map before the new version takes over", async (t) => {
  const { page } = await openThenDeploy(t);
  assert.match(await waitForText(page, "A new version is ready"), /A new version is ready/);
  await pictureAt720(page, "update-prompt-en");
  assert.equal(await page.evaluate(() => fetch("style.css").then((r) => r.text()).then((t) => t.includes("build two"))), false,
    "build one still runs until Reload");

  // What the page saw when it let the new version take over, kept across the reload.
  await page.evaluate(() => {
    const apply = JM.update.apply;
    JM.update.apply = () => {
      sessionStorage.setItem("jm-at-apply", JSON.stringify({
        title: window.journeymap.title(), status: window.journeymap.saveState().status, unwritten: JM.storage.unwritten(),
      }));
      apply();
    };
  });
  // An edit typed just before Reload, which autosave (a second after the last
  // change) has not stored yet: no settle between the typing and the click.
  const reload = await findItem(page, /Reload/);
  await click(page, "Title");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Typed just before Reload");
  const loaded = page.waitForEvent("load", { timeout: TIMEOUT });
  await page.mouse.click(reload.x + reload.w / 2, reload.y + reload.h / 2);
  await loaded;
  await page.evaluate(() => window.journeymapReady);
  await settle(page);

  const atApply = JSON.parse(await page.evaluate(() => sessionStorage.getItem("jm-at-apply")));
  assert.deepEqual(atApply, { title: "Typed just before Reload", status: "Saved in this browser", unwritten: false },
    "the map was stored before the new version took over");
  assert.equal(await api(page, "title"), "Typed just before Reload");
  assert.equal(await page.evaluate(() => fetch("style.css").then((r) => r.text()).then((t) => t.includes("build two"))), true,
    "build two runs after the reload");
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting), null);
  assert.ok(!(await items(page)).some((it) => /Reload/.test(it.label)), "no prompt once the new version runs");
  assert.deepEqual(page.jmErrors, []);
});

test("the prompt speaks the editor's language, and Later puts it off", async (t) => {
  const { page } = await openThenDeploy(t, { locale: "es-ES" });
  await waitForText(page, "Hay una versión nueva lista");
  await pictureAt720(page, "update-prompt-es");
  await findItem(page, /Recargar/);
  await click(page, "Más tarde");
  assert.ok(!(await items(page)).some((it) => /Recargar|Más tarde/.test(it.label)), "Later hides the prompt");
  // The new version still waits: a later reload of the page by the user keeps build one
  // until every tab of it is closed (the service worker's rule), and the editor works on.
  await typeInto(page, "Título", "Después");
  assert.equal(await api(page, "title"), "Después");
  assert.deepEqual(page.jmErrors, []);
});
