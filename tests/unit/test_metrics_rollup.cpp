// Roll-ups by stage, persona and map: distributions are summed, never
// percentages averaged; the persona filter narrows what is counted.
#include <catch2/catch.hpp>

#include "metrics/metrics.h"

using namespace jm;

namespace {

Touchpoint touchpoint(const std::string& id, std::vector<std::string> personas = {}) {
    Touchpoint tp;
    tp.id = id;
    tp.title = id;
    tp.persona_ids = std::move(personas);
    return tp;
}

Persona persona(const std::string& id, PersonaKind kind = PersonaKind::Buyer, CommitteeRole role = CommitteeRole::Other) {
    Persona p;
    p.id = id;
    p.name = id;
    p.kind = kind;
    p.role = role;
    return p;
}

// Two stages: "s1" with tp "a" (1 promoter, persona ana) and "b" (9 detractors,
// persona luis); "s2" with tp "c" (3 passives, both personas).
Map two_stage_map() {
    Map map;
    map.id = "m";
    map.personas = {persona("ana"), persona("luis")};
    Stage s1;
    s1.id = "s1";
    s1.name = "Decision";
    Touchpoint a = touchpoint("a", {"ana"});
    a.survey.nps[10] = 1;
    a.friction = 4;
    a.emotion = -2;
    Touchpoint b = touchpoint("b", {"luis"});
    b.survey.nps[0] = 9;
    b.friction = 2;
    b.emotion = 1;
    s1.touchpoints = {a, b};
    Stage s2;
    s2.id = "s2";
    s2.name = "Onboarding";
    Touchpoint c = touchpoint("c", {"ana", "luis"});
    c.survey.nps[8] = 3;
    c.friction = 0;
    s2.touchpoints = {c};
    map.stages = {s1, s2};
    return map;
}

}  // namespace

TEST_CASE("stage NPS sums distributions instead of averaging percentages", "[metrics]") {
    Map map = two_stage_map();
    MapMetrics m = compute_metrics(map);
    // Touchpoint a: NPS +100 from 1 answer; b: NPS -100 from 9 answers.
    REQUIRE(m.touchpoints[0].summary.nps == Approx(100.0));
    REQUIRE(m.touchpoints[1].summary.nps == Approx(-100.0));
    // The average of the two percentages would be 0. Summed: 1 promoter and 9
    // detractors of 10 answers -> 10% - 90% = -80.
    const StageMetrics& s1 = m.stages[0];
    REQUIRE(s1.rollup.survey.nps.value == Approx(-80.0));
    REQUIRE(s1.rollup.survey.nps.base == 10);
    REQUIRE(s1.rollup.counts.nps[0] == 9);
    REQUIRE(s1.rollup.counts.nps[10] == 1);
    // Friction (4 + 2) / 2 = 3, emotion (-2 + 1) / 2 = -0.5.
    REQUIRE(s1.rollup.mean_friction.value == Approx(3.0));
    REQUIRE(s1.rollup.mean_emotion.value == Approx(-0.5));
    // Map: 1 promoter, 3 passives, 9 detractors of 13 -> (1 - 9) / 13 = -61.54.
    REQUIRE(m.totals.survey.nps.value == Approx(-800.0 / 13.0));
    REQUIRE(m.totals.touchpoints == 3);
}

TEST_CASE("persona roll-ups take only the touchpoints that involve the persona", "[metrics]") {
    Map map = two_stage_map();
    MapMetrics m = compute_metrics(map);
    // ana: a (1 promoter) + c (3 passives) -> 1/4 - 0 = 25
    const PersonaMetrics* ana = m.persona("ana");
    REQUIRE(ana);
    REQUIRE(ana->rollup.touchpoints == 2);
    REQUIRE(ana->rollup.survey.nps.value == Approx(25.0));
    // luis: b (9 detractors) + c (3 passives) -> 0 - 9/12 = -75
    REQUIRE(m.persona("luis")->rollup.survey.nps.value == Approx(-75.0));
    REQUIRE(m.persona("luis")->rollup.mean_friction.value == Approx(1.0));  // (2 + 0) / 2
}

TEST_CASE("a persona listed twice on a touchpoint counts once", "[metrics]") {
    Map map = two_stage_map();
    map.stages[0].touchpoints[0].persona_ids = {"ana", "ana"};
    MapMetrics m = compute_metrics(map);
    REQUIRE(m.persona("ana")->rollup.touchpoints == 2);
    REQUIRE(m.persona("ana")->rollup.counts.nps[10] == 1);
}

TEST_CASE("stage-level surveys count in the stage and the map", "[metrics]") {
    Map map = two_stage_map();
    Survey stage_survey;
    stage_survey.csat = {0, 0, 0, 0, 4};  // 4 answers of 5
    stage_survey.nps[9] = 10;             // 10 more promoters
    map.stages[1].survey = stage_survey;
    MapMetrics m = compute_metrics(map);
    // s2: c (3 passives) + 10 promoters = 13 answers -> 10/13 = 76.92
    REQUIRE(m.stages[1].rollup.survey.nps.value == Approx(1000.0 / 13.0));
    REQUIRE(m.stages[1].rollup.survey.csat.value == Approx(100.0));
    REQUIRE(m.stages[1].rollup.touchpoints == 1);
    // Map: 11 promoters, 3 passives, 9 detractors of 23 -> (11 - 9) / 23 = 8.70
    REQUIRE(m.totals.survey.nps.value == Approx(200.0 / 23.0));
    // Persona roll-ups do not include it: a stage survey belongs to no persona.
    REQUIRE(m.persona("ana")->rollup.survey.nps.base == 4);
}

TEST_CASE("the persona filter narrows stages, totals and hotspots", "[metrics]") {
    Map map = two_stage_map();
    map.stages[1].survey = Survey{};
    map.stages[1].survey->nps[9] = 10;
    MetricsOptions options;
    options.persona_id = "luis";
    MapMetrics m = compute_metrics(map, options);
    REQUIRE(m.persona_filter == "luis");
    REQUIRE_FALSE(m.touchpoints[0].in_filter);  // a: ana only
    REQUIRE(m.touchpoints[1].in_filter);
    REQUIRE(m.touchpoints[2].in_filter);
    // s1 keeps only b: NPS -100 from 9 answers.
    REQUIRE(m.stages[0].rollup.touchpoints == 1);
    REQUIRE(m.stages[0].rollup.survey.nps.value == Approx(-100.0));
    // s2 keeps c; its stage-level survey is left out under a filter: 3 passives -> 0.
    REQUIRE(m.stages[1].rollup.survey.nps.value == Approx(0.0));
    REQUIRE(m.totals.touchpoints == 2);
    REQUIRE(m.hotspots.candidates == 2);
    for (const auto& h : m.hotspots.touchpoints) REQUIRE(h.id != "a");
    REQUIRE(m.priority(0) == 0.0);
    // Per-persona roll-ups stay map-wide.
    REQUIRE(m.persona("ana")->rollup.touchpoints == 2);
}

TEST_CASE("a filter on an unknown persona matches nothing", "[metrics]") {
    Map map = two_stage_map();
    MetricsOptions options;
    options.persona_id = "nobody";
    MapMetrics m = compute_metrics(map, options);
    REQUIRE(m.totals.touchpoints == 0);
    REQUIRE_FALSE(m.totals.mean_friction.value);
    REQUIRE(m.totals.mean_friction.unavailable == "no touchpoints");
    REQUIRE(m.hotspots.touchpoints.empty());
}

TEST_CASE("volume sums only known volumes", "[metrics]") {
    Map map = two_stage_map();
    map.stages[0].touchpoints[0].volume = 1200;
    map.stages[0].touchpoints[1].volume = 300;
    MapMetrics m = compute_metrics(map);
    REQUIRE(m.stages[0].rollup.volume == 1500);
    REQUIRE(m.stages[0].rollup.touchpoints_with_volume == 2);
    REQUIRE_FALSE(m.stages[1].rollup.volume);
}

TEST_CASE("previous roll-ups sum the touchpoints' previous surveys", "[metrics]") {
    Map map = two_stage_map();
    Survey before_a;
    before_a.nps[0] = 1;               // a last time: 1 detractor
    map.stages[0].touchpoints[0].survey_previous = before_a;
    Survey before_b;
    before_b.nps[10] = 3;              // b last time: 3 promoters
    map.stages[0].touchpoints[1].survey_previous = before_b;
    MapMetrics m = compute_metrics(map);
    // s1 previous: 3 promoters, 1 detractor of 4 -> 75 - 25 = 50; now -80 -> delta -130
    REQUIRE(m.stages[0].rollup.survey.nps.previous == Approx(50.0));
    REQUIRE(m.stages[0].rollup.survey.nps.delta == Approx(-130.0));
    // s2 has no previous survey at all.
    REQUIRE_FALSE(m.stages[1].rollup.survey.nps.previous);
}

TEST_CASE("look-ups by id and by reference agree", "[metrics]") {
    Map map = two_stage_map();
    MapMetrics m = compute_metrics(map);
    REQUIRE(m.touchpoint("c") == m.touchpoint(locate_touchpoint(map, "c")));
    REQUIRE(m.touchpoint("c")->stage == 1);
    REQUIRE(m.touchpoint("zzz") == nullptr);
    REQUIRE(m.touchpoint(TouchpointRef{5, 0}) == nullptr);
    REQUIRE(m.stage("s2")->first_touchpoint == 2);
    REQUIRE(m.touchpoint("b")->survey().nps.value == Approx(-100.0));
}
