#include "i18n/i18n.h"
#include "ui/figure_widgets.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "imgui.h"
#include "ui/icons.h"

namespace jm::ui {

namespace {

// "(answers 12)": what the figure was computed from, and how many.
std::string base_text(const char* base_name, double base) {
    const std::string n = i18n::number(base, 0);
    if (std::strcmp(base_name, "touchpoints") == 0) return i18n::trf("(touchpoints {n})", {{"n", n}});
    if (std::strcmp(base_name, "customers") == 0) return i18n::trf("(customers {n})", {{"n", n}});
    if (std::strcmp(base_name, "revenue") == 0) return i18n::trf("(revenue {n})", {{"n", n}});
    if (std::strcmp(base_name, "answers") == 0) return i18n::trf("(answers {n})", {{"n", n}});
    return "(" + std::string(base_name) + " " + n + ")";
}

// "+1.5", "-0.3": a change, always with its sign, as the language writes numbers.
std::string signed_number(double v, int decimals) {
    std::string s = i18n::number(v, decimals);
    if (s.empty() || s[0] != '-') s = "+" + s;
    return s;
}

}  // namespace

std::string format_figure(const Figure& f) {
    if (!f.value) return i18n::tr("n/a");
    double v = *f.value;
    if (std::strcmp(f.unit, "%") == 0) return i18n::trf("{value} %", {{"value", i18n::number(v, 1)}});
    if (std::strcmp(f.unit, "money") == 0) return i18n::number(v, 2);
    if (std::fabs(v) >= 100) return i18n::number(v, 0);
    return i18n::number(v, 1);
}

void figure_row(const char* label, const Figure& f, const char* base_name) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label);
    ImGui::TableNextColumn();
    if (f.value) {
        ImGui::Text("%s", format_figure(f).c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", base_text(base_name, f.base).c_str());
        if (f.delta) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s %s", *f.delta >= 0 ? ICON_TREND_UP : ICON_TREND_DOWN,
                                i18n::trf("{delta} vs last period", {{"delta", signed_number(*f.delta, 1)}}).c_str());
        }
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        // The metrics give the reason in English: a fixed one is translated, one
        // built with names or figures is shown as it is.
        ImGui::TextWrapped("%s", i18n::trf("not available: {reason}", {{"reason", f.unavailable}}).c_str());
        ImGui::PopStyleColor();
    }
    // The formula sits next to every figure, one hover away.
    ImGui::SameLine();
    ImGui::TextDisabled(ICON_QUESTION);
    ImGui::SetItemTooltip("%s", i18n::tr(f.formula));
}

void survey_rows(const SurveyFigures& s) {
    figure_row("NPS", s.nps);
    figure_row("CSAT", s.csat);
    figure_row(i18n::tr("CES (mean)"), s.ces_mean);
    figure_row(i18n::tr("CES ease 0-100"), s.ces_ease);
}

}  // namespace jm::ui
