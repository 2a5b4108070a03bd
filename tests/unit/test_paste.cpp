// Cards pasted from another map (edit/paste.h): fresh ids, and every persona a
// card names points at one of the target's, so no reference dangles.
#include <catch2/catch.hpp>

#include <set>

#include "edit/paste.h"

using namespace jm;

namespace {

Map target() {
    Map m;
    m.id = "target";
    m.personas = {Persona{.id = "ana", .name = "Ana (CFO)"}, Persona{.id = "p-luis", .name = "Luis (IT)"}};
    Stage s{.id = "s1", .name = "Awareness"};
    s.touchpoints.push_back(Touchpoint{.id = "t1", .title = "Ad"});
    m.stages.push_back(s);
    return m;
}

// A clipboard whose card names: a persona the target has by id, one it has by
// name only, one it lacks (whose id the target uses for a stage), one nobody has.
Map clipboard() {
    Map m;
    m.personas = {Persona{.id = "ana", .name = "Ana (CFO)"}, Persona{.id = "luis", .name = "Luis (IT)"},
                  Persona{.id = "s1", .name = "Eva (Procurement)"}};
    Stage s{.id = "s1", .name = "Elsewhere"};
    s.touchpoints.push_back(Touchpoint{.id = "t1", .title = "Demo", .persona_ids = {"ana", "luis", "s1", "ghost", "ana"}});
    s.touchpoints.push_back(Touchpoint{.id = "t2", .title = "Trial", .persona_ids = {"s1"}});
    m.stages.push_back(s);
    return m;
}

}  // namespace

TEST_CASE("pasted cards get ids the target does not use, distinct from each other") {
    const Map map = target();
    const Map clip = clipboard();
    AdoptedCards adopted = adopt_cards(map, clip, cards_of(clip));
    REQUIRE(adopted.cards.size() == 2);
    std::set<std::string> ids;
    for (const auto& c : adopted.cards) {
        CHECK_FALSE(id_in_use(map, c.id));
        ids.insert(c.id);
    }
    CHECK(ids.size() == 2);
    CHECK(adopted.cards[0].title == "Demo");
    CHECK(adopted.cards[1].title == "Trial");
}

TEST_CASE("a pasted card's personas are matched by id, then by name, else copied, unknown ones are dropped") {
    const Map map = target();
    const Map clip = clipboard();
    AdoptedCards adopted = adopt_cards(map, clip, cards_of(clip));
    REQUIRE(adopted.new_personas.size() == 1);
    const Persona& eva = adopted.new_personas[0];
    CHECK(eva.name == "Eva (Procurement)");
    CHECK(eva.id != "s1");   // the stage's id is taken: the copy gets a fresh one
    CHECK_FALSE(id_in_use(map, eva.id));
    CHECK(adopted.cards[0].persona_ids == std::vector<std::string>{"ana", "p-luis", eva.id});
    CHECK(adopted.cards[1].persona_ids == std::vector<std::string>{eva.id});   // the same copy, not a second one
}

TEST_CASE("fresh card ids never repeat, even for many cards") {
    const Map map = target();
    auto ids = fresh_card_ids(map, 500);
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 500);
}
