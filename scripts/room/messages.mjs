// A check of y-websocket messages before they reach y-websocket's handler. That
// handler catches what it cannot decode, but prints a stack for each bad message
// and may have applied part of it; this check turns a broken or hostile peer's
// message into one log line and a closed connection.
//
// The messages (y-websocket 1.5 / y-protocols 1.0):
//   [varUint 0 = sync] [varUint 0 step1 | 1 step2 | 2 update] [varUint8Array state vector | update]
//   [varUint 1 = awareness] [varUint8Array: varUint count, count x (varUint client, varUint clock, varString JSON)]
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// The same CommonJS copies y-websocket's server uses.
const Y = require("yjs");
const decoding = require("lib0/dist/decoding.cjs");

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP1 = 0;

function checkSync(decoder) {
  const step = decoding.readVarUint(decoder);
  if (step > 2) return `unknown sync step ${step}`;
  const payload = decoding.readVarUint8Array(decoder);
  if (step === SYNC_STEP1) Y.decodeStateVector(payload);
  else Y.decodeUpdate(payload);
  return null;
}

function checkAwareness(decoder) {
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const count = decoding.readVarUint(update);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(update);   // client id
    decoding.readVarUint(update);   // clock
    JSON.parse(decoding.readVarString(update));
  }
  return null;
}

// null when the message decodes, else what is wrong with it.
export function messageProblem(bytes) {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) return checkSync(decoder);
    if (type === MESSAGE_AWARENESS) return checkAwareness(decoder);
    return `unknown message type ${type}`;
  } catch (err) {
    return `undecodable: ${String(err.message ?? err).slice(0, 80)}`;
  }
}
