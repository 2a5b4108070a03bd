// Bad input changes nothing (issue 10, item 6): 50 broken files, each fed to the
// editor the three ways a user can: File > Open file... (the file picker), dropped on the
// page, and pasted (Ctrl+V on the canvas pastes cards). Each must give a clear
// message (the "Could not open the file" dialog naming the file with its
// problems; for paste, the status bar's notice), and leave the open map, its undo
// history, the library and every byte the site stores in the browser exactly as
// they were. The files are made here; none is committed. One page takes all of
// them in turn (it is rebuilt only after a case that changed something).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile, rm, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import {
  serveSite, launchBrowser, openEditor, click, findItem, items, settle, readText, dropFiles, pasteText,
  storageSnapshot, SHOTS, TIMEOUT,
} from "./harness.mjs";

// ---------------------------------------------------------------------------
// The files

const utf8 = (s) => Buffer.from(s, "utf8");
const json = (v) => utf8(JSON.stringify(v, null, 2) + "\n");

// A small valid map: each JSON case breaks it in one way. Its id is not in the
// library, so a case that wrongly loads shows up as a change.
function probe() {
  return {
    format: "journeymap", version: 1, id: "bad-input-probe", title: "Probe map 探针",
    stages: [
      { id: "s1", name: "Awareness", touchpoints: [{ id: "t1", title: "Search 搜索", friction: 2, emotion: 1, persona_ids: ["p1"] }] },
      { id: "s2", name: "Decision", touchpoints: [{ id: "t2", title: "Security review", friction: 4, emotion: -1 }] },
    ],
    personas: [{ id: "p1", name: "Ana", kind: "buyer" }],
  };
}
const variant = (change) => { const m = probe(); change(m); return m; };

function utf16le(text, bom) {
  const body = Buffer.from(text, "utf16le");
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}
function utf16be(text) {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

// Text with raw bytes spliced in where "@@" stands (bytes that are not UTF-8 and
// not Windows-1252 either: 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character there).
function withBytes(text, bytes) {
  const [a, b] = text.split("@@");
  return Buffer.concat([utf8(a), Buffer.from(bytes), utf8(b)]);
}

// A deterministic stream of bytes (mulberry32).
function randomBytes(n, seed) {
  const out = Buffer.alloc(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

// A real 8 x 8 PNG.
function png() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0); ihdr.writeUInt32BE(8, 4); ihdr[8] = 8; ihdr[9] = 2;   // 8-bit RGB
  const rows = Buffer.concat(Array.from({ length: 8 }, (_, y) => Buffer.concat([Buffer.from([0]), Buffer.alloc(24, y * 30)])));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

const HUGE_BYTES = 70 * 1024 * 1024;

// The 70 MB map: valid in form, but one card's title is 70 MB of text (and it
// names a persona the map lacks, so it is refused even before a size limit).
// Made in the page for drop and paste (70 MB does not cross the wire twice) and
// on disk for the file picker.
function hugeText() {
  const head = JSON.stringify(variant((m) => { m.stages[0].touchpoints[0].persona_ids = ["nobody"]; m.stages[0].touchpoints[0].title = "@@"; }), null, 2);
  const [a, b] = head.split('"@@"');
  const fill = HUGE_BYTES - a.length - b.length - 2;
  return { a, b, fill };
}

const mermaid = (body) => utf8("journey\n  title Probe journey\n" + body);
const csv = (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text.replace(/\n/g, "\r\n"))]);
const CSV_HEADER = "stage,stage_order,title,description,channel,owner,personas,friction,emotion,pains,opportunities\n";

// expect: what the dialog must also say (beyond naming the file and listing a
// problem), where the issue asks for a particular message.
const CASES = [
  // JSON map files
  { title: "JSON cut off in the middle", file: "truncated.journeymap.json", bytes: json(probe()).subarray(0, 200) },
  { title: "JSON: a list holding a map, not a map", file: "list.journeymap.json", bytes: utf8(JSON.stringify([probe()])) },
  { title: "JSON: a string, not a map", file: "string.journeymap.json", bytes: utf8('"journeymap"') },
  { title: "JSON: a number, not a map", file: "number.journeymap.json", bytes: utf8("42\n") },
  { title: "JSON: null", file: "null.journeymap.json", bytes: utf8("null") },
  { title: "JSON: an empty object", file: "empty-object.journeymap.json", bytes: utf8("{}") },
  { title: "JSON: another program's format", file: "trello.journeymap.json", bytes: json(variant((m) => { m.format = "trello"; })) },
  { title: "JSON: a newer version", file: "v3.journeymap.json", bytes: json(variant((m) => { m.version = 3; })), expect: /newer version/i },
  { title: "JSON: version written as text", file: "version-text.journeymap.json", bytes: json(variant((m) => { m.version = "1"; })) },
  { title: "JSON: stages is an object", file: "stages-object.journeymap.json", bytes: json(variant((m) => { m.stages = { s1: m.stages[0] }; })) },
  { title: "JSON: title is a number", file: "title-number.journeymap.json", bytes: json(variant((m) => { m.title = 12; })) },
  { title: "JSON: card fields of the wrong types", file: "wrong-types.journeymap.json",
    bytes: json(variant((m) => Object.assign(m.stages[0].touchpoints[0], { friction: "high", emotion: true, persona_ids: "p1" }))) },
  { title: "JSON: huge numbers (1e308)", file: "huge-numbers.journeymap.json",
    bytes: utf8(JSON.stringify(probe(), null, 2).replace('"friction": 2', '"friction": 1e308, "volume": 1e300').replace('"emotion": -1', '"emotion": -1e308')) },
  { title: "JSON: counts beyond 64 bits", file: "int64.journeymap.json",
    bytes: utf8(JSON.stringify(probe(), null, 2).replace('"friction": 4', '"friction": 4, "volume": 18446744073709551616, "survey": {"nps": [99999999999999999999, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}')) },
  { title: "JSON: 50,000 nested lists", file: "deep.journeymap.json", bytes: utf8("[".repeat(50000) + "]".repeat(50000)) },
  { title: "JSON: 50,000 nested lists inside an unknown field", file: "deep-field.journeymap.json",
    bytes: utf8(JSON.stringify(probe()).replace('"format"', `"x_extra": ${"[".repeat(50000)}${"]".repeat(50000)}, "format"`)),
    expect: /nest|deep|depth/i },
  { title: "JSON: two stages with one id", file: "dup-stage.journeymap.json", bytes: json(variant((m) => { m.stages[1].id = "s1"; })) },
  { title: "JSON: two cards with one id", file: "dup-card.journeymap.json", bytes: json(variant((m) => { m.stages[1].touchpoints[0].id = "t1"; })) },
  { title: "JSON: a stage and a persona share an id", file: "dup-shared.journeymap.json", bytes: json(variant((m) => { m.personas[0].id = "s2"; m.stages[0].touchpoints[0].persona_ids = ["s2"]; })) },
  { title: "JSON: a card names a persona that does not exist", file: "dangling.journeymap.json", bytes: json(variant((m) => { m.stages[0].touchpoints[0].persona_ids = ["nobody"]; })) },
  { title: "JSON: NaN and Infinity", file: "nan.journeymap.json", bytes: utf8(JSON.stringify(probe(), null, 2).replace('"friction": 2', '"friction": NaN').replace('"emotion": -1', '"emotion": -Infinity')) },
  { title: "JSON: text after the map", file: "trailing.journeymap.json", bytes: Buffer.concat([json(probe()), utf8("}\n{ \"more\": true }\n")]) },
  { title: "JSON: comments", file: "comments.journeymap.json", bytes: utf8("// exported by hand\n" + JSON.stringify(probe(), null, 2)) },
  { title: "JSON: an empty id", file: "empty-id.journeymap.json", bytes: json(variant((m) => { m.id = ""; })) },
  // A clipboard carries text, not bytes: its counterpart of a stray byte is a lone
  // UTF-16 surrogate (here in a card's title, as pasting takes the cards).
  { title: "JSON: invalid UTF-8 (byte 0x81 in a title)", file: "bad-utf8.journeymap.json",
    bytes: withBytes(JSON.stringify(probe(), null, 2).replace("Search 搜索", "Search @@ 搜索"), [0x81]), expect: /UTF-8/,
    paste: JSON.stringify(probe(), null, 2).replace("Search 搜索", "Search @@ 搜索") },
  { title: "JSON: UTF-16 little-endian with a byte-order mark", file: "utf16le-bom.journeymap.json", bytes: utf16le(JSON.stringify(probe(), null, 2), true), expect: /UTF-16/ },
  { title: "JSON: UTF-16 big-endian with a byte-order mark", file: "utf16be-bom.journeymap.json", bytes: utf16be(JSON.stringify(probe(), null, 2)), expect: /UTF-16/ },
  { title: "JSON: UTF-16 without a byte-order mark", file: "utf16le.journeymap.json", bytes: utf16le(JSON.stringify(probe(), null, 2), false), expect: /UTF-16/ },
  { title: "JSON: NUL bytes inside the text", file: "nul-inside.journeymap.json", bytes: utf8(JSON.stringify(probe()).replace('"title"', '"ti\u0000\u0000tle"')) },

  // Mermaid journeys
  { title: "Mermaid: plain words", file: "words.mmd", bytes: utf8("This is not a diagram.\nJust a note about the journey.\n") },
  { title: "Mermaid: a flowchart, not a journey", file: "flowchart.mmd", bytes: utf8("graph TD\n  A[Visit] --> B[Sign up]\n") },
  { title: "Mermaid: a task with no score", file: "no-score.mmd", bytes: mermaid("  section Awareness\n    Read the ad\n"), expect: /score/ },
  { title: "Mermaid: a score that is a word", file: "score-word.mmd", bytes: mermaid("  section Awareness\n    Read the ad: high: Ana\n") },
  { title: "Mermaid: a score out of range", file: "score-range.mmd", bytes: mermaid("  section Awareness\n    Read the ad: 9: Ana\n") },
  { title: "Mermaid: a score beyond any number", file: "score-huge.mmd", bytes: mermaid(`  section Awareness\n    Read the ad: ${"9".repeat(400)}: Ana\n`) },
  { title: "Mermaid: a section name with a colon", file: "section-colon.mmd", bytes: mermaid("  section Awareness: first look\n    Read the ad: 3: Ana\n") },
  { title: "Mermaid: invalid UTF-8 (byte 0x9D)", file: "bad-utf8.mmd", bytes: withBytes("journey\n  title Probe\n  section Aware@@ness\n    Read the ad: 3: Ana\n", [0x9d]), expect: /UTF-8/ },
  { title: "Mermaid: UTF-16 with a byte-order mark", file: "utf16.mmd", bytes: utf16le("journey\n  title Probe\n  section Awareness\n    Read the ad: 3: Ana\n", true), expect: /UTF-16/ },

  // CSV spreadsheets
  { title: "CSV: no header row", file: "no-header.csv", bytes: csv("Awareness,1,Search\nDecision,2,Review\n") },
  { title: "CSV: separated by semicolons, a fraction where a whole number belongs", file: "semicolons.csv", bytes: csv(CSV_HEADER.replace(/,/g, ";") + "Conciencia;1;Búsqueda;;;;Ana;2,5;0;;\n"), expect: /2,5/ },
  { title: "CSV: ragged rows", file: "ragged.csv", bytes: csv(CSV_HEADER + "Awareness,1,Search,,,,Ana,2,0,,,extra,cells\nDecision\n") },
  { title: "CSV: numbers that are not numbers", file: "bad-numbers.csv", bytes: csv(CSV_HEADER + "Awareness,first,Search,,,,Ana,high,\"1,5\",,\n") },
  { title: "CSV: a quote that never ends", file: "open-quote.csv", bytes: csv(CSV_HEADER + "Awareness,1,\"Search,,,,Ana,2,0,,\n") },
  { title: "CSV: invalid UTF-8 (bytes 0x8F 0x90)", file: "bad-utf8.csv", bytes: withBytes(CSV_HEADER + "Aware@@ness,1,Search,,,,Ana,2,0,,\n", [0x8f, 0x90]), expect: /UTF-8/ },
  { title: "CSV: UTF-16 with a byte-order mark (a spreadsheet's Unicode text)", file: "utf16.csv", bytes: utf16le(CSV_HEADER + "Awareness,1,Search,,,,Ana,2,0,,\n", true), expect: /UTF-16/ },

  // Not text at all, nothing, too much
  { title: "a PNG image named .journeymap.json", file: "picture.journeymap.json", bytes: png() },
  { title: "random bytes", file: "random.journeymap.json", bytes: randomBytes(4096, 10) },
  { title: "NUL bytes only", file: "zeros.journeymap.json", bytes: Buffer.alloc(4096) },
  { title: "an empty file", file: "empty.journeymap.json", bytes: Buffer.alloc(0) },
  { title: "a 70 MB map", file: "huge.journeymap.json", huge: true, expect: /\bMB\b|too large|too big|size|limit/i },
];

// ---------------------------------------------------------------------------
// The editor, set up with a history to keep: two steps, one undone (so both
// undo and redo have something to lose), a card selected, the History panel open.

let server, browser, session, tmp;
const report = [];

async function startSession() {
  const page = await openEditor(browser, server.url, { width: 1100, height: 760 });
  const map = JSON.parse(await page.evaluate(() => window.journeymap.exportJSON()));
  const card = map.stages[0].touchpoints[0].title + "##card";
  await click(page, card);
  await page.keyboard.press("Control+D");
  await settle(page);
  await page.keyboard.press("Control+D");
  await settle(page);
  await page.keyboard.press("Control+Z");
  await settle(page);
  await click(page, card);
  await click(page, "Edit");
  await click(page, /History$/);
  await findItem(page, /^Duplicate/, { window: "History" });
  const baseline = await state(page);
  assert.equal(baseline.canUndo && baseline.canRedo, true, "the history has a step to undo and one to redo");
  assert.ok(baseline.history.length >= 3, `History panel lists the steps: ${baseline.history}`);
  assert.equal(baseline.selection.length, 1);
  assert.match(baseline.saveState.status, /^Saved/);
  // The History panel's own text ("N steps, X KB" and the steps), read with each message.
  const historyText = await readText(page, { window: "History" });
  assert.match(historyText, /2 steps/);
  return { page, baseline, historyText };
}

// Everything a broken file must leave alone.
async function state(page) {
  const app = await page.evaluate(() => {
    const jm = window.journeymap;
    return {
      map: jm.exportJSON(), id: jm.currentMapId(), canUndo: jm.canUndo(), canRedo: jm.canRedo(),
      history: jm._testItems().filter((it) => it.window.startsWith("History") && it.w > 0).map((it) => it.label),
      library: jm.listMaps(), selection: jm._selection(), saveState: jm.saveState(),
    };
  });
  app.storage = await storageSnapshot(page);
  return app;
}

function differences(before, now) {
  const out = [];
  if (now.map !== before.map) out.push("the open map (exportJSON)");
  if (now.id !== before.id) out.push(`the open map's id (${before.id} -> ${now.id})`);
  if (now.canUndo !== before.canUndo || now.canRedo !== before.canRedo) out.push("canUndo/canRedo");
  if (JSON.stringify(now.history) !== JSON.stringify(before.history)) out.push(`the History panel (${now.history.join(" / ")})`);
  if (JSON.stringify(now.library) !== JSON.stringify(before.library)) out.push("listMaps()");
  if (JSON.stringify(now.storage) !== JSON.stringify(before.storage)) out.push("the stored bytes (localStorage/IndexedDB)");
  if (JSON.stringify(now.selection) !== JSON.stringify(before.selection)) out.push("the selection");
  if (now.saveState.status !== before.saveState.status) out.push(`the save state (${now.saveState.status})`);
  return out;
}

const DIALOG = "Could not open the file";

// After Open or drop: the dialog is on screen (the editor is idle, so it is
// there now or never), it names the file and lists at least one problem, and
// says what `expect` asks; then OK closes it.
async function expectDialog(page, c) {
  const shown = (await items(page)).some((it) => it.label === DIALOG && it.window === DIALOG && it.w > 0);
  const segments = await readText(page);
  const text = (prefix) => segments.filter((s) => s.window.startsWith(prefix)).map((s) => s.text.trim()).join("\n");
  const dialog = text(DIALOG);
  const problems = text(DIALOG + "/problems");
  const problems_ = [];
  if (!shown) problems_.push(`no "${DIALOG}" dialog; on screen: ${segments.map((s) => s.text.trim()).join(" / ").slice(0, 400)}`);
  else {
    if (!dialog.includes(`"${c.file}" could not be opened`)) problems_.push(`the dialog does not name the file: ${dialog}`);
    if (!problems.trim()) problems_.push("the dialog lists no problem");
    if (c.expect && !c.expect.test(dialog)) problems_.push(`the message does not match ${c.expect}: ${problems}`);
  }
  return { problems: problems_, message: problems.trim(), history: text("History") };
}

async function closeDialog(page) {
  const ok = (await items(page)).find((it) => it.label === "OK" && it.window === DIALOG && it.w > 0);
  if (!ok) return;
  await page.mouse.click(ok.x + ok.w / 2, ok.y + ok.h / 2);
  await settle(page);
  assert.ok(!(await items(page)).some((it) => it.window.startsWith(DIALOG) && it.w > 0), "OK closes the dialog");
}

// The paste path: the status bar shows the notice first set by copying the
// selected card ("Copied 1 card(s)"), so the notice read after the paste is new.
const COPIED = "Copied 1 card";
async function expectNotice(page) {
  const segments = await readText(page);
  const status = segments.filter((s) => s.window.startsWith("Journey Map/Status bar")).map((s) => s.text.trim()).join(" ");
  const problems = [];
  if (!status) problems.push("no status bar text");
  else if (status.includes(COPIED)) problems.push(`no notice after the paste; the status bar still says "${COPIED}"`);
  else if (/Pasted \d+ card/.test(status)) problems.push(`the paste was accepted: ${status}`);
  else if (!/clipboard|cards/i.test(status)) problems.push(`no notice about the paste in the status bar: ${status}`);
  const notice = (status.match(/\|\s*([^|]*(?:clipboard|cards)[^|]*?)\s+(?:Saved|Saving|Not saved)/i) ?? [])[1] ?? status;
  return { problems, message: notice, history: segments.filter((s) => s.window.startsWith("History")).map((s) => s.text.trim()).join("\n") };
}

// File > Open file... through the menu, as a user does; JM_BAD_INPUT_OPEN=shortcut
// uses its shortcut, Ctrl+O (the same file picker, fewer frames).
const OPEN_VIA = process.env.JM_BAD_INPUT_OPEN ?? "menu";
async function openPicker(page) {
  if (OPEN_VIA === "menu") {
    await click(page, "File");
    await click(page, /Open file\.\.\./);
  } else {
    await page.keyboard.press("Control+O");
  }
}

// The file picker takes a path for the 70 MB file (written once to a temp
// folder), bytes otherwise.
async function pickerFile(c) {
  if (!c.huge) return { name: c.file, mimeType: "application/octet-stream", buffer: c.bytes };
  const path = join(tmp, c.file);
  const { a, b, fill } = hugeText();
  await writeFile(path, Buffer.concat([utf8(a + '"'), Buffer.alloc(fill, "x"), utf8('"' + b)]));
  return path;
}

async function makeInPage(page, c, then) {
  // then: "drop" or "paste"; the 70 MB text is built in the page.
  const spec = c.huge ? { huge: hugeText() } : then === "paste" && c.paste ? { paste: c.paste } : { base64: c.bytes.toString("base64") };
  await page.evaluate(({ spec, then, name }) => {
    let bytes;
    if (spec.paste) {
      bytes = null;
    } else if (spec.huge) {
      const { a, b, fill } = spec.huge;
      bytes = new TextEncoder().encode(a + '"' + "x".repeat(fill) + '"' + b);
    } else {
      bytes = Uint8Array.from(atob(spec.base64), (ch) => ch.charCodeAt(0));
    }
    if (then === "drop") {
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: "" }));
      const canvas = document.getElementById("canvas");
      for (const type of ["dragenter", "dragover", "drop"]) canvas.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    } else {
      // The clipboard carries text: the bytes as a text editor shows them (UTF-8, bad bytes replaced).
      const dt = new DataTransfer();
      dt.setData("text/plain", spec.paste ? spec.paste.replace("@@", String.fromCharCode(0xd800)) : new TextDecoder().decode(bytes));
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    }
  }, { spec, then, name: c.file });
  await settle(page);
}

const PATHS = {
  async open(page, c) {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: TIMEOUT }), openPicker(page)]);
    await chooser.setFiles(await pickerFile(c));
    await settle(page);
    return expectDialog(page, c);
  },
  async drop(page, c) {
    await makeInPage(page, c, "drop");
    return expectDialog(page, c);
  },
  async paste(page, c) {
    await page.keyboard.press("Control+C");
    await settle(page);
    assert.match(await page.evaluate(() => JM.lastCopied ?? ""), /"format": "journeymap"/, `Ctrl+C copied the selected card ("${COPIED}")`);
    await makeInPage(page, c, "paste");
    return expectNotice(page);
  },
};

before(async () => {
  server = await serveSite();
  browser = await launchBrowser();
  tmp = await mkdtemp(join(tmpdir(), "jm-bad-input-"));
  session = await startSession();
});

after(async () => {
  await mkdir(SHOTS, { recursive: true }).catch(() => {});
  await writeFile(join(SHOTS, "bad-input-messages.json"), JSON.stringify(report, null, 2)).catch(() => {});
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

assert.equal(CASES.length, 50, "fifty different broken files");
assert.equal(new Set(CASES.map((c) => c.file)).size, 50, "each with its own name");

for (const c of CASES) {
  test(`bad input changes nothing: ${c.title}`, async () => {
    const failed = [];
    for (const [path, feed] of Object.entries(PATHS)) {
      const { page, baseline } = session;
      const errorsBefore = page.jmErrors.length;
      let outcome = { problems: [], message: "" };
      let changed = [];
      const started = Date.now();
      try {
        outcome = await feed(page, c);
        const now = await state(page);
        if (outcome.history !== session.historyText) changed.push(`the History panel's text (${outcome.history})`);
        changed.push(...differences(baseline, now));
        if (path !== "paste") await closeDialog(page);
      } catch (e) {
        changed.push(`(this path did not finish) ${e.message.split("\n")[0]}`);
      }
      const errors = page.jmErrors.slice(errorsBefore);
      if (errors.length) changed.push(`page errors: ${errors.join(" / ").slice(0, 300)}`);
      report.push({ case: c.title, file: c.file, path, ms: Date.now() - started, message: outcome.message, problems: outcome.problems, changed });
      if (outcome.problems.length || changed.length) failed.push(`${path}: ${[...outcome.problems, ...changed.map((w) => "changed " + w)].join("; ")}`);
      if (changed.length) {
        // Start again from a known state, so one case cannot spoil the next.
        await page.context().close().catch(() => {});
        session = await startSession();
      }
    }
    assert.deepEqual(failed, [], `${c.file}:\n  ${failed.join("\n  ")}`);
  });
}
