// A Mermaid or CSV file opened (picker or drop) that is an export of a map in
// the library: "Update that map", "Open as a new map" or "Cancel", with what
// the update will do and what the format does not carry
// (io/interchange_update.h). A file that matches no library map opens as a new
// map, and the user hears what the format did not bring.
#pragma once

#include <string>
#include <vector>

#include "io/interchange_update.h"
#include "model/map.h"

namespace jm {

struct AppState;

// The question waiting in the dialog.
struct InterchangeUpdateOffer {
    std::string file_name;
    InterchangeFormat format = InterchangeFormat::Mermaid;
    Map imported;                       // the file's map, as it would open as a new map
    std::vector<std::string> notices;   // the reader's own notes (e.g. read as Windows-1252)
    std::string map_id, map_title;      // the library map it is an export of
    InterchangeUpdate keep;             // the update, leaving what the file lacks
    InterchangeUpdate remove;           // the update, removing it
    std::vector<std::string> held;      // what that map has that the format does not carry
    bool remove_missing = false;        // "Also remove ... not in the file"
    bool asked = false;                 // the dialog has opened
};

// For a file that read without problems, its reader's notes in app.open_notices:
// when it is a Mermaid or CSV export of a library map, keeps the question (and
// the notes) for the dialog and returns true, and nothing opens yet; false
// otherwise, with `imported` left as it is.
bool offer_interchange_update(AppState& app, const std::string& file_name, Map& imported);

// After a Mermaid or CSV file opened as a new map: says what its format does not
// carry (the status bar, and the notes of the opened map). Nothing for other files.
void tell_what_the_format_lacks(AppState& app, const std::string& file_name);

void draw_interchange_update_dialog(AppState& app);

}  // namespace jm
