// Small pure helpers of the room benchmark: percentiles, number formats, a
// canonical JSON text that compares two documents whatever order their keys
// arrived in, and the first place where two JSON values differ.

// p in [0, 100]; nearest-rank on a sorted copy. null for no samples.
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function latencySummary(values) {
  return { count: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: percentile(values, 100) };
}

export const ms = (x) => (x === null || x === undefined ? "-" : `${Math.round(x)} ms`);
export const mib = (bytes) => (bytes === null || bytes === undefined ? "-" : `${(bytes / 1048576).toFixed(1)} MiB`);
export const count = (n) => Number(n).toLocaleString("en-US");

// A JSON value with every object's keys sorted, as text: two Y.Docs that hold
// the same content give the same text, even though a Y.Map lists its keys in
// the order its updates were integrated (which differs from peer to peer).
export function canonicalJSON(value) {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
  return out;
}

// The path and both values of the first difference between a and b (plain
// JSON values), or null when they are equal. Names the card or stage by id
// where it can, so a report says which entity went wrong.
export function firstDifference(a, b, path = "$") {
  if (a === b) return null;
  const kind = (v) => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v);
  if (kind(a) !== kind(b)) return { path, a: brief(a), b: brief(b) };
  if (kind(a) === "array") {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const name = a[i]?.id ?? b[i]?.id;
      const d = firstDifference(a[i], b[i], `${path}[${i}${name ? ` id=${name}` : ""}]`);
      if (d) return d;
    }
    return null;
  }
  if (kind(a) === "object") {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const d = firstDifference(a[key], b[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return { path, a: brief(a), b: brief(b) };
}

function brief(v) {
  const text = JSON.stringify(v) ?? "undefined";
  return text.length > 120 ? text.slice(0, 117) + "..." : text;
}
