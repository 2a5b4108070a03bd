// File > Merge files as the editor runs it (ui/core/merge_session.h): the merge
// and every conflict settled after it are one undo step, undo gives the open
// map back exactly, and the files' order does not change the result.
#include <catch2/catch.hpp>

#include "edit/history.h"
#include "io/map_json.h"
#include "ui/core/merge_session.h"

using namespace jm;
using jm::ui::MergeFile;
using jm::ui::MergeSession;

namespace {

Map sent_map() {
    Map m;
    m.id = "m";
    m.title = "Workshop";
    m.lanes = default_lanes();
    m.stages.push_back(Stage{.id = "s1", .name = "Aware"});
    m.stages.push_back(Stage{.id = "s2", .name = "Buy"});
    for (const char* t : {"a", "b"}) m.stages[0].touchpoints.push_back(Touchpoint{.id = t, .title = std::string("Card ") + t});
    return m;
}

// Group 1 renames card a and adds g1; group 2 renames card a differently and adds g2.
std::vector<MergeFile> group_files() {
    Map one = sent_map(), two = sent_map();
    find_touchpoint(one, "a")->title = "From group 1";
    one.stages[1].touchpoints.push_back(Touchpoint{.id = "g1", .title = "Group 1 card"});
    find_touchpoint(two, "a")->title = "From group 2";
    two.stages[1].touchpoints.push_back(Touchpoint{.id = "g2", .title = "Group 2 card"});
    return {{"group-2.json", two}, {"group-1.json", one}};
}

void run(History& h, Map& m, const MergeSession& s, std::vector<Change> changes) {
    h.execute(m, apply_changes(m, std::move(changes), s.label, s.merge_key));
}

}  // namespace

TEST_CASE("merge session: the merge and the conflicts settled after it are one undo step", "[merge][ui]") {
    Map open = sent_map();
    const std::string before = save_map_json(open);
    History h;
    MergeSession s;
    run(h, open, s, ui::begin_merge(s, open, sent_map(), group_files(), 1));
    // Sorted by name: group-1 is merged first, then group-2 clashes with it.
    REQUIRE(s.names == std::vector<std::string>{"group-1.json", "group-2.json"});
    REQUIRE(s.three_way);
    REQUIRE(s.result.conflicts.size() == 1);
    CHECK(s.names_of_conflicts == std::vector<std::string>{"From group 1"});   // the card as the merge has it
    CHECK(find_touchpoint(open, "g1"));
    CHECK(find_touchpoint(open, "g2"));
    CHECK(find_touchpoint(open, "a")->title == "From group 1");   // until settled, the merge so far

    auto changes = ui::resolve_conflict(s, 0, MergeChoice::Theirs);
    REQUIRE(changes);
    run(h, open, s, std::move(*changes));
    CHECK(find_touchpoint(open, "a")->title == "From group 2");
    CHECK(s.result.unresolved() == 0);
    CHECK(h.size() == 1);

    REQUIRE(h.undo(open));
    CHECK(save_map_json(open) == before);
    REQUIRE(h.redo(open));
    CHECK(find_touchpoint(open, "a")->title == "From group 2");
    CHECK(find_touchpoint(open, "g2"));
}

TEST_CASE("merge session: an edit in between makes the next choice its own step", "[merge][ui]") {
    Map open = sent_map();
    History h;
    MergeSession s;
    run(h, open, s, ui::begin_merge(s, open, sent_map(), group_files(), 1));
    h.break_merge();   // what the editor does when the user edits something else
    auto changes = ui::resolve_conflict(s, 0, MergeChoice::Edited, "Agreed title");
    REQUIRE(changes);
    run(h, open, s, std::move(*changes));
    CHECK(h.size() == 2);
    CHECK(find_touchpoint(open, "a")->title == "Agreed title");
    // A value that does not fit the field is refused and leaves the conflict open.
    MergeSession t;
    Map again = sent_map();
    ui::begin_merge(t, again, sent_map(), group_files(), 2);
    CHECK_FALSE(ui::resolve_conflict(t, 0, MergeChoice::Edited, 42));
    CHECK(t.result.unresolved() == 1);
}

TEST_CASE("merge session: the files' order and a second run give the same map", "[merge][ui]") {
    auto files = group_files();
    auto reversed = files;
    std::reverse(reversed.begin(), reversed.end());
    MergeSession a, b;
    Map open = sent_map();
    ui::begin_merge(a, open, sent_map(), files, 1);
    ui::begin_merge(b, open, sent_map(), reversed, 1);
    CHECK(save_map_json(a.result.merged) == save_map_json(b.result.merged));
    // Nothing new: merging the map with itself changes nothing.
    MergeSession same;
    CHECK(ui::begin_merge(same, open, sent_map(), {{"same.json", open}}, 3).empty());
    CHECK(same.result.conflicts.empty());
}

TEST_CASE("merge session: a copy is known by its id or its lineage", "[merge][ui]") {
    Map m = sent_map();
    Map copy = m;
    CHECK(ui::is_copy_of(copy, m));
    copy.id = "kept-as-new";
    CHECK_FALSE(ui::is_copy_of(copy, m));
    copy.lineage.bases.push_back(Ancestor{.id = "m", .hash = std::string(64, 'a'), .forked = "2026-11-24T10:00:00Z"});
    CHECK(ui::is_copy_of(copy, m));
    Map other = sent_map();
    other.id = "another";
    CHECK_FALSE(ui::is_copy_of(other, m));
}
