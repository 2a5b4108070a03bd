// Inspector sections for a stage, a persona and the map itself (its details and
// the business figures of the current and previous period).
#include <cstdio>

#include "imgui.h"
#include "imgui_stdlib.h"
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
        bool open = ImGui::TreeNodeEx("kpi", ImGuiTreeNodeFlags_DefaultOpen, "%s", k.name.empty() ? "(unnamed KPI)" : k.name.c_str());
        ImGui::SameLine(ImGui::GetWindowWidth() - 44);
        if (ImGui::SmallButton(ICON_TIMES)) {
            s.kpis.erase(s.kpis.begin() + static_cast<long>(i));
            if (open) ImGui::TreePop();
            ImGui::PopID();
            return true;
        }
        ImGui::SetItemTooltip("Remove this KPI");
        if (open) {
            changed |= text_field("KPI name", k.name);
            changed |= text_field("Unit", k.unit);
            changed |= optional_number("Current", k.current, "%g");
            changed |= optional_number("Target", k.target, "%g");
            changed |= optional_number("Previous", k.previous, "%g");
            field_label("Better when");
            int dir = k.direction == KpiDirection::HigherIsBetter ? 0 : 1;
            if (ImGui::Combo("##direction", &dir, "higher\0lower\0")) {
                k.direction = dir == 0 ? KpiDirection::HigherIsBetter : KpiDirection::LowerIsBetter;
                changed = true;
            }
            ImGui::TextDisabled("%s", kpi_summary(k).c_str());
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    if (ImGui::SmallButton(ICON_PLUS " Add KPI")) {
        s.kpis.push_back(Kpi{.id = new_id(map, "kpi"), .name = "New KPI"});
        changed = true;
    }
    return changed;
}

void stage_metrics(EditorState& st, const Stage& stage) {
    const StageMetrics* m = st.metrics.stage(stage.id);
    if (!m) return;
    ImGui::SeparatorText("Metrics");
    ImGui::TextUnformatted(health_label(m->health.status));
    for (const auto& r : m->health.reasons) ImGui::BulletText("%s", r.text.c_str());
    if (ImGui::BeginTable("stage-metrics", 2)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 120);
        ImGui::TableSetupColumn("");
        figure_row("Mean friction", m->rollup.mean_friction, "touchpoints");
        figure_row("Mean emotion", m->rollup.mean_emotion, "touchpoints");
        survey_rows(m->rollup.survey);
        for (const auto& step : st.metrics.funnel.steps) {
            if (step.stage < 0 || st.doc.map.stages[step.stage].id != stage.id) continue;
            figure_row("Conversion in", step.conversion, "customers");
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
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().warning), ICON_USER " %s (buyer side) has no touchpoint here", p->name.c_str());
}

bool period_editor(const char* id, Period& p) {
    bool changed = false;
    ImGui::PushID(id);
    changed |= text_field("Period", p.label);
    changed |= optional_number("Customers at start", p.customers_start, "%g");
    changed |= optional_number("Customers lost", p.customers_lost, "%g");
    changed |= optional_number("Customers won", p.customers_acquired, "%g");
    changed |= optional_number("Revenue at start", p.revenue_start, "%g");
    changed |= optional_number("Expansion", p.revenue_expansion, "%g");
    changed |= optional_number("Contraction", p.revenue_contraction, "%g");
    changed |= optional_number("Churned revenue", p.revenue_churned, "%g");
    changed |= optional_number("ARPA", p.arpa, "%g");
    changed |= optional_number("Gross margin", p.gross_margin, "%g");
    ImGui::SetItemTooltip("A share from 0 to 1, e.g. 0.75 for 75%%");
    changed |= optional_number("CAC", p.cac, "%g");
    ImGui::PopID();
    return changed;
}

}  // namespace

void stage_inspector(EditorState& st, const Stage& stage) {
    const Stage before = stage;
    Stage s = stage;
    inspector_heading("Stage", s.name);
    if (st.focus_inspector_title) {
        ImGui::SetKeyboardFocusHere();
        st.focus_inspector_title = false;
    }
    if (text_field("Name", s.name)) commit_stage(st, before, s, "name");
    end_field(st);
    paragraph_field(st, "Description", {ParagraphSlot::StageDescription, s.id});
    paragraph_field(st, "Goal", {ParagraphSlot::Goal, s.id});
    if (team_field("Owner team", s.owner, st.doc.map)) commit_stage(st, before, s, "owner");
    end_field(st);
    paragraph_field(st, "Voice of the business", {ParagraphSlot::BusinessVoice, s.id});
    ImGui::SeparatorText("Handoff to the next stage");
    if (team_field("From team", s.handoff.from_team, st.doc.map)) commit_stage(st, before, s, "handoff");
    end_field(st);
    if (team_field("To team", s.handoff.to_team, st.doc.map)) commit_stage(st, before, s, "handoff");
    end_field(st);
    paragraph_field(st, "Agreement / SLA", {ParagraphSlot::HandoffAgreement, s.id});
    ImGui::SeparatorText("Funnel");
    if (optional_count("Customers entering", s.funnel_count)) commit_stage(st, before, s, "funnel count");
    end_field(st);
    if (optional_count("Previous period", s.funnel_count_previous)) commit_stage(st, before, s, "previous funnel count");
    end_field(st);
    ImGui::SeparatorText("Stage-level survey");
    bool surveyed = s.survey.has_value();
    if (ImGui::Checkbox("Surveyed as a whole stage", &surveyed)) {
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
    ImGui::SeparatorText("KPIs");
    if (kpi_editor(s, st.doc.map)) commit_stage(st, before, s, "KPIs");
    end_field(st);
    stage_metrics(st, stage);
    ImGui::Spacing();
    if (ImGui::Button(ICON_PLUS " Add touchpoint here")) add_touchpoint(st, s.id);
    ImGui::SameLine();
    if (ImGui::Button(ICON_TRASH " Delete stage")) ImGui::OpenPopup("Delete stage?");
    if (ImGui::BeginPopupModal("Delete stage?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Delete the stage \"%s\" and its %zu touchpoint(s)?", s.name.c_str(), s.touchpoints.size());
        ImGui::TextDisabled("Undo (Ctrl+Z) brings everything back.");
        if (ImGui::Button("Delete")) {
            delete_stage(st, s.id);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void persona_inspector(EditorState& st, const Persona& persona) {
    const Persona before = persona;
    Persona p = persona;
    inspector_heading(p.kind == PersonaKind::Buyer ? "Persona, buyer side" : "Persona, user side", p.name);
    if (st.focus_inspector_title) {
        ImGui::SetKeyboardFocusHere();
        st.focus_inspector_title = false;
    }
    if (text_field("Name", p.name)) commit_persona(st, before, p, "name");
    end_field(st);
    field_label("Side");
    int kind = p.kind == PersonaKind::Buyer ? 0 : 1;
    if (ImGui::Combo("##kind", &kind, "Buyer (buying committee)\0User (uses the product)\0")) {
        p.kind = kind == 0 ? PersonaKind::Buyer : PersonaKind::User;
        commit_persona(st, before, p, "side");
    }
    field_label("Committee role");
    if (ImGui::BeginCombo("##role", committee_role_label(p.role))) {
        for (int r = 0; r < 6; ++r) {
            auto role = static_cast<CommitteeRole>(r);
            if (ImGui::Selectable(committee_role_label(role), role == p.role)) {
                p.role = role;
                commit_persona(st, before, p, "role");
            }
        }
        ImGui::EndCombo();
    }
    field_label("Colour");
    for (int i = 0; i < 8; ++i) {
        if (i) ImGui::SameLine(0, 4);
        const char* hex = persona_palette_hex(i);
        unsigned r, g, b;
        std::sscanf(hex, "#%02x%02x%02x", &r, &g, &b);
        ImGui::PushID(i);
        bool on = p.color == hex;
        if (ImGui::ColorButton(hex, ImVec4(r / 255.f, g / 255.f, b / 255.f, 1), on ? 0 : ImGuiColorEditFlags_NoBorder, {22, 22})) {
            p.color = hex;
            commit_persona(st, before, p, "colour");
        }
        ImGui::PopID();
    }
    if (text_field("Job title", p.job_title)) commit_persona(st, before, p, "job title");
    end_field(st);
    paragraph_field(st, "Goals", {ParagraphSlot::Goals, p.id});
    paragraph_field(st, "Needs and pains", {ParagraphSlot::Needs, p.id});
    paragraph_field(st, "Researches via", {ParagraphSlot::ResearchChannels, p.id});
    paragraph_field(st, "Expectations", {ParagraphSlot::Expectations, p.id});
    paragraph_field(st, "Loyalty factors", {ParagraphSlot::LoyaltyFactors, p.id});
    ImGui::SeparatorText("Company");
    if (text_field("Company size", p.firmographics.company_size)) commit_persona(st, before, p, "company size");
    end_field(st);
    if (text_field("Industry", p.firmographics.industry)) commit_persona(st, before, p, "industry");
    end_field(st);
    if (text_field("Region", p.firmographics.region)) commit_persona(st, before, p, "region");
    end_field(st);
    if (ImGui::Button(ICON_TRASH " Delete persona")) request_delete_persona(st, p.id);
    if (const PersonaMetrics* m = st.metrics.persona(p.id)) {
        ImGui::SeparatorText("This persona's touchpoints");
        ImGui::Text("%lld touchpoints", static_cast<long long>(m->rollup.touchpoints));
        if (ImGui::BeginTable("persona-metrics", 2)) {
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 120);
            ImGui::TableSetupColumn("");
            figure_row("Mean friction", m->rollup.mean_friction, "touchpoints");
            survey_rows(m->rollup.survey);
            ImGui::EndTable();
        }
    }
}

void map_inspector(EditorState& st) {
    MapInfo m = map_info(st.doc.map);
    inspector_heading("Map", m.title);
    if (text_field("Title", m.title)) commit_map(st, m, "title");
    end_field(st);
    paragraph_field(st, "Description", {ParagraphSlot::MapDescription, ""});
    paragraph_field(st, "Objective", {ParagraphSlot::Objective, ""});
    if (text_field("Segment", m.segment)) commit_map(st, m, "segment");
    end_field(st);
    if (text_field("Author", m.author)) commit_map(st, m, "author");
    end_field(st);
    if (text_field("Currency", m.currency)) commit_map(st, m, "currency");
    end_field(st);
    ImGui::SeparatorText("Business figures, this period");
    if (period_editor("current", m.period)) commit_map(st, m, "period");
    end_field(st);
    bool has_previous = m.period_previous.has_value();
    ImGui::SeparatorText("Previous period");
    if (ImGui::Checkbox("Compare with a previous period", &has_previous)) {
        m.period_previous = has_previous ? std::optional<Period>(Period{}) : std::nullopt;
        commit_map(st, m, "previous period");
    }
    if (m.period_previous && period_editor("previous", *m.period_previous)) commit_map(st, m, "previous period");
    end_field(st);
    ImGui::SeparatorText("Results");
    if (ImGui::BeginTable("business", 2)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 120);
        ImGui::TableSetupColumn("");
        figure_row("Churn rate", st.metrics.business.churn_rate, "customers");
        figure_row("Retention", st.metrics.business.retention_rate, "customers");
        figure_row("NRR", st.metrics.business.net_revenue_retention, "revenue");
        figure_row("CLV", st.metrics.business.clv, "customers");
        ImGui::EndTable();
    }
}

}  // namespace jm::ui
