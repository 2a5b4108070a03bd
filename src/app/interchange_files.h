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

// A CSV file carries no title: the map it opens as takes the file's name
// ("ventas.csv" -> "ventas"), as an export is named after its map, so that the
// file opened again is known as that map's (io/interchange_update.h). Other
// files, and a name with nothing left, keep the title they have.
void title_csv_after_file(Map& map, const std::string& name);

}  // namespace jm
