// The live room's end of the change stream at 10,000 touchpoints: what one
// keystroke costs to send (the user's edit found as a diff against what the
// room has) and what a peer's edit costs to take in (its state reconciled,
// checked and applied off the undo stack). Prints figures; asserts nothing about time.
#include <cstdio>
#include <string>

#include "edit/history.h"
#include "edit/room_stream.h"
#include "support/bench_timing.h"
#include "support/large_map.h"

namespace {

// A card's state as the room sends it (web/room/bridge.mjs statesFor).
nlohmann::json card_state(jm::Map& map, const std::string& id) {
    jm::ChangeApplier reader(map);
    nlohmann::json s = {{"kind", "touchpoint"}, {"id", id}, {"exists", true}, {"parent", reader.parent_of(jm::EntityKind::Touchpoint, id)},
                        {"after", nlohmann::json::array()}, {"index", 0}};
    s["fields"] = jm::fields_object(*reader.fields(jm::EntityKind::Touchpoint, id));
    const auto order = reader.order(jm::EntityKind::Touchpoint, s["parent"].get<std::string>());
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] != id) continue;
        s["index"] = i;
        if (i > 0) s["after"].push_back(order[i - 1]);
    }
    return s;
}

}  // namespace

int main() {
    using jm::testing::timing_ms;
    for (int cards : {100, 1000, 10000}) {
        jm::Map map = jm::testing::make_large_map({.stages = 20, .touchpoints = cards, .personas = 20});
        jm::RoomStream stream;
        stream.start(map);
        jm::Touchpoint& card = map.stages[3].touchpoints[0];
        int n = 0;
        const auto t_local = timing_ms(21, [&] {
            card.title = "Typed " + std::to_string(++n);
            if (stream.take_local(map).size() != 1) std::printf("unexpected change count\n");
        });

        // A peer retitled another card: its state comes in, is reconciled and applied.
        jm::Map peer = map;
        jm::History history;
        const std::string other = map.stages[5].touchpoints[0].id;
        const auto t_remote = timing_ms(21, [&] {
            jm::find_touchpoint(peer, other)->title = "Peer " + std::to_string(++n);
            const nlohmann::json states = {{"modified", ""}, {"entities", {card_state(peer, other)}}};
            auto in = stream.take_remote(states);
            history.apply_unrecorded(map, jm::remote_edit(map, std::move(in.accepted), ""));
        });
        const auto t_seed = timing_ms(5, [&] { (void)jm::changes_from_empty(map); });
        std::printf("bench_room: %5d touchpoints: send one edit %7.3f ms median (%7.3f best); take in a peer's edit %7.3f ms "
                    "median (includes making its state); seed changes of the whole map %8.2f ms\n",
                    cards, t_local.median, t_local.best, t_remote.median, t_seed.median);
    }
    return 0;
}
