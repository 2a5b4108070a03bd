#include "metrics/kpi_status.h"

#include <algorithm>
#include <cmath>

#include "i18n/i18n.h"

namespace jm {

namespace {

std::optional<double> finite(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? v : std::nullopt;
}

// Why a value `finite` dropped is missing: not given, or not a finite number.
// `not_finite` and `missing` are the two sentences for the value in question.
std::string missing_reason(const std::optional<double>& v, const char* not_finite, const char* missing) {
    return i18n::tr(v ? not_finite : missing);
}

// current - target, or why not. Two finite values can still be too far apart:
// 1e308 - (-1e308) is infinite, so the difference is checked, never assumed.
void set_gap(KpiMetrics& m, const std::optional<double>& current, const std::optional<double>& target) {
    if (!current) {
        m.gap_unavailable = m.value.unavailable;
    } else if (!finite(target)) {
        m.gap_unavailable = missing_reason(target, "target is not a finite number", "no target");
    } else if (const double gap = *current - *target; std::isfinite(gap)) {
        m.gap = gap;
    } else {
        m.gap_unavailable = i18n::tr("current - target too large to represent");
    }
}

}  // namespace

KpiStatus kpi_status(const Kpi& kpi) {
    const auto current = finite(kpi.current), target = finite(kpi.target);
    if (!current) return KpiStatus::NoValue;
    if (!target) return KpiStatus::NoTarget;
    const bool met = kpi.direction == KpiDirection::HigherIsBetter ? *current >= *target : *current <= *target;
    return met ? KpiStatus::OnTarget : KpiStatus::OffTarget;
}

KpiTrend kpi_trend(const Kpi& kpi) {
    const auto current = finite(kpi.current), previous = finite(kpi.previous);
    if (!current || !previous) return KpiTrend::Unknown;
    const double diff = *current - *previous;
    const double scale = std::max({1.0, std::fabs(*current), std::fabs(*previous)});
    if (std::fabs(diff) <= 1e-9 * scale) return KpiTrend::Flat;
    const bool up = diff > 0;
    return up == (kpi.direction == KpiDirection::HigherIsBetter) ? KpiTrend::Improving : KpiTrend::Worsening;
}

KpiMetrics kpi_metrics(const Kpi& kpi, int stage, int index) {
    KpiMetrics m;
    m.stage = stage;
    m.index = index;
    const auto current = finite(kpi.current);
    m.value = current ? make_figure(*current, 0, kKpiFormula, "")
                      : unavailable_figure(missing_reason(kpi.current, "current value is not a finite number", "no current value"),
                                           0, kKpiFormula, "");
    set_previous(m.value, finite(kpi.previous));
    m.target = finite(kpi.target);
    set_gap(m, current, kpi.target);
    m.status = kpi_status(kpi);
    m.trend = kpi_trend(kpi);
    return m;
}

const char* kpi_status_key(KpiStatus s) {
    switch (s) {
        case KpiStatus::OnTarget: return "on_target";
        case KpiStatus::OffTarget: return "off_target";
        case KpiStatus::NoTarget: return "no_target";
        case KpiStatus::NoValue: return "no_value";
    }
    return "no_value";
}

const char* kpi_status_label(KpiStatus s) {
    switch (s) {
        case KpiStatus::OnTarget: return "on target";
        case KpiStatus::OffTarget: return "off target";
        case KpiStatus::NoTarget: return "no target";
        case KpiStatus::NoValue: return "no value";
    }
    return "no value";
}

const char* kpi_trend_key(KpiTrend t) {
    switch (t) {
        case KpiTrend::Improving: return "improving";
        case KpiTrend::Worsening: return "worsening";
        case KpiTrend::Flat: return "flat";
        case KpiTrend::Unknown: return "unknown";
    }
    return "unknown";
}

}  // namespace jm
