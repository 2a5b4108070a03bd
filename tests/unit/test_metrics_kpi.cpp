// KPI status and trend in both directions, and the stage health rule.
#include <catch2/catch.hpp>

#include "metrics/metrics.h"

using namespace jm;

namespace {

Kpi kpi(std::optional<double> current, std::optional<double> target, std::optional<double> previous,
        KpiDirection direction = KpiDirection::HigherIsBetter) {
    Kpi k;
    k.id = "k";
    k.name = "KPI";
    k.current = current;
    k.target = target;
    k.previous = previous;
    k.direction = direction;
    return k;
}

bool has_reason(const StageHealth& h, Health level, const std::string& part) {
    for (const auto& r : h.reasons)
        if (r.level == level && r.text.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("KPI status when higher is better", "[metrics]") {
    REQUIRE(kpi_status(kpi(30, 25, {})) == KpiStatus::OnTarget);
    REQUIRE(kpi_status(kpi(25, 25, {})) == KpiStatus::OnTarget);  // meeting the target counts
    REQUIRE(kpi_status(kpi(20, 25, {})) == KpiStatus::OffTarget);
    REQUIRE(kpi_trend(kpi(30, 25, 20)) == KpiTrend::Improving);
    REQUIRE(kpi_trend(kpi(10, 25, 20)) == KpiTrend::Worsening);
}

TEST_CASE("KPI status when lower is better", "[metrics]") {
    const auto lower = KpiDirection::LowerIsBetter;
    REQUIRE(kpi_status(kpi(2, 3, {}, lower)) == KpiStatus::OnTarget);   // 2 days <= 3 days
    REQUIRE(kpi_status(kpi(5, 3, {}, lower)) == KpiStatus::OffTarget);
    REQUIRE(kpi_trend(kpi(5, 3, 4, lower)) == KpiTrend::Worsening);     // went up from 4 to 5
    REQUIRE(kpi_trend(kpi(2, 3, 4, lower)) == KpiTrend::Improving);     // went down from 4 to 2
}

TEST_CASE("KPI without a target, a value or a previous value", "[metrics]") {
    REQUIRE(kpi_status(kpi(5, {}, {})) == KpiStatus::NoTarget);
    REQUIRE(kpi_status(kpi({}, 5, {})) == KpiStatus::NoValue);
    REQUIRE(kpi_trend(kpi(5, {}, {})) == KpiTrend::Unknown);
    REQUIRE(kpi_trend(kpi({}, {}, 5)) == KpiTrend::Unknown);
    REQUIRE(kpi_trend(kpi(5, {}, 5)) == KpiTrend::Flat);
    REQUIRE(kpi_trend(kpi(0.1 + 0.2, {}, 0.3)) == KpiTrend::Flat);  // rounding noise is not a trend
}

TEST_CASE("KPI metrics carry gap and delta", "[metrics]") {
    KpiMetrics m = kpi_metrics(kpi(30, 25, 20), 2, 1);
    REQUIRE(m.stage == 2);
    REQUIRE(m.index == 1);
    REQUIRE(m.value.value == Approx(30.0));
    REQUIRE(m.value.previous == Approx(20.0));
    REQUIRE(m.value.delta == Approx(10.0));
    REQUIRE(m.gap == Approx(5.0));
    REQUIRE(std::string(kpi_status_key(m.status)) == "on_target");
    REQUIRE(std::string(kpi_trend_key(m.trend)) == "improving");
    KpiMetrics none = kpi_metrics(kpi({}, 25, 20), 0, 0);
    REQUIRE_FALSE(none.value.value);
    REQUIRE(none.value.unavailable == "no current value");
    REQUIRE_FALSE(none.gap);
}

TEST_CASE("stage health takes the worst judged signal", "[metrics]") {
    Map map;
    Stage s;
    s.id = "s";
    s.name = "Decision";
    Touchpoint a, b;
    a.id = "a";
    b.id = "b";
    a.friction = 4;
    b.friction = 4;  // mean friction 4 >= 3.5: bad
    s.touchpoints = {a, b};
    map.stages = {s};
    MapMetrics m = compute_metrics(map);
    REQUIRE(m.stages[0].health.status == Health::Bad);
    REQUIRE(has_reason(m.stages[0].health, Health::Bad, "mean friction 4.0/5"));
    REQUIRE(m.stages[0].health.reasons.front().level == Health::Bad);

    map.stages[0].touchpoints[0].friction = 3;
    map.stages[0].touchpoints[1].friction = 2;   // mean 2.5: warning
    m = compute_metrics(map);
    REQUIRE(m.stages[0].health.status == Health::Warning);

    map.stages[0].touchpoints[0].friction = 1;
    map.stages[0].touchpoints[1].friction = 1;   // mean 1, emotion 0: good
    m = compute_metrics(map);
    REQUIRE(m.stages[0].health.status == Health::Good);

    map.stages[0].touchpoints[0].emotion = -2;   // mean emotion -1: bad
    m = compute_metrics(map);
    REQUIRE(m.stages[0].health.status == Health::Bad);
    REQUIRE(has_reason(m.stages[0].health, Health::Bad, "mean emotion -1.0"));
}

TEST_CASE("stage health judges surveys only from 10 answers", "[metrics]") {
    Map map;
    Stage s;
    s.id = "s";
    s.name = "Service";
    Touchpoint tp;
    tp.id = "t";
    tp.survey.nps[0] = 4;  // NPS -100 from 4 answers: too few to judge
    s.touchpoints = {tp};
    map.stages = {s};
    MapMetrics m = compute_metrics(map);
    REQUIRE(m.stages[0].health.status == Health::Good);  // friction 0, emotion 0
    REQUIRE(has_reason(m.stages[0].health, Health::Unknown, "NPS -100 from 4 answers: too few to judge"));

    map.stages[0].touchpoints[0].survey.nps[10] = 6;  // 6 promoters, 4 detractors of 10 -> NPS 20: warning
    m = compute_metrics(map);
    REQUIRE(m.stages[0].health.status == Health::Warning);
    REQUIRE(has_reason(m.stages[0].health, Health::Warning, "NPS 20 from 10 answers"));

    map.stages[0].touchpoints[0].survey.csat = {5, 5, 0, 0, 0};  // CSAT 0% from 10: bad
    m = compute_metrics(map);
    REQUIRE(m.stages[0].health.status == Health::Bad);
}

TEST_CASE("stage health reads KPIs against their target and trend", "[metrics]") {
    Map map;
    Stage s;
    s.id = "s";
    s.name = "Onboarding";
    s.kpis = {kpi(10, 7, 12, KpiDirection::LowerIsBetter)};  // 10 days vs target 7, was 12: off but improving
    map.stages = {s};
    MapMetrics m = compute_metrics(map);
    REQUIRE(m.stages[0].health.status == Health::Warning);
    REQUIRE(has_reason(m.stages[0].health, Health::Warning, "off target"));

    map.stages[0].kpis[0].previous = 8;  // was 8, now 10: off target and worsening
    m = compute_metrics(map);
    REQUIRE(m.stages[0].health.status == Health::Bad);
    REQUIRE(has_reason(m.stages[0].health, Health::Bad, "off target and worsening"));

    map.stages[0].kpis[0].current = 6;   // on target
    m = compute_metrics(map);
    REQUIRE(m.stages[0].health.status == Health::Good);
}

TEST_CASE("a stage with nothing to judge is unknown", "[metrics]") {
    Map map;
    Stage s;
    s.id = "s";
    s.name = "Exit";
    s.kpis = {kpi(5, {}, {})};  // no target: not judged
    map.stages = {s};
    MapMetrics m = compute_metrics(map);
    REQUIRE(m.stages[0].health.status == Health::Unknown);
    REQUIRE_FALSE(m.stages[0].health.reasons.empty());
    REQUIRE(std::string(health_key(m.stages[0].health.status)) == "unknown");
}
