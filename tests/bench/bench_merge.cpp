// Compare and merge at workshop scale and beyond: two groups' copies of a
// 10,000-touchpoint map, 1,000 changes each (field edits, new cards, moves
// within and across stages, deletions). Prints figures; asserts nothing about time.
#include <cstdio>
#include <random>
#include <string>

#include "edit/history.h"
#include "edit/map_change.h"
#include "edit/map_diff.h"
#include "edit/map_merge.h"
#include "io/map_json.h"
#include "support/bench_timing.h"
#include "support/large_map.h"

namespace {

// `count` edits of a copy of `base`: 60% field edits, 20% new cards, 10% moves, 10% deletions.
jm::Map group_copy(const jm::Map& base, std::uint32_t seed, int count, const std::string& prefix) {
    jm::Map m = base;
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    for (int e = 0; e < count; ++e) {
        jm::Stage& s = m.stages[pick(static_cast<int>(m.stages.size()))];
        auto& tps = s.touchpoints;
        if (tps.empty()) continue;
        const int roll = pick(10);
        const int i = pick(static_cast<int>(tps.size()));
        if (roll < 6) {
            if (pick(2)) tps[i].title += " (" + prefix + ")";
            else tps[i].friction = pick(6);
        } else if (roll < 8) {
            tps.insert(tps.begin() + i, jm::Touchpoint{.id = prefix + "-" + std::to_string(e), .title = "New card " + prefix});
        } else if (roll < 9) {
            jm::Touchpoint t = tps[i];
            tps.erase(tps.begin() + i);
            jm::Stage& to = m.stages[pick(static_cast<int>(m.stages.size()))];
            to.touchpoints.insert(to.touchpoints.begin() + pick(static_cast<int>(to.touchpoints.size()) + 1), t);
        } else {
            tps.erase(tps.begin() + i);
        }
    }
    return m;
}

}  // namespace

int main() {
    using jm::testing::timing_ms;
    const jm::Map base = jm::testing::make_large_map({.stages = 20, .touchpoints = 10000, .personas = 20});
    const jm::Map ours = group_copy(base, 1, 1000, "ours");
    const jm::Map theirs = group_copy(base, 2, 1000, "theirs");
    const jm::Map third = group_copy(base, 3, 1000, "third");
    std::printf("bench_merge: base of %zu touchpoints in %zu stages; each group's copy has 1,000 edits\n",
                jm::touchpoint_count(base), base.stages.size());

    jm::MapDiff d;
    const auto t_diff = timing_ms(7, [&] { d = jm::diff(base, ours); });
    std::printf("  diff(base, ours)                   %8.2f ms median, %8.2f ms best  (%zu changes: touchpoints +%d -%d >%d ~%d)\n",
                t_diff.median, t_diff.best, d.changes.size(), d.counts.touchpoints.added, d.counts.touchpoints.removed,
                d.counts.touchpoints.moved, d.counts.touchpoints.changed);
    jm::MapDiff same;
    const auto t_same = timing_ms(7, [&] { same = jm::diff(base, base); });
    std::printf("  diff(base, base)                   %8.2f ms median, %8.2f ms best  (equal: %s)\n", t_same.median, t_same.best,
                same.equal() ? "yes" : "NO");

    jm::MergeResult r;
    const auto t_merge = timing_ms(7, [&] { r = jm::merge(base, ours, {theirs}); });
    std::printf("  merge(base, ours, {theirs})        %8.2f ms median, %8.2f ms best  (%zu conflicts, %zu touchpoints) budget 200 ms\n",
                t_merge.median, t_merge.best, r.conflicts.size(), jm::touchpoint_count(r.merged));
    const auto t_inputs = timing_ms(7, [&] { jm::Map a = base, b = ours, c = theirs; (void)a; (void)b; (void)c; });
    std::printf("    of which copying the three inputs %7.2f ms median\n", t_inputs.median);
    const auto t_three = timing_ms(5, [&] { r = jm::merge(base, ours, {theirs, third}); });
    std::printf("  merge(base, ours, {theirs, third}) %8.2f ms median, %8.2f ms best  (%zu conflicts)\n", t_three.median,
                t_three.best, r.conflicts.size());
    const auto t_prefer = timing_ms(3, [&] {
        jm::MergeResult p = jm::merge(base, ours, {theirs});
        jm::resolve_all(p, jm::MergeChoice::Theirs);
    });
    std::printf("  merge + resolve_all(theirs)        %8.2f ms median, %8.2f ms best\n", t_prefer.median, t_prefer.best);

    // The merge applied to the open map as one undo step, and undone.
    jm::MergeResult one = jm::merge(base, ours, {theirs});
    bool exact = true;
    const auto t_apply = timing_ms(5, [&] {
        jm::Map open = ours;
        jm::History h;
        h.execute(open, jm::apply_changes(open, jm::diff(open, one.merged).changes, "Merge"));
        exact = exact && open == one.merged;
        h.undo(open);
        exact = exact && open == ours;
    });
    std::printf("  diff + apply as one step + undo    %8.2f ms median, %8.2f ms best  (%s)\n", t_apply.median, t_apply.best,
                exact ? "exact" : "NOT EXACT");
    const std::size_t bytes = jm::save_map_json(one.merged).size();
    std::printf("  merged file: %zu bytes\n", bytes);
    return exact && same.equal() ? 0 : 1;
}
