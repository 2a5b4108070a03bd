// window.JM: what the C++ side calls into (src/platform/web/*.cpp use EM_JS to
// reach these) and shared page state. Loaded before the module.
"use strict";
window.JM = {
  module: null,
  unsavedWork: false,
  testItems: [],
  testFrame: 0,
  framesDrawn: 0,

  // A malloc'ed UTF-8 copy of a JS string; the C++ side frees it.
  cString(s) {
    const m = JM.module;
    const n = m.lengthBytesUTF8(s) + 1;
    const p = m._malloc(n);
    m.stringToUTF8(s, p, n);
    return p;
  },

  // Text exactly as it is, as a malloc'ed C string: a lone UTF-16 surrogate
  // (broken text some programs put on the clipboard) becomes the three bytes
  // that would encode it, which are not UTF-8, so the editor refuses the text
  // rather than guess (Emscripten's encoder would fuse it with the next character).
  cStringExact(s) {
    const m = JM.module;
    const bytes = (s.isWellFormed ? s.isWellFormed() : !/[\uD800-\uDFFF]/.test(s)) ? new TextEncoder().encode(s) : JM.wtf8(s);
    const p = m._malloc(bytes.length + 1);
    m.HEAPU8.set(bytes, p);
    m.HEAPU8[p + bytes.length] = 0;
    return p;
  },

  wtf8(s) {
    const out = [];
    for (const ch of s) {   // by code point; a lone surrogate comes alone
      const c = ch.codePointAt(0);
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    }
    return Uint8Array.from(out);
  },

  writeClipboard(text) {
    JM.lastCopied = text;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(() => { /* the copy event path still has it */ });
    }
  },

  download(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  },

  // RGBA pixels from the PNG export: the browser encodes the PNG.
  savePng(rgba, width, height, name) {
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    canvas.getContext("2d").putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer), width, height), 0, 0);
    canvas.toBlob((blob) => {
      JM.lastPng = { width, height, bytes: blob.size, name };
      blob.arrayBuffer().then((buf) => JM.download(name, "image/png", new Uint8Array(buf)));
    }, "image/png");
  },

  pickFile(accept, request, multiple) {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = accept;
    input.multiple = !!multiple;
    input.style.display = "none";
    input.addEventListener("change", async () => {
      for (const file of input.files) await JM.deliverFile(request, file);
      JM.module._jm_file_picker_closed(request);
      input.remove();
    });
    input.addEventListener("cancel", () => { JM.module._jm_file_picker_closed(request); input.remove(); });
    document.body.appendChild(input);
    input.click();
  },

  // A file over the editor's size limit is not read: the editor says it is too
  // large (reading a file of gigabytes into the page could take all its memory).
  async deliverFile(request, file) {
    const m = JM.module;
    const tooLarge = file.size > m._jm_max_file_bytes();
    const bytes = tooLarge ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer());
    const name = JM.cString(file.name);
    const data = m._malloc(bytes.length || 1);
    m.HEAPU8.set(bytes, data);
    m._jm_file_opened(request, name, data, bytes.length, file.size);
    m._free(name);
    m._free(data);
    JM.requestFrame();
  },

  publishTestItems(json, frame) {
    JM.testItemsJson = json;
    JM.testFrame = frame;
  },
};

// Drop a file anywhere on the page to open it (request 0 is the drop handler).
window.addEventListener("dragover", (e) => { e.preventDefault(); e.dataTransfer.dropEffect = "copy"; });
window.addEventListener("drop", async (e) => {
  e.preventDefault();
  if (!JM.module) return;
  for (const file of e.dataTransfer.files) await JM.deliverFile(0, file);
});

// Leaving with work that could not be stored asks first: the open map's (the
// editor says), or any map whose last write has not reached the disk (web/storage.js).
window.addEventListener("beforeunload", (e) => {
  if (JM.unsavedWork || (JM.storage && JM.storage.unwritten())) { e.preventDefault(); e.returnValue = ""; }
});
