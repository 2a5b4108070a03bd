// File > Compare with file...: the open map compared with another version of it,
// a file the user picks (.json, .mmd or .csv, read as Open reads them). The open
// map stays the one being edited; the comparison is drawn over it (ui/compare_view.h).
#pragma once

#include <string>

#include "app/app_state.h"

namespace jm {

// Opens the file picker; the comparison starts once the file is read.
void pick_file_to_compare(AppState& app);

// Compares the open map with file bytes. A file that cannot be read goes to the
// error dialog as it would for Open, and nothing changes. `size` is the file's
// size when the page did not read it (over the size limit). True when comparing.
bool compare_with_file(AppState& app, const std::string& name, const std::string& bytes, double size = 0);

// Each frame: the picker asked for from the keyboard (Alt+C), and the Compare window.
void draw_compare(AppState& app);

}  // namespace jm
