#include <catch2/catch.hpp>

#include "support/large_map.h"
#include "ui/core/canvas_layout.h"
#include "ui/core/find.h"
#include "ui/core/selection.h"

using namespace jm;
using namespace jm::ui;

namespace {

// Three stages with 2, 0 and 3 cards.
Map small_map() {
    Map m;
    m.id = "m";
    m.title = "Small";
    const int counts[] = {2, 0, 3};
    for (int s = 0; s < 3; ++s) {
        Stage st{.id = "s" + std::to_string(s), .name = "Stage " + std::to_string(s)};
        for (int i = 0; i < counts[s]; ++i)
            st.touchpoints.push_back(Touchpoint{.id = "t" + std::to_string(s) + std::to_string(i), .title = "Card"});
        m.stages.push_back(st);
    }
    m.stages[2].touchpoints[1].title = "Contrato de licença";
    m.stages[2].touchpoints[2].pains = {"决策 slow"};
    return m;
}

const std::vector<Lane> kLanes = {Lane::Touchpoints, Lane::Emotion, Lane::Pains};

}  // namespace

TEST_CASE("view maps world to screen and back, zooming about the pointer", "[ui][layout]") {
    View v;
    v.offset = {100, 50};
    v.zoom = 2.0f;
    Vec2 origin{10, 20};
    // screen = origin + (world - offset) * zoom = (10 + (150-100)*2, 20 + (60-50)*2) = (110, 40)
    REQUIRE(v.to_screen(Vec2{150, 60}, origin) == Vec2{110, 40});
    REQUIRE(v.to_world(Vec2{110, 40}, origin) == Vec2{150, 60});

    Vec2 pointer{310, 220};
    Vec2 before = v.to_world(pointer, origin);  // (100 + 300/2, 50 + 200/2) = (250, 150)
    REQUIRE(before == Vec2{250, 150});
    v.zoom_at(pointer, origin, 0.5f);
    REQUIRE(v.zoom == Approx(1.0f));
    Vec2 after = v.to_world(pointer, origin);
    REQUIRE(after.x == Approx(250));
    REQUIRE(after.y == Approx(150));

    v.zoom_at(pointer, origin, 1000.0f);
    REQUIRE(v.zoom == View::kMaxZoom);
    v.zoom_at(pointer, origin, 0.00001f);
    REQUIRE(v.zoom == View::kMinZoom);
}

TEST_CASE("fit shows all the content and never zooms past 100%", "[ui][layout]") {
    View v;
    v.fit(Rect{{0, 0}, {2000, 1000}}, Vec2{1048, 548}, 24);
    // (1048 - 48) / 2000 = 0.5 and (548 - 48) / 1000 = 0.5
    REQUIRE(v.zoom == Approx(0.5f));
    REQUIRE(v.visible_world({0, 0}, {1048, 548}).contains(Vec2{1999, 999}));
    v.fit(Rect{{0, 0}, {100, 100}}, Vec2{1000, 1000});
    REQUIRE(v.zoom == 1.0f);
}

TEST_CASE("pan moves the world opposite to the drag, scaled by zoom", "[ui][layout]") {
    View v;
    v.zoom = 2;
    v.pan_by_screen({40, -20});
    REQUIRE(v.offset == Vec2{-20, 10});
}

TEST_CASE("layout places columns, lanes and cards", "[ui][layout]") {
    Map m = small_map();
    LayoutMetrics k;
    CanvasLayout L(m, kLanes, k);
    REQUIRE(L.stage_count() == 3);
    REQUIRE(L.lanes().size() == 3);
    // Touchpoints lane: 2 * padding + 3 cards * (78 + 10) + add button 34 = 24 + 264 + 34 = 322
    REQUIRE(L.lanes()[0].top == k.header_height);
    REQUIRE(L.lanes()[0].bottom == Approx(k.header_height + 322));
    // Emotion has a fixed height of 180
    REQUIRE(L.lanes()[1].bottom - L.lanes()[1].top == Approx(180));
    // Stage 2's column starts after the label column and two stages: 150 + 2 * 272 = 694
    REQUIRE(L.stage_column(2).min.x == Approx(694));
    Rect c = L.card(2, 1);
    // x = 694 + (272 - 248) / 2 = 706; y = 96 + 12 + 1 * 88 = 196
    REQUIRE(c.min == Vec2{706, 196});
    REQUIRE(c.max == Vec2{706 + 248, 196 + 78});
    REQUIRE(L.lane_index(Lane::Pains) == 2);
    REQUIRE(L.lane_index(Lane::Backstage) == -1);
}

TEST_CASE("hit-testing finds headers, cards, add buttons and cells", "[ui][layout]") {
    Map m = small_map();
    CanvasLayout L(m, kLanes);
    Hit h = L.hit_test(L.card(2, 1).center());
    REQUIRE(h.kind == HitKind::Card);
    REQUIRE(h.stage == 2);
    REQUIRE(h.index == 1);
    REQUIRE(L.hit_test(L.stage_header(1).center()).kind == HitKind::StageHeader);
    REQUIRE(L.hit_test(L.stage_header(1).center()).stage == 1);
    Hit add = L.hit_test(L.add_card_button(0).center());
    REQUIRE(add.kind == HitKind::AddCard);
    REQUIRE(add.stage == 0);
    // Stage 1 has no cards: the same spot is an empty cell.
    Vec2 empty = {L.card(1, 1).center().x, L.card(1, 1).center().y};
    REQUIRE(L.hit_test(empty).kind == HitKind::Cell);
    // The gap between two cards is the cell, not a card.
    Vec2 gap = {L.card(2, 0).center().x, L.card(2, 0).max.y + 5};
    REQUIRE(L.hit_test(gap).kind == HitKind::Cell);
    REQUIRE(L.hit_test(L.add_stage_button().center()).kind == HitKind::AddStage);
    REQUIRE(L.hit_test(Vec2{20, 300}).kind == HitKind::None);  // lane label column
}

TEST_CASE("drop targets insert before the card under the pointer's upper half", "[ui][layout]") {
    Map m = small_map();
    CanvasLayout L(m, kLanes);
    Rect c1 = L.card(2, 1);
    DropTarget upper = L.drop_target({c1.center().x, c1.min.y + 10});
    REQUIRE(upper.stage == 2);
    REQUIRE(upper.index == 1);
    DropTarget lower = L.drop_target({c1.center().x, c1.max.y - 10});
    REQUIRE(lower.index == 2);
    DropTarget far_below = L.drop_target({c1.center().x, 5000});
    REQUIRE(far_below.index == 3);
    DropTarget empty_stage = L.drop_target({L.stage_column(1).center().x, c1.min.y});
    REQUIRE(empty_stage.stage == 1);
    REQUIRE(empty_stage.index == 0);
    // Stage reordering: the nearest column boundary.
    REQUIRE(L.stage_insert_index(L.stage_column(0).min.x + 10) == 0);
    REQUIRE(L.stage_insert_index(L.stage_column(0).max.x - 10) == 1);
    REQUIRE(L.stage_insert_index(99999) == 3);
}

TEST_CASE("rubber band selects the cards it touches", "[ui][layout]") {
    Map m = small_map();
    CanvasLayout L(m, kLanes);
    Rect band = Rect::from_corners(L.card(2, 2).center(), L.card(0, 1).center());
    auto ids = L.cards_in(band, m);
    REQUIRE(ids == std::vector<std::string>{"t01", "t21", "t22"});
}

TEST_CASE("visible_cards culls a 10,000-card stage to what the viewport shows", "[ui][layout]") {
    Map m = testing::make_large_map({.stages = 1, .touchpoints = 10000, .personas = 2});
    CanvasLayout L(m, {Lane::Touchpoints});
    auto [first, last] = L.visible_cards(0, 50000, 50800);
    REQUIRE(last - first <= 11);
    REQUIRE(L.card(0, first).max.y > 50000);
    REQUIRE(L.card(0, last - 1).min.y < 50800);
}

TEST_CASE("selection by id: click, toggle, extend, prune", "[ui][selection]") {
    Map m = small_map();
    Selection sel;
    sel.select_touchpoint("t00");
    REQUIRE(sel.has_touchpoint("t00"));
    sel.toggle_touchpoint("t20");
    REQUIRE(sel.touchpoints().size() == 2);
    sel.toggle_touchpoint("t00");
    REQUIRE(sel.touchpoints() == std::vector<std::string>{"t20"});
    sel.select_touchpoint("t01");
    sel.extend_to(m, "t21");   // journey order: t01, t20, t21
    REQUIRE(sel.touchpoints() == std::vector<std::string>{"t01", "t20", "t21"});
    REQUIRE(sel.focus() == "t01");
    m.stages[2].touchpoints.erase(m.stages[2].touchpoints.begin());  // t20 deleted
    sel.prune(m);
    REQUIRE(sel.touchpoints() == std::vector<std::string>{"t01", "t21"});
    sel.select_stage("s1");
    REQUIRE(sel.kind() == SelectionKind::Stage);
    m.stages.erase(m.stages.begin() + 1);
    sel.prune(m);
    REQUIRE(sel.empty());
}

TEST_CASE("arrow keys move between cards, skipping empty stages", "[ui][selection]") {
    Map m = small_map();
    REQUIRE(neighbour_card(m, "t00", Direction::Down) == "t01");
    REQUIRE(neighbour_card(m, "t01", Direction::Down) == "");
    REQUIRE(neighbour_card(m, "t01", Direction::Right) == "t21");  // stage 1 is empty
    REQUIRE(neighbour_card(m, "t22", Direction::Left) == "t01");    // clamped to the last card
    REQUIRE(neighbour_card(m, "t00", Direction::Left) == "");
    REQUIRE(neighbour_card(m, "missing", Direction::Up) == "");
}

TEST_CASE("find matches every text field, ASCII case-insensitively", "[ui][find]") {
    Map m = small_map();
    auto hits = find_text(m, "CONTRATO");
    REQUIRE(hits.size() == 1);
    REQUIRE(hits[0].id == "t21");
    REQUIRE(hits[0].field == "title");
    auto zh = find_text(m, "决策");
    REQUIRE(zh.size() == 1);
    REQUIRE(zh[0].field == "pains");
    REQUIRE(find_text(m, "stage").size() == 3);
    REQUIRE(find_text(m, "").empty());
    REQUIRE(find_text(m, "card", 2).size() == 2);
    REQUIRE_FALSE(contains_text("Licença", "LICENÇA"));  // non-ASCII letters match exactly
    REQUIRE(contains_text("Licença", "LICENç"));
}
