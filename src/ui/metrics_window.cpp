// Metrics and hotspots: the ranked list a workshop takes home, the survey
// figures for the map, the business figures and the funnel.
#include <cstdio>

#include "imgui.h"
#include "ui/editor_actions.h"
#include "ui/figure_widgets.h"
#include "ui/icons.h"
#include "ui/panels.h"
#include "ui/stage_badges.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

void hotspots_section(EditorState& st) {
    const Map& map = st.doc.map;
    const auto& hs = st.metrics.hotspots.touchpoints;
    ImGui::SeparatorText(ICON_FIRE "  Fix first: friction hotspots");
    ImGui::TextDisabled("%s", kHotspotFormula);
    if (hs.empty()) {
        ImGui::TextUnformatted("No touchpoints to rank yet.");
        return;
    }
    if (!ImGui::BeginTable("hotspots", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 28);
    ImGui::TableSetupColumn("Touchpoint", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_WidthFixed, 60);
    ImGui::TableSetupColumn("Why", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < hs.size() && i < 10; ++i) {
        const Hotspot& h = hs[i];
        const Touchpoint* t = find_touchpoint(map, h.id);
        if (!t) continue;
        ImGui::PushID(h.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%zu", i + 1);
        ImGui::TableNextColumn();
        std::string label = t->title + " (" + map.stages[h.stage].name + ")##hotspot";
        if (ImGui::Selectable(label.c_str(), st.selection.has_touchpoint(h.id), ImGuiSelectableFlags_SpanAllColumns)) {
            select_and_reveal(st, h.id);
        }
        ImGui::TableNextColumn();
        ImGui::Text("%.0f", h.score);
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", h.why.c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void stages_section(EditorState& st) {
    const Map& map = st.doc.map;
    ImGui::SeparatorText("Stages");
    if (!ImGui::BeginTable("stages", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn("Stage");
    ImGui::TableSetupColumn("Health");
    ImGui::TableSetupColumn("Friction");
    ImGui::TableSetupColumn("NPS");
    ImGui::TableSetupColumn("CSAT");
    ImGui::TableSetupColumn("Conversion");
    ImGui::TableHeadersRow();
    for (std::size_t s = 0; s < st.metrics.stages.size() && s < map.stages.size(); ++s) {
        const StageMetrics& m = st.metrics.stages[s];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(map.stages[s].name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(current_theme() == Theme::Dark ? health_color(m.health.status) : palette().card_text),
                           "%s", health_label(m.health.status));
        if (!m.health.reasons.empty() && ImGui::IsItemHovered()) {
            std::string reasons;
            for (const auto& r : m.health.reasons) reasons += "- " + r.text + "\n";
            ImGui::SetTooltip("%s", reasons.c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_figure(m.rollup.mean_friction).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_figure(m.rollup.survey.nps).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_figure(m.rollup.survey.csat).c_str());
        ImGui::TableNextColumn();
        const FunnelStep* step = s < st.metrics.funnel.steps.size() ? &st.metrics.funnel.steps[s] : nullptr;
        if (step && step->count) {
            ImGui::Text("%lld", static_cast<long long>(*step->count));
            if (step->conversion.value) {
                ImGui::SameLine();
                ImGui::TextDisabled("(%s)", format_figure(step->conversion).c_str());
            }
            if (!step->anomaly.empty()) {
                ImGui::SameLine();
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().warning), ICON_WARNING);
                ImGui::SetItemTooltip("%s", step->anomaly.c_str());
            }
        } else {
            ImGui::TextDisabled("-");
        }
    }
    ImGui::EndTable();
}

void figures_section(EditorState& st) {
    const MapMetrics& m = st.metrics;
    ImGui::SeparatorText("Whole map: surveys");
    if (ImGui::BeginTable("map-survey", 2)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 170);
        ImGui::TableSetupColumn("");
        survey_rows(m.totals.survey);
        figure_row("Mean friction", m.totals.mean_friction, "touchpoints");
        figure_row("Mean emotion", m.totals.mean_emotion, "touchpoints");
        ImGui::EndTable();
    }
    ImGui::SeparatorText(("Business, period " + (m.business.period.empty() ? std::string("(unnamed)") : m.business.period)).c_str());
    if (ImGui::BeginTable("business", 2)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 170);
        ImGui::TableSetupColumn("");
        figure_row("Churn rate", m.business.churn_rate, "customers");
        figure_row("Retention rate", m.business.retention_rate, "customers");
        figure_row("Net revenue retention", m.business.net_revenue_retention, "revenue");
        figure_row("Customer lifetime value", m.business.clv, "customers");
        figure_row("Funnel conversion", m.funnel.overall, "customers");
        ImGui::EndTable();
    }
    ImGui::TextDisabled("Enter the period's figures in Map > Map details and business figures.");
}

}  // namespace

void draw_metrics_window(EditorState& st) {
    if (!st.show_metrics) return;
    ImGui::SetNextWindowSize({860, 640}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_FirstUseEver, {0.5f, 0.5f});
    if (ImGui::Begin("Metrics and hotspots", &st.show_metrics)) {
        if (!st.view_as_persona.empty()) {
            const Persona* p = find_persona(st.doc.map, st.view_as_persona);
            ImGui::TextDisabled(ICON_EYE " Per persona: %s", p ? p->name.c_str() : "?");
        }
        hotspots_section(st);
        stages_section(st);
        figures_section(st);
    }
    ImGui::End();
}

}  // namespace jm::ui
