// A glanceable status per stage (good / warning / bad / unknown) with the reasons
// behind it, for the stage header on the canvas.
//
// Each signal the stage has enough data for is judged on its own; the stage takes
// the worst level among them, and is "unknown" when no signal could be judged.
//   mean friction (0..5)      bad >= 3.5, warning >= 2.5
//   mean emotion (-2..2)      bad <= -1,  warning <= -0.5
//   NPS   (>= 10 answers)     bad < 0,    warning < 30
//   CSAT  (>= 10 answers)     bad < 60%,  warning < 75%
//   CES ease (>= 10 answers)  bad < 40,   warning < 60
//   each KPI with a value and a target: off target and worsening = bad,
//                                       off target otherwise = warning
#pragma once

#include <string>
#include <vector>

#include "metrics/kpi_status.h"
#include "metrics/rollup.h"

namespace jm {

enum class Health { Unknown, Good, Warning, Bad };

inline constexpr std::int64_t kHealthMinAnswers = 10;  // fewer answers say too little to judge

struct HealthReason {
    Health level = Health::Unknown;
    std::string text;                  // e.g. "mean friction 3.8/5 (bad from 3.5)"
};

struct StageHealth {
    Health status = Health::Unknown;
    std::vector<HealthReason> reasons; // worst first; the judged signals and the ones skipped
};

StageHealth stage_health(const Stage& stage, const RollupMetrics& rollup, const std::vector<KpiMetrics>& kpis);

const char* health_key(Health h);      // "unknown" | "good" | "warning" | "bad"

}  // namespace jm
