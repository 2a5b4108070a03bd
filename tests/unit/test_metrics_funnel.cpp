// Funnel counts, stage-to-stage conversion, drop-off, overall conversion and
// the anomalies a workshop should see.
#include <catch2/catch.hpp>

#include "metrics/funnel.h"

using namespace jm;

namespace {

Map funnel_map(std::vector<std::optional<std::int64_t>> counts) {
    Map map;
    const char* names[] = {"Awareness", "Consideration", "Decision", "Purchase", "Use", "Growth"};
    for (std::size_t i = 0; i < counts.size(); ++i) {
        Stage s;
        s.id = "s";
        s.id += std::to_string(i);
        s.name = names[i];
        s.funnel_count = counts[i];
        map.stages.push_back(s);
    }
    return map;
}

}  // namespace

TEST_CASE("conversion and drop-off between adjacent stages", "[metrics]") {
    FunnelMetrics f = funnel_metrics(funnel_map({1000, 400, 100}));
    REQUIRE(f.steps.size() == 3);
    REQUIRE_FALSE(f.steps[0].conversion.value);
    REQUIRE(f.steps[0].conversion.unavailable == "first stage: nothing before it");
    // 400 / 1000 = 40%, drop-off 60%, 600 customers dropped
    REQUIRE(f.steps[1].conversion.value == Approx(40.0));
    REQUIRE(f.steps[1].conversion.base == 1000);
    REQUIRE(f.steps[1].drop_off.value == Approx(60.0));
    REQUIRE(f.steps[1].dropped == 600);
    // 100 / 400 = 25%
    REQUIRE(f.steps[2].conversion.value == Approx(25.0));
    REQUIRE(f.steps[2].dropped == 300);
    // overall 100 / 1000 = 10%
    REQUIRE(f.overall.value == Approx(10.0));
    REQUIRE(f.first_stage == 0);
    REQUIRE(f.last_stage == 2);
    REQUIRE(f.anomalies == 0);
}

TEST_CASE("a missing count makes the adjacent conversions unavailable, not the overall", "[metrics]") {
    FunnelMetrics f = funnel_metrics(funnel_map({1000, 400, std::nullopt, 100}));
    REQUIRE(f.steps[2].conversion.unavailable == "no funnel count for 'Decision'");
    REQUIRE(f.steps[3].conversion.unavailable == "no funnel count for 'Decision'");
    REQUIRE_FALSE(f.steps[3].dropped);
    REQUIRE(f.steps[2].drop_off.unavailable == "no funnel count for 'Decision'");
    // overall from the first counted stage to the last: 100 / 1000
    REQUIRE(f.overall.value == Approx(10.0));
}

TEST_CASE("a stage with more customers than the one before is flagged", "[metrics]") {
    FunnelMetrics f = funnel_metrics(funnel_map({1000, 100, 150}));
    REQUIRE(f.anomalies == 1);
    REQUIRE(f.steps[2].anomaly ==
            "'Decision' has more customers (150) than 'Consideration' before it (100): check the counts or the stage order");
    REQUIRE_FALSE(f.steps[2].conversion.value);
    REQUIRE(f.steps[2].conversion.unavailable == "'Decision' (150) > 'Consideration' (100)");
    REQUIRE(f.steps[1].anomaly.empty());

    // Across a gap the comparison is with the nearest counted stage before.
    FunnelMetrics gap = funnel_metrics(funnel_map({100, std::nullopt, 200}));
    REQUIRE(gap.steps[2].anomaly.find("than 'Awareness' before it (100)") != std::string::npos);
    REQUIRE(gap.overall.unavailable == "'Decision' (200) > 'Awareness' (100)");
}

TEST_CASE("overall conversion needs two counted stages and customers at the first", "[metrics]") {
    REQUIRE(funnel_metrics(funnel_map({std::nullopt, std::nullopt})).overall.unavailable == "no stage has a funnel count");
    REQUIRE(funnel_metrics(funnel_map({std::nullopt, 50})).overall.unavailable == "only 'Consideration' has a funnel count");
    FunnelMetrics zero = funnel_metrics(funnel_map({0, 0}));
    REQUIRE(zero.overall.unavailable == "zero customers entered 'Awareness'");
    REQUIRE(zero.steps[1].conversion.unavailable == "zero customers entered 'Awareness'");
    REQUIRE(funnel_metrics(Map{}).steps.empty());
}

TEST_CASE("negative counts are anomalies and count as missing", "[metrics]") {
    FunnelMetrics f = funnel_metrics(funnel_map({1000, -5, 10}));
    REQUIRE(f.steps[1].anomaly == "'Consideration' has a negative count (-5)");
    REQUIRE_FALSE(f.steps[1].count);
    REQUIRE(f.anomalies == 1);
    REQUIRE(f.overall.value == Approx(1.0));  // 10 / 1000
}

TEST_CASE("funnel conversion compares with the previous period", "[metrics]") {
    Map map = funnel_map({1000, 400});
    map.stages[0].funnel_count_previous = 800;
    map.stages[1].funnel_count_previous = 400;  // 50% last time
    FunnelMetrics f = funnel_metrics(map);
    REQUIRE(f.steps[1].conversion.previous == Approx(50.0));
    REQUIRE(f.steps[1].conversion.delta == Approx(-10.0));  // 40 - 50
    REQUIRE(f.steps[1].drop_off.previous == Approx(50.0));
    REQUIRE(f.steps[1].drop_off.delta == Approx(10.0));     // 60 - 50
    REQUIRE(f.overall.previous == Approx(50.0));
    REQUIRE(f.overall.delta == Approx(-10.0));
}
