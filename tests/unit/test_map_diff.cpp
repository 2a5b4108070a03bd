// Compare by id (edit/map_diff.h) and the change record (edit/map_change.h):
// applying diff(A, B) to A gives B, on every pair of templates and on random
// edits; moves are counted as moves; the change list is one undo step.
#include <catch2/catch.hpp>

#include <random>

#include "edit/history.h"
#include "edit/map_change.h"
#include "edit/map_diff.h"
#include "io/map_json.h"
#include "io/templates.h"
#include "support/large_map.h"

using namespace jm;
using nlohmann::json;

namespace {

Map load(const char* text) {
    LoadResult r = load_map_json(text);
    REQUIRE(r.ok());
    return *r.map;
}

// A applied with diff(A, B), bookkeeping taken from B (diff leaves it alone).
Map patched(const Map& a, const Map& b, const MapDiff& d) {
    Map m = a;
    const std::size_t applied = apply_change_list(m, d.changes);
    CHECK(applied == d.changes.size());
    m.id = b.id;
    m.created = b.created;
    m.modified = b.modified;
    m.lineage = b.lineage;
    return m;
}

Map small_map() {
    Map m;
    m.id = "m";
    m.title = "Workshop";
    m.lanes = default_lanes();
    m.personas.push_back(Persona{.id = "p1", .name = "CFO"});
    for (const char* s : {"s1", "s2", "s3"}) m.stages.push_back(Stage{.id = s, .name = std::string("Stage ") + s});
    for (const char* t : {"a", "b", "c", "d", "e"})
        m.stages[0].touchpoints.push_back(Touchpoint{.id = t, .title = std::string("Card ") + t});
    m.stages[1].touchpoints.push_back(Touchpoint{.id = "f", .title = "Card f"});
    m.stages[1].kpis.push_back(Kpi{.id = "k1", .name = "SQLs", .current = 12});
    return m;
}

Touchpoint* card(Map& m, const std::string& id) { return find_touchpoint(m, id); }

// Random edits of every kind the change record describes.
void random_edits(Map& m, std::mt19937& rng, int count) {
    auto pick = [&](int n) { return n <= 0 ? 0 : std::uniform_int_distribution<int>(0, n - 1)(rng); };
    static int serial = 0;
    for (int e = 0; e < count; ++e) {
        const int op = pick(14);
        if (m.stages.empty()) m.stages.push_back(Stage{.id = "st-new-" + std::to_string(++serial), .name = "New"});
        Stage& s = m.stages[pick(static_cast<int>(m.stages.size()))];
        auto& tps = s.touchpoints;
        switch (op) {
            case 0:
                if (!tps.empty()) tps[pick(static_cast<int>(tps.size()))].title += " (edited)";
                break;
            case 1:
                if (!tps.empty()) {   // move a card to a random stage and place
                    const int i = pick(static_cast<int>(tps.size()));
                    Touchpoint t = tps[i];
                    tps.erase(tps.begin() + i);
                    Stage& to = m.stages[pick(static_cast<int>(m.stages.size()))];
                    to.touchpoints.insert(to.touchpoints.begin() + pick(static_cast<int>(to.touchpoints.size()) + 1), t);
                }
                break;
            case 2:
                if (!tps.empty()) tps.erase(tps.begin() + pick(static_cast<int>(tps.size())));
                break;
            case 3: {
                Touchpoint t{.id = "tp-new-" + std::to_string(++serial), .title = "New card"};
                t.friction = pick(6);
                t.survey.nps[pick(11)] = 3;
                tps.insert(tps.begin() + pick(static_cast<int>(tps.size()) + 1), t);
                break;
            }
            case 4: {
                const int i = pick(static_cast<int>(m.stages.size()));
                Stage moved = std::move(m.stages[i]);
                m.stages.erase(m.stages.begin() + i);
                m.stages.insert(m.stages.begin() + pick(static_cast<int>(m.stages.size()) + 1), std::move(moved));
                break;
            }
            case 5:
                if (m.stages.size() > 1) m.stages.erase(m.stages.begin() + pick(static_cast<int>(m.stages.size())));
                break;
            case 6: {
                Stage n{.id = "st-new-" + std::to_string(++serial), .name = "Added stage", .goal = "Grow"};
                n.touchpoints.push_back(Touchpoint{.id = "tp-new-" + std::to_string(++serial), .title = "In new stage"});
                m.stages.insert(m.stages.begin() + pick(static_cast<int>(m.stages.size()) + 1), n);
                break;
            }
            case 7:
                if (pick(2) == 0 || m.personas.empty())
                    m.personas.insert(m.personas.begin() + pick(static_cast<int>(m.personas.size()) + 1),
                                      Persona{.id = "pe-new-" + std::to_string(++serial), .name = "Champion"});
                else if (pick(2) == 0)
                    std::rotate(m.personas.begin(), m.personas.begin() + 1, m.personas.end());
                else
                    m.personas[pick(static_cast<int>(m.personas.size()))].goals = "Changed goals";
                break;
            case 8:
                if (!tps.empty()) {
                    Touchpoint& t = tps[pick(static_cast<int>(tps.size()))];
                    t.survey.csat[pick(5)] += 4;
                    t.survey.ces_scale = 5;
                    t.survey.ces = {1, 2, 3, 4, 5};
                    if (pick(2)) t.survey_previous = Survey{};
                }
                if (pick(2)) s.survey = Survey{.ces_scale = 5};
                else s.survey_previous.reset();
                break;
            case 9:
                if (!tps.empty()) tps[0].unknown["x-colour"] = pick(2) ? "\"teal\"" : "{\"a\":1,\"b\":[2,3]}";
                m.unknown["x-team"] = "\"blue\"";
                s.handoff.unknown["x-sla"] = "48";
                break;
            case 10:
                if (!s.kpis.empty() && pick(2)) {
                    Kpi k = s.kpis.back();
                    s.kpis.pop_back();
                    Stage& to = m.stages[pick(static_cast<int>(m.stages.size()))];
                    to.kpis.insert(to.kpis.begin(), k);
                } else {
                    s.kpis.push_back(Kpi{.id = "kpi-new-" + std::to_string(++serial), .name = "NPS", .target = 40});
                }
                break;
            case 11:
                if (m.period_previous) m.period_previous.reset();
                else m.period_previous = Period{.label = "2026-Q2", .customers_start = 100};
                m.period.cac = pick(1000);
                break;
            case 12:
                if (m.lanes.size() > 2) std::rotate(m.lanes.begin(), m.lanes.begin() + 2, m.lanes.end());
                else m.lanes = default_lanes();
                if (pick(2)) m.lanes.push_back(Lane::Backstage);
                break;
            case 13:
                m.title += "!";
                m.card_detail = m.card_detail == CardDetail::Full ? CardDetail::Compact : CardDetail::Full;
                break;
        }
        // Lanes are a set: keep each once.
        std::vector<Lane> lanes;
        for (Lane l : m.lanes)
            if (std::find(lanes.begin(), lanes.end(), l) == lanes.end()) lanes.push_back(l);
        m.lanes = lanes;
    }
}

}  // namespace

TEST_CASE("diff: a map compared with itself has no changes", "[diff]") {
    for (const auto& t : embedded_templates()) {
        const Map m = load(t.json);
        const MapDiff d = diff(m, m);
        CHECK(d.equal());
        CHECK(d.counts.total() == 0);
    }
}

TEST_CASE("diff: applying diff(A, B) to A gives B for every pair of templates", "[diff]") {
    std::vector<Map> maps;
    for (const auto& t : embedded_templates()) maps.push_back(load(t.json));
    for (std::size_t i = 0; i < maps.size(); ++i) {
        for (std::size_t j = 0; j < maps.size(); ++j) {
            const MapDiff d = diff(maps[i], maps[j]);
            CHECK(patched(maps[i], maps[j], d) == maps[j]);
            CHECK(d.equal() == (i == j || patched(maps[i], maps[j], MapDiff{}) == maps[j]));
        }
    }
}

TEST_CASE("diff: applying diff(A, B) to A gives B after random edits of every kind", "[diff]") {
    std::mt19937 rng(7);
    const Map base = load(embedded_templates().front().json);
    for (int round = 0; round < 200; ++round) {
        Map a = base, b = base;
        random_edits(a, rng, round % 5);
        b = a;
        random_edits(b, rng, 1 + round % 12);
        const MapDiff d = diff(a, b);
        REQUIRE(patched(a, b, d) == b);
        // And back: the change list is exact both ways.
        REQUIRE(patched(b, a, diff(b, a)) == a);
    }
}

TEST_CASE("diff: one card moved is one move, a card in another stage is a move", "[diff]") {
    const Map a = small_map();
    Map b = a;
    // e moved to the front of its stage: one move, not four.
    std::rotate(b.stages[0].touchpoints.begin(), b.stages[0].touchpoints.begin() + 4, b.stages[0].touchpoints.end());
    MapDiff d = diff(a, b);
    REQUIRE(d.changes.size() == 1);
    CHECK(d.changes[0].op == ChangeOp::Move);
    CHECK(d.changes[0].id == "e");
    CHECK(d.changes[0].prev_id == "");
    CHECK(d.counts.touchpoints.moved == 1);

    b = a;
    Touchpoint c = *card(b, "c");
    b.stages[0].touchpoints.erase(b.stages[0].touchpoints.begin() + 2);
    b.stages[2].touchpoints.push_back(c);
    d = diff(a, b);
    REQUIRE(d.changes.size() == 1);
    CHECK(d.changes[0].op == ChangeOp::Move);
    CHECK(d.changes[0].from_parent == "s1");
    CHECK(d.changes[0].parent == "s3");
    CHECK(d.counts.touchpoints == KindCounts{.moved = 1});
}

TEST_CASE("diff: fields are compared one by one with the format's key names", "[diff]") {
    const Map a = small_map();
    Map b = a;
    card(b, "a")->title = "Demo call";
    card(b, "a")->friction = 4;
    card(b, "b")->survey.nps[10] = 7;
    b.stages[1].handoff.agreement = "Answer in 24 h";
    b.stages[1].kpis[0].target = 20;
    b.personas[0].firmographics.region = "LATAM";
    b.period.customers_start = 120;
    b.title = "Workshop (merged)";
    const MapDiff d = diff(a, b);
    std::vector<std::string> fields;
    for (const auto& c : d.changes) {
        CHECK(c.op == ChangeOp::Set);
        fields.push_back(std::string(entity_kind_key(c.kind)) + ":" + c.id + ":" + c.field);
    }
    CHECK(fields == std::vector<std::string>{"map::title", "period:period:customers_start", "persona:p1:firmographics.region",
                                             "stage:s2:handoff.agreement", "kpi:k1:target", "touchpoint:a:title",
                                             "touchpoint:a:friction", "touchpoint:b:survey.nps"});
    CHECK(d.changes[5].old_value == "Card a");
    CHECK(d.changes[5].new_value == "Demo call");
    CHECK(d.counts.touchpoints.changed == 2);
    CHECK(d.counts.surveys.changed == 1);
    CHECK(d.counts.periods.changed == 1);
    CHECK(d.counts.map.changed == 1);
    CHECK(d.counts.kpis.changed == 1);
    CHECK(d.counts.personas.changed == 1);
    CHECK(d.counts.stages.changed == 1);
}

TEST_CASE("diff: a removed stage counts its cards, added ones carry their fields", "[diff]") {
    const Map a = small_map();
    Map b = a;
    b.stages.erase(b.stages.begin());
    b.stages.push_back(Stage{.id = "s4", .name = "Advocacy"});
    b.stages.back().touchpoints.push_back(Touchpoint{.id = "g", .title = "Referral", .friction = 2});
    const MapDiff d = diff(a, b);
    CHECK(d.counts.stages == KindCounts{.added = 1, .removed = 1});
    CHECK(d.counts.touchpoints == KindCounts{.added = 1, .removed = 5});
    bool found = false;
    for (const auto& c : d.changes) {
        if (c.op == ChangeOp::Add && c.id == "g") {
            found = true;
            CHECK(c.parent == "s4");
            CHECK(c.new_value["friction"] == 2);
            CHECK(c.new_value["title"] == "Referral");
        }
    }
    CHECK(found);
    CHECK(patched(a, b, d) == b);
    // As JSON: parses back to the same changes.
    const json j = diff_to_json(d);
    CHECK(j["equal"] == false);
    CHECK(j["counts"]["touchpoints"]["removed"] == 5);
    for (std::size_t i = 0; i < d.changes.size(); ++i) CHECK(change_from_json(j["changes"][i]) == d.changes[i]);
}

TEST_CASE("diff: a bad field value is refused and changes nothing", "[diff]") {
    Map m = small_map();
    const Map before = m;
    Touchpoint& t = *card(m, "a");
    CHECK_FALSE(set_field(t, "friction", 9));
    CHECK_FALSE(set_field(t, "friction", "high"));
    CHECK_FALSE(set_field(t, "survey.nps", json::array({1, 2})));
    CHECK_FALSE(set_field(t, "survey.ces", json{{"ces_scale", 5}, {"ces", {1, 2, 3}}}));
    CHECK_FALSE(set_field(t, "survey", json::object()));
    CHECK_FALSE(set_field(m.stages[0], "touchpoints", json::array()));
    CHECK(m == before);
    CHECK(set_field(t, "x-colour", "teal"));
    CHECK(t.unknown.at("x-colour") == "\"teal\"");
    CHECK(set_field(t, "x-colour", nullptr));
    CHECK(t.unknown.empty());
}

TEST_CASE("diff: the change list is one undo step, undo and redo give each map exactly", "[diff][edit]") {
    std::mt19937 rng(11);
    const Map start = jm::testing::make_large_map({.stages = 6, .touchpoints = 300, .personas = 5});
    for (int round = 0; round < 40; ++round) {
        Map target = start;
        random_edits(target, rng, 1 + round % 15);
        Map m = start;
        History h;
        MapDiff d = diff(m, target);
        h.execute(m, apply_changes(m, d.changes, "Merge 3 files"));
        Map expected = target;
        expected.id = start.id;
        expected.created = start.created;
        expected.modified = start.modified;
        REQUIRE(m == expected);
        if (d.equal()) {
            CHECK(h.size() == 0);
            continue;
        }
        REQUIRE(h.size() == 1);
        CHECK(h.undo_label() == "Merge 3 files");
        REQUIRE(h.undo(m));
        REQUIRE(m == start);
        REQUIRE(h.redo(m));
        REQUIRE(m == expected);
        REQUIRE(h.undo(m));
        REQUIRE(m == start);
    }
}
