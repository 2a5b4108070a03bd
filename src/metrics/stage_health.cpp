#include "metrics/stage_health.h"

#include <algorithm>

#include "i18n/i18n.h"
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

// A judged signal's text: "{signal}" when good, else with the threshold it passed.
// The three keys of each signal are whole sentences, so a translation may word
// the note as its language needs.
struct SignalTexts {
    const char* good;      // "mean friction {value}/5"
    const char* bad;       // "mean friction {value}/5 (bad from {limit})"
    const char* warning;   // "mean friction {value}/5 (warning from {limit})"
};

std::string signal_text(Health h, const SignalTexts& texts, const Band& b, const std::string& value) {
    const char* key = h == Health::Bad ? texts.bad : h == Health::Warning ? texts.warning : texts.good;
    return i18n::trf(key, {{"value", value}, {"limit", format_plain(h == Health::Bad ? b.bad : b.warning)}});
}

// `name` as shown: "NPS", "CSAT", or the translation of "CES ease".
void judge_survey(const Figure& f, const char* name, const Band& band, const char* unit, int decimals,
                  std::vector<HealthReason>& out) {
    if (!f.value) return;
    const std::int64_t n = count_from_double(f.base);
    const Health h = n < kHealthMinAnswers ? Health::Unknown : judge(*f.value, band);
    const char* key = h == Health::Unknown   ? "{metric} {value} from {count} answers: too few to judge"
                      : h == Health::Bad     ? "{metric} {value} from {count} answers (bad below {limit})"
                      : h == Health::Warning ? "{metric} {value} from {count} answers (warning below {limit})"
                                             : "{metric} {value} from {count} answers";
    // {count}, not trn's {n}: an answer count may pass 2^53, where a double loses digits.
    out.push_back({h, i18n::trn(key, n,
                                {{"value", with_unit(format_fixed(*f.value, decimals), unit)},
                                 {"count", format_count(n)},
                                 {"limit", with_unit(format_plain(h == Health::Bad ? band.bad : band.warning), unit)},
                                 {"metric", name}})});
}

}  // namespace

StageHealth stage_health(const Stage& stage, const RollupMetrics& r, const std::vector<KpiMetrics>& kpis) {
    std::vector<HealthReason> reasons;
    if (r.mean_friction.value) {
        const Band band{3.5, 2.5, false};
        Health h = judge(*r.mean_friction.value, band);
        reasons.push_back({h, signal_text(h, {"mean friction {value}/5", "mean friction {value}/5 (bad from {limit})",
                                              "mean friction {value}/5 (warning from {limit})"},
                                          band, format_fixed(*r.mean_friction.value, 1))});
    }
    if (r.mean_emotion.value) {
        // Emotion is bad when low: -1 and below is bad, -0.5 and below a warning.
        const double e = *r.mean_emotion.value;
        Health h = e <= -1 ? Health::Bad : e <= -0.5 ? Health::Warning : Health::Good;
        reasons.push_back({h, signal_text(h, {"mean emotion {value}", "mean emotion {value} (bad from {limit})",
                                              "mean emotion {value} (warning from {limit})"},
                                          Band{-1, -0.5, true}, format_fixed(e, 1))});
    }
    judge_survey(r.survey.nps, "NPS", {0, 30, true}, "", 0, reasons);
    judge_survey(r.survey.csat, "CSAT", {60, 75, true}, "%", 0, reasons);
    judge_survey(r.survey.ces_ease, i18n::tr("CES ease"), {40, 60, true}, "/100", 0, reasons);
    for (const auto& k : kpis) {
        if (k.status != KpiStatus::OnTarget && k.status != KpiStatus::OffTarget) continue;
        const Kpi& kpi = stage.kpis[k.index];
        const char* key = k.status == KpiStatus::OnTarget      ? "KPI '{kpi}' {value} vs target {target}: on target"
                          : k.trend == KpiTrend::Worsening     ? "KPI '{kpi}' {value} vs target {target}: off target and worsening"
                                                               : "KPI '{kpi}' {value} vs target {target}: off target";
        const Health h = k.status == KpiStatus::OnTarget ? Health::Good
                         : k.trend == KpiTrend::Worsening ? Health::Bad
                                                          : Health::Warning;
        // The KPI's name and unit are the user's: filled in one pass, so a "{target}" in them stays as typed.
        reasons.push_back({h, trf_once(key, {{"value", format_plain(*k.value.value) + kpi.unit},
                                             {"target", format_plain(*k.target) + kpi.unit},
                                             {"kpi", kpi.name}})});
    }

    StageHealth health;
    for (const auto& reason : reasons)
        if (reason.level != Health::Unknown) health.status = std::max(health.status, reason.level);
    // Worst first; Unknown ("too few to judge") after the judged signals.
    auto rank = [](Health h) { return h == Health::Unknown ? -1 : static_cast<int>(h); };
    std::stable_sort(reasons.begin(), reasons.end(),
                     [&](const HealthReason& a, const HealthReason& b) { return rank(a.level) > rank(b.level); });
    if (reasons.empty()) reasons.push_back({Health::Unknown, i18n::tr("no touchpoints, surveys or KPI targets to judge")});
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
