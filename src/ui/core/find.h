// Find (Ctrl+F): every place a text occurs in the map, in journey order.
#pragma once

#include <string>
#include <vector>

#include "model/map.h"

namespace jm::ui {

struct FindHit {
    enum class Where { Map, Stage, Touchpoint, Persona } where = Where::Map;
    std::string id;      // the stage, touchpoint or persona (empty for the map)
    std::string field;   // "title", "pains", ...
    std::string text;    // the whole field's text that matched
};

// Case-insensitive for ASCII letters; other characters (accents, Chinese)
// match exactly. An empty query finds nothing. At most `limit` hits.
std::vector<FindHit> find_text(const Map& map, const std::string& query, std::size_t limit = 500);

// True when `text` contains `query` under the same rule.
bool contains_text(const std::string& text, const std::string& query);

}  // namespace jm::ui
