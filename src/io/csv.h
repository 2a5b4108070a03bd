// Spreadsheet interchange: one row per touchpoint (README, "CSV files").
//
// Columns, in this order on export and found by header name in any order on
// import (names are case-insensitive; spaces and '-' count as '_'):
//   stage, stage_order, title, description, channel, owner, personas, friction,
//   emotion, pains, opportunities, nps, csat, ces
// personas are names joined with "; ", pains and opportunities items joined with
// " | "; inside an item a backslash escapes the separator and itself ("a\|b",
// "C:\\temp"). nps, csat and ces are read-only summaries of the touchpoint's
// survey ("-10 (n=40)", "75% (n=20)", "2.5/7 (n=12, 1 = easiest)") and are
// ignored on import, as are columns with other names.
// Export: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte order mark. A
// stage without touchpoints is a row with only stage and stage_order.
// Import: the BOM is optional, the header row required (with stage and title);
// stages are rebuilt in order of stage_order, then of first appearance; errors
// name the cell ("row 3, column 8: ..."), and nothing is half-imported.
// Encoding (io/text_encoding.h): UTF-8, or Windows-1252 with a notice; the
// limits of io/limits.h apply (file size, stages, touchpoints, personas, list
// entries per cell, characters per cell, cells per row).
// Formulas (OWASP "CSV Injection"): export puts one apostrophe before a text
// cell matching /^'*[=+\-@\t\r]/, so spreadsheets show "=HYPERLINK(...)" as text
// instead of running it; import takes one apostrophe off a text cell matching
// /^'+[=+\-@\t\r]/, so an exported file reads back exactly. Number columns
// (stage_order, friction, emotion) and the summaries are never prefixed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/text_problem.h"
#include "model/map.h"

namespace jm {

struct CsvImport {
    std::optional<Map> map;               // set only when there are no problems
    std::vector<TextProblem> problems;    // row = CSV record (the header is row 1), column 1-based
    std::vector<std::string> notices;     // what the user should know about a map that imported (e.g. read as Windows-1252)
};

// Never throws. The map gets default lanes, ids unique across the map, the id
// "map-imported" and the title "Imported journey".
CsvImport import_csv(std::string_view bytes);

std::string export_csv(const Map& map);

}  // namespace jm
