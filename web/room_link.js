// The live room's always-present end (src/platform/web/web_room.cpp calls
// these): reads a join link in the page address, asks whether the page came
// from a room server, and loads the room itself (room.js: Yjs, the websocket
// provider and the bridge, bundled from web/room/) only when a room is started
// or joined. Every answer reaches the editor as _jm_room_event(type, json).
"use strict";
(function () {
  let loading = null;

  function event(type, data) {
    const m = JM.module;
    if (!m) return;
    const t = JM.cString(type);
    const j = JM.cString(JSON.stringify(data ?? null));
    try {
      m._jm_room_event(t, j);
    } finally {
      m._free(t);
      m._free(j);
      JM.requestFrame();
    }
  }

  function load() {
    if (!loading) {
      loading = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = "room.js";
        script.onload = () => (window.JMRoom ? resolve(window.JMRoom) : reject(new Error("room.js did not load")));
        script.onerror = () => reject(new Error("room.js could not be fetched"));
        document.head.appendChild(script);
      });
      loading.catch(() => { loading = null; });
    }
    return loading;
  }

  // ?room=ID in the query, #key=SECRET&owner=TOKEN in the fragment (never sent
  // to any server with the page request).
  function invite() {
    const room = new URLSearchParams(location.search).get("room");
    if (!room) return null;
    const fragment = new URLSearchParams(location.hash.replace(/^#/, ""));
    return { room, key: fragment.get("key") || "", owner: fragment.get("owner") || "" };
  }

  function withRoom(work) {
    load().then(work).catch((err) => event("error", { message: String(err && err.message || err) }));
  }

  JM.roomLink = {
    event,
    invite() {
      const found = location.protocol.startsWith("http") ? invite() : null;
      return found ? JSON.stringify(found) : "";
    },
    probe() {
      if (!location.protocol.startsWith("http")) { event("server", { available: false }); return; }
      fetch("/api/room-server", { cache: "no-store" })
        .then((r) => (r.ok ? r.json() : null))
        .then((info) => event("server", info && info.server === "journeymap-room" ? { available: true, links: info.links || [] } : { available: false }))
        .catch(() => event("server", { available: false }));
    },
    create(title) {
      withRoom((room) => room.create(title).then((created) => event("created", created)));
    },
    join(json) {
      withRoom((room) => room.join(JSON.parse(json)));
    },
    publish(json) { if (window.JMRoom) window.JMRoom.publish(json); },
    setSelection(json) { if (window.JMRoom) window.JMRoom.setSelection(JSON.parse(json)); },
    setUser(name, colour) { if (window.JMRoom) window.JMRoom.setUser(name, colour); },
    leave() { if (window.JMRoom) window.JMRoom.leave(); },
    end() {
      withRoom((room) => room.end().then((ok) => event("end-answer", { ok })));
    },
    // The room's link (with the facilitator's token) in the address bar, so
    // that a reload rejoins; an empty room takes it away (the room was left).
    address(room, key, owner) {
      const url = new URL(location.href);
      url.search = room ? "?room=" + encodeURIComponent(room) : "";
      url.hash = room ? "key=" + encodeURIComponent(key) + (owner ? "&owner=" + encodeURIComponent(owner) : "") : "";
      history.replaceState(null, "", url.toString());
    },
  };
})();
