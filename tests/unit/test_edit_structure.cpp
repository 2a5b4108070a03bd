// Adding, deleting and moving stages, touchpoints and personas, and replacing
// the whole map: each undoes to exactly the map before and redoes to exactly
// the map after.
#include <catch2/catch.hpp>

#include "edit/commands.h"
#include "edit/history.h"

using namespace jm;

namespace {

// Stages s0, s1, s2 with cards t00 t01 t02 / t10 t11 t12 / t20 t21 t22.
Map sample() {
    Map m;
    m.id = "m";
    m.title = "Journey";
    m.personas = {Persona{.id = "ana", .name = "Ana (CFO)"}, Persona{.id = "luis", .name = "Luis (IT)"},
                  Persona{.id = "eva", .name = "Eva (Procurement)"}};
    for (int s = 0; s < 3; ++s) {
        Stage st{.id = "s" + std::to_string(s), .name = "Stage " + std::to_string(s)};
        for (int i = 0; i < 3; ++i) {
            std::string id = "t" + std::to_string(s) + std::to_string(i);
            Touchpoint t{.id = id, .title = "Card " + id.substr(1), .description = "About " + id};
            t.friction = s + i;
            st.touchpoints.push_back(t);
        }
        m.stages.push_back(st);
    }
    return m;
}

std::vector<std::string> card_ids(const Map& m, int stage) {
    std::vector<std::string> out;
    for (const auto& t : m.stages[stage].touchpoints) out.push_back(t.id);
    return out;
}

std::vector<std::string> stage_ids(const Map& m) {
    std::vector<std::string> out;
    for (const auto& s : m.stages) out.push_back(s.id);
    return out;
}

std::vector<std::string> persona_ids(const Map& m) {
    std::vector<std::string> out;
    for (const auto& p : m.personas) out.push_back(p.id);
    return out;
}

using Ids = std::vector<std::string>;

Map roundtrip(Map m, std::unique_ptr<Command> c) {
    REQUIRE(c);
    const Map before = m;
    History h;
    h.execute(m, std::move(c));
    REQUIRE(h.size() == 1);
    const Map after = m;
    REQUIRE_FALSE(after == before);
    REQUIRE(h.undo(m));
    REQUIRE(m == before);
    REQUIRE(h.redo(m));
    REQUIRE(m == after);
    REQUIRE(h.undo(m));   // a second cycle: commands hold the right data after a round trip
    REQUIRE(m == before);
    REQUIRE(h.redo(m));
    REQUIRE(m == after);
    return m;
}

}  // namespace

TEST_CASE("add a stage at an index, clamped to the ends", "[edit]") {
    Map m = sample();
    Stage fresh{.id = "new", .name = "Expansão", .touchpoints = {Touchpoint{.id = "n0", .title = "Upsell"}}};
    Map after = roundtrip(m, add_stage(fresh, 1));
    REQUIRE(stage_ids(after) == Ids{"s0", "new", "s1", "s2"});
    REQUIRE(card_ids(after, 1) == Ids{"n0"});
    REQUIRE(stage_ids(roundtrip(m, add_stage(fresh, -5))) == Ids{"new", "s0", "s1", "s2"});
    REQUIRE(stage_ids(roundtrip(m, add_stage(fresh, 99))) == Ids{"s0", "s1", "s2", "new"});
}

TEST_CASE("deleting a stage takes its touchpoints in one step, undo puts all back in order", "[edit]") {
    Map m = sample();
    History h;
    h.execute(m, delete_stage(m, "s1"));
    REQUIRE(h.size() == 1);
    REQUIRE(stage_ids(m) == Ids{"s0", "s2"});
    REQUIRE(find_touchpoint(m, "t11") == nullptr);
    REQUIRE(touchpoint_count(m) == 6);
    REQUIRE(h.undo(m));
    REQUIRE(m == sample());
    REQUIRE(card_ids(m, 1) == Ids{"t10", "t11", "t12"});

    // First and last stages too.
    REQUIRE(stage_ids(roundtrip(sample(), delete_stage(sample(), "s0"))) == Ids{"s1", "s2"});
    REQUIRE(stage_ids(roundtrip(sample(), delete_stage(sample(), "s2"))) == Ids{"s0", "s1"});
}

TEST_CASE("move a stage, new_index is where it ends up", "[edit]") {
    Map m = sample();
    REQUIRE(stage_ids(roundtrip(m, move_stage(m, "s0", 2))) == Ids{"s1", "s2", "s0"});
    REQUIRE(stage_ids(roundtrip(m, move_stage(m, "s2", 0))) == Ids{"s2", "s0", "s1"});
    REQUIRE(stage_ids(roundtrip(m, move_stage(m, "s0", 1))) == Ids{"s1", "s0", "s2"});
    REQUIRE(stage_ids(roundtrip(m, move_stage(m, "s1", 50))) == Ids{"s0", "s2", "s1"});
    Map moved = roundtrip(m, move_stage(m, "s0", 2));
    REQUIRE(card_ids(moved, 2) == Ids{"t00", "t01", "t02"});   // the cards travel with their stage
}

TEST_CASE("add touchpoints at an index of a stage", "[edit]") {
    Map m = sample();
    Map after = roundtrip(m, add_touchpoints("s2", 1, {Touchpoint{.id = "a"}, Touchpoint{.id = "b"}}));
    REQUIRE(card_ids(after, 2) == Ids{"t20", "a", "b", "t21", "t22"});
    REQUIRE(card_ids(roundtrip(m, add_touchpoints("s0", 99, {Touchpoint{.id = "z"}})), 0) == Ids{"t00", "t01", "t02", "z"});
    REQUIRE(card_ids(roundtrip(m, add_touchpoints("s0", -1, {Touchpoint{.id = "z"}})), 0) == Ids{"z", "t00", "t01", "t02"});
    m.stages[1].touchpoints.clear();
    REQUIRE(card_ids(roundtrip(m, add_touchpoints("s1", 0, {Touchpoint{.id = "only"}})), 1) == Ids{"only"});
}

TEST_CASE("delete touchpoints from several stages, undo restores each at its place", "[edit]") {
    Map m = sample();
    Map after = roundtrip(m, delete_touchpoints(m, {"t22", "t00", "t02", "t11"}));
    REQUIRE(card_ids(after, 0) == Ids{"t01"});
    REQUIRE(card_ids(after, 1) == Ids{"t10", "t12"});
    REQUIRE(card_ids(after, 2) == Ids{"t20", "t21"});

    // Repeats and unknown ids are ignored.
    after = roundtrip(m, delete_touchpoints(m, {"t01", "nope", "t01"}));
    REQUIRE(card_ids(after, 0) == Ids{"t00", "t02"});

    // A whole stage's cards, and every card of the map.
    after = roundtrip(m, delete_touchpoints(m, {"t12", "t10", "t11"}));
    REQUIRE(card_ids(after, 1).empty());
    after = roundtrip(m, delete_touchpoints(m, {"t00", "t01", "t02", "t10", "t11", "t12", "t20", "t21", "t22"}));
    REQUIRE(touchpoint_count(after) == 0);
}

TEST_CASE("move touchpoints between stages and within one, in the order of the ids", "[edit]") {
    Map m = sample();
    // Drag t00 and t02 to the gap before t21 in stage 2.
    Map after = roundtrip(m, move_touchpoints(m, {"t00", "t02"}, "s2", 1));
    REQUIRE(card_ids(after, 0) == Ids{"t01"});
    REQUIRE(card_ids(after, 2) == Ids{"t20", "t00", "t02", "t21", "t22"});
    REQUIRE(find_touchpoint(after, "t00")->description == "About t00");   // the whole card moved

    // From two stages into a third, in the order given rather than map order.
    after = roundtrip(m, move_touchpoints(m, {"t21", "t00"}, "s1", 3));
    REQUIRE(card_ids(after, 0) == Ids{"t01", "t02"});
    REQUIRE(card_ids(after, 1) == Ids{"t10", "t11", "t12", "t21", "t00"});
    REQUIRE(card_ids(after, 2) == Ids{"t20", "t22"});

    // Within a stage: t00 dropped in the gap after t01 (gap 2 before the move).
    REQUIRE(card_ids(roundtrip(m, move_touchpoints(m, {"t00"}, "s0", 2)), 0) == Ids{"t01", "t00", "t02"});
    // Upwards: t02 to the top.
    REQUIRE(card_ids(roundtrip(m, move_touchpoints(m, {"t02"}, "s0", 0)), 0) == Ids{"t02", "t00", "t01"});
    // Reversing two cards in place is a change.
    REQUIRE(card_ids(roundtrip(m, move_touchpoints(m, {"t01", "t00"}, "s0", 0)), 0) == Ids{"t01", "t00", "t02"});
    // To the end, with the gap index past the end clamped.
    REQUIRE(card_ids(roundtrip(m, move_touchpoints(m, {"t00"}, "s0", 99)), 0) == Ids{"t01", "t02", "t00"});

    // Into an emptied stage.
    m.stages[1].touchpoints.clear();
    after = roundtrip(m, move_touchpoints(m, {"t20", "t20", "nope"}, "s1", 0));
    REQUIRE(card_ids(after, 1) == Ids{"t20"});
}

TEST_CASE("dropping cards where they already are records nothing", "[edit]") {
    Map m = sample();
    REQUIRE(move_touchpoints(m, {"t01"}, "s0", 1) == nullptr);   // gap before itself
    REQUIRE(move_touchpoints(m, {"t01"}, "s0", 2) == nullptr);   // gap after itself
    REQUIRE(move_touchpoints(m, {"t01", "t02"}, "s0", 3) == nullptr);
    REQUIRE(move_touchpoints(m, {"t02"}, "s0", 99) == nullptr);
    REQUIRE(move_touchpoints(m, {"t00", "t02"}, "s0", 0) != nullptr);   // closes the gap: a change
}

TEST_CASE("deleting a persona strips its id from every card in one step, undo restores exactly", "[edit]") {
    Map m = sample();
    m.stages[0].touchpoints[0].persona_ids = {"luis", "ana", "eva"};   // in the middle
    m.stages[1].touchpoints[2].persona_ids = {"ana"};                  // the only one
    m.stages[2].touchpoints[1].persona_ids = {"eva", "ana"};           // at the end
    m.stages[2].touchpoints[2].persona_ids = {"luis"};                 // not named
    History h;
    h.execute(m, delete_persona(m, "ana"));
    REQUIRE(h.size() == 1);
    REQUIRE(persona_ids(m) == Ids{"luis", "eva"});
    REQUIRE(m.stages[0].touchpoints[0].persona_ids == Ids{"luis", "eva"});
    REQUIRE(m.stages[1].touchpoints[2].persona_ids.empty());
    REQUIRE(m.stages[2].touchpoints[1].persona_ids == Ids{"eva"});
    REQUIRE(m.stages[2].touchpoints[2].persona_ids == Ids{"luis"});
    h.undo(m);
    REQUIRE(persona_ids(m) == Ids{"ana", "luis", "eva"});
    REQUIRE(m.stages[0].touchpoints[0].persona_ids == Ids{"luis", "ana", "eva"});
    REQUIRE(m.stages[2].touchpoints[1].persona_ids == Ids{"eva", "ana"});

    Map after = roundtrip(m, delete_persona(m, "ana"));
    REQUIRE(after.personas.size() == 2);
    // A card moved after the delete still gets its reference back on undo.
    h.redo(m);
    h.execute(m, move_touchpoints(m, {"t00"}, "s2", 3));
    h.undo(m);
    h.undo(m);
    REQUIRE(m.stages[0].touchpoints[0].persona_ids == Ids{"luis", "ana", "eva"});
}

TEST_CASE("add and move personas", "[edit]") {
    Map m = sample();
    REQUIRE(persona_ids(roundtrip(m, add_persona(Persona{.id = "p3", .name = "Procurement"}, 0))) ==
            Ids{"p3", "ana", "luis", "eva"});
    REQUIRE(persona_ids(roundtrip(m, add_persona(Persona{.id = "p3"}, 2))) == Ids{"ana", "luis", "p3", "eva"});
    REQUIRE(persona_ids(roundtrip(m, move_persona(m, "eva", 0))) == Ids{"eva", "ana", "luis"});
    REQUIRE(persona_ids(roundtrip(m, move_persona(m, "ana", 1))) == Ids{"luis", "ana", "eva"});
}

TEST_CASE("replace_map swaps the whole document and back", "[edit]") {
    Map m = sample();
    Map other;
    other.id = "other";
    other.title = "Imported";
    other.stages.push_back(Stage{.id = "x", .name = "Only"});
    Map after = roundtrip(m, replace_map(m, other, "Import Mermaid"));
    REQUIRE(after == other);
}

TEST_CASE("structural commands hold their items only while those are out of the map", "[edit]") {
    Map m = sample();
    for (auto& s : m.stages)
        for (auto& t : s.touchpoints) t.description = std::string(5000, 'd');
    History h;
    h.execute(m, delete_stage(m, "s1"));
    std::size_t deleted = h.memory_bytes();
    REQUIRE(deleted > 3 * 5000);   // the history holds the stage's three cards
    h.undo(m);
    REQUIRE(h.memory_bytes() < 5000);   // they are back in the map
    h.redo(m);
    REQUIRE(h.memory_bytes() == deleted);
}
