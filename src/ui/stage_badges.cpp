#include "ui/stage_badges.h"

#include <algorithm>
#include <cstdio>

#include "ui/icons.h"
#include "ui/theme.h"

namespace jm::ui {

const char* health_label(Health h) {
    switch (h) {
        case Health::Good: return ICON_CHECK " Good";
        case Health::Warning: return ICON_WARNING " Warning";
        case Health::Bad: return ICON_TIMES " Bad";
        default: return ICON_QUESTION " Not enough data";
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
            badge.text += "  " ICON_USER " " + std::to_string(missing.size()) + " buyer" + (missing.size() == 1 ? "" : "s") + " absent";
        }
    }
    return badge;
}

std::string kpi_summary(const Kpi& kpi) {
    auto num = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.4g", v);
        return std::string(buf);
    };
    std::string s = kpi.current ? num(*kpi.current) + (kpi.unit.empty() ? "" : " " + kpi.unit) : "no value";
    if (kpi.target) s += " (target " + num(*kpi.target) + ")";
    switch (kpi_status(kpi)) {
        case KpiStatus::OnTarget: s += " " ICON_CHECK " on target"; break;
        case KpiStatus::OffTarget: s += " " ICON_TIMES " off target"; break;
        default: break;
    }
    switch (kpi_trend(kpi)) {
        case KpiTrend::Improving: s += ", " ICON_TREND_UP " improving"; break;
        case KpiTrend::Worsening: s += ", " ICON_TREND_DOWN " worsening"; break;
        case KpiTrend::Flat: s += ", flat"; break;
        default: break;
    }
    return s;
}

}  // namespace jm::ui
