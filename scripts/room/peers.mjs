// The connections of the rooms. Each websocket is handed to y-websocket through
// a PeerConnection, which is what y-websocket's setupWSConnection uses as its
// connection (on 'message' / 'close' / 'pong', send, ping, close, readyState), so
// that the server can:
//   - count every message's bytes both ways (the benchmark's figures);
//   - drop a message that does not decode, and close that peer, before
//     y-websocket sees it (see messages.mjs);
//   - hold what y-websocket sends while it handles one message and send it after:
//     an update reaches the room log (doc_store.mjs, on the doc's 'update' event)
//     before any peer, the sender included, hears of it.
import { EventEmitter } from "node:events";
import { messageProblem } from "./messages.mjs";

const OPEN = 1;   // WebSocket.OPEN
export const CLOSE_BAD_MESSAGE = 1007;
export const CLOSE_TOO_BIG = 1009;

export class Relay {
  constructor({ log, maxMessage }) {
    this.log = log;
    this.maxMessage = maxMessage;
    this.stats = { bytesIn: 0, bytesOut: 0, messagesIn: 0, messagesOut: 0, badMessages: 0, oversizedMessages: 0 };
    this.holding = 0;
    this.held = [];
  }

  connection(ws, peerInfo) {
    return new PeerConnection(this, ws, peerInfo);
  }

  // Runs `handle` with every send held until it returns.
  withSendsHeld(handle) {
    this.holding += 1;
    try {
      handle();
    } finally {
      this.holding -= 1;
      if (this.holding === 0) this.sendHeld();
    }
  }

  sendHeld() {
    const held = this.held;
    this.held = [];
    for (const { peer, message, done } of held) peer.sendNow(message, done);
  }

  badMessage(peer, problem) {
    this.stats.badMessages += 1;
    this.log(`room ${peer.room}: dropped a bad message from ${peer.address} (${problem}); closed that connection`);
    peer.close(CLOSE_BAD_MESSAGE, "bad message");
  }

  socketError(peer, err) {
    if (err.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") {
      this.stats.oversizedMessages += 1;
      this.log(`room ${peer.room}: closed a connection from ${peer.address}: message over ${this.maxMessage} bytes (${CLOSE_TOO_BIG})`);
    } else {
      this.log(`room ${peer.room}: connection error from ${peer.address}: ${err.message}`);
    }
  }
}

class PeerConnection extends EventEmitter {
  constructor(relay, ws, { room, address }) {
    super();
    this.relay = relay;
    this.ws = ws;
    this.room = room;
    this.address = address;
    ws.binaryType = "arraybuffer";
    ws.on("message", (data, isBinary) => this.receive(data, isBinary));
    ws.on("close", (code, reason) => this.emit("close", code, reason));
    ws.on("pong", () => this.emit("pong"));
    // Without a listener, ws's 'error' (an oversized message, a broken frame) would be thrown.
    ws.on("error", (err) => relay.socketError(this, err));
  }

  // y-websocket sets this to 'arraybuffer'; the websocket already delivers ArrayBuffers.
  set binaryType(_value) {}
  get binaryType() { return this.ws.binaryType; }
  get readyState() { return this.ws.readyState; }

  ping() { this.ws.ping(); }
  close(code, reason) { this.ws.close(code, reason); }

  send(message, done) {
    if (this.relay.holding > 0) this.relay.held.push({ peer: this, message, done });
    else this.sendNow(message, done);
  }

  sendNow(message, done) {
    this.relay.stats.bytesOut += message.byteLength;
    this.relay.stats.messagesOut += 1;
    this.ws.send(message, done);
  }

  receive(data, isBinary) {
    const stats = this.relay.stats;
    stats.bytesIn += data.byteLength;
    stats.messagesIn += 1;
    if (this.ws.readyState !== OPEN) return;   // closing (a bad message before): the rest is not read
    const problem = isBinary ? messageProblem(new Uint8Array(data)) : "a text message";
    if (problem) {
      this.relay.badMessage(this, problem);
      return;
    }
    this.relay.withSendsHeld(() => this.emit("message", data));
  }
}
