#include "ui/figure_widgets.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "imgui.h"
#include "ui/icons.h"

namespace jm::ui {

std::string format_figure(const Figure& f) {
    if (!f.value) return "n/a";
    char buf[64];
    double v = *f.value;
    if (std::strcmp(f.unit, "%") == 0) std::snprintf(buf, sizeof buf, "%.1f %%", v);
    else if (std::strcmp(f.unit, "money") == 0) std::snprintf(buf, sizeof buf, "%.2f", v);
    else if (std::fabs(v) >= 100) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

void figure_row(const char* label, const Figure& f, const char* base_name) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label);
    ImGui::TableNextColumn();
    if (f.value) {
        ImGui::Text("%s", format_figure(f).c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("(%s %.0f)", base_name, f.base);
        if (f.delta) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s %+.1f vs last period", *f.delta >= 0 ? ICON_TREND_UP : ICON_TREND_DOWN, *f.delta);
        }
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("not available: %s", f.unavailable.c_str());
        ImGui::PopStyleColor();
    }
    // The formula sits next to every figure, one hover away.
    ImGui::SameLine();
    ImGui::TextDisabled(ICON_QUESTION);
    ImGui::SetItemTooltip("%s", f.formula);
}

void survey_rows(const SurveyFigures& s) {
    figure_row("NPS", s.nps);
    figure_row("CSAT", s.csat);
    figure_row("CES (mean)", s.ces_mean);
    figure_row("CES ease 0-100", s.ces_ease);
}

}  // namespace jm::ui
