// An edit of a journey map that can be undone and redone. Commands name items
// by their stable ids; positions are stored only to put things back where they were.
#pragma once

#include <cstddef>
#include <string>

#include "model/map.h"

namespace jm {

class Command {
public:
    virtual ~Command() = default;
    // Human words for menus and the History panel: "Rename stage 'Decision'".
    virtual std::string label() const = 0;
    virtual void apply(Map& map) = 0;
    virtual void revert(Map& map) = 0;
    // Continuous edits of one thing (typing in one field) share a key and merge
    // into one undo step. Empty: never merges.
    virtual std::string merge_key() const { return {}; }
    // Absorbs a later command with the same key: keep our "before", take its "after".
    virtual bool merge_with(const Command& next) { (void)next; return false; }
    // Estimated bytes held, for the history's memory report.
    virtual std::size_t memory_bytes() const = 0;
};

}  // namespace jm
