#include "fuzz/fuzz_checks.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/csv.h"
#include "io/map_json.h"
#include "io/mermaid.h"
#include "metrics/metrics.h"
#include "metrics/metrics_json.h"

namespace jm::fuzz {

namespace {

using nlohmann::json;

// ---- Round trip ------------------------------------------------------------------

// Where two maps first differ, for the failure message: the whole map is too big
// to print, a first differing stage or touchpoint id is enough to start from.
std::string first_difference(const Map& a, const Map& b) {
    if (a.stages.size() != b.stages.size()) return "number of stages";
    for (std::size_t s = 0; s < a.stages.size(); ++s) {
        const Stage& x = a.stages[s];
        const Stage& y = b.stages[s];
        if (x.touchpoints.size() != y.touchpoints.size()) return "touchpoints of stage " + x.id;
        for (std::size_t t = 0; t < x.touchpoints.size(); ++t)
            if (!(x.touchpoints[t] == y.touchpoints[t])) return "touchpoint " + x.touchpoints[t].id;
        if (!(x == y)) return "stage " + x.id;
    }
    if (!(a.personas == b.personas)) return "personas";
    if (!(a.period == b.period) || !(a.period_previous == b.period_previous)) return "periods";
    return "map fields (title, lanes, unknown keys...)";
}

std::string first_problem(const LoadResult& r) {
    if (r.problems.empty()) return "no problem reported";
    return r.problems.front().path + ": " + r.problems.front().message;
}

// ---- Exports ---------------------------------------------------------------------

// The stage and card counts of a map: what both text formats promise to keep.
std::vector<std::size_t> shape(const Map& map) {
    std::vector<std::size_t> out;
    for (const Stage& s : map.stages) out.push_back(s.touchpoints.size());
    return out;
}

template <typename Import>
void check_reimport(const Import& imported, const Map& original, const char* format) {
    if (!imported.map) {
        const std::string why = imported.problems.empty()
                                    ? std::string("no problem reported")
                                    : imported.problems.front().where() + ": " + imported.problems.front().message;
        fail(std::string(format) + " export does not import back", why);
    }
    // A map without stages exports an empty diagram or table, which imports as
    // one empty stage at most: only maps with stages must keep their shape.
    if (original.stages.empty()) return;
    require(shape(*imported.map) == shape(original), std::string(format) + " export changes the stages or cards");
}

// ---- Metrics ---------------------------------------------------------------------

bool finite(const std::optional<double>& v) { return !v || std::isfinite(*v); }

void check_figure(const Figure& f, const std::string& where) {
    require(finite(f.value), "figure value is not finite", where);
    require(std::isfinite(f.base), "figure base is not finite", where);
    require(finite(f.previous), "figure previous value is not finite", where);
    require(finite(f.delta), "figure delta is not finite", where);
    require(f.value.has_value() || !f.unavailable.empty(), "figure has neither a value nor a reason", where);
}

void check_survey(const SurveyFigures& s, const std::string& where) {
    check_figure(s.nps, where + " NPS");
    check_figure(s.csat, where + " CSAT");
    check_figure(s.ces_mean, where + " CES mean");
    check_figure(s.ces_ease, where + " CES ease");
}

void check_rollup(const RollupMetrics& r, const std::string& where) {
    check_figure(r.mean_friction, where + " mean friction");
    check_figure(r.mean_emotion, where + " mean emotion");
    check_survey(r.survey, where);
}

bool unit_range(double v) { return v >= 0 && v <= 1; }
bool score_range(double v) { return v >= 0 && v <= 100; }   // false for NaN too

void check_hotspot(const Hotspot& h, const std::string& where) {
    require(score_range(h.score), "hotspot score outside 0..100", where);
    const HotspotFactors& f = h.factors;
    require(unit_range(f.friction) && unit_range(f.negativity) && unit_range(f.survey) && unit_range(f.reach),
            "hotspot factor outside 0..1", where);
    require(!h.why.empty(), "hotspot without a why", where);
}

void check_business_and_funnel(const MapMetrics& m) {
    check_figure(m.business.churn_rate, "churn rate");
    check_figure(m.business.retention_rate, "retention rate");
    check_figure(m.business.net_revenue_retention, "net revenue retention");
    check_figure(m.business.clv, "CLV");
    for (const FunnelStep& step : m.funnel.steps) {
        check_figure(step.conversion, "funnel conversion");
        check_figure(step.drop_off, "funnel drop-off");
    }
    check_figure(m.funnel.overall, "funnel overall");
}

void check_stages(const MapMetrics& m) {
    for (const StageMetrics& s : m.stages) {
        check_rollup(s.rollup, "stage " + s.id);
        for (const KpiMetrics& k : s.kpis) {
            check_figure(k.value, "KPI of stage " + s.id);
            require(finite(k.target) && finite(k.gap), "KPI target or gap is not finite", s.id);
            require(k.gap.has_value() || !k.gap_unavailable.empty(), "KPI gap has neither a value nor a reason", s.id);
        }
        require(!s.health.reasons.empty(), "stage health without reasons", s.id);
        require(score_range(s.priority), "stage priority outside 0..100", s.id);
    }
}

void check_structs(const MapMetrics& m) {
    check_rollup(m.totals, "totals");
    check_business_and_funnel(m);
    check_stages(m);
    for (const PersonaMetrics& p : m.personas) check_rollup(p.rollup, "persona " + p.id);
    for (std::size_t g = 0; g < m.touchpoints.size(); ++g) {
        check_survey(m.touchpoints[g].survey(), "touchpoint " + m.touchpoints[g].id);
        require(score_range(m.priority(g)), "touchpoint priority outside 0..100", m.touchpoints[g].id);
    }
    for (const Hotspot& h : m.hotspots.touchpoints) check_hotspot(h, "touchpoint hotspot " + h.id);
    for (const Hotspot& h : m.hotspots.stages) check_hotspot(h, "stage hotspot " + h.id);
}

// "/key" + rest, appended in place: gcc 12 warns (-Wrestrict, a false positive)
// on the chained operator+ form.
std::string pointer_step(const std::string& key, const std::string& rest) {
    std::string out = "/";
    out += key;
    out += rest;
    return out;
}

// In the JSON, every number is finite and every figure ({"value", "unavailable"})
// without a value carries its reason: a finite figure must never be written as
// null. Returns the JSON Pointer of the first offence, "" when there is none;
// the pointer is only spelled out on the way back from one, since building it
// for every node would cost more than the walk.
std::string unsound_at(const json& j) {
    if (j.is_number_float() && !std::isfinite(j.get<double>())) return "#";
    if (j.is_object()) {
        if (j.contains("value") && j.contains("unavailable") && j["value"].is_null() &&
            !(j["unavailable"].is_string() && !j["unavailable"].get<std::string>().empty()))
            return "#";
        if (j.contains("gap") && j.contains("gap_unavailable") && j["gap"].is_null() && !j["gap_unavailable"].is_string())
            return "#";
        for (const auto& item : j.items())
            if (std::string at = unsound_at(item.value()); !at.empty()) return pointer_step(item.key(), at);
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i)
            if (std::string at = unsound_at(j[i]); !at.empty()) return pointer_step(std::to_string(i), at);
    }
    return "";
}

// The structs always; the JSON and the table for the unfiltered metrics only: a
// filtered document holds a subset of the same texts and numbers.
void check_metrics_with(const Map& map, const MetricsOptions& options, bool render) {
    const MapMetrics m = compute_metrics(map, options);
    check_structs(m);
    if (!render) return;
    const json j = metrics_to_json(map, m);
    const std::string at = unsound_at(j);
    require(at.empty(), "metrics JSON holds a non-finite number or a null figure without a reason", at);
    try {
        (void)j.dump();   // strict UTF-8, as the CLI and the JavaScript API write it
    } catch (const std::exception& e) {
        fail("metrics JSON cannot be written", e.what());
    }
    (void)metrics_table(map, m);
}

}  // namespace

void fail(std::string_view what, std::string_view detail) {
    std::fprintf(stderr, "fuzz check failed: %.*s%s%.*s\n", static_cast<int>(what.size()), what.data(),
                 detail.empty() ? "" : ": ", static_cast<int>(detail.size()), detail.data());
    std::abort();
}

std::string check_round_trip(const Map& map) {
    const std::string saved = save_map_json(map);
    const LoadResult again = load_map_json(saved);
    require(again.ok(), "a loaded map does not load again after saving", first_problem(again));
    require(*again.map == map, "a map changes when saved and loaded again", first_difference(map, *again.map));
    require(save_map_json(*again.map) == saved, "saving the same map twice gives different bytes");
    return saved;
}

void check_exports(const Map& map) {
    check_reimport(import_mermaid(export_mermaid(map)), map, "Mermaid");
    check_reimport(import_csv(export_csv(map)), map, "CSV");
}

void check_metrics(const Map& map) {
    check_metrics_with(map, MetricsOptions{}, true);
    if (!map.personas.empty()) {
        MetricsOptions filtered;
        filtered.persona_id = map.personas.front().id;
        check_metrics_with(map, filtered, false);
    }
}

void check_map(const Map& map) {
    check_round_trip(map);
    check_exports(map);
    check_metrics(map);
}

}  // namespace jm::fuzz
