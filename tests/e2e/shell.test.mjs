// The editor shell: starts cleanly, is crisp on high-DPI screens, draws nothing
// while idle, explains failures in the page, and carries every language's text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  serveSite, launchBrowser, openEditor, click, findItem, typeInto, screenshot, settle, api, waitForState,
  pasteText, clipboardWhen, SINGLE_FILE, TIMEOUT,
} from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test("the app starts without console errors and reports ready", async () => {
  const page = await openEditor(browser, server.url);
  assert.equal(await page.locator("#jm-status").isHidden(), true, "loading indicator is gone");
  await findItem(page, "Help");
  await screenshot(page, "shell");
  assert.deepEqual(page.jmErrors, []);
  await page.context().close();
});

test("About box shows the version", async () => {
  const page = await openEditor(browser, server.url);
  await click(page, "Help");
  await click(page, /^About Journey Map/);
  const close = await findItem(page, "Close", { window: "About Journey Map" });
  assert.ok(close.w > 0);
  const version = await api(page, "version");
  assert.match(version, /^\d+\.\d+\.\d+$/);
  await screenshot(page, "about");
  await page.context().close();
});

test("high-DPI: backing store and ImGui framebuffer scale follow devicePixelRatio", async () => {
  const page = await openEditor(browser, server.url, { width: 900, height: 600, dpr: 2 });
  const canvas = await page.evaluate(() => {
    const c = document.getElementById("canvas");
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
  });
  assert.equal(canvas.w, canvas.cw * 2);
  assert.equal(canvas.h, canvas.ch * 2);
  const display = await api(page, "_display");
  assert.equal(display.framebuffer_scale, 2);
  assert.equal(display.width, canvas.cw);
  await page.setViewportSize({ width: 700, height: 500 });
  // The resize reaches the editor with the browser's next rendering step.
  await waitForState(page, () => window.journeymap._display().width === 700, null, { what: "the editor to see the new width" });
  const resized = await api(page, "_display");
  assert.equal(resized.width, 700);
  assert.equal(resized.height, 500);
  await screenshot(page, "shell-dpr2");
  await page.context().close();
});

test("no frames are drawn while nothing changes", async () => {
  const page = await openEditor(browser, server.url);
  // The loop stops by itself once hover states have settled (about 0.7 s after
  // the last input): wait for it to stop, however long the machine takes.
  await page.waitForFunction(() => !window.journeymap._frameScheduled(), null, { timeout: TIMEOUT, polling: 16 });
  const a = await page.evaluate(() => window.journeymap._framesDrawn());
  // Then the browser paints 60 frames of its own; the editor draws none and
  // schedules none.
  await page.evaluate(() => new Promise((done) => {
    let n = 0;
    const step = () => (++n >= 60 ? done() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }));
  const b = await page.evaluate(() => window.journeymap._framesDrawn());
  assert.equal(b - a, 0, "idle frames");
  assert.equal(await page.evaluate(() => window.journeymap._frameScheduled()), false, "a frame is scheduled while idle");
  await page.mouse.move(300, 300);
  await page.waitForFunction((b) => window.journeymap._framesDrawn() > b, b, { timeout: TIMEOUT, polling: 16 });
  await page.context().close();
});

test("typed text in Spanish and Chinese reaches a text field intact", async () => {
  const page = await openEditor(browser, server.url);
  await typeInto(page, "Title", "Decisión 决策");
  assert.equal(await api(page, "title"), "Decisión 决策");
  await page.keyboard.insertText(" ação ñandú");
  await settle(page);
  assert.equal(await api(page, "title"), "Decisión 决策 ação ñandú");
  await page.context().close();
});

test("IME composition and dead keys commit their text once", async () => {
  const page = await openEditor(browser, server.url);
  await typeInto(page, "Title", "");
  const cdp = await page.context().newCDPSession(page);
  // Pinyin: the IME shows "jue ce" while composing, then commits 决策.
  await cdp.send("Input.imeSetComposition", { text: "jue", selectionStart: 3, selectionEnd: 3 });
  await cdp.send("Input.imeSetComposition", { text: "jue ce", selectionStart: 6, selectionEnd: 6 });
  await cdp.send("Input.insertText", { text: "决策" });
  // A dead key (´) followed by e composes é the same way.
  await cdp.send("Input.imeSetComposition", { text: "´", selectionStart: 1, selectionEnd: 1 });
  await cdp.send("Input.insertText", { text: "é" });
  await settle(page);
  assert.equal(await api(page, "title"), "决策é");
  await page.context().close();
});

test("paste from and copy to the system clipboard", async () => {
  const page = await openEditor(browser, server.url);
  await typeInto(page, "Title", "");
  assert.equal(await page.evaluate(() => document.activeElement.id), "jm-text-input", "the hidden text field has focus");
  await pasteText(page, "Proposta comercial 报价");
  assert.equal(await api(page, "title"), "Proposta comercial 报价");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+C");
  const copied = await clipboardWhen(page, { equals: "Proposta comercial 报价" });
  assert.equal(copied, "Proposta comercial 报价");
  await page.context().close();
});

test("a page without WebGL2 explains itself instead of a blank canvas", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const real = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === "webgl2" ? null : real.call(this, kind, ...rest);
    };
  });
  await page.goto(server.url);
  await page.waitForFunction(() => JM.startError, null, { timeout: TIMEOUT });
  const text = await page.locator("#jm-status-text").textContent();
  assert.match(text, /WebGL 2/);
  assert.equal(await page.locator("#jm-status").isVisible(), true);
  await context.close();
});

test("a wasm that fails to load is reported in the page", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route("**/journeymap.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(server.url);
  await page.waitForFunction(() => JM.startError, null, { timeout: TIMEOUT });
  const text = await page.locator("#jm-status-text").textContent();
  assert.match(text, /could not start/);
  await context.close();
});

test("the single-file build opens from disk with no server", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("file://" + SINGLE_FILE);
  await page.evaluate(() => window.journeymapReady);
  assert.match(await page.evaluate(() => window.journeymap.version()), /^\d+\.\d+\.\d+$/);
  assert.deepEqual(errors, []);
  await context.close();
});
