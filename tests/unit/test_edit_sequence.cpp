// Long random editing sessions: every kind of command mixed, then undone to the
// start and redone to the end, comparing the map with what it was at each
// position. The map must stay valid (unique ids, no dangling persona
// references) after every step.
#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <set>

#include "edit/commands.h"
#include "edit/history.h"
#include "support/large_map.h"

using namespace jm;

namespace {

struct Session {
    Map map;
    History history;
    std::mt19937 rng{7};
    int next_id = 0;

    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
    std::string fresh(const char* prefix) { return std::string(prefix) + "-new-" + std::to_string(next_id++); }

    std::vector<std::string> some_cards(int max) {
        std::vector<std::string> all;
        for (const auto& s : map.stages)
            for (const auto& t : s.touchpoints) all.push_back(t.id);
        std::vector<std::string> out;
        for (int k = pick(1, max); k > 0 && !all.empty(); --k) out.push_back(all[pick(0, static_cast<int>(all.size()) - 1)]);
        return out;   // may repeat an id, as a sloppy caller might
    }
    const Stage* some_stage() { return map.stages.empty() ? nullptr : &map.stages[pick(0, static_cast<int>(map.stages.size()) - 1)]; }
    const Persona* some_persona() {
        return map.personas.empty() ? nullptr : &map.personas[pick(0, static_cast<int>(map.personas.size()) - 1)];
    }

    void run(std::unique_ptr<Command> c) { history.execute(map, std::move(c)); }

    // One user action, chosen like a workshop would: mostly field edits.
    void random_action() {
        int kind = pick(0, 19);
        const Stage* stage = some_stage();
        if (kind <= 6) {   // typing or dragging a slider on a card
            auto ids = some_cards(1);
            if (ids.empty()) return;
            Touchpoint t = *find_touchpoint(map, ids[0]);
            bool text = kind % 2 == 0;
            if (text) t.title += static_cast<char>('a' + pick(0, 25));
            else t.friction = pick(0, 5);
            run(set_touchpoint(map, t, "", t.id + (text ? "/title" : "/friction")));
            if (pick(0, 3) == 0) history.break_merge();
        } else if (kind == 7 && stage) {
            Stage s = *stage;
            s.name += "'";
            s.funnel_count = pick(0, 1000);
            run(set_stage(map, s, "", s.id + "/name"));
        } else if (kind == 8 && !map.personas.empty()) {
            Persona p = *some_persona();
            p.goals += "!";
            run(set_persona(map, p, "", ""));
        } else if (kind == 9) {
            MapInfo info = map_info(map);
            info.title += "~";
            info.period.arpa = pick(100, 900);
            run(set_map_info(map, info, "", "map/title"));
        } else if (kind == 10) {
            Stage s{.id = fresh("stage"), .name = "Added"};
            s.touchpoints.push_back(Touchpoint{.id = fresh("tp"), .title = "Inside"});
            run(add_stage(s, pick(0, static_cast<int>(map.stages.size()))));
        } else if (kind == 11 && stage && map.stages.size() > 2) {
            run(delete_stage(map, stage->id));
        } else if (kind == 12 && stage) {
            run(move_stage(map, stage->id, pick(0, static_cast<int>(map.stages.size()) - 1)));
        } else if (kind == 13 && stage) {
            std::vector<Touchpoint> cards;
            for (int k = pick(1, 3); k > 0; --k) {
                std::string id = fresh("tp");
                Touchpoint t{.id = id, .title = "Pasted " + id};
                if (!map.personas.empty()) t.persona_ids.push_back(some_persona()->id);
                cards.push_back(t);
            }
            run(add_touchpoints(stage->id, pick(0, static_cast<int>(stage->touchpoints.size())), cards));
        } else if (kind == 14) {
            run(delete_touchpoints(map, some_cards(3)));
        } else if (kind == 15 && stage) {
            run(move_touchpoints(map, some_cards(3), stage->id, pick(0, static_cast<int>(stage->touchpoints.size()))));
        } else if (kind == 16) {
            run(add_persona(Persona{.id = fresh("persona"), .name = "New"}, pick(0, static_cast<int>(map.personas.size()))));
        } else if (kind == 17 && map.personas.size() > 1) {
            run(delete_persona(map, some_persona()->id));
        } else if (kind == 18 && !map.personas.empty()) {
            run(move_persona(map, some_persona()->id, pick(0, static_cast<int>(map.personas.size()) - 1)));
        } else if (kind == 19) {
            HistoryGroup group(history, "Duplicate and tidy");
            auto ids = some_cards(2);
            if (!ids.empty() && stage) {
                Touchpoint copy = *find_touchpoint(map, ids[0]);
                copy.id = fresh("tp");
                run(add_touchpoints(stage->id, 0, {copy}));
                run(delete_touchpoints(map, {ids.back()}));
            }
        }
    }
};

// Ids unique across the map and every persona reference pointing at a persona.
bool valid(const Map& m) {
    std::set<std::string> ids{m.id}, personas;
    bool ok = true;
    for (const auto& p : m.personas) ok = ok && ids.insert(p.id).second && personas.insert(p.id).second;
    for (const auto& s : m.stages) {
        ok = ok && ids.insert(s.id).second;
        for (const auto& k : s.kpis) ok = ok && ids.insert(k.id).second;
        for (const auto& t : s.touchpoints) {
            ok = ok && ids.insert(t.id).second;
            for (const auto& pid : t.persona_ids) ok = ok && personas.count(pid) == 1;
        }
    }
    return ok;
}

// Plays `actions` random actions, keeping a copy of the map at every position
// divisible by `every`; then walks back to the start and forward to the end.
void play_and_rewind(Session& s, int actions, std::size_t every) {
    std::vector<std::optional<Map>> at_position(1, s.map);
    for (int i = 0; i < actions; ++i) {
        s.random_action();
        REQUIRE(valid(s.map));
        std::size_t pos = s.history.position();
        if (at_position.size() <= pos) at_position.resize(pos + 1);
        // A merged edit changes the map at the same position: keep the latest.
        if (pos % every == 0) at_position[pos] = s.map;
    }
    const Map end = s.map;
    const std::size_t top = s.history.position();
    REQUIRE(top == s.history.size());
    while (s.history.can_undo()) {
        REQUIRE(s.history.undo(s.map));
        std::size_t pos = s.history.position();
        if (at_position[pos]) REQUIRE(s.map == *at_position[pos]);
    }
    REQUIRE(s.map == *at_position[0]);
    while (s.history.can_redo()) {
        REQUIRE(s.history.redo(s.map));
        std::size_t pos = s.history.position();
        if (at_position[pos]) REQUIRE(s.map == *at_position[pos]);
    }
    REQUIRE(s.map == end);
    REQUIRE(s.history.position() == top);
}

}  // namespace

TEST_CASE("300 random actions undo and redo exactly at every step", "[edit][history][sequence]") {
    Session s;
    s.map = testing::make_large_map({.stages = 4, .touchpoints = 24, .personas = 4, .seed = 3});
    play_and_rewind(s, 300, 1);
}

TEST_CASE("over 1,000 steps on a larger map undo to the start and redo to the end", "[edit][history][sequence]") {
    Session s;
    s.rng.seed(11);
    s.map = testing::make_large_map({.stages = 8, .touchpoints = 200, .personas = 8, .seed = 5});
    const Map start = s.map;
    play_and_rewind(s, 2600, 50);
    REQUIRE(s.history.size() > 1000);
    REQUIRE(s.history.jump_to(s.map, 0));
    REQUIRE(s.map == start);
}
