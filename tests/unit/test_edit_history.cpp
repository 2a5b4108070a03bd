// History: merging of continuous edits, groups, labels and jumps, the step
// limit, dirty state, revision and the replay lock.
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

const Touchpoint& card(const Map& m) { return m.stages[0].touchpoints[0]; }

// Types `text` into the card's title one character at a time, as an InputText does.
void type_title(History& h, Map& m, const std::string& text) {
    for (char c : text) {
        Touchpoint t = card(m);
        t.title += c;
        h.execute(m, set_touchpoint(m, t, "Edit title of 'Demo call'", "t/title"));
    }
}

void set_friction(History& h, Map& m, int value) {
    Touchpoint t = card(m);
    t.friction = value;
    h.execute(m, set_touchpoint(m, t, "Set friction", "t/friction"));
}

Stage stage(const std::string& id) { return Stage{.id = id, .name = id}; }

}  // namespace

TEST_CASE("ten edits of one field merge into one step, break_merge starts a new one", "[edit][history]") {
    Map m = one_card();
    History h;
    for (int i = 1; i <= 10; ++i) set_friction(h, m, i % 6);   // a slider drag: 1 2 3 4 5 0 1 2 3 4
    REQUIRE(h.size() == 1);
    REQUIRE(card(m).friction == 4);
    REQUIRE(h.undo_label() == "Set friction");
    h.undo(m);
    REQUIRE(m == one_card());   // one undo goes back to before the drag
    h.redo(m);
    REQUIRE(card(m).friction == 4);

    Map m2 = one_card();
    History h2;
    type_title(h2, m2, "Demo call");
    REQUIRE(h2.size() == 1);
    h2.break_merge();   // the text field was released
    type_title(h2, m2, "!!");
    REQUIRE(h2.size() == 2);
    h2.undo(m2);
    REQUIRE(card(m2).title == "Demo call");
    h2.undo(m2);
    REQUIRE(card(m2).title.empty());
}

TEST_CASE("merging stops at another key, an undo, a save or a group", "[edit][history]") {
    Map m = one_card();
    History h;
    set_friction(h, m, 3);
    type_title(h, m, "a");
    set_friction(h, m, 4);   // same key as step 1, but not the newest step
    REQUIRE(h.size() == 3);

    h.undo(m);
    set_friction(h, m, 5);   // after an undo: a new step, not folded into "a"
    REQUIRE(h.size() == 3);
    REQUIRE(h.labels() == std::vector<std::string>{"Set friction", "Edit title of 'Demo call'", "Set friction"});

    h.mark_saved();
    set_friction(h, m, 1);
    REQUIRE(h.size() == 4);

    {
        HistoryGroup g(h, "Reset card");
        set_friction(h, m, 2);
    }
    set_friction(h, m, 3);   // never folds into a group's step
    REQUIRE(h.size() == 6);
}

TEST_CASE("merge keys must match exactly and be non-empty", "[edit][history]") {
    Map m = one_card();
    History h;
    Touchpoint t = card(m);
    t.friction = 3;
    h.execute(m, set_touchpoint(m, t, "Friction", ""));
    t.friction = 4;
    h.execute(m, set_touchpoint(m, t, "Friction", ""));
    REQUIRE(h.size() == 2);
    t.emotion = -1;
    h.execute(m, set_touchpoint(m, t, "Emotion", "t/emotion"));
    h.execute(m, set_stage(m, Stage{.id = "s", .name = "Renamed"}, "Rename", "t/emotion"));   // same key, other kind
    REQUIRE(h.size() == 4);
    h.undo(m);
    REQUIRE(m.stages[0].name == "Decision");
    REQUIRE(card(m).emotion == -1);
}

TEST_CASE("a group is one step, nested groups fold into the outer, an empty group records nothing", "[edit][history]") {
    Map m = one_card();
    History h;
    {
        HistoryGroup g(h, "Paste 3 cards");
        REQUIRE(h.in_group());
        for (int i = 0; i < 3; ++i) {
            HistoryGroup inner(h, "inner");
            h.execute(m, add_touchpoints("s", 1, {Touchpoint{.id = "p" + std::to_string(i)}}));
        }
        REQUIRE(h.size() == 0);   // not a step until the group closes
        REQUIRE(h.dirty());
    }
    REQUIRE_FALSE(h.in_group());
    REQUIRE(h.size() == 1);
    REQUIRE(h.undo_label() == "Paste 3 cards");
    REQUIRE(m.stages[0].touchpoints.size() == 4);
    REQUIRE(m.stages[0].touchpoints[1].id == "p2");   // each paste went in at index 1
    h.undo(m);
    REQUIRE(m == one_card());
    h.redo(m);
    REQUIRE(m.stages[0].touchpoints[3].id == "p0");

    { HistoryGroup empty(h, "Nothing"); }
    {
        HistoryGroup only_noops(h, "Nothing either");
        h.execute(m, delete_stage(m, "nope"));
        h.execute(m, add_stage(stage("s"), 0));   // id taken: no effect
    }
    REQUIRE(h.size() == 1);

    {
        HistoryGroup unnamed(h, "");
        h.execute(m, add_stage(stage("b"), 1));
    }
    REQUIRE(h.undo_label() == "Add stage 'b'");
}

TEST_CASE("edits of one field merge inside a group, undo waits for the group to close", "[edit][history]") {
    Map m = one_card();
    History h;
    h.execute(m, add_stage(stage("a"), 1));
    h.begin_group("Retitle and rate");
    type_title(h, m, "Trial");
    set_friction(h, m, 2);
    REQUIRE_FALSE(h.can_undo());
    REQUIRE_FALSE(h.undo(m));
    REQUIRE_FALSE(h.jump_to(m, 0));
    REQUIRE(card(m).title == "Trial");
    h.end_group();
    h.end_group();   // one too many: ignored
    REQUIRE(h.size() == 2);
    REQUIRE(h.undo(m));
    REQUIRE(card(m).title.empty());
    REQUIRE(card(m).friction == 0);
    REQUIRE(m.stages.size() == 2);
}

TEST_CASE("a new edit after undo drops the redo branch", "[edit][history]") {
    Map m = one_card();
    History h;
    h.execute(m, add_stage(stage("A"), 1));
    h.execute(m, add_stage(stage("B"), 2));
    h.undo(m);
    REQUIRE(h.can_redo());
    REQUIRE(h.redo_label() == "Add stage 'B'");
    h.execute(m, add_stage(stage("C"), 2));
    REQUIRE_FALSE(h.can_redo());
    REQUIRE(h.redo_label().empty());
    REQUIRE(h.labels() == std::vector<std::string>{"Add stage 'A'", "Add stage 'C'"});
}

TEST_CASE("labels, position and jump_to for a History panel", "[edit][history]") {
    Map m = one_card();
    History h;
    REQUIRE(h.labels().empty());
    REQUIRE(h.undo_label().empty());
    REQUIRE_FALSE(h.undo(m));
    REQUIRE_FALSE(h.redo(m));
    for (int i = 0; i < 5; ++i) h.execute(m, add_stage(stage(std::string("x") + std::to_string(i)), 99));
    REQUIRE(h.labels() == std::vector<std::string>{"Add stage 'x0'", "Add stage 'x1'", "Add stage 'x2'", "Add stage 'x3'",
                                                   "Add stage 'x4'"});
    REQUIRE(h.position() == 5);
    REQUIRE(h.jump_to(m, 2));
    REQUIRE(m.stages.size() == 3);
    REQUIRE(m.stages.back().id == "x1");
    REQUIRE(h.position() == 2);
    REQUIRE(h.undo_label() == "Add stage 'x1'");
    REQUIRE(h.redo_label() == "Add stage 'x2'");
    REQUIRE(h.jump_to(m, 0));
    REQUIRE(m == one_card());
    REQUIRE(h.jump_to(m, 5));
    REQUIRE(m.stages.size() == 6);
    REQUIRE(h.jump_to(m, 5));   // already there
    REQUIRE_FALSE(h.jump_to(m, 6));
    REQUIRE(h.position() == 5);
}

TEST_CASE("dirty follows the save point through undo, redo and new edits", "[edit][history]") {
    Map m = one_card();
    History h;
    REQUIRE_FALSE(h.dirty());
    h.execute(m, add_stage(stage("a"), 1));
    REQUIRE(h.dirty());
    h.mark_saved();
    REQUIRE_FALSE(h.dirty());
    h.undo(m);
    REQUIRE(h.dirty());          // undo past the save point
    h.redo(m);
    REQUIRE_FALSE(h.dirty());    // back on it
    h.execute(m, add_stage(stage("b"), 1));
    REQUIRE(h.dirty());
    h.undo(m);
    REQUIRE_FALSE(h.dirty());

    h.undo(m);                   // before the save point...
    h.execute(m, add_stage(stage("c"), 1));   // ...and the saved future is replaced
    REQUIRE(h.dirty());
    h.undo(m);
    REQUIRE(h.dirty());          // the saved state is unreachable: dirty everywhere
    h.redo(m);
    REQUIRE(h.dirty());
    h.mark_saved();
    REQUIRE_FALSE(h.dirty());

    type_title(h, m, "x");
    h.mark_saved();
    type_title(h, m, "y");       // a save closes the merge: a new step
    REQUIRE(h.dirty());
    h.undo(m);
    REQUIRE_FALSE(h.dirty());
    REQUIRE(card(m).title == "x");

    h.clear();
    REQUIRE_FALSE(h.dirty());    // a freshly opened map
}

TEST_CASE("revision increases on every execute, merge, undo, redo and clear, and only then", "[edit][history]") {
    Map m = one_card();
    History h;
    std::uint64_t r = h.revision();
    auto bumped = [&] {
        bool up = h.revision() > r;
        r = h.revision();
        return up;
    };
    h.execute(m, add_stage(stage("a"), 1));
    REQUIRE(bumped());
    set_friction(h, m, 1);
    REQUIRE(bumped());
    set_friction(h, m, 2);   // merged, but the map changed
    REQUIRE(bumped());
    h.undo(m);
    REQUIRE(bumped());
    h.redo(m);
    REQUIRE(bumped());
    h.execute(m, nullptr);
    h.execute(m, delete_stage(m, "nope"));
    h.execute(m, add_stage(stage("a"), 0));   // id taken
    h.redo(m);                                 // nothing to redo
    REQUIRE_FALSE(bumped());
    h.clear();
    REQUIRE(bumped());
}

TEST_CASE("the limit keeps the newest steps, at least 1,000", "[edit][history]") {
    REQUIRE(History().limit() == 5000);
    REQUIRE(History(10).limit() == 1000);
    Map m = one_card();
    History h(1200);
    h.mark_saved();
    for (int i = 0; i < 1500; ++i) {
        Touchpoint t = card(m);
        t.friction = i % 6;
        t.title = "step " + std::to_string(i);
        h.execute(m, set_touchpoint(m, t, "Edit " + std::to_string(i), ""));
        if (i == 1000) h.mark_saved();
    }
    REQUIRE(h.size() == 1200);
    REQUIRE(h.labels().front() == "Edit 300");
    REQUIRE(h.labels().back() == "Edit 1499");
    // Saved after step 1000 ("step 1000" in the title): 499 undos from the top.
    REQUIRE(h.jump_to(m, 1200 - 499));
    REQUIRE(card(m).title == "step 1000");
    REQUIRE_FALSE(h.dirty());
    while (h.undo(m)) {}
    REQUIRE(card(m).title == "step 299");   // the oldest steps were dropped
    REQUIRE(h.dirty());
    REQUIRE(h.memory_bytes() > 1200 * sizeof(Touchpoint));

    // The first save point (the empty map) went with the dropped steps.
    History small(1000);
    Map n = one_card();
    small.mark_saved();
    for (int i = 0; i < 1001; ++i) {
        set_friction(small, n, i % 2 ? 1 : 2);
        small.break_merge();
    }
    REQUIRE(small.size() == 1000);
    while (small.undo(n)) {}
    REQUIRE(small.dirty());
}

TEST_CASE("memory_bytes grows with the steps and clear() empties the history", "[edit][history]") {
    Map m = one_card();
    History h;
    std::size_t empty = h.memory_bytes();
    type_title(h, m, std::string(300, 'q'));
    std::size_t one = h.memory_bytes();
    REQUIRE(one > empty + 300);   // the merged step holds the 300-character title
    h.execute(m, add_stage(stage("a"), 1));
    REQUIRE(h.memory_bytes() > one);
    h.clear();
    REQUIRE(h.size() == 0);
    REQUIRE(h.position() == 0);
    REQUIRE_FALSE(h.can_undo());
    REQUIRE(h.memory_bytes() == empty);
}

namespace {

// A command that, while being applied or reverted, tries to record another
// edit, as a UI callback fired by a model change might.
class Reentrant : public Command {
public:
    explicit Reentrant(History& h) : h_(h) {}
    std::string label() const override { return "Reentrant"; }
    void apply(Map& m) override {
        seen_replaying = seen_replaying || h_.is_replaying();
        m.title += "+";
        h_.execute(m, add_stage(Stage{.id = "sneaky" + std::to_string(m.title.size())}, 0));
    }
    void revert(Map& m) override {
        seen_replaying = seen_replaying || h_.is_replaying();
        m.title.pop_back();
        h_.execute(m, add_stage(Stage{.id = "sneaky-undo"}, 0));
    }
    std::size_t memory_bytes() const override { return sizeof(*this); }
    bool seen_replaying = false;

private:
    History& h_;
};

}  // namespace

TEST_CASE("nothing records while a step replays", "[edit][history]") {
    Map m = one_card();
    History h;
    auto command = std::make_unique<Reentrant>(h);
    Reentrant* probe = command.get();
    // The first apply is not a replay, so its inner edit records (as the step before it).
    h.execute(m, std::move(command));
    REQUIRE(h.size() == 2);
    REQUIRE(m.stages.size() == 2);
    REQUIRE_FALSE(probe->seen_replaying);
    h.undo(m);                          // reverts Reentrant: its inner execute is refused
    REQUIRE(probe->seen_replaying);
    REQUIRE_FALSE(h.is_replaying());
    REQUIRE(m.title == "Map");
    REQUIRE(m.stages.size() == 2);
    REQUIRE(h.size() == 2);
    h.undo(m);                          // the inner add of the first apply
    REQUIRE(m == one_card());
    h.redo(m);
    h.redo(m);
    REQUIRE(m.title == "Map+");
    REQUIRE(m.stages.size() == 2);      // the replayed apply added no third stage
    REQUIRE(h.size() == 2);
    REQUIRE(h.position() == 2);
}
