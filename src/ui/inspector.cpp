// The inspector: every field of the selected touchpoint (this file), stage,
// persona or map (inspector_details.cpp). Edits become commands; one field edit
// is one undo step.
#include "i18n/i18n.h"
#include "ui/inspector.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/compare_view.h"
#include "ui/editor_actions.h"
#include "ui/figure_widgets.h"
#include "ui/icons.h"
#include "ui/inspector_fields.h"
#include "ui/panels.h"
#include "ui/paragraph_field.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {


// Persona chips as toggles: which personas this touchpoint involves.
bool persona_toggles(const Map& map, std::vector<std::string>& ids) {
    bool changed = false;
    if (map.personas.empty()) {
        ImGui::TextDisabled("%s", i18n::tr("No personas yet: add them in the Personas panel."));
        return false;
    }
    for (const auto& p : map.personas) {
        ImGui::PushID(p.id.c_str());
        bool on = std::find(ids.begin(), ids.end(), p.id) != ids.end();
        if (ImGui::Checkbox((p.name + "##persona").c_str(), &on)) {
            if (on) ids.push_back(p.id);
            else std::erase(ids, p.id);
            changed = true;
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", p.kind == PersonaKind::Buyer ? i18n::tr(committee_role_label(p.role)) : i18n::tr("user side"));
        ImGui::PopID();
    }
    return changed;
}

void touchpoint_metrics(EditorState& st, const std::string& id) {
    const TouchpointMetrics* m = st.metrics.touchpoint(id);
    if (!m) return;
    if (ImGui::BeginTable("tp-metrics", 2)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 120);
        ImGui::TableSetupColumn("");
        survey_rows(m->survey());
        ImGui::EndTable();
    }
    std::size_t index = static_cast<std::size_t>(m - st.metrics.touchpoints.data());
    ImGui::Text(i18n::tr(ICON_FIRE " Hotspot score %.0f / 100"), st.metrics.priority(index));
    ImGui::SameLine();
    ImGui::TextDisabled(ICON_QUESTION);
    ImGui::SetItemTooltip("%s", i18n::tr(kHotspotFormula));
}

void touchpoint_inspector(EditorState& st, const Touchpoint& tp) {
    const Map& map = st.doc.map;
    const Touchpoint before = tp;   // the map may change under us once a command runs
    Touchpoint t = tp;
    TouchpointRef at = locate_touchpoint(map, t.id);
    inspector_heading(i18n::trf("Touchpoint in {stage}", {{"stage", map.stages[at.stage].name}}).c_str(), t.title);
    draw_compare_section(st);

    if (st.focus_inspector_title) {
        ImGui::SetKeyboardFocusHere();   // the title field below (labels are not focusable)
        st.focus_inspector_title = false;
    }
    field_label(i18n::tr("Title"));
    escape_keeps_text("##Title");   // Escape leaves the title and keeps what was typed
    if (ImGui::InputText("##Title", &t.title)) commit_touchpoint(st, before, t, "title");
    end_field(st);
    paragraph_field(st, "Description", {ParagraphSlot::Description, t.id}, 3);
    if (channel_combo(i18n::tr("Channel"), t.channel)) commit_touchpoint(st, before, t, "channel");
    end_field(st);
    if (team_field(i18n::tr("Owner"), t.owner, map)) commit_touchpoint(st, before, t, "owner");
    end_field(st);
    if (friction_slider(i18n::tr("Friction"), t.friction)) commit_touchpoint(st, before, t, "friction");
    end_field(st);
    if (emotion_picker(i18n::tr("Emotion"), t.emotion)) commit_touchpoint(st, before, t, "emotion");

    ImGui::SeparatorText(i18n::tr("Personas involved"));
    if (persona_toggles(map, t.persona_ids)) commit_touchpoint(st, before, t, "personas");

    ImGui::SeparatorText(i18n::tr("Customer side"));
    paragraph_field(st, "Doing", {ParagraphSlot::Doing, t.id});
    paragraph_field(st, "Thinking", {ParagraphSlot::Thinking, t.id});
    paragraph_list(st, "Pain points", ParagraphSlot::Pains, t.id, t.pains, ICON_PLUS " Add pain point");
    paragraph_list(st, "Opportunities", ParagraphSlot::Opportunities, t.id, t.opportunities, ICON_PLUS " Add opportunity");

    ImGui::SeparatorText(i18n::tr("To-be (future state)"));
    bool has_target = t.target_friction.has_value() || t.target_emotion.has_value();
    if (ImGui::Checkbox(i18n::tr("Set a target for this touchpoint"), &has_target)) {
        t.target_friction = has_target ? std::optional<int>(t.friction) : std::nullopt;
        t.target_emotion = has_target ? std::optional<int>(t.emotion) : std::nullopt;
        commit_touchpoint(st, before, t, "target");
    }
    if (has_target) {
        int tf = t.target_friction.value_or(t.friction), te = t.target_emotion.value_or(t.emotion);
        if (friction_slider(i18n::tr("Target friction"), tf)) {
            t.target_friction = tf;
            commit_touchpoint(st, before, t, "target friction");
        }
        end_field(st);
        if (emotion_picker(i18n::tr("Target emotion"), te)) {
            t.target_emotion = te;
            commit_touchpoint(st, before, t, "target emotion");
        }
    }

    ImGui::SeparatorText(i18n::tr("Company side"));
    paragraph_field(st, "Backstage", {ParagraphSlot::Backstage, t.id});
    paragraph_list(st, "Evidence (quotes)", ParagraphSlot::Quotes, t.id, t.evidence.quotes, ICON_PLUS " Add quote");
    if (text_field(i18n::tr("Data source"), t.evidence.source)) commit_touchpoint(st, before, t, "data source");
    end_field(st);

    ImGui::SeparatorText(i18n::tr("Measured"));
    if (optional_count(i18n::tr("Volume"), t.volume)) commit_touchpoint(st, before, t, "volume");
    end_field(st);
    if (survey_editor(t.survey)) commit_touchpoint(st, before, t, "survey");
    end_field(st);
    if (previous_survey_editor(t.survey_previous)) commit_touchpoint(st, before, t, "previous survey");
    end_field(st);
    touchpoint_metrics(st, t.id);

    ImGui::Spacing();
    if (ImGui::Button(i18n::tr(ICON_CLONE " Duplicate"))) duplicate_selection(st);
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr(ICON_TRASH " Delete touchpoint"))) delete_selection(st);
}

void multi_inspector(EditorState& st) {
    std::size_t n = st.selection.touchpoints().size();
    inspector_heading(i18n::tr("Selection"), i18n::trn("{n} touchpoints", static_cast<long long>(n)));
    ImGui::TextWrapped("%s", i18n::tr("Drag any of them to move all. Ctrl+C copies them, Ctrl+D duplicates, Delete removes them."));
    if (ImGui::Button(i18n::tr(ICON_TRASH " Delete all selected"))) delete_selection(st);
}

}  // namespace

void draw_inspector(EditorState& st) {
    const Map& map = st.doc.map;
    continue_tab_order();
    switch (st.selection.kind()) {
        case SelectionKind::Touchpoints:
            if (st.selection.touchpoints().size() > 1) multi_inspector(st);
            else if (const Touchpoint* t = find_touchpoint(map, st.selection.touchpoints().front())) touchpoint_inspector(st, *t);
            break;
        case SelectionKind::Stage:
            if (const Stage* s = find_stage(map, st.selection.stage())) stage_inspector(st, *s);
            break;
        case SelectionKind::Persona:
            if (const Persona* p = find_persona(map, st.selection.persona())) persona_inspector(st, *p);
            break;
        default: map_inspector(st); break;
    }
}

}  // namespace jm::ui
