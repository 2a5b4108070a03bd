// Adding, deleting and moving touchpoints (cards), several at once and across
// stages. Positions are read when a command applies and used only to put
// cards back on revert; the cards themselves are always found by id.
#include <algorithm>
#include <unordered_map>

#include "i18n/i18n.h"
#include "edit/command_support.h"
#include "edit/commands.h"

namespace jm {

using namespace edit_detail;

namespace {

std::vector<std::string> ids_of(const std::vector<Touchpoint>& tps) {
    std::vector<std::string> ids;
    ids.reserve(tps.size());
    for (const auto& t : tps) ids.push_back(t.id);
    return ids;
}

std::size_t heap_bytes_of(const std::vector<std::string>& ids) { return jm::heap_bytes(ids); }

class AddTouchpoints : public Command {
public:
    AddTouchpoints(std::string stage_id, int index, std::vector<Touchpoint> tps)
        : stage_id_(std::move(stage_id)), index_(index), ids_(ids_of(tps)), tps_(std::move(tps)) {
        label_ = tps_.size() == 1 ? i18n::trf("Add touchpoint {name}", {{"name", quoted(tps_[0].title)}})
                                  : i18n::trn("Add {n} touchpoints", static_cast<long long>(tps_.size()));
    }
    std::string label() const override { return label_; }
    void apply(Map& m) override {
        Stage* stage = find_stage(m, stage_id_);
        std::vector<const std::string*> ids;
        for (const auto& id : ids_) ids.push_back(&id);
        in_map_ = stage && ids_are_free(m, ids);
        if (!in_map_) return;
        auto at = stage->touchpoints.begin() + clamp_index(index_, stage->touchpoints.size());
        stage->touchpoints.insert(at, std::make_move_iterator(tps_.begin()), std::make_move_iterator(tps_.end()));
        tps_.clear();
    }
    void revert(Map& m) override {
        if (!in_map_) return;
        for (auto& p : take_touchpoints(m, ids_)) tps_.push_back(std::move(p.touchpoint));
        in_map_ = false;
    }
    bool had_effect() const override { return in_map_; }
    std::size_t memory_bytes() const override {
        std::size_t n = sizeof(*this) + heap_bytes(stage_id_) + heap_bytes_of(ids_) + heap_bytes(label_);
        n += tps_.capacity() * sizeof(Touchpoint);
        for (const auto& t : tps_) n += heap_bytes(t);
        return n;
    }

private:
    std::string stage_id_;
    int index_;
    std::vector<std::string> ids_;
    std::vector<Touchpoint> tps_;   // empty while the cards are in the map
    std::string label_;
    bool in_map_ = false;
};

class DeleteTouchpoints : public Command {
public:
    DeleteTouchpoints(std::vector<std::string> ids, std::string label) : ids_(std::move(ids)), label_(std::move(label)) {}
    std::string label() const override { return label_; }
    void apply(Map& m) override { deleted_ = take_touchpoints(m, ids_); }
    void revert(Map& m) override {
        put_back_touchpoints(m, std::move(deleted_));
        deleted_.clear();
    }
    bool had_effect() const override { return !deleted_.empty(); }
    std::size_t memory_bytes() const override {
        std::size_t n = sizeof(*this) + heap_bytes_of(ids_) + heap_bytes(label_) + deleted_.capacity() * sizeof(Placed);
        for (const auto& p : deleted_) n += heap_bytes(p.stage_id) + heap_bytes(p.touchpoint);
        return n;
    }

private:
    std::vector<std::string> ids_;
    std::string label_;
    std::vector<Placed> deleted_;   // the cards and their places, while deleted
};

class MoveTouchpoints : public Command {
public:
    MoveTouchpoints(std::vector<std::string> ids, std::string target, int index, std::string label)
        : ids_(std::move(ids)), target_(std::move(target)), index_(index), label_(std::move(label)) {}
    std::string label() const override { return label_; }
    void apply(Map& m) override {
        origins_.clear();
        if (!find_stage(m, target_)) return;
        std::vector<Placed> moving = take_touchpoints(m, ids_);
        Stage* target = find_stage(m, target_);
        auto at = target->touchpoints.begin() + clamp_index(index_, target->touchpoints.size());
        std::vector<Touchpoint> cards;
        for (auto& p : moving) {
            cards.push_back(std::move(p.touchpoint));
            origins_.push_back({std::move(p.stage_id), p.index, Touchpoint{.id = cards.back().id}});
        }
        target->touchpoints.insert(at, std::make_move_iterator(cards.begin()), std::make_move_iterator(cards.end()));
    }
    void revert(Map& m) override {
        if (origins_.empty()) return;
        std::unordered_map<std::string_view, const Placed*> origin_of;
        for (const auto& o : origins_) origin_of.emplace(o.touchpoint.id, &o);
        std::vector<Placed> back = take_touchpoints(m, ids_);
        for (auto& p : back) {
            auto origin = origin_of.find(p.touchpoint.id);
            if (origin == origin_of.end()) continue;   // not moved by us: back to where it was taken
            p.stage_id = origin->second->stage_id;
            p.index = origin->second->index;
        }
        put_back_touchpoints(m, std::move(back));
        origins_.clear();
    }
    bool had_effect() const override { return !origins_.empty(); }
    std::size_t memory_bytes() const override {
        std::size_t n = sizeof(*this) + heap_bytes_of(ids_) + heap_bytes(target_) + heap_bytes(label_);
        n += origins_.capacity() * sizeof(Placed);
        for (const auto& o : origins_) n += heap_bytes(o.stage_id) + heap_bytes(o.touchpoint.id);
        return n;
    }

private:
    std::vector<std::string> ids_;
    std::string target_;
    int index_;                    // in the target stage once the moving cards are out of it
    std::string label_;
    std::vector<Placed> origins_;  // where each card was (touchpoint holds the id only); empty when not applied
};

std::string move_label(const Map& map, const std::vector<std::string>& ids, const Stage& target, bool within) {
    const std::string stage = quoted(target.name);
    if (ids.size() == 1) {
        const std::string name = quoted(find_touchpoint(map, ids[0])->title);
        return within ? i18n::trf("Move touchpoint {name} within {stage}", {{"name", name}, {"stage", stage}})
                      : i18n::trf("Move touchpoint {name} to {stage}", {{"name", name}, {"stage", stage}});
    }
    const auto n = static_cast<long long>(ids.size());
    return within ? i18n::trn("Move {n} touchpoints within {stage}", n, {{"stage", stage}})
                  : i18n::trn("Move {n} touchpoints to {stage}", n, {{"stage", stage}});
}

}  // namespace

std::unique_ptr<Command> add_touchpoints(const std::string& stage_id, int index, std::vector<Touchpoint> touchpoints) {
    if (touchpoints.empty()) return nullptr;
    return std::make_unique<AddTouchpoints>(stage_id, index, std::move(touchpoints));
}

std::unique_ptr<Command> delete_touchpoints(const Map& map, const std::vector<std::string>& ids) {
    std::vector<std::string> present;
    std::string label;
    for (const auto& [id, at] : locate_touchpoints(map, ids)) {
        present.push_back(id);
        label = i18n::trf("Delete touchpoint {name}", {{"name", quoted(map.stages[at.stage].touchpoints[at.index].title)}});
    }
    if (present.empty()) return nullptr;
    if (present.size() > 1) label = i18n::trn("Delete {n} touchpoints", static_cast<long long>(present.size()));
    return std::make_unique<DeleteTouchpoints>(std::move(present), std::move(label));
}

std::unique_ptr<Command> move_touchpoints(const Map& map, const std::vector<std::string>& ids,
                                          const std::string& target_stage_id, int target_index) {
    const Stage* target = find_stage(map, target_stage_id);
    if (!target) return nullptr;
    target_index = clamp_index(target_index, target->touchpoints.size());
    std::vector<std::string> moving;
    std::vector<TouchpointRef> from;
    for (const auto& [id, at] : locate_touchpoints(map, ids)) {
        moving.push_back(id);
        from.push_back(at);
    }
    if (moving.empty()) return nullptr;
    // The gap is counted with the moving cards still in place; they leave first.
    const int target_stage = static_cast<int>(target - map.stages.data());
    int above = 0;
    for (const auto& at : from) above += at.stage == target_stage && at.index < target_index;
    int index = target_index - above;
    // Cards dropped where they already are, in the same order, change nothing.
    bool unchanged = true;
    for (std::size_t k = 0; k < from.size(); ++k)
        unchanged = unchanged && from[k].stage == target_stage && from[k].index == index + static_cast<int>(k);
    if (unchanged) return nullptr;
    bool within = std::all_of(from.begin(), from.end(), [&](const TouchpointRef& at) { return at.stage == target_stage; });
    std::string label = move_label(map, moving, *target, within);
    return std::make_unique<MoveTouchpoints>(std::move(moving), target_stage_id, index, std::move(label));
}

}  // namespace jm
