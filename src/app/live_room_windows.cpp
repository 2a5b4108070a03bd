// The live room's windows (app/live_room.h): File > Start a live session, the
// name asked when joining, and the Live session window with the join link, its
// QR code, the people present and the facilitator's End for everyone.
#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "app/app_state.h"
#include "app/live_room.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "ui/core/window_title.h"
#include "ui/theme.h"

namespace jm {

namespace {

// Colours people pick from: distinct on the light and the dark canvas.
constexpr const char* kColours[] = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324"};
constexpr int kColourCount = static_cast<int>(sizeof kColours / sizeof kColours[0]);

}  // namespace

std::string free_room_colour(const LiveRoom& room) {
    for (const char* c : kColours) {
        const bool taken = std::any_of(room.people.begin(), room.people.end(), [&](const RoomPerson& p) { return !p.self && p.colour == c; });
        if (!taken) return c;
    }
    return room.colour;
}

namespace {

void centre_next_window() { ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f}); }

void swatch(const std::string& colour, float size) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, {p.x + size, p.y + size}, room_colour_value(colour), size * 0.25f);
    ImGui::Dummy({size, size});
}

// The join link's QR code, made by npm's qrcode on the room server: dark
// modules on white with the quiet zone of four modules readers need.
void draw_qr(const LiveRoom& room, float side) {
    const int n = room.qr_size;
    if (n <= 0 || room.qr_modules.size() != static_cast<std::size_t>(n) * n) return;
    const float module = std::max(1.0f, std::floor(side / static_cast<float>(n + 8)));
    const float full = module * static_cast<float>(n + 8);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, {o.x + full, o.y + full}, IM_COL32_WHITE);
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            if (room.qr_modules[static_cast<std::size_t>(y) * n + x] != '1') continue;
            const ImVec2 a{o.x + (x + 4) * module, o.y + (y + 4) * module};
            dl->AddRectFilled(a, {a.x + module, a.y + module}, IM_COL32_BLACK);
        }
    }
    ImGui::Dummy({full, full});
}

std::string trimmed(std::string text) {
    text.erase(0, text.find_first_not_of(' '));
    text.erase(text.find_last_not_of(' ') + 1);
    return text;
}

struct NameEdit {
    bool entered = false;   // Enter in the name field
    bool changed = false;   // the name was edited and left, or another colour picked
};

// "Your name" and "Your colour", in the join dialog and in the Live session window.
NameEdit name_and_colour(LiveRoom& room) {
    NameEdit out;
    if (room.colour.empty()) room.colour = kColours[std::random_device{}() % kColourCount];   // people joining at once differ
    ImGui::TextUnformatted(i18n::tr("Your name"));
    if (room.name_focus) {
        ImGui::SetKeyboardFocusHere();
        room.name_focus = false;
    }
    char buf[81];
    const std::size_t n = std::min(room.name_input.size(), sizeof buf - 1);
    room.name_input.copy(buf, n);
    buf[n] = '\0';
    ImGui::SetNextItemWidth(-1);
    out.entered = ImGui::InputText("##room-name", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
    out.changed = ImGui::IsItemDeactivatedAfterEdit();
    room.name_input = buf;
    ImGui::TextUnformatted(i18n::tr("Your colour"));
    for (int i = 0; i < kColourCount; ++i) {
        ImGui::PushID(i);
        const bool chosen = room.colour == kColours[i];
        ImGui::PushStyleColor(ImGuiCol_Button, room_colour_value(kColours[i]));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, room_colour_value(kColours[i]));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, chosen ? 3.0f : 0.0f);
        if (ImGui::Button(chosen ? "##chosen" : "##colour", {32, 32}) && !chosen) {
            room.colour = kColours[i];
            room.colour_picked = true;
            out.changed = true;
        }
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(2);
        ImGui::PopID();
        if (i + 1 < kColourCount) ImGui::SameLine();
    }
    return out;
}

void start_dialog(AppState& app) {
    LiveRoom& room = app.live;
    const std::string title = ui::window_title(i18n::tr("Start a live session"), "Start a live session");
    if (room.show_start) {
        ImGui::OpenPopup(title.c_str());
        room.show_start = false;
    }
    centre_next_window();
    ImGui::SetNextWindowSize({620, 0});
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextWrapped("%s", i18n::tr("Everyone in the room edits this map at once from their own laptop, over this network. "
                                       "The map goes only to the room server on this laptop and to the people who join: no cloud, no account."));
    ImGui::Spacing();
    bool close = false;
    if (!room.probed) {
        ImGui::TextDisabled("%s", i18n::tr("Looking for the room server..."));
    } else if (!room.server_available) {
        ImGui::TextWrapped("%s", i18n::tr("This editor was not opened from a room server. On the facilitator's laptop, run this "
                                          "command in the project folder, then open the address it prints and choose "
                                          "File > Start a live session again:"));
        ImGui::TextUnformatted("    scripts/room.sh");   // i18n: not shown (a command, typed as it is)
    } else {
        ImGui::TextWrapped("%s", i18n::trf("The room server answers at {address}. People join with a link and a QR code you show them.",
                                           {{"address", room.server_links.empty() ? std::string("?") : room.server_links.front()}})
                                     .c_str());
        if (!room.problem.empty()) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", room.problem.c_str());
        ImGui::Spacing();
        ImGui::BeginDisabled(room.creating);
        if (ImGui::Button(i18n::tr(ICON_USERS "  Start the session"))) start_room(app);
        ImGui::EndDisabled();
        ImGui::SameLine();
    }
    if (ImGui::Button(i18n::tr("Close")) || ImGui::IsKeyPressed(ImGuiKey_Escape)) close = true;
    if (close || room.phase != LiveRoom::Phase::Off) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void join_dialog(AppState& app) {
    LiveRoom& room = app.live;
    const std::string title = ui::window_title(i18n::tr("Join the live session"), "Join the live session");
    if (room.phase == LiveRoom::Phase::AskName && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    centre_next_window();
    ImGui::SetNextWindowSize({520, 0});
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (room.phase != LiveRoom::Phase::AskName) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextWrapped("%s", room.facilitator() ? i18n::tr("Your name and colour show the others what you select and edit.")
                                                : i18n::tr("You are joining a live session: everyone edits this map at once. "
                                                           "Your name and colour show the others what you select and edit."));
    ImGui::Spacing();
    const NameEdit edit = name_and_colour(room);
    ImGui::Spacing();
    const std::string name = trimmed(room.name_input);
    ImGui::BeginDisabled(name.empty());
    if ((ImGui::Button(i18n::tr(ICON_USERS "  Join")) || edit.entered) && !name.empty()) {
        join_room_as(app, name, room.colour);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Not now"))) {
        room.phase = LiveRoom::Phase::Off;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void people_list(const LiveRoom& room) {
    ImGui::SeparatorText(i18n::trn("{n} people here", static_cast<long long>(room.people.size())).c_str());
    const float size = ImGui::GetTextLineHeight();
    for (const RoomPerson& p : room.people) {
        swatch(p.colour, size);
        ImGui::SameLine();
        if (p.self) ImGui::TextUnformatted(i18n::trf("{name} (you)", {{"name", p.name}}).c_str());
        else ImGui::TextUnformatted(p.name.c_str());
    }
}

void link_and_qr(LiveRoom& room) {
    if (room.join_url.empty()) return;
    ImGui::SeparatorText(i18n::tr("Join link"));
    ImGui::TextWrapped("%s", i18n::tr("Open it on a laptop on this network, or scan the code with a phone's camera."));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##join-link", room.join_url.data(), room.join_url.size() + 1, ImGuiInputTextFlags_ReadOnly);
    if (ImGui::Button(i18n::tr("Copy link"))) ImGui::SetClipboardText(room.join_url.c_str());
    draw_qr(room, std::min(ImGui::GetContentRegionAvail().x, 240.0f));
}

void end_confirm(AppState& app) {
    LiveRoom& room = app.live;
    const std::string title = ui::window_title(i18n::tr("End the live session?"), "End the live session?");
    if (room.confirm_end) {
        ImGui::OpenPopup(title.c_str());
        room.confirm_end = false;
    }
    centre_next_window();
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextWrapped("%s", i18n::tr("Everyone's editor leaves the room and keeps the map in its library. "
                                      "The final map is downloaded to this laptop."));
    if (ImGui::Button(i18n::tr("End for everyone"))) {
        end_room(app);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// A window the browser's resize left partly outside the page comes back whole
// (its close button and End for everyone must stay reachable).
void keep_in_view() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float x = std::clamp(pos.x, vp->WorkPos.x, std::max(vp->WorkPos.x, vp->WorkPos.x + vp->WorkSize.x - size.x));
    const float y = std::clamp(pos.y, vp->WorkPos.y, std::max(vp->WorkPos.y, vp->WorkPos.y + vp->WorkSize.y - size.y));
    if (x != pos.x || y != pos.y) ImGui::SetWindowPos({x, y});
}

void session_window(AppState& app) {
    LiveRoom& room = app.live;
    if (!room.show_window) return;
    const std::string title = ui::window_title(i18n::tr("Live session"), "Live session");
    ImGui::SetNextWindowSize({420, 0}, ImGuiCond_Appearing);
    // Over the right of the map, clear of a docked inspector.
    const ImVec2 corner{app.ed.canvas_origin.x + app.ed.canvas_size.x - app.ed.canvas_covered_right - 16, app.ed.canvas_origin.y + 16};
    ImGui::SetNextWindowPos(corner, ImGuiCond_Appearing, {1.0f, 0.0f});
    if (!ImGui::Begin(title.c_str(), &room.show_window, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    keep_in_view();
    const std::string status = live_status_text(room);
    if (!status.empty()) ImGui::TextUnformatted(status.c_str());
    if (!room.problem.empty()) ImGui::TextWrapped("%s", room.problem.c_str());
    if (room.phase == LiveRoom::Phase::Ended && room.problem.empty())
        ImGui::TextWrapped("%s", i18n::tr("The session has ended. The map stays in your library."));
    if (room_is_on(room)) {
        people_list(room);
        if (ImGui::TreeNode(i18n::tr("Your name and colour"))) {
            const NameEdit edit = name_and_colour(room);
            if ((edit.changed || edit.entered) && !trimmed(room.name_input).empty())
                rename_in_room(app, trimmed(room.name_input), room.colour);
            ImGui::TreePop();
        }
        link_and_qr(room);
        if (room.refused_count > 0 && ImGui::CollapsingHeader(i18n::trn("{n} changes from the room refused", room.refused_count).c_str())) {
            for (const std::string& why : room.refused_log) ImGui::TextWrapped("%s", why.c_str());   // i18n: not shown (technical log lines, as in the console)
        }
        ImGui::Separator();
        if (room.facilitator()) {
            ImGui::BeginDisabled(room.ending);
            if (ImGui::Button(i18n::tr("End for everyone..."))) room.confirm_end = true;
            ImGui::EndDisabled();
            ImGui::SameLine();
        }
        if (ImGui::Button(i18n::tr("Leave session"))) leave_room(app);
    }
    end_confirm(app);
    ImGui::End();
}

}  // namespace

void draw_live_room_windows(AppState& app) {
    start_dialog(app);
    join_dialog(app);
    session_window(app);
}

}  // namespace jm
