// File > Merge files: the groups' copies merged into the open map, kept while
// the conflicts panel is open. The merge goes into the document as one undo
// step; every conflict resolved afterwards is applied as the difference
// between the merge before and after it, folded into that same step (the
// command's merge key) unless the user edited something else in between.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "edit/map_change.h"
#include "edit/map_merge.h"
#include "model/map.h"

namespace jm::ui {

struct MergeFile {
    std::string name;   // the file's name, as the panel shows it
    Map map;
};

struct MergeSession {
    std::vector<std::string> names;   // the files merged in (Conflict::side 1 = names[0])
    bool three_way = false;           // a common version was found
    MergeResult result;
    std::string merge_key;            // the history key the merge and its resolutions share
    std::string label;                // "Merge 3 files"
    std::size_t changes_applied = 0;  // by the first step
    // Each conflict's entity by name (in the merge, else a file, else the base),
    // made when the conflicts change rather than on every frame the panel draws.
    std::vector<std::string> names_of_conflicts;
};

// Where conflict `c`'s entity is found, in that order: the merge so far, the
// file it came from, the base (for names: a deleted card still has one).
std::vector<const Map*> maps_of(const MergeSession& session, const Conflict& c);

// Whether `copy` is a copy of `map`: the same map id, or either one's lineage
// names the other's id (a copy kept as a new map still names its origin).
bool is_copy_of(const Map& copy, const Map& map);

// The files sorted by name (a merge does not depend on the order a picker gave
// them in) and merged into `open` against `base`. Returns the changes that turn
// `open` into the merged map.
std::vector<Change> begin_merge(MergeSession& session, const Map& open, std::optional<Map> base,
                                std::vector<MergeFile> files, int serial);

// Settles conflict `index` with `choice` (or the edited value) and returns the
// changes from the merged map before to the merged map after. nullopt when the
// edited value does not fit the field (the conflict stays open).
std::optional<std::vector<Change>> resolve_conflict(MergeSession& session, std::size_t index, MergeChoice choice,
                                                    nlohmann::json edited = nullptr);
// Every open conflict to one side.
std::vector<Change> resolve_all_conflicts(MergeSession& session, MergeChoice choice);

}  // namespace jm::ui
