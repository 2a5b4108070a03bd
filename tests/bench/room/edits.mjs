// One simulated participant's edits: each reads the cards from the participant's
// own copy of the room's Y.Doc and writes one change in the editor's by-id
// format (src/edit/map_change.h change_to_json) through the bridge's
// applyLocalChanges, exactly as a browser's editor does (web/room/bridge.mjs).
// Titles written by an edit carry a latency marker: "lat <tag> <send time ms>".
import { randomBytes } from "node:crypto";
import { applyLocalChanges, Y } from "../../../web/room/bridge.mjs";

// The mix: adding 30 %, moving 20 %, retitling 30 %, friction 20 %.
export const MIX = [["add", 0.3], ["move", 0.2], ["retitle", 0.3], ["friction", 0.2]];
export const MARKER = /lat (\S+) (\d{13})/;

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

// A card id as the editor makes them: "tp-" and 13 random base-36 characters.
export function newCardId() {
  let id = "tp-";
  for (const byte of randomBytes(13)) id += BASE36[byte % 36];
  return id;
}

// The editor writes times to the second ("2026-11-24T23:13:20Z").
const nowStamp = () => new Date().toISOString().replace(/\.\d+Z$/, "Z");

function pickKind(random) {
  let r = random();
  for (const [kind, share] of MIX) {
    if (r < share) return kind;
    r -= share;
  }
  return MIX[MIX.length - 1][0];
}

const pick = (list, random) => list[Math.floor(random() * list.length)];

// The map's order of a list: "@order" (a fractional index), then id, as the bridge sorts.
const byOrder = (a, b) => (a.order !== b.order ? (a.order < b.order ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// Two encoded state vectors (Y.encodeStateVector) name the same clocks.
export function sameVector(a, b) {
  const x = Y.decodeStateVector(a);
  const y = Y.decodeStateVector(b);
  if (x.size !== y.size) return false;
  for (const [client, clock] of x) if (y.get(client) !== clock) return false;
  return true;
}

// The cards of the doc as {id, parent, order, title, friction}.
function cardsOf(doc) {
  const cards = [];
  doc.getMap("touchpoint").forEach((card, id) => {
    if (card instanceof Y.Map) cards.push({ id, parent: card.get("@parent"), order: String(card.get("@order") ?? ""), title: card.get("title"), friction: card.get("friction") });
  });
  return cards;
}

// The cards of one stage in the map's order.
function stageList(cards, stage, without) {
  return cards.filter((c) => c.parent === stage && c.id !== without).sort(byOrder);
}

// A random place in a stage: the card to go after ('' = first) and its index.
function randomPlace(cards, stage, without, random) {
  const list = stageList(cards, stage, without);
  const index = Math.floor(random() * (list.length + 1));
  return { after: index > 0 ? list[index - 1].id : "", index };
}

// The change one edit of `kind` makes, or null when the doc has nothing to edit.
function changeFor(kind, doc, marker, random) {
  const stages = [...doc.getMap("stage").keys()];
  const cards = cardsOf(doc).filter((c) => stages.includes(c.parent));
  if (stages.length === 0) return null;
  if (kind !== "add" && cards.length === 0) kind = "add";
  if (kind === "add") {
    const parent = pick(stages, random);
    const { after, index } = randomPlace(cards, parent, null, random);
    return { kind: "touchpoint", op: "add", id: newCardId(), parent, after, index, new: { title: marker, friction: 2, emotion: 0 } };
  }
  const card = pick(cards, random);
  if (kind === "move") {
    const parent = pick(stages, random);
    const { after, index } = randomPlace(cards, parent, card.id, random);
    return { kind: "touchpoint", op: "move", id: card.id, parent, from_parent: card.parent, after, index };
  }
  if (kind === "retitle") {
    return { kind: "touchpoint", op: "set", id: card.id, field: "title", old: card.title ?? "", new: marker };
  }
  return { kind: "touchpoint", op: "set", id: card.id, field: "friction", old: card.friction ?? 0, new: Math.floor(random() * 6) };
}

// Makes one edit on `doc`; returns {kind, id, marker} (marker null when the edit carries none).
export function makeEdit(doc, tag, random = Math.random) {
  const kind = pickKind(random);
  const marker = `lat ${tag} ${Date.now()}`;
  const change = changeFor(kind, doc, marker, random);
  if (!change) return null;
  applyLocalChanges(doc, { changes: [change], modified: nowStamp() });
  const carries = change.op === "add" || change.field === "title";
  return { kind: change.op === "add" ? "add" : change.op === "move" ? "move" : change.field === "title" ? "retitle" : "friction", id: change.id, marker: carries ? marker : null };
}

// Calls onMarker(sentAtMs) for every marker title that reaches `doc` from
// elsewhere (a card added with one, or a title set to one): the Node-to-Node
// latency. Returns the function that stops observing.
export function observeMarkers(doc, onMarker) {
  const cards = doc.getMap("touchpoint");
  const seen = (title) => {
    const m = typeof title === "string" ? MARKER.exec(title) : null;
    if (m) onMarker(Number(m[2]));
  };
  const observer = (events, transaction) => {
    if (transaction.local) return;
    for (const event of events) {
      if (event.target === cards) {
        for (const key of event.keysChanged) if (event.changes.keys.get(key)?.action === "add") seen(cards.get(key)?.get("title"));
      } else if (event.keysChanged.has("title")) {
        seen(event.target.get("title"));
      }
    }
  };
  cards.observeDeep(observer);
  return () => cards.unobserveDeep(observer);
}

// Canonical content of a doc: every root map the bridge writes, as plain JSON.
export const ROOTS = ["meta", "map", "period", "lane", "persona", "stage", "kpi", "touchpoint"];
export function docContent(doc) {
  const out = {};
  for (const name of ROOTS) out[name] = doc.getMap(name).toJSON();
  return out;
}

// The stages and their cards as the document orders them ('@order', then id),
// with the fields the benchmark edits: what every editor in the room must show.
export function docStages(doc) {
  const cards = cardsOf(doc);
  const stages = [];
  doc.getMap("stage").forEach((stage, id) => stages.push({ id, order: String(stage.get("@order") ?? "") }));
  return stages.sort(byOrder).map((s) => ({
    id: s.id,
    cards: stageList(cards, s.id, null).map((c) => ({ id: c.id, title: c.title ?? "", friction: c.friction ?? 0 })),
  }));
}

// The same view of a map as the editor exports it (a map file leaves out a
// friction of 0: src/io/map_json_write.cpp).
export function mapStages(map) {
  return (map.stages ?? []).map((s) => ({
    id: s.id,
    cards: (s.touchpoints ?? []).map((c) => ({ id: c.id, title: c.title, friction: c.friction ?? 0 })),
  }));
}

// How many touchpoints have an existing stage as '@parent' (the cards an editor shows).
export function cardsOnStages(doc) {
  const stages = doc.getMap("stage");
  let n = 0;
  doc.getMap("touchpoint").forEach((card) => { if (card instanceof Y.Map && stages.has(card.get("@parent"))) n++; });
  return n;
}
