// This machine's addresses, the links participants open, and their QR codes.
import { networkInterfaces } from "node:os";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const QRCode = require("qrcode");

// Node 18.0-18.3 reported the family as a number.
const isIPv4 = (a) => a.family === "IPv4" || a.family === 4;

// Non-internal IPv4 addresses: the ones the room's network can reach.
export function lanAddresses() {
  const found = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (isIPv4(a) && !a.internal) found.push(a.address);
  }
  return found;
}

// "::ffff:192.168.1.20" (an IPv4 peer on a dual-stack socket) -> "192.168.1.20".
export function plainAddress(address) {
  const text = String(address ?? "");
  return text.startsWith("::ffff:") ? text.slice(7) : text;
}

export function isLoopback(address) {
  const a = plainAddress(address);
  return a === "::1" || a.startsWith("127.");
}

// Loopback or any address of this machine's own interfaces: the request comes
// from the facilitator's laptop itself, not from a participant. Read afresh on
// each call because a laptop's addresses change (Wi-Fi, DHCP).
export function isThisMachine(address) {
  if (isLoopback(address)) return true;
  const a = plainAddress(address);
  return Object.values(networkInterfaces()).some((list) => (list ?? []).some((i) => plainAddress(i.address) === a));
}

function isWildcard(host) {
  return host === "0.0.0.0" || host === "::" || host === "";
}

// The host names that go into links, the best first: --public-host, else the
// address the server is bound to when it is a specific one, else the LAN
// addresses, else loopback (a machine with no network: links work only here).
export function linkHosts({ host, publicHost }) {
  if (publicHost) return [publicHost, ...lanAddresses().filter((a) => a !== publicHost)];
  if (!isWildcard(host)) return [host];
  const lan = lanAddresses();
  return lan.length > 0 ? lan : ["127.0.0.1"];
}

const hostInUrl = (host) => (host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);

export function baseUrls(options, port) {
  return linkHosts(options).map((h) => `http://${hostInUrl(h)}:${port}/`);
}

export function joinUrl(base, room, key) {
  return `${base}?room=${encodeURIComponent(room)}#key=${encodeURIComponent(key)}`;
}

export function facilitatorUrl(base, room, key, owner) {
  return `${joinUrl(base, room, key)}&owner=${encodeURIComponent(owner)}`;
}

// The QR code's module matrix for the editor to draw: size and size*size '0'/'1'.
export function qrMatrix(text) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  let bits = "";
  for (const m of modules.data) bits += m ? "1" : "0";
  return { size: modules.size, modules: bits };
}

export function qrForTerminal(text) {
  return QRCode.toString(text, { type: "terminal", small: true, errorCorrectionLevel: "M" });
}
