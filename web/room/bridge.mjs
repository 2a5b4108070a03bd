// The live room's shared document (a Y.Doc) and the rules that tie it to the
// editor's by-id changes (src/edit/map_change.h, src/edit/room_stream.h). The
// browser (web/room/room_client.mjs), the room server's seeding
// (scripts/room_server.mjs) and the load benchmark's simulated participants
// (tests/bench/room_load.mjs) all go through these functions, so they write the
// same document.
//
// The document:
//   meta                  Y.Map  id, created, modified, title, lineage (bookkeeping)
//   map                   Y.Map  the map's own fields by key ("title", "card_detail", ...)
//   period                Y.Map  "period", "period_previous" -> Y.Map of business figures
//   lane                  Y.Map  lane key -> Y.Map {"@order"}
//   persona, stage        Y.Map  id -> Y.Map {fields..., "@order"}
//   kpi, touchpoint       Y.Map  id -> Y.Map {fields..., "@parent": stage id, "@order"}
// Every field is its own key, so two people changing different fields of one
// card both keep their edit; a field's value is plain JSON and the later write
// wins. Lists are ordered by "@order", a fractional index (npm
// fractional-indexing): moving a card writes one key, and two people adding at
// once both keep their cards (equal keys fall back to the id).
import * as Y from 'yjs';
import { generateKeyBetween } from 'fractional-indexing';

export const LOCAL = 'journeymap-editor';   // the origin of transactions made from this editor's own changes
export { Y };

const ORDER = '@order';
const PARENT = '@parent';
const ORDERED_KINDS = ['lane', 'persona', 'stage', 'kpi', 'touchpoint'];
const CHILD_KINDS = new Set(['kpi', 'touchpoint']);
const ENTITY_KINDS = ['period', ...ORDERED_KINDS];
const AFTER_CANDIDATES = 8;    // how many items before an entity its state names (the editor takes the nearest it has)
const SEED_CHUNK = 400;        // changes per transaction when seeding: each is one message, far below the server's limit
const DIGITS = '123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';   // fractional digits, never a trailing '0'

const isChild = (kind) => CHILD_KINDS.has(kind);
const root = (doc, kind) => doc.getMap(kind);

// ---- Order ------------------------------------------------------------------------

function byOrder(a, b) {
    if (a.key !== b.key) return a.key < b.key ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// The sorted lists of one document, built once per transaction and kept up to
// date as changes are written, so that seeding 10,000 cards stays linear-ish.
class Orders {
    constructor(doc) {
        this.doc = doc;
        this.lists = new Map();
    }
    list(kind, parent) {
        const name = kind + '\u0000' + (isChild(kind) ? parent : '');
        let list = this.lists.get(name);
        if (!list) {
            list = [];
            root(this.doc, kind).forEach((entity, id) => {
                if (!(entity instanceof Y.Map)) return;
                if (isChild(kind) && entity.get(PARENT) !== parent) return;
                list.push({ id, key: String(entity.get(ORDER) ?? '') });
            });
            list.sort(byOrder);
            this.lists.set(name, list);
        }
        return list;
    }
    remove(kind, parent, id) {
        const list = this.list(kind, parent);
        const i = list.findIndex((item) => item.id === id);
        if (i >= 0) list.splice(i, 1);
    }
    // A key that puts `id` after `after` ("" = first), or at `index` when
    // `after` is not in the list; records it in the list.
    place(kind, parent, id, after, index) {
        const list = this.list(kind, parent);
        let at = after === '' ? 0 : list.findIndex((item) => item.id === after) + 1;
        if (at <= 0 && after !== '') at = Number.isInteger(index) && index >= 0 ? Math.min(index, list.length) : list.length;
        const prev = at > 0 ? list[at - 1].key : null;
        let next = null;
        for (let j = at; j < list.length; j++) {
            if (prev === null || list[j].key > prev) { next = list[j].key; break; }
        }
        const key = keyBetween(prev || null, next);
        const item = { id, key };
        let i = at;
        while (i < list.length && byOrder(list[i], item) < 0) i++;
        list.splice(i, 0, item);
        return key;
    }
}

// Between two keys, with two random digits more, so that two people inserting
// at one place at once almost never make the same key.
function keyBetween(prev, next) {
    const key = generateKeyBetween(prev, next);
    const jitter = DIGITS[Math.floor(Math.random() * DIGITS.length)] + DIGITS[Math.floor(Math.random() * DIGITS.length)];
    const jittered = key + jitter;
    return next === null || jittered < next ? jittered : key;
}

// ---- The editor's changes into the document ----------------------------------------

function entityMap(fields, extra) {
    const m = new Y.Map();
    if (fields && typeof fields === 'object' && !Array.isArray(fields)) {
        for (const [k, v] of Object.entries(fields)) if (v !== undefined && !k.startsWith('@')) m.set(k, v);
    }
    for (const [k, v] of Object.entries(extra)) m.set(k, v);
    return m;
}

function applyOne(doc, c, orders) {
    const kind = c.kind;
    if (kind === 'map') {
        if (c.op === 'set' && typeof c.field === 'string') root(doc, 'map').set(c.field, c.new ?? null);
        return;
    }
    if (!ENTITY_KINDS.includes(kind) || typeof c.id !== 'string' || c.id === '') return;
    const entities = root(doc, kind);
    const entity = entities.get(c.id);
    const ordered = kind !== 'period';
    switch (c.op) {
        case 'set':
            if (entity instanceof Y.Map && typeof c.field === 'string' && !c.field.startsWith('@')) entity.set(c.field, c.new ?? null);
            else if (kind === 'period' && c.id === 'period') entities.set(c.id, entityMap({ [c.field]: c.new ?? null }, {}));
            return;
        case 'add': {
            const extra = {};
            if (ordered) {
                const parent = isChild(kind) ? c.parent || '' : '';
                if (isChild(kind)) extra[PARENT] = parent;
                extra[ORDER] = orders.place(kind, parent, c.id, c.after || '', c.index);
            }
            entities.set(c.id, entityMap(c.new, extra));
            return;
        }
        case 'remove':
            if (!(entity instanceof Y.Map)) return;
            if (ordered) orders.remove(kind, isChild(kind) ? entity.get(PARENT) : '', c.id);
            entities.delete(c.id);
            return;
        case 'move': {
            if (!(entity instanceof Y.Map) || !ordered) return;
            const from = isChild(kind) ? entity.get(PARENT) : '';
            const to = isChild(kind) ? c.parent || from : '';
            orders.remove(kind, from, c.id);
            const key = orders.place(kind, to, c.id, c.after || '', c.index);
            if (isChild(kind) && to !== from) entity.set(PARENT, to);
            entity.set(ORDER, key);
            return;
        }
        default:
    }
}

// Writes the editor's changes ({changes: [change_to_json...], modified}) as one
// transaction with origin LOCAL.
export function applyLocalChanges(doc, payload, origin = LOCAL) {
    const changes = Array.isArray(payload?.changes) ? payload.changes : [];
    doc.transact(() => {
        const orders = new Orders(doc);
        for (const c of changes) if (c && typeof c === 'object') applyOne(doc, c, orders);
        if (typeof payload?.modified === 'string' && payload.modified) root(doc, 'meta').set('modified', payload.modified);
    }, origin);
}

// A new room's document: the map's bookkeeping and every change that builds it
// (`journeymap changes MAP`, or the editor's seed), a few hundred per transaction.
export function seedDoc(doc, seed, origin = LOCAL) {
    const changes = Array.isArray(seed?.changes) ? seed.changes : [];
    const info = seed?.map || {};
    doc.transact(() => {
        const meta = root(doc, 'meta');
        for (const key of ['id', 'created', 'modified', 'title']) if (typeof info[key] === 'string') meta.set(key, info[key]);
        if (info.lineage && typeof info.lineage === 'object') meta.set('lineage', info.lineage);
    }, origin);
    for (let i = 0; i < changes.length; i += SEED_CHUNK) {
        applyLocalChanges(doc, { changes: changes.slice(i, i + SEED_CHUNK) }, origin);
    }
}

export function isSeeded(doc) {
    return typeof root(doc, 'meta').get('id') === 'string';
}

// ---- The document's entities as states for the editor --------------------------------

function fieldsOf(entity) {
    const fields = {};
    entity.forEach((value, key) => {
        if (!key.startsWith('@')) fields[key] = value;
    });
    return fields;
}

function stateOf(doc, kind, id, orders) {
    const entity = root(doc, kind).get(id);
    if (!(entity instanceof Y.Map)) return { kind, id, exists: false };
    const state = { kind, id, exists: true, fields: fieldsOf(entity) };
    if (kind === 'period') return state;
    const parent = isChild(kind) ? String(entity.get(PARENT) ?? '') : '';
    const list = orders.list(kind, parent);
    const at = list.findIndex((item) => item.id === id);
    state.parent = parent;
    state.index = Math.max(at, 0);
    state.after = [];
    for (let j = at - 1; j >= 0 && state.after.length < AFTER_CANDIDATES; j--) state.after.push(list[j].id);
    return state;
}

// The order the editor applies states in: an entity's list neighbours and its
// stage before it; cards removed before their stage.
function orderedStates(doc, touched, orders) {
    const present = [];
    const gone = [];
    for (const kind of ENTITY_KINDS) {
        const ids = touched.get(kind);
        if (!ids || ids.size === 0) continue;
        const states = [...ids].map((id) => stateOf(doc, kind, id, orders));
        const here = states.filter((s) => s.exists);
        if (kind === 'kpi' || kind === 'touchpoint') {
            const stageRank = new Map(orders.list('stage', '').map((item, i) => [item.id, i]));
            here.sort((a, b) => (stageRank.get(a.parent) ?? -1) - (stageRank.get(b.parent) ?? -1) || a.index - b.index);
        } else {
            here.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
        }
        present.push(...here);
        gone.push(...states.filter((s) => !s.exists));
    }
    const rank = { touchpoint: 0, kpi: 1, stage: 2, persona: 3, lane: 4, period: 5 };
    gone.sort((a, b) => rank[a.kind] - rank[b.kind]);
    return [...present, ...gone];
}

// Which entities a transaction touched: kind -> Set of ids, plus the map's
// fields ("map") and whether the edit time changed.
export function touchedBy(transaction, doc, into = newTouched()) {
    const roots = new Map(['map', 'meta', ...ENTITY_KINDS].map((kind) => [root(doc, kind), kind]));
    transaction.changed.forEach((keys, type) => {
        const kind = roots.get(type);
        if (kind === 'meta') {
            if (keys.has('modified')) into.modified = true;
        } else if (kind) {
            for (const key of keys) if (typeof key === 'string') into.get(kind).add(key);
        } else if (type instanceof Y.Map && type._item && roots.has(type.parent)) {
            into.get(roots.get(type.parent)).add(type._item.parentSub);   // a field of one entity
        }
    });
    return into;
}

export function newTouched() {
    const touched = new Map(['map', ...ENTITY_KINDS].map((kind) => [kind, new Set()]));
    touched.modified = false;
    return touched;
}

// The states the editor reconciles with (room_stream.h's format) for what a
// peer touched.
export function statesFor(doc, touched) {
    const orders = new Orders(doc);
    const entities = [];
    const mapKeys = touched.get('map');
    if (mapKeys && mapKeys.size) {
        const fields = {};
        const map = root(doc, 'map');
        for (const key of mapKeys) fields[key] = map.has(key) ? map.get(key) : null;
        entities.push({ kind: 'map', fields });
    }
    entities.push(...orderedStates(doc, touched, orders));
    return { modified: touched.modified ? String(root(doc, 'meta').get('modified') ?? '') : '', entities };
}

// Everything in the document (a joiner's first view): {meta, states}.
export function snapshot(doc) {
    const touched = newTouched();
    root(doc, 'map').forEach((_, key) => touched.get('map').add(key));
    for (const kind of ENTITY_KINDS) root(doc, kind).forEach((_, id) => touched.get(kind).add(id));
    touched.modified = true;
    const meta = {};
    root(doc, 'meta').forEach((value, key) => { meta[key] = value; });
    return { meta, states: statesFor(doc, touched) };
}
