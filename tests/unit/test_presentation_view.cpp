#include <catch2/catch.hpp>

#include "ui/core/canvas_layout.h"
#include "ui/core/presentation_view.h"

using namespace jm;
using namespace jm::ui;

namespace {

PresentationInput input(int stages, float width, float height, float content_height = 1500) {
    PresentationInput in;
    in.label_width = 150;
    in.stage_width = 272;
    in.stage_count = stages;
    in.content_height = content_height;
    in.body_font_size = 17;
    in.viewport = {width, height};
    return in;
}

}  // namespace

TEST_CASE("presentation: a map that fits the width readably is shown whole", "[presentation]") {
    // 3 stages: 150 + 3 x 272 = 966 world units; 1280 - 48 = 1232 px of room.
    PresentationPlan plan(input(3, 1280, 600));
    REQUIRE(plan.mode() == PresentationMode::WholeMap);
    REQUIRE(plan.zoom() == Approx(1232.0f / 966));
    REQUIRE(plan.body_px() >= 18.0f);
    // Centred: the same margin on both sides.
    View v = plan.frame(0);
    Vec2 left = v.to_screen(Vec2{0, 0}, Vec2{0, 0});
    Vec2 right = v.to_screen(Vec2{966, 0}, Vec2{0, 0});
    REQUIRE(left.x == Approx(24).margin(0.01));
    REQUIRE(right.x == Approx(1280 - 24).margin(0.01));
    // Stepping does not move a whole map sideways.
    REQUIRE(plan.frame(2).offset.x == Approx(v.offset.x));
}

TEST_CASE("presentation: a small map is not blown up past the largest zoom", "[presentation]") {
    PresentationPlan plan(input(1, 1600, 900));
    REQUIRE(plan.mode() == PresentationMode::WholeMap);
    REQUIRE(plan.zoom() == Approx(2.0f));
}

TEST_CASE("presentation: body text is never below 18 CSS px, a wide map goes stage by stage", "[presentation]") {
    // 7 stages: 2054 world units; at 1280 px the whole map would be 1232 / 2054 = 0.6 (10 px text).
    for (Vec2 screen : {Vec2{1280, 720}, Vec2{1600, 900}, Vec2{1024, 768}, Vec2{1920, 1080}}) {
        PresentationPlan plan(input(7, screen.x, screen.y));
        CAPTURE(screen.x);
        REQUIRE(plan.mode() == PresentationMode::StageByStage);
        REQUIRE(plan.body_px() >= 18.0f);
        // A stage and the lane names fit the width at that size (1024 px and up).
        REQUIRE((150 + 272) * plan.zoom() <= screen.x);
    }
    // At 1280 px one stage could be 2.9x: the comfortable 22 px is used instead.
    PresentationPlan plan(input(7, 1280, 720));
    REQUIRE(plan.body_px() == Approx(22.0f));
    // A very narrow screen still gets readable text (the stage is then wider than the screen).
    PresentationPlan narrow(input(7, 360, 640));
    REQUIRE(narrow.body_px() == Approx(18.0f));
    // A map just wide enough for 18 px text is shown whole; one unit wider, stage by stage.
    const float width_at_18 = (150 + 4 * 272) * (18.0f / 17) + 48;
    REQUIRE(PresentationPlan(input(4, width_at_18 + 1, 720)).mode() == PresentationMode::WholeMap);
    REQUIRE(PresentationPlan(input(4, width_at_18 - 1, 720)).mode() == PresentationMode::StageByStage);
}

TEST_CASE("presentation: each stage is framed beside the lane names, the ends never overshoot", "[presentation]") {
    const Vec2 screen{1280, 720};
    PresentationPlan plan(input(7, screen.x, screen.y));
    const float z = plan.zoom();
    const float labels_px = 150 * z;
    for (int s = 0; s < 7; ++s) {
        CAPTURE(s);
        View v = plan.frame(s);
        Rect col = plan.stage_column(s);
        float a = v.to_screen(col.min, Vec2{}).x, b = v.to_screen(col.max, Vec2{}).x;
        // The whole stage is on screen, right of the sticky lane names.
        REQUIRE(a >= labels_px - 0.01f);
        REQUIRE(b <= screen.x + 0.01f);
        // Never anything left of the map's start or right of its end.
        REQUIRE(v.offset.x >= 0.0f);
        REQUIRE(v.offset.x + screen.x / z <= 150 + 7 * 272 + 0.01f);
    }
    // A middle stage is centred in the room beside the lane names.
    View mid = plan.frame(3);
    float a = mid.to_screen(plan.stage_column(3).min, Vec2{}).x, b = mid.to_screen(plan.stage_column(3).max, Vec2{}).x;
    REQUIRE(a - labels_px == Approx(screen.x - b).margin(0.01));
    // Frames move right stage after stage.
    for (int s = 1; s < 7; ++s) REQUIRE(plan.frame(s).offset.x >= plan.frame(s - 1).offset.x);
}

TEST_CASE("presentation: stepping clamps at the first and last stage", "[presentation]") {
    PresentationPlan plan(input(7, 1280, 720));
    REQUIRE(plan.step(0, -1) == 0);
    REQUIRE(plan.step(0, 1) == 1);
    REQUIRE(plan.step(5, 1) == 6);
    REQUIRE(plan.step(6, 1) == 6);
    REQUIRE(plan.step(3, -10) == 0);
    REQUIRE(plan.step(3, 10) == 6);
    REQUIRE(plan.frame(99).offset.x == Approx(plan.frame(6).offset.x));
    PresentationPlan empty(input(0, 1280, 720, 0));
    REQUIRE(empty.step(0, 1) == 0);
    REQUIRE(empty.max_scroll() == 0.0f);
}

TEST_CASE("presentation: scrolling reaches the bottom of the map and no further", "[presentation]") {
    PresentationPlan plan(input(7, 1280, 600, 2000));
    const float z = plan.zoom();
    REQUIRE(plan.max_scroll() == Approx(2000 - 600 / z));
    REQUIRE(plan.frame(2, -50).offset.y == 0.0f);
    REQUIRE(plan.frame(2, 1e6f).offset.y == Approx(plan.max_scroll()));
    // The last lane's bottom is then at the screen's bottom.
    View v = plan.frame(2, 1e6f);
    REQUIRE(v.to_screen(Vec2{0, 2000}, Vec2{}).y == Approx(600));
    // A map shorter than the screen does not scroll.
    REQUIRE(PresentationPlan(input(7, 1280, 600, 300)).max_scroll() == 0.0f);
}

TEST_CASE("presentation: framing works on a real layout's measures", "[presentation]") {
    Map m;
    for (int s = 0; s < 7; ++s) {
        Stage st;
        st.id = "s";
        st.id += std::to_string(s);
        st.name = "Etapa " + st.id;
        st.touchpoints.push_back(Touchpoint{.id = "t" + st.id, .title = "Revisión del contrato con el equipo legal del cliente 法律审查"});
        m.stages.push_back(st);
    }
    CanvasLayout layout(m, {Lane::Touchpoints, Lane::Emotion, Lane::Pains});
    PresentationInput in;
    in.label_width = layout.metrics().lane_label_width;
    in.stage_width = layout.metrics().stage_width;
    in.stage_count = layout.stage_count();
    in.content_height = layout.content().max.y;
    in.body_font_size = layout.metrics().font_size;
    in.viewport = {1280, 600};
    PresentationPlan plan(in);
    REQUIRE(plan.mode() == PresentationMode::StageByStage);
    REQUIRE(layout.metrics().font_size * plan.zoom() >= 18.0f);
    for (int s = 0; s < 7; ++s) {
        View v = plan.frame(s);
        Rect col = layout.stage_column(s);
        REQUIRE(v.to_screen(col.min, Vec2{}).x >= in.label_width * plan.zoom() - 0.01f);
        REQUIRE(v.to_screen(col.max, Vec2{}).x <= 1280.01f);
    }
}

TEST_CASE("presentation: the pan eases to its target and lands exactly on it", "[presentation]") {
    View from;
    from.offset = {0, 0};
    from.zoom = 1.0f;
    View to;
    to.offset = {800, 0};
    to.zoom = 1.3f;
    PanAnimation pan;
    pan.start(to);
    View v = from;
    REQUIRE(pan.advance(v, 1.0f / 60));
    // Part of the way, not all of it, in one frame.
    REQUIRE(v.offset.x > 0.0f);
    REQUIRE(v.offset.x < 800.0f);
    float last = v.offset.x;
    int frames = 1;
    while (pan.advance(v, 1.0f / 60)) {
        REQUIRE(v.offset.x >= last);   // never overshoots back and forth
        last = v.offset.x;
        REQUIRE(++frames < 200);
    }
    REQUIRE(v.offset.x == 800.0f);
    REQUIRE(v.zoom == 1.3f);
    REQUIRE(!pan.running);
    REQUIRE(frames < 60);   // well under a second at 60 frames per second
    REQUIRE(!pan.advance(v, 1.0f / 60));   // nothing left to do
}
