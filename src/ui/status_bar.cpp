// The bottom line: counts, the persona filter, the top hotspot, save state, zoom.
// The save state and zoom sit on the right; what is on the left is shortened
// (with "…") or left out when it would run into them.
#include <algorithm>
#include <string>

#include "i18n/i18n.h"
#include "imgui.h"
#include "ui/compare_view.h"
#include "ui/editor_actions.h"
#include "ui/icons.h"
#include "ui/panels.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

constexpr float kGap = 20;          // between the left part and the save state
constexpr float kMinPiece = 60;     // a left piece narrower than this is left out
constexpr const char* kEllipsis = "\xe2\x80\xa6";

// The app marks a saved state with a lock when the browser granted persistent
// storage (src/app/session.cpp).
constexpr const char* kLock = "\xef\x80\xa3";   // U+F023

const char* save_tooltip(const std::string& status, bool problem, bool read_only) {
    if (read_only)
        return i18n::tr("A shared map, open to be read: nothing of it is stored in this browser.\n"
                        "Save a copy (in the bar above the map) to keep it in your library and edit it.");
    if (problem)
        return i18n::tr("This map is not stored in this browser. It stays open here, and leaving the page asks first:\n"
                        "use File > Download map (Ctrl+S) to keep a copy.");
    // As src/app/session.cpp words it. i18n: not shown (compared, never drawn)
    if (status.rfind("Saving", 0) == 0 || status == i18n::tr("Saving..."))
        return i18n::tr("Your last change is being stored in this browser.");
    if (status.find(kLock) != std::string::npos)
        return i18n::tr("Stored in this browser, which granted persistent storage: it will not clear your maps to free disk space.\n"
                        "Clearing this site's data still deletes them; Download keeps a copy anywhere.");
    return i18n::tr("Stored in this browser, which has not granted persistent storage: when the disk runs low it may\n"
                    "clear this site's data. Download the maps you need to keep.");
}

std::size_t cards_for(const Map& map, const std::string& persona) {
    std::size_t n = 0;
    for (const auto& s : map.stages)
        for (const auto& t : s.touchpoints)
            for (const auto& p : t.persona_ids) n += p == persona;
    return n;
}


// One line of text: a title typed with line breaks would otherwise push the bar's
// second line over the first.
std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return text;
}

// `text` as an item of its own, named `id`: it can be hovered and clicked, and
// browser tests find where it is. The text itself goes through ImGui's text
// (and its text log, which tests read).
bool text_item(const std::string& text, const char* id) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::TextUnformatted(text.c_str());
    const ImVec2 size = ImGui::GetItemRectSize();
    ImGui::SetCursorScreenPos(pos);
    return ImGui::InvisibleButton(id, {std::max(size.x, 1.0f), std::max(size.y, 1.0f)});
}

// A "|" and `text` after the last item, if there is room before `right_x`;
// `text` is cut with "…" to the room there is (hover shows it whole, and
// `click_hint` when a click does something). Returns whether it was clicked.
bool left_piece(const std::string& whole, float right_x, const char* id, const char* click_hint = nullptr) {
    const std::string text = one_line(whole);
    const float sep = ImGui::CalcTextSize("|").x + 2 * ImGui::GetStyle().ItemSpacing.x;
    const float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    const float room = right_x - kGap - used - sep;
    if (room < kMinPiece) return false;
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    std::string fitted = shortened(text, room);
    const bool clicked = text_item(fitted, id);
    if (ImGui::IsItemHovered() && (fitted != text || click_hint)) {
        if (click_hint) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s%s%s", fitted != text ? text.c_str() : "", fitted != text && click_hint ? "\n" : "", click_hint ? click_hint : "");
    }
    return clicked;
}

// A click or a key press this frame.
bool user_acted() {
    const ImGuiIO& io = ImGui::GetIO();
    for (bool clicked : io.MouseClicked)
        if (clicked) return true;
    for (int key = ImGuiKey_NamedKey_BEGIN; key < ImGuiKey_NamedKey_END; ++key)
        if (ImGui::IsKeyPressed(static_cast<ImGuiKey>(key), false)) return true;
    return false;
}

}  // namespace

std::string shortened(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    // The longest prefix, cut at a character boundary, that fits with "…" (binary
    // search: a title of any length costs a few measurements per frame).
    const auto boundary = [&](std::size_t n) {   // the start of the character holding byte n
        while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
        return n;
    };
    const auto fits = [&](std::size_t n) { return ImGui::CalcTextSize((text.substr(0, n) + kEllipsis).c_str()).x <= width; };
    std::size_t lo = 0, hi = text.size();   // fits(lo) or lo == 0; !fits(hi)
    while (hi - lo > 1) {
        const std::size_t mid = boundary(lo + (hi - lo) / 2);
        if (mid <= lo) break;
        if (fits(mid)) lo = mid;
        else hi = mid;
    }
    // Between lo and hi there may be one more whole character that fits.
    for (std::size_t n = boundary(hi); n > lo; n = boundary(n - 1))
        if (fits(n)) return text.substr(0, n) + kEllipsis;
    return lo > 0 || fits(0) ? text.substr(0, lo) + kEllipsis : "";
}

void draw_status_bar(EditorState& st) {
    const Map& map = st.doc.map;
    const std::string zoom = i18n::percent(static_cast<int>(st.view.zoom * 100 + 0.5f), 0);
    const std::string save = st.save_problem ? std::string(ICON_WARNING " ") + st.save_status : st.save_status;
    const float right_w = ImGui::CalcTextSize(save.c_str()).x + ImGui::CalcTextSize(zoom.c_str()).x + 60;
    const float right_x = std::max(ImGui::GetCursorPosX() + kGap, ImGui::GetWindowWidth() - right_w);

    const auto count = [](std::size_t n) { return static_cast<long long>(n); };
    text_item(i18n::trn("{n} stages", count(map.stages.size())) + "  " + i18n::trn("{n} touchpoints", count(touchpoint_count(map))) + "  " +
                  i18n::trn("{n} personas", count(map.personas.size())),
              "##status-counts");
    if (!st.live_status.empty() &&
        left_piece(std::string(ICON_USERS " ") + st.live_status, right_x, "##status-live", i18n::tr("Click to show the Live session window")))
        st.live_status_clicked = true;
    if (st.compare.active() &&
        left_piece(std::string(ICON_HANDOFF " ") + compare_counts_text(st), right_x, "##status-compare", i18n::tr("Click to show the Compare list")))
        st.compare.show_list = true;
    if (!st.view_as_persona.empty()) {
        const Persona* p = find_persona(map, st.view_as_persona);
        std::size_t mine = cards_for(map, st.view_as_persona);
        left_piece(std::string(ICON_EYE " ") + i18n::trf("Viewing as {persona}: {shown}, {dimmed}",
                                                         {{"shown", i18n::trn("{n} cards shown", count(mine))},
                                                          {"dimmed", i18n::trn("{n} dimmed", count(touchpoint_count(map) - mine))},
                                                          {"persona", p ? p->name : "?"}}),
                   right_x, "##status-view-as");
    }
    // A fresh notice before the hotspot: it is news, and it gets the room.
    if (!st.notice.empty()) {
        const double age = ImGui::GetTime() - st.notice_time;
        if (age > 0.5 && user_acted()) st.notice_seen = true;   // not the click that made the notice
        if (age < 4.0 || !st.notice_seen) left_piece(st.notice, right_x, "##status-notice");
    }
    if (!st.metrics.hotspots.touchpoints.empty()) {
        const auto& top = st.metrics.hotspots.touchpoints.front();
        if (const Touchpoint* t = find_touchpoint(map, top.id)) {
            const std::string text = i18n::trf("Top hotspot: {title} (score {score}, friction {friction})",
                                               {{"score", i18n::number(top.score)}, {"friction", i18n::number(t->friction)}, {"title", t->title}});
            if (left_piece(std::string(ICON_FIRE " ") + text, right_x, "##status-hotspot", i18n::tr("Click to select it on the map"))) {
                select_and_reveal(st, t->id);
                st.show_inspector = true;
            }
        }
    }

    // Right side: save state (its tooltip says where the map is kept) and zoom.
    ImGui::SameLine(right_x);
    if (st.save_problem) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette().warning));
    text_item(save, "##status-save");
    if (st.save_problem) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", save_tooltip(st.save_status, st.save_problem, st.doc.read_only));
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    text_item(zoom, "##status-zoom");
}

}  // namespace jm::ui
