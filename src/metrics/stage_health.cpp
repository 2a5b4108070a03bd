#include "metrics/stage_health.h"

#include <algorithm>

#include "metrics/saturating.h"
#include "metrics/text_format.h"

namespace jm {

namespace {

struct Band {
    double bad, warning;   // thresholds
    bool low_is_bad;       // true: values below the thresholds are bad
};

Health judge(double v, const Band& b) {
    if (b.low_is_bad) return v < b.bad ? Health::Bad : v < b.warning ? Health::Warning : Health::Good;
    return v >= b.bad ? Health::Bad : v >= b.warning ? Health::Warning : Health::Good;
}

std::string band_note(Health h, const Band& b, const char* unit) {
    const char* cmp = b.low_is_bad ? "below " : "from ";
    if (h == Health::Bad) return " (bad " + std::string(cmp) + format_plain(b.bad) + unit + ")";
    if (h == Health::Warning) return " (warning " + std::string(cmp) + format_plain(b.warning) + unit + ")";
    return "";
}

void judge_survey(const Figure& f, const char* name, const Band& band, const char* unit, int decimals,
                  std::vector<HealthReason>& out) {
    if (!f.value) return;
    const std::int64_t n = count_from_double(f.base);
    const std::string from = " from " + format_count(n) + (n == 1 ? " answer" : " answers");
    if (n < kHealthMinAnswers) {
        out.push_back({Health::Unknown, std::string(name) + " " + format_fixed(*f.value, decimals) + unit + from +
                                            ": too few to judge"});
        return;
    }
    Health h = judge(*f.value, band);
    out.push_back({h, std::string(name) + " " + format_fixed(*f.value, decimals) + unit + from + band_note(h, band, unit)});
}

}  // namespace

StageHealth stage_health(const Stage& stage, const RollupMetrics& r, const std::vector<KpiMetrics>& kpis) {
    std::vector<HealthReason> reasons;
    if (r.mean_friction.value) {
        const Band band{3.5, 2.5, false};
        Health h = judge(*r.mean_friction.value, band);
        reasons.push_back({h, "mean friction " + format_fixed(*r.mean_friction.value, 1) + "/5" + band_note(h, band, "")});
    }
    if (r.mean_emotion.value) {
        // Emotion is bad when low: judged on its negation so one rule serves both.
        const double e = *r.mean_emotion.value;
        Health h = e <= -1 ? Health::Bad : e <= -0.5 ? Health::Warning : Health::Good;
        const char* note = h == Health::Bad ? " (bad from -1)" : h == Health::Warning ? " (warning from -0.5)" : "";
        reasons.push_back({h, "mean emotion " + format_fixed(e, 1) + note});
    }
    judge_survey(r.survey.nps, "NPS", {0, 30, true}, "", 0, reasons);
    judge_survey(r.survey.csat, "CSAT", {60, 75, true}, "%", 0, reasons);
    judge_survey(r.survey.ces_ease, "CES ease", {40, 60, true}, "/100", 0, reasons);
    for (const auto& k : kpis) {
        if (k.status != KpiStatus::OnTarget && k.status != KpiStatus::OffTarget) continue;
        const Kpi& kpi = stage.kpis[k.index];
        const std::string what = "KPI '" + kpi.name + "' " + format_plain(*k.value.value) + kpi.unit + " vs target " +
                                 format_plain(*k.target) + kpi.unit;
        if (k.status == KpiStatus::OnTarget) reasons.push_back({Health::Good, what + ": on target"});
        else if (k.trend == KpiTrend::Worsening) reasons.push_back({Health::Bad, what + ": off target and worsening"});
        else reasons.push_back({Health::Warning, what + ": off target"});
    }

    StageHealth health;
    for (const auto& reason : reasons)
        if (reason.level != Health::Unknown) health.status = std::max(health.status, reason.level);
    // Worst first; Unknown ("too few to judge") after the judged signals.
    auto rank = [](Health h) { return h == Health::Unknown ? -1 : static_cast<int>(h); };
    std::stable_sort(reasons.begin(), reasons.end(),
                     [&](const HealthReason& a, const HealthReason& b) { return rank(a.level) > rank(b.level); });
    if (reasons.empty()) reasons.push_back({Health::Unknown, "no touchpoints, surveys or KPI targets to judge"});
    health.reasons = std::move(reasons);
    return health;
}

const char* health_key(Health h) {
    switch (h) {
        case Health::Unknown: return "unknown";
        case Health::Good: return "good";
        case Health::Warning: return "warning";
        case Health::Bad: return "bad";
    }
    return "unknown";
}

}  // namespace jm
