// Compare mode's model (ui/core/comparison.h): the open map against a file,
// marks per card and stage by index, ghosts placed where the removed items
// were, the Compare list's rows in the map's order, the status bar's counts,
// and the layout's room for ghosts (ui/core/canvas_layout.h).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <random>
#include <unordered_set>

#include "edit/commands.h"
#include "edit/history.h"
#include "i18n/i18n.h"
#include "support/large_map.h"
#include "ui/core/canvas_layout.h"
#include "ui/core/comparison.h"

using namespace jm;
using jm::ui::CompareGroup;
using jm::ui::Comparison;

namespace {

Touchpoint card(const char* id) { return Touchpoint{.id = id, .title = std::string("Card ") + id}; }

// The file: three stages, cards a b c d | e f | x y, a KPI, a persona.
Map file_map() {
    Map m;
    m.id = "m";
    m.title = "Onboarding";
    m.lanes = default_lanes();
    m.stages.push_back(Stage{.id = "s1", .name = "Aware"});
    m.stages.push_back(Stage{.id = "s2", .name = "Buy"});
    m.stages.push_back(Stage{.id = "s3", .name = "Use"});
    for (const char* t : {"a", "b", "c", "d"}) m.stages[0].touchpoints.push_back(card(t));
    for (const char* t : {"e", "f"}) m.stages[1].touchpoints.push_back(card(t));
    for (const char* t : {"x", "y"}) m.stages[2].touchpoints.push_back(card(t));
    m.stages[1].kpis.push_back(Kpi{.id = "k1", .name = "Win rate", .current = 20.0});
    m.personas.push_back(Persona{.id = "p1", .name = "Buyer"});
    return m;
}

int index_in(const Stage& s, const std::string& id) {
    for (int i = 0; i < static_cast<int>(s.touchpoints.size()); ++i)
        if (s.touchpoints[i].id == id) return i;
    return -1;
}

const ui::Ghost* ghost(const Comparison& c, const std::string& id) {
    for (const auto& g : c.ghosts())
        if (g.id == id) return &g;
    return nullptr;
}

}  // namespace

TEST_CASE("comparison: a map compared with itself marks nothing", "[compare]") {
    const Map m = file_map();
    Comparison c("same.json", m);
    REQUIRE(c.update(m, 1));
    CHECK(c.equal());
    CHECK(c.rows().empty());
    CHECK(c.ghosts().empty());
    CHECK(c.ghost_plan().empty());
    for (int s = 0; s < 3; ++s) {
        CHECK(c.stage_mark(s) == ui::kMarkNone);
        for (int i = 0; i < 4; ++i) CHECK(c.card_mark(s, i) == ui::kMarkNone);
    }
    CHECK(ui::counts_text(c.diff().counts) == "No differences");
    const auto t = c.totals();
    CHECK(t.added + t.removed + t.moved + t.changed == 0);
}

TEST_CASE("comparison: added, moved, changed and removed cards, each where it is", "[compare]") {
    const Map file = file_map();
    Map open = file;
    open.stages[0].touchpoints.push_back(card("n"));                           // added at the end of Aware
    Touchpoint b = open.stages[0].touchpoints[1];
    open.stages[0].touchpoints.erase(open.stages[0].touchpoints.begin() + 1);  // b moves to Buy, first
    open.stages[1].touchpoints.insert(open.stages[1].touchpoints.begin(), b);
    find_touchpoint(open, "c")->title = "Card c, renamed";
    find_touchpoint(open, "c")->friction = 4;
    std::erase_if(open.stages[0].touchpoints, [](const Touchpoint& t) { return t.id == "d"; });   // removed
    // Aware is now a c n; Buy is b e f.

    Comparison c("before.json", file);
    REQUIRE(c.update(open, 7));
    CHECK(c.revision() == 7);
    CHECK(c.card_mark(0, index_in(open.stages[0], "n")) == ui::kMarkAdded);
    CHECK(c.card_mark(1, 0) == ui::kMarkMoved);
    CHECK(c.card_mark(0, index_in(open.stages[0], "c")) == ui::kMarkChanged);
    CHECK(c.card_mark(0, 0) == ui::kMarkNone);
    CHECK(c.card_mark(1, 1) == ui::kMarkNone);   // e kept its place among the cards that stayed
    CHECK(c.card_mark(0, 99) == ui::kMarkNone);
    CHECK(c.card_mark(9, 0) == ui::kMarkNone);

    const ui::EntityDiff* moved = c.entity(EntityKind::Touchpoint, "b");
    REQUIRE(moved);
    CHECK(moved->from_stage == "s1");
    CHECK(moved->from_index == 1);
    const ui::EntityDiff* changed = c.entity(EntityKind::Touchpoint, "c");
    REQUIRE(changed);
    REQUIRE(changed->fields.size() == 2);
    CHECK(changed->fields[0].key == "title");
    CHECK(changed->fields[0].file_value == "Card c");
    CHECK(changed->fields[0].map_value == "Card c, renamed");
    CHECK(changed->fields[1].key == "friction");
    CHECK(changed->fields[1].map_value == 4);
    CHECK_FALSE(c.entity(EntityKind::Touchpoint, "a"));

    // d was after c in the file: its ghost goes after c, before n.
    const ui::Ghost* d = ghost(c, "d");
    REQUIRE(d);
    CHECK(d->name == "Card d");
    CHECK(d->stage == "s1");
    CHECK(d->file_index == 3);
    REQUIRE(d->card == 0);
    REQUIRE(c.ghost_plan().cards.size() == 1);
    CHECK(c.ghost_plan().cards[0] == ui::GhostPlan::Card{0, index_in(open.stages[0], "c") + 1});
    CHECK(c.ghost_of_card(0) == d);
    CHECK(c.ghost_plan().columns == 0);

    CHECK(ui::kind_counts_text(c.diff().counts.touchpoints) == "+1 -1 ~1 moved 1");
    CHECK(ui::counts_text(c.diff().counts) == "Cards: +1 -1 ~1 moved 1");
    const auto t = c.totals();
    CHECK(t.added == 1);
    CHECK(t.removed == 1);
    CHECK(t.moved == 1);
    CHECK(t.changed == 1);

    // The list: cards in the map's order, the ghost just before the card it precedes.
    std::vector<std::string> ids;
    REQUIRE(c.rows().size() == 5);
    CHECK(c.rows()[0].heading());
    for (const auto& r : c.rows()) {
        CHECK(r.group == CompareGroup::Cards);
        if (!r.heading()) ids.push_back(r.entity >= 0 ? c.entities()[r.entity].id : c.ghosts()[r.ghost].id);
    }
    CHECK(ids == std::vector<std::string>{"c", "d", "n", "b"});
    CHECK(c.group_size(CompareGroup::Cards) == 4);
    CHECK(c.group_size(CompareGroup::Stages) == 0);
}

TEST_CASE("comparison: a removed stage gets a ghost column with its removed cards", "[compare]") {
    const Map file = file_map();
    Map open = file;
    Touchpoint x = open.stages[2].touchpoints[0];
    open.stages[0].touchpoints.push_back(x);   // x leaves Use for Aware, then Use goes with y
    open.stages.pop_back();

    Comparison c("before.json", file);
    c.update(open, 1);
    REQUIRE(c.ghost_plan().columns == 1);
    const ui::Ghost* column = c.ghost_of_column(0);
    REQUIRE(column);
    CHECK(column->kind == EntityKind::Stage);
    CHECK(column->id == "s3");
    CHECK(column->name == "Use");
    CHECK(column->file_index == 2);
    const ui::Ghost* y = ghost(c, "y");
    REQUIRE(y);
    CHECK(y->column == 0);
    REQUIRE(y->card >= 0);
    CHECK(c.ghost_plan().cards[y->card].stage == 2 + 0);   // stage_count() + column
    CHECK_FALSE(ghost(c, "x"));
    const ui::EntityDiff* moved = c.entity(EntityKind::Touchpoint, "x");
    REQUIRE(moved);
    CHECK(moved->marks == ui::kMarkMoved);
    CHECK(moved->from_stage == "s3");
    CHECK(c.card_mark(0, 4) == ui::kMarkMoved);
    CHECK(c.group_size(CompareGroup::Stages) == 1);
    CHECK(ui::counts_text(c.diff().counts) == "Stages: -1 | Cards: -1 moved 1");
}

TEST_CASE("comparison: stages, KPIs, surveys, personas, business figures and map fields", "[compare]") {
    const Map file = file_map();
    Map open = file;
    open.stages[0].name = "Awareness";
    open.stages.insert(open.stages.begin() + 1, Stage{.id = "s9", .name = "Consider"});
    open.stages[2].kpis[0].current = 25.0;                                     // Buy's KPI changed
    open.stages[2].kpis.push_back(Kpi{.id = "k2", .name = "Cycle time"});     // and one added
    find_touchpoint(open, "e")->survey.nps[10] = 3;
    open.personas.clear();
    open.personas.push_back(Persona{.id = "p2", .name = "Champion"});
    open.title = "Onboarding v2";
    open.currency = "EUR";
    open.period.revenue_start = 1000.0;

    Comparison c("before.json", file);
    c.update(open, 1);
    CHECK(c.stage_mark(0) == ui::kMarkChanged);
    CHECK(c.stage_mark(1) == ui::kMarkAdded);
    CHECK(c.stage_mark(2) == ui::kMarkKpis);
    CHECK(c.stage_mark(3) == ui::kMarkNone);
    const auto* kpis = c.kpis_of("s2");
    REQUIRE(kpis);
    CHECK(kpis->entities.size() == 2);
    CHECK(kpis->ghosts.empty());
    CHECK_FALSE(c.kpis_of("s1"));
    CHECK(c.card_mark(2, 0) == ui::kMarkChanged);   // e: its survey

    std::vector<CompareGroup> groups;
    for (const auto& r : c.rows())
        if (r.heading()) groups.push_back(r.group);
    CHECK(groups == std::vector<CompareGroup>{CompareGroup::Stages, CompareGroup::Cards, CompareGroup::Kpis, CompareGroup::Surveys,
                                              CompareGroup::Personas, CompareGroup::BusinessFigures, CompareGroup::MapFields});
    CHECK(c.group_size(CompareGroup::Stages) == 2);
    CHECK(c.group_size(CompareGroup::Personas) == 2);   // p2 added, p1's ghost
    CHECK(c.group_size(CompareGroup::MapFields) == 2);  // one row per field: title, currency
    CHECK(c.group_size(CompareGroup::BusinessFigures) == 1);
    for (const auto& r : c.rows()) {
        if (r.group != CompareGroup::MapFields || r.heading()) continue;
        REQUIRE(r.entity >= 0);
        CHECK(r.field >= 0);
    }
    const ui::EntityDiff* period = c.entity(EntityKind::Period, "period");
    REQUIRE(period);
    REQUIRE(period->fields.size() == 1);
    CHECK(period->fields[0].key == "revenue_start");
    CHECK(period->fields[0].file_value.is_null());
    CHECK(period->fields[0].map_value == 1000.0);
    CHECK(ghost(c, "p1"));
    CHECK(ui::counts_text(c.diff().counts) ==
          "Stages: +1 ~1 | Cards: ~1 | KPIs: +1 ~1 | Surveys: ~1 | Personas: +1 -1 | Business figures: ~1 | Map fields: ~2");
}

TEST_CASE("comparison: edits while comparing update it, once per revision", "[compare]") {
    const Map file = file_map();
    Map open = file;
    History h;
    Comparison c("before.json", file);
    REQUIRE(c.update(open, h.revision()));
    CHECK(c.equal());
    CHECK_FALSE(c.update(open, h.revision()));   // the same revision: nothing to do

    h.execute(open, delete_touchpoints(open, {"b"}));
    REQUIRE(c.update(open, h.revision()));
    REQUIRE(ghost(c, "b"));
    CHECK(c.ghost_plan().cards == std::vector<ui::GhostPlan::Card>{{0, 1}});   // after a, before c

    Touchpoint t = *find_touchpoint(open, "a");
    t.title = "Renamed";
    h.execute(open, set_touchpoint(open, t, "title", ""));
    REQUIRE(c.update(open, h.revision()));
    CHECK(c.card_mark(0, 0) == ui::kMarkChanged);

    h.undo(open);
    h.undo(open);
    REQUIRE(c.update(open, h.revision()));
    CHECK(c.equal());
    CHECK(c.ghost_plan().empty());
    CHECK(c.card_mark(0, 0) == ui::kMarkNone);
}

TEST_CASE("layout: ghosts take room between the cards, which keep their indexes", "[compare][layout]") {
    Map m = file_map();   // Aware: a b c d
    ui::CanvasLayout plain(m, m.lanes);
    ui::CanvasLayout with;
    ui::GhostPlan plan;
    plan.cards = {{0, 2}, {0, 2}, {1, 99}, {3, 0}};   // two before c, one after Buy's last (clamped), one in the column
    plan.columns = 1;
    with.set_ghosts(plan);
    static const ui::FixedWidthMetric metric;
    with.rebuild(m, m.lanes, {}, metric);

    const ui::Rect b = with.card(0, 1), c = with.card(0, 2);
    const ui::Rect g0 = with.ghost_card(0), g1 = with.ghost_card(1);
    CHECK(g0.min.y > b.max.y);
    CHECK(g1.min.y > g0.max.y);
    CHECK(c.min.y > g1.max.y);
    CHECK(c.height() == plain.card(0, 2).height());
    CHECK(c.min.y - plain.card(0, 2).min.y == Approx(2 * (with.metrics().card_height + with.metrics().card_gap)));
    CHECK(with.card(0, 0).min.y == plain.card(0, 0).min.y);

    // A pointer on a ghost is on no card; the cards around it are found as before.
    const ui::Hit on_ghost = with.hit_test(g0.center());
    CHECK(on_ghost.kind != ui::HitKind::Card);
    const ui::Hit on_c = with.hit_test(c.center());
    CHECK(on_c.kind == ui::HitKind::Card);
    CHECK(on_c.index == 2);
    CHECK(with.drop_target(c.center() - ui::Vec2{0, c.height() / 4}).index == 2);
    CHECK(with.visible_cards(0, g0.min.y, g1.max.y) == std::pair<int, int>{2, 2});

    // Buy's ghost goes after its last card (the plan's index was out of range); the column's after the "+".
    CHECK(with.ghost_card(2).min.y > with.card(1, 1).max.y);
    CHECK(with.add_card_button(1).min.y > with.ghost_card(2).max.y);
    CHECK(with.ghost_columns() == 1);
    CHECK(with.ghost_column(0).min.x >= with.add_stage_button().max.x);
    CHECK(with.content().max.x == Approx(with.ghost_column(0).max.x));
    CHECK(with.ghost_card(3).min.x > with.ghost_column(0).min.x);
    CHECK(with.ghost_card(3).max.x < with.ghost_column(0).max.x);

    auto [first, last] = with.visible_ghosts(0, 0, 1e6f);
    REQUIRE(last - first == 2);
    CHECK(with.ghost_at(first) == 0);
    CHECK(with.ghost_at(first + 1) == 1);
    auto [cf, cl] = with.visible_ghosts(3, 0, 1e6f);   // the column, at stage_count() + 0
    REQUIRE(cl - cf == 1);
    CHECK(with.ghost_at(cf) == 3);
    CHECK(with.visible_ghosts(0, c.min.y, c.max.y).first == with.visible_ghosts(0, c.min.y, c.max.y).second);

    // Without a plan the layout is the plain one again.
    with.set_ghosts({});
    with.rebuild(m, m.lanes, {}, metric);
    CHECK(with.card(0, 2).min.y == plain.card(0, 2).min.y);
    CHECK(with.content().max.x == plain.content().max.x);
}

TEST_CASE("comparison: a 10,000-card map with a thousand edits", "[compare][scale]") {
    const Map file = jm::testing::make_large_map({.stages = 20, .touchpoints = 10000, .personas = 20});
    Map open = file;
    std::mt19937 rng(5);
    int made = 0;
    for (int k = 0; k < 1000; ++k) {
        Stage& s = open.stages[rng() % open.stages.size()];
        if (s.touchpoints.empty()) continue;
        const auto i = static_cast<long>(rng() % s.touchpoints.size());
        switch (k % 4) {
            case 0: s.touchpoints[i].title += " (edited)"; break;
            case 1: s.touchpoints.erase(s.touchpoints.begin() + i); break;
            case 2: s.touchpoints.insert(s.touchpoints.begin() + i, card(("new-" + std::to_string(++made)).c_str())); break;
            default: {
                Touchpoint t = s.touchpoints[i];
                s.touchpoints.erase(s.touchpoints.begin() + i);
                Stage& to = open.stages[rng() % open.stages.size()];
                to.touchpoints.insert(to.touchpoints.begin() + static_cast<long>(rng() % (to.touchpoints.size() + 1)), t);
            }
        }
    }
    auto ids = [](const Map& m) {
        std::unordered_set<std::string> out;
        for (const Stage& s : m.stages)
            for (const Touchpoint& t : s.touchpoints) out.insert(t.id);
        return out;
    };
    const auto in_file = ids(file), in_open = ids(open);
    int added = 0, removed = 0;
    for (const auto& id : in_open) added += !in_file.count(id);
    for (const auto& id : in_file) removed += !in_open.count(id);
    REQUIRE(added > 100);
    REQUIRE(removed > 100);
    Comparison c("large.json", file);
    const auto start = std::chrono::steady_clock::now();
    c.update(open, 1);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    WARN("comparing two 10,000-card maps: " << ms << " ms");
    const KindCounts& k = c.diff().counts.touchpoints;
    CHECK(k.added == added);
    CHECK(k.removed == removed);
    CHECK(static_cast<int>(c.ghost_plan().cards.size()) == k.removed);
    int marked_added = 0, marked = 0;
    for (int s = 0; s < static_cast<int>(open.stages.size()); ++s)
        for (int i = 0; i < static_cast<int>(open.stages[s].touchpoints.size()); ++i) {
            marked_added += (c.card_mark(s, i) & ui::kMarkAdded) != 0;
            marked += c.card_mark(s, i) != ui::kMarkNone;
        }
    CHECK(marked_added == added);
    CHECK(marked == k.added + k.moved + k.changed - static_cast<int>(std::count_if(c.entities().begin(), c.entities().end(), [](const ui::EntityDiff& e) {
                        return e.kind == EntityKind::Touchpoint && (e.marks & ui::kMarkMoved) && (e.marks & ui::kMarkChanged);
                    })));
    // Every ghost sits where the file had it: after the card before it that stayed.
    for (const ui::Ghost& g : c.ghosts()) {
        if (g.kind != EntityKind::Touchpoint) continue;
        REQUIRE(g.card >= 0);
        const ui::GhostPlan::Card at = c.ghost_plan().cards[g.card];
        const Stage& fs = *find_stage(file, g.stage);
        const Stage& os = open.stages[at.stage];
        REQUIRE(os.id == g.stage);
        if (at.before > 0) {
            const std::string& prev = os.touchpoints[at.before - 1].id;
            CHECK(index_in(fs, prev) < g.file_index);
        }
    }
}
