// Every way the editor changes a map, as undoable commands. Factories that
// take `const Map&` read the current state to remember what to restore; they
// return nullptr when the id they are given does not exist (nothing to do).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edit/command.h"
#include "model/map.h"

namespace jm {

// The map's own fields: everything but its stages and personas.
struct MapInfo {
    std::string title, description, objective, segment, author, currency, created, modified;
    std::vector<Lane> lanes;
    Period period;
    std::optional<Period> period_previous;
    UnknownFields unknown;
    bool operator==(const MapInfo&) const = default;
};
MapInfo map_info(const Map& map);

// Field edits: `after` replaces the item with the same id. A stage edit keeps the
// stage's touchpoints as they are. `merge_key` (e.g. "tp-1/title") merges
// continuous edits of one field into one undo step.
std::unique_ptr<Command> set_map_info(const Map& map, MapInfo after, std::string label, std::string merge_key);
std::unique_ptr<Command> set_stage(const Map& map, const Stage& after, std::string label, std::string merge_key);
std::unique_ptr<Command> set_touchpoint(const Map& map, const Touchpoint& after, std::string label, std::string merge_key);
std::unique_ptr<Command> set_persona(const Map& map, const Persona& after, std::string label, std::string merge_key);

// Stages. `index` is clamped to the valid range.
std::unique_ptr<Command> add_stage(Stage stage, int index);
std::unique_ptr<Command> delete_stage(const Map& map, const std::string& id);   // with its touchpoints
std::unique_ptr<Command> move_stage(const Map& map, const std::string& id, int new_index);

// Touchpoints: add (also duplicate and paste), delete from any stages, and move
// (drag) to `target_index` of a stage as it looks before the move; the ids keep
// their order.
std::unique_ptr<Command> add_touchpoints(const std::string& stage_id, int index, std::vector<Touchpoint> touchpoints);
std::unique_ptr<Command> delete_touchpoints(const Map& map, const std::vector<std::string>& ids);
std::unique_ptr<Command> move_touchpoints(const Map& map, const std::vector<std::string>& ids,
                                          const std::string& target_stage_id, int target_index);

// Personas. Deleting one also removes its id from every touchpoint, in the same step.
std::unique_ptr<Command> add_persona(Persona persona, int index);
std::unique_ptr<Command> delete_persona(const Map& map, const std::string& id);
std::unique_ptr<Command> move_persona(const Map& map, const std::string& id, int new_index);

// The whole map at once (an import into the open document).
std::unique_ptr<Command> replace_map(const Map& before, Map after, std::string label);

// A name short enough for a label: at most `max_chars` characters (not bytes),
// with "…" when cut; never splits a UTF-8 sequence.
std::string short_label(const std::string& text, std::size_t max_chars = 40);

// Estimated bytes an item holds (strings included), for memory reports.
std::size_t approx_bytes(const Touchpoint& t);
std::size_t approx_bytes(const Stage& s);
std::size_t approx_bytes(const Persona& p);

}  // namespace jm
