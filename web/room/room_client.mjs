// The live room in the browser: one Y.Doc synced with the room server
// (y-websocket's provider), people present through Yjs awareness, and the
// editor's by-id changes both ways through the bridge (bridge.mjs). Bundled by
// esbuild into the site's room.js (CMakeLists.txt) and loaded only when a room
// is started or joined (web/room_link.js), so a normal start pays nothing.
//
// The editor calls these through JM.roomLink (web/room_link.js, from
// src/platform/web/web_room.cpp); everything that
// happens comes back as one event, _jm_room_event(type, json).
import { WebsocketProvider } from 'y-websocket';
import { Y, LOCAL, applyLocalChanges, seedDoc, isSeeded, snapshot, touchedBy, newTouched, statesFor } from './bridge.mjs';

const CLOSE_ENDED = 4000;   // the server's close code when the facilitator ends the room (scripts/room_server.mjs)

let session = null;

// One event to the editor (web/room_link.js owns the call).
const send = (type, data) => JM.roomLink.event(type, data);

// The editor's own edits not yet in the document: asked for before a peer's
// edit is read, so that both sides reconcile against the same state.
function flushLocal() {
    const m = JM.module;
    const p = m._jm_room_take_local();
    const text = p ? m.UTF8ToString(p) : '';
    if (p) m._free(p);
    if (text) applyLocalChanges(session.doc, JSON.parse(text));
}

function wsBase(server) {
    const url = new URL(server || location.href);
    return (url.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + url.host + '/rooms';
}

function peopleOf(awareness) {
    const people = [];
    awareness.getStates().forEach((state, clientId) => {
        const user = state && state.user;
        if (!user || typeof user.name !== 'string') return;
        people.push({
            client: clientId,
            self: clientId === awareness.clientID,
            name: user.name.slice(0, 80),
            colour: typeof user.colour === 'string' ? user.colour : '#888888',
            selection: Array.isArray(state.selection) ? state.selection.filter((s) => typeof s === 'string').slice(0, 1000) : [],
        });
    });
    people.sort((a, b) => (b.self - a.self) || a.name.localeCompare(b.name) || a.client - b.client);
    return people;
}

function scheduleRemote() {
    if (session.remoteQueued) return;
    session.remoteQueued = true;
    queueMicrotask(() => {
        if (!session) return;
        session.remoteQueued = false;
        if (!session.joined) return;
        flushLocal();
        const touched = session.touched;
        session.touched = newTouched();
        send('remote', statesFor(session.doc, touched));
    });
}

function firstSync(seed) {
    const doc = session.doc;
    if (!isSeeded(doc)) {
        if (!seed) {
            send('status', { state: 'empty' });   // a room nobody has seeded: nothing to show yet
            return;
        }
        seedDoc(doc, seed);
        session.joined = true;
        send('seeded', { meta: seed.map });
    } else {
        session.joined = true;
        session.touched = newTouched();
        send('snapshot', snapshot(doc));
    }
    send('status', { state: 'live' });
}

// y-websocket 1.5's provider sends the server every awareness change it
// hears, its peers' too, although the server already relays each person's
// presence to everyone: at 30 people a selection change cost 34 messages into
// the server instead of 2 (tests/bench/room_load.mjs). Only this editor's own
// changes go out; destroy() removes the handler by the same property.
export function sendOwnAwarenessOnly(provider) {
    const sendAll = provider._awarenessUpdateHandler;
    provider.awareness.off('update', sendAll);
    provider._awarenessUpdateHandler = (changes, origin) => {
        if (origin !== provider) sendAll(changes, origin);
    };
    provider.awareness.on('update', provider._awarenessUpdateHandler);
}

export function join({ server, room, key, owner, name, colour, seed }) {
    leave();
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(wsBase(server), room, doc, { params: { key }, maxBackoffTime: 4000 });
    session = { doc, provider, room, key, owner, server, joined: false, touched: newTouched(), remoteQueued: false, synced: false };
    const s = session;
    sendOwnAwarenessOnly(provider);
    provider.awareness.setLocalStateField('user', { name, colour });
    provider.awareness.setLocalStateField('selection', []);
    doc.on('afterTransaction', (tr) => {
        if (s !== session || tr.origin === LOCAL || !s.joined) return;
        touchedBy(tr, doc, s.touched);
        if (tr.changed.size) scheduleRemote();
    });
    provider.on('sync', (synced) => {
        if (s !== session || !synced) return;
        if (!s.synced) {
            s.synced = true;
            firstSync(seed);
        } else if (!s.joined) {
            firstSync(seed);
        }
    });
    provider.on('status', ({ status }) => {
        if (s !== session) return;
        if (status === 'connected') send('status', { state: s.joined ? 'live' : 'connecting' });
        else if (status === 'disconnected' && !s.ended) send('status', { state: 'offline' });
    });
    provider.on('connection-close', (event) => {
        if (s !== session || !event) return;
        if (event.code === CLOSE_ENDED) {
            s.ended = true;
            provider.shouldConnect = false;
            send('status', { state: 'ended' });
        }
    });
    provider.on('connection-error', () => {
        if (s !== session || s.synced) return;
        probeRefusal(s);
    });
    provider.awareness.on('change', () => {
        if (s === session) send('people', peopleOf(provider.awareness));
    });
    send('people', peopleOf(provider.awareness));   // this editor is there before anyone else is heard
    fetchLink(s);
    return true;
}

// The server refuses a wrong key or an ended room before the websocket opens;
// the browser only says "error", so ask the server why, once.
async function probeRefusal(s) {
    if (s.probed) return;
    s.probed = true;
    try {
        const r = await fetch(apiBase(s) + 'rooms/' + encodeURIComponent(s.room) + '/link?key=' + encodeURIComponent(s.key));
        if (s !== session) return;
        if (r.status === 401 || r.status === 404 || r.status === 410) {
            s.provider.shouldConnect = false;
            s.provider.disconnect();
            send('status', { state: r.status === 410 ? 'ended' : 'refused', reason: r.status === 401 ? 'key' : r.status === 404 ? 'room' : 'ended' });
            return;
        }
    } catch (err) { /* offline: the provider keeps trying */ }
    s.probed = false;
}

function apiBase(s) {
    const url = new URL(s && s.server ? s.server : location.href);
    return url.origin + '/api/';
}

async function fetchLink(s) {
    try {
        const r = await fetch(apiBase(s) + 'rooms/' + encodeURIComponent(s.room) + '/link?key=' + encodeURIComponent(s.key));
        if (s !== session || !r.ok) return;
        send('link', await r.json());
    } catch (err) { /* shown once the server answers */ }
}

export function publish(json) {
    if (!session || !session.joined) return;
    applyLocalChanges(session.doc, JSON.parse(json));
}

export function setSelection(ids) {
    if (session) session.provider.awareness.setLocalStateField('selection', ids);
}

export function setUser(name, colour) {
    if (session) session.provider.awareness.setLocalStateField('user', { name, colour });
}

export function leave() {
    if (!session) return;
    const s = session;
    session = null;
    s.provider.awareness.setLocalState(null);
    s.provider.destroy();
    s.doc.destroy();
}

export async function end() {
    if (!session || !session.owner) return false;
    const s = session;
    flushLocal();
    const r = await fetch(apiBase(s) + 'rooms/' + encodeURIComponent(s.room) + '/end', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ owner: s.owner }),
    });
    return r.ok;
}

export async function create(title) {
    const r = await fetch(apiBase(null) + 'rooms', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
    });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(body.error || 'HTTP ' + r.status);
    return body;
}

// For tests and the benchmark (window.JMRoom.debugState()): the document's state.
export function debugState() {
    if (!session) return null;
    return { synced: session.synced, joined: session.joined, connected: session.provider.wsconnected, snapshot: snapshot(session.doc) };
}
