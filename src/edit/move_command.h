// Moving one stage or persona to another index of its list (internal to src/edit).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "edit/command.h"
#include "edit/command_support.h"
#include "edit/memory_estimate.h"

namespace jm::edit_detail {

template <typename T>
class MoveInList : public Command {
public:
    // `to` is the item's index after the move; where it came from is read at
    // apply time, so revert puts it back exactly.
    MoveInList(std::vector<T> Map::*list, std::string id, int to, std::string label)
        : list_(list), id_(std::move(id)), to_(to), label_(std::move(label)) {}

    std::string label() const override { return label_; }
    void apply(Map& map) override {
        auto& items = map.*list_;
        from_ = index_of(items, id_);
        if (from_ >= 0) move(items, from_, to_);
    }
    void revert(Map& map) override {
        if (from_ < 0) return;
        auto& items = map.*list_;
        int now = index_of(items, id_);
        if (now >= 0) move(items, now, from_);
        from_ = -1;
    }
    bool had_effect() const override { return from_ >= 0; }
    std::size_t memory_bytes() const override { return sizeof(*this) + heap_bytes(id_) + heap_bytes(label_); }

private:
    static void move(std::vector<T>& items, int from, int to) {
        T item = std::move(items[from]);
        items.erase(items.begin() + from);
        items.insert(items.begin() + clamp_index(to, items.size()), std::move(item));
    }
    std::vector<T> Map::*list_;
    std::string id_;
    int to_;
    int from_ = -1;   // index before the last apply; -1 when not applied
    std::string label_;
};

// The factory both move_stage and move_persona use: nullptr for an unknown id
// or a move to where the item already is.
template <typename T>
std::unique_ptr<Command> make_move(const Map& map, std::vector<T> Map::*list, const std::string& id, int new_index,
                                   const std::string& label) {
    const auto& items = map.*list;
    int from = index_of(items, id);
    if (from < 0) return nullptr;
    int to = clamp_index(new_index, items.size() - 1);
    if (to == from) return nullptr;
    return std::make_unique<MoveInList<T>>(list, id, to, label);
}

}  // namespace jm::edit_detail
