// What the live room needs from the browser (web_room.cpp, web/room_link.js,
// web/room/room_client.mjs): the join link in the page address, the room
// server's answers, and the shared document's traffic. Plain declarations, no
// Emscripten: app/live_room.cpp calls these.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace jm::platform {

// A join link's room, its secret key and, for the facilitator, the token that
// may end the room: "?room=ID#key=KEY&owner=TOKEN" in the page address.
struct RoomInvite {
    std::string room, key, owner;
};
std::optional<RoomInvite> room_invite();
// Puts a room's link into the address bar (no reload), so that a reload rejoins.
void show_room_address(const RoomInvite& invite);

// Everything the room reports, between frames, as (type, JSON):
//   server {available, links}         whether the page came from a room server
//   created {room, key, owner, joinUrl, qr}   a room this editor asked for
//   seeded {meta}                     this editor's map is now the room's
//   snapshot {meta, states}           the room's map, on joining (edit/room_stream.h)
//   remote {modified, entities}       what peers changed
//   people [{name, colour, selection, self}]
//   link {joinUrl, qr}                the join link and its QR code modules
//   status {state, reason}            connecting | live | offline | ended | refused | empty
//   end-answer {ok}, error {message}
void on_room_event(std::function<void(const std::string& type, const std::string& json)> handler);
// Asked right before a peer's edit is read: the user's edits not yet sent, as
// {"changes": [...], "modified": ..} text, or "" when there are none.
void on_room_take_local(std::function<std::string()> take);

void room_probe();
void room_create(const std::string& title);
// {room, key, owner, name, colour, seed?}: seed ({map, changes}) fills a room
// that is still empty (the facilitator's first join).
void room_join(const std::string& args_json);
void room_publish(const std::string& changes_json);
void room_set_selection(const std::string& ids_json);
void room_set_user(const std::string& name, const std::string& colour);
void room_leave();
void room_end();

}  // namespace jm::platform
