// The bottom line: counts, the persona filter, the top hotspot, save state, zoom.
// The save state and zoom sit on the right; what is on the left is shortened
// (with "…") or left out when it would run into them.
#include <algorithm>
#include <cstdio>
#include <string>

#include "imgui.h"
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

const char* save_tooltip(const std::string& status, bool problem) {
    if (problem)
        return "This map is not stored in this browser. It stays open here, and leaving the page asks first:\n"
               "use File > Download map (Ctrl+S) to keep a copy.";
    if (status.rfind("Saving", 0) == 0) return "Your last change is being stored in this browser.";
    if (status.find(kLock) != std::string::npos)
        return "Stored in this browser, which granted persistent storage: it will not clear your maps to free disk space.\n"
               "Clearing this site's data still deletes them; Download keeps a copy anywhere.";
    return "Stored in this browser, which has not granted persistent storage: when the disk runs low it may\n"
           "clear this site's data. Download the maps you need to keep.";
}

std::size_t cards_for(const Map& map, const std::string& persona) {
    std::size_t n = 0;
    for (const auto& s : map.stages)
        for (const auto& t : s.touchpoints)
            for (const auto& p : t.persona_ids) n += p == persona;
    return n;
}

// `text` cut at a character boundary so that it fits in `width`, with "…".
std::string shortened(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string s = text;
    while (!s.empty()) {
        std::size_t cut = s.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;   // start of the last character
        s.resize(cut);
        if (ImGui::CalcTextSize((s + kEllipsis).c_str()).x <= width) return s + kEllipsis;
    }
    return "";
}

// A "|" and `text` after the last item, if there is room before `right_x`.
void left_piece(const std::string& text, float right_x) {
    const float sep = ImGui::CalcTextSize("|").x + 2 * ImGui::GetStyle().ItemSpacing.x;
    const float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    const float room = right_x - kGap - used - sep;
    if (room < kMinPiece) return;
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    std::string fitted = shortened(text, room);
    ImGui::TextUnformatted(fitted.c_str());
    if (fitted != text && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

}  // namespace

void draw_status_bar(EditorState& st) {
    const Map& map = st.doc.map;
    char zoom[32];
    std::snprintf(zoom, sizeof zoom, "%d%%", static_cast<int>(st.view.zoom * 100 + 0.5f));
    const std::string save = st.save_problem ? std::string(ICON_WARNING " ") + st.save_status : st.save_status;
    const float right_w = ImGui::CalcTextSize(save.c_str()).x + ImGui::CalcTextSize(zoom).x + 60;
    const float right_x = std::max(ImGui::GetCursorPosX() + kGap, ImGui::GetWindowWidth() - right_w);

    char buf[128];
    std::snprintf(buf, sizeof buf, "%zu stages  %zu touchpoints  %zu personas", map.stages.size(), touchpoint_count(map), map.personas.size());
    ImGui::TextUnformatted(buf);
    if (!st.view_as_persona.empty()) {
        const Persona* p = find_persona(map, st.view_as_persona);
        std::size_t mine = cards_for(map, st.view_as_persona);
        std::snprintf(buf, sizeof buf, ": %zu cards shown, %zu dimmed", mine, touchpoint_count(map) - mine);
        left_piece(std::string(ICON_EYE " Viewing as ") + (p ? p->name : "?") + buf, right_x);
    }
    if (!st.metrics.hotspots.touchpoints.empty()) {
        const auto& top = st.metrics.hotspots.touchpoints.front();
        if (const Touchpoint* t = find_touchpoint(map, top.id)) {
            std::snprintf(buf, sizeof buf, " (score %.0f, friction %d)", top.score, t->friction);
            left_piece(std::string(ICON_FIRE " Top hotspot: ") + t->title + buf, right_x);
        }
    }
    const bool fresh = !st.notice.empty() && ImGui::GetTime() - st.notice_time < 4.0;
    if (fresh) left_piece(st.notice, right_x);

    // Right side: save state (its tooltip says where the map is kept) and zoom.
    ImGui::SameLine(right_x);
    if (st.save_problem) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().warning), "%s", save.c_str());
    else ImGui::TextUnformatted(save.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", save_tooltip(st.save_status, st.save_problem));
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::TextUnformatted(zoom);
}

}  // namespace jm::ui
