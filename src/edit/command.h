// An edit of a journey map that can be undone and redone. Commands name items
// by their stable ids; positions are stored only to put things back where they were.
//
// Contract: revert() undoes the most recent apply() on the same map state that
// apply() left behind (History guarantees this by replaying strictly in order).
// A command whose apply() found nothing to change (an id that no longer exists,
// an id an add would duplicate) leaves the map untouched, reports
// had_effect() == false, and its revert() is then a no-op too.
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
    // Absorbs a later command with the same key: keep our "before", take its
    // "after". Returns false (and changes nothing) when `next` is not of a kind
    // this command can absorb.
    virtual bool merge_with(const Command& next) {
        (void)next;
        return false;
    }
    // Estimated bytes held (object, strings and copied items), for the history's
    // memory report.
    virtual std::size_t memory_bytes() const = 0;
    // Whether the last apply() changed the map. History does not record a
    // command that did nothing, so an undo step always undoes something.
    virtual bool had_effect() const { return true; }
};

}  // namespace jm
