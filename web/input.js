// Feeds DOM events to the editor and paces frames. The editor draws only when
// something happened: every event asks for a frame, and the C++ side says after
// each frame whether it wants another (while hover states settle or an
// animation runs) and whether the frame was quiet (drew what the frame before
// drew, with nothing left for ImGui to do). After any change the loop draws
// until two quiet frames in a row: the app is then idle (JM.idle()), and an idle
// map draws nothing.
"use strict";
(function () {
  const canvas = document.getElementById("canvas");
  const text = document.getElementById("jm-text-input");
  const WANTS_MORE = 1, QUIET = 2;    // bits of jm_frame's answer
  const QUIET_FRAMES = 2;             // quiet frames in a row that end a change
  const MAX_RESTLESS = 120;           // frames in a row that may change before the loop gives up waiting for quiet
  let pending = false;                // an animation frame is scheduled
  let started = false;
  let owed = false;                   // input or a change arrived that no frame has drawn yet
  let quietFrames = 0;                // quiet frames in a row since the last change
  let restless = 0;                   // frames in a row that were not quiet
  let deliveries = 0;                 // files being read and handed to the editor

  function schedule() {
    if (!started || pending) return;
    pending = true;
    requestAnimationFrame(tick);
  }

  // Something changed outside a frame (a file arrived, the app asked to keep
  // drawing): it is drawn, and drawn until quiet.
  JM.requestFrame = function () {
    owed = true;
    quietFrames = 0;
    schedule();
  };

  function tick(t) {
    pending = false;
    drawNow(t);
  }

  function drawNow(t) {
    owed = false;
    const answer = JM.module._jm_frame(t);
    JM.framesDrawn++;
    if (answer & QUIET) { quietFrames++; restless = 0; } else { quietFrames = 0; restless++; }
    syncTextFocus();
    if ((answer & WANTS_MORE) || (quietFrames < QUIET_FRAMES && restless < MAX_RESTLESS)) schedule();
  }

  // True when everything that happened has been drawn and the drawing has
  // settled: no input or change waiting for a frame, the last frames changed
  // nothing on screen, no window being measured, no file being read, and (as
  // the app keeps asking for frames until then) no autosave waiting to run.
  // The browser tests wait for this instead of sleeping (tests/e2e/harness.mjs).
  JM.idle = function () {
    return started && !owed && deliveries === 0 && quietFrames >= QUIET_FRAMES && !storageBusy();
  };
  JM.idleState = function () {
    return { started, owed, deliveries, quietFrames, restless, storageBusy: storageBusy(), frameScheduled: pending,
             framesDrawn: JM.framesDrawn };
  };

  // Writes handed to the browser's storage that have not committed or failed
  // yet (web/storage.js): JM.storage.busy() when it offers one, else its counters.
  function storageBusy() {
    const s = JM.storage;
    if (!s) return false;
    if (typeof s.busy === "function") return !!s.busy();
    if (typeof s.info === "function") {
      const info = s.info();
      const st = info.stats || {};
      return (info.pending || 0) > 0 || (st.batches || 0) > (st.committed || 0) + (st.failed || 0);
    }
    return false;
  }
  JM.frameScheduled = function () { return pending; };
  // For waits: false while the editor is on its way to idle; throws when it
  // never will without new input (no frame scheduled, nothing being read or
  // written: a frame threw, or the drawing never settled).
  JM.failIfStuck = function () {
    if (!started || pending || deliveries > 0 || storageBusy() || JM.idle()) return false;
    throw new Error("the editor stopped drawing before it was idle: " + JSON.stringify(JM.idleState()));
  };

  // Files dropped on the page or picked in File > Open are read asynchronously
  // (web/platform.js); until one has reached the editor the app is not idle.
  if (typeof JM.deliverFile === "function") {
    const deliver = JM.deliverFile;
    JM.deliverFile = async function (request, file) {
      deliveries++;
      try {
        return await deliver.call(JM, request, file);
      } finally {
        deliveries--;
        JM.requestFrame();
      }
    };
  }

  // Runs a frame inside the event handler itself, so what the editor does in
  // answer (open a file picker, copy to the clipboard, start a download) happens
  // within the user's gesture, as browsers require. The copy event that follows
  // Ctrl+C then finds the copied text ready.
  function actNow() {
    if (started) drawNow(performance.now());
  }

  function wake() {
    if (!started) return;
    JM.module._jm_wake(performance.now());
    JM.requestFrame();
  }
  JM.wake = wake;

  // The hidden text element holds focus only while a text field is active, so a
  // tablet's on-screen keyboard opens only then.
  function syncTextFocus() {
    const wants = JM.module._jm_wants_text_input() !== 0;
    if (wants && document.activeElement !== text && !(JM.textOverlay && JM.textOverlay.isOpen())) text.focus({ preventScroll: true });
    if (!wants && document.activeElement === text) canvas.focus({ preventScroll: true });
  }

  JM.placeTextInput = function (x, y, lineHeight) {
    text.style.left = Math.round(x) + "px";
    text.style.top = Math.round(y) + "px";
    text.style.height = Math.round(lineHeight) + "px";
  };

  // --- Size: backing store = CSS size x devicePixelRatio, so text is crisp ---
  function resize() {
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    const bw = Math.max(1, Math.round(w * dpr)), bh = Math.max(1, Math.round(h * dpr));
    // Setting the size clears the canvas, even to the same size: only on a change.
    if (canvas.width !== bw) canvas.width = bw;
    if (canvas.height !== bh) canvas.height = bh;
    if (started) {
      JM.module._jm_resize(w, h, dpr);
      wake();
    }
    return { w, h, dpr };
  }
  JM.resize = resize;

  // --- Pointer: mouse, pen and touch. Two fingers pan (and pinch zooms). ---
  const touches = new Map();
  let gesture = null;  // {x, y, dist} while two fingers are down
  const SOURCE = { mouse: 0, touch: 1, pen: 2 };
  const BUTTON = [0, 2, 1];  // DOM left, middle, right -> ImGui left, middle(2), right(1)

  function pos(e) {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  function sendPos(e) {
    const [x, y] = pos(e);
    JM.module._jm_input_mouse_source(SOURCE[e.pointerType] ?? 0);
    JM.module._jm_input_mouse_pos(x, y);
  }

  function twoFingerState() {
    const [a, b] = [...touches.values()];
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, dist: Math.hypot(a.x - b.x, a.y - b.y) };
  }

  canvas.addEventListener("pointerdown", (e) => {
    if (!started) return;
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    if (e.pointerType === "touch") {
      touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (touches.size === 2) {
        JM.module._jm_input_mouse_button(0, 0);  // a second finger turns a tap into a gesture
        gesture = twoFingerState();
        wake();
        return;
      }
    }
    sendPos(e);
    JM.module._jm_input_mouse_button(BUTTON[e.button] ?? 0, 1);
    if (document.activeElement !== text) canvas.focus({ preventScroll: true });
    wake();
  });

  canvas.addEventListener("pointermove", (e) => {
    if (!started) return;
    if (e.pointerType === "touch" && touches.has(e.pointerId)) {
      touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (gesture && touches.size === 2) {
        const now = twoFingerState();
        const [x, y] = pos({ clientX: now.x, clientY: now.y });
        JM.module._jm_input_mouse_pos(x, y);
        if (Math.abs(now.dist - gesture.dist) > 2) {
          sendModifiers(true, false, false, false);
          JM.module._jm_input_mouse_wheel(0, (now.dist - gesture.dist) / 60);
          sendModifiers(false, false, false, false);
        } else {
          JM.module._jm_input_mouse_wheel((now.x - gesture.x) / 40, (now.y - gesture.y) / 40);
        }
        gesture = now;
        wake();
        return;
      }
    }
    sendPos(e);
    wake();
  });

  function pointerEnd(e) {
    if (!started) return;
    if (e.pointerType === "touch") {
      touches.delete(e.pointerId);
      if (gesture) {
        if (touches.size === 0) gesture = null;
        wake();
        return;
      }
    }
    sendPos(e);
    JM.module._jm_input_mouse_button(BUTTON[e.button] ?? 0, 0);
    wake();
    actNow();
  }
  canvas.addEventListener("pointerup", pointerEnd);
  canvas.addEventListener("pointercancel", pointerEnd);
  canvas.addEventListener("pointerleave", (e) => {
    if (!started || e.pointerType !== "mouse" || e.buttons) return;
    JM.module._jm_input_mouse_pos(-Number.MAX_VALUE, -Number.MAX_VALUE);
    wake();
  });

  canvas.addEventListener("wheel", (e) => {
    if (!started) return;
    e.preventDefault();  // no page zoom on Ctrl+wheel or touchpad pinch
    sendPos(e);
    sendModifiers(e.ctrlKey, e.shiftKey, e.altKey, e.metaKey);
    const unit = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
    JM.module._jm_input_mouse_wheel(-e.deltaX * unit, -e.deltaY * unit);
    wake();
  }, { passive: false });

  canvas.addEventListener("contextmenu", (e) => e.preventDefault());

  // --- Keyboard ---
  function sendModifiers(ctrl, shift, alt, meta) {
    const none = JM.cString("");
    JM.module._jm_input_key(none, 0, ctrl ? 1 : 0, shift ? 1 : 0, alt ? 1 : 0, meta ? 1 : 0);
    JM.module._free(none);
  }

  // Letters follow the layout (AZERTY's Ctrl+Z is Ctrl+Z); other keys use the physical code.
  function keyCode(e) {
    if (e.key && e.key.length === 1 && /[a-z]/i.test(e.key)) return "Key" + e.key.toUpperCase();
    return e.code;
  }

  function sendKey(e, down) {
    const code = JM.cString(keyCode(e));
    JM.module._jm_input_key(code, down ? 1 : 0, e.ctrlKey ? 1 : 0, e.shiftKey ? 1 : 0, e.altKey ? 1 : 0, e.metaKey ? 1 : 0);
    JM.module._free(code);
  }

  // Keys whose browser default would fight the editor (scrolling, tab focus,
  // "save page", "find in page", history navigation...).
  function shouldPreventDefault(e) {
    const mod = e.ctrlKey || e.metaKey;
    if (mod) return !["c", "x", "v"].includes(e.key.toLowerCase());
    return ["Tab", "Backspace", "Delete", "Enter", "Escape", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown",
            "PageUp", "PageDown", "Home", "End", "F1", "F3"].includes(e.key);
  }

  // The paragraph text box (web/text_overlay.js) handles its own keys and clipboard.
  function forOverlay(e) { return !!(JM.textOverlay && JM.textOverlay.owns(e)); }

  window.addEventListener("keydown", (e) => {
    if (!started || e.isComposing || e.keyCode === 229) return;  // an IME is composing
    if (forOverlay(e)) return;
    const mod = e.ctrlKey || e.metaKey;
    const k = e.key.toLowerCase();
    if (mod && k === "v") {
      // The text only arrives with the paste event; ImGui gets Ctrl+V from there.
      sendModifiers(e.ctrlKey, e.shiftKey, e.altKey, e.metaKey);
      return;
    }
    sendKey(e, true);
    if (shouldPreventDefault(e)) e.preventDefault();
    if (mod && (k === "c" || k === "x")) JM.lastCopied = null;
    wake();
    actNow();
  }, true);

  window.addEventListener("keyup", (e) => {
    if (!started || forOverlay(e)) return;
    sendKey(e, false);
    wake();
  }, true);

  function onCopyOrCut(e) {
    if (!started || JM.lastCopied == null || forOverlay(e)) return;
    e.clipboardData.setData("text/plain", JM.lastCopied);
    e.preventDefault();
  }
  document.addEventListener("copy", onCopyOrCut);
  document.addEventListener("cut", onCopyOrCut);

  document.addEventListener("paste", (e) => {
    if (!started || forOverlay(e)) return;
    const data = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    e.preventDefault();
    const p = JM.cStringExact(data);
    JM.module._jm_input_paste(p);
    JM.module._free(p);
    wake();
  });

  // --- Text: typed characters, dead keys, IME composition ---
  function flushText(str) {
    if (!str) return;
    const p = JM.cString(str);
    JM.module._jm_input_text(p);
    JM.module._free(p);
    wake();
  }

  text.addEventListener("input", (e) => {
    if (e.isComposing) return;  // wait for compositionend
    flushText(text.value);
    text.value = "";
  });

  text.addEventListener("compositionend", (e) => {
    flushText(e.data || text.value);
    text.value = "";
  });

  window.addEventListener("focus", () => { if (started) { JM.module._jm_input_focus(1); wake(); } });
  window.addEventListener("blur", () => { if (started) { JM.module._jm_input_focus(0); wake(); } });
  window.addEventListener("resize", resize);
  if (window.ResizeObserver) new ResizeObserver(resize).observe(canvas);

  JM.startInput = function () {
    started = true;
    canvas.focus({ preventScroll: true });
    wake();
  };
})();
