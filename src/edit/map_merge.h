// Three-way merge of journey maps by id, field by field: the copies a
// facilitator sent to workshop groups come back and become one map again.
//
// merge(base, ours, {theirs...}) folds the groups' copies in one by one, in the
// order given: ours + theirs[0], then that result + theirs[1], and so on, each
// step against the same base. Each step compares base->ours and base->theirs
// (diff(), edit/map_diff.h) and starts from ours (the merge so far):
//   - a change on one side only is taken; the same change on both sides once;
//   - different changes to the same field are a conflict;
//   - a change on one side (a field, a move to another stage, a card added into
//     a stage) to something deleted on the other is a conflict;
//   - additions from every side are kept, each right after the item it follows
//     on its side (the nearest one before it that the result has), after the
//     items earlier sides added at the same place: side order first, then the
//     side's own order; deterministic;
//   - the same card (or KPI) moved to different stages by two sides is a
//     conflict; moved by both within its stage, or to the same stage, ours'
//     position stays; moved by one side only, that move is taken;
//   - a touchpoint's survey answers are fields of their own ("survey.nps",
//     "survey.csat", "survey.ces": edit/map_change.h): counts changed on both
//     sides to different values are a conflict, never summed; changed on one
//     side only, taken;
//   - personas added on two sides with the same name (trimmed, ASCII case
//     ignored) and different ids become one: the later side's persona takes the
//     earlier one's id (its cards' persona_ids follow), its differing fields are
//     conflicts like any pair of additions, and MergeResult::unified says so;
//   - lanes, KPIs and business figures (period, period_previous) follow the
//     same rules;
//   - a touchpoint's persona_ids that name a persona the result no longer has
//     (deleted on one side, chosen on a new card on the other) are dropped, so
//     the merged map is always a valid file.
// While a conflict is unresolved the result holds ours' version of it (the
// merge so far). With no base (a file without lineage) the merge is two-way:
// everything in either map is kept, and a field with different values on the
// two sides is a conflict (base value null). The map's id, created and
// modified are ours'. Same inputs, same result, byte for byte.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "edit/map_change.h"
#include "model/map.h"

namespace jm {

enum class MergeChoice { Ours, Theirs, Base, Edited };
const char* merge_choice_key(MergeChoice choice);   // "ours", "theirs", "base", "edited"

struct Conflict {
    EntityKind kind = EntityKind::Map;
    std::string id;
    // The field's key (edit/map_change.h); "" for the entity itself (deleted on
    // one side, changed on the other), "@stage" for the stage a card or KPI is in.
    std::string field;
    // What happened: "changed" (both sides, differently), "added" (both sides
    // added the same id with different values), "deleted_ours" (gone from the
    // merge so far, changed by theirs), "deleted_theirs" (changed so far,
    // deleted by theirs), "stage_deleted" (theirs put it into a stage the merge
    // so far deleted), "moved" (to different stages).
    std::string what;
    std::string stage;           // a touchpoint's or KPI's stage id, for display
    nlohmann::json base, ours, theirs;   // field values, entity fields objects, or stage ids; null = absent
    int side = 1;                // which of the theirs (1 = the first); "ours" is the merge so far
    bool resolved = false;
    MergeChoice choice = MergeChoice::Ours;   // when resolved
    std::string key() const;     // "1/touchpoint/tp-1/title": stable across re-runs
};

struct Resolution {
    MergeChoice choice = MergeChoice::Ours;
    nlohmann::json value;        // for Edited: the field value, fields object, or stage id (null: absent)
};

struct UnifiedPersona {
    int side = 1;
    std::string theirs_id, ours_id, name;
};

struct MergeInputs {
    std::optional<Map> base;     // nullopt: two-way merge
    Map ours;
    std::vector<Map> theirs;
};

struct MergeResult {
    Map merged;
    std::vector<Conflict> conflicts;      // in the order found: side by side, in diff order
    std::vector<UnifiedPersona> unified;
    std::map<std::string, Resolution> resolutions;   // by Conflict::key
    std::shared_ptr<const MergeInputs> inputs;       // for re-running with resolutions
    std::size_t unresolved() const;
};

MergeResult merge(std::optional<Map> base, Map ours, std::vector<Map> theirs);
// The same inputs again, with resolutions chosen so far.
MergeResult merge(std::shared_ptr<const MergeInputs> inputs, std::map<std::string, Resolution> resolutions);

// Picks a side (or a value) for conflict `index` and merges again; a choice
// can change what later sides conflict with. False when the index is out of
// range or an edited value does not fit the field (the conflict stays open).
bool resolve(MergeResult& result, std::size_t index, MergeChoice choice, nlohmann::json edited = nullptr);
// Every open conflict to one side (--prefer), repeated until none is open.
void resolve_all(MergeResult& result, MergeChoice choice);

nlohmann::json conflict_to_json(const Conflict& conflict);
nlohmann::json conflicts_to_json(const MergeResult& result);

}  // namespace jm
