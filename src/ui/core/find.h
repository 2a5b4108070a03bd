// Find (Ctrl+F): every place a text occurs in the map, in journey order.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/map.h"

namespace jm::ui {

struct FindHit {
    enum class Where { Map, Stage, Touchpoint, Persona } where = Where::Map;
    std::string id;      // the stage, touchpoint or persona (empty for the map)
    std::string field;   // "title", "pains", ...
    std::string text;    // the whole field's text that matched
    // The first match in `text`, as byte offsets into `text` (whole characters,
    // so a highlight covers "Decisión" for "decision", and "ß" for "ss").
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Matching ignores case and accents in every script: both the query and the
// texts go through fold_for_search (ui/core/text_fold.h: Unicode case folding,
// compatibility decomposition, combining marks removed), so "decision" finds
// "Decisión", "ACAO" finds "Ação", "ΑΘΗΝΑ" finds "Αθήνα" and "ＡＢＣ" finds
// "abc"; Chinese and other scripts without case match by substring. A query that
// is empty once folded finds nothing. At most `limit` hits.
std::vector<FindHit> find_text(const Map& map, const std::string& query, std::size_t limit = 500);

// The first match of `query` in `text` under the same rule, as a byte range of `text`.
struct TextMatch {
    std::size_t begin = 0;
    std::size_t end = 0;
};
std::optional<TextMatch> match_text(std::string_view text, std::string_view query);

// True when `text` contains `query` under the same rule.
bool contains_text(const std::string& text, const std::string& query);

}  // namespace jm::ui
