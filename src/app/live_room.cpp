#include "app/live_room.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/app_state.h"
#include "app/session.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "platform/platform.h"
#include "platform/settings.h"

namespace jm {

namespace {

using nlohmann::json;

constexpr std::size_t kRefusedLogSize = 50;
constexpr const char* kNameSetting = "room-name";  // i18n: not shown (JSON keys, setting names and log lines)
constexpr const char* kColourSetting = "room-colour";  // i18n: not shown (JSON keys, setting names and log lines)

bool live_or_offline(const LiveRoom& r) { return r.phase == LiveRoom::Phase::Live || r.phase == LiveRoom::Phase::Offline; }

std::string text_of(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A refused change goes to the browser's console and the Live session window;
// the map stays as it was.
void log_refusals(LiveRoom& room, const std::vector<std::string>& refused) {
    for (const std::string& why : refused) {
        std::fprintf(stderr, "live room: refused a change from the room: %s\n", why.c_str());  // i18n: not shown (JSON keys, setting names and log lines)
        room.refused_log.push_back(why);
        ++room.refused_count;
    }
    if (room.refused_log.size() > kRefusedLogSize)
        room.refused_log.erase(room.refused_log.begin(), room.refused_log.end() - kRefusedLogSize);
}

json local_payload(const std::vector<Change>& changes, const Map& map) {
    json list = json::array();
    for (const Change& c : changes) list.push_back(change_to_json(c));
    return {{"changes", std::move(list)}, {"modified", map.modified}};  // i18n: not shown (JSON keys, setting names and log lines)
}

// The user's edits since the room last heard from this editor.
std::vector<Change> take_user_edits(AppState& app) {
    LiveRoom& room = app.live;
    if (!room.stream.active() || app.ed.doc.revision() == room.sent_revision) return {};
    room.sent_revision = app.ed.doc.revision();
    return room.stream.take_local(app.ed.doc.map);
}

void stop_room(AppState& app, LiveRoom::Phase phase) {
    LiveRoom& room = app.live;
    platform::room_leave();
    platform::show_room_address({});   // a reload opens the library, not the room
    room.stream.stop();
    room.seed.reset();
    room.phase = phase;
    room.people.clear();
    room.ending = false;
    app.ed.peer_marks.clear();
}

std::string selection_json(const ui::Selection& selection) {
    json ids = json::array();
    for (const auto& id : selection.touchpoints()) ids.push_back(id);
    if (selection.kind() == ui::SelectionKind::Stage) ids.push_back(selection.stage());
    return ids.dump();
}

void update_peer_marks(AppState& app) {
    app.ed.peer_marks.clear();
    for (const RoomPerson& p : app.live.people) {
        if (p.self) continue;
        for (const std::string& id : p.selection) app.ed.peer_marks[id].push_back(ui::PeerMark{p.name, room_colour_value(p.colour)});
    }
}

void on_people(AppState& app, const json& list) {
    LiveRoom& room = app.live;
    room.people.clear();
    if (!list.is_array()) return;
    for (const json& p : list) {
        if (!p.is_object()) continue;
        RoomPerson person{text_of(p, "name"), text_of(p, "colour"), {}, p.value("self", false), p.value("client", 0.0)};  // i18n: not shown (JSON keys, setting names and log lines)
        if (auto sel = p.find("selection"); sel != p.end() && sel->is_array()) {  // i18n: not shown (JSON keys, setting names and log lines)
            for (const json& id : *sel) if (id.is_string()) person.selection.push_back(id.get<std::string>());
        }
        room.people.push_back(std::move(person));
    }
    // Two people in one colour cannot tell their outlines apart: the one with
    // the larger Yjs client id (random; any rule both sides apply alike) moves
    // to a free colour, unless they picked theirs by hand.
    const auto self = std::find_if(room.people.begin(), room.people.end(), [](const RoomPerson& p) { return p.self; });
    if (self != room.people.end() && !room.colour_picked) {
        const bool yield = std::any_of(room.people.begin(), room.people.end(), [&](const RoomPerson& p) {
            return !p.self && p.colour == self->colour && p.client < self->client;
        });
        if (yield) {
            room.colour = free_room_colour(room);
            rename_in_room(app, self->name, room.colour);
        }
    }
    update_peer_marks(app);
}

// The room's map replaces the open one: the joiner's first view, or a rejoin.
void on_snapshot(AppState& app, const json& data) {
    LiveRoom& room = app.live;
    std::vector<std::string> refused;
    Map map = map_from_room(data.value("meta", json::object()), data.value("states", json::object()), refused);  // i18n: not shown (JSON keys, setting names and log lines)
    log_refusals(room, refused);
    switch_to(app, std::move(map));
    room.stream.start(app.ed.doc.map);
    room.sent_revision = app.ed.doc.revision();
    room.seed.reset();
    room.phase = LiveRoom::Phase::Live;
    app.ed.fit_pending = true;
}

// This editor's map seeded a new room: the room holds the map as it was sent;
// whatever the user did since goes out on the next frame.
void on_seeded(AppState& app) {
    LiveRoom& room = app.live;
    room.stream.start(room.seed ? *room.seed : app.ed.doc.map);
    room.seed.reset();
    room.sent_revision = ~0ull;
    room.phase = LiveRoom::Phase::Live;
}

void on_remote(AppState& app, const json& states) {
    LiveRoom& room = app.live;
    if (!room.stream.active()) return;
    RoomStream::Incoming in = room.stream.take_remote(states);
    log_refusals(room, in.refused);
    app.ed.doc.apply_remote(remote_edit(app.ed.doc.map, std::move(in.accepted), text_of(states, "modified")));  // i18n: not shown (JSON keys, setting names and log lines)
    room.sent_revision = app.ed.doc.revision();
    app.ed.selection.prune(app.ed.doc.map);
}

void on_status(AppState& app, const json& data) {
    LiveRoom& room = app.live;
    const std::string state = text_of(data, "state");  // i18n: not shown (JSON keys, setting names and log lines)
    if (state == "live" && room.stream.active()) room.phase = LiveRoom::Phase::Live;  // i18n: not shown (JSON keys, setting names and log lines)
    else if (state == "offline" && live_or_offline(room)) room.phase = LiveRoom::Phase::Offline;  // i18n: not shown (JSON keys, setting names and log lines)
    else if (state == "ended" && room.phase != LiveRoom::Phase::Off) {  // i18n: not shown (JSON keys, setting names and log lines)
        const bool was_joining = !room.stream.active();
        stop_room(app, LiveRoom::Phase::Ended);
        if (was_joining) room.problem = i18n::tr("This live session has ended.");
        else app.ed.notify(i18n::tr("The facilitator ended the live session. The map stays in your library."));
        room.show_window = true;
    } else if (state == "refused") {  // i18n: not shown (JSON keys, setting names and log lines)
        stop_room(app, LiveRoom::Phase::Off);
        const std::string reason = text_of(data, "reason");  // i18n: not shown (JSON keys, setting names and log lines)
        room.problem = reason == "key" ? i18n::tr("The room refused this link: its key is wrong. Ask the facilitator for the link again.")  // i18n: not shown (JSON keys, setting names and log lines)
                                       : i18n::tr("The room server does not know this room. Ask the facilitator for the link again.");
        room.show_window = true;
    } else if (state == "empty") {  // i18n: not shown (JSON keys, setting names and log lines)
        stop_room(app, LiveRoom::Phase::Off);
        room.problem = i18n::tr("This room has no map yet: the facilitator's editor has not started it.");
        room.show_window = true;
    }
}

// The name is asked once: a remembered one joins at once (the Live session
// window can change it later).
void ask_name_or_join(AppState& app) {
    LiveRoom& room = app.live;
    room.name_input = platform::setting(kNameSetting).value_or("");
    room.colour = platform::setting(kColourSetting).value_or("");
    if (!room.name_input.empty() && !room.colour.empty()) {
        join_room_as(app, room.name_input, room.colour);
        return;
    }
    room.phase = LiveRoom::Phase::AskName;
    room.name_focus = true;
}

void on_created(AppState& app, const json& data) {
    LiveRoom& room = app.live;
    room.creating = false;
    room.invite = platform::RoomInvite{text_of(data, "room"), text_of(data, "key"), text_of(data, "owner")};  // i18n: not shown (JSON keys, setting names and log lines)
    room.join_url = text_of(data, "joinUrl");  // i18n: not shown (JSON keys, setting names and log lines)
    if (auto qr = data.find("qr"); qr != data.end() && qr->is_object()) {  // i18n: not shown (JSON keys, setting names and log lines)
        room.qr_size = qr->value("size", 0);  // i18n: not shown (JSON keys, setting names and log lines)
        room.qr_modules = text_of(*qr, "modules");  // i18n: not shown (JSON keys, setting names and log lines)
    }
    platform::show_room_address(room.invite);
    room.show_start = false;
    ask_name_or_join(app);
}

void on_link(LiveRoom& room, const json& data) {
    room.join_url = text_of(data, "joinUrl");  // i18n: not shown (JSON keys, setting names and log lines)
    if (auto qr = data.find("qr"); qr != data.end() && qr->is_object()) {  // i18n: not shown (JSON keys, setting names and log lines)
        room.qr_size = qr->value("size", 0);  // i18n: not shown (JSON keys, setting names and log lines)
        room.qr_modules = text_of(*qr, "modules");  // i18n: not shown (JSON keys, setting names and log lines)
    }
}

void on_end_answer(AppState& app, const json& data) {
    LiveRoom& room = app.live;
    room.ending = false;
    if (!data.value("ok", false)) {  // i18n: not shown (JSON keys, setting names and log lines)
        room.problem = i18n::tr("The room server did not end the session. Try again.");
        return;
    }
    stop_room(app, LiveRoom::Phase::Ended);
    download_current(app);
    app.ed.notify(i18n::tr("Live session ended. The final map was downloaded and stays in your library."));
}

}  // namespace

std::uint32_t room_colour_value(const std::string& hex) {
    unsigned r = 0x88, g = 0x88, b = 0x88;
    if (hex.size() == 7 && hex[0] == '#') std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
    return IM_COL32(r, g, b, 255);
}

bool room_is_on(const LiveRoom& room) { return room.phase != LiveRoom::Phase::Off && room.phase != LiveRoom::Phase::Ended; }

void room_event(AppState& app, const std::string& type, const std::string& text) {
    const json data = json::parse(text, nullptr, false);
    if (data.is_discarded()) return;
    LiveRoom& room = app.live;
    if (type == "server") {  // i18n: not shown (JSON keys, setting names and log lines)
        room.probing = false;
        room.probed = true;
        room.server_available = data.value("available", false);  // i18n: not shown (JSON keys, setting names and log lines)
        room.server_links.clear();
        if (auto links = data.find("links"); links != data.end() && links->is_array())  // i18n: not shown (JSON keys, setting names and log lines)
            for (const json& l : *links) if (l.is_string()) room.server_links.push_back(l.get<std::string>());
    } else if (type == "created") {  // i18n: not shown (JSON keys, setting names and log lines)
        on_created(app, data);
    } else if (type == "error") {  // i18n: not shown (JSON keys, setting names and log lines)
        room.creating = false;
        room.problem = i18n::trf("The live session could not start: {reason}", {{"reason", text_of(data, "message")}});  // i18n: not shown (JSON keys, setting names and log lines)
        if (room.phase == LiveRoom::Phase::Connecting) room.phase = LiveRoom::Phase::Off;
        room.show_window = true;
    } else if (room.phase == LiveRoom::Phase::Off || room.phase == LiveRoom::Phase::Ended) {
        return;   // a late answer from a room already left
    } else if (type == "snapshot") {  // i18n: not shown (JSON keys, setting names and log lines)
        on_snapshot(app, data);
    } else if (type == "seeded") {  // i18n: not shown (JSON keys, setting names and log lines)
        on_seeded(app);
    } else if (type == "remote") {  // i18n: not shown (JSON keys, setting names and log lines)
        on_remote(app, data);
    } else if (type == "people") {  // i18n: not shown (JSON keys, setting names and log lines)
        on_people(app, data);
    } else if (type == "link") {  // i18n: not shown (JSON keys, setting names and log lines)
        on_link(room, data);
    } else if (type == "status") {  // i18n: not shown (JSON keys, setting names and log lines)
        on_status(app, data);
    } else if (type == "end-answer") {  // i18n: not shown (JSON keys, setting names and log lines)
        on_end_answer(app, data);
    }
}

std::string room_take_local(AppState& app) {
    const std::vector<Change> changes = take_user_edits(app);
    return changes.empty() ? std::string() : local_payload(changes, app.ed.doc.map).dump();
}

void live_room_frame(AppState& app) {
    LiveRoom& room = app.live;
    if (!room.checked_address) {
        room.checked_address = true;
        platform::on_room_event([&app](const std::string& type, const std::string& json) { room_event(app, type, json); });
        platform::on_room_take_local([&app] { return room_take_local(app); });
        if (auto invite = platform::room_invite()) {
            room.invite = *invite;
            ask_name_or_join(app);
        }
    }
    app.ed.live_status = live_status_text(room);
    if (app.ed.live_status_clicked) room.show_window = true;
    app.ed.live_status_clicked = false;
    if (!room.stream.active()) return;
    // Another map was opened: the room goes on without this editor.
    if (app.ed.doc.map.id != room.stream.shadow().id) {
        stop_room(app, LiveRoom::Phase::Off);
        app.ed.notify(i18n::tr("You left the live session: another map is open. The room's map stays in your library."));
        return;
    }
    if (const std::vector<Change> changes = take_user_edits(app); !changes.empty())
        platform::room_publish(local_payload(changes, app.ed.doc.map).dump());
    if (std::string sel = selection_json(app.ed.selection); sel != room.sent_selection) {
        room.sent_selection = sel;
        platform::room_set_selection(sel);
    }
}

void open_start_room(AppState& app) {
    LiveRoom& room = app.live;
    if (room_is_on(room)) {
        room.show_window = true;
        return;
    }
    room.show_start = true;
    room.problem.clear();
    if (!room.probing) {
        room.probing = true;
        platform::room_probe();
    }
}

void start_room(AppState& app) {
    LiveRoom& room = app.live;
    if (room.creating || room_is_on(room)) return;
    room.creating = true;
    room.problem.clear();
    platform::room_create(app.ed.doc.map.title);
}

void join_room_as(AppState& app, const std::string& name, const std::string& colour) {
    LiveRoom& room = app.live;
    platform::remember_setting(kNameSetting, name);
    platform::remember_setting(kColourSetting, colour);
    json args = {{"room", room.invite.room}, {"key", room.invite.key}, {"owner", room.invite.owner}, {"name", name}, {"colour", colour}};  // i18n: not shown (JSON keys, setting names and log lines)
    if (room.facilitator() && !app.ed.doc.read_only) {   // the facilitator's map seeds a room that is still empty
        room.seed = app.ed.doc.map;
        json changes = json::array();
        for (const Change& c : changes_from_empty(*room.seed)) changes.push_back(change_to_json(c));
        const Map& m = *room.seed;
        args["seed"] = {{"map", {{"id", m.id}, {"title", m.title}, {"created", m.created}, {"modified", m.modified},  // i18n: not shown (JSON keys, setting names and log lines)
                                 {"lineage", lineage_to_json(m.lineage)}}},  // i18n: not shown (JSON keys, setting names and log lines)
                        {"changes", std::move(changes)}};  // i18n: not shown (JSON keys, setting names and log lines)
    }
    room.phase = LiveRoom::Phase::Connecting;
    room.sent_selection.clear();
    room.show_window = room.facilitator();   // the facilitator shows the link and QR code next
    platform::room_join(args.dump(-1, ' ', false, json::error_handler_t::replace));
}

void rename_in_room(AppState& app, const std::string& name, const std::string& colour) {
    platform::remember_setting(kNameSetting, name);  // i18n: not shown (JSON keys, setting names and log lines)
    platform::remember_setting(kColourSetting, colour);
    platform::room_set_user(name, colour);
}

void leave_room(AppState& app) {
    if (!room_is_on(app.live)) return;
    stop_room(app, LiveRoom::Phase::Off);
    app.live.invite = {};
    app.ed.notify(i18n::tr("You left the live session. The map stays in your library."));
}

void end_room(AppState& app) {
    LiveRoom& room = app.live;
    if (!room.facilitator() || room.ending || !room_is_on(room)) return;
    room.ending = true;
    room.problem.clear();
    platform::room_end();
}

std::string live_status_text(const LiveRoom& room) {
    switch (room.phase) {
        case LiveRoom::Phase::Off:
        case LiveRoom::Phase::Ended:
        case LiveRoom::Phase::AskName: return {};
        case LiveRoom::Phase::Connecting: return i18n::tr("Live - connecting...");
        case LiveRoom::Phase::Live:
            return i18n::trn("Live - {n} people", static_cast<long long>(std::max<std::size_t>(room.people.size(), 1)));
        case LiveRoom::Phase::Offline: return i18n::tr("Live - offline, your edits are kept");
    }
    return {};
}

json room_state_json(const AppState& app) {
    const LiveRoom& room = app.live;
    static const char* const phases[] = {"off", "ask-name", "connecting", "live", "offline", "ended"};  // i18n: not shown (JSON keys, setting names and log lines)
    json people = json::array();
    for (const RoomPerson& p : room.people)
        people.push_back({{"name", p.name}, {"colour", p.colour}, {"selection", p.selection}, {"self", p.self}});  // i18n: not shown (JSON keys, setting names and log lines)
    return {{"phase", phases[static_cast<int>(room.phase)]},  // i18n: not shown (JSON keys, setting names and log lines)
            {"room", room.invite.room},  // i18n: not shown (JSON keys, setting names and log lines)
            {"facilitator", room.facilitator()},  // i18n: not shown (JSON keys, setting names and log lines)
            {"people", std::move(people)},  // i18n: not shown (JSON keys, setting names and log lines)
            {"joinUrl", room.join_url},  // i18n: not shown (JSON keys, setting names and log lines)
            {"qrSize", room.qr_size},  // i18n: not shown (JSON keys, setting names and log lines)
            {"refused", room.refused_count},  // i18n: not shown (JSON keys, setting names and log lines)
            {"refusedLog", room.refused_log},  // i18n: not shown (JSON keys, setting names and log lines)
            {"problem", room.problem},  // i18n: not shown (JSON keys, setting names and log lines)
            {"serverAvailable", room.server_available},  // i18n: not shown (JSON keys, setting names and log lines)
            {"status", live_status_text(room)}};  // i18n: not shown (JSON keys, setting names and log lines)
}

}  // namespace jm
