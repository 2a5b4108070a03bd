// "New map": pick one of the templates from the source frameworks, or a blank map.
#include "ui/new_map_dialog.h"

#include <cstdio>

#include "imgui.h"
#include "io/map_json.h"
#include "io/templates.h"
#include "ui/theme.h"

namespace jm::ui {

std::optional<Map> map_from_template(const std::string& name, std::string& error) {
    for (const auto& t : embedded_templates()) {
        if (name != t.name) continue;
        LoadResult r = load_map_json(t.json);
        if (!r.ok()) {
            error = "Template '" + name + "' is damaged: " + (r.problems.empty() ? "" : r.problems[0].path + ": " + r.problems[0].message);
            return std::nullopt;
        }
        Map map = std::move(*r.map);
        map.id = new_id(map, "map");
        map.created = map.modified = utc_now_iso();
        return map;
    }
    error = "No template named '" + name + "'.";
    return std::nullopt;
}

std::optional<Map> draw_new_map_dialog(bool& open) {
    std::optional<Map> chosen;
    if (open) {
        ImGui::OpenPopup("New map");
        open = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    ImGui::SetNextWindowSize({640, 0});
    if (!ImGui::BeginPopupModal("New map", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return chosen;
    ImGui::TextWrapped("Start from a stage framework taken from the source articles, or from a blank map. "
                       "The current map stays in your library.");
    ImGui::Spacing();
    static std::string error;
    for (const auto& t : embedded_templates()) {
        LoadResult r = load_map_json(t.json);
        std::string title = r.ok() ? r.map->title : t.name;
        std::string label = title + "##template-" + t.name;
        ImGui::PushFont(heading_font(), 0.0f);
        bool pick = ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick);
        ImGui::PopFont();
        if (r.ok()) {
            std::string stages;
            for (const auto& s : r.map->stages) stages += (stages.empty() ? "" : "  >  ") + s.name;
            ImGui::Indent();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", stages.empty() ? "No stages: build your own." : stages.c_str());
            ImGui::PopStyleColor();
            ImGui::Unindent();
        }
        if (pick) {
            chosen = map_from_template(t.name, error);
            if (chosen) ImGui::CloseCurrentPopup();
        }
    }
    if (!error.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().warning), "%s", error.c_str());
    ImGui::Spacing();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        error.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return chosen;
}

}  // namespace jm::ui
