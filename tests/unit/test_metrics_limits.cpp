// Metrics at the limits of their inputs: answer counts and volumes near the
// largest count a file may hold (9e15) or a model may hold (2^63 - 1), and
// business or KPI values near the largest double (1.8e308). Nothing overflows
// (the sanitizer build fails on signed overflow and on casts out of range), and
// a figure that cannot be represented is "not available" with its reason.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "metrics/business.h"
#include "metrics/kpi_status.h"
#include "metrics/metrics.h"
#include "metrics/metrics_json.h"
#include "metrics/saturating.h"
#include "metrics/survey.h"
#include "metrics/text_format.h"

using namespace jm;
using nlohmann::json;

namespace {

constexpr std::int64_t kFileMax = 9'000'000'000'000'000;   // the loader's largest count
constexpr double kHuge = 1.7e308;                           // near the largest double
const std::string kTooMany = "answer counts too large to add up (the total passes 9.2e18)";

// A stage of `n` touchpoints, each with `answers` promoters, `answers` CSAT 5s and
// `answers` 7-point CES answers at the easy end, and the given volume.
Map map_of(int n, std::int64_t answers, std::int64_t volume) {
    Map map;
    map.id = "map-limits";
    Stage stage;
    stage.id = "s";
    stage.name = "Stage";
    for (int i = 0; i < n; ++i) {
        Touchpoint tp;
        tp.id = "t";
        tp.id += std::to_string(i);   // not "t" + ...: gcc 12 -O3 warns falsely (-Wrestrict) on that
        tp.friction = 3;
        tp.survey.nps[10] = answers;
        tp.survey.csat[4] = answers;
        tp.survey.ces = {answers, 0, 0, 0, 0, 0, 0};
        tp.volume = volume;
        stage.touchpoints.push_back(tp);
    }
    map.stages.push_back(stage);
    return map;
}

// Every number finite, every figure without a value has a reason (the JSON
// writes both as null otherwise, and a reader cannot tell why).
void require_sound(const json& j) {
    if (j.is_number_float()) REQUIRE(std::isfinite(j.get<double>()));
    if (j.is_object()) {
        if (j.contains("value") && j.contains("unavailable") && j["value"].is_null())
            REQUIRE(j["unavailable"].is_string());
        for (const auto& item : j.items()) require_sound(item.value());
    } else if (j.is_array()) {
        for (const auto& item : j) require_sound(item);
    }
}

Kpi kpi(std::optional<double> current, std::optional<double> target, std::optional<double> previous = std::nullopt) {
    Kpi k;
    k.id = "kpi";
    k.name = "KPI";
    k.current = current;
    k.target = target;
    k.previous = previous;
    return k;
}

}  // namespace

TEST_CASE("saturating_add stops at the ends of the range and says so", "[metrics][limits]") {
    bool overflow = false;
    REQUIRE(saturating_add(2, 3, overflow) == 5);
    REQUIRE(saturating_add(kCountMax - 1, 1, overflow) == kCountMax);
    REQUIRE_FALSE(overflow);
    REQUIRE(saturating_add(kCountMax, 1, overflow) == kCountMax);
    REQUIRE(overflow);
    bool below = false;
    REQUIRE(saturating_add(kCountMin, -1, below) == kCountMin);
    REQUIRE(below);
    bool mixed = false;
    REQUIRE(saturating_add(kCountMax, kCountMin, mixed) == -1);   // opposite signs never overflow
    REQUIRE_FALSE(mixed);
}

TEST_CASE("count_from_double clamps what a cast could not represent", "[metrics][limits]") {
    REQUIRE(count_from_double(12.0) == 12);
    REQUIRE(count_from_double(static_cast<double>(kCountMax)) == kCountMax);   // 2^63: one past the range
    REQUIRE(count_from_double(1e300) == kCountMax);
    REQUIRE(count_from_double(-1e300) == kCountMin);
    REQUIRE(count_from_double(std::numeric_limits<double>::quiet_NaN()) == 0);
}

TEST_CASE("one survey whose totals pass 2^63 has no NPS, and the other figures stay", "[metrics][limits]") {
    Survey s;
    s.nps[9] = kCountMax;   // promoters = 9s + 10s passes the range
    s.nps[10] = 1;
    s.csat[4] = 10;
    const SurveyFigures f = survey_figures(SurveyCounts(s), nullptr);
    REQUIRE_FALSE(f.nps.value);
    REQUIRE(f.nps.unavailable == kTooMany);
    REQUIRE(f.promoters == kCountMax);
    REQUIRE(f.nps.base == static_cast<double>(kCountMax));
    REQUIRE(f.csat.value == Approx(100.0));
}

TEST_CASE("summed distributions that pass 2^63 give no figure instead of a wrapped one", "[metrics][limits]") {
    Survey big;
    big.nps[0] = kCountMax;
    big.csat[0] = kCountMax;
    big.ces_scale = 5;
    big.ces = {0, 0, 0, 0, kCountMax};
    SurveyCounts sum(big);
    sum.add(big);   // every count now past the range
    REQUIRE(sum.nps_overflow);
    REQUIRE(sum.csat_overflow);
    REQUIRE(sum.ces_overflow);
    const SurveyFigures f = survey_figures(sum, nullptr);
    for (const Figure* figure : {&f.nps, &f.csat, &f.ces_mean, &f.ces_ease}) {
        REQUIRE_FALSE(figure->value);
        REQUIRE(figure->unavailable == kTooMany);
    }
    REQUIRE(nps_answers(sum) == kCountMax);
    REQUIRE(ces_answers(sum) == kCountMax);

    // The flags survive further adding, and the previous period is compared only when it has a value.
    SurveyCounts total;
    total.add(sum);
    REQUIRE(total.nps_overflow);
    const SurveyFigures with_previous = survey_figures(SurveyCounts(big), &total);
    REQUIRE(with_previous.nps.value == Approx(-100.0));
    REQUIRE_FALSE(with_previous.nps.previous);
}

TEST_CASE("CES at the file limit on every answer gives exact figures", "[metrics][limits]") {
    // 7 x 9e15 answers fit, but their steps (up to 6 per answer) summed in twelfths
    // would not: the ease is computed in doubles.
    Survey s;
    s.ces_scale = 7;
    s.ces = std::vector<std::int64_t>(7, kFileMax);
    const SurveyFigures f = survey_figures(SurveyCounts(s), nullptr);
    REQUIRE(f.ces_mean.value == Approx(4.0));    // the middle of 1..7
    REQUIRE(f.ces_ease.value == Approx(50.0));
    REQUIRE(f.ces_ease.base == Approx(7 * 9e15));
}

TEST_CASE("negative counts at the ends of the range are refused without overflowing", "[metrics][limits]") {
    Survey s;
    s.nps = {kCountMin, kCountMin, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    s.csat = {kCountMin, kCountMin, 0, 0, 0};
    const SurveyFigures f = survey_figures(SurveyCounts(s), nullptr);
    REQUIRE(f.nps.unavailable == "negative answer count");
    REQUIRE(f.csat.unavailable == "negative answer count");
}

TEST_CASE("a stage of counts at the file limit: touchpoints have figures, the sums say why not", "[metrics][limits]") {
    // 1,100 touchpoints x 9e15 = 9.9e18 answers, past 2^63 - 1 = 9.22e18.
    const Map map = map_of(1100, kFileMax, kFileMax);
    const MapMetrics m = compute_metrics(map);
    const SurveyFigures one = m.touchpoints.front().survey();
    REQUIRE(one.nps.value == Approx(100.0));
    REQUIRE(one.ces_ease.value == Approx(100.0));
    const RollupMetrics& stage = m.stages.front().rollup;
    REQUIRE(stage.survey.nps.unavailable == kTooMany);
    REQUIRE(stage.survey.csat.unavailable == kTooMany);
    REQUIRE(stage.survey.ces_ease.unavailable == kTooMany);
    REQUIRE(m.totals.survey.nps.unavailable == kTooMany);
    // Volumes saturate rather than wrap; reach is read on a log scale, where that is "the most".
    REQUIRE(stage.volume == kCountMax);
    REQUIRE(m.hotspots.stages.front().factors.reach == Approx(1.0));
    for (double score : m.hotspots.scores) REQUIRE((score >= 0 && score <= 100));
    const json j = metrics_to_json(map, m);
    require_sound(j);
    REQUIRE(j["totals"]["survey"]["nps"]["unavailable"] == kTooMany);
    REQUIRE(j["stages"][0]["volume"] == kCountMax);
}

TEST_CASE("1,000 touchpoints at the file limit still add up exactly", "[metrics][limits]") {
    // 1,000 x 9e15 = 9e18 < 2^63 - 1: no saturation, exact figures.
    const MapMetrics m = compute_metrics(map_of(1000, kFileMax, kFileMax));
    const RollupMetrics& stage = m.stages.front().rollup;
    REQUIRE(stage.survey.nps.value == Approx(100.0));
    REQUIRE(stage.survey.promoters == 9'000'000'000'000'000'000);
    REQUIRE(stage.volume == 9'000'000'000'000'000'000);
}

TEST_CASE("emotion and friction at the ends of int stay in their factor ranges", "[metrics][limits]") {
    Map map = map_of(2, 0, 10);
    map.stages[0].touchpoints[0].emotion = std::numeric_limits<int>::min();   // -emotion overflows an int
    map.stages[0].touchpoints[0].friction = std::numeric_limits<int>::max();
    map.stages[0].touchpoints[1].emotion = std::numeric_limits<int>::max();
    map.stages[0].touchpoints[1].friction = std::numeric_limits<int>::min();
    const MapMetrics m = compute_metrics(map);
    REQUIRE(m.hotspots.touchpoints.size() == 2);
    const HotspotFactors& worst = m.hotspots.touchpoints.front().factors;
    REQUIRE(m.hotspots.touchpoints.front().id == "t0");
    REQUIRE(worst.negativity == 1.0);
    REQUIRE(worst.friction == 1.0);
    REQUIRE(m.hotspots.touchpoints.back().factors.negativity == 0.0);
    require_sound(metrics_to_json(map, m));
}

TEST_CASE("KPI values near the largest double are written as numbers, never as null", "[metrics][limits]") {
    const KpiMetrics k = kpi_metrics(kpi(1e305, -kHuge, -kHuge), 0, 0);
    REQUIRE(k.value.value == 1e305);
    REQUIRE(k.status == KpiStatus::OnTarget);
    REQUIRE(k.gap == 1e305 + kHuge);   // 1.701e308: large, still finite
    const json j = figure_to_json(k.value);
    REQUIRE(j["value"] == 1e305);
    REQUIRE(j["previous"] == -kHuge);
    REQUIRE(j["delta"] == 1e305 + kHuge);
}

TEST_CASE("a KPI gap too large to represent is not available, with its reason", "[metrics][limits]") {
    const KpiMetrics far = kpi_metrics(kpi(kHuge, -kHuge, -kHuge), 0, 0);
    REQUIRE_FALSE(far.gap);
    REQUIRE(far.gap_unavailable == "current - target too large to represent");
    REQUIRE_FALSE(far.value.delta);   // kHuge - (-kHuge) is infinite too
    REQUIRE(far.value.previous == -kHuge);

    REQUIRE(kpi_metrics(kpi(5, std::nullopt), 0, 0).gap_unavailable == "no target");
    REQUIRE(kpi_metrics(kpi(std::nullopt, 5), 0, 0).gap_unavailable == "no current value");
    const KpiMetrics infinite = kpi_metrics(kpi(INFINITY, 5), 0, 0);
    REQUIRE(infinite.value.unavailable == "current value is not a finite number");
    REQUIRE(infinite.gap_unavailable == "current value is not a finite number");
    REQUIRE(kpi_metrics(kpi(5, NAN), 0, 0).gap_unavailable == "target is not a finite number");
    REQUIRE(kpi_metrics(kpi(5, 3), 0, 0).gap_unavailable.empty());

    // In the metrics JSON: the gap's reason next to it.
    Map map = map_of(0, 0, 0);
    map.stages[0].kpis.push_back(kpi(kHuge, -kHuge));
    const json j = metrics_to_json(map, compute_metrics(map));
    const json& entry = j["stages"][0]["kpis"][0];
    REQUIRE(entry["gap"].is_null());
    REQUIRE(entry["gap_unavailable"] == "current - target too large to represent");
    REQUIRE(entry["target"] == -kHuge);
    require_sound(j);
}

TEST_CASE("business values near the largest double: figures where they exist, reasons where not", "[metrics][limits]") {
    Period p;
    p.customers_start = kHuge;
    p.customers_lost = kHuge;          // 100 x lost alone would overflow
    p.revenue_start = 1e305;
    p.revenue_expansion = kHuge;       // start + expansion would overflow; the share does not
    p.revenue_contraction = 0;
    p.revenue_churned = 0;
    p.arpa = kHuge;
    p.gross_margin = 1;
    p.cac = 0;
    REQUIRE(churn_rate(p).value == Approx(100.0));
    REQUIRE(retention_rate(p).value == Approx(0.0));
    REQUIRE(net_revenue_retention(p).value == Approx(100.0 * (1 + kHuge / 1e305)));
    p.customers_lost = kHuge / 4;      // churn 25%: CLV = ARPA x 4, past the largest double
    const Figure clv = customer_lifetime_value(p);
    REQUIRE_FALSE(clv.value);
    REQUIRE(clv.unavailable == "result too large to represent");
    REQUIRE(clv.base == kHuge);

    // Contraction + churned passing the largest double: the reason still reads.
    p.revenue_contraction = kHuge;
    p.revenue_churned = kHuge;
    const Figure nrr = net_revenue_retention(p);
    REQUIRE(nrr.unavailable == "contraction + churned revenue (1.7e+308 + 1.7e+308) > revenue at start (1e+305)");

    Map map = map_of(0, 0, 0);
    map.period = p;
    map.period_previous = p;
    require_sound(metrics_to_json(map, compute_metrics(map)));
}

TEST_CASE("make_figure names what went wrong", "[metrics][limits]") {
    REQUIRE(make_figure(INFINITY, 3, "x", "").unavailable == "result too large to represent");
    REQUIRE(make_figure(-INFINITY, 3, "x", "").unavailable == "result too large to represent");
    REQUIRE(make_figure(NAN, 3, "x", "").unavailable == "result is undefined (not a number)");
    const Figure bad_base = make_figure(1, INFINITY, "x", "");
    REQUIRE_FALSE(bad_base.value);
    REQUIRE(bad_base.base == 0);
}

TEST_CASE("the metrics JSON rounds to 4 decimals only where a double has them", "[metrics][limits]") {
    REQUIRE(figure_to_json(make_figure(123.456789, 1, "x", ""))["value"] == 123.4568);
    REQUIRE(figure_to_json(make_figure(-0.00001, 1, "x", ""))["value"] == 0.0);
    REQUIRE(figure_to_json(make_figure(kHuge, 1, "x", ""))["value"] == kHuge);
    REQUIRE(figure_to_json(make_figure(-kHuge, 1, "x", ""))["value"] == -kHuge);
    REQUIRE(figure_to_json(make_figure(123456789012.34567, 1, "x", ""))["value"] == 123456789012.3457);
    REQUIRE(figure_to_json(make_figure(1e12 + 0.5, kHuge, "x", ""))["base"] == kHuge);
}

TEST_CASE("huge numbers are quoted with an exponent, never cut off", "[metrics][limits]") {
    REQUIRE(format_plain(1e300) == "1e+300");
    REQUIRE(format_plain(-2.5e20) == "-2.5e+20");
    REQUIRE(format_plain(999999999999999.0) == "999999999999999");   // below 1e15: plain
    REQUIRE(format_fixed(2.5e20, 1) == "2.5e+20");
    REQUIRE(format_fixed(kHuge, 0) == "1.7e+308");
    REQUIRE(format_fixed(123456789012.5, 1) == "123,456,789,012.5");
}
