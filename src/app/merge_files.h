// File > Merge files...: the workshop groups' copies picked at once, checked,
// merged into the open map against the version that was sent to them (kept in
// the library when it was downloaded or shared), and the conflicts panel.
#pragma once

#include "app/app_state.h"

namespace jm {

// Opens the file picker (several files); the merge starts when the last one is read.
void pick_files_to_merge(AppState& app);

// Merges `files` (name, bytes) into the open map. A file that is not a map, or
// not a copy of the open map, stops the merge before anything changes.
void merge_files(AppState& app, std::vector<std::pair<std::string, std::string>> files);

// The conflicts panel, while a merge has one open.
void draw_merge_panel(AppState& app);

}  // namespace jm
