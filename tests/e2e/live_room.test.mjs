// The live room of issue 15 in real browsers: a facilitator starts a room from
// a template through File > Start a live session, two participants join by the
// link in browser contexts of their own (separate storage), and all three edit
// one map through the editor's UI. Then the faults: the room server killed with
// SIGKILL and restarted, one participant's network gone for 20 s, a hostile
// client writing into the room's Y.Doc; a wrong key and an unknown room; and the
// facilitator ending the room.
//
// The tests run in order on one room (a workshop's story); each ends by waiting
// until the three maps are identical, so a failure names the step that broke.
// Every wait is for a state with a generous deadline; the one length of time is
// the offline spell's 20 s, which the issue asks for and which is measured.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import * as Y from "yjs";
import {
  launchBrowser, openEditor, click, findItem, settle, readText, waitForText, typeInto, addCard, newMapFromTemplate, screenshot,
} from "./harness.mjs";
import {
  RoomServer, Cable, until, joinAs, closeWindow, openLink, linkVia, roomState, waitForRoom, mapOf, cardsOf, converged, hostileClient,
} from "./room_helpers.mjs";

const INSPECTOR = "Journey Map/Inspector";
const OFFLINE_SPELL_MS = 20000;

let server, browser, cable;
// The room and its people: fac (the facilitator, Fran), ana, bo (Bo reaches the
// server only through `cable`, so that the offline test can pull it).
const live = {};

before(async () => {
  server = await RoomServer.start();
  cable = await Cable.to(server.port);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await cable?.close();
  await server?.stop();
  await server?.removeData();
});

const people = () => [live.fac, live.ana, live.bo];
const cardById = (map, id) => cardsOf(map).find((c) => c.id === id);
const canUndo = (page) => page.evaluate(() => window.journeymap.canUndo());

// Console errors other than the editor's log lines of refused room changes
// (expected in the hostile test and checked there) and Chromium's own lines for
// requests that fail while the server is down or the network is off (the
// provider keeps trying to connect).
const EXPECTED_ERRORS = [/live room: refused/, /^WebSocket connection to '.*' failed/, /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED/];
const realErrors = (page) => page.jmErrors.filter((e) => !EXPECTED_ERRORS.some((re) => re.test(e)));

function needRoom() {
  if (!live.fac || !live.ana || !live.bo) throw new Error("the room of the first test is not there (see the first failure)");
}

// Selects a card on the canvas by its title.
async function select(page, title) {
  await click(page, title + "##card");
}

// Selects a card and types its new title in the inspector.
async function retitle(page, from, to) {
  await select(page, from);
  await typeInto(page, "Title", to, { window: INSPECTOR });
  await page.keyboard.press("Enter");
  await settle(page);
}

// The selected card's friction through the inspector's slider (0..5): a click
// where the grab's centre sits for `value` (ImGui: the grab is a sixth of the
// slider, less 2 px of padding each side, and its centre runs across the rest).
async function setFriction(page, value) {
  const s = await findItem(page, "##Friction", { window: INSPECTOR });
  const usable = s.w - 4, grab = usable / 6;
  const x = s.x + 2 + grab / 2 + ((usable - grab) * value) / 5, y = s.y + s.h / 2;
  await page.mouse.move(x, y);
  await settle(page);
  await page.mouse.click(x, y);
  await settle(page);
}

const centre = (it) => ({ x: it.x + it.w / 2, y: it.y + it.h / 2 });

async function startRoomAsFacilitator() {
  const page = await openEditor(browser, server.url, { width: 1600, height: 900 });
  await newMapFromTemplate(page, "saas-journey");
  await click(page, "File");
  await click(page, /Start a live session\.\.\.$/);
  await click(page, /Start the session$/, { window: "Start a live session" });
  return page;
}

test("three browsers on one room: the facilitator starts it from a template, two join by the link, edits and selections reach everyone", async () => {
  const fac = await startRoomAsFacilitator();
  const template = await mapOf(fac);
  let state = await joinAs(fac, "Fran");
  assert.equal(state.facilitator, true);
  assert.match(state.joinUrl, new RegExp(`^${server.url}\\?room=[0-9a-z]{12}#key=[\\w-]{43}$`));
  assert.ok(state.qrSize > 20, "a QR code of the link");
  live.fac = fac;
  live.joinUrl = state.joinUrl;
  live.room = state.room;
  live.key = new URL(state.joinUrl).hash.replace(/^#key=/, "");
  assert.deepEqual(await mapOf(fac), template, "starting the room changes nothing in the map");

  // Two contexts: Ana joins; the room's map replaces the one her editor had open.
  const ana = await openLink(browser, live.joinUrl);
  assert.equal((await roomState(ana)).phase, "ask-name", "the link asks the name first");
  assert.notEqual((await mapOf(ana)).id, template.id);
  await joinAs(ana, "Ana");
  live.ana = ana;
  await converged([fac, ana], (m) => m.id === template.id, "Ana's editor holding the room's map");
  assert.deepEqual(await mapOf(ana), template, "the joiner gets the map exactly");
  assert.equal(await canUndo(ana), false, "the room's map is no edit of Ana's");

  await addCard(fac, "Sticky from Fran");
  await converged([fac, ana], (m) => cardsOf(m).some((c) => c.title === "Sticky from Fran"), "Fran's card at Ana's");
  assert.equal(await canUndo(ana), false, "a peer's edit is not on Ana's undo stack");

  // Three contexts: Bo joins through the cable (see the offline test).
  const bo = await openLink(browser, linkVia(live.joinUrl, { base: cable.url }));
  await joinAs(bo, "Bo");
  live.bo = bo;
  for (const page of people()) await waitForRoom(page, (s) => s.people.length === 3, "three people in the room");
  await waitForText(fac, "Live - 3 people");
  await waitForText(bo, "Live - 3 people");
  const names = (await roomState(fac)).people.map((p) => `${p.name}${p.self ? " (self)" : ""}`).sort();
  assert.deepEqual(names, ["Ana", "Bo", "Fran (self)"]);
  await converged(people(), (m) => cardsOf(m).some((c) => c.title === "Sticky from Fran"), "Bo's editor holding the room's map");

  // An edit in one appears in the others: a card added, a card retitled in the inspector.
  await addCard(ana, "Sticky from Ana");
  const first = template.stages[0].touchpoints[0];
  await retitle(bo, first.title, "Retitled by Bo");
  let map = await converged(people(), (m) => cardsOf(m).some((c) => c.title === "Sticky from Ana") && cardById(m, first.id)?.title === "Retitled by Bo",
    "Ana's card and Bo's title everywhere");
  assert.equal(cardsOf(map).length, cardsOf(template).length + 2);

  // Each person's selection is reported to the others.
  const second = template.stages[1].touchpoints[0];
  await select(ana, second.title);
  await select(bo, "Retitled by Bo");
  const selected = (s, name) => s.people.find((p) => p.name === name)?.selection ?? [];
  for (const page of [fac, bo]) await waitForRoom(page, (s) => selected(s, "Ana").includes(second.id), "Ana's selection seen");
  for (const page of [fac, ana]) await waitForRoom(page, (s) => selected(s, "Bo").includes(first.id), "Bo's selection seen");
  const fransCard = cardsOf(map).find((c) => c.title === "Sticky from Fran");
  for (const page of [ana, bo]) await waitForRoom(page, (s) => selected(s, "Fran").includes(fransCard.id), "Fran's selection seen");

  // The facilitator's screen with three people live, the pointer away from the cards (no tooltip).
  // (build/web/screenshots; docs/screenshots/live-room*.png are copies of these.)
  await fac.mouse.move(100, 700);
  await screenshot(fac, "live-room");
  // At 1280x720, dark, the window shown again so that it is placed for this size
  // (it keeps its place when the browser window shrinks: see the handoff).
  await closeWindow(fac, "Live session");
  await fac.setViewportSize({ width: 1280, height: 720 });
  await click(fac, "View");
  await click(fac, /Dark theme/);
  await click(fac, "File");
  await click(fac, /Live session\.\.\.$/);
  await findItem(fac, "Copy link", { window: "Live session" });
  await fac.mouse.move(100, 600);
  await screenshot(fac, "live-room-dark");
  // Back to light at 1600x900, the window closed: it covers the inspector's
  // fields, and Fran edits through them in the next tests.
  await closeWindow(fac, "Live session");
  await click(fac, "View");
  await click(fac, /Dark theme/);
  await fac.setViewportSize({ width: 1600, height: 900 });
  await settle(fac);
  for (const page of people()) assert.deepEqual(realErrors(page), []);
});

test("concurrent edits of two fields of one card both survive", async () => {
  needRoom();
  const { fac, ana, bo } = live;
  let map = await mapOf(fac);
  const x = map.stages[0].touchpoints[1];
  const friction = x.friction === 4 ? 2 : 4;
  await select(ana, x.title);
  await select(bo, x.title);
  // Without waiting for each other: Ana types the title while Bo sets the friction.
  await Promise.all([
    (async () => {
      await typeInto(ana, "Title", "Title by Ana", { window: INSPECTOR });
      await ana.keyboard.press("Enter");
      await settle(ana);
    })(),
    setFriction(bo, friction),
  ]);
  map = await converged(people(), (m) => cardById(m, x.id)?.title === "Title by Ana" && cardById(m, x.id)?.friction === friction,
    "Ana's title and Bo's friction on one card everywhere");
  assert.equal(cardById(map, x.id).stage, map.stages[0].id);

  for (const page of people()) assert.deepEqual(realErrors(page), []);
});

test("a card moved by one and retitled by another ends moved and retitled", async () => {
  needRoom();
  const { fac, ana } = live;
  let map = await mapOf(fac);
  const y = map.stages[1].touchpoints[1];
  const target = map.stages[2];
  // Fran holds the card over the third stage; while she holds it, Ana renames
  // it and Fran's editor receives the new title; then Fran lets go.
  const card = await findItem(fac, y.title + "##card");
  const stage = await findItem(fac, target.name + "##stage");
  const from = centre(card), to = { x: stage.x + stage.w / 2, y: card.y + card.h / 2 };
  await fac.mouse.move(from.x, from.y);
  await fac.mouse.down();
  for (let i = 1; i <= 8; i++) await fac.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
  await settle(fac);
  await retitle(ana, y.title, "Moved by Fran, named by Ana");
  await until(async () => cardById(await mapOf(fac), y.id)?.title === "Moved by Fran, named by Ana", { what: "Ana's title at Fran's while she holds the card" });
  await settle(fac);
  await fac.mouse.up();
  await settle(fac);
  const mine = cardById(await mapOf(fac), y.id);
  assert.equal(mine.stage, target.id,
    `Fran's own drop moved the card (it is in ${map.stages.find((s) => s.id === mine.stage)?.name}: the drag was lost when a peer's title arrived during it)`);
  map = await converged(people(), (m) => cardById(m, y.id)?.stage === target.id && cardById(m, y.id)?.title === "Moved by Fran, named by Ana",
    "the card moved and retitled everywhere");
  assert.equal(cardsOf(map).filter((c) => c.id === y.id).length, 1, "one card, not a copy");
  for (const page of people()) assert.deepEqual(realErrors(page), []);
});

test("undo undoes only one's own edit", async () => {
  needRoom();
  const { ana, bo } = live;
  let map = await mapOf(ana);
  const x = map.stages[0].touchpoints[2];
  const y = map.stages[1].touchpoints[0];
  const boFriction = y.friction === 1 ? 3 : 1;
  await retitle(ana, x.title, "Ana will take this back");
  await select(bo, y.title);
  await setFriction(bo, boFriction);
  await converged(people(), (m) => cardById(m, x.id)?.title === "Ana will take this back" && cardById(m, y.id)?.friction === boFriction,
    "both edits everywhere");
  const boCouldUndo = await canUndo(bo);

  await ana.keyboard.press("Control+Z");
  await settle(ana);
  map = await converged(people(), (m) => cardById(m, x.id)?.title === x.title, "Ana's title undone everywhere");
  assert.equal(cardById(map, y.id).friction, boFriction, "Bo's friction stays");
  assert.equal(await canUndo(bo), boCouldUndo, "Bo's undo history is his own");
  for (const page of people()) assert.deepEqual(realErrors(page), []);
});

test("the room server killed (SIGKILL) while people edit and restarted: nothing lost, everyone converges", async () => {
  needRoom();
  const { fac, ana, bo } = live;
  const map = await mapOf(fac);
  const s0 = map.stages[0], s1 = map.stages[1];

  await addCard(fac, "Before the crash");
  // Killed while Ana is typing a title.
  await Promise.all([retitle(ana, s1.touchpoints[0].title, "Typed while the server died"), server.kill()]);
  for (const page of people()) await waitForRoom(page, (s) => s.phase === "offline", "the editor offline");
  await waitForText(fac, "Live - offline");

  // Edits while no server runs.
  await addCard(bo, "Added with no server");
  await retitle(fac, s0.touchpoints[0].title, "Retitled with no server");

  await server.run();   // the same port and data folder
  for (const page of people()) await waitForRoom(page, (s) => s.phase === "live", "back live");
  const final = await converged(people(), (m) => {
    const titles = cardsOf(m).map((c) => c.title);
    return ["Before the crash", "Typed while the server died", "Added with no server", "Retitled with no server"].every((t) => titles.includes(t));
  }, "every edit everywhere after the restart");
  // The restarted server holds them too.
  const doc = await server.state(live.room, live.key);
  const roomTitles = [...doc.getMap("touchpoint").values()].map((m) => m.get("title"));
  for (const t of ["Before the crash", "Typed while the server died", "Added with no server", "Retitled with no server"])
    assert.ok(roomTitles.includes(t), `the room's document holds "${t}"`);
  assert.equal(doc.getMap("touchpoint").size, cardsOf(final).length);
  for (const page of people()) assert.deepEqual(realErrors(page), []);
});

test("one participant offline for 20 s while both sides edit, then back: the maps converge", async () => {
  needRoom();
  const { fac, ana, bo } = live;
  const map = await mapOf(fac);
  const s0 = map.stages[0], s2 = map.stages[2];
  const cdp = await bo.context().newCDPSession(bo);
  const offline = async (yes) => {
    await bo.context().setOffline(yes);
    await cdp.send("Network.emulateNetworkConditions", { offline: yes, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  };

  const started = Date.now();
  // The DevTools offline mode fails every new request, but in this Chromium it
  // holds an open websocket's frames instead of closing it; the cable cut ends
  // the connection as a lost network does.
  await offline(true);
  cable.cut();
  await waitForRoom(bo, (s) => s.phase === "offline", "Bo offline");
  await waitForText(bo, "Live - offline, your edits are kept");
  assert.equal(await bo.evaluate((u) => fetch(u + "api/room-server").then(() => "answered", () => "failed"), cable.url), "failed");

  // Both sides edit.
  await addCard(bo, "Offline sticky from Bo");
  await retitle(bo, s2.touchpoints[0].title, "Bo renamed this offline");
  await addCard(ana, "Online sticky from Ana");
  await select(fac, s0.touchpoints[0].title);
  await setFriction(fac, s0.touchpoints[0].friction === 5 ? 0 : 5);

  // The spell lasts 20 s from its start (the length), whatever the edits took.
  await until(() => Date.now() - started >= OFFLINE_SPELL_MS, { timeout: OFFLINE_SPELL_MS + 5000, what: "the end of the offline spell" });
  assert.equal((await roomState(bo)).phase, "offline", "Bo stayed offline for the whole spell");
  assert.ok(!cardsOf(await mapOf(fac)).some((c) => c.title === "Offline sticky from Bo"), "nothing of Bo's leaked while offline");
  cable.restore();
  await offline(false);
  const spell = Date.now() - started;

  await waitForRoom(bo, (s) => s.phase === "live", "Bo back live");
  const final = await converged(people(), (m) => {
    const titles = cardsOf(m).map((c) => c.title);
    return ["Offline sticky from Bo", "Bo renamed this offline", "Online sticky from Ana"].every((t) => titles.includes(t)) &&
      cardById(m, s0.touchpoints[0].id)?.friction === (s0.touchpoints[0].friction === 5 ? 0 : 5);
  }, "both sides' edits everywhere");
  assert.ok(spell >= OFFLINE_SPELL_MS, `the spell lasted ${spell} ms`);
  assert.equal(cardsOf(final).filter((c) => c.title === "Offline sticky from Bo").length, 1);
  await cdp.detach();
  for (const page of people()) assert.deepEqual(realErrors(page), []);
});

test("a hostile client: a 10 MB title is cut by the server, an unknown stage and a friction of 99 are refused by every browser", async () => {
  needRoom();
  const pages = people();
  const before = await converged(pages);
  const refusedBefore = await Promise.all(pages.map(async (p) => (await roomState(p)).refused));
  const [x, z] = cardsOf(before);

  // 10 MB in one title: one websocket message far over the server's 4 MiB limit.
  const big = await hostileClient(server, live.room, live.key);
  big.doc.getMap("touchpoint").get(x.id).set("title", "x".repeat(10 * 1024 * 1024));
  await until(() => big.closes.includes(1009), { what: "the server closing the hostile connection with 1009 (message too big)" });
  big.destroy();   // its document holds the 10 MB: it would send it again on every reconnect
  assert.ok(server.logs.some((l) => /message over \d+ bytes/.test(l)), "the server logged the cut");
  for (const page of pages) {
    assert.equal((await roomState(page)).phase, "live");
    assert.equal(await page.evaluate(() => window.JMRoom.debugState().connected), true, "still connected");
  }
  // The others are unaffected: their maps are as they were, and an edit still goes round.
  assert.deepEqual(await converged(pages), before);
  await retitle(live.ana, z.title, "Still syncing after the big message");
  const after10mb = await converged(pages, (m) => cardById(m, z.id)?.title === "Still syncing after the big message", "an edit after the cut");

  // Straight into the Y.Doc: a card under a stage nobody has, a friction of 99.
  const evil = await hostileClient(server, live.room, live.key);
  evil.doc.transact(() => {
    const orphan = new Y.Map();
    orphan.set("title", "Orphan of no stage");
    orphan.set("friction", 1);
    orphan.set("@parent", "stage-that-does-not-exist");
    orphan.set("@order", "a0");
    evil.doc.getMap("touchpoint").set("tp-hostile-orphan", orphan);
    evil.doc.getMap("touchpoint").get(x.id).set("friction", 99);
  });
  for (const [i, page] of pages.entries()) {
    const s = await waitForRoom(page, (s) => s.refused >= refusedBefore[i] + 2 &&
      s.refusedLog.some((l) => l.includes("tp-hostile-orphan")) && s.refusedLog.some((l) => l.includes(x.id) && l.includes("friction")),
    "both hostile changes refused");
    assert.ok(s.refusedLog.every((l) => l.length < 1000), "the log names the change, not its content");
  }
  evil.destroy();
  const final = await converged(pages);
  assert.deepEqual(final, after10mb, "the maps keep the old values");
  assert.equal(cardById(final, x.id).friction, x.friction);
  assert.ok(!cardsOf(final).some((c) => c.id === "tp-hostile-orphan"));
  for (const page of pages) {
    assert.equal((await roomState(page)).phase, "live");
    assert.deepEqual(realErrors(page), [], "nothing but the refusals in the console");
  }
});

test("a wrong room secret cannot join, nor can an unknown room; the open map stays", async () => {
  needRoom();
  for (const [what, link, problem] of [
    ["a wrong key", linkVia(live.joinUrl, { key: "A".repeat(43) }), /key is wrong/],
    ["an unknown room", linkVia(live.joinUrl).replace(/room=[0-9a-z]{12}/, "room=zzzzzzzzzzzz"), /does not know this room/],
  ]) {
    const page = await openLink(browser, link);
    const mine = await mapOf(page);
    assert.equal((await roomState(page)).phase, "ask-name", what);
    await typeInto(page, "##room-name", "Mallory", { window: "Join the live session" });
    await click(page, /Join$/, { window: "Join the live session" });
    const s = await waitForRoom(page, (s) => s.phase === "off" && s.problem !== "", `${what} refused`);
    assert.match(s.problem, problem, what);
    assert.deepEqual(s.people, []);
    assert.deepEqual(await mapOf(page), mine, `${what}: the open map is not replaced`);
    assert.ok(!(await page.evaluate(() => window.journeymap.listMaps())).some((m) => m.id === live.room), what);
    assert.match(await readText(page, { window: "Live session" }), problem);
    await page.context().close();
  }
  assert.ok(server.logs.some((l) => l.includes(`room ${live.room}: refused wrong key`)), "the server logged the wrong key");
  assert.ok(server.logs.some((l) => /refused unknown room/.test(l)), "the server logged the unknown room");
  for (const page of people()) assert.equal((await roomState(page)).people.length, 3, "nobody else came in");
});

test("the facilitator ends the room: everyone keeps the map, the facilitator gets it downloaded", async () => {
  needRoom();
  const { fac, ana, bo } = live;
  const final = await converged(people());
  await click(fac, "File");
  await click(fac, /Live session\.\.\.$/);   // the menu item while a room is on: shows the Live session window
  await click(fac, "End for everyone...", { window: "Live session" });
  await findItem(fac, "End for everyone", { window: "End the live session?" });
  const [download] = await Promise.all([fac.waitForEvent("download"), click(fac, "End for everyone", { window: "End the live session?" })]);
  const saved = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(saved.id, final.id);
  assert.deepEqual(cardsOf(saved).map((c) => [c.id, c.title, c.friction, c.stage]), cardsOf(final).map((c) => [c.id, c.title, c.friction, c.stage]));

  for (const page of [fac, ana, bo]) {
    await waitForRoom(page, (s) => s.phase === "ended", "the room ended");
    const maps = await page.evaluate(() => window.journeymap.listMaps());
    assert.ok(maps.some((m) => m.id === final.id), "the room's map is in the library");
    assert.deepEqual(await mapOf(page), final, "the map stays open as it was");
  }
  await waitForText(ana, "The facilitator ended the live session");
  assert.ok(server.logs.some((l) => l.includes(`room ${live.room}: ended`)));
  // An ended room lets nobody in.
  const late = await openLink(browser, live.joinUrl);
  await typeInto(late, "##room-name", "Late", { window: "Join the live session" });
  await click(late, /Join$/, { window: "Join the live session" });
  const s = await waitForRoom(late, (s) => s.phase === "ended" || (s.phase === "off" && s.problem), "a late joiner turned away");
  assert.match(s.problem, /ended/);
  await late.context().close();
  for (const page of people()) assert.deepEqual(realErrors(page), []);
});

test("alone in a new room, the facilitator is in the list of people", async () => {
  const page = await startRoomAsFacilitator();
  const state = await joinAs(page, "Solo");
  assert.equal(state.status, "Live - 1 person");
  try {
    await waitForRoom(page, (s) => s.people.length === 1 && s.people[0].self && s.people[0].name === "Solo", "the facilitator in the people list",
      { timeout: 20000 });
    assert.match(await readText(page, { window: "Live session" }), /1 person here/);
  } finally {
    await page.context().close();
  }
});
