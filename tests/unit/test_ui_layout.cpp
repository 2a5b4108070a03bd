#include <catch2/catch.hpp>

#include "support/large_map.h"
#include "ui/core/canvas_layout.h"
#include "ui/core/find.h"
#include "ui/core/selection.h"
#include "ui/core/text_layout.h"

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
    // Touchpoints lane: 2 * padding + 3 one-line cards * (66 + 10) + add button 34 = 24 + 228 + 34 = 286
    REQUIRE(L.lanes()[0].top == k.header_height);
    REQUIRE(L.lanes()[0].bottom == Approx(k.header_height + 286));
    // Emotion has a fixed height of 180
    REQUIRE(L.lanes()[1].bottom - L.lanes()[1].top == Approx(180));
    // Stage 2's column starts after the label column and two stages: 150 + 2 * 272 = 694
    REQUIRE(L.stage_column(2).min.x == Approx(694));
    Rect c = L.card(2, 1);
    // x = 694 + (272 - 248) / 2 = 706; y = 96 + 12 + 1 * 76 = 184
    REQUIRE(c.min == Vec2{706, 184});
    REQUIRE(c.max == Vec2{706 + 248, 184 + 66});
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

// --- Wrapped text and variable heights ----------------------------------------
// The default CanvasLayout constructor wraps with a fixed-width metric: at the
// card font (17 px) a narrow character is 8.5 px, a CJK one 17 px. A card
// title's lines are 221 px wide (248 - 17 - 10), the first 24 px shorter (icon).

namespace {

std::string words(int n) {   // n five-letter words: "aaaaa bbbbb ..."
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + std::string(5, static_cast<char>('a' + i % 26));
    return s;
}

// Stage 0: one-line, 4-line and 2-line titles; stage 1: a long Chinese title.
Map wrapped_map() {
    Map m = small_map();
    m.stages[0].touchpoints[0].title = "Short";
    m.stages[0].touchpoints[1].title = words(16);   // 95 characters: 4 lines
    m.stages[0].touchpoints.push_back(Touchpoint{.id = "t02", .title = words(6)});   // 35 characters: 2 lines
    m.stages[1].touchpoints.push_back(Touchpoint{.id = "t10", .title = "客户在评估阶段需要与销售团队沟通产品集成方案并确认年度许可证价格"});
    return m;
}

}  // namespace

TEST_CASE("cards grow with their title's lines and stack without overlapping", "[ui][layout]") {
    Map m = wrapped_map();
    LayoutMetrics k;
    CanvasLayout L(m, kLanes, k);
    REQUIRE(L.card_title(0, 0).count == 1);
    REQUIRE(L.card_title(0, 1).count == 4);
    REQUIRE(L.card_title(0, 2).count == 2);
    REQUIRE(L.card(0, 0).height() == Approx(k.card_height));
    REQUIRE(L.card(0, 1).height() == Approx(k.card_height + 3 * k.line_height));
    REQUIRE(L.card(0, 2).height() == Approx(k.card_height + 1 * k.line_height));
    for (int i = 0; i + 1 < 3; ++i) REQUIRE(L.card(0, i + 1).min.y == Approx(L.card(0, i).max.y + k.card_gap));
    // Every line fits its card.
    for (int i = 0; i < 3; ++i) {
        const TextLine* lines = L.lines(L.card_title(0, i));
        for (std::uint32_t n = 0; n < L.card_title(0, i).count; ++n)
            REQUIRE(lines[n].width + (n == 0 ? k.card_icon_width : 0) <= k.card_width - k.card_text_left - k.card_text_right);
    }
    // 30 ideographs of 17 px: 11 on the first line (197 px), 13 on the next: 3 lines.
    REQUIRE(L.card_title(1, 0).count == 3);
    // The Touchpoints row is as tall as the tallest stack (stage 0), nothing clipped.
    float stack = L.card(0, 3).min.y - L.card(0, 0).min.y;   // the slot after the last card
    REQUIRE(L.lanes()[0].bottom - L.lanes()[0].top == Approx(2 * k.padding + stack + k.add_button_height));
    REQUIRE(L.add_card_button(0).min.y >= L.card(0, 2).max.y);
    REQUIRE(L.lanes()[1].top >= L.add_card_button(0).max.y);
}

TEST_CASE("hit-tests, drop targets and the rubber band follow variable heights", "[ui][layout]") {
    Map m = wrapped_map();
    CanvasLayout L(m, kLanes);
    for (int i = 0; i < 3; ++i) {
        Rect c = L.card(0, i);
        Hit top = L.hit_test({c.center().x, c.min.y + 1});
        Hit bottom = L.hit_test({c.center().x, c.max.y - 1});
        REQUIRE(top.kind == HitKind::Card);
        REQUIRE(top.index == i);
        REQUIRE(bottom.kind == HitKind::Card);
        REQUIRE(bottom.index == i);
    }
    // The gap under the tall card is the cell.
    REQUIRE(L.hit_test({L.card(0, 1).center().x, L.card(0, 1).max.y + 4}).kind == HitKind::Cell);
    REQUIRE(L.hit_test(L.add_card_button(0).center()).kind == HitKind::AddCard);
    // Drop: the upper half of the tall card inserts before it, the lower half after.
    Rect tall = L.card(0, 1);
    REQUIRE(L.drop_target({tall.center().x, tall.center().y - 5}).index == 1);
    REQUIRE(L.drop_target({tall.center().x, tall.center().y + 5}).index == 2);
    REQUIRE(L.drop_target({tall.center().x, tall.min.y + 5}).index == 1);
    // A band over the bottom of the tall card and the top of the next one.
    auto ids = L.cards_in(Rect{{tall.min.x, tall.max.y - 5}, {tall.max.x, tall.max.y + 15}}, m);
    REQUIRE(ids == std::vector<std::string>{"t01", "t02"});
    // visible_cards: rows that cut only the tall card's lower half.
    auto [first, last] = L.visible_cards(0, tall.max.y - 10, tall.max.y - 5);
    REQUIRE(first == 1);
    REQUIRE(last == 2);
}

TEST_CASE("visible_cards and hit-tests agree with a linear scan on 10,000 cards of mixed heights", "[ui][layout]") {
    Map m = testing::make_large_map({.stages = 1, .touchpoints = 10000, .personas = 2});
    for (std::size_t i = 0; i < m.stages[0].touchpoints.size(); ++i) m.stages[0].touchpoints[i].title = words(1 + static_cast<int>(i * 7 % 23));
    CanvasLayout L(m, {Lane::Touchpoints});
    for (float top : {0.0f, 12345.0f, 250000.0f, 400000.0f}) {
        float bottom = top + 800;
        auto [first, last] = L.visible_cards(0, top, bottom);
        int lf = 0;
        while (lf < 10000 && L.card(0, lf).max.y <= top) ++lf;
        int ll = lf;
        while (ll < 10000 && L.card(0, ll).min.y < bottom) ++ll;
        REQUIRE(first == lf);
        REQUIRE(last == ll);
        if (first < last) {
            Rect c = L.card(0, (first + last) / 2);
            Hit h = L.hit_test(c.center());
            REQUIRE(h.kind == HitKind::Card);
            REQUIRE(h.index == (first + last) / 2);
        }
    }
}

TEST_CASE("the header grows to the longest stage name", "[ui][layout]") {
    Map m = small_map();
    LayoutMetrics k;
    CanvasLayout one(m, kLanes, k);
    REQUIRE(one.header_height() == Approx(k.header_height));
    m.stages[1].name = words(9);   // 53 characters at 10 px: 248 px lines hold 24: 3 lines
    CanvasLayout three(m, kLanes, k);
    REQUIRE(three.stage_name(1).count == 3);
    REQUIRE(three.header_height() == Approx(k.header_height + 2 * k.name_line_height));
    REQUIRE(three.lanes()[0].top == Approx(three.header_height()));
    REQUIRE(three.stage_header(0).height() == Approx(three.header_height()));
    REQUIRE(three.header_owner_top() > k.header_inset + k.header_name_top + 3 * k.name_line_height - 1);
    REQUIRE(three.hit_test({three.stage_header(2).center().x, three.header_height() - 2}).kind == HitKind::StageHeader);
}

TEST_CASE("text lanes wrap their items, each row is as tall as its tallest cell", "[ui][layout]") {
    Map m = small_map();
    m.stages[0].touchpoints[0].pains = {"Short pain", words(10)};   // 59 characters: 3 lines of 212 px
    m.stages[2].touchpoints[0].pains = {"one"};
    m.stages[1].kpis.push_back(Kpi{.id = "k", .name = "Conversion", .unit = "%", .current = 12.5, .target = 15.0});
    m.stages[0].touchpoints[0].channel = "web";
    m.stages[0].touchpoints[1].channel = "web";
    m.stages[1].owner = "Sales";
    m.stages[1].handoff = Handoff{.to_team = "Success", .agreement = words(12)};
    std::vector<Lane> lanes = {Lane::Touchpoints, Lane::Pains, Lane::Channels, Lane::Kpis, Lane::Owners};
    LayoutMetrics k;
    CanvasLayout L(m, lanes, k);
    const int pains = L.lane_index(Lane::Pains);
    auto [a, b] = L.cell_items(0, pains);
    REQUIRE(b - a == 2);
    REQUIRE(L.item(a).text.count == 1);
    REQUIRE(L.item(a + 1).text.count == 3);
    REQUIRE(L.item_text(m, 0, L.item(a + 1)) == m.stages[0].touchpoints[0].pains[1]);
    // Items stack without overlapping, inside the row.
    Rect first = L.item_rect(0, pains, a), second = L.item_rect(0, pains, a + 1);
    REQUIRE(second.min.y == Approx(first.max.y + k.item_gap));
    REQUIRE(second.max.y <= L.lanes()[pains].bottom - k.padding + 0.01f);
    // Stage 0's cell is the tallest: 4 lines and a gap.
    REQUIRE(L.lanes()[pains].bottom - L.lanes()[pains].top == Approx(2 * k.padding + 4 * k.line_height + k.item_gap));
    // Only what overlaps the rows asked for.
    auto [va, vb] = L.visible_items(0, pains, second.min.y + 1, second.min.y + 2);
    REQUIRE(va == a + 1);
    REQUIRE(vb == a + 2);
    // Channels are listed once each; a KPI gives its name and its summary.
    auto [ca, cb] = L.cell_items(0, L.lane_index(Lane::Channels));
    REQUIRE(cb - ca == 1);
    auto [ka, kb] = L.cell_items(1, L.lane_index(Lane::Kpis));
    REQUIRE(kb - ka == 2);
    REQUIRE(L.item_text(m, 1, L.item(ka)) == "Conversion");
    REQUIRE(L.item_text(m, 1, L.item(ka + 1)) == "12.5 % (target 15)");
    // Owners: the owner, the hand-off and its agreement, wrapped.
    auto [oa, ob] = L.cell_items(1, L.lane_index(Lane::Owners));
    REQUIRE(ob - oa == 3);
    REQUIRE(L.item_text(m, 1, L.item(oa)) == "Sales");
    REQUIRE(L.item_text(m, 1, L.item(oa + 1)) == "Hands off to Success");
    REQUIRE(L.item(oa + 2).text.count > 1);
    REQUIRE(L.item_text(m, 0, L.item(L.cell_items(0, L.lane_index(Lane::Owners)).first)) == "No owner");
}

TEST_CASE("compact detail stops titles and items after three lines with an ellipsis", "[ui][layout]") {
    Map m = wrapped_map();
    m.stages[0].touchpoints[0].pains = {words(20)};
    LayoutMetrics k;
    k.card_detail = CardDetail::Compact;
    CanvasLayout L(m, kLanes, k);
    REQUIRE(L.card_title(0, 1).count == 3);
    REQUIRE(L.card_title(0, 1).truncated);
    REQUIRE(L.lines(L.card_title(0, 1))[2].ellipsis);
    REQUIRE(L.card(0, 1).height() == Approx(k.card_height + 2 * k.line_height));
    REQUIRE_FALSE(L.card_title(0, 2).truncated);   // two lines: whole
    auto [a, b] = L.cell_items(0, 2);
    REQUIRE(L.item(a).text.count == 3);
    REQUIRE(L.item(a).text.truncated);
    // Full detail: everything.
    CanvasLayout full(m, kLanes);
    REQUIRE(full.card_title(0, 1).count == 4);
    REQUIRE_FALSE(full.card_title(0, 1).truncated);
}

TEST_CASE("a re-layout after one edit lays out only the edited text", "[ui][layout]") {
    Map m = testing::make_large_map({.stages = 4, .touchpoints = 400, .personas = 3});
    FixedWidthMetric metric;
    CanvasLayout L;
    L.rebuild(m, m.lanes, LayoutMetrics{}, metric);
    REQUIRE(L.text_cache().last_pass().misses > 0);
    m.stages[2].touchpoints[5].title += " and a few more words to wrap onto another line";
    L.rebuild(m, m.lanes, LayoutMetrics{}, metric);
    REQUIRE(L.text_cache().last_pass().misses == 1);
    REQUIRE(L.card_title(2, 5).count == 3);
    REQUIRE(L.memory_bytes() > L.text_cache().memory_bytes());
    // A stale item reference never reads outside the map.
    CellItem bogus;
    bogus.source = ItemSource::Pain;
    bogus.touchpoint = 100000;
    REQUIRE(L.item_text(m, 0, bogus).empty());
    REQUIRE(L.card_title_text(m, 9, 0).empty());
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

TEST_CASE("find matches every text field, ignoring case and accents", "[ui][find]") {
    Map m = small_map();
    auto hits = find_text(m, "CONTRATO");
    REQUIRE(hits.size() == 1);
    REQUIRE(hits[0].id == "t21");
    REQUIRE(hits[0].field == "title");
    REQUIRE(hits[0].begin == 0);
    REQUIRE(hits[0].end == 8);
    auto zh = find_text(m, "决策");
    REQUIRE(zh.size() == 1);
    REQUIRE(zh[0].field == "pains");
    REQUIRE(find_text(m, "stage").size() == 3);
    REQUIRE(find_text(m, "").empty());
    REQUIRE(find_text(m, "card", 2).size() == 2);
    // Non-ASCII letters fold too (the issue: "ACAO" finds "Ação").
    REQUIRE(contains_text("Licença", "LICENÇA"));
    REQUIRE(contains_text("Licença", "LICENCA"));
    REQUIRE(contains_text("Licença", "LICENç"));
    auto lic = find_text(m, "licenca");
    REQUIRE(lic.size() == 1);
    REQUIRE(lic[0].text.substr(lic[0].begin, lic[0].end - lic[0].begin) == "licença");
}
