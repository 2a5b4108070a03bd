// Inspector sections for a stage, a persona and the map itself (its details and
// the business figures of the current and previous period).
#include <cstdio>

#include "i18n/i18n.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/compare_view.h"
#include "ui/core/window_title.h"
#include "ui/editor_actions.h"
#include "ui/figure_widgets.h"
#include "ui/icons.h"
#include "ui/inspector.h"
#include "ui/inspector_fields.h"
#include "ui/paragraph_field.h"
#include "ui/stage_badges.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {


bool kpi_editor(Stage& s, const Map& map) {
    bool changed = false;
    for (std::size_t i = 0; i < s.kpis.size(); ++i) {
        Kpi& k = s.kpis[i];
        ImGui::PushID(static_cast<int>(i));
        // i18n: not shown (the tree node's id; its text is the format's argument)
        bool open = ImGui::TreeNodeEx("kpi", ImGuiTreeNodeFlags_DefaultOpen, "%s", k.name.empty() ? i18n::tr("(unnamed KPI)") : k.name.c_str());
        ImGui::SameLine(ImGui::GetWindowWidth() - 44);
        if (ImGui::SmallButton(ICON_TIMES)) {
            s.kpis.erase(s.kpis.begin() + static_cast<long>(i));
            if (open) ImGui::TreePop();
            ImGui::PopID();
            return true;
        }
        ImGui::SetItemTooltip("%s", i18n::tr("Remove this KPI"));
        if (open) {
            changed |= text_field(i18n::tr("KPI name"), k.name);
            changed |= text_field(i18n::tr("Unit"), k.unit);
            changed |= optional_number(i18n::tr("Current"), k.current, "%g");
            changed |= optional_number(i18n::tr("Target"), k.target, "%g");
            changed |= optional_number(i18n::tr("Previous"), k.previous, "%g");
            field_label(i18n::tr("Better when"));
            int dir = k.direction == KpiDirection::HigherIsBetter ? 0 : 1;
            const char* directions[] = {i18n::tr("higher"), i18n::tr("lower")};
            if (ImGui::Combo("##direction", &dir, directions, IM_ARRAYSIZE(directions))) {
                k.direction = dir == 0 ? KpiDirection::HigherIsBetter : KpiDirection::LowerIsBetter;
                changed = true;
            }
            ImGui::TextDisabled("%s", kpi_summary(k).c_str());
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    if (ImGui::SmallButton(i18n::tr(ICON_PLUS " Add KPI"))) {
        s.kpis.push_back(Kpi{.id = new_id(map, "kpi"), .name = i18n::tr("New KPI")});
        changed = true;
    }
    return changed;
}

void stage_metrics(EditorState& st, const Stage& stage) {
    const StageMetrics* m = st.metrics.stage(stage.id);
    if (!m) return;
    ImGui::SeparatorText(i18n::tr("Metrics"));
    ImGui::TextUnformatted(i18n::tr(health_label(m->health.status)));
    // Fixed reasons are translated; those the metrics build with figures stay as they are.
    for (const auto& r : m->health.reasons) ImGui::BulletText("%s", r.text.c_str());
    if (ImGui::BeginTable("stage-metrics", 2)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 120);
        ImGui::TableSetupColumn("");
        figure_row(i18n::tr("Mean friction"), m->rollup.mean_friction, "touchpoints");
        figure_row(i18n::tr("Mean emotion"), m->rollup.mean_emotion, "touchpoints");
        survey_rows(m->rollup.survey);
        for (const auto& step : st.metrics.funnel.steps) {
            if (step.stage < 0 || st.doc.map.stages[step.stage].id != stage.id) continue;
            figure_row(i18n::tr("Conversion in"), step.conversion, "customers");
            if (!step.anomaly.empty()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TableNextColumn();
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().warning), ICON_WARNING " %s", step.anomaly.c_str());
            }
        }
        ImGui::EndTable();
    }
    auto missing = missing_buyers(st.doc.map, static_cast<int>(&stage - st.doc.map.stages.data()));
    for (const Persona* p : missing)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().warning), ICON_USER " %s",
                           i18n::trf("{persona} (buyer side) has no touchpoint here", {{"persona", p->name}}).c_str());
}

bool period_editor(const char* id, Period& p) {
    bool changed = false;
    ImGui::PushID(id);
    changed |= text_field(i18n::tr("Period"), p.label);
    changed |= optional_number(i18n::tr("Customers at start"), p.customers_start, "%g");
    changed |= optional_number(i18n::tr("Customers lost"), p.customers_lost, "%g");
    changed |= optional_number(i18n::tr("Customers won"), p.customers_acquired, "%g");
    changed |= optional_number(i18n::tr("Revenue at start"), p.revenue_start, "%g");
    changed |= optional_number(i18n::tr("Expansion"), p.revenue_expansion, "%g");
    changed |= optional_number(i18n::tr("Contraction"), p.revenue_contraction, "%g");
    changed |= optional_number(i18n::tr("Churned revenue"), p.revenue_churned, "%g");
    changed |= optional_number("ARPA", p.arpa, "%g");   // ARPA and CAC: the trade's acronyms in every language
    changed |= optional_number(i18n::tr("Gross margin"), p.gross_margin, "%g");
    ImGui::SetItemTooltip("%s", i18n::tr("A share from 0 to 1, e.g. 0.75 for 75%"));
    changed |= optional_number("CAC", p.cac, "%g");
    ImGui::PopID();
    return changed;
}

}  // namespace

void stage_inspector(EditorState& st, const Stage& stage) {
    const Stage before = stage;
    Stage s = stage;
    inspector_heading(i18n::tr("Stage"), s.name);
    draw_compare_section(st);
    if (st.focus_inspector_title) {
        ImGui::SetKeyboardFocusHere();
        st.focus_inspector_title = false;
    }
    if (text_field(i18n::tr("Name"), s.name)) commit_stage(st, before, s, "name");
    end_field(st);
    paragraph_field(st, "Description", {ParagraphSlot::StageDescription, s.id});
    paragraph_field(st, "Goal", {ParagraphSlot::Goal, s.id});
    if (team_field(i18n::tr("Owner team"), s.owner, st.doc.map)) commit_stage(st, before, s, "owner");
    end_field(st);
    paragraph_field(st, "Voice of the business", {ParagraphSlot::BusinessVoice, s.id});
    ImGui::SeparatorText(i18n::tr("Handoff to the next stage"));
    if (team_field(i18n::tr("From team"), s.handoff.from_team, st.doc.map)) commit_stage(st, before, s, "handoff");
    end_field(st);
    if (team_field(i18n::tr("To team"), s.handoff.to_team, st.doc.map)) commit_stage(st, before, s, "handoff");
    end_field(st);
    paragraph_field(st, "Agreement / SLA", {ParagraphSlot::HandoffAgreement, s.id});
    ImGui::SeparatorText(i18n::tr("Funnel"));
    if (optional_count(i18n::tr("Customers entering"), s.funnel_count)) commit_stage(st, before, s, "funnel count");
    end_field(st);
    if (optional_count(i18n::tr("Previous period"), s.funnel_count_previous)) commit_stage(st, before, s, "previous funnel count");
    end_field(st);
    ImGui::SeparatorText(i18n::tr("Stage-level survey"));
    bool surveyed = s.survey.has_value();
    if (ImGui::Checkbox(i18n::tr("Surveyed as a whole stage"), &surveyed)) {
        s.survey = surveyed ? std::optional<Survey>(Survey{}) : std::nullopt;
        if (!surveyed) s.survey_previous.reset();
        commit_stage(st, before, s, "survey");
    }
    if (s.survey) {
        if (survey_editor(*s.survey)) commit_stage(st, before, s, "survey");
        end_field(st);
        if (previous_survey_editor(s.survey_previous)) commit_stage(st, before, s, "previous survey");
        end_field(st);
    }
    ImGui::SeparatorText(i18n::tr("KPIs"));
    if (kpi_editor(s, st.doc.map)) commit_stage(st, before, s, "KPIs");
    end_field(st);
    stage_metrics(st, stage);
    ImGui::Spacing();
    if (ImGui::Button(i18n::tr(ICON_PLUS " Add touchpoint here"))) add_touchpoint(st, s.id);
    ImGui::SameLine();
    // The dialog's title in the language; "###" keeps its id the same in all of them.
    const std::string confirm_title = window_title(i18n::tr("Delete stage?"), "Delete stage?");
    if (ImGui::Button(i18n::tr(ICON_TRASH " Delete stage"))) ImGui::OpenPopup(confirm_title.c_str());
    if (ImGui::BeginPopupModal(confirm_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(i18n::trn("Delete the stage \"{stage}\" and its {n} touchpoints?",
                                         static_cast<long long>(s.touchpoints.size()), {{"stage", s.name}}).c_str());
        ImGui::TextDisabled("%s", i18n::tr("Undo (Ctrl+Z) brings everything back."));
        if (ImGui::Button(i18n::tr("Delete"))) {
            delete_stage(st, s.id);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(i18n::tr("Cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void persona_inspector(EditorState& st, const Persona& persona) {
    const Persona before = persona;
    Persona p = persona;
    inspector_heading(p.kind == PersonaKind::Buyer ? i18n::tr("Persona, buyer side") : i18n::tr("Persona, user side"), p.name);
    draw_compare_section(st);
    if (st.focus_inspector_title) {
        ImGui::SetKeyboardFocusHere();
        st.focus_inspector_title = false;
    }
    if (text_field(i18n::tr("Name"), p.name)) commit_persona(st, before, p, "name");
    end_field(st);
    field_label(i18n::tr("Side"));
    int kind = p.kind == PersonaKind::Buyer ? 0 : 1;
    const char* kinds[] = {i18n::tr("Buyer (buying committee)"), i18n::tr("User (uses the product)")};
    if (ImGui::Combo("##kind", &kind, kinds, IM_ARRAYSIZE(kinds))) {
        p.kind = kind == 0 ? PersonaKind::Buyer : PersonaKind::User;
        commit_persona(st, before, p, "side");
    }
    field_label(i18n::tr("Committee role"));
    if (ImGui::BeginCombo("##role", i18n::tr(committee_role_label(p.role)))) {
        for (int r = 0; r < 6; ++r) {
            auto role = static_cast<CommitteeRole>(r);
            if (ImGui::Selectable(i18n::tr(committee_role_label(role)), role == p.role)) {
                p.role = role;
                commit_persona(st, before, p, "role");
            }
        }
        ImGui::EndCombo();
    }
    field_label(i18n::tr("Colour"));
    for (int i = 0; i < 8; ++i) {
        if (i) ImGui::SameLine(0, 4);
        const char* hex = persona_palette_hex(i);
        ImGui::PushID(i);
        bool on = p.color == hex;
        if (ImGui::ColorButton(hex, ImGui::ColorConvertU32ToFloat4(hex_colour(hex)), on ? 0 : ImGuiColorEditFlags_NoBorder, {22, 22})) {
            p.color = hex;
            commit_persona(st, before, p, "colour");
        }
        ImGui::PopID();
    }
    if (text_field(i18n::tr("Job title"), p.job_title)) commit_persona(st, before, p, "job title");
    end_field(st);
    paragraph_field(st, "Goals", {ParagraphSlot::Goals, p.id});
    paragraph_field(st, "Needs and pains", {ParagraphSlot::Needs, p.id});
    paragraph_field(st, "Researches via", {ParagraphSlot::ResearchChannels, p.id});
    paragraph_field(st, "Expectations", {ParagraphSlot::Expectations, p.id});
    paragraph_field(st, "Loyalty factors", {ParagraphSlot::LoyaltyFactors, p.id});
    ImGui::SeparatorText(i18n::tr("Company"));
    if (text_field(i18n::tr("Company size"), p.firmographics.company_size)) commit_persona(st, before, p, "company size");
    end_field(st);
    if (text_field(i18n::tr("Industry"), p.firmographics.industry)) commit_persona(st, before, p, "industry");
    end_field(st);
    if (text_field(i18n::tr("Region"), p.firmographics.region)) commit_persona(st, before, p, "region");
    end_field(st);
    if (ImGui::Button(i18n::tr(ICON_TRASH " Delete persona"))) request_delete_persona(st, p.id);
    if (const PersonaMetrics* m = st.metrics.persona(p.id)) {
        ImGui::SeparatorText(i18n::tr("This persona's touchpoints"));
        ImGui::TextUnformatted(i18n::trn("{n} touchpoints", static_cast<long long>(m->rollup.touchpoints)).c_str());
        if (ImGui::BeginTable("persona-metrics", 2)) {
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 120);
            ImGui::TableSetupColumn("");
            figure_row(i18n::tr("Mean friction"), m->rollup.mean_friction, "touchpoints");
            survey_rows(m->rollup.survey);
            ImGui::EndTable();
        }
    }
}

void map_inspector(EditorState& st) {
    MapInfo m = map_info(st.doc.map);
    inspector_heading(i18n::tr("Map"), m.title);
    draw_compare_section(st);
    if (text_field(i18n::tr("Title"), m.title)) commit_map(st, m, "title");
    end_field(st);
    paragraph_field(st, "Description", {ParagraphSlot::MapDescription, ""});
    paragraph_field(st, "Objective", {ParagraphSlot::Objective, ""});
    if (text_field(i18n::tr("Segment"), m.segment)) commit_map(st, m, "segment");
    end_field(st);
    if (text_field(i18n::tr("Author"), m.author)) commit_map(st, m, "author");
    end_field(st);
    if (text_field(i18n::tr("Currency"), m.currency)) commit_map(st, m, "currency");
    end_field(st);
    ImGui::SeparatorText(i18n::tr("Business figures, this period"));
    if (period_editor("current", m.period)) commit_map(st, m, "period");
    end_field(st);
    bool has_previous = m.period_previous.has_value();
    ImGui::SeparatorText(i18n::tr("Previous period"));
    if (ImGui::Checkbox(i18n::tr("Compare with a previous period"), &has_previous)) {
        m.period_previous = has_previous ? std::optional<Period>(Period{}) : std::nullopt;
        commit_map(st, m, "previous period");
    }
    if (m.period_previous && period_editor("previous", *m.period_previous)) commit_map(st, m, "previous period");
    end_field(st);
    ImGui::SeparatorText(i18n::tr("Results"));
    if (ImGui::BeginTable("business", 2)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 120);
        ImGui::TableSetupColumn("");
        figure_row(i18n::tr("Churn rate"), st.metrics.business.churn_rate, "customers");
        figure_row(i18n::tr("Retention"), st.metrics.business.retention_rate, "customers");
        figure_row("NRR", st.metrics.business.net_revenue_retention, "revenue");
        figure_row("CLV", st.metrics.business.clv, "customers");
        ImGui::EndTable();
    }
}

}  // namespace jm::ui
