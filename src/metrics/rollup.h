// A group of touchpoints seen as one: a stage, a persona, the whole map.
// Answers are summed as distributions and the figures computed once from the sums,
// so ten answers weigh ten times one answer (never an average of percentages).
#pragma once

#include <cstdint>
#include <optional>

#include "metrics/figure.h"
#include "metrics/survey.h"
#include "model/map.h"

namespace jm {

inline constexpr const char* kMeanFrictionFormula = "mean friction = sum of touchpoint friction (0..5) / touchpoints";
inline constexpr const char* kMeanEmotionFormula = "mean emotion = sum of touchpoint emotion (-2..2) / touchpoints";

struct RollupMetrics {
    std::int64_t touchpoints = 0;              // touchpoints counted in the group
    Figure mean_friction;                      // 0..5, base = touchpoints
    Figure mean_emotion;                       // -2..2, base = touchpoints
    // Sum of the known touchpoint volumes. It stops at the largest count (kCountMax)
    // rather than wrap: reach is read on a log scale, where that is still "the most".
    std::optional<std::int64_t> volume;
    std::int64_t touchpoints_with_volume = 0;
    SurveyCounts counts;                       // summed answers of the current period
    SurveyFigures survey;                      // figures from `counts`, compared with the previous period
};

class RollupAccumulator {
public:
    // A touchpoint with its answers already counted (`previous` null when it has
    // no previous-period survey).
    void add_touchpoint(const Touchpoint& tp, const SurveyCounts& current, const SurveyCounts* previous);
    // Answers collected for a whole stage rather than one touchpoint, with the
    // previous period's answers when the stage has them.
    void add_survey(const Survey& survey, const Survey* previous);
    void add(const RollupAccumulator& other);
    RollupMetrics finish() const;

private:
    std::int64_t touchpoints_ = 0;
    double friction_sum_ = 0;
    double emotion_sum_ = 0;
    std::int64_t volume_sum_ = 0;     // saturates: a thousand volumes near the file limit pass 2^63
    std::int64_t with_volume_ = 0;
    SurveyCounts current_;
    SurveyCounts previous_;
    bool has_previous_ = false;
};

}  // namespace jm
