// The left panel: personas (select, add, "view as"), buyer-coverage warnings,
// and which lanes the canvas shows, in what order.
#include <algorithm>
#include <cstdio>

#include "i18n/i18n.h"
#include "imgui.h"
#include "ui/core/window_title.h"
#include "ui/editor_actions.h"
#include "ui/icons.h"
#include "ui/inspector_fields.h"
#include "ui/panels.h"
#include "ui/stage_badges.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

void persona_row(EditorState& st, const Persona& p) {
    ImGui::PushID(p.id.c_str());
    ImGui::ColorButton("##colour", ImGui::ColorConvertU32ToFloat4(hex_colour(p.color)), ImGuiColorEditFlags_NoTooltip, {16, 16});
    ImGui::SameLine();
    bool selected = st.selection.kind() == SelectionKind::Persona && st.selection.persona() == p.id;
    std::string label = p.name + "##persona-row";
    if (ImGui::Selectable(label.c_str(), selected, 0, {ImGui::GetContentRegionAvail().x - 34, 0})) {
        st.selection.select_persona(p.id);
        st.show_inspector = true;
    }
    ImGui::SetItemTooltip("%s, %s", p.kind == PersonaKind::Buyer ? i18n::tr("buyer side") : i18n::tr("user side"),
                          i18n::tr(committee_role_label(p.role)));
    ImGui::SameLine();
    bool viewing = st.view_as_persona == p.id;
    if (ImGui::SmallButton(viewing ? ICON_EYE "##view" : ICON_EYE_SLASH "##view")) st.view_as_persona = viewing ? "" : p.id;
    ImGui::SetItemTooltip("%s", (viewing ? i18n::trf("Stop viewing as {persona}", {{"persona", p.name}})
                                         : i18n::trf("View the map as {persona}", {{"persona", p.name}})).c_str());
    ImGui::PopID();
}

void coverage_warnings(EditorState& st) {
    const Map& map = st.doc.map;
    std::vector<std::string> lines;
    for (int s = 0; s < static_cast<int>(map.stages.size()); ++s) {
        auto missing = missing_buyers(map, s);
        if (missing.empty()) continue;
        std::string names;
        for (const Persona* p : missing) names += (names.empty() ? "" : ", ") + p->name;
        lines.push_back(i18n::trf("{stage}: no touchpoint for {personas}", {{"stage", map.stages[s].name}, {"personas", names}}));
    }
    if (lines.empty()) return;
    ImVec4 warn = ImGui::ColorConvertU32ToFloat4(palette().warning);
    // One line that stops at the panel's edge ("Faltan compradores en 2 etapas" is
    // wider than the panel); the lines inside wrap, and hover shows it whole.
    const std::string head = i18n::trn("Buyers missing in {n} stages", static_cast<long long>(lines.size()));
    const std::string fitted = shortened(head, ImGui::GetContentRegionAvail().x - ImGui::GetTreeNodeToLabelSpacing() -
                                                   ImGui::CalcTextSize(ICON_WARNING " ").x);
    const bool open = ImGui::TreeNode("coverage", ICON_WARNING " %s", fitted.c_str());
    if (fitted != head) ImGui::SetItemTooltip("%s", head.c_str());
    if (open) {
        ImGui::PushTextWrapPos(0);
        for (const auto& l : lines) ImGui::TextColored(warn, "%s", l.c_str());
        ImGui::PopTextWrapPos();
        ImGui::TreePop();
    }
}

void lanes_section(EditorState& st) {
    const Map& map = st.doc.map;
    // Shown lanes in their order, then the hidden ones.
    std::vector<Lane> order = map.lanes;
    for (int i = 0; i < kLaneCount; ++i) {
        Lane lane = static_cast<Lane>(i);
        if (std::find(order.begin(), order.end(), lane) == order.end()) order.push_back(lane);
    }
    const float right_edge = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < order.size(); ++i) {
        Lane lane = order[i];
        auto shown_at = std::find(map.lanes.begin(), map.lanes.end(), lane);
        bool shown = shown_at != map.lanes.end();
        ImGui::PushID(lane_key(lane));
        std::vector<Lane> lanes = map.lanes;
        bool changed = false;
        // The name stops before the arrows ("Responsables, traspasos" is wider
        // than the panel leaves it); hover shows it whole.
        const std::string name = i18n::tr(lane_label(lane));
        const float room = right_edge - 62 - ImGui::GetStyle().ItemSpacing.x - ImGui::GetCursorPosX() - ImGui::GetFrameHeight() -
                           ImGui::GetStyle().ItemInnerSpacing.x;
        const std::string fitted = shortened(name, room);
        if (ImGui::Checkbox((fitted + "##" + lane_key(lane)).c_str(), &shown)) {
            if (shown) lanes.push_back(lane);
            else std::erase(lanes, lane);
            changed = true;
        }
        if (fitted != name) ImGui::SetItemTooltip("%s", name.c_str());
        if (shown_at != map.lanes.end()) {
            std::size_t at = static_cast<std::size_t>(shown_at - map.lanes.begin());
            ImGui::SameLine();
            ImGui::SetCursorPosX(right_edge - 62);
            ImGui::BeginDisabled(at == 0);
            if (ImGui::SmallButton(ICON_ARROW_UP "##up")) {
                std::swap(lanes[at], lanes[at - 1]);
                changed = true;
            }
            ImGui::EndDisabled();
            ImGui::SameLine(0, 2);
            ImGui::BeginDisabled(at + 1 >= map.lanes.size());
            if (ImGui::SmallButton(ICON_ARROW_DOWN "##down")) {
                std::swap(lanes[at], lanes[at + 1]);
                changed = true;
            }
            ImGui::EndDisabled();
        }
        if (changed) {
            MapInfo after = map_info(map);
            after.lanes = lanes;
            commit_map(st, after, "lanes");
        }
        ImGui::PopID();
    }
}

}  // namespace

void draw_persona_dialogs(EditorState& st) {
    const std::string title = window_title(i18n::tr("Delete persona?"), "Delete persona?");
    if (!st.confirm_delete_persona.empty() && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const Persona* p = find_persona(st.doc.map, st.confirm_delete_persona);
    if (p) {
        int n = cards_involving(st.doc.map, p->id);
        ImGui::Text(i18n::tr("Delete the persona \"%s\"?"), p->name.c_str());
        ImGui::TextUnformatted(i18n::trn("{n} touchpoints refer to it; the references are removed with it.", n).c_str());
        ImGui::TextDisabled("%s", i18n::tr("Undo (Ctrl+Z) brings the persona and every reference back."));
    }
    if (ImGui::Button(i18n::tr("Delete persona")) && p) {
        delete_persona(st, p->id);
        st.confirm_delete_persona.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape) || !p) {
        st.confirm_delete_persona.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_personas_panel(EditorState& st) {
    const Map& map = st.doc.map;
    ImGui::PushFont(heading_font(), 0.0f);
    ImGui::TextUnformatted(i18n::tr("PERSONAS"));
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - 30);
    if (ImGui::SmallButton(ICON_PLUS "##add-persona")) add_persona(st);
    ImGui::SetItemTooltip("%s", i18n::tr("Add a persona"));
    if (map.personas.empty()) ImGui::TextDisabled("%s", i18n::tr("No personas yet."));
    for (const auto& p : map.personas) persona_row(st, p);
    if (!st.view_as_persona.empty()) {
        if (ImGui::Button(i18n::tr(ICON_EYE " Show everyone"))) st.view_as_persona.clear();
    }
    coverage_warnings(st);
    ImGui::Spacing();
    ImGui::PushFont(heading_font(), 0.0f);
    ImGui::TextUnformatted(i18n::tr("LANES"));
    ImGui::PopFont();
    lanes_section(st);
}

}  // namespace jm::ui
