#include "metrics/funnel.h"

#include "metrics/text_format.h"

namespace jm {

namespace {

std::string quoted(const Stage& s) { return "'" + s.name + "'"; }

// Conversion between two adjacent stages' counts, or why there is none.
Figure conversion_between(const Map& map, int stage, std::optional<std::int64_t> before,
                          std::optional<std::int64_t> here) {
    const Stage& prev = map.stages[stage - 1];
    const Stage& cur = map.stages[stage];
    const double base = before ? static_cast<double>(*before) : 0;
    if (!before) return unavailable_figure("no funnel count for " + quoted(prev), 0, kConversionFormula, "%");
    if (!here) return unavailable_figure("no funnel count for " + quoted(cur), base, kConversionFormula, "%");
    if (*before == 0) return unavailable_figure("zero customers entered " + quoted(prev), 0, kConversionFormula, "%");
    if (*here > *before)
        return unavailable_figure(quoted(cur) + " (" + format_count(*here) + ") > " + quoted(prev) + " (" +
                                      format_count(*before) + ")",
                                  base, kConversionFormula, "%");
    return make_figure(100.0 * static_cast<double>(*here) / static_cast<double>(*before), base, kConversionFormula, "%");
}

Figure drop_off_from(const Figure& conversion) {
    if (!conversion.value)
        return unavailable_figure(conversion.unavailable, conversion.base, kDropOffFormula, "%");
    Figure f = make_figure(100.0 - *conversion.value, conversion.base, kDropOffFormula, "%");
    if (conversion.previous) set_previous(f, 100.0 - *conversion.previous);
    return f;
}

std::optional<std::int64_t> usable_count(const std::optional<std::int64_t>& c) {
    return c && *c >= 0 ? c : std::nullopt;
}

}  // namespace

FunnelMetrics funnel_metrics(const Map& map) {
    FunnelMetrics f;
    const int n = static_cast<int>(map.stages.size());
    f.steps.resize(n);
    int last_counted = -1;  // nearest earlier stage with a count, for anomalies across gaps
    for (int i = 0; i < n; ++i) {
        const Stage& stage = map.stages[i];
        FunnelStep& step = f.steps[i];
        step.stage = i;
        step.count = usable_count(stage.funnel_count);
        step.count_previous = usable_count(stage.funnel_count_previous);
        if (stage.funnel_count && *stage.funnel_count < 0)
            step.anomaly = quoted(stage) + " has a negative count (" + format_count(*stage.funnel_count) + ")";
        if (i == 0) {
            step.conversion = unavailable_figure("first stage: nothing before it", 0, kConversionFormula, "%");
        } else {
            step.conversion = conversion_between(map, i, f.steps[i - 1].count, step.count);
            set_previous(step.conversion,
                         conversion_between(map, i, f.steps[i - 1].count_previous, step.count_previous).value);
            if (f.steps[i - 1].count && step.count) step.dropped = *f.steps[i - 1].count - *step.count;
        }
        step.drop_off = drop_off_from(step.conversion);
        if (step.count && last_counted >= 0 && *step.count > *f.steps[last_counted].count)
            step.anomaly = quoted(stage) + " has more customers (" + format_count(*step.count) + ") than " +
                           quoted(map.stages[last_counted]) + " before it (" +
                           format_count(*f.steps[last_counted].count) + "): check the counts or the stage order";
        if (step.count) last_counted = i;
        if (!step.anomaly.empty()) ++f.anomalies;
    }

    for (int i = 0; i < n; ++i)
        if (f.steps[i].count) {
            if (f.first_stage < 0) f.first_stage = i;
            f.last_stage = i;
        }
    if (f.first_stage < 0) {
        f.overall = unavailable_figure("no stage has a funnel count", 0, kOverallFormula, "%");
        return f;
    }
    const std::int64_t first = *f.steps[f.first_stage].count, last = *f.steps[f.last_stage].count;
    f.first_count = first;
    f.last_count = last;
    const Stage& a = map.stages[f.first_stage];
    const Stage& b = map.stages[f.last_stage];
    if (f.first_stage == f.last_stage)
        f.overall = unavailable_figure("only " + quoted(a) + " has a funnel count", static_cast<double>(first),
                                       kOverallFormula, "%");
    else if (first == 0)
        f.overall = unavailable_figure("zero customers entered " + quoted(a), 0, kOverallFormula, "%");
    else if (last > first)
        f.overall = unavailable_figure(quoted(b) + " (" + format_count(last) + ") > " + quoted(a) + " (" +
                                           format_count(first) + ")",
                                       static_cast<double>(first), kOverallFormula, "%");
    else
        f.overall = make_figure(100.0 * static_cast<double>(last) / static_cast<double>(first),
                                static_cast<double>(first), kOverallFormula, "%");

    // Previous period over the same two stages, so the delta compares like with like.
    const auto& pa = f.steps[f.first_stage].count_previous;
    const auto& pb = f.steps[f.last_stage].count_previous;
    if (f.first_stage != f.last_stage && pa && pb && *pa > 0 && *pb <= *pa)
        set_previous(f.overall, 100.0 * static_cast<double>(*pb) / static_cast<double>(*pa));
    return f;
}

}  // namespace jm
