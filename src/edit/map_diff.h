// Compare two versions of a map by id, field by field: what was added,
// removed, moved and changed, as a list of Changes (edit/map_change.h) that
// turns the first map into the second, and a count per kind.
//
// Order changes are moves, kept to the fewest: in each list (lanes, personas,
// stages, and the touchpoints and KPIs of each stage) the items that keep their
// relative order are a longest common subsequence of ids, found in
// O(n log n) as the longest increasing run of their old positions; every other
// item that was there before is one Move. A touchpoint or KPI now in another
// stage is a Move too. Entities are found through hash maps by id and compared
// as structs first, so comparing two 10,000-card maps costs time in proportion
// to their size, and field values are built only for what differs.
//
// The changes come in the order that applies them (apply_change_list): map
// fields, business figures, lanes, personas; touchpoints and KPIs removed;
// stages added and moved; KPIs and touchpoints added and moved; stages removed;
// then field changes of personas, stages, KPIs and touchpoints.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "edit/map_change.h"
#include "model/map.h"

namespace jm {

struct KindCounts {
    int added = 0, removed = 0, moved = 0, changed = 0;   // changed: entities with at least one field changed
    int total() const { return added + removed + moved + changed; }
    bool operator==(const KindCounts&) const = default;
};

struct DiffCounts {
    KindCounts map;          // changed = map fields changed (title, description...)
    KindCounts lanes;
    KindCounts personas;
    KindCounts stages;
    KindCounts kpis;
    KindCounts touchpoints;
    KindCounts surveys;      // a survey of a stage or touchpoint: added, removed (optional ones) or changed
    KindCounts periods;      // business figures: "period" changed; "period_previous" added, removed, changed
    int total() const;
    bool operator==(const DiffCounts&) const = default;
};

struct MapDiff {
    std::vector<Change> changes;
    DiffCounts counts;
    bool equal() const { return changes.empty(); }
};

// What turns `a` into `b`. The maps' id, created and modified are not compared.
MapDiff diff(const Map& a, const Map& b);

// {"equal": bool, "counts": {"stages": {"added": 1, ...}, ...}, "changes": [change_to_json...]}
nlohmann::json diff_to_json(const MapDiff& d);
nlohmann::json counts_to_json(const DiffCounts& counts);

}  // namespace jm
