// Friction hotspots: which touchpoints and stages hurt most, ranked, each with a
// plain "why". The score (documented in README, "Metrics"):
//
//   pain  = 0.4 x friction/5 + 0.2 x negativity + 0.4 x survey badness
//   score = 100 x pain x (0.5 + 0.5 x reach)                 (0..100)
//
//   negativity     = max(0, -emotion) / 2                     (0 for neutral or positive)
//   survey badness = mean of the available (100 - NPS)/200, (100 - CSAT)/100,
//                    (100 - CES ease)/100; 0 without answers
//   reach          = log(1 + volume) / log(1 + largest volume) when the volume is known,
//                    else persona weight / largest persona weight, where a persona
//                    weighs 3 (buyer-side decision maker), 2 (other buyer roles) or 1 (user side)
//
// Reach scales the pain between half and full weight, so a painful touchpoint few
// customers see still ranks, just below an equally painful one that many see.
// Equal scores keep map order (stage order, then touchpoint order).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/map.h"
#include "metrics/survey.h"

namespace jm {

struct MapMetrics;

inline constexpr const char* kHotspotFormula =
    "score = 100 x (0.4 x friction/5 + 0.2 x negative emotion/2 + 0.4 x survey badness) x (0.5 + 0.5 x reach)";

struct HotspotFactors {     // each 0..1
    double friction = 0;
    double negativity = 0;
    double survey = 0;
    double reach = 0;
};

struct Hotspot {
    int stage = -1;         // index into Map::stages
    int touchpoint = -1;    // index into that stage's touchpoints; -1 for a stage entry
    std::string id;
    double score = 0;       // 0..100
    HotspotFactors factors;
    std::string why;        // "friction 5/5, emotion -2, NPS -40 from 25 answers, reaches 1,200 customers"
};

struct Hotspots {
    std::vector<Hotspot> touchpoints;   // best first, at most MetricsOptions::hotspot_limit
    std::vector<Hotspot> stages;        // every stage, best first
    std::size_t candidates = 0;         // touchpoints that were ranked (after the persona filter)
    std::vector<double> scores;         // every touchpoint's score, by index into MapMetrics::touchpoints
};

double hotspot_score(const HotspotFactors& f);
double survey_badness(std::optional<double> nps, std::optional<double> csat, std::optional<double> ces_ease);
double survey_badness(const SurveyFigures& s);
double survey_badness(const SurveySummary& s);
double persona_weight(const Persona& p);
double volume_reach(double volume, double largest_volume);

// What ranking needs from each touchpoint, gathered during the roll-up pass so
// that ranking reads a compact array instead of walking the map a second time.
struct TouchpointInputs {
    double persona_weight = 0;              // sum of persona_weight() of the personas involved
    double survey_badness = 0;              // survey_badness() of its own answers
    double volume = -1;                     // -1 when unknown
    int friction = 0;
    int emotion = 0;
    bool in_filter = true;
};

struct HotspotInputs {
    std::vector<TouchpointInputs> touchpoints;  // by global touchpoint index (map order)
    std::vector<double> stage_weight;           // weight of the personas each stage's touchpoints involve
};

// Scores every touchpoint that passes the filter (into Hotspots::scores),
// ranks them and the stages, and writes the "why" of the ranked entries only.
void rank_hotspots(const Map& map, const HotspotInputs& inputs, std::size_t limit, MapMetrics& metrics);

// The "why" of any touchpoint, on demand (global index into MapMetrics::touchpoints).
std::string touchpoint_why(const Map& map, const MapMetrics& metrics, std::size_t touchpoint);
std::string stage_why(const Map& map, const MapMetrics& metrics, int stage);

}  // namespace jm
