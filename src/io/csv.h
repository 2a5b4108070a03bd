// Spreadsheet interchange: one row per touchpoint (README, "CSV files").
//
// Columns, in this order on export and found by header name in any order on
// import (names are case-insensitive; spaces and '-' count as '_'):
//   stage, stage_order, title, description, channel, owner, personas, friction,
//   emotion, pains, opportunities, nps, csat, ces
// The names are the format: exports in every language write these English
// names, and import knows no others.
// personas are names joined with "; ", pains and opportunities items joined with
// " | "; inside an item a backslash escapes the separator and itself ("a\|b",
// "C:\\temp"). nps, csat and ces are read-only summaries of the touchpoint's
// survey ("-10 (n=40)", "75% (n=20)", "2.5/7 (n=12, 1 = easiest)") and are
// ignored on import, as are columns with other names.
//
// Dialects (CsvDialect): the delimiter between cells, ',' (RFC 4180, the
// default), ';' (what Excel writes where the decimal separator is a comma) or
// '\t'; and whether decimals are written with a comma.
// Export: UTF-8 with a byte order mark, CRLF line ends, cells separated by the
// dialect's delimiter; a cell is quoted ("...", quotes inside doubled) when it
// holds the delimiter, a quote, CR or LF, or starts or ends with a space or
// tab. With decimal_comma the decimals the export writes (only in the survey
// summaries: "-33,3 (n=3)", "4,5/7 (n=4, 1 = easiest)") have a comma; numbers
// of the number columns are whole and look alike in every dialect. The default
// dialect is the exact output of before dialects existed.
// csv_dialect_for_language: ';' with decimal commas for "es" and "pt-BR" (the
// spreadsheet conventions of those locales), the default for every other code.
// A stage without touchpoints is a row with only stage and stage_order.
//
// Import: the BOM is optional, the header row required (with stage and title).
// Delimiter detection: the first record is split with ',', ';' and '\t' in
// turn, RFC 4180 quotes protecting every delimiter. A delimiter whose split
// names both a stage and a title column wins; if several do (only possible
// with tabs, which the names' trimming ignores: "stage\t,\ttitle"), ','
// before ';' before '\t'. The whole file is then read with the winner;
// quoting works alike with each. If none names both, the file is refused
// with one problem at row 1 that names the missing column(s), the delimiters
// tried, and the columns found when split by the delimiter that occurs most
// often outside quotes (ties: ',' then ';' then '\t'), e.g. "the header row
// has no 'stage' and no 'title' column (tried comma, semicolon and tab; found
// columns: "Etapa", "Título", "Canal"); ...".
// Number columns (stage_order, friction, emotion) hold whole numbers. When the
// delimiter is not ',' a number may have a decimal comma, so the whole
// numbers "3,0" and "-1,00" are read as 3 and -1; a fraction ("2,5", which
// is 2.5) is refused like "2.5" with the cell named ("row 3, column 8:
// friction must be a whole number from 0 to 5, got '2,5'"). Digit grouping is
// never guessed ("1.000" is refused, not read as 1000 or 1), and "3.0" is
// refused in every file, as before dialects.
// Stages are rebuilt in order of stage_order, then of first appearance; errors
// name the cell ("row 3, column 8: ..."), and nothing is half-imported.
// Encoding (io/text_encoding.h): UTF-8, or Windows-1252 with a notice; the
// limits of io/limits.h apply (file size, stages, touchpoints, personas, list
// entries per cell, characters per cell, cells per row).
// Formulas (OWASP "CSV Injection"), in every dialect: export puts one
// apostrophe before a text cell matching /^'*[=+\-@\t\r]/, so spreadsheets show
// "=HYPERLINK(...)" as text instead of running it; import takes one apostrophe
// off a text cell matching /^'+[=+\-@\t\r]/, so an exported file reads back
// exactly. Number columns (stage_order, friction, emotion) and the summaries
// are never prefixed.
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

struct CsvDialect {
    char delimiter = ',';        // ',', ';' or '\t'; any other character is written as ','
    bool decimal_comma = false;  // "2,5" instead of "2.5" in the decimals export writes
};

// The dialect a spreadsheet in that interface language expects: ';' with
// decimal commas for "es" and "pt-BR" (letter case and '_' for '-' do not
// matter), the default for every other code.
CsvDialect csv_dialect_for_language(std::string_view code);

std::string export_csv(const Map& map, const CsvDialect& dialect = {});

}  // namespace jm
