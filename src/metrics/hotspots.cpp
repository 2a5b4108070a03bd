#include "metrics/hotspots.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "i18n/i18n.h"
#include "metrics/metrics.h"
#include "metrics/saturating.h"
#include "metrics/text_format.h"

namespace jm {

namespace {

double clamp01(double v) { return v < 0 ? 0 : v > 1 ? 1 : v; }

// volume_reach with log(1 + largest volume) computed once per ranking.
double log_reach(double volume, double log_largest) {
    if (!(volume > 0) || !(log_largest > 0)) return 0.0;
    return clamp01(std::log1p(volume) / log_largest);
}

// What ranking a touchpoint needs besides the touchpoint itself: the largest
// volume and persona weight among the ranked touchpoints.
struct ReachScale {
    double log_largest_volume = 0;
    double largest_weight = 0;
    double per_log_volume = 0;   // 1 / log_largest_volume, or 0
    double per_weight = 0;       // 1 / largest_weight, or 0
};

HotspotFactors touchpoint_factors(const TouchpointInputs& in, const ReachScale& scale) {
    HotspotFactors f;
    // In doubles before the sign flips: -emotion overflows an int at INT_MIN, and
    // the model does not bound emotion (only the loader does).
    f.friction = clamp01(static_cast<double>(in.friction) * 0.2);
    f.negativity = clamp01(-static_cast<double>(in.emotion) * 0.5);
    f.survey = in.survey_badness;
    if (in.volume > 0) f.reach = clamp01(std::log1p(in.volume) * scale.per_log_volume);
    else if (in.volume < 0) f.reach = clamp01(in.persona_weight * scale.per_weight);
    return f;
}

// "NPS -40 from 25 answers" ({count}, not trn's {n}: answer counts may pass 2^53,
// where a double loses digits).
std::string survey_fact(const char* metric, const std::string& value, const Figure& f) {
    const std::int64_t n = count_from_double(f.base);
    return i18n::trn("{metric} {value} from {count} answers", n, {{"value", value}, {"count", format_count(n)}, {"metric", metric}});
}

// "NPS -40 from 25 answers, CSAT 40% from 10 answers", or "no survey answers".
void add_survey_facts(const SurveyFigures& s, std::vector<std::string>& facts) {
    const std::size_t before = facts.size();
    if (s.nps.value) facts.push_back(survey_fact("NPS", format_fixed(*s.nps.value, 0), s.nps));
    if (s.csat.value) facts.push_back(survey_fact("CSAT", with_unit(format_fixed(*s.csat.value, 0), "%"), s.csat));
    if (s.ces_ease.value)
        facts.push_back(survey_fact(i18n::tr("CES ease"), format_fixed(*s.ces_ease.value, 0) + "/100", s.ces_ease));
    if (facts.size() == before) facts.push_back(i18n::tr("no survey answers"));
}

std::string personas_fact(int personas, int decision_makers) {
    if (personas == 0) return i18n::tr("no volume or personas");
    // Counts as std::to_string writes them (no separators), as they always were.
    const std::string involves = i18n::trn("involves {count} personas", personas, {{"count", std::to_string(personas)}});
    if (decision_makers == 0) return involves;
    return i18n::trf("{personas} ({decision_makers})",
                     {{"personas", involves},
                      {"decision_makers", i18n::trn("{count} decision makers", decision_makers,
                                                    {{"count", std::to_string(decision_makers)}})}});
}

bool is_decision_maker(const Persona& p) {
    return p.kind == PersonaKind::Buyer && p.role == CommitteeRole::DecisionMaker;
}

// Customers a stage reaches: its funnel count, else the sum of its touchpoints' volumes.
std::optional<double> stage_customers(const Stage& stage, const StageMetrics& sm) {
    if (stage.funnel_count && *stage.funnel_count >= 0) return static_cast<double>(*stage.funnel_count);
    if (sm.rollup.volume) return static_cast<double>(*sm.rollup.volume);
    return std::nullopt;
}

HotspotFactors stage_factors(const StageMetrics& sm) {
    HotspotFactors f;
    if (sm.rollup.mean_friction.value) f.friction = clamp01(*sm.rollup.mean_friction.value / 5.0);
    if (sm.rollup.mean_emotion.value) f.negativity = clamp01(-*sm.rollup.mean_emotion.value / 2.0);
    f.survey = survey_badness(sm.rollup.survey);
    return f;
}

// Best first; equal scores keep map order, which `order` encodes.
struct Ranked {
    double score;
    std::size_t order;
    bool operator<(const Ranked& o) const { return score != o.score ? score > o.score : order < o.order; }
};

void rank_stages(const Map& map, const HotspotInputs& inputs, MapMetrics& m) {
    const std::size_t n = m.stages.size();
    double most_customers = 0, most_weight = 0;
    for (std::size_t s = 0; s < n; ++s) {
        if (auto c = stage_customers(map.stages[s], m.stages[s])) most_customers = std::max(most_customers, *c);
        most_weight = std::max(most_weight, inputs.stage_weight[s]);
    }
    std::vector<Ranked> order;
    std::vector<HotspotFactors> factors(n);
    for (std::size_t s = 0; s < n; ++s) {
        StageMetrics& sm = m.stages[s];
        HotspotFactors& f = factors[s];
        f = stage_factors(sm);
        if (auto c = stage_customers(map.stages[s], sm)) f.reach = volume_reach(*c, most_customers);
        else if (most_weight > 0) f.reach = clamp01(inputs.stage_weight[s] / most_weight);
        sm.priority = hotspot_score(f);
        order.push_back({sm.priority, s});
    }
    std::sort(order.begin(), order.end());
    m.hotspots.stages.clear();
    for (const auto& r : order) {
        Hotspot h;
        h.stage = static_cast<int>(r.order);
        h.id = m.stages[r.order].id;
        h.score = r.score;
        h.factors = factors[r.order];
        h.why = stage_why(map, m, h.stage);
        m.hotspots.stages.push_back(std::move(h));
    }
}

}  // namespace

double hotspot_score(const HotspotFactors& f) {
    const double pain = 0.4 * clamp01(f.friction) + 0.2 * clamp01(f.negativity) + 0.4 * clamp01(f.survey);
    return 100.0 * pain * (0.5 + 0.5 * clamp01(f.reach));
}

double survey_badness(std::optional<double> nps, std::optional<double> csat, std::optional<double> ces_ease) {
    double sum = 0;
    int n = 0;
    // Multiplications by constants rather than divisions: this runs per touchpoint.
    if (nps) sum += (100.0 - *nps) * 0.005, ++n;
    if (csat) sum += (100.0 - *csat) * 0.01, ++n;
    if (ces_ease) sum += (100.0 - *ces_ease) * 0.01, ++n;
    static constexpr double kOneOver[] = {0.0, 1.0, 0.5, 1.0 / 3.0};
    return clamp01(sum * kOneOver[n]);
}

double survey_badness(const SurveyFigures& s) { return survey_badness(s.nps.value, s.csat.value, s.ces_ease.value); }
double survey_badness(const SurveySummary& s) { return survey_badness(s.nps, s.csat, s.ces_ease); }

double persona_weight(const Persona& p) {
    if (p.kind != PersonaKind::Buyer) return 1.0;
    return p.role == CommitteeRole::DecisionMaker ? 3.0 : 2.0;
}

double volume_reach(double volume, double largest_volume) {
    if (!(largest_volume > 0)) return 0.0;
    return log_reach(volume, std::log1p(largest_volume));
}

void rank_hotspots(const Map& map, const HotspotInputs& inputs, std::size_t limit, MapMetrics& m) {
    double largest_volume = 0;
    ReachScale scale;
    std::size_t candidates = 0;
    const std::size_t n = inputs.touchpoints.size();
    for (std::size_t g = 0; g < n; ++g) {
        if (!inputs.touchpoints[g].in_filter) continue;
        ++candidates;
        largest_volume = std::max(largest_volume, inputs.touchpoints[g].volume);
        scale.largest_weight = std::max(scale.largest_weight, inputs.touchpoints[g].persona_weight);
    }
    scale.log_largest_volume = std::log1p(largest_volume);
    scale.per_log_volume = scale.log_largest_volume > 0 ? 1.0 / scale.log_largest_volume : 0.0;
    scale.per_weight = scale.largest_weight > 0 ? 1.0 / scale.largest_weight : 0.0;

    std::vector<Ranked> ranked;
    ranked.reserve(candidates);
    std::vector<double>& scores = m.hotspots.scores;
    scores.assign(n, 0.0);
    for (std::size_t g = 0; g < n; ++g) {
        if (!inputs.touchpoints[g].in_filter) continue;
        scores[g] = hotspot_score(touchpoint_factors(inputs.touchpoints[g], scale));
        ranked.push_back({scores[g], g});
    }
    const std::size_t keep = limit == 0 ? ranked.size() : std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end());

    m.hotspots.candidates = candidates;
    m.hotspots.touchpoints.clear();
    m.hotspots.touchpoints.reserve(keep);
    for (std::size_t r = 0; r < keep; ++r) {
        const std::size_t g = ranked[r].order;
        const TouchpointMetrics& tm = m.touchpoints[g];
        Hotspot h;
        h.stage = tm.stage;
        h.touchpoint = tm.index;
        h.id = tm.id;
        h.score = ranked[r].score;
        h.factors = touchpoint_factors(inputs.touchpoints[g], scale);
        h.why = touchpoint_why(map, m, g);
        m.hotspots.touchpoints.push_back(std::move(h));
    }
    rank_stages(map, inputs, m);
}

std::string touchpoint_why(const Map& map, const MapMetrics& m, std::size_t g) {
    const TouchpointMetrics& tm = m.touchpoints.at(g);
    const Touchpoint& tp = map.stages.at(tm.stage).touchpoints.at(tm.index);
    std::vector<std::string> facts;
    facts.push_back(i18n::trf("friction {value}/5", {{"value", std::to_string(tp.friction)}}));
    std::string emotion = std::to_string(tp.emotion);
    if (tp.emotion > 0) emotion.insert(emotion.begin(), '+');
    facts.push_back(i18n::trf("emotion {value}", {{"value", emotion}}));
    add_survey_facts(tm.survey(), facts);
    if (tp.volume && *tp.volume >= 0) {
        facts.push_back(i18n::trn("reaches {count} customers", *tp.volume, {{"count", format_count(*tp.volume)}}));
        return join_list(facts);
    }
    int personas = 0, decision_makers = 0;
    for (std::size_t i = 0; i < tp.persona_ids.size(); ++i) {
        const Persona* p = find_persona(map, tp.persona_ids[i]);
        bool repeated = std::find(tp.persona_ids.begin(), tp.persona_ids.begin() + i, tp.persona_ids[i]) !=
                        tp.persona_ids.begin() + i;
        if (!p || repeated) continue;
        ++personas;
        decision_makers += is_decision_maker(*p);
    }
    facts.push_back(personas_fact(personas, decision_makers));
    return join_list(facts);
}

std::string stage_why(const Map& map, const MapMetrics& m, int s) {
    const StageMetrics& sm = m.stages.at(s);
    const RollupMetrics& r = sm.rollup;
    std::vector<std::string> facts;
    if (r.touchpoints == 0) {
        facts.push_back(i18n::tr(m.persona_filter.empty() ? "no touchpoints" : "no touchpoints for this persona"));
    } else {
        facts.push_back(i18n::trn("mean friction {value}/5 over {count} touchpoints, mean emotion {emotion}",
                                  r.touchpoints,
                                  {{"value", format_fixed(*r.mean_friction.value, 1)},
                                   {"count", format_count(r.touchpoints)},
                                   {"emotion", format_delta(*r.mean_emotion.value, 1)}}));
    }
    add_survey_facts(r.survey, facts);
    const Stage& stage = map.stages.at(s);
    if (stage.funnel_count && *stage.funnel_count >= 0)
        facts.push_back(i18n::trf("{count} customers entering", {{"count", format_count(*stage.funnel_count)}}));
    else if (r.volume)
        facts.push_back(i18n::trf("touchpoint volume {count}", {{"count", format_count(*r.volume)}}));
    else
        facts.push_back(personas_fact(sm.personas, sm.decision_makers));
    return join_list(facts);
}

}  // namespace jm
