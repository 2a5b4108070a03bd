// Starts the editor: checks WebGL2, fetches the fonts while the wasm compiles,
// and shows a plain message instead of a blank canvas when anything fails.
"use strict";
(function () {
  const status = document.getElementById("jm-status");
  const statusText = document.getElementById("jm-status-text");

  function fail(message) {
    status.classList.remove("hidden");
    status.classList.add("error");
    statusText.textContent = message;
    JM.startError = message;
    if (JM.rejectReady) JM.rejectReady(new Error(message));
  }
  JM.fail = fail;

  function hasWebGL2() {
    try { return !!document.createElement("canvas").getContext("webgl2"); } catch (e) { return false; }
  }

  // role: 0 main text, 1 bold headings, 2 CJK fallback (merged), 3 icons (merged)
  const FONTS = [
    ["fonts/Inter-Regular.otf", 0],
    ["fonts/Inter-SemiBold.otf", 1],
    ["fonts/DroidSansFallbackFull.ttf", 2],
    ["fonts/fontawesome-webfont.ttf", 3],
  ];

  // The single-file build (scripts/single_file.py) carries every binary inline.
  function embedded(name) {
    const b64 = window.JM_EMBEDDED && window.JM_EMBEDDED[name];
    if (!b64) return null;
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  async function fetchFont(url) {
    const inline = embedded(url);
    if (inline) return inline;
    const r = await fetch(url);
    if (!r.ok) throw new Error(url + ": HTTP " + r.status);
    return new Uint8Array(await r.arrayBuffer());
  }

  async function start() {
    if (!hasWebGL2()) {
      fail("This editor needs WebGL 2, which this browser or device does not offer. " +
           "Try a current Chrome, Edge, Firefox or Safari, or turn on hardware acceleration.");
      return;
    }
    if (typeof createJourneyMapModule !== "function") {
      fail("The editor's program (journeymap.js) did not load. Reload the page; if you opened the file " +
           "directly, serve the folder over http or use the single-file build.");
      return;
    }
    let module, fonts;
    try {
      [module, fonts] = await Promise.all([
        createJourneyMapModule({
          canvas: document.getElementById("canvas"),
          wasmBinary: embedded("journeymap.wasm") || undefined,
          print: (t) => console.log(t),
          printErr: (t) => console.warn(t),
        }),
        Promise.all(FONTS.map(([url]) => fetchFont(url))),
        JM.storage.ready,   // the library's records, loaded (and migrated) before the session starts; never fails
      ]);
    } catch (e) {
      fail("The editor could not start: " + (e && e.message ? e.message : e) + ". Reload the page to try again.");
      return;
    }
    JM.module = module;
    const size = JM.resize();
    if (!module._jm_start(size.w, size.h, size.dpr)) {
      fail("WebGL 2 could not be started on this canvas. Turn on hardware acceleration and reload.");
      return;
    }
    fonts.forEach((bytes, i) => {
      const p = module._malloc(bytes.length);
      module.HEAPU8.set(bytes, p);
      module._jm_add_font(p, bytes.length, FONTS[i][1]);  // ImGui owns p now
    });
    status.classList.add("hidden");
    JM.startInput();
    JM.exposeApi();
  }

  window.addEventListener("error", (e) => {
    if (!JM.module) fail("The editor could not start: " + e.message);
  });
  start();
})();
