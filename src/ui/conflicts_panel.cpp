// The merge conflicts panel (ui/conflicts_panel.h).
#include "ui/conflicts_panel.h"

#include <algorithm>
#include <string>

#include "edit/change_text.h"
#include "edit/commands.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/core/window_title.h"
#include "ui/editor_actions.h"
#include "ui/icons.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

using nlohmann::json;

// What is being typed for one conflict's "Edit" (one at a time).
struct EditBox {
    std::string key;    // Conflict::key() of the conflict being edited; "" when none
    std::string text;
    bool failed = false;
};
EditBox g_edit;

const std::string& side_name(const MergeSession& s, int side) {
    static const std::string none;
    return side >= 1 && side <= static_cast<int>(s.names.size()) ? s.names[static_cast<std::size_t>(side - 1)] : none;
}

// One sentence for what happened, naming the file the conflict came from.
std::string what_text(const MergeSession& s, const Conflict& c) {
    const std::string ours = i18n::tr("this map");
    const std::string theirs = side_name(s, c.side);
    const i18n::Args args{{"ours", ours}, {"theirs", theirs}};   // i18n: not shown (merge keys and field names)
    if (c.what == "added") return i18n::trf("added in {ours} and in {theirs} with different values", args);   // i18n: not shown (merge keys and field names)
    if (c.what == "deleted_ours") return i18n::trf("deleted in {ours}, changed in {theirs}", args);   // i18n: not shown (merge keys and field names)
    if (c.what == "deleted_theirs") return i18n::trf("changed in {ours}, deleted in {theirs}", args);   // i18n: not shown (merge keys and field names)
    if (c.what == "stage_deleted") return i18n::trf("{theirs} puts it in a stage deleted in {ours}", args);   // i18n: not shown (merge keys and field names)
    if (c.what == "moved") return i18n::trf("moved to different stages in {ours} and in {theirs}", args);   // i18n: not shown (merge keys and field names)
    return i18n::trf("changed differently in {ours} and in {theirs}", args);
}

// A side's value as a person reads it: a stage by its name, a whole card by its
// title, nothing as "(deleted)".
std::string shown_value(const MergeSession& s, const Conflict& c, const json& v) {
    if (v.is_null()) return c.field.empty() || c.field == "@stage" ? i18n::tr("(deleted)") : "-";   // i18n: not shown (merge keys and field names)
    if (c.field == "@stage" && v.is_string()) {   // i18n: not shown (merge keys and field names)
        const std::string name = entity_name(EntityKind::Stage, v.get<std::string>(), maps_of(s, c));
        return name.empty() ? v.get<std::string>() : name;
    }
    if (v.is_object()) {
        for (const char* key : {"title", "name", "label"}) {   // i18n: not shown (merge keys and field names)
            auto it = v.find(key);
            if (it != v.end() && it->is_string()) return value_text(*it, 200);
        }
    }
    return value_text(v, 200);
}

// What the Edit box starts with: a text as it is, anything else as JSON.
std::string edit_text(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

json edited_value(const json& like, const std::string& text) {
    if (like.is_string()) return json(text);
    json v = json::parse(text, nullptr, false);
    return v.is_discarded() ? json(text) : v;
}

void run(EditorState& ed, const MergeSession& s, std::optional<std::vector<Change>> changes) {
    if (changes) apply_merge_changes(ed, s, std::move(*changes));
}

void value_column(const char* heading, const std::string& value, bool chosen) {
    ImGui::TextDisabled("%s", heading);
    if (chosen) {
        ImGui::SameLine();
        ImGui::TextUnformatted(ICON_CHECK);
    }
    ImGui::TextWrapped("%s", value.c_str());
}

void conflict_row(EditorState& ed, MergeSession& s, std::size_t index) {
    const Conflict c = s.result.conflicts[index];   // a copy: a choice re-runs the merge
    const std::string key = c.key();
    ImGui::PushID(key.c_str());
    const std::string& name = index < s.names_of_conflicts.size() ? s.names_of_conflicts[index] : c.id;
    const std::string who = std::string(kind_label(c.kind)) + " \"" + short_label(name, 48) + "\"";
    const std::string field = c.field.empty() ? std::string() : " \xC2\xB7 " + field_label(c.kind, c.field);
    if (c.resolved) ImGui::TextUnformatted(ICON_CHECK);
    else ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().warning), ICON_WARNING);
    ImGui::SameLine();
    if (ImGui::Selectable((who + field + "##pick").c_str(), false, ImGuiSelectableFlags_None,
                          {ImGui::GetContentRegionAvail().x, 0})) {
        if (c.kind == EntityKind::Touchpoint && find_touchpoint(ed.doc.map, c.id)) select_and_reveal(ed, c.id);
        else if (c.kind == EntityKind::Stage && find_stage(ed.doc.map, c.id)) reveal_stage(ed, c.id);
    }
    ImGui::TextDisabled("%s", what_text(s, c).c_str());

    const bool has_base = s.three_way && !(c.base.is_null() && c.what == "added");   // i18n: not shown (merge keys and field names)
    const int columns = has_base ? 3 : 2;
    if (ImGui::BeginTable("values", columns, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        value_column(i18n::tr("This map"), shown_value(s, c, c.ours), c.resolved && c.choice == MergeChoice::Ours);
        if (ImGui::Button(i18n::tr("Keep this map's"))) run(ed, s, resolve_conflict(s, index, MergeChoice::Ours));
        ImGui::TableNextColumn();
        value_column(side_name(s, c.side).c_str(), shown_value(s, c, c.theirs), c.resolved && c.choice == MergeChoice::Theirs);
        if (ImGui::Button(i18n::tr("Take the file's"))) run(ed, s, resolve_conflict(s, index, MergeChoice::Theirs));
        if (has_base) {
            ImGui::TableNextColumn();
            value_column(i18n::tr("Before (the version sent)"), shown_value(s, c, c.base), c.resolved && c.choice == MergeChoice::Base);
            if (ImGui::Button(i18n::tr("Back to before"))) run(ed, s, resolve_conflict(s, index, MergeChoice::Base));
        }
        ImGui::EndTable();
    }
    // A field's value can be typed instead (not a whole card or its stage: pick a side for those).
    if (!c.field.empty() && c.field != "@stage") {   // i18n: not shown (merge keys and field names)
        if (g_edit.key != key) {
            if (ImGui::SmallButton(i18n::tr("Edit value..."))) g_edit = {key, edit_text(c.ours.is_null() ? c.theirs : c.ours), false};
        } else {
            ImGui::SetNextItemWidth(-180);
            const bool enter = ImGui::InputText("##value", &g_edit.text, ImGuiInputTextFlags_EnterReturnsTrue);
            ImGui::SameLine();
            if (ImGui::Button(i18n::tr("Use this value")) || enter) {
                const json like = c.ours.is_null() ? c.theirs : c.ours;
                auto changes = resolve_conflict(s, index, MergeChoice::Edited, edited_value(like, g_edit.text));
                g_edit.failed = !changes;
                if (changes) {
                    run(ed, s, std::move(changes));
                    g_edit = {};
                }
            }
            ImGui::SameLine();
            if (ImGui::Button(i18n::tr("Cancel"))) g_edit = {};
            if (g_edit.failed) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().warning), "%s", i18n::tr("That value does not fit this field."));
        }
    }
    ImGui::Separator();
    ImGui::PopID();
}

}  // namespace

void apply_merge_changes(EditorState& ed, const MergeSession& session, std::vector<Change> changes) {
    if (changes.empty()) return;
    ed.doc.run(apply_changes(ed.doc.map, std::move(changes), session.label, session.merge_key));
}

void draw_conflicts_panel(EditorState& ed, MergeSession& s, bool& open) {
    if (!open || !s.result.inputs) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize({std::min(760.0f, vp->WorkSize.x - 40), std::min(560.0f, vp->WorkSize.y - 80)}, ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    const std::string title = window_title(i18n::tr("Merge"), "Merge");
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    const int total = static_cast<int>(s.result.conflicts.size());
    const int left = static_cast<int>(s.result.unresolved());
    ImGui::TextWrapped("%s", i18n::trn("Merged {n} files into this map:", static_cast<int>(s.names.size())).c_str());
    for (const auto& name : s.names) ImGui::BulletText("%s", name.c_str());
    ImGui::TextWrapped("%s", s.three_way ? i18n::tr("Three-way: compared with the version that was sent to them.")
                                         : i18n::tr("No common version was found (a file without lineage, or its base is not in this browser): everything of every file is kept, and any field that differs is a conflict."));
    for (const auto& u : s.result.unified)
        ImGui::BulletText("%s", i18n::trf("Persona \"{name}\" was added in two files; kept once (id {id})", {{"name", u.name}, {"id", u.ours_id}}).c_str());
    ImGui::Spacing();
    if (total == 0) {
        ImGui::TextUnformatted(i18n::tr("No conflicts: every change was taken."));
    } else {
        ImGui::PushFont(heading_font(), 0.0f);
        ImGui::TextUnformatted(left ? i18n::trn("{left} of {n} conflicts to settle", total, {{"left", i18n::number(left)}}).c_str()
                                    : i18n::tr("Every conflict is settled"));
        ImGui::PopFont();
        ImGui::TextWrapped("%s", i18n::tr("Until you choose, the map keeps its own value. Every choice is part of the merge's undo step."));
        if (left > 0) {
            if (ImGui::Button(i18n::tr("Keep this map's for all"))) apply_merge_changes(ed, s, resolve_all_conflicts(s, MergeChoice::Ours));
            ImGui::SameLine();
            if (ImGui::Button(i18n::tr("Take the files' for all"))) apply_merge_changes(ed, s, resolve_all_conflicts(s, MergeChoice::Theirs));
        }
    }
    ImGui::Separator();
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    if (ImGui::BeginChild("conflicts", {0, -footer})) {
        for (std::size_t i = 0; i < s.result.conflicts.size(); ++i) conflict_row(ed, s, i);
    }
    ImGui::EndChild();
    if (ImGui::Button(i18n::tr("Done"), {120, 0})) open = false;
    if (left > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", i18n::tr("Conflicts left open keep this map's value."));
    }
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && g_edit.key.empty() && ImGui::IsKeyPressed(ImGuiKey_Escape)) open = false;
    ImGui::End();
    if (!open) g_edit = {};
}

}  // namespace jm::ui
