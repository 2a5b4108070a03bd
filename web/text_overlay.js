// The paragraph text box: a real <textarea> the editor places exactly over a
// paragraph field of the inspector while it is edited (src/ui/paragraph_field.cpp
// through src/platform/web/web_text_overlay.cpp). The browser does what Dear
// ImGui 1.92.2b's text fields cannot: wrap while you type, show an IME's
// composition where it is typed, spell-check. Every change goes back to the
// editor at once (the map follows live, and the edit is one undo step); Escape,
// Tab and a click elsewhere leave the field and keep the text.
"use strict";
(function () {
  const LEAVE = { escape: 0, tab: 1, shiftTab: 2, enter: 3, elsewhere: 4 };
  let box = null;
  let open = false;          // a field is being edited
  let generation = -1;       // the edit the box shows (the editor counts them)
  let left = -1;             // the last edit the user left: later show() calls for it are stale
  let multiLine = true;
  let minHeight = 0, maxHeight = 0, padY = 0;
  let fontLoaded = false, fontReady = false;
  let lastOptions = null, lastContent = -1;

  // Keys the editor keeps while the box has focus: the app shortcuts that work
  // even while typing (see handle_shortcuts). Everything else belongs to the box.
  function appShortcut(e) {
    const k = (e.key || "").toLowerCase();
    if (e.ctrlKey || e.metaKey) return ["s", "o", "n", "f"].includes(k);
    return e.key === "F1" || e.key === "F3";
  }

  // web/input.js asks this before forwarding a key, clipboard or paste event to
  // the editor: the box handles its own.
  function owns(e) {
    if (!box || e.target !== box) return false;
    if (e.type === "keydown" || e.type === "keyup") return !appShortcut(e);
    return true;
  }

  function rgba(c) {
    c >>>= 0;
    return `rgba(${c & 255}, ${(c >>> 8) & 255}, ${(c >>> 16) & 255}, ${((c >>> 24) / 255).toFixed(3)})`;
  }

  // The editor's own Inter (the same file the canvas uses), so the box wraps
  // where the field did; Chinese and Japanese fall back to the system's fonts.
  function loadFont() {
    if (fontLoaded || typeof FontFace !== "function") return;
    fontLoaded = true;
    const name = "fonts/Inter-Regular.otf";
    const b64 = window.JM_EMBEDDED && window.JM_EMBEDDED[name];
    let source;
    if (b64) {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      source = bytes.buffer;
    } else {
      source = `url("${name}")`;
    }
    const face = new FontFace("JM Inter", source);
    face.load().then((f) => {
      document.fonts.add(f);
      fontReady = true;
      if (open && lastOptions) show(lastOptions);   // the same box, now in the editor's font
    }, () => { /* the fallback fonts do */ });
  }

  function element() {
    if (box) return box;
    box = document.createElement("textarea");
    box.id = "jm-paragraph";
    box.className = "jm-paragraph";
    box.spellcheck = true;
    const style = document.createElement("style");
    style.textContent =
      "#jm-paragraph { position: fixed; display: none; z-index: 5; margin: 0; box-sizing: border-box; border: 1px solid;" +
      " resize: none; overflow: hidden; outline: none; white-space: pre-wrap; overflow-wrap: anywhere;" +
      " font-family: 'JM Inter', Inter, 'Droid Sans Fallback', 'Noto Sans CJK SC', system-ui, sans-serif; }" +
      " #jm-paragraph::selection { background: var(--jm-selection); }";
    document.head.appendChild(style);
    box.setAttribute("autocomplete", "off");
    box.lang = document.documentElement.lang || navigator.language || "";
    box.addEventListener("compositionstart", () => { report(); });
    box.addEventListener("compositionupdate", () => { requestAnimationFrame(report); });
    box.addEventListener("compositionend", () => { requestAnimationFrame(report); });
    box.addEventListener("input", () => report());
    box.addEventListener("keydown", onKey);
    // A click anywhere else leaves the field; switching to another window or tab does not.
    box.addEventListener("blur", () => { if (open && document.hasFocus()) leave(LEAVE.elsewhere); });
    // The wheel scrolls the inspector under the box, unless the box scrolls itself.
    box.addEventListener("wheel", (e) => {
      if (box.scrollHeight > box.clientHeight + 1) return;
      e.preventDefault();
      const canvas = document.getElementById("canvas");
      canvas.dispatchEvent(new WheelEvent("wheel", e));
    }, { passive: false });
    document.body.appendChild(box);
    return box;
  }

  function onKey(e) {
    if (!open || e.isComposing || e.keyCode === 229) return;   // the IME uses Escape, Enter, Tab while composing
    if (e.key === "Escape") { e.preventDefault(); leave(LEAVE.escape); }
    else if (e.key === "Tab" && !e.ctrlKey && !e.altKey && !e.metaKey) { e.preventDefault(); leave(e.shiftKey ? LEAVE.shiftTab : LEAVE.tab); }
    else if (e.key === "Enter" && !multiLine && !e.shiftKey) { e.preventDefault(); leave(LEAVE.enter); }
  }

  // The text's wrapped height (padding excluded), growing the box to it.
  function measure() {
    box.style.height = "0px";
    const content = Math.max(0, box.scrollHeight - 2 * padY);
    let h = Math.max(minHeight, box.scrollHeight + 2);   // + the 1 px borders
    if (maxHeight > 0) h = Math.min(h, maxHeight);
    box.style.height = h + "px";
    box.style.overflowY = maxHeight > 0 && box.scrollHeight + 2 > maxHeight ? "auto" : "hidden";
    return content;
  }

  function wellFormed(s) {
    return s.toWellFormed ? s.toWellFormed() : s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  }

  function report() {
    if (!open || !JM.module) return;
    const height = measure();
    lastContent = height;
    const p = JM.cString(wellFormed(box.value));
    JM.module._jm_text_overlay_input(p, height, isComposing() ? 1 : 0);
    JM.module._free(p);
    JM.wake();
  }

  let composing = false;
  function isComposing() { return composing; }

  function leave(how) {
    if (!open) return;
    open = false;
    left = generation;
    composing = false;
    const height = measure();
    const text = wellFormed(box.value);
    const hadFocus = document.activeElement === box;
    box.style.display = "none";
    if (hadFocus && how !== LEAVE.elsewhere) document.getElementById("canvas").focus({ preventScroll: true });
    const p = JM.cString(text);
    JM.module._jm_text_overlay_leave(how, p, height);
    JM.module._free(p);
    JM.wake();
  }

  // ImGui sizes a font by its line height, CSS by its em: the CSS size at which
  // the browser's Inter is as wide as the editor's (measured on a sample line), so
  // the box wraps where the field did. Until the font has loaded, Inter's ratio.
  const measureCanvas = document.createElement("canvas").getContext("2d");
  function cssFontSize(o) {
    if (!(o.sampleWidth > 0) || !fontReady) return o.fontSize / 1.21;
    measureCanvas.font = '100px "JM Inter"';
    const w = measureCanvas.measureText(o.sample).width;
    return w > 0 ? (100 * o.sampleWidth) / w : o.fontSize / 1.21;
  }

  // Shows the box over the field (o: see web_text_overlay.cpp), or moves it.
  function show(o) {
    if (o.generation === left) return;   // the user just left this edit; the editor hears it next frame
    lastOptions = o;
    element();
    loadFont();
    const fresh = o.generation !== generation || !open;
    const canvas = document.getElementById("canvas").getBoundingClientRect();
    const s = box.style;
    s.left = canvas.left + o.x + "px";
    s.top = canvas.top + o.y + "px";
    s.width = o.w + "px";
    s.fontSize = cssFontSize(o) + "px";
    s.lineHeight = o.lineHeight + "px";
    s.padding = `${o.padY}px ${o.padX}px`;
    s.borderRadius = o.rounding + "px";
    s.background = rgba(o.background);
    s.color = rgba(o.color);
    s.caretColor = rgba(o.color);
    s.borderColor = rgba(o.border);
    s.setProperty("--jm-selection", rgba(o.selection));
    // Only the part inside the panel shows; scrolled out of sight it is all clipped
    // (it keeps the focus, so typing goes on).
    const cutTop = Math.max(0, o.clip[1] - o.y), cutLeft = Math.max(0, o.clip[0] - o.x);
    const cutBottom = Math.max(0, o.y + o.h - o.clip[3]), cutRight = Math.max(0, o.x + o.w - o.clip[2]);
    s.clipPath = cutTop || cutLeft || cutBottom || cutRight ? `inset(${cutTop}px ${cutRight}px ${cutBottom}px ${cutLeft}px)` : "";
    minHeight = o.h;
    maxHeight = o.maxHeight;
    padY = o.padY;
    multiLine = o.multiLine;
    box.setAttribute("aria-label", o.label);
    box.setAttribute("rows", "1");
    if (fresh) {
      generation = o.generation;
      open = true;
      composing = false;
      box.value = o.text;
      s.display = "block";
      box.focus({ preventScroll: true });
      const caret = o.caret >= 0 ? Math.min(o.caret, box.value.length) : box.value.length;
      box.setSelectionRange(caret, caret);
      box.scrollTop = 0;
      report();   // the wrapped height, so the field grows to it at once
    } else if (measure() !== lastContent) {
      report();     // a new width or font wraps the text anew: the field follows
    }
  }

  function hide() {
    if (!box) return;
    const hadFocus = document.activeElement === box;
    open = false;
    left = generation;
    box.style.display = "none";
    if (hadFocus) document.getElementById("canvas").focus({ preventScroll: true });
  }

  document.addEventListener("compositionstart", (e) => { if (box && e.target === box) composing = true; }, true);
  document.addEventListener("compositionend", (e) => { if (box && e.target === box) composing = false; }, true);

  JM.textOverlay = { show, hide, owns, element: () => box, isOpen: () => open };
})();
