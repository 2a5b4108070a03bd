// Files a user opens or drops: a map (.json), a Mermaid journey (.mmd, .mermaid)
// or a spreadsheet export (.csv), chosen by extension, else by content.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/map_json.h"

namespace jm {

struct ImportResult {
    std::optional<Map> map;
    std::vector<LoadProblem> problems;   // path is a JSON Pointer, or "line N" / "row R, column C"
    // Things the user must be told when the map opens, e.g. that the file was
    // read as Windows-1252 and its accented letters are worth a look. Show them
    // with the "Opened" message; never drop them.
    std::vector<std::string> notices;
};

ImportResult import_file(const std::string& name, const std::string& bytes);

}  // namespace jm
