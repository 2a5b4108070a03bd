#include "ui/core/selection.h"

#include <algorithm>

namespace jm::ui {

bool Selection::has_touchpoint(const std::string& id) const {
    return kind_ == SelectionKind::Touchpoints && std::find(touchpoints_.begin(), touchpoints_.end(), id) != touchpoints_.end();
}

void Selection::select_touchpoint(const std::string& id) {
    kind_ = SelectionKind::Touchpoints;
    touchpoints_ = {id};
    focus_ = id;
    single_.clear();
}

void Selection::toggle_touchpoint(const std::string& id) {
    if (kind_ != SelectionKind::Touchpoints) {
        select_touchpoint(id);
        return;
    }
    auto it = std::find(touchpoints_.begin(), touchpoints_.end(), id);
    if (it != touchpoints_.end()) {
        touchpoints_.erase(it);
        if (touchpoints_.empty()) clear();
        else if (focus_ == id) focus_ = touchpoints_.back();
    } else {
        touchpoints_.push_back(id);
        focus_ = id;
    }
}

void Selection::add_touchpoints(const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    if (kind_ != SelectionKind::Touchpoints) {
        clear();
        kind_ = SelectionKind::Touchpoints;
    }
    for (const auto& id : ids)
        if (!has_touchpoint(id)) touchpoints_.push_back(id);
    focus_ = ids.back();
}

void Selection::extend_to(const Map& map, const std::string& id) {
    if (kind_ != SelectionKind::Touchpoints || focus_.empty()) {
        select_touchpoint(id);
        return;
    }
    // Journey order: stage by stage, top to bottom.
    std::vector<const std::string*> order;
    for (const auto& s : map.stages)
        for (const auto& t : s.touchpoints) order.push_back(&t.id);
    auto pos = [&](const std::string& x) {
        return std::find_if(order.begin(), order.end(), [&](const std::string* p) { return *p == x; }) - order.begin();
    };
    auto a = pos(focus_), b = pos(id);
    if (a >= static_cast<long>(order.size()) || b >= static_cast<long>(order.size())) {
        select_touchpoint(id);
        return;
    }
    std::string anchor = focus_;
    touchpoints_.clear();
    for (auto i = std::min(a, b); i <= std::max(a, b); ++i) touchpoints_.push_back(*order[i]);
    focus_ = anchor;
}

void Selection::select_stage(const std::string& id) {
    clear();
    kind_ = SelectionKind::Stage;
    single_ = id;
}

void Selection::select_persona(const std::string& id) {
    clear();
    kind_ = SelectionKind::Persona;
    single_ = id;
}

void Selection::select_map() {
    clear();
    kind_ = SelectionKind::Map;
}

void Selection::clear() {
    kind_ = SelectionKind::None;
    touchpoints_.clear();
    single_.clear();
    focus_.clear();
}

void Selection::prune(const Map& map) {
    switch (kind_) {
        case SelectionKind::Touchpoints: {
            std::erase_if(touchpoints_, [&](const std::string& id) { return !find_touchpoint(map, id); });
            if (touchpoints_.empty()) clear();
            else if (!find_touchpoint(map, focus_)) focus_ = touchpoints_.back();
            break;
        }
        case SelectionKind::Stage:
            if (!find_stage(map, single_)) clear();
            break;
        case SelectionKind::Persona:
            if (!find_persona(map, single_)) clear();
            break;
        default: break;
    }
}

std::string neighbour_card(const Map& map, const std::string& id, Direction dir) {
    TouchpointRef at = locate_touchpoint(map, id);
    if (!at) return {};
    const auto& stages = map.stages;
    if (dir == Direction::Up || dir == Direction::Down) {
        int i = at.index + (dir == Direction::Up ? -1 : 1);
        const auto& tps = stages[at.stage].touchpoints;
        return i >= 0 && i < static_cast<int>(tps.size()) ? tps[i].id : std::string{};
    }
    int step = dir == Direction::Left ? -1 : 1;
    for (int s = at.stage + step; s >= 0 && s < static_cast<int>(stages.size()); s += step) {
        const auto& tps = stages[s].touchpoints;
        if (tps.empty()) continue;
        return tps[std::min(at.index, static_cast<int>(tps.size()) - 1)].id;
    }
    return {};
}

}  // namespace jm::ui
