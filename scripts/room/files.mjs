// Small file helpers for the room store: whole files replaced atomically.
import fs from "node:fs";
import { dirname } from "node:path";

// Makes the rename itself durable (a power cut right after it keeps the new file).
function syncDirectory(dir) {
  let fd = -1;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename has happened anyway.
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

// Writes to a temporary file, fsyncs it and renames it over `path`: a crash at any
// moment leaves either the old file or the new one, never half of one.
export function writeFileAtomic(path, data) {
  const temp = `${path}.tmp`;
  const fd = fs.openSync(temp, "w", 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, path);
  syncDirectory(dirname(path));
}

export function readFileIfExists(path) {
  try {
    return fs.readFileSync(path);
  } catch (err) {
    if (err.code === "ENOENT") return null;
    throw err;
  }
}
