// window.journeymap: the JavaScript API, for tests, automation and embedding.
// Each function takes and returns JSON-compatible values; the work happens in
// C++ (App::api_call). window.journeymapReady resolves once it is usable.
"use strict";
(function () {
  window.journeymapReady = new Promise((resolve, reject) => {
    JM.resolveReady = resolve;
    JM.rejectReady = reject;
  });
  window.journeymapReady.catch(() => { /* shown in the page by boot.js */ });

  // Functions that only read: calling them draws no frame, so a page (or a
  // test waiting for a state) can poll them without keeping the editor busy.
  const READ_ONLY = new Set([
    "exportJSON", "canUndo", "canRedo", "listMaps", "currentMapId", "saveState", "metrics",
    "exportMermaid", "exportCSV", "version", "title", "_display", "_selection", "_view", "_viewAs", "_presentation", "_cardLayout", "_merge", "_share",
    "compareState", "roomState",
  ]);

  function call(name, ...args) {
    const m = JM.module;
    const n = JM.cString(name);
    const a = JM.cString(JSON.stringify(args));
    const p = m._jm_api(n, a);
    const out = m.UTF8ToString(p);
    m._free(n);
    m._free(a);
    m._free(p);
    if (!READ_ONLY.has(name)) JM.wake();
    return JSON.parse(out);
  }
  JM.call = call;

  // loadJSON(text): the text goes into the wasm heap once, as UTF-8 written by
  // TextEncoder.encodeInto straight into a malloc'ed buffer, and C++ reads it in
  // place. The general path would JSON.stringify it, copy that string into the
  // heap, parse the JSON array and copy the text out again: four passes over a
  // map of 11 MB. A text that is not a string, or not well-formed UTF-16 (a lone
  // surrogate, which TextEncoder would silently replace), takes the general path,
  // so that its answer stays exactly what it was.
  const encoder = new TextEncoder();
  function loadJSON(text, ...rest) {
    const m = JM.module;
    const wellFormed = typeof text === "string" && (text.isWellFormed ? text.isWellFormed() : !/[\uD800-\uDFFF]/.test(text));
    if (!wellFormed) return call("loadJSON", text, ...rest);
    const capacity = text.length * 3 + 1;   // UTF-8 takes at most 3 bytes per UTF-16 code unit
    const p = m._malloc(capacity);
    if (!p) return call("loadJSON", text, ...rest);
    try {
      const { written } = encoder.encodeInto(text, m.HEAPU8.subarray(p, p + capacity));
      return call("_loadJSONBytes", p, written);
    } finally {
      m._free(p);
    }
  }

  // Names of the functions App::api_call answers; each becomes journeymap.<name>.
  const FUNCTIONS = [
    "loadJSON", "exportJSON", "newMap", "undo", "redo", "canUndo", "canRedo",
    "listMaps", "openMap", "deleteMap", "currentMapId", "saveState",
    "metrics", "importMermaid", "exportMermaid", "importCSV", "exportCSV",
    "version", "title", "_display", "_selection", "_view", "_viewAs", "_presentation", "_cardLayout", "_merge", "_share",
    "compareWith", "endCompare", "compareState", "roomState",
  ];

  JM.exposeApi = function () {
    const api = {};
    for (const name of FUNCTIONS) api[name] = (...args) => call(name, ...args);
    api.loadJSON = loadJSON;
    // shareLink(): the open map's share link, made and copied as File > Copy share
    // link does (compressing is asynchronous): a promise of {ok, url, length, copied},
    // or {ok: false, tooLarge, length, limit} / {ok: false, error} (web/share_link.js).
    api.shareLink = () => {
      const started = call("_shareLink");
      return started.request ? JM.share.wait(started.request) : Promise.resolve(started);
    };
    // Test support (see tests/e2e/harness.mjs): the widgets of the last frame;
    // whether the editor is idle (everything that happened is drawn and settled,
    // see JM.idle in input.js) and why not; whether a frame is scheduled at all;
    // and the text a frame draws, window by window: a promise of
    // [{window, text}] for the next frame (test builds only).
    api._testItems = () => JSON.parse(JM.testItemsJson || "[]");
    api._frame = () => JM.testFrame;
    api._framesDrawn = () => JM.framesDrawn;
    api._idle = () => JM.idle();
    api._idleState = () => JM.idleState();
    api._frameScheduled = () => JM.frameScheduled();
    api._readText = () => new Promise((resolve) => {
      (JM.testTextWaiters = JM.testTextWaiters || []).push(resolve);
      JM.testTextWanted = true;
      JM.requestFrame();
    });
    window.journeymap = api;
    JM.resolveReady(api);
  };
})();
