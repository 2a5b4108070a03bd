// A problem found while importing a text format (Mermaid, CSV): where it is, in
// the terms a user sees in an editor or a spreadsheet, and what is wrong.
#pragma once

#include <string>

#include "i18n/i18n.h"

namespace jm {

struct TextProblem {
    int line = 0;          // 1-based line (Mermaid) or row (CSV; the header is row 1)
    int column = 0;        // 1-based CSV column; 0 when the problem is about a whole line
    std::string message;   // plain words

    // "line 7" for a whole line, "row 3, column 8" for a CSV cell.
    std::string where() const {
        if (column > 0) return i18n::trf("row {row}, column {column}", {{"row", std::to_string(line)}, {"column", std::to_string(column)}});
        return i18n::trf("line {line}", {{"line", std::to_string(line)}});
    }
};

}  // namespace jm
