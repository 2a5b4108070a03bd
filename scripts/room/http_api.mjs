// The room server's HTTP API (JSON; errors as {error} with a status):
//   GET  /api/room-server                 -> {server, version, links}: "this editor was served by a room server"
//   GET  /api/room-server/stats           -> resource figures (loopback only)
//   POST /api/rooms {title}               -> 201 {room, key, owner, joinUrl, qr} (this machine only)
//   GET  /api/rooms/<id>/link?key=K       -> {joinUrl, qr}
//   POST /api/rooms/<id>/end {owner}      -> {room, ended: true}
//   GET  /api/rooms/<id>/state?key=K      -> the document as one Yjs update (application/octet-stream)
import { isLoopback, isThisMachine, plainAddress } from "./network.mjs";

export const BODY_LIMIT = 64 * 1024;

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function sendJson(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...(status === 413 ? { connection: "close" } : {}),
  });
  res.end(body);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        // Stop keeping it but let it drain, so the 413 reaches the client.
        req.removeAllListeners("data");
        req.resume();
        reject(new HttpError(413, `request body over ${BODY_LIMIT} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function readJsonObject(req) {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > BODY_LIMIT) throw new HttpError(413, `request body over ${BODY_LIMIT} bytes`);
  const text = await readBody(req);
  if (text.trim() === "") return {};
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, "the body is not JSON");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new HttpError(400, "the body is not a JSON object");
  return value;
}

// A page from another site may POST to this server from the facilitator's own
// browser; browsers name that site in Origin, which then differs from Host.
function checkSameOrigin(req) {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host = null;
  try {
    host = new URL(origin).host;
  } catch { /* "null" or garbage: refused below */ }
  if (host !== req.headers.host) throw new HttpError(403, "rooms are created from the editor this server serves");
}

export function createApi({ registry, store, rooms, links, stats, log }) {
  const roomOf = (id) => {
    const record = registry.get(id);
    if (!record) throw new HttpError(404, "no such room");
    return record;
  };
  const withKey = (record, url) => {
    if (!registry.keyMatches(record, url.searchParams.get("key"))) throw new HttpError(401, "wrong or missing room key");
    return record;
  };

  const routes = {
    "GET /api/room-server": () => ({ server: "journeymap-room", version: 1, links: links.bases() }),

    "GET /api/room-server/stats": ({ req }) => {
      if (!isLoopback(req.socket.remoteAddress)) throw new HttpError(403, "figures are for this machine only");
      return stats();
    },

    "POST /api/rooms": async ({ req }) => {
      if (!isThisMachine(req.socket.remoteAddress)) throw new HttpError(403, "rooms are created on the facilitator's machine");
      checkSameOrigin(req);
      const body = await readJsonObject(req);
      const { record, key, owner } = rooms.create(body.title);
      const joinUrl = links.join(record.id, key);
      return [201, { room: record.id, key, owner, joinUrl, qr: links.qr(joinUrl) }];
    },

    "GET /api/rooms/:id/link": ({ id, url }) => {
      const record = withKey(roomOf(id), url);
      if (record.ended) throw new HttpError(410, "the room has ended");
      const joinUrl = links.join(record.id, url.searchParams.get("key"));
      return { joinUrl, qr: links.qr(joinUrl) };
    },

    "POST /api/rooms/:id/end": async ({ req, id }) => {
      const record = roomOf(id);
      const body = await readJsonObject(req);
      if (!registry.ownerMatches(record, body.owner)) throw new HttpError(403, "only the facilitator can end the room");
      rooms.end(record, plainAddress(req.socket.remoteAddress));
      return { room: record.id, ended: true };
    },

    "GET /api/rooms/:id/state": ({ id, url, res }) => {
      const record = withKey(roomOf(id), url);
      const update = store.stateOf(record.id);
      res.writeHead(200, {
        "content-type": "application/octet-stream", "content-length": update.byteLength, "cache-control": "no-store",
      });
      res.end(Buffer.from(update.buffer, update.byteOffset, update.byteLength));
      return undefined;
    },
  };

  // "/api/rooms/abc/end" -> route "/api/rooms/:id/end" with id "abc".
  function match(method, path) {
    const room = /^\/api\/rooms\/([^/]+)\/([a-z]+)$/.exec(path);
    const pattern = room ? `/api/rooms/:id/${room[2]}` : path;
    const handler = routes[`${method} ${pattern}`];
    if (handler) return { handler, id: room ? room[1] : null };
    const known = Object.keys(routes).some((r) => r.endsWith(` ${pattern}`));
    throw new HttpError(known ? 405 : 404, known ? `${method} not allowed here` : "no such API");
  }

  // Answers an /api/ request; false for every other path (the static site's).
  return async function handleApi(req, res, url) {
    if (!url.pathname.startsWith("/api/")) return false;
    try {
      const { handler, id } = match(req.method, url.pathname);
      const answer = await handler({ req, res, url, id });
      if (answer === undefined) return true;
      const [status, value] = Array.isArray(answer) ? answer : [200, answer];
      sendJson(res, status, value);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) log(`api: ${req.method} ${url.pathname}: ${err.stack ?? err}`);
      if (!res.headersSent) sendJson(res, status, { error: err.message });
      else res.destroy();
    }
    return true;
  };
}
