// Properties over many random maps, and the JSON and table renderings:
// figures stay in range, churn + retention = 100%, and no NaN ever escapes.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <random>

#include "metrics/metrics.h"
#include "metrics/metrics_json.h"
#include "metrics/text_format.h"
#include "support/large_map.h"

using namespace jm;
using nlohmann::json;

namespace {

// Business inputs that are often missing, zero, negative or inconsistent.
std::optional<double> messy(std::mt19937& rng, double scale) {
    switch (std::uniform_int_distribution<int>(0, 7)(rng)) {
        case 0: return std::nullopt;
        case 1: return 0.0;
        case 2: return -scale / 10;
        default: return std::uniform_real_distribution<double>(0, scale)(rng);
    }
}

Period random_period(std::mt19937& rng) {
    Period p;
    p.label = std::string(1, 'P');
    p.customers_start = messy(rng, 500);
    p.customers_lost = messy(rng, 600);
    p.customers_acquired = messy(rng, 100);
    p.revenue_start = messy(rng, 1e6);
    p.revenue_expansion = messy(rng, 2e5);
    p.revenue_contraction = messy(rng, 2e5);
    p.revenue_churned = messy(rng, 2e5);
    p.arpa = messy(rng, 5000);
    p.gross_margin = messy(rng, 1.5);
    p.cac = messy(rng, 10000);
    return p;
}

Map random_map(std::uint32_t seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    Map map = testing::make_large_map({.stages = pick(0, 6), .touchpoints = pick(0, 60), .personas = pick(0, 5), .seed = seed});
    for (auto& stage : map.stages) {
        if (pick(0, 3) == 0) stage.funnel_count.reset();
        else stage.funnel_count = pick(0, 2000);
        if (pick(0, 2) == 0) stage.funnel_count_previous = pick(0, 2000);
        if (pick(0, 3) == 0) stage.survey = Survey{};
        if (stage.survey) for (auto& c : stage.survey->nps) c = pick(0, 3);
        for (auto& tp : stage.touchpoints) {
            if (pick(0, 4) == 0) tp.survey = Survey{};  // no answers at all
            if (pick(0, 3) == 0) {
                tp.survey.ces_scale = 5;
                tp.survey.ces_low_is_easy = pick(0, 1) == 0;
                tp.survey.ces = {pick(0, 4), pick(0, 4), pick(0, 4), pick(0, 4), pick(0, 4)};
            }
            if (pick(0, 2) == 0) {
                Survey prev;
                for (auto& c : prev.nps) c = pick(0, 2);
                for (auto& c : prev.csat) c = pick(0, 2);
                tp.survey_previous = prev;
            }
            if (pick(0, 3) == 0) tp.volume.reset();
        }
        if (pick(0, 2) == 0 && !stage.kpis.empty()) {
            stage.kpis[0].direction = KpiDirection::LowerIsBetter;
            if (pick(0, 1)) stage.kpis[0].target.reset();
        }
    }
    map.period = random_period(rng);
    if (pick(0, 1)) map.period_previous = random_period(rng);
    return map;
}

void check_in_range(const Figure& f, double lo, double hi) {
    if (f.value) {
        REQUIRE(std::isfinite(*f.value));
        REQUIRE(*f.value >= lo - 1e-9);
        REQUIRE(*f.value <= hi + 1e-9);
        REQUIRE(f.unavailable.empty());
    } else {
        REQUIRE_FALSE(f.unavailable.empty());
    }
}

void check_survey(const SurveyFigures& s) {
    check_in_range(s.nps, -100, 100);
    check_in_range(s.csat, 0, 100);
    check_in_range(s.ces_ease, 0, 100);
    check_in_range(s.ces_mean, 1, 7);
    if (s.nps.value) REQUIRE(s.nps.base == s.promoters + s.passives + s.detractors);
}

// Every number in the document is finite; every figure object is consistent.
void check_json(const json& j) {
    if (j.is_number()) {
        REQUIRE(std::isfinite(j.get<double>()));
    } else if (j.is_object()) {
        if (j.contains("formula") && j.contains("unavailable")) {
            for (const char* key : {"value", "base", "unavailable", "formula", "unit", "previous", "delta"})
                REQUIRE(j.contains(key));
            REQUIRE(j["value"].is_null() != j["unavailable"].is_null());
            if (j["delta"].is_number()) REQUIRE(j["previous"].is_number());
        }
        for (const auto& item : j.items()) check_json(item.value());
    } else if (j.is_array()) {
        for (const auto& item : j) check_json(item);
    }
}

}  // namespace

TEST_CASE("properties hold over many random maps", "[metrics]") {
    for (std::uint32_t seed = 1; seed <= 150; ++seed) {
        INFO("seed " << seed);
        const Map map = random_map(seed);
        MetricsOptions options;
        if (seed % 3 == 0 && !map.personas.empty()) options.persona_id = map.personas.back().id;
        const MapMetrics m = compute_metrics(map, options);

        REQUIRE(m.touchpoints.size() == touchpoint_count(map));
        for (const auto& tm : m.touchpoints) check_survey(tm.survey());
        for (const auto& s : m.stages) check_survey(s.rollup.survey);
        for (const auto& p : m.personas) check_survey(p.rollup.survey);
        check_survey(m.totals.survey);

        const auto& b = m.business;
        check_in_range(b.churn_rate, 0, 100);
        check_in_range(b.retention_rate, 0, 100);
        REQUIRE(b.churn_rate.available() == b.retention_rate.available());
        if (b.churn_rate.value) REQUIRE(*b.churn_rate.value + *b.retention_rate.value == Approx(100.0));
        if (b.churn_rate.previous) REQUIRE(*b.churn_rate.previous + *b.retention_rate.previous == Approx(100.0));
        if (b.net_revenue_retention.value) REQUIRE(*b.net_revenue_retention.value >= 0);
        for (const auto& step : m.funnel.steps) {
            check_in_range(step.conversion, 0, 100);
            check_in_range(step.drop_off, 0, 100);
            if (step.conversion.value) REQUIRE(*step.conversion.value + *step.drop_off.value == Approx(100.0));
        }
        check_in_range(m.funnel.overall, 0, 100);

        for (std::size_t g = 0; g < m.touchpoints.size(); ++g) {
            REQUIRE(m.priority(g) >= 0);
            REQUIRE(m.priority(g) <= 100);
        }
        for (std::size_t i = 1; i < m.hotspots.touchpoints.size(); ++i)
            REQUIRE(m.hotspots.touchpoints[i - 1].score >= m.hotspots.touchpoints[i].score);
        REQUIRE(m.hotspots.stages.size() == map.stages.size());

        const json j = metrics_to_json(map, m);
        check_json(j);
        REQUIRE(j.dump().find("NaN") == std::string::npos);
        REQUIRE_FALSE(metrics_table(map, m).empty());
    }
}

TEST_CASE("metrics JSON has the documented shape", "[metrics]") {
    Map map = testing::make_large_map({.stages = 3, .touchpoints = 12, .personas = 2, .seed = 5});
    map.currency = "EUR";
    map.period.customers_start = 100;
    map.period.customers_lost = 5;
    const MapMetrics m = compute_metrics(map);
    const json j = metrics_to_json(map, m);
    REQUIRE(j["format"] == "journeymap-metrics");
    REQUIRE(j["version"] == 1);
    REQUIRE(j["map_id"] == map.id);
    REQUIRE(j["persona_filter"].is_null());
    for (const char* key : {"totals", "business", "funnel", "stages", "personas", "touchpoints", "hotspots"})
        REQUIRE(j.contains(key));
    REQUIRE(j["business"]["churn_rate"]["value"] == 5.0);
    REQUIRE(j["business"]["churn_rate"]["base"] == 100.0);
    REQUIRE(j["business"]["churn_rate"]["unit"] == "%");
    REQUIRE(j["business"]["clv"]["value"].is_null());
    REQUIRE(j["business"]["clv"]["unavailable"] == "ARPA not given");
    REQUIRE(j["business"]["currency"] == "EUR");
    REQUIRE(j["stages"].size() == 3);
    REQUIRE(j["stages"][0]["id"] == map.stages[0].id);
    REQUIRE(j["stages"][0]["survey"]["nps"]["distribution"].size() == 11);
    REQUIRE(j["stages"][0]["survey"]["ces"]["distributions"]["7"].size() == 7);
    REQUIRE(j["stages"][0]["health"]["status"].is_string());
    REQUIRE(j["stages"][0]["kpis"][0]["status"].is_string());
    REQUIRE(j["touchpoints"].size() == 12);
    REQUIRE(j["touchpoints"][0]["id"] == map.stages[0].touchpoints[0].id);
    REQUIRE(j["hotspots"]["touchpoints"][0]["rank"] == 1);
    REQUIRE(j["hotspots"]["touchpoints"][0]["why"].is_string());
    REQUIRE(j["funnel"]["steps"].size() == 3);
    // Values are rounded to 4 decimals: 1/3 of a hundred reads 33.3333.
    Figure third = make_figure(100.0 / 3.0, 3, "x", "%");
    REQUIRE(figure_to_json(third)["value"] == 33.3333);
}

TEST_CASE("the JSON lists only filtered touchpoints under a persona filter", "[metrics]") {
    const Map map = testing::make_large_map({.stages = 2, .touchpoints = 40, .personas = 4, .seed = 9});
    MetricsOptions options;
    options.persona_id = "persona-1";
    const MapMetrics m = compute_metrics(map, options);
    const json j = metrics_to_json(map, m);
    REQUIRE(j["persona_filter"] == "persona-1");
    std::size_t expected = 0;
    for (const auto& tm : m.touchpoints) expected += tm.in_filter;
    REQUIRE(j["touchpoints"].size() == expected);
    REQUIRE(expected < 40);
}

TEST_CASE("make_figure refuses non-finite values", "[metrics]") {
    Figure f = make_figure(std::nan(""), 3, "x", "");
    REQUIRE_FALSE(f.value);
    REQUIRE(f.unavailable == "result is undefined (not a number)");
    Figure g = make_figure(INFINITY, 3, "x", "");
    REQUIRE_FALSE(g.value);
    set_previous(f, std::nan(""));
    REQUIRE_FALSE(f.previous);
}

TEST_CASE("the table names every section and lines up wide characters", "[metrics]") {
    Map map = testing::make_large_map({.stages = 3, .touchpoints = 9, .personas = 2, .seed = 3});
    map.title = "Jornada de compra 决策";
    map.stages[0].name = "决策阶段";
    const MapMetrics m = compute_metrics(map);
    const std::string table = metrics_table(map, m);
    for (const char* section : {"METRICS: Jornada de compra 决策", "SURVEYS", "BUSINESS", "FUNNEL", "STAGES", "KPIS",
                                "PERSONAS", "TOP HOTSPOTS", "STAGES BY PRIORITY"})
        REQUIRE(table.find(section) != std::string::npos);
    REQUIRE(display_width("决策阶段") == 8);
    REQUIRE(display_width("Decisión") == 8);
    REQUIRE(fit_column("决策阶段", 6) == "决策\u2026 ");  // 2 + 2 + 1 columns, padded to 6
    REQUIRE(fit_column("abc", 5, true) == "  abc");
}

TEST_CASE("number formatting for reasons and tables", "[metrics]") {
    REQUIRE(format_count(1200) == "1,200");
    REQUIRE(format_count(-1234567) == "-1,234,567");
    REQUIRE(format_count(999) == "999");
    REQUIRE(format_fixed(1234.56, 1) == "1,234.6");
    REQUIRE(format_fixed(-0.04, 1) == "0.0");
    REQUIRE(format_plain(1.4) == "1.4");
    REQUIRE(format_plain(12) == "12");
    REQUIRE(format_plain(1.0 / 3.0) == "0.3333");
    REQUIRE(format_delta(5, 0) == "+5");
    REQUIRE(format_delta(-2.5, 1) == "-2.5");
    REQUIRE(format_delta(0, 1) == "0.0");
}
