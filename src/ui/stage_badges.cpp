#include "ui/stage_badges.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "i18n/i18n.h"
#include "ui/icons.h"
#include "ui/theme.h"

namespace jm::ui {

const char* health_label(Health h) {
    switch (h) {
        case Health::Good: return i18n::tr(ICON_CHECK " Good");
        case Health::Warning: return i18n::tr(ICON_WARNING " Warning");
        case Health::Bad: return i18n::tr(ICON_TIMES " Bad");
        default: return i18n::tr(ICON_QUESTION " Not enough data");
    }
}

ImU32 health_color(Health h) {
    // Okabe-Ito hues, bright enough for the dark stage headers in both themes.
    switch (h) {
        case Health::Good: return IM_COL32(86, 214, 170, 255);
        case Health::Warning: return IM_COL32(240, 190, 60, 255);
        case Health::Bad: return IM_COL32(255, 140, 90, 255);
        default: return IM_COL32(200, 208, 220, 255);
    }
}

std::vector<const Persona*> missing_buyers(const Map& map, int stage) {
    std::vector<const Persona*> missing;
    const auto& tps = map.stages[stage].touchpoints;
    for (const auto& p : map.personas) {
        if (p.kind != PersonaKind::Buyer) continue;
        bool present = std::any_of(tps.begin(), tps.end(), [&](const Touchpoint& t) {
            return std::find(t.persona_ids.begin(), t.persona_ids.end(), p.id) != t.persona_ids.end();
        });
        if (!present) missing.push_back(&p);
    }
    return missing;
}

StageBadge stage_badge(const EditorState& st, int stage) {
    StageBadge badge;
    Health h = Health::Unknown;
    if (stage < static_cast<int>(st.metrics.stages.size())) h = st.metrics.stages[stage].health.status;
    badge.text = health_label(h);
    badge.color = health_color(h);
    if (!st.doc.map.personas.empty()) {
        auto missing = missing_buyers(st.doc.map, stage);
        if (!missing.empty()) {
            badge.text += "  " ICON_USER " " + i18n::trn("{n} buyers absent", static_cast<long long>(missing.size()));
        }
    }
    return badge;
}

namespace {

// A KPI value with up to 4 significant digits (as "%.4g" keeps them), written
// as the language writes numbers ("12.5", "12,5").
std::string kpi_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    const std::string s(buf);
    if (!std::isfinite(v)) return i18n::number(v);
    if (s.find_first_of("eE") != std::string::npos)   // i18n: not shown (an exponent's letters)
        return std::fabs(v) >= 1 ? i18n::number(v, 0) : i18n::number(v, 6);
    const std::size_t dot = s.find('.');
    return i18n::number(v, dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1));
}

}  // namespace

std::string kpi_summary(const Kpi& kpi) {
    std::string s = kpi.current ? kpi_number(*kpi.current) + (kpi.unit.empty() ? "" : " " + kpi.unit) : i18n::tr("no value");
    if (kpi.target) s += " " + i18n::trf("(target {value})", {{"value", kpi_number(*kpi.target)}});
    switch (kpi_status(kpi)) {
        case KpiStatus::OnTarget: s += std::string(" " ICON_CHECK " ") + i18n::tr("on target"); break;
        case KpiStatus::OffTarget: s += std::string(" " ICON_TIMES " ") + i18n::tr("off target"); break;
        default: break;
    }
    switch (kpi_trend(kpi)) {
        case KpiTrend::Improving: s += std::string(", " ICON_TREND_UP " ") + i18n::tr("improving"); break;
        case KpiTrend::Worsening: s += std::string(", " ICON_TREND_DOWN " ") + i18n::tr("worsening"); break;
        case KpiTrend::Flat: s += std::string(", ") + i18n::tr("flat"); break;
        default: break;
    }
    return s;
}

}  // namespace jm::ui
