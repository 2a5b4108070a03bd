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

  function call(name, ...args) {
    const m = JM.module;
    const n = JM.cString(name);
    const a = JM.cString(JSON.stringify(args));
    const p = m._jm_api(n, a);
    const out = m.UTF8ToString(p);
    m._free(n);
    m._free(a);
    m._free(p);
    JM.wake();
    return JSON.parse(out);
  }
  JM.call = call;

  // Names of the functions App::api_call answers; each becomes journeymap.<name>.
  const FUNCTIONS = [
    "loadJSON", "exportJSON", "newMap", "undo", "redo", "canUndo", "canRedo",
    "listMaps", "openMap", "deleteMap", "currentMapId", "saveState",
    "metrics", "importMermaid", "exportMermaid", "importCSV", "exportCSV",
    "version", "title", "_display", "_selection", "_view", "_viewAs",
  ];

  JM.exposeApi = function () {
    const api = {};
    for (const name of FUNCTIONS) api[name] = (...args) => call(name, ...args);
    // Test support: the widgets of the last frame (see tests/e2e/harness.mjs).
    api._testItems = () => JSON.parse(JM.testItemsJson || "[]");
    api._frame = () => JM.testFrame;
    api._framesDrawn = () => JM.framesDrawn;
    window.journeymap = api;
    JM.resolveReady(api);
  };
})();
