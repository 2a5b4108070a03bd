// Share links in the page (src/platform/web/web_share_link.cpp calls these; the
// link format and its rules are C++, src/io/share_link.h): raw DEFLATE with the
// browser's CompressionStream / DecompressionStream, the page's address and
// fragment, and a clipboard write that starts inside the user's gesture while
// its text is still being made.
"use strict";
(function () {
  const copies = new Map();    // ticket -> a clipboard write waiting for its text
  const answers = new Map();   // request -> shareLink() answer that came before anyone waited for it
  const waiters = new Map();   // request -> resolve of a shareLink() promise
  let watching = false;

  // The whole output of `bytes` through a (de)compression stream; a RangeError
  // once it passes `maxBytes` (a link of a few kilobytes can inflate to gigabytes).
  async function pipe(bytes, transform, maxBytes) {
    const reader = new Blob([bytes]).stream().pipeThrough(transform).getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (maxBytes && total > maxBytes) {
        reader.cancel().catch(() => {});
        throw new RangeError("too large");
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }

  function deliver(request, bytes, error) {
    const m = JM.module;
    const data = m._malloc(bytes.length || 1);
    m.HEAPU8.set(bytes, data);
    const why = error ? JM.cString(error) : 0;
    try {
      m._jm_share_bytes_done(request, data, bytes.length, why);
    } finally {
      m._free(data);
      if (why) m._free(why);
      JM.requestFrame();
    }
  }

  // `makeStream` throws in a browser without the Compression Streams API
  // (Safari before 16.4, Firefox before 113): an answer, never an exception into the editor.
  function transform(request, bytes, makeStream, maxBytes) {
    let stream;
    try {
      stream = makeStream();
    } catch (err) {
      Promise.resolve().then(() => deliver(request, new Uint8Array(0), "unsupported"));
      return;
    }
    pipe(bytes, stream, maxBytes).then(
      (out) => deliver(request, out, ""),
      (err) => deliver(request, new Uint8Array(0), err instanceof RangeError ? "too large" : String((err && err.message) || err || "failed")));
  }

  function copied(ticket, ok) {
    JM.module._jm_share_copied(ticket, ok ? 1 : 0);
    JM.requestFrame();
  }

  JM.share = {
    deflate(request, bytes) { transform(request, bytes, () => new CompressionStream("deflate-raw"), 0); },
    inflate(request, bytes, maxBytes) { transform(request, bytes, () => new DecompressionStream("deflate-raw"), maxBytes); },

    pageAddress() { return location.href.split("#")[0]; },
    pageFragment() { return location.hash; },
    clearFragment() {
      if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
    },
    // A link opened in this tab while the editor runs (pasted into the address bar).
    watchFragment() {
      if (watching) return;
      watching = true;
      window.addEventListener("hashchange", () => {
        if (!JM.module) return;
        JM.module._jm_share_fragment_changed();
        JM.requestFrame();
      });
    },

    // Called inside the user's gesture, before the text exists: the write starts
    // now with a promise of the text, which is how Safari allows it at all and
    // keeps Chromium and Firefox from refusing a write that comes after the
    // compression, once the gesture is over. Without ClipboardItem the text goes
    // through writeText when it is ready.
    copyLater(ticket) {
      const entry = {};
      copies.set(ticket, entry);
      if (typeof ClipboardItem !== "function" || !navigator.clipboard || !navigator.clipboard.write) return;
      const text = new Promise((resolve, reject) => { entry.resolve = resolve; entry.reject = reject; });
      try {
        entry.written = navigator.clipboard.write([new ClipboardItem({ "text/plain": text.then((t) => new Blob([t], { type: "text/plain" })) })]);
      } catch (err) {
        entry.written = Promise.reject(err);
      }
      entry.written.catch(() => {});
    },
    copyNow(ticket, text) {
      const entry = copies.get(ticket);
      if (!entry) return;
      copies.delete(ticket);
      if (!text) {   // given up (the map is too large for a link): the clipboard keeps what it held
        if (entry.reject) entry.reject(new Error("no text"));
        copied(ticket, false);
        return;
      }
      const writeText = () => (navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(text) : Promise.reject(new Error("no clipboard")));
      let written;
      if (entry.written) {
        entry.resolve(text);
        written = entry.written.catch(writeText);
      } else {
        written = writeText();
      }
      written.then(() => { JM.share.lastCopied = text; copied(ticket, true); }, () => copied(ticket, false));
    },

    // window.journeymap.shareLink() (web/api.js): a promise of the C++ side's answer.
    wait(request) {
      if (answers.has(request)) {
        const a = answers.get(request);
        answers.delete(request);
        return Promise.resolve(a);
      }
      return new Promise((resolve) => waiters.set(request, resolve));
    },
    answer(request, json) {
      const value = JSON.parse(json);
      const resolve = waiters.get(request);
      if (!resolve) { answers.set(request, value); return; }
      waiters.delete(request);
      resolve(value);
    },
  };
})();
