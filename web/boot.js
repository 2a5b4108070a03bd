// Starts the editor: checks WebGL2, fetches the UI fonts while the wasm compiles
// (the CJK font later, when the editor asks for it), and shows a plain message
// instead of a blank canvas when anything fails.
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

  // --- Fonts by need ---------------------------------------------------------
  // The first frame gets only the UI fonts, cut at build time to Latin, Greek,
  // Cyrillic and the icons the editor uses (CMakeLists.txt, "The static site").
  // The CJK font comes when the editor asks (JM.fonts.request, from C++: the
  // first time Chinese or Japanese text is to be drawn): first its common
  // characters, then, for a character they lack, the whole font. Roles are
  // those of jm_add_font (src/platform/web/web_main.cpp).
  const ROLE = { regular: 0, bold: 1, cjkCommon: 2, icons: 3, cjkFull: 4 };
  const UI_FONTS = [
    ["fonts/Inter-Regular.otf", ROLE.regular],
    ["fonts/Inter-SemiBold.otf", ROLE.bold],
    ["fonts/fontawesome-webfont.ttf", ROLE.icons],
  ];
  const CJK_FONTS = {
    [ROLE.cjkCommon]: "fonts/DroidSansFallback-common.ttf",
    [ROLE.cjkFull]: "fonts/DroidSansFallbackFull.ttf",
  };

  // Hands bytes to the editor, which merges them into its fonts (and frees them).
  function addFont(bytes, role) {
    const m = JM.module;
    const p = m._malloc(bytes.length);
    m.HEAPU8.set(bytes, p);
    m._jm_add_font(p, bytes.length, role);
  }

  // Each CJK step, once: {url, state: "loading" | "merged" | "failed", bytes, and
  // performance.now() times: requested, fetched, merged, drawn (the end of the
  // first frame drawn with it)}.
  const cjk = {};
  let fontsLoading = 0;
  let fontsStarted = false;   // the UI fonts are in: a CJK font merges as soon as it arrives
  const early = [];           // CJK fonts that arrived before

  function requestFont(role) {
    // The single-file build carries the whole font only: no subset to go through.
    if (role === ROLE.cjkCommon && window.JM_EMBEDDED && !window.JM_EMBEDDED[CJK_FONTS[role]]) role = ROLE.cjkFull;
    if (!CJK_FONTS[role]) return null;
    if (cjk[role]) return cjk[role].promise;
    const step = cjk[role] = { url: CJK_FONTS[role], state: "loading", requested: performance.now() };
    fontsLoading++;
    // After the caller's turn: the editor asks from inside a frame, and the
    // single file's inline font takes a while to decode.
    step.promise = new Promise((ok) => setTimeout(ok, 0)).then(() => fetchFont(step.url)).then((bytes) => {
      step.fetched = performance.now();
      step.bytes = bytes.length;
      if (fontsStarted) mergeFont(bytes, role, step);
      else early.push([bytes, role, step]);
    }, (e) => {
      step.state = "failed";
      step.error = String(e && e.message ? e.message : e);
      console.warn("The CJK font could not be loaded: " + step.error);
      if (role === ROLE.cjkCommon) return requestFont(ROLE.cjkFull);   // the whole font covers the subset
    }).finally(() => { fontsLoading--; });
    return step.promise;
  }

  function mergeFont(bytes, role, step) {
    addFont(bytes, role);
    step.state = "merged";
    step.merged = performance.now();
    JM.requestFrame();
    // Runs after the frame input.js scheduled: the first picture with the font.
    requestAnimationFrame(() => { step.drawn = performance.now(); });
  }

  JM.fonts = {
    request: (role) => { requestFont(role); },   // from C++ (src/platform/web/web_state.cpp)
    // For tests and the curious: which CJK steps were asked for and how they went.
    state: () => {
      const out = { loading: fontsLoading };
      for (const [role, name] of [[ROLE.cjkCommon, "cjkCommon"], [ROLE.cjkFull, "cjkFull"]]) {
        if (!cjk[role]) continue;
        const { promise, ...step } = cjk[role];
        out[name] = step;
      }
      return out;
    },
  };

  // A font on its way keeps the editor from being idle (JM.idle in input.js,
  // which the browser tests wait for): its text is about to change.
  const idle = JM.idle, idleState = JM.idleState, failIfStuck = JM.failIfStuck;
  JM.idle = () => idle() && fontsLoading === 0;
  JM.idleState = () => Object.assign(idleState(), { fontsLoading });
  JM.failIfStuck = () => (fontsLoading > 0 ? false : failIfStuck());

  // The UI will be Chinese (the language chosen in View > Language, else the
  // browser's), or the browser is Japanese: the common CJK characters come with
  // the UI fonts, so the first frame has them.
  function wantsCjkAtStart() {
    const cjkCode = (code) => /^(zh|ja)\b/i.test(code || "");
    try {
      const chosen = window.localStorage.getItem("jm-setting:language");
      if (chosen) return cjkCode(chosen);
    } catch (e) { /* storage refused: the browser's languages decide */ }
    const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    const first = langs.find((l) => /^(en|es|pt|zh|ja)\b/i.test(l || ""));
    return cjkCode(first);
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
    const cjkAtStart = wantsCjkAtStart() ? requestFont(ROLE.cjkCommon) : null;
    try {
      [module, fonts] = await Promise.all([
        createJourneyMapModule({
          canvas: document.getElementById("canvas"),
          wasmBinary: embedded("journeymap.wasm") || undefined,
          print: (t) => console.log(t),
          printErr: (t) => console.warn(t),
        }),
        Promise.all(UI_FONTS.map(([url]) => fetchFont(url))),
        cjkAtStart,         // never fails (without it, the CJK text shows fallback glyphs)
        JM.storage.ready,   // the library's records, loaded (and migrated) before the session starts; never fails
      ]);
    } catch (e) {
      fail("The editor could not start: " + (e && e.message ? e.message : e) + ". Reload the page to try again.");
      return;
    }
    JM.module = module;
    const size = JM.resize();
    // The editor says when it is ready (platform::announce_ready): at once, or,
    // for a language the wasm does not carry, once its catalogue is fetched and
    // the first map is open in that language.
    const editorReady = new Promise((resolve) => { JM.editorReady = resolve; });
    if (!module._jm_start(size.w, size.h, size.dpr)) {
      fail("WebGL 2 could not be started on this canvas. Turn on hardware acceleration and reload.");
      return;
    }
    fonts.forEach((bytes, i) => addFont(bytes, UI_FONTS[i][1]));
    fontsStarted = true;
    for (const [bytes, role, step] of early.splice(0)) mergeFont(bytes, role, step);
    JM.startInput();
    await editorReady;
    status.classList.add("hidden");
    JM.exposeApi();
    registerServiceWorker();
  }

  // --- Offline and updates: the service worker ------------------------------
  // sw.js (made at build time by scripts/finish_site.mjs with workbox-build)
  // precaches the whole site, so a second visit opens with no network. It is
  // registered once the editor runs (its install downloads the site again in the
  // background, which must not slow the first frame). Not on file://: the single
  // file is the portable edition, and no browser runs a service worker there.
  //
  // A new build deployed later brings a new sw.js: the browser installs it next
  // to the running one, where it waits. The editor is told (jm_update_waiting,
  // src/platform/web/web_update.cpp) and shows "A new version is ready - Reload"
  // (src/app/update_prompt.cpp); on Reload it stores the open map, then calls
  // JM.update.apply(), which lets the waiting worker take over (workbox's
  // SKIP_WAITING message) and reloads once it controls the page.
  const update = JM.update = {
    state: "none",   // "none" | "unsupported" | "registered" | "waiting" | "applying" | "failed"
    error: "",
    registration: null,
    waiting: null,
  };

  function tellUpdate(worker) {
    update.waiting = worker;
    if (worker) update.state = "waiting";
    if (JM.module && JM.module._jm_update_waiting) {
      JM.module._jm_update_waiting(worker ? 1 : 0);
      if (JM.wake) JM.wake(); else JM.requestFrame();
    }
  }

  // A worker that finishes installing while another one controls this page is
  // a new version (the first install, on the first visit, is not).
  function watchInstalling(worker) {
    if (!worker) return;
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) tellUpdate(worker);
      if (worker.state === "redundant" && update.waiting === worker) { update.state = "registered"; tellUpdate(null); }
    });
  }

  update.apply = () => {
    const worker = update.waiting || (update.registration && update.registration.waiting);
    update.state = "applying";
    if (!worker) { location.reload(); return; }   // already active (another tab let it take over)
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    worker.postMessage({ type: "SKIP_WAITING" });
  };

  // Looks for a new version now (the browser also does on every navigation).
  update.check = () => (update.registration ? update.registration.update() : Promise.resolve());

  async function registerServiceWorker() {
    if (!("serviceWorker" in navigator) || location.protocol === "file:" || window.JM_EMBEDDED) {
      update.state = "unsupported";
      return;
    }
    let reg = null;
    try {
      reg = await navigator.serviceWorker.register("sw.js");
    } catch (e) {
      // Offline, registering again fails to fetch sw.js: the installed one keeps working.
      update.error = String(e && e.message ? e.message : e);
      reg = await navigator.serviceWorker.getRegistration().catch(() => null);
      if (!reg) {
        update.state = "failed";
        console.warn("The offline copy could not be set up: " + update.error);
        return;
      }
    }
    if (!reg) {   // a browser that lets the page ask but keeps service workers off (policy, automation)
      update.state = "unsupported";
      return;
    }
    update.registration = reg;
    update.state = "registered";
    if (reg.waiting && navigator.serviceWorker.controller) tellUpdate(reg.waiting);
    watchInstalling(reg.installing);
    reg.addEventListener("updatefound", () => watchInstalling(reg.installing));
    // A tab left open for days looks again when it is shown.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") reg.update().catch(() => { /* offline */ });
    });
  }

  window.addEventListener("error", (e) => {
    if (!JM.module) fail("The editor could not start: " + e.message);
  });
  start();
})();
