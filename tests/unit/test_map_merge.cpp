// Three-way merge by id (edit/map_merge.h) on hand-made triples: what each
// workshop group did survives, every clash is a conflict that can be resolved,
// and the result is the same bytes every time.
#include <catch2/catch.hpp>

#include "edit/history.h"
#include "edit/map_change.h"
#include "edit/map_diff.h"
#include "edit/map_merge.h"
#include "io/map_json.h"
#include "io/templates.h"

using namespace jm;
using nlohmann::json;

namespace {

Map base_map() {
    Map m;
    m.id = "m";
    m.title = "Workshop";
    m.lanes = default_lanes();
    m.personas.push_back(Persona{.id = "p1", .name = "CFO"});
    for (const char* s : {"s1", "s2", "s3"}) m.stages.push_back(Stage{.id = s, .name = std::string("Stage ") + s});
    for (const char* t : {"a", "b", "c"}) m.stages[0].touchpoints.push_back(Touchpoint{.id = t, .title = std::string("Card ") + t});
    m.stages[1].touchpoints.push_back(Touchpoint{.id = "d", .title = "Card d"});
    m.stages[1].kpis.push_back(Kpi{.id = "k1", .name = "SQLs", .current = 12});
    return m;
}

Touchpoint* card(Map& m, const std::string& id) { return find_touchpoint(m, id); }
const Touchpoint* card(const Map& m, const std::string& id) { return find_touchpoint(m, id); }

std::vector<std::string> ids(const Map& m, const std::string& stage) {
    std::vector<std::string> out;
    for (const auto& t : find_stage(m, stage)->touchpoints) out.push_back(t.id);
    return out;
}

void add_card(Map& m, const std::string& stage, int index, const std::string& id) {
    auto& tps = find_stage(m, stage)->touchpoints;
    tps.insert(tps.begin() + index, Touchpoint{.id = id, .title = "New " + id});
}

void move_card(Map& m, const std::string& id, const std::string& stage, int index) {
    const TouchpointRef ref = locate_touchpoint(m, id);
    Touchpoint t = m.stages[ref.stage].touchpoints[ref.index];
    m.stages[ref.stage].touchpoints.erase(m.stages[ref.stage].touchpoints.begin() + ref.index);
    auto& tps = find_stage(m, stage)->touchpoints;
    tps.insert(tps.begin() + index, t);
}

void delete_card(Map& m, const std::string& id) {
    const TouchpointRef ref = locate_touchpoint(m, id);
    m.stages[ref.stage].touchpoints.erase(m.stages[ref.stage].touchpoints.begin() + ref.index);
}

}  // namespace

TEST_CASE("merge: additions of two groups in the same stage are all kept, ours first", "[merge]") {
    const Map base = base_map();
    Map ours = base, theirs = base;
    add_card(ours, "s1", 1, "o1");     // after a
    add_card(ours, "s1", 2, "o2");
    add_card(theirs, "s1", 1, "t1");   // after a too
    add_card(theirs, "s1", 4, "t2");   // at the end, after c
    const MergeResult r = merge(base, ours, {theirs});
    CHECK(r.conflicts.empty());
    CHECK(ids(r.merged, "s1") == std::vector<std::string>{"a", "o1", "o2", "t1", "b", "c", "t2"});
    CHECK(card(r.merged, "t1")->title == "New t1");
}

TEST_CASE("merge: the same card moved to different stages by two groups is a conflict", "[merge]") {
    const Map base = base_map();
    Map ours = base, theirs = base;
    move_card(ours, "b", "s2", 0);
    move_card(theirs, "b", "s3", 0);
    MergeResult r = merge(base, ours, {theirs});
    REQUIRE(r.conflicts.size() == 1);
    const Conflict& c = r.conflicts[0];
    CHECK(c.kind == EntityKind::Touchpoint);
    CHECK(c.id == "b");
    CHECK(c.field == "@stage");
    CHECK(c.what == "moved");
    CHECK(c.base == "s1");
    CHECK(c.ours == "s2");
    CHECK(c.theirs == "s3");
    CHECK(r.unresolved() == 1);
    CHECK(ids(r.merged, "s2") == std::vector<std::string>{"b", "d"});   // ours until resolved
    REQUIRE(resolve(r, 0, MergeChoice::Theirs));
    CHECK(r.unresolved() == 0);
    CHECK(ids(r.merged, "s3") == std::vector<std::string>{"b"});
    CHECK(ids(r.merged, "s2") == std::vector<std::string>{"d"});

    // Moved to the same stage by both: no conflict.
    Map same = base;
    move_card(same, "b", "s2", 1);
    CHECK(merge(base, ours, {same}).conflicts.empty());
}

TEST_CASE("merge: a field changed by one group and the card deleted by the other is a conflict", "[merge]") {
    const Map base = base_map();
    Map changed = base, deleted = base;
    card(changed, "b")->friction = 4;
    delete_card(deleted, "b");

    SECTION("changed on ours, deleted on theirs: kept until resolved") {
        MergeResult r = merge(base, changed, {deleted});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].what == "deleted_theirs");
        CHECK(r.conflicts[0].field == "");
        CHECK(r.conflicts[0].theirs.is_null());
        CHECK(r.conflicts[0].ours["friction"] == 4);
        CHECK(card(r.merged, "b") != nullptr);
        REQUIRE(resolve(r, 0, MergeChoice::Theirs));
        CHECK(card(r.merged, "b") == nullptr);
    }
    SECTION("deleted on ours, changed on theirs: restored where it was when theirs wins") {
        MergeResult r = merge(base, deleted, {changed});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].what == "deleted_ours");
        CHECK(r.conflicts[0].ours.is_null());
        CHECK(r.conflicts[0].theirs["friction"] == 4);
        CHECK(r.conflicts[0].base["friction"] == 0);
        CHECK(card(r.merged, "b") == nullptr);
        REQUIRE(resolve(r, 0, MergeChoice::Theirs));
        CHECK(ids(r.merged, "s1") == std::vector<std::string>{"a", "b", "c"});
        CHECK(card(r.merged, "b")->friction == 4);
    }
    SECTION("a card added into a stage the other group deleted") {
        Map no_stage = base;
        no_stage.stages.erase(no_stage.stages.begin() + 2);
        Map added = base;
        add_card(added, "s3", 0, "n");
        MergeResult r = merge(base, no_stage, {added});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].what == "stage_deleted");
        CHECK(find_stage(r.merged, "s3") == nullptr);
        REQUIRE(resolve(r, 0, MergeChoice::Theirs));
        REQUIRE(find_stage(r.merged, "s3") != nullptr);
        CHECK(ids(r.merged, "s3") == std::vector<std::string>{"n"});
    }
}

TEST_CASE("merge: two groups changing different fields of one card do not conflict", "[merge]") {
    const Map base = base_map();
    Map ours = base, theirs = base;
    card(ours, "a")->title = "Discovery call";
    card(theirs, "a")->friction = 3;
    card(theirs, "a")->pains = {"No price on the site"};
    card(ours, "c")->emotion = 1;
    card(theirs, "c")->emotion = 1;   // the same change on both sides: taken once
    const MergeResult r = merge(base, ours, {theirs});
    CHECK(r.conflicts.empty());
    CHECK(card(r.merged, "a")->title == "Discovery call");
    CHECK(card(r.merged, "a")->friction == 3);
    CHECK(card(r.merged, "a")->pains == std::vector<std::string>{"No price on the site"});
    CHECK(card(r.merged, "c")->emotion == 1);
}

TEST_CASE("merge: different values of one field are a conflict with base, ours and theirs", "[merge]") {
    const Map base = base_map();
    Map ours = base, theirs = base;
    card(ours, "a")->title = "Discovery call";
    card(theirs, "a")->title = "Intro call";
    MergeResult r = merge(base, ours, {theirs});
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].key() == "1/touchpoint/a/title");
    CHECK(r.conflicts[0].base == "Card a");
    CHECK(r.conflicts[0].ours == "Discovery call");
    CHECK(r.conflicts[0].theirs == "Intro call");
    CHECK(card(r.merged, "a")->title == "Discovery call");
    SECTION("edited value") {
        REQUIRE(resolve(r, 0, MergeChoice::Edited, "Discovery / intro call"));
        CHECK(card(r.merged, "a")->title == "Discovery / intro call");
        CHECK(r.conflicts[0].resolved);
        CHECK(r.conflicts[0].choice == MergeChoice::Edited);
    }
    SECTION("base") {
        REQUIRE(resolve(r, 0, MergeChoice::Base));
        CHECK(card(r.merged, "a")->title == "Card a");
    }
    SECTION("an edited value that does not fit the field leaves the conflict open") {
        CHECK_FALSE(resolve(r, 0, MergeChoice::Edited, 42));
        CHECK(r.unresolved() == 1);
        CHECK(card(r.merged, "a")->title == "Discovery call");
    }
}

TEST_CASE("merge: personas added by both groups with the same name become one", "[merge]") {
    const Map base = base_map();
    Map ours = base, theirs = base;
    ours.personas.push_back(Persona{.id = "p-ours", .name = "Procurement", .job_title = "Buyer"});
    theirs.personas.push_back(Persona{.id = "p-theirs", .name = " procurement ", .job_title = "Buyer"});
    card(theirs, "b")->persona_ids = {"p-theirs"};
    card(ours, "c")->persona_ids = {"p-ours"};
    const MergeResult r = merge(base, ours, {theirs});
    REQUIRE(r.merged.personas.size() == 2);
    CHECK(r.merged.personas[1].id == "p-ours");
    CHECK(card(r.merged, "b")->persona_ids == std::vector<std::string>{"p-ours"});
    CHECK(card(r.merged, "c")->persona_ids == std::vector<std::string>{"p-ours"});
    REQUIRE(r.unified.size() == 1);
    CHECK(r.unified[0].theirs_id == "p-theirs");
    CHECK(r.unified[0].ours_id == "p-ours");
    // The names differ in spaces and case: that field is a conflict, like any pair of additions.
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].field == "name");
    CHECK(r.conflicts[0].what == "added");
    CHECK(r.conflicts[0].base.is_null());
}

TEST_CASE("merge: survey answers changed on one side are taken, on both, a conflict, never summed", "[merge]") {
    const Map base = base_map();
    Map ours = base, theirs = base;
    card(theirs, "a")->survey.nps[9] = 12;
    card(theirs, "a")->survey.nps[3] = 2;
    MergeResult r = merge(base, ours, {theirs});
    CHECK(r.conflicts.empty());
    CHECK(card(r.merged, "a")->survey.nps[9] == 12);

    card(ours, "a")->survey.nps[9] = 5;
    card(ours, "a")->survey.csat[4] = 3;   // another question: no clash
    r = merge(base, ours, {theirs});
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].field == "survey.nps");
    CHECK(card(r.merged, "a")->survey.nps[9] == 5);   // not 17
    CHECK(card(r.merged, "a")->survey.csat[4] == 3);
    REQUIRE(resolve(r, 0, MergeChoice::Theirs));
    CHECK(card(r.merged, "a")->survey.nps[9] == 12);
    CHECK(card(r.merged, "a")->survey.nps[3] == 2);
}

TEST_CASE("merge: three groups, each with cards, KPIs, lanes and business figures", "[merge]") {
    const Map base = base_map();
    Map ours = base, g1 = base, g2 = base, g3 = base;
    add_card(g1, "s1", 3, "g1-card");
    add_card(g2, "s1", 3, "g2-card");
    add_card(g3, "s2", 0, "g3-card");
    find_stage(g1, "s2")->kpis[0].target = 30;
    find_stage(g2, "s3")->kpis.push_back(Kpi{.id = "k2", .name = "Churn", .unit = "%"});
    g3.lanes.push_back(Lane::Backstage);
    g3.period_previous = Period{.label = "2026-Q2", .customers_start = 80};
    g2.period.customers_lost = 4;
    card(g3, "a")->title = "Webinar";
    MergeResult r = merge(base, ours, {g1, g2, g3});
    CHECK(r.conflicts.empty());
    CHECK(ids(r.merged, "s1") == std::vector<std::string>{"a", "b", "c", "g1-card", "g2-card"});
    CHECK(ids(r.merged, "s2") == std::vector<std::string>{"g3-card", "d"});
    CHECK(find_stage(r.merged, "s2")->kpis[0].target == 30);
    CHECK(find_stage(r.merged, "s3")->kpis.size() == 1);
    CHECK(r.merged.lanes.back() == Lane::Backstage);
    REQUIRE(r.merged.period_previous);
    CHECK(r.merged.period_previous->customers_start == 80);
    CHECK(r.merged.period.customers_lost == 4);
    CHECK(card(r.merged, "a")->title == "Webinar");

    // Two later groups clash with each other: the conflict names the side.
    card(g2, "a")->title = "Demo";
    r = merge(base, ours, {g1, g2, g3});
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].side == 3);
    CHECK(r.conflicts[0].ours == "Demo");
    CHECK(r.conflicts[0].theirs == "Webinar");
    resolve_all(r, MergeChoice::Theirs);
    CHECK(r.unresolved() == 0);
    CHECK(card(r.merged, "a")->title == "Webinar");
}

TEST_CASE("merge: the same inputs give the same bytes, a map merged with itself is unchanged", "[merge]") {
    for (const auto& t : embedded_templates()) {
        const Map m = *load_map_json(t.json).map;
        const MergeResult self = merge(m, m, {m, m});
        CHECK(self.conflicts.empty());
        CHECK(self.merged == m);
        const MergeResult two_way = merge(std::nullopt, m, {m});
        CHECK(two_way.conflicts.empty());
        CHECK(two_way.merged == m);
    }
    const Map base = base_map();
    Map ours = base, g1 = base, g2 = base;
    add_card(ours, "s1", 0, "o");
    add_card(g1, "s1", 0, "x");
    add_card(g2, "s1", 0, "y");
    card(g1, "b")->title = "One";
    card(g2, "b")->title = "Two";
    move_card(g2, "d", "s3", 0);
    const std::string first = save_map_json(merge(base, ours, {g1, g2}).merged);
    for (int i = 0; i < 3; ++i) CHECK(save_map_json(merge(base, ours, {g1, g2}).merged) == first);
    CHECK(ids(merge(base, ours, {g1, g2}).merged, "s1") == std::vector<std::string>{"o", "x", "y", "a", "b", "c"});
}

TEST_CASE("merge: with no base, everything in either map is kept and differing fields are conflicts", "[merge]") {
    const Map a = base_map();
    Map b = base_map();
    b.title = "Workshop B";
    add_card(b, "s3", 0, "only-b");
    b.personas.push_back(Persona{.id = "p2", .name = "Champion"});
    card(b, "a")->friction = 2;
    const MergeResult r = merge(std::nullopt, a, {b});
    CHECK(card(r.merged, "only-b") != nullptr);
    CHECK(find_persona(r.merged, "p2") != nullptr);
    std::vector<std::string> keys;
    for (const auto& c : r.conflicts) keys.push_back(c.key());
    CHECK(keys == std::vector<std::string>{"1/map//title", "1/touchpoint/a/friction"});
    for (const auto& c : r.conflicts) CHECK(c.base.is_null());
}

TEST_CASE("merge: a persona deleted on one side leaves no dangling reference", "[merge]") {
    const Map base = base_map();
    Map ours = base, theirs = base;
    ours.personas.clear();
    add_card(theirs, "s2", 0, "n");
    card(theirs, "n")->persona_ids = {"p1"};
    const MergeResult r = merge(base, ours, {theirs});
    CHECK(r.merged.personas.empty());
    REQUIRE(card(r.merged, "n") != nullptr);
    CHECK(card(r.merged, "n")->persona_ids.empty());
    CHECK(load_map_json(save_map_json(r.merged)).ok());
}

TEST_CASE("merge: applied to the open map as one undo step", "[merge][edit]") {
    const Map base = base_map();
    Map ours = base, theirs = base;
    add_card(theirs, "s1", 1, "t1");
    card(theirs, "d")->friction = 5;
    move_card(theirs, "c", "s3", 0);
    const MergeResult r = merge(base, ours, {theirs});
    Map open = ours;
    History h;
    h.execute(open, apply_changes(open, diff(open, r.merged).changes, "Merge 1 file"));
    CHECK(open == r.merged);
    CHECK(h.size() == 1);
    REQUIRE(h.undo(open));
    CHECK(open == ours);
    REQUIRE(h.redo(open));
    CHECK(open == r.merged);
}
