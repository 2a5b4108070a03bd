// JM.storage: where the library and autosave keep maps (src/platform/web/web_storage.cpp
// calls into it). Loaded before the module; boot.js awaits JM.storage.ready before
// the editor starts.
//
// The disk is IndexedDB (database "journeymap"): its quota is a share of the disk,
// not localStorage's 5 MB, and a committed transaction survives a crash. The
// editor's C++ library reads synchronously, so at start every record is loaded
// into an in-memory mirror (key -> UTF-8 bytes); get/has/keys read the mirror,
// set/remove change it at once and join a batch, and each batch becomes one
// readwrite transaction whose outcome (committed, or why not) goes back to C++.
//
// Crash safety: a map has two slots and a head record naming the current one. A
// save writes the slot the head does not name and flips the head in the same
// transaction (with the library index and "last open"), so a crash at any point
// leaves the previous version whole; at start a slot whose size or checksum is
// wrong is passed over for the other one.
//
// Off the frame: a map's bytes are checksummed and copied into a Blob 1 MB per
// task (about 2 ms each), so a 13 MB map never holds the page for long; putting a
// Blob into IndexedDB costs nothing on this thread. When the page is hidden or
// closed, everything still queued is written at once.
//
// Two tabs: a committed batch is announced on a BroadcastChannel; the other tabs
// re-read those keys from disk and tell the editor. Each head carries the
// generation and the tab that wrote it, and a save of a map another tab wrote
// since this tab last read it is refused ("changed in another tab") rather than
// written over it.
//
// When IndexedDB is refused (some browsers on file://, old private modes) the
// mirror is kept in localStorage as before; when that fails too, in memory only.
"use strict";
(function () {
  const DB_NAME = "journeymap";
  const DB_VERSION = 1;
  const STORES = ["heads", "slots", "meta"];
  const MAP_PREFIX = "journeymap:map:";
  const BASE_PREFIX = "journeymap:base:";   // versions of maps kept for merging (Library::store_base)
  const INDEX_KEY = "journeymap:index";
  const LAST_KEY = "journeymap:last";
  const CHANNEL = "journeymap-storage";
  const CONFLICT = "changed in another tab";   // src/platform/platform.h: kStorageConflict
  const NO_STORAGE = "this browser offers no storage here (private mode or disabled)";
  const OPEN_TIMEOUT_MS = 20000;               // IndexedDB that never answers: run from memory
  const CHUNK = 1 << 20;                       // bytes checksummed and copied per task

  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const TAB = Math.random().toString(36).slice(2) + Date.now().toString(36);

  const mirror = new Map();     // key -> Uint8Array (UTF-8)
  const heads = new Map();      // map key -> {slot, gen}: the head as it will be once this tab's writes land
  const seen = new Map();       // map key -> generation of the head this tab last read from disk
  const unwritten = new Set();  // keys whose mirror value is not on disk (a failed or pending write)
  const writes = new Map();     // key -> count of local writes, to tell a stale re-read
  let batch = null;             // writes since the last commit: {ticket, ops: Map key -> bytes|null}
  let nextTicket = 1;
  const queued = [];            // batches committed by the editor, not yet handed to IndexedDB
  let draining = false;
  let db = null;
  let channel = null;

  const S = {
    backend: "memory",       // "indexeddb" | "localstorage" | "memory"
    problem: "",             // why nothing persists ("" when something does)
    persisted: null,         // navigator.storage.persisted(): true, false, or null when unknown
    migration: null,         // {maps, bytes, ms, removed, kept: [{key, why}]} when localStorage held a library
    recovered: [],           // [{key, slot}] maps read from their previous slot: the current one was damaged
    loaded: { records: 0, bytes: 0, ms: 0 },
    // taskMsMax: the longest task a batch's preparation and write took on this thread;
    // prepareMs: all of its preparation; commitMs: from the first task until IndexedDB said committed.
    stats: { batches: 0, committed: 0, failed: 0, conflicts: 0, flushes: 0, taskMsMax: 0, prepareMs: 0, commitMs: 0,
             bytes: 0, persistRequests: 0, persistAnswers: 0 },
  };
  JM.storage = S;

  // ---- small helpers ---------------------------------------------------------

  function reason(e) {
    const name = e && e.name;
    if (name === "QuotaExceededError" || (e && e.code === 22)) return "browser storage is full";
    if (name === "SecurityError" || name === "InvalidAccessError") return "browser storage is disabled";
    return "browser storage failed: " + (e && e.message ? e.message : String(e || "unknown error"));
  }

  // A 32-bit checksum, four bytes at a time; fed in pieces whose lengths are
  // multiples of 4 (all but the last) it gives the same value as in one go.
  const CHECKSUM_START = 0x811c9dc5;
  function checksumPart(h, bytes, from, to) {
    let i = from;
    if ((bytes.byteOffset + from) % 4 === 0) {
      const n = (to - from) >>> 2;
      const words = new Uint32Array(bytes.buffer, bytes.byteOffset + from, n);
      for (let k = 0; k < n; k++) { h = Math.imul(h ^ words[k], 0x5bd1e995); h ^= h >>> 15; }
      i = from + n * 4;
    }
    for (; i < to; i++) { h = Math.imul(h ^ bytes[i], 0x5bd1e995); h ^= h >>> 15; }
    return h;
  }
  const checksum = (bytes) => checksumPart(CHECKSUM_START ^ bytes.length, bytes, 0, bytes.length) >>> 0;

  // Yields to the event loop (input, frames) between two pieces of work.
  const channelForYield = new MessageChannel();
  const yielders = [];
  channelForYield.port1.onmessage = () => { const r = yielders.shift(); if (r) r(); };
  const nextTask = () => new Promise((r) => { yielders.push(r); channelForYield.port2.postMessage(0); });

  // A slot record for `data`: {data: Blob, size, hash}. `sliced`: 1 MB per task.
  async function slotRecord(data, sliced, timing) {
    let h = CHECKSUM_START ^ data.length;
    const parts = [];
    for (let off = 0; off < data.length || off === 0; off += CHUNK) {
      const t = performance.now();
      const end = Math.min(data.length, off + CHUNK);
      h = checksumPart(h, data, off, end);
      parts.push(new Blob([data.subarray(off, end)]));
      if (timing) timing.add(performance.now() - t);
      if (end >= data.length) break;
      if (sliced) await nextTask();
    }
    return { data: parts.length === 1 ? parts[0] : new Blob(parts), size: data.length, hash: h >>> 0 };
  }
  function slotRecordNow(data) {
    const rec = { data: new Blob([data]), size: data.length, hash: checksum(data) };
    return rec;
  }

  // The bytes of a slot record whose size and checksum are right, else null.
  async function wholeBytes(rec) {
    if (!rec || !rec.data) return null;
    let bytes;
    if (rec.data instanceof Uint8Array) bytes = rec.data;
    else if (rec.data instanceof Blob) {
      if (rec.data.size !== rec.size) return null;
      try { bytes = new Uint8Array(await rec.data.arrayBuffer()); } catch (e) { return null; }
    } else return null;
    return bytes.length === rec.size && checksum(bytes) === rec.hash ? bytes : null;
  }
  // Whatever bytes a damaged record still has (shown as a damaged map, never dropped).
  async function anyBytes(rec) {
    if (!rec || !rec.data) return new Uint8Array(0);
    if (rec.data instanceof Uint8Array) return rec.data;
    try { return new Uint8Array(await rec.data.arrayBuffer()); } catch (e) { return new Uint8Array(0); }
  }

  function done(req) {
    return new Promise((ok, fail) => { req.onsuccess = () => ok(req.result); req.onerror = () => fail(req.error); });
  }
  function finished(tx) {
    return new Promise((ok, fail) => {
      tx.oncomplete = () => ok();
      tx.onabort = () => fail(tx.error || new DOMException("transaction aborted", "AbortError"));
    });
  }

  function sameBytes(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  function tellEditor(fn) {
    if (!JM.module) return;
    fn(JM.module);
    if (JM.wake) JM.wake();
  }

  function changedKey(key) {
    tellEditor((m) => {
      const p = JM.cString(key);
      m._jm_storage_changed(p);
      m._free(p);
    });
  }

  // Reads maps and other records in one transaction: for each map its head and
  // both slot records (Blob handles: cheap), for the others their value.
  async function readRecords(keys) {
    const tx = db.transaction(STORES, "readonly");
    const headStore = tx.objectStore("heads"), slotStore = tx.objectStore("slots"), metaStore = tx.objectStore("meta");
    return Promise.all(keys.map(async (key) => {
      if (!key.startsWith(MAP_PREFIX)) return { key, value: await done(metaStore.get(key)) };
      const head = await done(headStore.get(key));
      if (!head) return { key, head: null };
      const [current, other] = await Promise.all([done(slotStore.get([key, head.slot])), done(slotStore.get([key, 1 - head.slot]))]);
      return { key, head, current, other };
    }));
  }

  // A map's bytes: the current slot, or the other one when the current is damaged.
  async function mapBytes(r) {
    const current = await wholeBytes(r.current);
    if (current) return { bytes: current, recovered: false };
    const other = await wholeBytes(r.other);
    if (other) return { bytes: other, recovered: true };
    return { bytes: await anyBytes(r.current), recovered: false };
  }

  const metaBytes = (v) => (v instanceof Uint8Array ? v : encoder.encode(String(v)));

  // ---- opening IndexedDB -----------------------------------------------------

  function openDatabase() {
    return new Promise((ok, fail) => {
      let req, late = false;
      try { req = indexedDB.open(DB_NAME, DB_VERSION); } catch (e) { fail(e); return; }
      const timer = setTimeout(() => { late = true; fail(new Error("browser storage did not answer")); }, OPEN_TIMEOUT_MS);
      req.onupgradeneeded = () => {
        const d = req.result;
        if (!d.objectStoreNames.contains("heads")) d.createObjectStore("heads");   // map key -> {slot, gen, tab, size, hash, time}
        if (!d.objectStoreNames.contains("slots")) d.createObjectStore("slots");   // [map key, 0|1] -> {data: Blob, size, hash}
        if (!d.objectStoreNames.contains("meta")) d.createObjectStore("meta");     // other keys -> bytes
      };
      req.onsuccess = () => { clearTimeout(timer); if (late) req.result.close(); else ok(req.result); };
      req.onerror = () => { clearTimeout(timer); fail(req.error); };
      req.onblocked = () => { /* an older tab holds the database: wait for it (or the timeout) */ };
    });
  }

  // Reads every record into the mirror. A map whose slots are both damaged is
  // still listed (the library shows it as damaged, with its raw text).
  async function loadAll() {
    const t0 = performance.now();
    const tx = db.transaction(STORES, "readonly");
    const [mapKeys, metaKeys] = await Promise.all([done(tx.objectStore("heads").getAllKeys()), done(tx.objectStore("meta").getAllKeys())]);
    const records = await readRecords([...mapKeys, ...metaKeys]);
    let bytes = 0;
    for (const r of records) {
      if (r.key.startsWith(MAP_PREFIX)) {
        if (!r.head) continue;
        const got = await mapBytes(r);
        if (got.recovered) {
          S.recovered.push({ key: r.key, slot: 1 - r.head.slot });
          console.warn("journeymap: the last save of " + r.key + " was damaged; its previous version was loaded");
        }
        mirror.set(r.key, got.bytes);
        heads.set(r.key, { slot: r.head.slot, gen: r.head.gen });
        seen.set(r.key, r.head.gen);
        bytes += got.bytes.length;
      } else if (r.value !== undefined) {
        const v = metaBytes(r.value);
        mirror.set(r.key, v);
        bytes += v.length;
      }
    }
    S.loaded = { records: records.length, bytes, ms: performance.now() - t0 };
  }

  // ---- moving a localStorage library into IndexedDB ----------------------------

  function isEditorKey(k) {
    return k.startsWith(MAP_PREFIX) || k.startsWith(BASE_PREFIX) || k === INDEX_KEY || k === LAST_KEY;
  }

  function legacyKeys(ls) {
    const keys = [];
    for (let i = 0; i < ls.length; i++) {
      const k = ls.key(i);
      if (k && isEditorKey(k)) keys.push(k);
    }
    return keys.sort();
  }

  // Copies the editor's localStorage keys into IndexedDB, reads the copies back,
  // and removes an old key only when its copy holds exactly its text (a damaged
  // map is copied as it is, and listed as damaged). A map IndexedDB already holds
  // with other text is left alone in both places.
  async function migrate() {
    let ls;
    try { ls = window.localStorage; if (!ls) return; } catch (e) { return; }
    const keys = legacyKeys(ls);
    const report = { maps: 0, bytes: 0, ms: 0, removed: 0, kept: [] };
    S.migration = report;
    if (!keys.length) return;
    const t0 = performance.now();
    const items = keys.map((key) => {
      const text = ls.getItem(key);
      return { key, text, data: encoder.encode(text) };
    });

    const tx = db.transaction(STORES, "readwrite", { durability: "strict" });
    const headStore = tx.objectStore("heads"), slotStore = tx.objectStore("slots"), metaStore = tx.objectStore("meta");
    await Promise.all(items.map(async (it) => {
      if (it.key.startsWith(MAP_PREFIX)) {
        if (await done(headStore.get(it.key))) { it.existing = true; return; }
        const rec = slotRecordNow(it.data);
        slotStore.put(rec, [it.key, 0]);
        headStore.put({ slot: 0, gen: 1, tab: TAB, size: rec.size, hash: rec.hash, time: Date.now() }, it.key);
        report.maps++;
      } else {
        if ((await done(metaStore.get(it.key))) !== undefined) { it.existing = true; return; }
        metaStore.put(it.data, it.key);
      }
      report.bytes += it.data.length;
    }));
    try { await finished(tx); } catch (e) {
      report.maps = 0;
      report.kept = items.map((it) => ({ key: it.key, why: "not copied: " + reason(e) }));
      report.ms = performance.now() - t0;
      return;
    }

    // Read every copy back and compare it with the original before removing anything.
    const back = await readRecords(items.map((it) => it.key));
    for (let i = 0; i < items.length; i++) {
      const it = items[i], r = back[i];
      const stored = it.key.startsWith(MAP_PREFIX) ? (r.head ? await wholeBytes(r.current) : null) : r.value;
      it.verified = stored instanceof Uint8Array && sameBytes(stored, it.data) && decoder.decode(stored) === it.text;
    }
    for (const it of items) {
      if (it.verified || (it.existing && !it.key.startsWith(MAP_PREFIX))) {
        // An exact copy; or an old index / "last open" where IndexedDB has its own.
        try { ls.removeItem(it.key); report.removed++; } catch (e) { report.kept.push({ key: it.key, why: reason(e) }); }
      } else {
        report.kept.push({ key: it.key, why: it.existing ? "IndexedDB holds another version" : "the copy differs from the original" });
      }
    }
    report.ms = performance.now() - t0;
  }

  // ---- the localStorage fallback ------------------------------------------------

  function loadFromLocalStorage() {
    const ls = window.localStorage;
    const probe = "journeymap:probe";
    ls.setItem(probe, "1");
    ls.removeItem(probe);
    for (const key of legacyKeys(ls)) mirror.set(key, encoder.encode(ls.getItem(key)));
    window.addEventListener("storage", (e) => {
      if (e.key === null || !isEditorKey(e.key)) return;
      if (e.newValue === null) mirror.delete(e.key); else mirror.set(e.key, encoder.encode(e.newValue));
      unwritten.delete(e.key);
      changedKey(e.key);
    });
  }

  // ---- start ---------------------------------------------------------------------

  async function start() {
    try {
      if (!window.indexedDB) throw new DOMException("IndexedDB is not offered here", "SecurityError");
      db = await openDatabase();
      db.onversionchange = () => { db.close(); db = null; S.problem = "the editor's storage was upgraded in another tab: reload"; };
      const once = (fn) => (navigator.locks && navigator.locks.request)
        ? navigator.locks.request("journeymap-migration", fn) : fn();   // two tabs starting together migrate once
      await once(migrate);
      await loadAll();
      S.backend = "indexeddb";
      if (typeof BroadcastChannel === "function") {
        channel = new BroadcastChannel(CHANNEL);
        channel.onmessage = (e) => otherTabWrote(e.data);
      }
    } catch (e) {
      if (db) { try { db.close(); } catch (e2) { /* closed */ } }
      db = null;
      mirror.clear();
      heads.clear();
      seen.clear();
      S.idbProblem = reason(e);
      try {
        loadFromLocalStorage();
        S.backend = "localstorage";
      } catch (e2) {
        mirror.clear();
        S.backend = "memory";
        S.problem = reason(e2);
      }
    }
    try {
      if (S.backend !== "memory" && navigator.storage && navigator.storage.persisted) S.persisted = await navigator.storage.persisted();
    } catch (e) { /* unknown */ }
    return S;
  }

  // ---- what web_storage.cpp calls -------------------------------------------------

  S.available = () => S.backend !== "memory";
  S.get = (key) => mirror.get(key);
  S.has = (key) => mirror.has(key);
  S.keys = (prefix) => [...mirror.keys()].filter((k) => k.startsWith(prefix)).sort();

  function record(key, data) {
    writes.set(key, (writes.get(key) || 0) + 1);
    unwritten.add(key);
    if (!batch) {
      batch = { ticket: nextTicket++, ops: new Map() };
      queueMicrotask(() => S.commit());   // what the editor did not commit itself goes at the end of this task
    }
    batch.ops.set(key, data);
  }
  S.set = (key, data) => { mirror.set(key, data); record(key, data); return ""; };
  S.remove = (key) => { mirror.delete(key); record(key, null); return ""; };

  // Closes the open batch; returns its ticket (0 if nothing was written). The
  // work starts in a task of its own, off the frame that asked for it.
  S.commit = () => {
    if (!batch) return 0;
    const b = batch;
    batch = null;
    b.seq = new Map([...b.ops.keys()].map((key) => [key, writes.get(key)]));
    b.t0 = performance.now();
    queued.push(b);
    S.stats.batches++;
    if (!draining) { draining = true; nextTask().then(drain); }
    return b.ticket;
  };

  // Prepares and writes queued batches in order, a slice per task.
  async function drain() {
    try {
      while (queued.length) {
        const b = queued[0];
        const timing = taskTimer();
        const prepared = await prepare(b, true, timing);
        if (b.started) continue;       // written meanwhile by a flush
        queued.shift();
        write(b, prepared, timing);
      }
    } finally {
      draining = false;
    }
  }

  // The page is being hidden or closed: write everything queued now, in this task.
  S.drain = () => {
    if (batch) S.commit();
    while (queued.length) {
      const b = queued.shift();
      const timing = taskTimer();
      write(b, prepareNow(b), timing);
    }
  };

  function taskTimer() {
    const t = { max: 0, total: 0, add(ms) { t.max = Math.max(t.max, ms); t.total += ms; } };
    return t;
  }

  // Slot records for a batch's maps: key -> {data: Blob, size, hash}.
  async function prepare(b, sliced, timing) {
    const out = new Map();
    if (S.backend !== "indexeddb") return out;
    for (const [key, data] of b.ops) {
      if (b.started) return out;
      if (data !== null && key.startsWith(MAP_PREFIX)) out.set(key, await slotRecord(data, sliced, timing));
    }
    return out;
  }
  function prepareNow(b) {
    const out = new Map();
    if (S.backend !== "indexeddb") return out;
    for (const [key, data] of b.ops) if (data !== null && key.startsWith(MAP_PREFIX)) out.set(key, slotRecordNow(data));
    return out;
  }

  function report(b, error) {
    if (error) S.stats.failed++; else S.stats.committed++;
    tellEditor((m) => {
      const p = JM.cString(error);
      m._jm_storage_committed(b.ticket, p);
      m._free(p);
    });
  }

  function settled(b) {
    for (const [key] of b.ops) if (writes.get(key) === b.seq.get(key)) unwritten.delete(key);
  }

  function write(b, prepared, timing) {
    b.started = true;
    const t = performance.now();
    if (S.backend === "memory") { setTimeout(() => report(b, NO_STORAGE), 0); return; }
    if (S.backend === "localstorage") {
      let error = "";
      for (const [key, data] of b.ops) {
        try {
          if (data === null) localStorage.removeItem(key); else localStorage.setItem(key, decoder.decode(data));
        } catch (e) { error = reason(e); break; }
      }
      if (!error) settled(b);
      timing.add(performance.now() - t);
      S.stats.taskMsMax = timing.max;
      setTimeout(() => report(b, error), 0);
      return;
    }
    writeIndexedDB(b, prepared, timing, t);
  }

  // One readwrite transaction per batch, every put issued at once (so a write
  // started while the page closes is complete). A guard read of each map's head,
  // answered before the puts run, aborts the transaction when another tab wrote
  // that map since this tab last read it. This tab's transactions run in the
  // order they were made, so slot and generation come from `heads`, which already
  // counts the writes still in flight.
  function writeIndexedDB(b, prepared, timing, t) {
    let tx;
    try {
      if (!db) throw new Error(S.problem || "the database was closed");
      tx = db.transaction(STORES, "readwrite", { durability: "strict" });
    } catch (e) {
      setTimeout(() => report(b, reason(e)), 0);
      return;
    }
    const headStore = tx.objectStore("heads"), slotStore = tx.objectStore("slots"), metaStore = tx.objectStore("meta");
    let conflict = null;
    const newHeads = new Map();   // key -> [head before, head after] (null: none)
    let bytes = 0;
    for (const [key, data] of b.ops) {
      bytes += data ? data.length : 0;
      if (!key.startsWith(MAP_PREFIX)) {
        if (data === null) metaStore.delete(key); else metaStore.put(data, key);
        continue;
      }
      const known = heads.get(key) || null;
      if (data === null) {
        headStore.delete(key);
        slotStore.delete([key, 0]);
        slotStore.delete([key, 1]);
        heads.delete(key);
        newHeads.set(key, [known, null]);
        continue;
      }
      const guard = headStore.get(key);
      guard.onsuccess = () => {
        const head = guard.result;
        if (head && head.tab !== TAB && head.gen !== seen.get(key) && !conflict) {
          conflict = key;
          tx.abort();
        }
      };
      const rec = prepared.get(key) || slotRecordNow(data);
      const slot = known ? 1 - known.slot : 0;
      const gen = (known ? known.gen : 0) + 1;
      slotStore.put(rec, [key, slot]);
      headStore.put({ slot, gen, tab: TAB, size: rec.size, hash: rec.hash, time: Date.now() }, key);
      heads.set(key, { slot, gen });
      newHeads.set(key, [known, { slot, gen }]);
    }
    // No tx.commit(): a guard's abort must still be possible when it answers; the
    // transaction commits by itself once these requests are done.
    timing.add(performance.now() - t);
    S.stats.taskMsMax = timing.max;
    S.stats.prepareMs = timing.total;
    S.stats.bytes = bytes;
    finished(tx).then(() => {
      S.stats.commitMs = performance.now() - b.t0;
      settled(b);
      if (channel) channel.postMessage({ tab: TAB, keys: [...b.ops.keys()] });
      report(b, "");
    }, (e) => {
      // Nothing of this batch is on disk: heads no later write built on go back.
      for (const [key, [before, after]] of newHeads) {
        if (after === null ? heads.has(key) : heads.get(key) !== after) continue;
        if (before) heads.set(key, before); else heads.delete(key);
      }
      if (conflict) {
        S.stats.conflicts++;
        // The disk keeps the other tab's batch: the mirror takes it back for every key of this one.
        reread([...b.ops.keys()]).then(() => { report(b, CONFLICT); changedKey(conflict); },
          () => { report(b, CONFLICT); changedKey(conflict); });
      } else {
        report(b, reason(e));
      }
    });
  }

  // Reads keys another tab committed from disk into the mirror (unless this tab
  // wrote one since); returns the keys that changed.
  async function reread(keys) {
    if (!db) return [];
    const before = new Map(keys.map((k) => [k, writes.get(k)]));
    const records = await readRecords(keys);
    const changed = [];
    for (const r of records) {
      let bytes;
      if (r.key.startsWith(MAP_PREFIX)) bytes = r.head ? (await mapBytes(r)).bytes : undefined;
      else bytes = r.value === undefined ? undefined : metaBytes(r.value);
      if (writes.get(r.key) !== before.get(r.key)) continue;   // this tab wrote it meanwhile: its write lands after
      if (bytes === undefined) mirror.delete(r.key); else mirror.set(r.key, bytes);
      if (r.key.startsWith(MAP_PREFIX)) {
        if (r.head) { heads.set(r.key, { slot: r.head.slot, gen: r.head.gen }); seen.set(r.key, r.head.gen); }
        else { heads.delete(r.key); seen.delete(r.key); }
      }
      unwritten.delete(r.key);
      changed.push(r.key);
    }
    return changed;
  }

  async function otherTabWrote(msg) {
    if (!msg || msg.tab === TAB || !Array.isArray(msg.keys)) return;
    try {
      for (const key of await reread(msg.keys)) changedKey(key);
    } catch (e) {
      console.warn("journeymap: could not read another tab's change: " + reason(e));
    }
  }

  // Asked after the first real save: "keep this site's data when the disk runs low".
  S.requestPersist = () => {
    S.stats.persistRequests++;
    if (!(navigator.storage && navigator.storage.persist) || S.backend === "memory") {
      tellEditor((m) => m._jm_storage_persisted(-1));
      return;
    }
    navigator.storage.persist().then((granted) => {
      S.persisted = !!granted;
      S.stats.persistAnswers++;
      tellEditor((m) => m._jm_storage_persisted(granted ? 1 : 0));
    }, () => tellEditor((m) => m._jm_storage_persisted(-1)));
  };

  // Whether leaving the page now would lose something the editor wrote.
  S.unwritten = () => unwritten.size > 0;

  // Test and diagnostic support: the text of `key` on disk now (not the mirror's).
  S.readDisk = async (key) => {
    if (S.backend === "localstorage") return localStorage.getItem(key);
    if (!db) return null;
    const [r] = await readRecords([key]);
    if (!key.startsWith(MAP_PREFIX)) return r.value === undefined ? null : decoder.decode(metaBytes(r.value));
    return r.head ? decoder.decode((await mapBytes(r)).bytes) : null;
  };
  S.info = () => ({
    backend: S.backend, problem: S.problem, idbProblem: S.idbProblem || "", persisted: S.persisted,
    migration: S.migration, recovered: S.recovered, loaded: S.loaded, stats: { ...S.stats },
    unwritten: [...unwritten], pending: queued.length + (batch ? 1 : 0),
  });

  // A pending autosave is written at once when the page is hidden or closed.
  function flush() {
    S.stats.flushes++;
    if (JM.module && JM.module._jm_storage_flush) JM.module._jm_storage_flush();
    S.drain();
  }
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });
  window.addEventListener("pagehide", flush);

  S.ready = start();
})();
