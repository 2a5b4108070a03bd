// The funnel: customers entering each stage (Stage::funnel_count), conversion and
// drop-off from one stage to the next, and overall conversion from the first
// counted stage to the last. Counts that cannot be right are flagged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metrics/figure.h"
#include "model/map.h"

namespace jm {

inline constexpr const char* kConversionFormula = "conversion = customers entering this stage / entering the stage before x 100";
inline constexpr const char* kDropOffFormula = "drop-off = 100 - conversion";
inline constexpr const char* kOverallFormula = "overall conversion = customers entering the last counted stage / entering the first counted stage x 100";

struct FunnelStep {
    int stage = -1;                                // index into Map::stages
    std::optional<std::int64_t> count;             // funnel_count, when usable
    std::optional<std::int64_t> count_previous;    // funnel_count_previous, when usable
    Figure conversion;                             // %, from the stage just before
    Figure drop_off;                               // %, 100 - conversion
    std::optional<std::int64_t> dropped;           // customers lost from the stage before
    std::string anomaly;                           // empty, or what is wrong with the counts
};

struct FunnelMetrics {
    std::vector<FunnelStep> steps;                 // one per stage, in map order
    Figure overall;                                // first counted stage -> last counted stage
    int first_stage = -1, last_stage = -1;         // the stages `overall` spans, -1 when none
    std::optional<std::int64_t> first_count, last_count;
    int anomalies = 0;                             // steps with a non-empty anomaly
};

FunnelMetrics funnel_metrics(const Map& map);

}  // namespace jm
