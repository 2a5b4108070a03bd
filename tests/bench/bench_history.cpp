// Undo history under a realistic editing session on a map of 1,000 touchpoints:
// typing sessions and slider drags (merged into one step each), card moves,
// adds, pastes, deletes, stage and persona edits. Prints memory held, steps,
// and time per execute, undo, redo and History-panel jump. Figures only,
// never asserted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "edit/commands.h"
#include "edit/history.h"
#include "support/large_map.h"

using namespace jm;

namespace {

using Clock = std::chrono::steady_clock;

double us_since(Clock::time_point t0) { return std::chrono::duration<double, std::micro>(Clock::now() - t0).count(); }

struct Session {
    Map map;
    History history;
    std::mt19937 rng{2026};
    int next_id = 0;
    std::size_t executes = 0;
    double execute_us = 0;   // factories included: that is what an edit costs the UI

    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
    std::string fresh(const char* prefix) { return std::string(prefix) + "-b" + std::to_string(next_id++); }
    const Stage& some_stage() { return map.stages[pick(0, static_cast<int>(map.stages.size()) - 1)]; }
    const Touchpoint* some_card() {
        for (int tries = 0; tries < 20; ++tries) {
            const Stage& s = some_stage();
            if (!s.touchpoints.empty()) return &s.touchpoints[pick(0, static_cast<int>(s.touchpoints.size()) - 1)];
        }
        return nullptr;
    }
    // Stages people delete are mostly ones they just added and barely filled.
    const Stage& smallest_stage() {
        return *std::min_element(map.stages.begin(), map.stages.end(),
                                 [](const Stage& a, const Stage& b) { return a.touchpoints.size() < b.touchpoints.size(); });
    }
    std::vector<std::string> some_cards(int n) {
        std::vector<std::string> ids;
        for (int i = 0; i < n; ++i)
            if (const Touchpoint* t = some_card()) ids.push_back(t->id);
        return ids;
    }

    template <typename MakeCommand>
    void run(MakeCommand&& make) {
        auto t0 = Clock::now();
        history.execute(map, make());
        execute_us += us_since(t0);
        ++executes;
    }

    void type_into_card() {
        const Touchpoint* card = some_card();
        if (!card) return;
        std::string id = card->id;
        bool describe = pick(0, 1) == 0;
        for (int k = pick(3, 12); k > 0; --k)
            run([&] {
                Touchpoint t = *find_touchpoint(map, id);
                (describe ? t.description : t.title) += static_cast<char>('a' + pick(0, 25));
                return set_touchpoint(map, t, "Edit title of " + short_label(t.title), id + (describe ? "/description" : "/title"));
            });
        history.break_merge();
    }

    void drag_slider() {
        const Touchpoint* card = some_card();
        if (!card) return;
        std::string id = card->id;
        for (int k = pick(2, 6); k > 0; --k)
            run([&] {
                Touchpoint t = *find_touchpoint(map, id);
                t.friction = (t.friction + 1) % 6;
                return set_touchpoint(map, t, "Set friction of " + short_label(t.title), id + "/friction");
            });
        history.break_merge();
    }

    void type_into_stage() {
        std::string id = some_stage().id;
        for (int k = pick(3, 8); k > 0; --k)
            run([&] {
                Stage s = *find_stage(map, id);
                s.business_voice += 'v';
                return set_stage(map, s, "", id + "/business_voice");
            });
        history.break_merge();
    }

    void type_into_persona() {
        std::string id = map.personas[pick(0, static_cast<int>(map.personas.size()) - 1)].id;
        for (int k = pick(3, 8); k > 0; --k)
            run([&] {
                Persona p = *find_persona(map, id);
                p.goals += 'g';
                return set_persona(map, p, "", id + "/goals");
            });
        history.break_merge();
    }

    void edit_map_info() {
        run([&] {
            MapInfo info = map_info(map);
            info.objective += 'o';
            return set_map_info(map, info, "", "map/objective");
        });
        history.break_merge();
    }

    void paste_cards() {
        const Touchpoint* card = some_card();
        if (!card) return;
        std::vector<Touchpoint> copies;
        for (int k = pick(1, 5); k > 0; --k) {
            Touchpoint copy = *card;
            copy.id = fresh("tp");
            copies.push_back(copy);
        }
        const Stage& s = some_stage();
        std::string stage_id = s.id;
        int index = pick(0, static_cast<int>(s.touchpoints.size()));
        HistoryGroup group(history, "Paste cards");
        run([&] { return add_touchpoints(stage_id, index, copies); });
    }

    void one_action() {
        int roll = pick(0, 199);
        if (roll < 110) type_into_card();
        else if (roll < 140) drag_slider();
        else if (roll < 150) type_into_stage();
        else if (roll < 156) type_into_persona();
        else if (roll < 160) edit_map_info();
        else if (roll < 174) {
            const Stage& s = some_stage();
            run([&] { return move_touchpoints(map, some_cards(pick(1, 3)), s.id, pick(0, static_cast<int>(s.touchpoints.size()))); });
        } else if (roll < 182) paste_cards();
        else if (roll < 190) run([&] { return delete_touchpoints(map, some_cards(pick(1, 2))); });
        else if (roll < 193) run([&] { return move_stage(map, some_stage().id, pick(0, static_cast<int>(map.stages.size()) - 1)); });
        else if (roll < 195) run([&] { return add_stage(Stage{.id = fresh("stage"), .name = "New stage"}, pick(0, 10)); });
        else if (roll < 196 && map.stages.size() > 6) run([&] { return delete_stage(map, smallest_stage().id); });
        else if (roll < 198) run([&] { return add_persona(Persona{.id = fresh("persona"), .name = "New persona"}, 0); });
        else if (map.personas.size() > 4) run([&] { return delete_persona(map, map.personas[pick(0, 3)].id); });
    }
};

struct Timing {
    double mean = 0, p50 = 0, p99 = 0, max = 0;
};

Timing summarise(std::vector<double> us) {
    Timing t;
    if (us.empty()) return t;
    std::sort(us.begin(), us.end());
    for (double x : us) t.mean += x;
    t.mean /= static_cast<double>(us.size());
    t.p50 = us[us.size() / 2];
    t.p99 = us[std::min(us.size() - 1, us.size() * 99 / 100)];
    t.max = us.back();
    return t;
}

void print(const char* what, const Timing& t) {
    std::printf("  %-18s mean %8.2f us | p50 %8.2f | p99 %8.2f | max %9.2f\n", what, t.mean, t.p50, t.p99, t.max);
}

void bench(std::size_t steps) {
    Session s;
    s.map = testing::make_large_map({.stages = 10, .touchpoints = 1000, .personas = 10, .seed = 9});
    std::size_t map_bytes = approx_bytes(s.map), cards_before = touchpoint_count(s.map);
    auto t0 = Clock::now();
    while (s.history.size() < steps) s.one_action();
    double session_ms = us_since(t0) / 1000.0;

    std::printf("%zu steps (%zu executes merged into them); map of %zu touchpoints (%zu at the end), %.0f KB:\n",
                s.history.size(), s.executes, cards_before, touchpoint_count(s.map), map_bytes / 1024.0);
    std::printf("  history memory_bytes %.1f KB (%.0f bytes per step); session built in %.0f ms\n",
                s.history.memory_bytes() / 1024.0, double(s.history.memory_bytes()) / double(s.history.size()), session_ms);
    std::printf("  %-18s mean %8.2f us\n", "execute", s.execute_us / double(s.executes));

    std::vector<double> undo_us, redo_us;
    while (s.history.can_undo()) {
        auto u0 = Clock::now();
        s.history.undo(s.map);
        undo_us.push_back(us_since(u0));
    }
    while (s.history.can_redo()) {
        auto r0 = Clock::now();
        s.history.redo(s.map);
        redo_us.push_back(us_since(r0));
    }
    print("undo", summarise(undo_us));
    print("redo", summarise(redo_us));

    auto j0 = Clock::now();
    s.history.jump_to(s.map, 0);
    double back_ms = us_since(j0) / 1000.0;
    auto j1 = Clock::now();
    s.history.jump_to(s.map, s.history.size());
    double forward_ms = us_since(j1) / 1000.0;
    auto l0 = Clock::now();
    std::size_t label_chars = 0;
    for (const auto& l : s.history.labels()) label_chars += l.size();
    double labels_us = us_since(l0);
    std::printf("  jump_to(0) %.1f ms, jump_to(end) %.1f ms; labels() for the panel %.0f us (%zu chars)\n\n", back_ms,
                forward_ms, labels_us, label_chars);
}

}  // namespace

int main() {
    bench(1000);
    bench(5000);
    return 0;
}
