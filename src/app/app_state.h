// The application's state: the editor (document, selection, view, panels) plus
// what only the app handles: files, the browser library of maps, autosave.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/library.h"
#include "ui/theme.h"
#include "io/map_json.h"
#include "ui/editor_state.h"
#include "ui/png_export.h"

namespace jm {

struct AppState {
    ui::EditorState ed;
    Library library;
    ui::Theme theme = ui::Theme::Light;

    // Problems of the last file that could not be opened, shown in a dialog.
    std::string load_error_title;
    std::vector<LoadProblem> load_errors;
    bool show_load_errors = false;
    bool show_library = false;
    bool show_about = false;

    // Autosave: the document revision last stored, and when it last changed.
    std::uint64_t stored_revision = ~0ull;
    std::uint64_t seen_revision = ~0ull;
    double changed_at_ms = 0;
    std::string stored_text;          // what this tab last wrote, to tell our writes from another tab's
    std::string storage_error;        // why the last save failed ("" when it worked)
    std::uint64_t failed_revision = ~0ull;   // the revision that failed to save, and when
    double failed_at_ms = 0;
    bool other_tab_changed = false;   // another tab saved this map: autosave pauses until the user decides

    // A map from a file whose id the library already holds: replace or keep both?
    std::optional<Map> pending_open;
    bool ask_replace = false;

    // Maps deleted from the library this session, newest last, for "Undo delete".
    std::vector<std::pair<std::string, std::string>> deleted;   // id, text
    std::vector<LibraryEntry> library_entries;                   // refreshed when the library window opens
    std::string rename_id, rename_text;   // a library entry being renamed in place
    bool rename_focus = false;

    std::unique_ptr<ui::PngJob> png_job;   // built during a frame, rendered after it
};

}  // namespace jm
