// Ids for maps made from text formats (Mermaid, CSV), which carry none:
// readable ("stage-awareness", "persona-ana"), unique across the map, and made
// in time linear in their number, however many names share a slug.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace jm {

// "awareness-stage" from "Awareness stage"; at most 40 characters; empty when
// the name has no ASCII letter or digit (as in "决策").
std::string slug(std::string_view name);

class ImportedIds {
public:
    // "<prefix>-<slug of name>", or "<prefix>-<ordinal>" when the slug is
    // empty; "-2", "-3"... added when taken. "map-imported" is always taken.
    std::string make(const std::string& prefix, std::string_view name, std::size_t ordinal);

private:
    std::unordered_set<std::string> used_{"map-imported"};
    // By base: the number to try next. Without it, the n-th stage named
    // "Awareness" would try n - 1 taken ids first: quadratic time.
    std::unordered_map<std::string, int> next_;
};

}  // namespace jm
