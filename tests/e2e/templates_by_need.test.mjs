// Templates by need: the wasm knows the templates' names only; a language's
// texts are one bundle (templates/<lang>.json) fetched the first time they are
// wanted. An English first visit fetches the English bundle alone (its first map
// is made from it); New map fetches the other languages and offers their
// versions as they arrive; a bundle that cannot be had leaves a usable editor
// and says so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveSite, launchBrowser, openEditor, click, findItem, waitForState, waitForText } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

// The site paths a page asks for, recorded from before its first request.
function recordRequests(page) {
  const paths = [];
  page.on("request", (r) => paths.push(new URL(r.url()).pathname.replace(/^\//, "")));
  return paths;
}

test("an English first visit fetches the English templates only; New map brings the other languages", async () => {
  let paths = [];
  const page = await openEditor(browser, server.url, {
    serviceWorkers: "block",
    init: () => { /* a fresh context: no map in the library, so the first map is a template */ },
  });
  paths = recordRequests(page);
  await page.reload();
  await page.evaluate(() => window.journeymapReady);
  await waitForState(page, () => JSON.parse(window.journeymap.exportJSON()).stages[0]?.name === "Awareness", undefined,
    { what: "the English SaaS template as the first map" });
  const templates = () => paths.filter((p) => p.startsWith("templates/")).sort();
  // The first visit's map was stored by the autosave, so this reload reopens it: no template is needed.
  assert.deepEqual(templates(), [], "a returning visit with a stored map fetches no template");

  await page.keyboard.press("Control+N");
  await findItem(page, /##template-saas-journey$/, { window: "New map" });
  // Each other language's version appears as a button once its bundle is in.
  await findItem(page, /##template-saas-journey\.es$/, { window: "New map" });
  await findItem(page, /##template-acnce-funnel\.zh-CN$/, { window: "New map" });
  assert.deepEqual(templates(), ["templates/en.json", "templates/es.json", "templates/pt-BR.json", "templates/zh-CN.json"]);
  await click(page, /##template-saas-journey\.es$/, { window: "New map" });
  await waitForState(page, () => JSON.parse(window.journeymap.exportJSON()).stages[0]?.name === "Conocimiento", undefined,
    { what: "the Spanish version of the SaaS template" });
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("the first visit's requests: the English bundle, no other language", async () => {
  const context = await browser.newContext({ serviceWorkers: "block", locale: "en-US" });
  const page = await context.newPage();
  const paths = recordRequests(page);
  await page.goto(server.url);
  await page.evaluate(() => window.journeymapReady);
  assert.equal(JSON.parse(await page.evaluate(() => window.journeymap.exportJSON())).stages[0]?.name, "Awareness",
    "the first map is ready when the editor is");
  assert.deepEqual(paths.filter((p) => p.startsWith("templates/") || p.startsWith("i18n/")), ["templates/en.json"]);
  await context.close();
});

test("a template bundle that cannot be fetched leaves a blank map and says so", async () => {
  const context = await browser.newContext({ serviceWorkers: "block", locale: "en-US" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route("**/templates/*.json", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(server.url);
  await page.evaluate(() => window.journeymapReady);
  const map = JSON.parse(await page.evaluate(() => window.journeymap.exportJSON()));
  assert.equal(map.stages.length, 0, "an empty map to start from");
  await waitForText(page, "The templates in English could not be loaded.");
  // The API says the same, and a later attempt can succeed.
  const r = await page.evaluate(() => window.journeymap.newMap("saas-journey"));
  assert.equal(r.ok, false);
  assert.equal(r.retry, true);
  await page.unroute("**/templates/*.json");
  await waitForState(page, () => window.journeymap.newMap("saas-journey").ok, undefined, { what: "newMap once the bundle is in" });
  assert.deepEqual(errors, []);
  await context.close();
});
