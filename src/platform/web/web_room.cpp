// web_room.h for the browser: thin calls into JM.roomLink (web/room_link.js);
// what the room reports comes back through jm_room_event.
#include <emscripten.h>

#include <cstdlib>
#include <cstring>
#include <utility>

#include <nlohmann/json.hpp>
#include "platform/web/web_room.h"

namespace {

EM_JS(char*, js_room_invite, (), { return JM.cString(JM.roomLink.invite()); });
EM_JS(void, js_room_address, (const char* room, const char* key, const char* owner),
      { JM.roomLink.address(UTF8ToString(room), UTF8ToString(key), UTF8ToString(owner)); });
EM_JS(void, js_room_probe, (), { JM.roomLink.probe(); });
EM_JS(void, js_room_create, (const char* title), { JM.roomLink.create(UTF8ToString(title)); });
EM_JS(void, js_room_join, (const char* json), { JM.roomLink.join(UTF8ToString(json)); });
EM_JS(void, js_room_publish, (const char* json), { JM.roomLink.publish(UTF8ToString(json)); });
EM_JS(void, js_room_selection, (const char* json), { JM.roomLink.setSelection(UTF8ToString(json)); });
EM_JS(void, js_room_user, (const char* name, const char* colour), { JM.roomLink.setUser(UTF8ToString(name), UTF8ToString(colour)); });
EM_JS(void, js_room_leave, (), { JM.roomLink.leave(); });
EM_JS(void, js_room_end, (), { JM.roomLink.end(); });

std::function<void(const std::string&, const std::string&)> g_on_event;
std::function<std::string()> g_take_local;

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void jm_room_event(const char* type, const char* json) {
    if (g_on_event) g_on_event(type ? type : "", json ? json : "null");
}

// A malloc'ed copy the page frees; nullptr when there is nothing to send.
extern "C" EMSCRIPTEN_KEEPALIVE char* jm_room_take_local() {
    if (!g_take_local) return nullptr;
    const std::string text = g_take_local();
    if (text.empty()) return nullptr;
    char* out = static_cast<char*>(std::malloc(text.size() + 1));
    std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

namespace jm::platform {

std::optional<RoomInvite> room_invite() {
    char* raw = js_room_invite();
    std::string text = raw ? raw : "";
    std::free(raw);
    if (text.empty()) return std::nullopt;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || !j.value("room", std::string()).size()) return std::nullopt;
    return RoomInvite{j.value("room", std::string()), j.value("key", std::string()), j.value("owner", std::string())};
}

void show_room_address(const RoomInvite& invite) { js_room_address(invite.room.c_str(), invite.key.c_str(), invite.owner.c_str()); }
void on_room_event(std::function<void(const std::string&, const std::string&)> handler) { g_on_event = std::move(handler); }
void on_room_take_local(std::function<std::string()> take) { g_take_local = std::move(take); }
void room_probe() { js_room_probe(); }
void room_create(const std::string& title) { js_room_create(title.c_str()); }
void room_join(const std::string& args_json) { js_room_join(args_json.c_str()); }
void room_publish(const std::string& changes_json) { js_room_publish(changes_json.c_str()); }
void room_set_selection(const std::string& ids_json) { js_room_selection(ids_json.c_str()); }
void room_set_user(const std::string& name, const std::string& colour) { js_room_user(name.c_str(), colour.c_str()); }
void room_leave() { js_room_leave(); }
void room_end() { js_room_end(); }

}  // namespace jm::platform
