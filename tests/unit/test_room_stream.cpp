// The live room's end of the change stream (edit/room_stream.h): the user's
// edits go out as by-id changes whatever made them, a peer's entity states come
// back as the changes that reach them, and a state that would break the map is
// refused with a reason while the rest applies.
#include <algorithm>

#include <catch2/catch.hpp>

#include "edit/history.h"
#include "edit/map_change.h"
#include "edit/map_diff.h"
#include "edit/room_stream.h"
#include "io/limits.h"

using namespace jm;
using nlohmann::json;

namespace {

Map room_map() {
    Map m;
    m.id = "m";
    m.title = "Workshop";
    m.lanes = default_lanes();
    m.personas.push_back(Persona{.id = "p1", .name = "CFO"});
    for (const char* s : {"s1", "s2"}) m.stages.push_back(Stage{.id = s, .name = std::string("Stage ") + s});
    for (const char* t : {"a", "b", "c"}) m.stages[0].touchpoints.push_back(Touchpoint{.id = t, .title = std::string("Card ") + t});
    m.stages[1].kpis.push_back(Kpi{.id = "k1", .name = "SQLs", .current = 12});
    return m;
}

// What the room's document (web/room/bridge.mjs) sends for one entity of `map`.
json state_of(const Map& map, EntityKind kind, const std::string& id) {
    ChangeApplier reader(const_cast<Map&>(map));
    if (!reader.has(kind, id)) return {{"kind", entity_kind_key(kind)}, {"id", id}, {"exists", false}};
    json s = {{"kind", entity_kind_key(kind)}, {"id", id}, {"exists", true}};
    const std::string parent = reader.parent_of(kind, id);
    s["parent"] = parent;
    const auto order = reader.order(kind, parent);
    json after = json::array();
    for (auto it = std::find(order.begin(), order.end(), id); it != order.begin() && it != order.end();) after.push_back(*--it);
    s["after"] = after;
    if (auto f = reader.fields(kind, id)) s["fields"] = fields_object(*f);
    return s;
}

json states(std::vector<json> entities, std::string modified = "") {
    return {{"modified", modified}, {"entities", entities}};
}

Map applied(const Map& map, const RoomStream::Incoming& in, const std::string& modified = "") {
    Map out = map;
    History h;
    h.apply_unrecorded(out, remote_edit(out, in.accepted, modified));
    return out;
}

}  // namespace

TEST_CASE("room stream: the user's edits go out as by-id changes, once") {
    Map m = room_map();
    RoomStream stream;
    stream.start(m);
    CHECK(stream.take_local(m).empty());
    find_touchpoint(m, "b")->title = "Renamed";
    const auto out = stream.take_local(m);
    REQUIRE(out.size() == 1);
    CHECK(out[0].op == ChangeOp::Set);
    CHECK(out[0].id == "b");
    CHECK(out[0].field == "title");
    CHECK(out[0].new_value == "Renamed");
    CHECK(stream.take_local(m).empty());   // the shadow caught up
    CHECK(stream.shadow() == m);
}

TEST_CASE("room stream: a peer's states become changes that reach them") {
    Map ours = room_map();
    Map theirs = room_map();
    RoomStream stream;
    stream.start(ours);

    // The peer retitled b, moved c to the front of s2, added d after a, removed k1.
    find_touchpoint(theirs, "b")->title = "Peer title";
    Touchpoint c = theirs.stages[0].touchpoints[2];
    theirs.stages[0].touchpoints.pop_back();
    theirs.stages[1].touchpoints.insert(theirs.stages[1].touchpoints.begin(), c);
    theirs.stages[0].touchpoints.insert(theirs.stages[0].touchpoints.begin() + 1, Touchpoint{.id = "d", .title = "New", .friction = 4});
    theirs.stages[1].kpis.clear();

    const auto in = stream.take_remote(states({state_of(theirs, EntityKind::Touchpoint, "d"), state_of(theirs, EntityKind::Touchpoint, "c"),
                                               state_of(theirs, EntityKind::Touchpoint, "b"), state_of(theirs, EntityKind::Kpi, "k1")},
                                              "2026-11-24T10:00:00Z"));
    CHECK(in.refused.empty());
    const Map result = applied(ours, in, "2026-11-24T10:00:00Z");
    CHECK(diff(result, theirs).equal());
    CHECK(result.modified == "2026-11-24T10:00:00Z");
    CHECK(stream.shadow() == [&] { Map s = result; s.modified = ours.modified; return s; }());
}

TEST_CASE("room stream: concurrent edits of different fields of one card both survive") {
    Map ours = room_map();
    RoomStream stream;
    stream.start(ours);
    find_touchpoint(ours, "a")->title = "Our title";   // not sent yet
    const auto out = stream.take_local(ours);          // the app flushes first
    REQUIRE(out.size() == 1);
    Map room = ours;                                    // the room holds our title and the peer's friction
    find_touchpoint(room, "a")->friction = 5;
    const auto in = stream.take_remote(states({state_of(room, EntityKind::Touchpoint, "a")}));
    REQUIRE(in.accepted.size() == 1);
    const Map result = applied(ours, in);
    CHECK(find_touchpoint(result, "a")->title == "Our title");
    CHECK(find_touchpoint(result, "a")->friction == 5);
}

TEST_CASE("room stream: hostile states are refused and the rest applies") {
    Map ours = room_map();
    RoomStream stream;
    stream.start(ours);
    Map room = ours;
    find_touchpoint(room, "a")->title = "Fine";
    json bad_friction = state_of(room, EntityKind::Touchpoint, "a");
    bad_friction["fields"]["friction"] = 99;
    json unknown_parent = {{"kind", "touchpoint"}, {"id", "zz"}, {"exists", true}, {"parent", "no-such-stage"},
                           {"after", json::array()}, {"fields", {{"title", "Orphan"}}}};
    json huge = state_of(room, EntityKind::Touchpoint, "b");
    huge["fields"]["title"] = std::string(limits::kMaxTextChars + 1, 'x');
    json unknown_kind = {{"kind", "spaceship"}, {"id", "x"}, {"exists", true}};
    json not_an_object = 42;

    const auto in = stream.take_remote(states({bad_friction, unknown_parent, huge, unknown_kind, not_an_object}));
    CHECK(in.refused.size() == 5);
    REQUIRE(in.accepted.size() == 1);   // a's new title
    const Map result = applied(ours, in);
    CHECK(find_touchpoint(result, "a")->title == "Fine");
    CHECK(find_touchpoint(result, "a")->friction == 0);
    CHECK(find_touchpoint(result, "b")->title == "Card b");
    CHECK(find_touchpoint(result, "zz") == nullptr);
    CHECK(stream.take_local(result).empty());   // the shadow holds exactly what applied
}

TEST_CASE("room stream: a peer's edit is not on the user's undo stack") {
    Map m = room_map();
    History h;
    RoomStream stream;
    stream.start(m);
    Map room = m;
    find_touchpoint(room, "c")->title = "Peer";
    const auto in = stream.take_remote(states({state_of(room, EntityKind::Touchpoint, "c")}));
    const auto before = h.revision();
    CHECK(h.apply_unrecorded(m, remote_edit(m, in.accepted, "")));
    CHECK(h.revision() == before + 1);
    CHECK_FALSE(h.can_undo());
    CHECK(h.dirty());
    h.mark_saved();
    CHECK_FALSE(h.dirty());
}

TEST_CASE("room stream: a map built from the room's states equals the seeded map") {
    const Map original = room_map();
    const auto seed = changes_from_empty(original);
    CHECK_FALSE(seed.empty());
    Map rebuilt;
    rebuilt.id = original.id;
    CHECK(apply_change_list(rebuilt, seed) == seed.size());
    CHECK(diff(rebuilt, original).equal());

    // Every entity in the order a room sends them: lists first, then cards.
    std::vector<json> all = {{{"kind", "map"}, {"fields", fields_object(fields_of(original))}},
                             state_of(original, EntityKind::Period, "period")};
    for (const Lane& l : original.lanes) all.push_back(state_of(original, EntityKind::Lane, lane_key(l)));
    for (const auto& p : original.personas) all.push_back(state_of(original, EntityKind::Persona, p.id));
    for (const auto& s : original.stages) all.push_back(state_of(original, EntityKind::Stage, s.id));
    for (const auto& s : original.stages) {
        for (const auto& k : s.kpis) all.push_back(state_of(original, EntityKind::Kpi, k.id));
        for (const auto& t : s.touchpoints) all.push_back(state_of(original, EntityKind::Touchpoint, t.id));
    }
    std::vector<std::string> refused;
    const Map joined = map_from_room(json{{"id", "m"}, {"created", "c"}, {"modified", "x"}}, states(all, "y"), refused);
    CHECK(refused.empty());
    CHECK(diff(joined, original).equal());
    CHECK(joined.id == "m");
    CHECK(joined.modified == "y");
}

TEST_CASE("room stream: the lineage travels in the room's meta, so every copy exports the same file") {
    Lineage lineage;
    lineage.bases.push_back(Ancestor{"m", std::string(64, 'a'), "2026-11-20T09:00:00Z", {{"note", "\"kept\""}}});
    lineage.unknown["future"] = "[1,2]";
    const json meta = {{"id", "m"}, {"lineage", lineage_to_json(lineage)}};
    std::vector<std::string> refused;
    const Map joined = map_from_room(meta, states({}), refused);
    CHECK(joined.lineage == lineage);
    CHECK(lineage_from_json(json("not an object")).empty());
    CHECK(lineage_from_json(json{{"bases", {{{"hash", "x"}}}}}).bases.empty());   // an entry without an id is skipped
}
