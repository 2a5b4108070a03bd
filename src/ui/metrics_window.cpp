// Metrics and hotspots: the ranked list a workshop takes home, the survey
// figures for the map, the business figures and the funnel.
#include <algorithm>
#include <cstdio>
#include <string>

#include "i18n/i18n.h"
#include "imgui.h"
#include "ui/core/window_title.h"
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
    ImGui::SeparatorText(i18n::tr(ICON_FIRE "  Fix first: friction hotspots"));
    ImGui::TextDisabled("%s", i18n::tr(kHotspotFormula));
    if (hs.empty()) {
        ImGui::TextUnformatted(i18n::tr("No touchpoints to rank yet."));
        return;
    }
    if (!ImGui::BeginTable("hotspots", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 28);
    ImGui::TableSetupColumn(i18n::tr("Touchpoint"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    // As wide as its header in every language ("Puntuación" is twice "Score").
    ImGui::TableSetupColumn(i18n::tr("Score"), ImGuiTableColumnFlags_WidthFixed,
                            std::max(40.0f, ImGui::CalcTextSize(i18n::tr("Score")).x + ImGui::GetStyle().CellPadding.x));
    ImGui::TableSetupColumn(i18n::tr("Why"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
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
        // The whole row picks the card; the title wraps in its column rather than
        // being cut (a Selectable's own label would be one clipped line).
        const ImVec2 at = ImGui::GetCursorPos();
        if (ImGui::Selectable("##hotspot", st.selection.has_touchpoint(h.id),
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap)) {
            select_and_reveal(st, h.id);
        }
        ImGui::SetCursorPos(at);
        ImGui::TextWrapped("%s (%s)", t->title.c_str(), map.stages[h.stage].name.c_str());
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
    ImGui::SeparatorText(i18n::tr("Stages"));
    if (!ImGui::BeginTable("stages", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn(i18n::tr("Stage"));
    ImGui::TableSetupColumn(i18n::tr("Health"));
    ImGui::TableSetupColumn(i18n::tr("Friction"));
    ImGui::TableSetupColumn("NPS");
    ImGui::TableSetupColumn("CSAT");
    ImGui::TableSetupColumn(i18n::tr("Conversion"));
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
            // Fixed reasons are translated; those the core builds with figures stay as they come.
            for (const auto& r : m.health.reasons) reasons += std::string("- ") + r.text + "\n";
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
    ImGui::SeparatorText(i18n::tr("Whole map: surveys"));
    if (ImGui::BeginTable("map-survey", 2)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 170);
        ImGui::TableSetupColumn("");
        survey_rows(m.totals.survey);
        figure_row(i18n::tr("Mean friction"), m.totals.mean_friction, i18n::tr("touchpoints"));
        figure_row(i18n::tr("Mean emotion"), m.totals.mean_emotion, i18n::tr("touchpoints"));
        ImGui::EndTable();
    }
    const std::string business = i18n::trf("Business, period {period}", {{"period", m.business.period.empty() ? std::string(i18n::tr("(unnamed)")) : m.business.period}});
    ImGui::SeparatorText(business.c_str());
    if (ImGui::BeginTable("business", 2)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 170);
        ImGui::TableSetupColumn("");
        figure_row(i18n::tr("Churn rate"), m.business.churn_rate, i18n::tr("customers"));
        figure_row(i18n::tr("Retention rate"), m.business.retention_rate, i18n::tr("customers"));
        figure_row(i18n::tr("Net revenue retention"), m.business.net_revenue_retention, i18n::tr("revenue"));
        figure_row(i18n::tr("Customer lifetime value"), m.business.clv, i18n::tr("customers"));
        figure_row(i18n::tr("Funnel conversion"), m.funnel.overall, i18n::tr("customers"));
        ImGui::EndTable();
    }
    ImGui::TextDisabled("%s", i18n::tr("Enter the period's figures in Map > Map details and business figures."));
}

}  // namespace

void draw_metrics_window(EditorState& st) {
    if (!st.show_metrics) return;
    ImGui::SetNextWindowSize({860, 640}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_FirstUseEver, {0.5f, 0.5f});
    // A stable id: the window keeps its place and size when the language changes.
    const std::string title = window_title(i18n::tr("Metrics and hotspots"), "Metrics and hotspots");
    if (ImGui::Begin(title.c_str(), &st.show_metrics)) {
        if (!st.view_as_persona.empty()) {
            const Persona* p = find_persona(st.doc.map, st.view_as_persona);
            ImGui::TextDisabled(i18n::tr(ICON_EYE " Per persona: %s"), p ? p->name.c_str() : "?");
        }
        hotspots_section(st);
        stages_section(st);
        figures_section(st);
    }
    ImGui::End();
}

}  // namespace jm::ui
