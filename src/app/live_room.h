// File > Start a live session, and joining one by its link: everyone in the
// workshop edits one map at once through the room server on the facilitator's
// laptop (scripts/room.sh). The map stays the editor's own (the C++ model is
// the source of truth in each browser): the user's edits go out as by-id
// changes, peers' edits come in as changes checked against the map and applied
// off the user's undo stack (edit/room_stream.h). The browser side is
// platform/web/web_room.h; the windows are app/live_room_windows.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "edit/room_stream.h"
#include "model/map.h"
#include "platform/web/web_room.h"
#include "ui/icons.h"


namespace jm {

struct AppState;

struct RoomPerson {
    std::string name;
    std::string colour;                  // "#rrggbb"
    std::vector<std::string> selection;  // ids of the cards and stage they have selected
    bool self = false;
    double client = 0;                   // the Yjs client id: who keeps a colour two people have
};

struct LiveRoom {
    enum class Phase {
        Off,          // no room
        AskName,      // a join link is open (or a room was made): the name is asked first
        Connecting,   // to the room server, then the first sync
        Live,
        Offline,      // the connection dropped: edits are kept and sent when it returns
        Ended,        // the facilitator ended the room
    };
    Phase phase = Phase::Off;
    platform::RoomInvite invite;
    bool facilitator() const { return !invite.owner.empty(); }
    bool checked_address = false;        // the page address was read for a join link

    // The room server (the start dialog asks whether the page came from one).
    bool probing = false, probed = false, server_available = false;
    std::vector<std::string> server_links;
    bool creating = false;

    RoomStream stream;
    std::optional<Map> seed;              // the map as sent to seed a new room, until the room has it
    std::uint64_t sent_revision = ~0ull;  // the document revision the room has
    std::string sent_selection;           // the selection as the room last heard it (JSON)

    std::vector<RoomPerson> people;
    std::string join_url;
    int qr_size = 0;
    std::string qr_modules;               // qr_size * qr_size of '0' / '1', row by row
    int refused_count = 0;
    std::vector<std::string> refused_log; // the newest refusals, for the Live session window
    std::string problem;                  // why the room could not be joined or made
    bool ending = false;                  // End for everyone asked, waiting for the server

    // Windows (app/live_room_windows.cpp).
    bool show_start = false, show_window = false, confirm_end = false;
    std::string name_input, colour;
    bool colour_picked = false;           // clicked in this session: kept even when someone has it too
    bool name_focus = false;
};

// Reads a join link in the page address once the editor has started; hooks
// the room's events. Called every frame: sends the user's edits and selection.
void live_room_frame(AppState& app);
void room_event(AppState& app, const std::string& type, const std::string& json);
std::string room_take_local(AppState& app);

// File > Start a live session...
void open_start_room(AppState& app);
void start_room(AppState& app);
// The join dialog's answer: the name (remembered) and colour.
void join_room_as(AppState& app, const std::string& name, const std::string& colour);
// The Live session window's name and colour: remembered, and shown to the others at once.
void rename_in_room(AppState& app, const std::string& name, const std::string& colour);
void leave_room(AppState& app);
void end_room(AppState& app);

// A colour nobody else in the room has (the user's own when all are taken).
std::string free_room_colour(const LiveRoom& room);   // live_room_windows.cpp, beside the palette

// "#rrggbb" as an ImU32 (grey for anything else): a person's colour.
std::uint32_t room_colour_value(const std::string& hex);

// "Live - 12 people", "Live - offline", "" when no room.
std::string live_status_text(const LiveRoom& room);
bool room_is_on(const LiveRoom& room);

// For window.journeymap.roomState().
nlohmann::json room_state_json(const AppState& app);

void draw_live_room_windows(AppState& app);   // live_room_windows.cpp

}  // namespace jm
