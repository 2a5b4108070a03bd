// Checks assets/schema/journeymap.schema.json against the map files the project
// ships and tests with, so that the schema and the C++ loader stay in step:
//   - every template and every tests/data/valid file is accepted (version 2);
//   - every tests/data/v1 file is accepted (version 1, still read);
//   - the expected upgrade of every version 0 example (tests/data/v0/*.v1.json, *.v2.json) is accepted;
//   - every tests/data/invalid file is rejected, except xref-* files, which are
//     invalid only through cross-references (unique ids, persona references)
//     that JSON Schema cannot express: the schema must accept those.
// Run from the repository root: node tests/schema/validate_files.mjs
// Prints one line per file and, last, "N passed, M failed"; exits 1 on any failure.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const SCHEMA = "assets/schema/journeymap.schema.json";

function jsonFiles(dir, filter = () => true) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json") && filter(name))
    .sort()
    .map((name) => join(dir, name));
}

// The parsed file, or the reason it is not JSON (which counts as rejected).
function parse(path) {
  try {
    return { doc: JSON.parse(readFileSync(path, "utf8")) };
  } catch (e) {
    return { error: `not JSON: ${e.message}` };
  }
}

function describeErrors(errors) {
  return errors
    .slice(0, 3)
    .map((e) => `${e.instancePath || "(document)"} ${e.message}`)
    .join("; ");
}

function main() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, "utf8")));

  // [path, expectation]: "accept" or "reject"
  const cases = [
    ...jsonFiles("assets/templates").map((p) => [p, "accept"]),
    ...jsonFiles("tests/data/valid").map((p) => [p, "accept"]),
    ...jsonFiles("tests/data/v1").map((p) => [p, "accept"]),
    ...jsonFiles("tests/data/v0", (n) => n.endsWith(".v1.json") || n.endsWith(".v2.json")).map((p) => [p, "accept"]),
    ...jsonFiles("tests/data/invalid").map((p) => [p, p.split("/").pop().startsWith("xref-") ? "accept" : "reject"]),
  ];

  let passed = 0;
  let failed = 0;
  for (const [path, expected] of cases) {
    const { doc, error } = parse(path);
    const accepted = error === undefined && validate(doc);
    const why = error ?? (accepted ? "" : describeErrors(validate.errors));
    const ok = (expected === "accept") === accepted;
    if (ok) passed++;
    else failed++;
    const verdict = accepted ? "accepted" : `rejected (${why})`;
    console.log(`${ok ? "ok  " : "FAIL"} ${path}: ${verdict}${ok ? "" : `, expected ${expected}ed`}`);
  }
  if (cases.length === 0) {
    console.log(`FAIL no map files found: run from the repository root`);
    failed++;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main();
