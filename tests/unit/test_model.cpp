#include <catch2/catch.hpp>

#include "model/map.h"
#include "support/large_map.h"

using namespace jm;

TEST_CASE("lane, role, kind and direction keys round-trip", "[model]") {
    for (int i = 0; i < kLaneCount; ++i) {
        Lane lane = static_cast<Lane>(i);
        REQUIRE(lane_from_key(lane_key(lane)) == lane);
    }
    REQUIRE_FALSE(lane_from_key("nope"));
    for (auto r : {CommitteeRole::DecisionMaker, CommitteeRole::Champion, CommitteeRole::Influencer,
                   CommitteeRole::Procurement, CommitteeRole::EndUser, CommitteeRole::Other})
        REQUIRE(committee_role_from_key(committee_role_key(r)) == r);
    REQUIRE(persona_kind_from_key("buyer") == PersonaKind::Buyer);
    REQUIRE(persona_kind_from_key("user") == PersonaKind::User);
    REQUIRE_FALSE(persona_kind_from_key("Buyer"));
    REQUIRE(kpi_direction_from_key(kpi_direction_key(KpiDirection::LowerIsBetter)) == KpiDirection::LowerIsBetter);
}

TEST_CASE("lookups find entities by id and new ids never collide", "[model]") {
    Map map = testing::make_large_map({.stages = 3, .touchpoints = 30, .personas = 4, .seed = 7});
    const auto& tp = map.stages[2].touchpoints[1];
    TouchpointRef ref = locate_touchpoint(map, tp.id);
    REQUIRE(ref.stage == 2);
    REQUIRE(ref.index == 1);
    REQUIRE(find_touchpoint(map, tp.id) == &map.stages[2].touchpoints[1]);
    REQUIRE(find_touchpoint(map, "missing") == nullptr);
    REQUIRE(find_stage(map, map.stages[1].id) == &map.stages[1]);
    REQUIRE(find_persona(map, map.personas[3].id) == &map.personas[3]);
    REQUIRE(touchpoint_count(map) == 30);
    for (int i = 0; i < 200; ++i) {
        std::string id = new_id(map, "tp");
        REQUIRE_FALSE(id_in_use(map, id));
        REQUIRE(id.rfind("tp-", 0) == 0);
        map.stages[0].touchpoints.push_back(Touchpoint{.id = id});
    }
}

TEST_CASE("equality compares every field", "[model]") {
    Map a = testing::make_large_map({.stages = 2, .touchpoints = 4, .personas = 2, .seed = 1});
    Map b = a;
    REQUIRE(a == b);
    b.stages[1].touchpoints[0].survey.nps[10] += 1;
    REQUIRE_FALSE(a == b);
    b = a;
    b.unknown["x-extra"] = "42";
    REQUIRE_FALSE(a == b);
}
