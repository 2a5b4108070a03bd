#include "metrics/rollup.h"

#include "i18n/i18n.h"
#include "metrics/saturating.h"

namespace jm {

namespace {

std::int64_t add_volume(std::int64_t sum, std::int64_t volume) {
    bool saturated = false;   // a saturated volume stays usable: see RollupMetrics::volume
    return saturating_add(sum, volume, saturated);
}

}  // namespace

void RollupAccumulator::add_touchpoint(const Touchpoint& tp, const SurveyCounts& current, const SurveyCounts* previous) {
    ++touchpoints_;
    friction_sum_ += tp.friction;
    emotion_sum_ += tp.emotion;
    if (tp.volume && *tp.volume >= 0) {
        volume_sum_ = add_volume(volume_sum_, *tp.volume);
        ++with_volume_;
    }
    current_.add(current);
    if (previous) {
        previous_.add(*previous);
        has_previous_ = true;
    }
}

void RollupAccumulator::add_survey(const Survey& survey, const Survey* previous) {
    current_.add(survey);
    if (previous) {
        previous_.add(*previous);
        has_previous_ = true;
    }
}

void RollupAccumulator::add(const RollupAccumulator& o) {
    touchpoints_ += o.touchpoints_;
    friction_sum_ += o.friction_sum_;
    emotion_sum_ += o.emotion_sum_;
    volume_sum_ = add_volume(volume_sum_, o.volume_sum_);
    with_volume_ += o.with_volume_;
    current_.add(o.current_);
    previous_.add(o.previous_);
    has_previous_ = has_previous_ || o.has_previous_;
}

RollupMetrics RollupAccumulator::finish() const {
    RollupMetrics r;
    r.touchpoints = touchpoints_;
    const double n = static_cast<double>(touchpoints_);
    if (touchpoints_ > 0) {
        r.mean_friction = make_figure(friction_sum_ / n, n, kMeanFrictionFormula, "/5");
        r.mean_emotion = make_figure(emotion_sum_ / n, n, kMeanEmotionFormula, "");
    } else {
        r.mean_friction = unavailable_figure(i18n::tr("no touchpoints"), 0, kMeanFrictionFormula, "/5");
        r.mean_emotion = unavailable_figure(i18n::tr("no touchpoints"), 0, kMeanEmotionFormula, "");
    }
    if (with_volume_ > 0) r.volume = volume_sum_;
    r.touchpoints_with_volume = with_volume_;
    r.counts = current_;
    r.survey = survey_figures(current_, has_previous_ ? &previous_ : nullptr);
    return r;
}

}  // namespace jm
