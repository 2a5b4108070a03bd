// Every way the editor changes a map, as undoable commands (run them through a
// History). Items are named by id.
//
// Factories that take `const Map&` read the current state to validate the ids
// and to word the label. They return nullptr when there is nothing to do: an id
// the map does not have, or an edit that changes nothing (a move to where the
// item already is, a field set to its current value). History::execute ignores
// nullptr, so `history.execute(map, delete_stage(map, id))` is always safe.
//
// Factories without a map (add_*) are checked when applied: an add whose ids are
// empty, repeated, or already used by the map, or whose target stage is gone,
// leaves the map untouched and History records nothing (Command::had_effect()).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edit/command.h"
#include "edit/memory_estimate.h"
#include "model/map.h"

namespace jm {

// The map's own editable fields. Everything else is outside it on purpose:
// id, created and modified are bookkeeping (History stamps `modified` on every
// edit, undo and redo, so an undo never winds that clock back), unknown keys are
// file content the editor never edits, and stages and personas have their own
// commands.
struct MapInfo {
    std::string title, description, objective, segment, author, currency;
    std::vector<Lane> lanes;
    CardDetail card_detail = CardDetail::Full;
    Period period;
    std::optional<Period> period_previous;
    bool operator==(const MapInfo&) const = default;
};
MapInfo map_info(const Map& map);

// Field edits: `after` replaces the item with the same id (a stage edit keeps
// the stage's touchpoints as they are in the map). `merge_key` (e.g.
// "tp-1/title") merges continuous edits of one field into one undo step; an
// empty label gets a default ("Edit touchpoint 'Demo call'").
std::unique_ptr<Command> set_map_info(const Map& map, MapInfo after, std::string label, std::string merge_key);
std::unique_ptr<Command> set_stage(const Map& map, const Stage& after, std::string label, std::string merge_key);
std::unique_ptr<Command> set_touchpoint(const Map& map, const Touchpoint& after, std::string label, std::string merge_key);
std::unique_ptr<Command> set_persona(const Map& map, const Persona& after, std::string label, std::string merge_key);

// Stages. add_stage inserts at `index` (clamped to 0..size), its touchpoints
// included. delete_stage removes a stage with its touchpoints as one step; undo
// puts it back at its position. move_stage's `new_index` is the stage's index
// after the move (clamped to 0..size-1).
std::unique_ptr<Command> add_stage(Stage stage, int index);
std::unique_ptr<Command> delete_stage(const Map& map, const std::string& id);
std::unique_ptr<Command> move_stage(const Map& map, const std::string& id, int new_index);

// Touchpoints. add_touchpoints inserts cards at `index` of a stage (clamped),
// for add, duplicate and paste. delete_touchpoints removes cards from any
// stages; undo restores each at its position. move_touchpoints drags cards to
// the gap `target_index` of the target stage as it looks before the move
// (0 = before the first card, size = after the last); the cards land together
// in the order of `ids`. Repeated and unknown ids are ignored.
std::unique_ptr<Command> add_touchpoints(const std::string& stage_id, int index, std::vector<Touchpoint> touchpoints);
std::unique_ptr<Command> delete_touchpoints(const Map& map, const std::vector<std::string>& ids);
std::unique_ptr<Command> move_touchpoints(const Map& map, const std::vector<std::string>& ids,
                                          const std::string& target_stage_id, int target_index);

// Personas. Deleting one also removes its id from every touchpoint's
// persona_ids in the same step; undo puts each reference back where it was.
std::unique_ptr<Command> add_persona(Persona persona, int index);
std::unique_ptr<Command> delete_persona(const Map& map, const std::string& id);
std::unique_ptr<Command> move_persona(const Map& map, const std::string& id, int new_index);

// The whole document at once (open, import, new as an undoable step). Holds
// one map copy: the one not currently in the editor.
std::unique_ptr<Command> replace_map(const Map& before, Map after, std::string label);

// A name short enough for a label: at most `max_chars` characters (code
// points, not bytes), cut with "…" and never inside a UTF-8 sequence; line
// breaks and tabs become spaces.
std::string short_label(const std::string& text, std::size_t max_chars = 40);

}  // namespace jm
