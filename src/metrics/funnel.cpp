#include "metrics/funnel.h"

#include "i18n/i18n.h"
#include "metrics/text_format.h"

namespace jm {

namespace {

// Conversion between two adjacent stages' counts, or why there is none.
Figure conversion_between(const Map& map, int stage, std::optional<std::int64_t> before,
                          std::optional<std::int64_t> here) {
    const Stage& prev = map.stages[stage - 1];
    const Stage& cur = map.stages[stage];
    const double base = before ? static_cast<double>(*before) : 0;
    // Stage names are the user's: each goes last among the arguments, or (two of
    // them) in trf_once, so that a "{count}" in a name stays as typed.
    if (!before)
        return unavailable_figure(i18n::trf("no funnel count for '{stage}'", {{"stage", prev.name}}), 0,
                                  kConversionFormula, "%");
    if (!here)
        return unavailable_figure(i18n::trf("no funnel count for '{stage}'", {{"stage", cur.name}}), base,
                                  kConversionFormula, "%");
    if (*before == 0)
        return unavailable_figure(i18n::trf("zero customers entered '{stage}'", {{"stage", prev.name}}), 0,
                                  kConversionFormula, "%");
    if (*here > *before)
        return unavailable_figure(trf_once("'{stage}' ({count}) > '{other}' ({other_count})",
                                           {{"stage", cur.name},
                                            {"count", format_count(*here)},
                                            {"other", prev.name},
                                            {"other_count", format_count(*before)}}),
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
            step.anomaly = i18n::trf("'{stage}' has a negative count ({count})",
                                     {{"count", format_count(*stage.funnel_count)}, {"stage", stage.name}});
        if (i == 0) {
            step.conversion = unavailable_figure(i18n::tr("first stage: nothing before it"), 0, kConversionFormula, "%");
        } else {
            step.conversion = conversion_between(map, i, f.steps[i - 1].count, step.count);
            set_previous(step.conversion,
                         conversion_between(map, i, f.steps[i - 1].count_previous, step.count_previous).value);
            if (f.steps[i - 1].count && step.count) step.dropped = *f.steps[i - 1].count - *step.count;
        }
        step.drop_off = drop_off_from(step.conversion);
        if (step.count && last_counted >= 0 && *step.count > *f.steps[last_counted].count)
            step.anomaly = trf_once("'{stage}' has more customers ({count}) than '{other}' before it ({other_count}): "
                                    "check the counts or the stage order",
                                    {{"stage", stage.name},
                                     {"count", format_count(*step.count)},
                                     {"other", map.stages[last_counted].name},
                                     {"other_count", format_count(*f.steps[last_counted].count)}});
        if (step.count) last_counted = i;
        if (!step.anomaly.empty()) ++f.anomalies;
    }

    for (int i = 0; i < n; ++i)
        if (f.steps[i].count) {
            if (f.first_stage < 0) f.first_stage = i;
            f.last_stage = i;
        }
    if (f.first_stage < 0) {
        f.overall = unavailable_figure(i18n::tr("no stage has a funnel count"), 0, kOverallFormula, "%");
        return f;
    }
    const std::int64_t first = *f.steps[f.first_stage].count, last = *f.steps[f.last_stage].count;
    f.first_count = first;
    f.last_count = last;
    const Stage& a = map.stages[f.first_stage];
    const Stage& b = map.stages[f.last_stage];
    if (f.first_stage == f.last_stage)
        f.overall = unavailable_figure(i18n::trf("only '{stage}' has a funnel count", {{"stage", a.name}}),
                                       static_cast<double>(first), kOverallFormula, "%");
    else if (first == 0)
        f.overall = unavailable_figure(i18n::trf("zero customers entered '{stage}'", {{"stage", a.name}}), 0,
                                       kOverallFormula, "%");
    else if (last > first)
        f.overall = unavailable_figure(trf_once("'{stage}' ({count}) > '{other}' ({other_count})",
                                                {{"stage", b.name},
                                                 {"count", format_count(last)},
                                                 {"other", a.name},
                                                 {"other_count", format_count(first)}}),
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
