// A live room's end of the by-id change stream (edit/map_change.h), the one the
// merge speaks too. The room's shared document (web/room/bridge.mjs) holds
// every entity by id; this side keeps a copy of the map as the room last saw it
// (the shadow) and turns traffic both ways into Changes:
//   - out: the user's own edits are diff(shadow, map), whatever command made
//     them (an edit, an undo, a paste, a merge), so nothing can bypass the room;
//   - in: the room names the entities a peer touched and gives their whole
//     current state; reconcile() turns each into the Adds, Removes, Moves and
//     Sets that bring the shadow to it, and applies to the shadow only those
//     that fit (set_field checks every value). The rest are refused, each with
//     a line saying why: a peer can never break this map.
// Callers flush the user's edits out before taking changes in (take_local,
// then take_remote), so that both read the same state.
//
// The states a room sends, as JSON:
//   {"modified": "...",                  // the map's last edit time in the room ("" = unchanged)
//    "entities": [
//      {"kind": "map", "fields": {key: value, ...}},                // map fields that changed
//      {"kind": "touchpoint", "id": .., "exists": true,
//       "parent": stage id (touchpoint, KPI; "" otherwise),
//       "after": [ids that come before it in its list, nearest first],
//       "index": its index in that list,
//       "fields": {key: value, ...}},                              // every field (an Add needs all)
//      {"kind": "stage", "id": .., "exists": false}, ...]}
// Entities come in the order they apply: those a list position depends on
// first (stages before their cards, each list front to back), removals of
// cards before removals of stages.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "edit/command.h"
#include "edit/map_change.h"
#include "model/map.h"

namespace jm {

class RoomStream {
public:
    // Joins with `map` as the state the room and this editor share.
    void start(const Map& map);
    void stop();
    bool active() const { return applier_.has_value(); }
    const Map& shadow() const { return shadow_; }

    // The user's own edits since the last call: the changes from the shadow to
    // `map`, after which the shadow equals `map`.
    std::vector<Change> take_local(const Map& map);

    struct Incoming {
        std::vector<Change> accepted;        // applied to the shadow; apply them to the map in order
        std::vector<std::string> refused;    // why each refused change was refused, for the log
    };
    // The room's states (format above) as changes that fit the shadow.
    Incoming take_remote(const nlohmann::json& states);

private:
    void reconcile(const nlohmann::json& entity, Incoming& out);
    void offer(Change change, Incoming& out);

    Map shadow_;
    std::optional<ChangeApplier> applier_;   // indexes shadow_ by id
};

// Everything in `map` as the changes that build it from an empty map (Map{}):
// what a new room is seeded with.
std::vector<Change> changes_from_empty(const Map& map);

// A map's lineage as the room's meta holds it, so that every participant's
// copy records the same ancestry (and exports the same file):
// {"bases": [{"id", "hash", "forked", "unknown": {key: raw JSON}}], "unknown": {..}}.
// Reading skips what is not of that shape.
nlohmann::json lineage_to_json(const Lineage& lineage);
Lineage lineage_from_json(const nlohmann::json& j);

// The map a room holds, built from an empty map with id, created, modified and
// lineage from `meta` and every entity's state (a joiner's first view).
// Refusals are appended to `refused`.
Map map_from_room(const nlohmann::json& meta, const nlohmann::json& states, std::vector<std::string>& refused);

// A peer's edit as one command for Document::apply_remote: the accepted
// changes, and the room's `modified` time when not empty. nullptr when neither
// would change anything.
std::unique_ptr<Command> remote_edit(const Map& map, std::vector<Change> accepted, std::string modified);

}  // namespace jm
