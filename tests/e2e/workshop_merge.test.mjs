// The workshop of issue 14, in real browsers: the facilitator downloads a map,
// three groups (three fresh browser contexts, each with its own empty storage)
// open the file, change and add cards through the UI and download their copies;
// the facilitator merges the three files through File > Merge files, settles
// the one conflict in the Merge panel, and every group's work is in the map.
// The merge and the choice are one undo step.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  serveSite, launchBrowser, openEditor, click, findItem, settle, api, screenshot, dropFiles, waitForState, typeInto, readText, addCard,
} from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const INSPECTOR = "Journey Map/Inspector";
const mapOf = async (page) => JSON.parse(await api(page, "exportJSON"));
const cards = (map) => map.stages.flatMap((s) => (s.touchpoints ?? []).map((t) => ({ ...t, stage: s.id })));
// The map without what a merge or a download never compares.
const content = (map) => { const { modified, lineage, ...rest } = map; return rest; };

async function download(page) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
  return readFile(await file.path(), "utf8");
}

// Selects a card on the canvas and types its new title in the inspector.
async function retitle(page, from, to) {
  await click(page, from + "##card");
  await typeInto(page, "Title", to, { window: INSPECTOR });
  await page.keyboard.press("Enter");
  await settle(page);
}

async function groupWork(sent, work) {
  const page = await openEditor(browser, server.url, { width: 1600, height: 900 });
  const id = JSON.parse(sent).id;
  await dropFiles(page, [{ name: "Workshop.journeymap.json", type: "application/json", text: sent }]);
  await waitForState(page, (id) => window.journeymap.currentMapId() === id, id, { what: "the sent map open" });
  await work(page);
  const text = await download(page);
  await page.context().close();
  return text;
}

test("three groups' copies merge back through File > Merge files; a conflict is settled in the panel", async () => {
  const facilitator = await openEditor(browser, server.url, { width: 1600, height: 900 });
  const original = await mapOf(facilitator);
  const sent = await download(facilitator);
  const sentMap = JSON.parse(sent);
  assert.equal(sentMap.version, 2);
  assert.equal(sentMap.lineage.bases[0].id, original.id, "the file says which version it is");
  assert.deepEqual(content(sentMap), content(original));

  const [a, b, c] = cards(original);
  const files = [
    await groupWork(sent, async (page) => {
      await addCard(page, "Group 1: pilot offer");
      await retitle(page, a.title, "Group 1 calls it a webinar");
    }),
    await groupWork(sent, async (page) => {
      await addCard(page, "Group 2: peer reviews");
      await retitle(page, a.title, "Group 2 calls it a demo");
    }),
    await groupWork(sent, async (page) => {
      await addCard(page, "Group 3: ROI calculator");
      await retitle(page, b.title, "Group 3 sharpened this one");
    }),
  ];

  await click(facilitator, "File");
  const [chooser] = await Promise.all([facilitator.waitForEvent("filechooser"), click(facilitator, /Merge files\.\.\./)]);
  await chooser.setFiles(files.map((text, i) => ({ name: `group-${i + 1}.journeymap.json`, mimeType: "application/json", buffer: Buffer.from(text) })));
  await waitForState(facilitator, () => window.journeymap._merge().open, undefined, { what: "the Merge panel open" });
  let merge = await api(facilitator, "_merge");
  assert.equal(merge.threeWay, true, "the version sent was kept by the download and found");
  assert.deepEqual(merge.files, ["group-1.journeymap.json", "group-2.journeymap.json", "group-3.journeymap.json"]);
  assert.equal(merge.conflicts.length, 1);
  assert.deepEqual([merge.conflicts[0].id, merge.conflicts[0].field, merge.conflicts[0].what], [a.id, "title", "changed"]);
  assert.match(await readText(facilitator, { window: "Merge" }), /Group 2 calls it a demo/);
  await screenshot(facilitator, "merge-conflicts");

  await click(facilitator, "Take the file's", { window: "Merge" });
  await waitForState(facilitator, () => window.journeymap._merge().unresolved === 0, undefined, { what: "the conflict settled" });
  const merged = await mapOf(facilitator);
  const titles = cards(merged).map((t) => t.title);
  for (const title of ["Group 1: pilot offer", "Group 2: peer reviews", "Group 3: ROI calculator", "Group 2 calls it a demo", "Group 3 sharpened this one"])
    assert.ok(titles.includes(title), `${title} is in the merged map`);
  assert.ok(titles.includes(c.title), "an untouched card stays");
  assert.equal(cards(merged).length, cards(original).length + 3);

  await click(facilitator, "Done", { window: "Merge" });
  await waitForState(facilitator, () => !window.journeymap._merge().open, undefined, { what: "the Merge panel closed" });
  // One undo step: the merge and the choice made in the panel.
  assert.equal(await api(facilitator, "undo"), true);
  await settle(facilitator);
  assert.deepEqual(content(await mapOf(facilitator)), content(original));
  assert.equal(await api(facilitator, "redo"), true);
  await settle(facilitator);
  assert.deepEqual(content(await mapOf(facilitator)), content(merged));
  await facilitator.context().close();
});

test("Merge files refuses a file that is not a copy of the open map and changes nothing", async () => {
  const page = await openEditor(browser, server.url);
  const before = await api(page, "exportJSON");
  const other = { ...JSON.parse(before), id: "another-map", title: "Another map", lineage: { bases: [] } };
  await click(page, "File");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), click(page, /Merge files\.\.\./)]);
  await chooser.setFiles([{ name: "other.journeymap.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(other)) }]);
  await findItem(page, "OK");
  assert.match(await readText(page, { window: "Could not open the file" }), /is not a copy of the open map/);
  await click(page, "OK");
  assert.equal(await api(page, "exportJSON"), before);
  await page.context().close();
});
