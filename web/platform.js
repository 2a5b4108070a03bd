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

  pickFile(accept, request) {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = accept;
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

  async deliverFile(request, file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const m = JM.module;
    const name = JM.cString(file.name);
    const data = m._malloc(bytes.length || 1);
    m.HEAPU8.set(bytes, data);
    m._jm_file_opened(request, name, data, bytes.length);
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
