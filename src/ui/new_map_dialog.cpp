// "New map": pick one of the templates from the source frameworks, or a blank map.
#include "i18n/i18n.h"
#include "ui/new_map_dialog.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "io/map_json.h"
#include "io/templates.h"
#include "ui/core/window_title.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

// The other languages of a template, as small buttons: the one it was written in
// (its article's) is marked with *.
std::optional<Map> other_versions(const TemplateInfo& shown, std::string& error) {
    std::optional<Map> chosen;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(i18n::tr("Also in:"));
    ImGui::PopStyleColor();
    for (const TemplateInfo& v : template_versions(shown.id, i18n::language())) {
        if (v.name == shown.name || !v.json) continue;   // a language still on its way shows when it arrives
        ImGui::SameLine();
        const std::string label = i18n::native_name(v.language) + (v.language == v.source_language ? " *" : "") +
                                  "##template-" + v.name;
        if (ImGui::SmallButton(label.c_str())) chosen = map_from_template(v.name, error);
    }
    return chosen;
}

}  // namespace

// `name` is a template ("saas-journey": in the UI language, else its article's,
// else English) or one version of it ("saas-journey.es").
std::optional<Map> map_from_template(const std::string& name, std::string& error) {
    const std::optional<TemplateInfo> t = find_template(name, i18n::language());
    if (!t) {
        error = i18n::trf("No template named '{name}'.", {{"name", name}});
        return std::nullopt;
    }
    if (!t->json) {
        error = i18n::trf("The template '{name}' has not arrived yet: try again in a moment.", {{"name", t->name}});
        return std::nullopt;
    }
    LoadResult r = load_map_json(t->json);
    if (!r.ok()) {
        error = i18n::trf("Template '{name}' is damaged: {problem}",
                          {{"name", name}, {"problem", r.problems.empty() ? "" : r.problems[0].path + ": " + r.problems[0].message}});
        return std::nullopt;
    }
    Map map = std::move(*r.map);
    map.id = new_id(map, "map");
    map.created = map.modified = utc_now_iso();
    return map;
}

std::optional<Map> draw_new_map_dialog(bool& open) {
    std::optional<Map> chosen;
    const std::string title = window_title(i18n::tr("New map"), "New map");
    if (open) {
        ImGui::OpenPopup(title.c_str());
        open = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    ImGui::SetNextWindowSize({640, 0});
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return chosen;
    ImGui::TextWrapped("%s", i18n::tr("Start from a stage framework taken from the source articles, or from a blank map. "
                       "The current map stays in your library."));
    ImGui::Spacing();
    static std::string error;
    const std::vector<TemplateInfo> shown = templates_for(i18n::language());
    if (std::none_of(shown.begin(), shown.end(), [](const TemplateInfo& t) { return t.json; }))
        ImGui::TextDisabled("%s", i18n::tr("Loading the templates…"));
    for (const TemplateInfo& t : shown) {
        if (!t.json) continue;
        LoadResult r = load_map_json(t.json);
        std::string title = r.ok() ? r.map->title : t.id;
        std::string label = title + "##template-" + t.id;   // the id, not the version: the same in every language
        ImGui::PushFont(heading_font(), 0.0f);
        bool pick = ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick);
        ImGui::PopFont();
        ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        if (r.ok()) {
            std::string stages;
            for (const auto& s : r.map->stages) stages += (stages.empty() ? "" : "  >  ") + s.name;
            ImGui::TextWrapped("%s", stages.empty() ? i18n::tr("No stages: build your own.") : stages.c_str());
        }
        const std::string language = i18n::trf("In {language}", {{"language", i18n::native_name(t.language)}}) +
                                     (t.language == t.source_language ? " *" : "");
        ImGui::TextUnformatted(language.c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine(0, 24);
        if (auto other = other_versions(t, error)) {
            chosen = std::move(other);
            ImGui::CloseCurrentPopup();
        }
        ImGui::Unindent();
        if (pick) {
            chosen = map_from_template(t.name, error);
            if (chosen) ImGui::CloseCurrentPopup();
        }
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", i18n::tr("* the language of the article the framework comes from"));
    ImGui::PopStyleColor();
    if (!error.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().warning), "%s", error.c_str());
    ImGui::Spacing();
    if (ImGui::Button(i18n::tr("Cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        error.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return chosen;
}

}  // namespace jm::ui
