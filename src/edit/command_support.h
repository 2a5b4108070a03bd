// Helpers the command implementations share (internal to src/edit).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/map.h"

namespace jm::edit_detail {

int clamp_index(int index, std::size_t size);

template <typename T>
int index_of(const std::vector<T>& items, const std::string& id) {
    for (int i = 0; i < static_cast<int>(items.size()); ++i)
        if (items[i].id == id) return i;
    return -1;
}

// "'Demo call'" for labels, or "(untitled)" for an empty name.
std::string quoted(const std::string& name);

// True when every id is non-empty, distinct from the others and unused by any
// entity of `map` (the map, stages, KPIs, touchpoints, personas).
bool ids_are_free(const Map& map, const std::vector<const std::string*>& ids);

// `ids` without repeats, first occurrence kept.
std::vector<std::string> unique_ids(const std::vector<std::string>& ids);

// Where each of `ids` is, in the order of `ids`, in one pass over the map;
// repeated and unknown ids are left out.
std::vector<std::pair<std::string, TouchpointRef>> locate_touchpoints(const Map& map, const std::vector<std::string>& ids);

// A touchpoint and where it sat: its stage and its index there before the
// touchpoints taken with it were removed.
struct Placed {
    std::string stage_id;
    int index = 0;
    Touchpoint touchpoint;
};

// Removes the touchpoints with these ids from whatever stages hold them, in one
// pass over the map; returns them in the order of `ids`. Missing ids are skipped.
std::vector<Placed> take_touchpoints(Map& map, const std::vector<std::string>& ids);

// Inserts touchpoints at the positions take_touchpoints reported, which
// restores each stage exactly. Touchpoints whose stage is gone go nowhere:
// History never reverts into a map where that can happen.
void put_back_touchpoints(Map& map, std::vector<Placed> placed);

}  // namespace jm::edit_detail
