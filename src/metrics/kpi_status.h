// Where each stage KPI stands against its target and which way it moved since
// the previous period, read in the KPI's own direction (higher or lower is better).
#pragma once

#include <optional>
#include <string>

#include "metrics/figure.h"
#include "model/map.h"

namespace jm {

enum class KpiStatus { OnTarget, OffTarget, NoTarget, NoValue };
enum class KpiTrend { Improving, Worsening, Flat, Unknown };

inline constexpr const char* kKpiFormula = "KPI value as entered; delta = current - previous";

struct KpiMetrics {
    int stage = -1;                 // index into Map::stages
    int index = -1;                 // index into that stage's kpis
    Figure value;                   // current, previous and delta
    std::optional<double> target;
    std::optional<double> gap;      // current - target, when both exist and the difference is finite
    std::string gap_unavailable;    // why gap is absent ("no target"); empty when present
    KpiStatus status = KpiStatus::NoValue;
    KpiTrend trend = KpiTrend::Unknown;
};

// On target when current >= target (higher is better) or current <= target
// (lower is better). NoValue when there is no current value, NoTarget when there
// is a value but no target.
KpiStatus kpi_status(const Kpi& kpi);

// Flat when current and previous are equal up to a relative 1e-9; otherwise
// improving or worsening according to the direction. Unknown without both values.
KpiTrend kpi_trend(const Kpi& kpi);

KpiMetrics kpi_metrics(const Kpi& kpi, int stage, int index);

const char* kpi_status_key(KpiStatus s);   // "on_target" | "off_target" | "no_target" | "no_value"
const char* kpi_status_label(KpiStatus s); // "on target", ...
const char* kpi_trend_key(KpiTrend t);     // "improving" | "worsening" | "flat" | "unknown"

}  // namespace jm
