// The watching browsers: real editors (the web-test build in Debian's Chromium,
// launched as tests/e2e/harness.mjs does) that join the room through its join
// dialog and record, page-side, when each latency marker first appears in the
// map the editor holds (journeymap.exportJSON()).
import { openEditor, click, waitForState, settle } from "../../e2e/harness.mjs";

const JOIN_BUTTON = /\sJoin$/;   // the join dialog's button: an icon, two spaces, "Join"

// The name the join dialog asks for, remembered as the editor remembers it
// (src/app/live_room.cpp "room-name", kept by web_settings.cpp as "jm-setting:<name>").
const rememberName = (name) => ({ content: `localStorage.setItem("jm-setting:room-name", ${JSON.stringify(name)});` });

export async function joinRoom(browser, base, room, key, name) {
  const url = `${base}?room=${encodeURIComponent(room)}#key=${encodeURIComponent(key)}`;
  const page = await openEditor(browser, url, { width: 1280, height: 720, init: rememberName(name) });
  await click(page, JOIN_BUTTON);
  await waitForState(page, () => window.journeymap.roomState().phase === "live", null, { what: `${name} to be live in the room` });
  return page;
}

// Runs in the page: every 5 ms (or as soon as the page is free), read the map
// the editor holds and note the first time each marker "lat <tag> <sent ms>" is
// in it. The time noted is the start of the read that found it: the marker was
// in the editor's map by then, and was not at the previous read's start. A read
// runs between the page's tasks, so this time includes the frame the editor
// draws for the change. Also noted, to split that figure: when the marker was
// handed to the editor (the room client's "remote" event to web/room_link.js).
function watchInPage() {
  const state = { firstSeen: new Map(), delivered: new Map(), reads: 0, readMs: 0, firstRead: Date.now(), lastRead: 0, stop: false };
  window.__roomBench = state;
  const marker = /lat (\S+) (\d{13})/g;
  const note = (into, text, at) => {
    for (const m of text.matchAll(marker)) if (!into.has(m[1])) into.set(m[1], at - Number(m[2]));
  };
  const deliver = JM.roomLink.event;
  JM.roomLink.event = (type, data) => {
    if (type === "remote" && !state.stop) note(state.delivered, JSON.stringify(data), Date.now());
    return deliver(type, data);
  };
  const read = () => {
    if (state.stop) return;
    const t0 = Date.now();
    const out = window.journeymap.exportJSON();
    note(state.firstSeen, typeof out === "string" ? out : JSON.stringify(out), t0);
    state.readMs += Date.now() - t0;
    state.reads += 1;
    state.lastRead = t0;
    setTimeout(read, 5);
  };
  read();
}

export async function startWatching(page) {
  await page.evaluate(watchInPage);
}

// Stops the page's loop; its latencies and how often it could read.
export async function stopWatching(page) {
  return page.evaluate(() => {
    const s = window.__roomBench;
    s.stop = true;
    return {
      latencies: [...s.firstSeen.values()],
      delivered: [...s.delivered.values()],
      reads: s.reads,
      meanReadMs: s.reads ? s.readMs / s.reads : 0,
      meanGapMs: s.reads > 1 ? (s.lastRead - s.firstRead) / (s.reads - 1) : 0,
    };
  });
}

// The page's copy of the room's document, as the bridge's snapshot (web/room/room_client.mjs debugState).
export function roomSnapshot(page) {
  return page.evaluate(() => window.JMRoom?.debugState()?.snapshot ?? null);
}

// The map the editor holds, once it has drawn everything that reached it.
export async function editorMap(page) {
  await settle(page);
  const out = await page.evaluate(() => window.journeymap.exportJSON());
  return typeof out === "string" ? JSON.parse(out) : out;
}

export function roomState(page) {
  return page.evaluate(() => window.journeymap.roomState());
}

export function cardCount(map) {
  return (map.stages ?? []).reduce((n, s) => n + (s.touchpoints ?? []).length, 0);
}

