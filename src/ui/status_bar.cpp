// The bottom line: counts, the persona filter, the top hotspot, save state, zoom.
#include <cstdio>

#include "imgui.h"
#include "ui/icons.h"
#include "ui/panels.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

void separator() {
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
}

std::size_t cards_for(const Map& map, const std::string& persona) {
    std::size_t n = 0;
    for (const auto& s : map.stages)
        for (const auto& t : s.touchpoints)
            for (const auto& p : t.persona_ids) n += p == persona;
    return n;
}

}  // namespace

void draw_status_bar(EditorState& st) {
    const Map& map = st.doc.map;
    ImGui::Text("%zu stages  %zu touchpoints  %zu personas", map.stages.size(), touchpoint_count(map), map.personas.size());
    if (!st.view_as_persona.empty()) {
        separator();
        const Persona* p = find_persona(map, st.view_as_persona);
        std::size_t mine = cards_for(map, st.view_as_persona);
        ImGui::Text(ICON_EYE " Viewing as %s: %zu cards shown, %zu dimmed", p ? p->name.c_str() : "?", mine, touchpoint_count(map) - mine);
    }
    if (!st.metrics.hotspots.touchpoints.empty()) {
        separator();
        const auto& top = st.metrics.hotspots.touchpoints.front();
        const Touchpoint* t = find_touchpoint(map, top.id);
        if (t) ImGui::Text(ICON_FIRE " Top hotspot: %s (score %.0f, friction %d)", t->title.c_str(), top.score, t->friction);
    }
    const bool fresh = !st.notice.empty() && ImGui::GetTime() - st.notice_time < 4.0;
    if (fresh) {
        separator();
        ImGui::TextUnformatted(st.notice.c_str());
    }
    // Right side: save state and zoom.
    char zoom[32];
    std::snprintf(zoom, sizeof zoom, "%d%%", static_cast<int>(st.view.zoom * 100 + 0.5f));
    float right = ImGui::CalcTextSize(st.save_status.c_str()).x + ImGui::CalcTextSize(zoom).x + 60;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20, ImGui::GetWindowWidth() - right));
    if (st.save_problem) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().warning), ICON_WARNING " %s", st.save_status.c_str());
    else ImGui::TextUnformatted(st.save_status.c_str());
    separator();
    ImGui::TextUnformatted(zoom);
}

}  // namespace jm::ui
