#include "metrics/metrics_json.h"

#include <cmath>

namespace jm {

namespace {

using nlohmann::json;

// Rounded to 4 decimals. Beyond 2^53 / 1e4 a double has no fourth decimal to
// round, and scaling a value near the largest double by 1e4 would make it
// infinite: such values are written as they are, never as null.
json number(double v) {
    if (!std::isfinite(v)) return nullptr;
    constexpr double kNoDecimalsBeyond = 9007199254740992.0 / 1e4;   // 2^53 / 1e4
    const double r = std::fabs(v) < kNoDecimalsBeyond ? std::round(v * 1e4) / 1e4 : v;
    return r == 0 ? 0.0 : r;  // no "-0.0"
}

json number(const std::optional<double>& v) { return v ? number(*v) : json(nullptr); }

template <typename Int>
json count(const std::optional<Int>& v) { return v ? json(*v) : json(nullptr); }

json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json survey_to_json(const SurveyCounts& counts, const SurveyFigures& s) {
    json nps = figure_to_json(s.nps);
    nps["promoters"] = s.promoters;
    nps["passives"] = s.passives;
    nps["detractors"] = s.detractors;
    nps["distribution"] = counts.nps;  // arrays of counts convert directly
    json csat = figure_to_json(s.csat);
    csat["satisfied"] = s.satisfied;
    csat["distribution"] = counts.csat;
    json distributions = json::object();
    for (int scale : {5, 7}) {
        auto d = ces_distribution(counts, scale, s.ces_low_is_easy);
        bool any = false;
        for (auto c : d) any = any || c != 0;
        if (any) distributions[std::to_string(scale)] = d;
    }
    json ces = {{"mean", figure_to_json(s.ces_mean)},
                {"ease", figure_to_json(s.ces_ease)},
                {"scale", s.ces_scale ? json(s.ces_scale) : json(nullptr)},
                {"low_is_easy", s.ces_low_is_easy},
                {"distributions", std::move(distributions)}};
    // Moved, not copied: a copy of a JSON tree is a deep copy.
    return {{"nps", std::move(nps)}, {"csat", std::move(csat)}, {"ces", std::move(ces)}};
}

// Moves the members of `from` into `to` (json::update would copy them).
void merge_into(json& to, json from) {
    for (auto& item : from.items()) to[item.key()] = std::move(item.value());
}

json rollup_to_json(const RollupMetrics& r) {
    return {{"touchpoints", r.touchpoints},
            {"mean_friction", figure_to_json(r.mean_friction)},
            {"mean_emotion", figure_to_json(r.mean_emotion)},
            {"volume", count(r.volume)},
            {"survey", survey_to_json(r.counts, r.survey)}};
}

json factors_to_json(const HotspotFactors& f) {
    return {{"friction", number(f.friction)},
            {"negativity", number(f.negativity)},
            {"survey", number(f.survey)},
            {"reach", number(f.reach)}};
}

json kpi_to_json(const Kpi& kpi, const KpiMetrics& k) {
    return {{"id", kpi.id},
            {"name", kpi.name},
            {"unit", kpi.unit},
            {"direction", kpi_direction_key(kpi.direction)},
            {"value", figure_to_json(k.value)},
            {"target", number(k.target)},
            {"gap", number(k.gap)},
            {"gap_unavailable", text_or_null(k.gap_unavailable)},
            {"status", kpi_status_key(k.status)},
            {"trend", kpi_trend_key(k.trend)}};
}

json stage_to_json(const Stage& stage, const StageMetrics& sm) {
    json kpis = json::array();
    for (const auto& k : sm.kpis) kpis.push_back(kpi_to_json(stage.kpis[k.index], k));
    json reasons = json::array();
    for (const auto& r : sm.health.reasons) reasons.push_back({{"level", health_key(r.level)}, {"text", r.text}});
    json out = {{"id", sm.id}, {"name", stage.name}, {"owner", stage.owner}};
    merge_into(out, rollup_to_json(sm.rollup));
    out["personas"] = sm.personas;
    out["decision_makers"] = sm.decision_makers;
    out["kpis"] = std::move(kpis);
    out["health"] = {{"status", health_key(sm.health.status)}, {"reasons", std::move(reasons)}};
    out["priority"] = number(sm.priority);
    return out;
}

json funnel_to_json(const Map& map, const FunnelMetrics& f) {
    json steps = json::array();
    for (const auto& s : f.steps)
        steps.push_back({{"stage_id", map.stages[s.stage].id},
                         {"count", count(s.count)},
                         {"count_previous", count(s.count_previous)},
                         {"conversion", figure_to_json(s.conversion)},
                         {"drop_off", figure_to_json(s.drop_off)},
                         {"dropped", count(s.dropped)},
                         {"anomaly", text_or_null(s.anomaly)}});
    auto stage_id = [&](int i) { return i >= 0 ? json(map.stages[i].id) : json(nullptr); };
    return {{"steps", std::move(steps)},
            {"overall", figure_to_json(f.overall)},
            {"first_stage_id", stage_id(f.first_stage)},
            {"last_stage_id", stage_id(f.last_stage)},
            {"anomalies", f.anomalies}};
}

json hotspots_to_json(const Map& map, const Hotspots& h) {
    json tps = json::array();
    for (std::size_t i = 0; i < h.touchpoints.size(); ++i) {
        const Hotspot& e = h.touchpoints[i];
        const Stage& stage = map.stages[e.stage];
        tps.push_back({{"rank", i + 1},
                       {"id", e.id},
                       {"title", stage.touchpoints[e.touchpoint].title},
                       {"stage_id", stage.id},
                       {"owner", stage.touchpoints[e.touchpoint].owner},
                       {"score", number(e.score)},
                       {"factors", factors_to_json(e.factors)},
                       {"why", e.why}});
    }
    json stages = json::array();
    for (std::size_t i = 0; i < h.stages.size(); ++i) {
        const Hotspot& e = h.stages[i];
        stages.push_back({{"rank", i + 1},
                          {"id", e.id},
                          {"name", map.stages[e.stage].name},
                          {"score", number(e.score)},
                          {"factors", factors_to_json(e.factors)},
                          {"why", e.why}});
    }
    return {{"formula", kHotspotFormula},
            {"candidates", h.candidates},
            {"touchpoints", std::move(tps)},
            {"stages", std::move(stages)}};
}

}  // namespace

json figure_to_json(const Figure& f) {
    return {{"value", number(f.value)},
            {"base", number(f.base)},
            {"unavailable", f.value ? json(nullptr) : json(f.unavailable.empty() ? "not available" : f.unavailable)},
            {"formula", f.formula ? f.formula : ""},
            {"unit", f.unit ? f.unit : ""},
            {"previous", number(f.previous)},
            {"delta", number(f.delta)}};
}

json metrics_to_json(const Map& map, const MapMetrics& m) {
    json out = {{"format", "journeymap-metrics"},
                {"version", kMetricsJsonVersion},
                {"map_id", map.id},
                {"map_title", map.title},
                {"persona_filter", text_or_null(m.persona_filter)}};
    out["totals"] = rollup_to_json(m.totals);
    out["business"] = {{"period", m.business.period},
                       {"previous_period", map.period_previous ? json(m.business.previous_period) : json(nullptr)},
                       {"currency", map.currency},
                       {"churn_rate", figure_to_json(m.business.churn_rate)},
                       {"retention_rate", figure_to_json(m.business.retention_rate)},
                       {"net_revenue_retention", figure_to_json(m.business.net_revenue_retention)},
                       {"clv", figure_to_json(m.business.clv)}};
    out["funnel"] = funnel_to_json(map, m.funnel);
    json stages = json::array();
    for (std::size_t s = 0; s < m.stages.size(); ++s) stages.push_back(stage_to_json(map.stages[s], m.stages[s]));
    out["stages"] = std::move(stages);
    json personas = json::array();
    for (std::size_t p = 0; p < m.personas.size(); ++p) {
        json entry = {{"id", m.personas[p].id}, {"name", map.personas[p].name}};
        merge_into(entry, rollup_to_json(m.personas[p].rollup));
        personas.push_back(std::move(entry));
    }
    out["personas"] = std::move(personas);
    json touchpoints = json::array();
    for (std::size_t g = 0; g < m.touchpoints.size(); ++g) {
        const TouchpointMetrics& tm = m.touchpoints[g];
        if (!tm.in_filter) continue;
        const Touchpoint& tp = map.stages[tm.stage].touchpoints[tm.index];
        SurveyCounts counts;
        counts.add(tp.survey);
        touchpoints.push_back({{"id", tm.id},
                               {"title", tp.title},
                               {"stage_id", map.stages[tm.stage].id},
                               {"friction", tp.friction},
                               {"emotion", tp.emotion},
                               {"volume", count(tp.volume)},
                               {"survey", survey_to_json(counts, tm.survey())},
                               {"priority", number(m.priority(g))}});
    }
    out["touchpoints"] = std::move(touchpoints);
    out["hotspots"] = hotspots_to_json(map, m.hotspots);
    return out;
}

}  // namespace jm
