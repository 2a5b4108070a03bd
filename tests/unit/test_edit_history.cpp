#include <catch2/catch.hpp>

#include "edit/commands.h"
#include "edit/history.h"

using namespace jm;

namespace {

Map one_card() {
    Map m;
    m.id = "m";
    m.title = "Map";
    Stage s{.id = "s", .name = "Decision"};
    s.touchpoints.push_back(Touchpoint{.id = "t", .title = ""});
    m.stages.push_back(s);
    return m;
}

// Types `text` into the title one character at a time, as an InputText does.
void type_title(History& h, Map& m, const std::string& text) {
    for (char c : text) {
        Touchpoint t = *find_touchpoint(m, "t");
        t.title += c;
        h.execute(m, set_touchpoint(m, t, "Edit title", "t/title"));
    }
}

}  // namespace

TEST_CASE("a typing session merges into one step; releasing the field starts a new one", "[edit][history]") {
    Map m = one_card();
    History h;
    type_title(h, m, "Demo call");
    REQUIRE(h.size() == 1);
    REQUIRE(m.stages[0].touchpoints[0].title == "Demo call");
    h.break_merge();
    type_title(h, m, "!!");
    REQUIRE(h.size() == 2);
    h.undo(m);
    REQUIRE(m.stages[0].touchpoints[0].title == "Demo call");
    h.undo(m);
    REQUIRE(m.stages[0].touchpoints[0].title.empty());
    REQUIRE_FALSE(h.can_undo());
}

TEST_CASE("different fields never merge", "[edit][history]") {
    Map m = one_card();
    History h;
    Touchpoint t = m.stages[0].touchpoints[0];
    t.friction = 3;
    h.execute(m, set_touchpoint(m, t, "Friction", "t/friction"));
    t.emotion = -1;
    h.execute(m, set_touchpoint(m, t, "Emotion", "t/emotion"));
    REQUIRE(h.size() == 2);
}

TEST_CASE("groups make compound actions one step; nested groups fold; empty groups vanish", "[edit][history]") {
    Map m = one_card();
    History h;
    {
        HistoryGroup g(h, "Paste 3 cards");
        for (int i = 0; i < 3; ++i) {
            HistoryGroup inner(h, "inner");
            h.execute(m, add_touchpoints("s", 0, {Touchpoint{.id = "p" + std::to_string(i)}}));
        }
    }
    REQUIRE(h.size() == 1);
    REQUIRE(h.undo_label() == "Paste 3 cards");
    REQUIRE(m.stages[0].touchpoints.size() == 4);
    h.undo(m);
    REQUIRE(m == one_card());
    h.redo(m);
    REQUIRE(m.stages[0].touchpoints.size() == 4);
    { HistoryGroup empty(h, "Nothing"); }
    REQUIRE(h.size() == 1);
}

TEST_CASE("a new edit after undo drops the redo branch", "[edit][history]") {
    Map m = one_card();
    History h;
    h.execute(m, add_stage(Stage{.id = "a", .name = "A"}, 1));
    h.execute(m, add_stage(Stage{.id = "b", .name = "B"}, 2));
    h.undo(m);
    REQUIRE(h.can_redo());
    REQUIRE(h.redo_label() == "Add stage 'B'");
    h.execute(m, add_stage(Stage{.id = "c", .name = "C"}, 2));
    REQUIRE_FALSE(h.can_redo());
    REQUIRE(h.labels() == std::vector<std::string>{"Add stage 'A'", "Add stage 'C'"});
}

TEST_CASE("jump_to moves through the history like repeated undo and redo", "[edit][history]") {
    Map m = one_card();
    History h;
    for (int i = 0; i < 5; ++i) h.execute(m, add_stage(Stage{.id = "x" + std::to_string(i)}, 99));
    REQUIRE(m.stages.size() == 6);
    REQUIRE(h.jump_to(m, 2));
    REQUIRE(m.stages.size() == 3);
    REQUIRE(h.position() == 2);
    REQUIRE(h.jump_to(m, 5));
    REQUIRE(m.stages.size() == 6);
    REQUIRE_FALSE(h.jump_to(m, 6));
}

TEST_CASE("dirty tracks the distance from the last save", "[edit][history]") {
    Map m = one_card();
    History h;
    REQUIRE_FALSE(h.dirty());
    h.execute(m, add_stage(Stage{.id = "a"}, 1));
    REQUIRE(h.dirty());
    h.mark_saved();
    REQUIRE_FALSE(h.dirty());
    h.undo(m);
    REQUIRE(h.dirty());          // undo past the save point
    h.redo(m);
    REQUIRE_FALSE(h.dirty());
    h.undo(m);
    h.execute(m, add_stage(Stage{.id = "b"}, 1));   // the saved state is now unreachable
    REQUIRE(h.dirty());
    h.undo(m);
    REQUIRE(h.dirty());
    type_title(h, m, "x");
    h.mark_saved();
    type_title(h, m, "y");       // a save closes the merge window: a new step
    REQUIRE(h.dirty());
    h.undo(m);
    REQUIRE_FALSE(h.dirty());
}

TEST_CASE("revision changes on every execute, undo and redo", "[edit][history]") {
    Map m = one_card();
    History h;
    auto r0 = h.revision();
    h.execute(m, add_stage(Stage{.id = "a"}, 1));
    auto r1 = h.revision();
    h.undo(m);
    auto r2 = h.revision();
    h.redo(m);
    REQUIRE(r0 < r1);
    REQUIRE(r1 < r2);
    REQUIRE(r2 < h.revision());
}

TEST_CASE("the limit keeps the newest steps and a workshop's worth of them", "[edit][history]") {
    Map m = one_card();
    History h(1200);
    for (int i = 0; i < 1500; ++i) {
        Touchpoint t = *find_touchpoint(m, "t");
        t.friction = i % 6;
        t.title = "step " + std::to_string(i);
        h.execute(m, set_touchpoint(m, t, "Edit " + std::to_string(i), ""));
    }
    REQUIRE(h.size() == 1200);
    REQUIRE(h.labels().front() == "Edit 300");
    while (h.undo(m)) {}
    REQUIRE(m.stages[0].touchpoints[0].title == "step 299");
    REQUIRE(h.dirty());   // the saved (empty) state was dropped
    REQUIRE(h.memory_bytes() > 1200 * sizeof(Touchpoint));
}

TEST_CASE("nothing records while a step replays", "[edit][history]") {
    Map m = one_card();
    History h;
    h.execute(m, add_stage(Stage{.id = "a"}, 1));
    REQUIRE_FALSE(h.is_replaying());
    h.undo(m);
    REQUIRE_FALSE(h.is_replaying());
    REQUIRE(h.size() == 1);
}
