#include <catch2/catch.hpp>

#include "edit/commands.h"
#include "edit/history.h"

using namespace jm;

namespace {

Map sample() {
    Map m;
    m.id = "m";
    m.title = "Journey";
    m.lanes = default_lanes();
    m.personas = {Persona{.id = "ana", .name = "Ana (CFO)"}, Persona{.id = "luis", .name = "Luis (IT)", .kind = PersonaKind::User}};
    for (int s = 0; s < 3; ++s) {
        Stage st{.id = "s" + std::to_string(s), .name = "Stage " + std::to_string(s), .owner = "Sales"};
        for (int i = 0; i < 3; ++i) {
            Touchpoint t{.id = "t" + std::to_string(s) + std::to_string(i), .title = "Card " + std::to_string(s) + std::to_string(i)};
            t.persona_ids = {"ana"};
            if (i == 1) t.persona_ids.push_back("luis");
            st.touchpoints.push_back(t);
        }
        m.stages.push_back(st);
    }
    return m;
}

std::vector<std::string> ids_of(const Stage& s) {
    std::vector<std::string> out;
    for (const auto& t : s.touchpoints) out.push_back(t.id);
    return out;
}

// Runs a command through a history and checks undo and redo restore exactly.
Map roundtrip(Map m, std::unique_ptr<Command> c) {
    REQUIRE(c);
    const Map before = m;
    History h;
    h.execute(m, std::move(c));
    const Map after = m;
    REQUIRE_FALSE(after == before);
    REQUIRE(h.undo(m));
    REQUIRE(m == before);
    REQUIRE(h.redo(m));
    REQUIRE(m == after);
    return m;
}

}  // namespace

TEST_CASE("field edits of a touchpoint, stage, persona and the map undo exactly", "[edit]") {
    Map m = sample();
    Touchpoint t = m.stages[1].touchpoints[2];
    t.title = "Demostración 演示";
    t.friction = 4;
    Map after = roundtrip(m, set_touchpoint(m, t, "Edit title", "t12/title"));
    REQUIRE(after.stages[1].touchpoints[2].title == "Demostración 演示");

    Stage s = m.stages[0];
    s.name = "Consideração";
    s.touchpoints.clear();   // a stage edit never touches its cards
    after = roundtrip(m, set_stage(m, s, "Rename", ""));
    REQUIRE(after.stages[0].name == "Consideração");
    REQUIRE(after.stages[0].touchpoints.size() == 3);

    Persona p = m.personas[1];
    p.color = "#009E73";
    after = roundtrip(m, set_persona(m, p, "Colour", "luis/colour"));
    REQUIRE(after.personas[1].color == "#009E73");

    MapInfo info = map_info(m);
    info.title = "Onboarding";
    info.lanes = {Lane::Touchpoints, Lane::Kpis};
    info.period.customers_start = 120;
    after = roundtrip(m, set_map_info(m, info, "Edit map", "map/title"));
    REQUIRE(after.title == "Onboarding");
    REQUIRE(after.lanes.size() == 2);
    REQUIRE(after.stages == m.stages);
}

TEST_CASE("factories return nothing for ids the map does not have", "[edit]") {
    Map m = sample();
    REQUIRE(set_touchpoint(m, Touchpoint{.id = "nope"}, "x", "") == nullptr);
    REQUIRE(set_stage(m, Stage{.id = "nope"}, "x", "") == nullptr);
    REQUIRE(set_persona(m, Persona{.id = "nope"}, "x", "") == nullptr);
    REQUIRE(delete_stage(m, "nope") == nullptr);
    REQUIRE(delete_persona(m, "nope") == nullptr);
    REQUIRE(delete_touchpoints(m, {"nope"}) == nullptr);
    REQUIRE(move_touchpoints(m, {"t00"}, "nope", 0) == nullptr);
    REQUIRE(move_stage(m, "s1", 1) == nullptr);   // already there
    History h;
    h.execute(m, nullptr);
    REQUIRE_FALSE(h.can_undo());
}

TEST_CASE("add, delete and move stages", "[edit]") {
    Map m = sample();
    Map after = roundtrip(m, add_stage(Stage{.id = "new", .name = "Expansão"}, 1));
    REQUIRE(after.stages[1].id == "new");
    after = roundtrip(m, delete_stage(m, "s1"));
    REQUIRE(after.stages.size() == 2);
    REQUIRE(after.stages[1].id == "s2");
    after = roundtrip(m, move_stage(m, "s0", 2));
    REQUIRE(after.stages[2].id == "s0");
    REQUIRE(after.stages[0].id == "s1");
}

TEST_CASE("deleting a stage with its touchpoints is one step and undo restores the order", "[edit]") {
    Map m = sample();
    History h;
    auto c = delete_stage(m, "s1");
    REQUIRE(c->label() == "Delete stage 'Stage 1' and 3 touchpoints");
    h.execute(m, std::move(c));
    REQUIRE(find_touchpoint(m, "t10") == nullptr);
    REQUIRE(h.labels().size() == 1);
    h.undo(m);
    REQUIRE(m == sample());
}

TEST_CASE("add, delete and move touchpoints, across stages too", "[edit]") {
    Map m = sample();
    Map after = roundtrip(m, add_touchpoints("s2", 1, {Touchpoint{.id = "a"}, Touchpoint{.id = "b"}}));
    REQUIRE(ids_of(after.stages[2]) == std::vector<std::string>{"t20", "a", "b", "t21", "t22"});

    after = roundtrip(m, delete_touchpoints(m, {"t22", "t00", "t02"}));
    REQUIRE(ids_of(after.stages[0]) == std::vector<std::string>{"t01"});
    REQUIRE(ids_of(after.stages[2]) == std::vector<std::string>{"t20", "t21"});

    // Drag t00 and t02 to before t21 in stage 2.
    after = roundtrip(m, move_touchpoints(m, {"t00", "t02"}, "s2", 1));
    REQUIRE(ids_of(after.stages[0]) == std::vector<std::string>{"t01"});
    REQUIRE(ids_of(after.stages[2]) == std::vector<std::string>{"t20", "t00", "t02", "t21", "t22"});

    // Within a stage: t00 dropped below t01 (index 2 as the stage looks before the move).
    after = roundtrip(m, move_touchpoints(m, {"t00"}, "s0", 2));
    REQUIRE(ids_of(after.stages[0]) == std::vector<std::string>{"t01", "t00", "t02"});

    // Dropping a card where it is records nothing.
    REQUIRE(move_touchpoints(m, {"t01"}, "s0", 1) == nullptr);
    REQUIRE(move_touchpoints(m, {"t01"}, "s0", 2) == nullptr);
}

TEST_CASE("deleting a persona strips its references in the same step; undo restores them", "[edit]") {
    Map m = sample();
    auto c = delete_persona(m, "ana");
    REQUIRE(c->label() == "Delete persona 'Ana (CFO)' from 9 touchpoints");
    Map after = roundtrip(m, std::move(c));
    REQUIRE(after.personas.size() == 1);
    for (const auto& s : after.stages)
        for (const auto& t : s.touchpoints)
            for (const auto& id : t.persona_ids) REQUIRE(id != "ana");
    after = roundtrip(m, add_persona(Persona{.id = "p3", .name = "Procurement"}, 0));
    REQUIRE(after.personas[0].id == "p3");
    after = roundtrip(m, move_persona(m, "luis", 0));
    REQUIRE(after.personas[0].id == "luis");
}

TEST_CASE("replace_map swaps the whole document", "[edit]") {
    Map m = sample();
    Map other;
    other.id = "other";
    other.title = "Imported";
    Map after = roundtrip(m, replace_map(m, other, "Import Mermaid"));
    REQUIRE(after == other);
}

TEST_CASE("labels are short and never split a character", "[edit]") {
    REQUIRE(short_label("Decision") == "Decision");
    std::string long_zh;
    for (int i = 0; i < 50; ++i) long_zh += "决";
    std::string cut = short_label(long_zh, 10);
    REQUIRE(cut == std::string(long_zh.substr(0, 30)) + "\xe2\x80\xa6");
    REQUIRE(short_label("ação ação", 4) == "ação\xe2\x80\xa6");
}
