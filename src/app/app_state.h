// The application's state: the editor (document, selection, view, panels) plus
// what only the app handles: files, the browser library of maps, autosave.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/share_link.h"
#include "app/interchange_update_dialog.h"
#include "app/live_room.h"
#include "io/library.h"
#include "platform/platform.h"
#include "ui/theme.h"
#include "io/map_json.h"
#include "ui/core/merge_session.h"
#include "ui/editor_state.h"
#include "ui/png_export.h"
#include "ui/presentation.h"

namespace jm {

struct AppState {
    ui::EditorState ed;
    Library library;
    ui::Theme theme = ui::Theme::Light;
    std::string chosen_language;      // View > Language: made current at the next frame's start
    bool starting_language = false;   // the first frame waits for the start language's catalogue
    bool session_started = false;     // ... and for the first map (its template is fetched by need)

    // Problems of the last file that could not be opened, shown in a dialog.
    std::string load_error_title;
    std::vector<LoadProblem> load_errors;
    bool show_load_errors = false;
    bool show_library = false;
    bool show_about = false;

    // Autosave: the document revision last stored (on disk), and when it last changed.
    std::uint64_t stored_revision = ~0ull;
    std::uint64_t seen_revision = ~0ull;
    double changed_at_ms = 0;
    std::string stored_text;          // what this tab last wrote, to tell our writes from another tab's
    std::string storage_error;        // why the last save failed ("" when it worked)
    std::uint64_t failed_revision = ~0ull;   // the revision that failed to save, and when
    double failed_at_ms = 0;
    bool other_tab_changed = false;   // another tab saved this map: autosave pauses until the user decides

    // A save under way: the text made a slice per frame, then a storage transaction
    // (its ticket) that reports later; the revision counts as stored only then.
    MapTextSlicer slicer;
    std::uint64_t slicing_revision = ~0ull;
    int commit_ticket = 0;            // 0: no save waiting for the disk
    std::uint64_t committing_revision = ~0ull;
    std::string committing_text;
    bool committing_real = false;     // a save of the user's work (not the map made at start)
    bool persist_asked = false;       // navigator.storage.persist() is asked once, after the first real save
    platform::Persistence persistence = platform::Persistence::Unknown;
    std::string save_state;           // the status without decoration, for the JS API
    // What the last save cost on the frames that made it (saveState().lastSave, for tests/bench/storage.mjs).
    struct SaveCost {
        int slices = 0;               // frames that made part of the text
        double slice_ms_max = 0;      // the most one frame spent making text
        double text_ms = 0;           // all of it
        double store_ms = 0;          // handing the text to the storage (mirror, index), on the last frame
        std::size_t bytes = 0;
    } last_save, current_save;

    // A map from a file whose id the library already holds: replace or keep both?
    std::optional<Map> pending_open;
    bool ask_replace = false;
    // A Mermaid or CSV export of a library map: update that map? (app/interchange_update_dialog.h)
    std::optional<InterchangeUpdateOffer> interchange_update;
    // What the user must read about a file that opened (e.g. it was read as
    // Windows-1252), shown in a dialog once the map is open.
    std::string opened_name;
    std::vector<std::string> open_notices;
    bool show_open_notices = false;

    // Maps deleted from the library this session, newest last, for "Undo delete".
    std::vector<std::pair<std::string, std::string>> deleted;   // id, text
    std::vector<LibraryEntry> library_entries;                   // refreshed when the library window opens
    std::string rename_id, rename_text;   // a library entry being renamed in place
    bool rename_focus = false;

    std::unique_ptr<ui::PngJob> png_job;   // built during a frame, rendered after it

    ui::Presentation present;             // presentation mode (app/presenting.cpp)

    // File > Merge files: the merge whose conflicts panel is open (app/merge_files.cpp).
    std::optional<ui::MergeSession> merge;
    bool show_merge = false;
    int merge_serial = 0;                 // tells one merge's undo step from the next

    ShareState share;                     // File > Copy share link, and a link's map open read-only (app/share_link.h)
    LiveRoom live;                        // File > Start a live session, or a join link (app/live_room.h)
};

}  // namespace jm
