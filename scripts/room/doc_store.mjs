// Each room's Y.Doc on disk, in two files:
//   <id>.ydoc  the whole document, compacted (Y.encodeStateAsUpdate), replaced atomically;
//   <id>.log   every update since, appended as it arrives: 4-byte little-endian
//              length + the update's bytes.
// An update is written to the log synchronously, before the server sends it on,
// so a server killed at any moment (even SIGKILL) restarts with everything it
// passed to anyone. A record cut short by a crash is dropped and cut off the log.
// Applying an update twice changes nothing in Yjs, so a crash between replacing
// the .ydoc and emptying the log only replays updates already in the .ydoc.
import fs from "node:fs";
import { join } from "node:path";
import { readFileIfExists, writeFileAtomic } from "./files.mjs";

const HEADER = 4;
export const COMPACT_BYTES = 1024 * 1024;
export const COMPACT_RECORDS = 500;

// The complete records of a log, and where the last complete one ends.
export function readLogRecords(bytes) {
  const records = [];
  let at = 0;
  while (at + HEADER <= bytes.length) {
    const length = bytes.readUInt32LE(at);
    if (at + HEADER + length > bytes.length) break;
    records.push(bytes.subarray(at + HEADER, at + HEADER + length));
    at += HEADER + length;
  }
  return { records, end: at };
}

function logRecord(update) {
  const record = Buffer.allocUnsafe(HEADER + update.length);
  record.writeUInt32LE(update.length, 0);
  record.set(update, HEADER);
  return record;
}

export class DocStore {
  // Y: the yjs module the docs were made with (y-websocket's CommonJS copy).
  constructor({ dir, Y, log }) {
    this.dir = dir;
    this.Y = Y;
    this.log = log;
    this.bound = new Map();   // room id -> { doc, fd, records, bytes, compactQueued }
  }

  paths(id) {
    return { state: join(this.dir, `${id}.ydoc`), log: join(this.dir, `${id}.log`) };
  }

  // The room's state before anyone connects (a seeded room).
  writeInitialState(id, update) {
    const { state, log } = this.paths(id);
    writeFileAtomic(state, update);
    fs.rmSync(log, { force: true });
  }

  // Applies what is on disk to `doc`. Returns how many bytes of the log are whole records.
  loadInto(id, doc) {
    const { state, log } = this.paths(id);
    const compacted = readFileIfExists(state);
    if (compacted && compacted.length > 0) this.Y.applyUpdate(doc, compacted, "disk");
    const logged = readFileIfExists(log) ?? Buffer.alloc(0);
    const { records, end } = readLogRecords(logged);
    for (const update of records) {
      try {
        this.Y.applyUpdate(doc, update, "disk");
      } catch (err) {
        this.log(`room ${id}: persistence error: a logged update does not apply (${err.message}); skipped`);
      }
    }
    return { records: records.length, end, size: logged.length };
  }

  // setPersistence's bindState: called (synchronously) when a room's doc is created
  // for its first peer, before the server sends that peer anything.
  bindState(id, doc) {
    this.release(id);   // a doc left bound by a failed connection: save it, start afresh
    const { log } = this.paths(id);
    const loaded = this.loadInto(id, doc);
    if (loaded.end < loaded.size) {
      this.log(`room ${id}: dropped ${loaded.size - loaded.end} bytes of a log record cut short by a crash`);
      fs.truncateSync(log, loaded.end);
    }
    const binding = { doc, fd: fs.openSync(log, "a", 0o600), records: loaded.records, bytes: loaded.end, compactQueued: false };
    binding.onUpdate = (update, origin) => this.append(id, binding, update);
    doc.on("update", binding.onUpdate);
    this.bound.set(id, binding);
  }

  append(id, binding, update) {
    const record = logRecord(update);
    try {
      const written = fs.writeSync(binding.fd, record);
      if (written !== record.length) throw new Error(`wrote ${written} of ${record.length} bytes (disk full?)`);
      binding.records += 1;
      binding.bytes += record.length;
    } catch (err) {
      this.log(`room ${id}: persistence error: ${err.message}`);
      this.cutPartialRecord(id, binding);
      return;
    }
    if (binding.bytes > COMPACT_BYTES || binding.records > COMPACT_RECORDS) this.queueCompaction(id, binding);
  }

  // A record written in part would swallow the records after it: the log goes back to its last whole record.
  cutPartialRecord(id, binding) {
    try {
      fs.ftruncateSync(binding.fd, binding.bytes);
    } catch (err) {
      this.log(`room ${id}: persistence error: cannot cut the log back to its last whole record: ${err.message}`);
    }
  }

  // Later, not inside the update event: the update is on disk already, and one
  // compaction then covers every update of the same burst.
  queueCompaction(id, binding) {
    if (binding.compactQueued) return;
    binding.compactQueued = true;
    setImmediate(() => {
      binding.compactQueued = false;
      if (this.bound.get(id) === binding) this.compact(id);
    });
  }

  // The whole state to .ydoc (atomically), then the log emptied.
  compact(id) {
    const binding = this.bound.get(id);
    if (!binding || binding.records === 0) return;
    try {
      writeFileAtomic(this.paths(id).state, this.Y.encodeStateAsUpdate(binding.doc));
      fs.ftruncateSync(binding.fd, 0);
      binding.records = 0;
      binding.bytes = 0;
    } catch (err) {
      this.log(`room ${id}: persistence error while compacting: ${err.message}`);
    }
  }

  // setPersistence's writeState: the last peer left; y-websocket destroys the doc after.
  async writeState(id) {
    this.release(id);
  }

  release(id) {
    const binding = this.bound.get(id);
    if (!binding) return;
    this.compact(id);
    binding.doc.off("update", binding.onUpdate);
    fs.closeSync(binding.fd);
    this.bound.delete(id);
  }

  flushAll() {
    for (const id of [...this.bound.keys()]) this.compact(id);
  }

  // The room's document as one update: from memory when it is open, else from disk.
  stateOf(id) {
    const binding = this.bound.get(id);
    if (binding) return this.Y.encodeStateAsUpdate(binding.doc);
    const doc = new this.Y.Doc();
    try {
      this.loadInto(id, doc);
      return this.Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }
}
