// The by-id change record: one difference between two versions of a map, named
// by entity id and by the file format's own key names. Compare (map_diff.h),
// merge (map_merge.h) and, later, live co-editing all speak it.
//
// What a Change can say, per kind of entity:
//   map        Set a map field ("title", "card_detail", an unknown key...). id "".
//   period     Set a business figure of "period" or "period_previous"; Add and
//              Remove "period_previous" (it is optional). No position.
//   lane       Add, Remove, Move a shown lane (id = its key, "emotion"). No fields.
//   persona    Add, Remove, Move (order in the personas panel), Set a field.
//   stage      Add, Remove, Move (column order), Set a field. Its touchpoints
//              and KPIs are entities of their own: a stage added with three cards
//              is one stage Add and three touchpoint Adds.
//   kpi        child of a stage: Add, Remove, Move (within or to another stage), Set.
//   touchpoint child of a stage: the same.
//
// Field keys are the file format's keys (README, "Map file format"); a nested
// object's keys are joined with '.': "handoff.agreement", "evidence.quotes",
// "firmographics.region". Keys a file carried that this version does not know
// are fields too, under their own key. Three keys are grouped values:
//   - a touchpoint's survey is "survey.nps" (11 counts), "survey.csat" (5) and
//     "survey.ces", the CES answers with their scale, which mean nothing apart:
//     {"ces_scale": 7, "ces_low_is_easy": true, "ces": [..]};
//   - an optional survey ("survey" and "survey_previous" of a stage,
//     "survey_previous" of a touchpoint) is one field: null when absent, else
//     {"nps": [..], "csat": [..], "ces_scale": .., "ces_low_is_easy": .., "ces": [..], unknown keys..}.
// Absent optional values are null; text is always a string ("" when empty).
// The map's id, created, modified and lineage are bookkeeping, not content: no
// Change names them (a merge keeps ours').
//
// Positions: Add and Move carry the target `parent` (the stage of a touchpoint
// or KPI, "" for the other kinds), `prev_id` (the item it goes right after in
// that list, "" = first) and `index` (its index in the target list). Applying
// places the item after `prev_id` when that is non-empty and found there, else
// at `index` (clamped) when index >= 0, else first (prev_id "") or last.
//
// Applying the changes of diff(A, B) to A in order gives B exactly (apart from
// the bookkeeping fields above).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "edit/command.h"
#include "model/map.h"

namespace jm {

enum class EntityKind { Map, Period, Lane, Persona, Stage, Kpi, Touchpoint };
enum class ChangeOp { Add, Remove, Move, Set };

const char* entity_kind_key(EntityKind kind);   // "map", "period", "lane", "persona", "stage", "kpi", "touchpoint"
const char* change_op_key(ChangeOp op);         // "add", "remove", "move", "set"
std::optional<EntityKind> entity_kind_from_key(const std::string& key);
std::optional<ChangeOp> change_op_from_key(const std::string& key);

struct Change {
    EntityKind kind = EntityKind::Map;
    ChangeOp op = ChangeOp::Set;
    std::string id;              // the entity's id ("" for the map; "period"/"period_previous"; a lane's key)
    std::string parent;          // stage id of a touchpoint or KPI: where it is (Set, Remove) or goes (Add, Move)
    std::string from_parent;     // Move: the stage it leaves (touchpoint, KPI); "" otherwise
    std::string field;           // Set: the field's key
    nlohmann::json old_value;    // Set: the value before; Remove: the entity's fields (an object)
    nlohmann::json new_value;    // Set: the value after; Add: the entity's fields (an object)
    std::string prev_id;         // Add, Move: the item it goes right after ("" = first)
    int index = -1;              // Add, Move: its index in the target list
    bool operator==(const Change&) const = default;
};

// {"kind": "touchpoint", "op": "set", "id": .., "field": .., "old": .., "new": ..}:
// the keys that apply to the change's op, for JSON output and tests.
nlohmann::json change_to_json(const Change& change);
std::optional<Change> change_from_json(const nlohmann::json& j);

// ---- Fields ----------------------------------------------------------------------
// Every field of an entity as (key, value), known keys in the format's order,
// then unknown keys sorted. Stage fields leave out its touchpoints and KPIs.
using FieldList = std::vector<std::pair<std::string, nlohmann::json>>;
FieldList fields_of(const Map& map);              // the map's own fields (not id, created, modified)
FieldList fields_of(const Period& period);
FieldList fields_of(const Persona& persona);
FieldList fields_of(const Stage& stage);
FieldList fields_of(const Kpi& kpi);
FieldList fields_of(const Touchpoint& touchpoint);
nlohmann::json fields_object(const FieldList& fields);   // {key: value}

// Sets one field from a JSON value. False (and nothing changes) for a key the
// kind does not have (a known key of another kind's shape), a value of the
// wrong type, or one out of the format's range (friction 0..5, emotion -2..2,
// counts >= 0, a CES scale of 5 or 7 with as many counts). Unknown keys take any
// JSON value; null removes them.
bool set_field(Map& map, const std::string& key, const nlohmann::json& value);
bool set_field(Period& period, const std::string& key, const nlohmann::json& value);
bool set_field(Persona& persona, const std::string& key, const nlohmann::json& value);
bool set_field(Stage& stage, const std::string& key, const nlohmann::json& value);
bool set_field(Kpi& kpi, const std::string& key, const nlohmann::json& value);
bool set_field(Touchpoint& touchpoint, const std::string& key, const nlohmann::json& value);

// ---- Applying ----------------------------------------------------------------------
// Applies changes to one map, keeping an index by id so that a long list costs
// time in proportion to its length, not to the map's size times its length.
class ChangeApplier {
public:
    explicit ChangeApplier(Map& map);

    // Applies one change. False, and the map unchanged, when it does not fit
    // the map (an id that is not there, or already is for an Add; a parent that
    // is not there; a bad field value). When `undo` is given, the changes that
    // revert this one exactly are appended to it: apply them in reverse order
    // of the whole list (they carry exact indexes, not prev_ids).
    bool apply(const Change& change, std::vector<Change>* undo = nullptr);

    bool has(EntityKind kind, const std::string& id) const;
    // The stage holding a touchpoint or KPI; "" for other kinds or when absent.
    std::string parent_of(EntityKind kind, const std::string& id) const;
    // The ids of one ordered list: lanes, personas, stages ("" parent), or the
    // touchpoints / KPIs of stage `parent`.
    std::vector<std::string> order(EntityKind kind, const std::string& parent) const;
    // An entity's fields; nullopt when absent (kinds Map and Lane: map fields / nothing).
    std::optional<FieldList> fields(EntityKind kind, const std::string& id) const;
    std::optional<nlohmann::json> field(EntityKind kind, const std::string& id, const std::string& key) const;

    Map& map() { return map_; }

private:
    Stage* stage(const std::string& id);
    int stage_index(const std::string& id) const;
    bool apply_set(const Change& c, std::vector<Change>* undo);
    bool apply_add(const Change& c, std::vector<Change>* undo);
    bool apply_remove(const Change& c, std::vector<Change>* undo);
    bool apply_move(const Change& c, std::vector<Change>* undo);

    Map& map_;
    std::unordered_map<std::string, std::string> tp_stage_;    // touchpoint id -> stage id
    std::unordered_map<std::string, std::string> kpi_stage_;   // KPI id -> stage id
};

// Applies a list in order; returns how many changes applied (the others did not fit).
std::size_t apply_change_list(Map& map, const std::vector<Change>& changes);

// The list as one undoable step (a merge, a remote edit): apply() applies the
// changes in order and records what reverts each exactly; revert() replays that
// record backwards. It holds the changes and the record, never a copy of the
// map. nullptr when `changes` is empty; had_effect() is false when none applied.
// With a `merge_key`, lists applied one after another fold into one step while
// nothing else comes in between (a merge and the conflicts resolved after it).
std::unique_ptr<Command> apply_changes(const Map& map, std::vector<Change> changes, std::string label,
                                       std::string merge_key = {});

}  // namespace jm
