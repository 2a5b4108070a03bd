#include "edit/command_support.h"

#include <algorithm>
#include <unordered_map>

namespace jm::edit_detail {

int clamp_index(int index, std::size_t size) { return std::clamp(index, 0, static_cast<int>(size)); }

bool ids_are_free(const Map& map, const std::vector<const std::string*>& ids) {
    // Hash the few new ids and look each map id up in them: no per-edit set of
    // all the map's ids to build.
    std::unordered_set<std::string_view> wanted;
    for (const std::string* id : ids)
        if (id->empty() || !wanted.insert(*id).second) return false;
    auto taken = [&](const std::string& id) { return wanted.count(id) != 0; };
    if (taken(map.id)) return false;
    for (const auto& p : map.personas)
        if (taken(p.id)) return false;
    for (const auto& s : map.stages) {
        if (taken(s.id)) return false;
        for (const auto& k : s.kpis)
            if (taken(k.id)) return false;
        for (const auto& t : s.touchpoints)
            if (taken(t.id)) return false;
    }
    return true;
}

std::vector<std::string> unique_ids(const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    std::unordered_set<std::string_view> seen;
    for (const auto& id : ids)
        if (seen.insert(id).second) out.push_back(id);
    return out;
}

std::vector<std::pair<std::string, TouchpointRef>> locate_touchpoints(const Map& map, const std::vector<std::string>& ids) {
    std::unordered_map<std::string_view, TouchpointRef> wanted;
    for (const auto& id : ids) wanted.emplace(id, TouchpointRef{});
    for (int s = 0; s < static_cast<int>(map.stages.size()); ++s) {
        const auto& tps = map.stages[s].touchpoints;
        for (int i = 0; i < static_cast<int>(tps.size()); ++i) {
            auto hit = wanted.find(tps[i].id);
            if (hit != wanted.end()) hit->second = {s, i};
        }
    }
    std::vector<std::pair<std::string, TouchpointRef>> out;
    for (const auto& id : unique_ids(ids)) {
        TouchpointRef at = wanted.at(id);
        if (at) out.emplace_back(id, at);
    }
    return out;
}

std::vector<Placed> take_touchpoints(Map& map, const std::vector<std::string>& ids) {
    std::unordered_map<std::string_view, std::size_t> order;
    for (std::size_t i = 0; i < ids.size(); ++i) order.emplace(ids[i], i);
    std::vector<Placed> taken;
    std::vector<std::size_t> rank;   // position in `ids` of each taken touchpoint
    for (auto& stage : map.stages) {
        auto& tps = stage.touchpoints;
        std::size_t kept = 0;
        for (std::size_t i = 0; i < tps.size(); ++i) {
            auto hit = order.find(tps[i].id);
            if (hit == order.end()) {
                if (kept != i) tps[kept] = std::move(tps[i]);
                ++kept;
                continue;
            }
            rank.push_back(hit->second);
            taken.push_back({stage.id, static_cast<int>(i), std::move(tps[i])});
        }
        tps.resize(kept);
    }
    std::vector<std::size_t> by_rank(taken.size());
    for (std::size_t i = 0; i < by_rank.size(); ++i) by_rank[i] = i;
    std::sort(by_rank.begin(), by_rank.end(), [&](std::size_t a, std::size_t b) { return rank[a] < rank[b]; });
    std::vector<Placed> out;
    out.reserve(taken.size());
    for (std::size_t i : by_rank) out.push_back(std::move(taken[i]));
    return out;
}

void put_back_touchpoints(Map& map, std::vector<Placed> placed) {
    std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
        return a.stage_id != b.stage_id ? a.stage_id < b.stage_id : a.index < b.index;
    });
    // Each stage is rebuilt in one merge: recorded positions in ascending order
    // are exactly the gaps the touchpoints left.
    for (std::size_t begin = 0; begin < placed.size();) {
        std::size_t end = begin;
        while (end < placed.size() && placed[end].stage_id == placed[begin].stage_id) ++end;
        if (Stage* stage = find_stage(map, placed[begin].stage_id)) {
            std::vector<Touchpoint> old = std::move(stage->touchpoints);
            std::vector<Touchpoint> merged;
            merged.reserve(old.size() + (end - begin));
            std::size_t next_old = 0, next_placed = begin;
            while (next_old < old.size() || next_placed < end) {
                bool place_here = next_placed < end &&
                                  (next_old == old.size() || placed[next_placed].index <= static_cast<int>(merged.size()));
                if (place_here) merged.push_back(std::move(placed[next_placed++].touchpoint));
                else merged.push_back(std::move(old[next_old++]));
            }
            stage->touchpoints = std::move(merged);
        }
        begin = end;
    }
}

}  // namespace jm::edit_detail
