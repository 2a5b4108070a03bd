// Field edits, argument checks and label wording of the edit commands.
#include <catch2/catch.hpp>

#include "edit/commands.h"
#include "edit/history.h"

using namespace jm;

namespace {

// Three stages of three cards, two personas, and enough filled-in fields that
// an edit which clobbers a neighbour would show up in operator==.
Map sample() {
    Map m;
    m.id = "m";
    m.title = "Journey";
    m.created = "2026-01-01T00:00:00Z";
    m.modified = "2026-01-02T00:00:00Z";
    m.lanes = default_lanes();
    m.unknown = {{"x-theme", "\"dark\""}};
    m.personas = {Persona{.id = "ana", .name = "Ana (CFO)", .color = "#0072B2"},
                  Persona{.id = "luis", .name = "Luis (IT)", .kind = PersonaKind::User}};
    for (int s = 0; s < 3; ++s) {
        std::string sid = std::to_string(s);
        Stage st{.id = "s" + sid, .name = "Stage " + sid, .owner = "Sales"};
        st.kpis.push_back(Kpi{.id = "k" + sid, .name = "Win rate", .current = 0.2});
        for (int i = 0; i < 3; ++i) {
            std::string tid = sid + std::to_string(i);
            Touchpoint t{.id = "t" + tid, .title = "Card " + tid, .channel = "demo"};
            t.persona_ids = {"ana"};
            if (i == 1) t.persona_ids.push_back("luis");
            t.friction = i + 1;
            t.pains = {"Slow answer"};
            t.survey.nps[10] = 4;
            st.touchpoints.push_back(t);
        }
        m.stages.push_back(st);
    }
    return m;
}

// Runs a command through a history; undo must give back exactly the map before
// and redo exactly the map after.
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
    return m;
}

}  // namespace

TEST_CASE("a touchpoint edit changes that card only and undoes exactly", "[edit]") {
    Map m = sample();
    Touchpoint t = *find_touchpoint(m, "t12");
    t.title = "Demostración 演示";
    t.friction = 5;
    Map after = roundtrip(m, set_touchpoint(m, t, "Set friction of 'Card 12'", "t12/friction"));
    REQUIRE(find_touchpoint(after, "t12")->title == "Demostración 演示");
    REQUIRE(find_touchpoint(after, "t12")->friction == 5);
    // Everything else as it was: put the old card back and the maps match.
    *find_touchpoint(after, "t12") = *find_touchpoint(m, "t12");
    REQUIRE(after == m);
}

TEST_CASE("a stage edit keeps the stage's cards whatever `after` carries", "[edit]") {
    Map m = sample();
    Stage s = m.stages[0];
    s.name = "Consideração";
    s.kpis[0].target = 0.3;
    s.touchpoints.clear();   // the inspector may hand over a stage without its cards
    Map after = roundtrip(m, set_stage(m, s, "Rename stage 'Stage 0'", ""));
    REQUIRE(after.stages[0].name == "Consideração");
    REQUIRE(after.stages[0].kpis[0].target == 0.3);
    REQUIRE(after.stages[0].touchpoints == m.stages[0].touchpoints);

    s.touchpoints = {Touchpoint{.id = "bogus"}};
    after = roundtrip(m, set_stage(m, s, "", ""));
    REQUIRE(after.stages[0].touchpoints == m.stages[0].touchpoints);
}

TEST_CASE("a persona edit undoes exactly", "[edit]") {
    Map m = sample();
    Persona p = m.personas[1];
    p.color = "#009E73";
    p.role = CommitteeRole::Champion;
    Map after = roundtrip(m, set_persona(m, p, "", "luis/colour"));
    REQUIRE(after.personas[1].color == "#009E73");
    REQUIRE(after.personas[1].role == CommitteeRole::Champion);
    REQUIRE(after.personas[0] == m.personas[0]);
}

TEST_CASE("a map-info edit touches the editable fields only", "[edit]") {
    Map m = sample();
    MapInfo info = map_info(m);
    REQUIRE(info.title == "Journey");
    info.title = "Onboarding";
    info.currency = "EUR";
    info.lanes = {Lane::Touchpoints, Lane::Kpis};
    info.card_detail = CardDetail::Compact;
    info.period.customers_start = 120;
    info.period_previous = Period{.label = "2026-Q2"};
    Map after = roundtrip(m, set_map_info(m, info, "Edit map title", "map/title"));
    REQUIRE(after.title == "Onboarding");
    REQUIRE(after.lanes == std::vector<Lane>{Lane::Touchpoints, Lane::Kpis});
    REQUIRE(after.card_detail == CardDetail::Compact);
    REQUIRE(after.period_previous->label == "2026-Q2");
    REQUIRE(after.stages == m.stages);
    REQUIRE(after.unknown == m.unknown);

    // The history stamps `modified` at every edit, undo and redo; an undo moves
    // that clock forward, never back to the older edit's time.
    History h;
    std::string now = "2026-03-03T10:00:00Z";
    h.set_clock([&] { return now; });
    Map doc = sample();
    h.execute(doc, set_map_info(doc, info, "", ""));
    REQUIRE(doc.modified == "2026-03-03T10:00:00Z");
    now = "2026-03-03T10:05:00Z";
    h.undo(doc);
    REQUIRE(doc.title == "Journey");
    REQUIRE(doc.modified == "2026-03-03T10:05:00Z");
    now = "2026-03-03T10:06:00Z";
    h.redo(doc);
    REQUIRE(doc.modified == "2026-03-03T10:06:00Z");
    REQUIRE(doc.created == "2026-01-01T00:00:00Z");
}

TEST_CASE("an edit that changes nothing leaves modified alone", "[edit]") {
    History h;
    h.set_clock([] { return std::string("2030-01-01T00:00:00Z"); });
    Map doc = sample();
    h.execute(doc, set_touchpoint(doc, Touchpoint{.id = "nope"}, "x", ""));
    REQUIRE(doc.modified == "2026-01-02T00:00:00Z");
    REQUIRE_FALSE(h.undo(doc));
    REQUIRE(doc.modified == "2026-01-02T00:00:00Z");
}

TEST_CASE("factories return nullptr for unknown ids and for edits that change nothing", "[edit]") {
    Map m = sample();
    REQUIRE(set_touchpoint(m, Touchpoint{.id = "nope"}, "x", "") == nullptr);
    REQUIRE(set_stage(m, Stage{.id = "nope"}, "x", "") == nullptr);
    REQUIRE(set_persona(m, Persona{.id = "nope"}, "x", "") == nullptr);
    REQUIRE(delete_stage(m, "nope") == nullptr);
    REQUIRE(delete_persona(m, "nope") == nullptr);
    REQUIRE(delete_touchpoints(m, {"nope", ""}) == nullptr);
    REQUIRE(delete_touchpoints(m, {}) == nullptr);
    REQUIRE(move_touchpoints(m, {"t00"}, "nope", 0) == nullptr);
    REQUIRE(move_touchpoints(m, {"nope"}, "s1", 0) == nullptr);
    REQUIRE(move_stage(m, "nope", 0) == nullptr);
    REQUIRE(move_persona(m, "nope", 0) == nullptr);
    REQUIRE(add_touchpoints("s0", 0, {}) == nullptr);

    REQUIRE(set_touchpoint(m, m.stages[1].touchpoints[1], "same", "") == nullptr);
    REQUIRE(set_persona(m, m.personas[0], "same", "") == nullptr);
    REQUIRE(set_stage(m, m.stages[2], "same", "") == nullptr);
    REQUIRE(set_map_info(m, map_info(m), "same", "") == nullptr);
    REQUIRE(move_stage(m, "s1", 1) == nullptr);
    REQUIRE(move_persona(m, "luis", 7) == nullptr);   // clamped to 1: already last
    REQUIRE(replace_map(m, m, "same") == nullptr);

    History h;
    h.execute(m, nullptr);
    REQUIRE_FALSE(h.can_undo());
    REQUIRE(h.revision() == 0);
}

TEST_CASE("a command whose item has gone leaves the map alone and records nothing", "[edit]") {
    Map m = sample();
    History h;
    Touchpoint t = *find_touchpoint(m, "t01");
    t.title = "Renamed";
    auto stale_edit = set_touchpoint(m, t, "", "");
    auto stale_move = move_stage(m, "s2", 0);
    auto stale_delete = delete_persona(m, "luis");
    h.execute(m, delete_touchpoints(m, {"t01"}));
    h.execute(m, delete_stage(m, "s2"));
    h.execute(m, delete_persona(m, "luis"));
    const Map before = m;
    const auto revision = h.revision();
    for (auto* c : {&stale_edit, &stale_move, &stale_delete}) {
        REQUIRE(*c);
        h.execute(m, std::move(*c));
    }
    REQUIRE(m == before);
    REQUIRE(h.size() == 3);
    REQUIRE(h.revision() == revision);
}

TEST_CASE("an add whose ids are taken, empty or repeated, or whose stage is gone, does nothing", "[edit]") {
    Map m = sample();
    const Map before = m;
    History h;
    h.execute(m, add_stage(Stage{.id = "s1", .name = "Twin"}, 0));                      // stage id taken
    h.execute(m, add_stage(Stage{.id = "", .name = "No id"}, 0));
    h.execute(m, add_stage(Stage{.id = "s9", .kpis = {Kpi{.id = "k0"}}}, 0));            // KPI id taken
    h.execute(m, add_stage(Stage{.id = "s9", .touchpoints = {Touchpoint{.id = "t00"}}}, 0));
    h.execute(m, add_touchpoints("s0", 0, {Touchpoint{.id = "ana"}}));                   // a persona's id
    h.execute(m, add_touchpoints("s0", 0, {Touchpoint{.id = "n1"}, Touchpoint{.id = "n1"}}));
    h.execute(m, add_touchpoints("gone", 0, {Touchpoint{.id = "n2"}}));
    h.execute(m, add_persona(Persona{.id = "m", .name = "Same as the map"}, 0));
    REQUIRE(m == before);
    REQUIRE(h.size() == 0);
    REQUIRE_FALSE(h.dirty());
}

TEST_CASE("default and structural labels", "[edit]") {
    Map m = sample();
    Touchpoint t = *find_touchpoint(m, "t00");
    t.friction = 4;
    REQUIRE(set_touchpoint(m, t, "", "")->label() == "Edit touchpoint 'Card 00'");
    REQUIRE(set_touchpoint(m, t, "Set friction of 'Card 00'", "")->label() == "Set friction of 'Card 00'");
    Stage s = m.stages[1];
    s.goal = "Signed";
    REQUIRE(set_stage(m, s, "", "")->label() == "Edit stage 'Stage 1'");
    MapInfo info = map_info(m);
    info.author = "Rui";
    REQUIRE(set_map_info(m, info, "", "")->label() == "Edit map details");

    REQUIRE(add_stage(Stage{.id = "n", .name = "Renewal"}, 0)->label() == "Add stage 'Renewal'");
    REQUIRE(add_stage(Stage{.id = "n"}, 0)->label() == "Add stage (untitled)");
    REQUIRE(delete_stage(m, "s1")->label() == "Delete stage 'Stage 1' and 3 touchpoints");
    m.stages[2].touchpoints.resize(1);
    REQUIRE(delete_stage(m, "s2")->label() == "Delete stage 'Stage 2' and 1 touchpoint");
    m.stages[2].touchpoints.clear();
    REQUIRE(delete_stage(m, "s2")->label() == "Delete stage 'Stage 2'");
    REQUIRE(move_stage(m, "s0", 2)->label() == "Move stage 'Stage 0'");

    REQUIRE(add_touchpoints("s0", 0, {Touchpoint{.id = "a", .title = "Demo call"}})->label() == "Add touchpoint 'Demo call'");
    REQUIRE(add_touchpoints("s0", 0, {Touchpoint{.id = "a"}, Touchpoint{.id = "b"}})->label() == "Add 2 touchpoints");
    REQUIRE(delete_touchpoints(m, {"t10"})->label() == "Delete touchpoint 'Card 10'");
    REQUIRE(delete_touchpoints(m, {"t10", "t00", "t10"})->label() == "Delete 2 touchpoints");
    REQUIRE(move_touchpoints(m, {"t10"}, "s0", 0)->label() == "Move touchpoint 'Card 10' to 'Stage 0'");
    REQUIRE(move_touchpoints(m, {"t10", "t11"}, "s1", 3)->label() == "Move 2 touchpoints within 'Stage 1'");

    REQUIRE(add_persona(Persona{.id = "p", .name = "Procurement"}, 0)->label() == "Add persona 'Procurement'");
    // Stage 2 has no cards left: Ana is on the six cards of stages 0 and 1,
    // Luis on the middle card of each.
    REQUIRE(delete_persona(m, "luis")->label() == "Delete persona 'Luis (IT)' (on 2 touchpoints)");
    REQUIRE(delete_persona(m, "ana")->label() == "Delete persona 'Ana (CFO)' (on 6 touchpoints)");
    m.stages[1].touchpoints[1].persona_ids = {"ana"};
    m.stages[0].touchpoints[1].persona_ids = {"ana"};
    REQUIRE(delete_persona(m, "luis")->label() == "Delete persona 'Luis (IT)'");
    REQUIRE(move_persona(m, "luis", 0)->label() == "Move persona 'Luis (IT)'");
    REQUIRE(replace_map(m, Map{}, "Import Mermaid")->label() == "Import Mermaid");
    REQUIRE(replace_map(m, Map{}, "")->label() == "Replace map");
}

TEST_CASE("short_label cuts at 40 characters, never inside a UTF-8 sequence", "[edit]") {
    const std::string ellipsis = "\xE2\x80\xA6";
    REQUIRE(short_label("Decision") == "Decision");
    std::string forty(40, 'a');
    REQUIRE(short_label(forty) == forty);
    REQUIRE(short_label(forty + "b") == forty + ellipsis);

    std::string zh;
    for (int i = 0; i < 50; ++i) zh += "决";   // 3 bytes each
    REQUIRE(short_label(zh, 10) == zh.substr(0, 30) + ellipsis);
    REQUIRE(short_label("ação ação", 4) == "ação" + ellipsis);
    REQUIRE(short_label("ação ação", 5) == "ação" + ellipsis);   // the space before the cut goes
    REQUIRE(short_label("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 2) ==
            "\xF0\x9F\x98\x80\xF0\x9F\x98\x80" + ellipsis);        // 4-byte emoji
    REQUIRE(short_label("Line one\nline\ttwo") == "Line one line two");
    REQUIRE(short_label("", 5).empty());
    // Malformed text: a stray continuation byte stays attached to what precedes it.
    REQUIRE(short_label("ab\x80\x80" "cd", 2) == "ab\x80\x80" + ellipsis);
}

TEST_CASE("merge_with keeps the first before and the last after, applied or not", "[edit]") {
    Map m = sample();
    Touchpoint t = *find_touchpoint(m, "t00");
    t.title = "D";
    auto first = set_touchpoint(m, t, "Edit title", "t00/title");
    t.title = "Demo";
    auto second = set_touchpoint(m, t, "Edit title", "t00/title");
    REQUIRE(first->merge_with(*second));   // neither applied yet
    History h;
    h.execute(m, std::move(first));
    REQUIRE(find_touchpoint(m, "t00")->title == "Demo");
    h.undo(m);
    REQUIRE(m == sample());

    // One applied and the other not: no consistent merge, so none.
    h.redo(m);
    t.title = "Demo call";
    auto later = set_touchpoint(m, t, "", "t00/title");
    t.title = "Demo";
    auto applied = set_touchpoint(sample(), t, "", "t00/title");
    Map scratch = sample();
    applied->apply(scratch);
    REQUIRE_FALSE(applied->merge_with(*later));
    // Another card's edit never merges, whatever its key.
    Touchpoint other = *find_touchpoint(m, "t01");
    other.title = "Other";
    t.title = "Demo call";   // differs from the map's "Demo"
    auto mine = set_touchpoint(m, t, "", "k"), theirs = set_touchpoint(m, other, "", "k");
    REQUIRE((mine && theirs));
    REQUIRE_FALSE(mine->merge_with(*theirs));
}

TEST_CASE("memory estimates count the text a command holds", "[edit]") {
    Map m = sample();
    Touchpoint t = *find_touchpoint(m, "t00");
    t.description = std::string(10000, 'x');
    auto c = set_touchpoint(m, t, "", "");
    REQUIRE(c->memory_bytes() > 10000);
    REQUIRE(c->memory_bytes() < 10000 + 4 * sizeof(Touchpoint) + 2000);
    REQUIRE(heap_bytes(std::string("short")) == 0);
    REQUIRE(heap_bytes(std::string(100, 'y')) >= 101);
    REQUIRE(approx_bytes(m) > 9 * sizeof(Touchpoint));
}
