// Every metric of a map in one pass: per touchpoint, stage, persona and for the
// whole map; business figures; the funnel; KPI status; hotspots; stage health.
// A pure function of a const map, cheap enough to run after every edit
// (10,000 touchpoints and 20 personas in about 1.6 ms, see bench_metrics).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/business.h"
#include "metrics/figure.h"
#include "metrics/funnel.h"
#include "metrics/hotspots.h"
#include "metrics/kpi_status.h"
#include "metrics/rollup.h"
#include "metrics/stage_health.h"
#include "metrics/survey.h"
#include "model/map.h"

namespace jm {

struct MetricsOptions {
    // When set, stage roll-ups, map totals, hotspots and stage health count only the
    // touchpoints that involve this persona (stage-level surveys, which belong to no
    // persona, are left out). Business, funnel, KPIs and per-persona roll-ups are
    // map-wide and do not change. An id no persona has matches nothing.
    std::string persona_id;
    std::size_t hotspot_limit = 20;   // ranked touchpoint hotspots to keep, with "why"; 0 = all
};

struct TouchpointMetrics {
    std::string id;
    int stage = -1;                   // index into Map::stages
    int index = -1;                   // index into that stage's touchpoints
    bool in_filter = true;            // passes MetricsOptions::persona_id
    SurveySummary summary;            // its own answers vs survey_previous, as numbers

    // The same as full figures (formulas, bases, reasons, deltas), built on demand:
    // storing ten thousand of them would cost more than the whole computation.
    SurveyFigures survey() const { return survey_figures(summary); }
};

struct StageMetrics {
    std::string id;
    std::size_t first_touchpoint = 0; // its touchpoints are MapMetrics::touchpoints[first, first + touchpoint_total)
    std::size_t touchpoint_total = 0;
    RollupMetrics rollup;             // touchpoints in the filter + the stage-level survey
    std::vector<KpiMetrics> kpis;     // one per Stage::kpis, same order
    StageHealth health;
    int personas = 0;                 // distinct personas its touchpoints (in the filter) involve
    int decision_makers = 0;          // of which buyer-side decision makers
    double priority = 0;              // hotspot score of the stage, 0..100
};

struct PersonaMetrics {
    std::string id;
    RollupMetrics rollup;             // touchpoints whose persona_ids include this persona
};

struct MapMetrics {
    std::string persona_filter;                  // MetricsOptions::persona_id
    std::vector<TouchpointMetrics> touchpoints;  // every touchpoint, map order
    std::vector<StageMetrics> stages;            // map order
    std::vector<PersonaMetrics> personas;        // map order
    RollupMetrics totals;                        // the whole map (within the filter)
    BusinessMetrics business;
    FunnelMetrics funnel;
    Hotspots hotspots;

    // Hotspot score (0..100) of touchpoints[g]; 0 for one outside the persona filter.
    double priority(std::size_t g) const { return g < hotspots.scores.size() ? hotspots.scores[g] : 0.0; }

    // Look-ups; nullptr when absent. By id is a linear scan; by reference is O(1).
    const TouchpointMetrics* touchpoint(std::string_view id) const;
    const TouchpointMetrics* touchpoint(TouchpointRef ref) const;
    const StageMetrics* stage(std::string_view id) const;
    const PersonaMetrics* persona(std::string_view id) const;
};

MapMetrics compute_metrics(const Map& map, const MetricsOptions& options);
MapMetrics compute_metrics(const Map& map);

}  // namespace jm
