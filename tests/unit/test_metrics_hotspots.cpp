// Hotspot scores worked by hand and rankings whose right order is obvious.
#include <catch2/catch.hpp>

#include <cmath>

#include "metrics/metrics.h"
#include "support/touchpoint.h"

using namespace jm;

using jm::testing::touchpoint;

namespace {

Stage stage(const std::string& id, std::vector<Touchpoint> tps) {
    Stage s;
    s.id = id;
    s.name = "Stage " + id;
    s.touchpoints = std::move(tps);
    return s;
}

std::vector<std::string> ranked_ids(const MapMetrics& m) {
    std::vector<std::string> ids;
    for (const auto& h : m.hotspots.touchpoints) ids.push_back(h.id);
    return ids;
}

}  // namespace

TEST_CASE("hotspot score from friction, emotion and surveys", "[metrics]") {
    Map map;
    Touchpoint legal = touchpoint("legal", 5, -2);
    legal.survey.nps[0] = 10;  // NPS -100 -> badness (100 - -100) / 200 = 1
    map.stages = {stage("s", {touchpoint("ad", 1, 0), touchpoint("contract", 5, -2), legal})};
    MapMetrics m = compute_metrics(map);
    // No volume and no personas: reach 0, so score = 100 x pain x 0.5.
    // ad:       pain = 0.4 x 1/5 = 0.08                  -> 4
    // contract: pain = 0.4 x 5/5 + 0.2 x 2/2 = 0.6        -> 30
    // legal:    pain = 0.4 + 0.2 + 0.4 x 1 = 1.0          -> 50
    REQUIRE(m.priority(0) == Approx(4.0));
    REQUIRE(m.priority(1) == Approx(30.0));
    REQUIRE(m.priority(2) == Approx(50.0));
    REQUIRE(ranked_ids(m) == std::vector<std::string>{"legal", "contract", "ad"});
    REQUIRE(m.hotspots.touchpoints[0].factors.survey == Approx(1.0));
    REQUIRE(m.hotspots.touchpoints[0].why == "friction 5/5, emotion -2, NPS -100 from 10 answers, no volume or personas");
}

TEST_CASE("survey badness averages the available surveys", "[metrics]") {
    // NPS 0 -> 0.5, CSAT 60% -> 0.4, CES ease 100 -> 0: mean 0.3
    REQUIRE(survey_badness(0.0, 60.0, 100.0) == Approx(0.3));
    REQUIRE(survey_badness(std::nullopt, 60.0, std::nullopt) == Approx(0.4));
    REQUIRE(survey_badness(std::nullopt, std::nullopt, std::nullopt) == 0.0);
}

TEST_CASE("volume reach is logarithmic against the largest volume", "[metrics]") {
    Map map;
    Touchpoint big = touchpoint("big", 5, -2);     // pain 0.6
    big.volume = 1000;                              // reach 1
    Touchpoint small = touchpoint("small", 5, -2);
    small.survey.nps[0] = 10;                       // pain 1.0
    small.volume = 9;                               // reach log(10) / log(1001) = 0.33333
    map.stages = {stage("s", {big, small})};
    MapMetrics m = compute_metrics(map);
    const double reach = std::log(10.0) / std::log(1001.0);
    REQUIRE(m.priority(0) == Approx(60.0));                            // 100 x 0.6 x 1
    REQUIRE(m.priority(1) == Approx(100.0 * (0.5 + 0.5 * reach)));    // 66.67
    REQUIRE(ranked_ids(m) == std::vector<std::string>{"small", "big"});
    REQUIRE(m.hotspots.touchpoints[1].why == "friction 5/5, emotion -2, no survey answers, reaches 1,000 customers");
    REQUIRE(volume_reach(0, 1000) == 0.0);
    REQUIRE(volume_reach(1000, 0) == 0.0);
}

TEST_CASE("without volume, buyer-side decision makers weigh more", "[metrics]") {
    Map map;
    Persona ceo;
    ceo.id = "ceo";
    ceo.kind = PersonaKind::Buyer;
    ceo.role = CommitteeRole::DecisionMaker;   // weight 3
    Persona user;
    user.id = "user";
    user.kind = PersonaKind::User;
    user.role = CommitteeRole::EndUser;        // weight 1
    map.personas = {user, ceo};
    Touchpoint for_user = touchpoint("for-user", 5, 0);
    for_user.persona_ids = {"user"};
    Touchpoint for_ceo = touchpoint("for-ceo", 5, 0);
    for_ceo.persona_ids = {"ceo"};
    map.stages = {stage("s", {for_user, for_ceo})};
    MapMetrics m = compute_metrics(map);
    // pain 0.4 each; reach 3/3 = 1 for the CEO, 1/3 for the user
    REQUIRE(m.priority(1) == Approx(40.0));
    REQUIRE(m.priority(0) == Approx(40.0 * (0.5 + 0.5 / 3.0)));
    REQUIRE(ranked_ids(m) == std::vector<std::string>{"for-ceo", "for-user"});
    REQUIRE(m.hotspots.touchpoints[0].why == "friction 5/5, emotion 0, no survey answers, involves 1 persona (1 decision maker)");
    REQUIRE(persona_weight(ceo) == 3.0);
    Persona champion = ceo;
    champion.role = CommitteeRole::Champion;
    REQUIRE(persona_weight(champion) == 2.0);
    REQUIRE(persona_weight(user) == 1.0);
}

TEST_CASE("equal scores keep stage order, then touchpoint order", "[metrics]") {
    Map map;
    map.stages = {stage("s1", {touchpoint("b", 3, -1), touchpoint("a", 3, -1)}),
                  stage("s0", {touchpoint("c", 3, -1)})};
    map.stages.insert(map.stages.begin(), stage("first", {touchpoint("z", 3, -1)}));
    MapMetrics m = compute_metrics(map);
    REQUIRE(ranked_ids(m) == std::vector<std::string>{"z", "b", "a", "c"});
    // The same map computed twice ranks the same way.
    REQUIRE(ranked_ids(compute_metrics(map)) == ranked_ids(m));
}

TEST_CASE("the ranked list keeps the top N, and all with N = 0", "[metrics]") {
    Map map;
    std::vector<Touchpoint> tps;
    for (int i = 0; i < 30; ++i) tps.push_back(touchpoint(std::string("t").append(std::to_string(i)), i % 6, 0));
    map.stages = {stage("s", tps)};
    MapMetrics top = compute_metrics(map);
    REQUIRE(top.hotspots.touchpoints.size() == 20);
    REQUIRE(top.hotspots.candidates == 30);
    REQUIRE(top.hotspots.touchpoints.front().id == "t5");  // friction 5, the first of them
    for (std::size_t i = 1; i < top.hotspots.touchpoints.size(); ++i)
        REQUIRE(top.hotspots.touchpoints[i - 1].score >= top.hotspots.touchpoints[i].score);
    MetricsOptions all;
    all.hotspot_limit = 0;
    MapMetrics every = compute_metrics(map, all);
    REQUIRE(every.hotspots.touchpoints.size() == 30);
    REQUIRE(every.hotspots.touchpoints.back().id == "t24");  // friction 0, the last of them
    for (const auto& h : every.hotspots.touchpoints) REQUIRE_FALSE(h.why.empty());
}

TEST_CASE("stages rank by their roll-up", "[metrics]") {
    Map map;
    map.stages = {stage("calm", {touchpoint("a", 1, 1), touchpoint("b", 0, 2)}),
                  stage("rough", {touchpoint("c", 5, -2), touchpoint("d", 4, -1)}),
                  stage("empty", {})};
    map.stages[1].funnel_count = 1200;
    MapMetrics m = compute_metrics(map);
    REQUIRE(m.hotspots.stages.size() == 3);
    REQUIRE(m.hotspots.stages[0].id == "rough");
    REQUIRE(m.hotspots.stages[1].id == "calm");
    REQUIRE(m.hotspots.stages[2].id == "empty");
    // rough: mean friction 4.5 -> 0.36, mean emotion -1.5 -> 0.15; reach 1 (the only count)
    REQUIRE(m.hotspots.stages[0].score == Approx(100.0 * (0.4 * 0.9 + 0.2 * 0.75)));
    REQUIRE(m.hotspots.stages[0].why ==
            "mean friction 4.5/5 over 2 touchpoints, mean emotion -1.5, no survey answers, 1,200 customers entering");
    REQUIRE(m.hotspots.stages[2].score == 0.0);
    REQUIRE(m.hotspots.stages[2].why.rfind("no touchpoints", 0) == 0);
    REQUIRE(m.stages[1].priority == Approx(m.hotspots.stages[0].score));
}

TEST_CASE("touchpoint_why works for any touchpoint on demand", "[metrics]") {
    Map map;
    Touchpoint tp = touchpoint("t", 2, 1);
    tp.survey.csat = {0, 0, 0, 1, 1};
    tp.volume = 1;
    map.stages = {stage("s", {tp})};
    MapMetrics m = compute_metrics(map);
    REQUIRE(touchpoint_why(map, m, 0) == "friction 2/5, emotion +1, CSAT 100% from 2 answers, reaches 1 customer");
}
