// Re-opening a Mermaid or CSV export of a map the library already holds: is the
// file "that map", what would bring the file's work into it, and what the
// format cannot carry (so the user hears it before anything changes).
//
// What each format carries (io/mermaid.h, io/csv.h); neither carries ids:
//   Mermaid  the map's title and description; stage names and order; card
//            titles and order; one score 1..5 per card (emotion and friction
//            together); the personas (actors) of each card, by name.
//   CSV      stage names and order; per card: title, description, channel,
//            owner, personas (by name), friction, emotion, pains, opportunities.
//            No map title: an export is named after it ("<title>.csv").
//
// Matching, since there are no ids: a library map is "that map" when its title
// is the one the file carries (Mermaid) or the one the file is named after
// (either format: exports are named "<title>.mmd" / "<title>.csv", and a second
// download of a name gets " (1)" from the browser). Of several, the one that
// shares most stage names and card titles with the file (resemblance()).
//
// The update (plan_interchange_update) changes only what the format carries:
//   - stages by name (trimmed, case-insensitive), in order; a stage with no
//     name match that holds most of the cards of a library stage that has
//     none is that stage renamed;
//   - cards within their stage by title, then across stages (a card whose
//     title is now in another stage is a move); a card whose title matches
//     nowhere, standing where the only unmatched library card of that stage
//     stood (between the same matched neighbours), is that card renamed;
//   - the carried fields of matched cards are set when they differ; a Mermaid
//     score sets emotion and friction only when it is not the score the card
//     already has, so a round trip changes nothing;
//   - persona names: matched by name, new names added as personas; a card's
//     personas change only when the file names others;
//   - new stages and cards are added in the file's order;
//   - everything else (descriptions in Mermaid, pains, surveys, KPIs,
//     colours, business figures, ...) stays as it is in the library map;
//   - stages and cards of the library map that the file lacks stay, unless
//     `remove_missing`; they are listed either way.
// The changes are by id (edit/map_change.h), for apply_changes(): one undo step.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edit/map_change.h"
#include "edit/map_diff.h"
#include "model/map.h"

namespace jm {

enum class InterchangeFormat { Mermaid, Csv };

// The format a file's extension names: .mmd or .mermaid, .csv (any case).
std::optional<InterchangeFormat> interchange_format_of(std::string_view file_name);
// "Mermaid" or "CSV": names that stay as they are in every language.
const char* interchange_format_name(InterchangeFormat format);

// A name as a person compares names: trimmed (spaces, tabs, line breaks,
// no-break and ideographic spaces) and in lower case (Latin, Greek, Cyrillic).
std::string name_key(std::string_view name);

// The title a file's name stands for: the name without folders, extension or
// the " (1)" a browser adds to a second download of the same name
// ("Downloads/ventas (1).csv" -> "ventas"). Exports are named after their map's title.
std::string title_of_file_name(std::string_view file_name);

// Whether the library map titled `library_title` is the map that `imported`
// (read from `file_name`) was exported from, as far as title and file name tell.
bool is_export_of(InterchangeFormat format, std::string_view file_name, const Map& imported, std::string_view library_title);

// How many of the file's stage names and card titles the library map has:
// the tie-breaker between library maps with the same title.
std::size_t resemblance(const Map& library, const Map& imported);

// A stage or card of the library map that the file does not have.
struct MissingItem {
    EntityKind kind = EntityKind::Touchpoint;   // Stage or Touchpoint
    std::string id;
    std::string name;    // the card's title or the stage's name
    std::string stage;   // a card's stage name ("" for a stage)
};

struct InterchangeUpdate {
    std::vector<Change> changes;        // library -> updated library map, by id
    DiffCounts counts;                  // what the changes do, per kind
    std::vector<MissingItem> missing;   // removed by the changes when remove_missing, else kept
    std::size_t missing_count(EntityKind kind) const;
    bool empty() const { return changes.empty(); }
};

InterchangeUpdate plan_interchange_update(const Map& library, const Map& imported, InterchangeFormat format,
                                          bool remove_missing = false);

// What the format does not carry, translated, as short noun phrases for a list
// ("pains and opportunities", "KPIs").
std::vector<std::string> not_carried(InterchangeFormat format);
// The same, counted in `map`: what this map has that the format does not carry,
// translated ("12 pains", "3 surveys", "persona colours"); empty when nothing.
// metrics/text_format.h's join_list() makes a sentence of either list.
std::vector<std::string> not_carried_in(const Map& map, InterchangeFormat format);

}  // namespace jm
