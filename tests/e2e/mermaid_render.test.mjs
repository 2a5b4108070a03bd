// Mermaid export checked by Mermaid itself: every template and a map full of
// text that breaks naive exporters go through `journeymap convert ... --to
// mermaid`, then Mermaid 12 (node_modules) parses and renders them in Chromium.
// Run from the repository root: node --test tests/e2e/mermaid_render.test.mjs
// (JM_NATIVE_BUILD names the native build folder; default build/native).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
const CLI = join(resolve(ROOT, process.env.JM_NATIVE_BUILD ?? "build/native"), "journeymap");
const MERMAID_JS = join(ROOT, "node_modules/mermaid/dist/mermaid.min.js");
const TRICKY = join(ROOT, "tests/data/mermaid/tricky.journeymap.json");
const TEMPLATES = readdirSync(join(ROOT, "assets/templates"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => join(ROOT, "assets/templates", f));

let browser;
let page;

before(async () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: build the native CLI first (or set JM_NATIVE_BUILD)`);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  page = await browser.newPage();
  await page.goto("about:blank");
  await page.addScriptTag({ path: MERMAID_JS });
  await page.evaluate(() => mermaid.initialize({ startOnLoad: false }));
});

after(async () => {
  await browser?.close();
});

function toMermaid(file) {
  return execFileSync(CLI, ["convert", file, "-", "--to", "mermaid"], { encoding: "utf8" });
}

// Parses and renders in the page; the SVG's text is read through the DOM, so
// entity codes ("#58;" -> "&#58;") count as the characters they display.
async function render(text) {
  return page.evaluate(async (text) => {
    try {
      await mermaid.parse(text);
      const { svg } = await mermaid.render("x", text);
      const holder = document.createElement("div");
      holder.innerHTML = svg;
      return { ok: true, svg, shown: holder.textContent };
    } catch (e) {
      return { ok: false, error: String(e?.message ?? e) };
    }
  }, text);
}

// What Mermaid's parser kept, decoded the way its renderer displays it.
async function parsed(text) {
  return page.evaluate(async (text) => {
    const shown = (s) => {
      const box = document.createElement("textarea");
      box.innerHTML = s.replace(/ﬂ°°/g, "&#").replace(/ﬂ°/g, "&").replace(/¶ß/g, ";");
      return box.value;
    };
    const lines = (s) => s.split(/<br\s*\/?>/i).map(shown).join("\n");   // as the renderer: split, then display
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    return {
      title: shown(diagram.db.getDiagramTitle()),
      description: shown(diagram.db.getAccDescription()),
      sections: diagram.db.getSections().map(lines),
      tasks: diagram.db.getTasks().map((t) => ({ section: lines(t.section), task: lines(t.task), score: t.score, people: t.people.map(shown) })),
    };
  }, text);
}

// The names the SVG must show: sections that have tasks (Mermaid draws no
// others, nor a header for tasks before the first section), and every task.
function expectedNames(map) {
  const drawn = map.stages.filter((s, i) => (s.touchpoints ?? []).length && (i > 0 || s.name !== ""));
  return {
    sections: drawn.map((s) => s.name || "(unnamed stage)"),
    tasks: map.stages.flatMap((s) => (s.touchpoints ?? []).map((t) => t.title || "(untitled)")),
  };
}

// Mermaid draws "<br>" as separate lines; each line must be on show.
function assertShown(shown, name, what) {
  for (const line of name.split("\n")) assert.ok(shown.includes(line.trim()), `${what} ${JSON.stringify(name)} is not in the SVG`);
}

for (const file of [...TEMPLATES, TRICKY]) {
  test(`Mermaid renders the export of ${file.slice(ROOT.length + 1)}`, async () => {
    const map = JSON.parse(readFileSync(file, "utf8"));
    const text = toMermaid(file);
    const result = await render(text);
    assert.ok(result.ok, `Mermaid rejected the export:\n${result.error}\n---\n${text}`);
    assert.match(result.svg, /^<svg/);
    const { sections, tasks } = expectedNames(map);
    assert.ok(tasks.length > 0 || /\/blank\.[^/]+\.json$/.test(file), "a template with touchpoints checks something");
    for (const s of sections) assertShown(result.shown, s, "section");
    for (const t of tasks) assertShown(result.shown, t, "task");
  });
}

test("Mermaid reads every tricky name, score and actor exactly as the map has them", async () => {
  const map = JSON.parse(readFileSync(TRICKY, "utf8"));
  const got = await parsed(toMermaid(TRICKY));
  const persona = Object.fromEntries(map.personas.map((p) => [p.id, p.name]));
  const score = (t) => Math.floor(((t.emotion ?? 0) + 3 + Math.min(5, Math.max(1, 5 - (t.friction ?? 0)))) / 2);
  assert.equal(got.title, map.title);
  assert.equal(got.description, map.description);
  assert.deepEqual(got.sections, map.stages.filter((s, i) => i > 0 || s.name !== "").map((s) => s.name || "(unnamed stage)"));
  assert.deepEqual(got.tasks, map.stages.flatMap((s) => (s.touchpoints ?? []).map((t) => ({
    section: s.name, task: t.title || "(untitled)", score: score(t), people: (t.persona_ids ?? []).map((id) => persona[id]),
  }))));
});

test("a broken diagram is rejected by Mermaid and by the importer, on the same line", async () => {
  const broken = "journey\n  title Broken\n  section Awareness: first look\n    Read the ad: 3: Ana\n";
  const result = await render(broken);
  assert.equal(result.ok, false, "Mermaid accepted a section name with ':'");
  assert.match(result.error, /line 3/);
  const cli = spawnSync(CLI, ["convert", "-", "-", "--from", "mermaid", "--to", "json"], { input: broken, encoding: "utf8" });
  assert.equal(cli.status, 1);
  assert.match(cli.stderr, /^<stdin>: line 3: /);
  assert.equal(cli.stdout, "");
});
