#include <catch2/catch.hpp>

#include "io/map_json.h"
#include "metrics/metrics.h"

using namespace jm;

namespace {

// A stage surveyed as a whole, with no touchpoints: this period 10 answers of 10;
// the previous period 5 answers of 10 and 5 of 0.
Map stage_surveyed_twice() {
    Map m;
    m.id = "m";
    m.title = "T";
    Stage s{.id = "s", .name = "Onboarding"};
    Survey now, before;
    now.nps[10] = 10;
    before.nps[10] = 5;
    before.nps[0] = 5;
    s.survey = now;
    s.survey_previous = before;
    m.stages.push_back(s);
    return m;
}

}  // namespace

TEST_CASE("a stage's own previous-period answers give its NPS change", "[metrics][stage]") {
    MapMetrics mm = compute_metrics(stage_surveyed_twice());
    const Figure& nps = mm.stages[0].rollup.survey.nps;
    // now: 100% promoters - 0% detractors = 100; before: 50% - 50% = 0; delta = +100
    REQUIRE(nps.value == Approx(100));
    REQUIRE(nps.previous == Approx(0));
    REQUIRE(nps.delta == Approx(100));
    REQUIRE(nps.base == 10);
}

TEST_CASE("a stage's previous-period survey survives a save and a load", "[io][stage]") {
    Map m = stage_surveyed_twice();
    std::string text = save_map_json(m);
    REQUIRE(text.find("\"survey_previous\"") != std::string::npos);
    LoadResult r = load_map_json(text);
    REQUIRE(r.ok());
    REQUIRE(*r.map == m);
    REQUIRE(save_map_json(*r.map) == text);
}
