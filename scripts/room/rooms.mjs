// The rooms: id, title, created time, ended flag, and the hashes of the room's
// secret (the key in the join link) and of the facilitator's token. Each room is
// <id>.json in the data folder; the secret and the token themselves are never
// stored, only handed out once when the room is created.
import fs from "node:fs";
import { join } from "node:path";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { writeFileAtomic } from "./files.mjs";

const ID_LENGTH = 12;
const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
export const ROOM_ID = /^[0-9a-z]{12}$/;
export const MAX_TITLE = 200;

// 12 base-36 characters, uniformly: bytes >= 252 (7 * 36) are drawn again.
export function newRoomId() {
  let id = "";
  while (id.length < ID_LENGTH) {
    for (const byte of randomBytes(ID_LENGTH * 2)) {
      if (byte < 252 && id.length < ID_LENGTH) id += ID_ALPHABET[byte % 36];
    }
  }
  return id;
}

const newSecret = () => randomBytes(32).toString("base64url");
const sha256 = (text) => createHash("sha256").update(String(text), "utf8").digest();

// Compares digests, not the texts, so the time taken says nothing about the secret.
function matchesHash(given, storedHex) {
  if (typeof given !== "string" || given.length === 0) return false;
  const stored = Buffer.from(storedHex, "hex");
  const digest = sha256(given);
  return stored.length === digest.length && timingSafeEqual(stored, digest);
}

function isRoomRecord(r) {
  return r && typeof r === "object" && typeof r.id === "string" && ROOM_ID.test(r.id) &&
    typeof r.title === "string" && typeof r.created === "string" && typeof r.ended === "boolean" &&
    /^[0-9a-f]{64}$/.test(r.secretHash) && /^[0-9a-f]{64}$/.test(r.ownerHash);
}

export function cleanTitle(title) {
  const text = typeof title === "string" ? title.replace(/[\u0000-\u001f\u007f]/g, " ").trim() : "";
  return (text || "Live session").slice(0, MAX_TITLE);
}

export class RoomRegistry {
  constructor(dir, log) {
    this.dir = dir;
    this.log = log;
    this.rooms = new Map();
  }

  // Reads every <id>.json in the folder; a damaged file is reported and skipped.
  loadAll() {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    for (const name of fs.readdirSync(this.dir)) {
      if (!/^[0-9a-z]{12}\.json$/.test(name)) continue;
      try {
        const record = JSON.parse(fs.readFileSync(join(this.dir, name), "utf8"));
        if (!isRoomRecord(record) || `${record.id}.json` !== name) throw new Error("not a room record");
        this.rooms.set(record.id, record);
      } catch (err) {
        this.log(`room store: skipped ${name}: ${err.message}`);
      }
    }
    return this.rooms.size;
  }

  get(id) {
    return typeof id === "string" && ROOM_ID.test(id) ? this.rooms.get(id) ?? null : null;
  }

  // Returns the record plus the secret and the owner token, which exist only here.
  create(title) {
    let id = newRoomId();
    while (this.rooms.has(id)) id = newRoomId();
    const key = newSecret();
    const owner = newSecret();
    const record = {
      id, title: cleanTitle(title), created: new Date().toISOString(), ended: false,
      secretHash: sha256(key).toString("hex"), ownerHash: sha256(owner).toString("hex"),
    };
    this.save(record);
    this.rooms.set(id, record);
    return { record, key, owner };
  }

  keyMatches(record, key) {
    return matchesHash(key, record.secretHash);
  }

  ownerMatches(record, owner) {
    return matchesHash(owner, record.ownerHash);
  }

  markEnded(record) {
    record.ended = true;
    this.save(record);
  }

  save(record) {
    writeFileAtomic(join(this.dir, `${record.id}.json`), JSON.stringify(record, null, 2) + "\n");
  }

  openCount() {
    let n = 0;
    for (const r of this.rooms.values()) if (!r.ended) n++;
    return n;
  }
}
