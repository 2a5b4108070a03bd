// The open map's life: start-up, autosave to the browser library, opening files
// (with the replace-or-keep-both rule), downloading, switching maps, and what
// happens when another tab saves the same map.
#pragma once

#include <string>
#include <string_view>

#include "app/app_state.h"

namespace jm {

// Shows the error dialog: `title` and the problems found (a file that could not be opened...).
void show_problems(AppState& app, const std::string& title, std::vector<LoadProblem> problems);

// Reopens the map that was open last, or starts a new one from a template.
void start_session(AppState& app);

// Called every frame: stores the map about a second after the last edit. A large
// map's text is made a few milliseconds per frame (MapTextSlicer); the revision
// counts as stored once the storage reports the batch on disk (storage_committed).
// Returns true while frames are needed for it (the app keeps drawing until then).
bool autosave_tick(AppState& app, double now_ms);
void save_now(AppState& app);
// The page is being hidden or closed: a pending autosave is written at once, whole.
void flush_autosave(AppState& app);
// The storage's answer for a batch of writes (platform::on_storage_committed).
void storage_committed(AppState& app, int ticket, const std::string& error);

// Makes `map` the open map (a fresh undo history) and stores it in the library.
void switch_to(AppState& app, Map map);

// Opens file bytes (a map, a Mermaid .mmd or a .csv file). Problems go to the
// error dialog and leave the open map and the library untouched.
// `size` is the file's size when the page did not read it (over the size limit).
void open_file(AppState& app, const std::string& name, const std::string& bytes, double size = 0);
void resolve_replace(AppState& app, bool replace);   // the answer to "replace or keep both"

// The open map as it leaves the editor (a download, a share link): its file text
// with this version first in its lineage (fork_for_sending), kept in the library
// as a base so that the copy coming back can be merged three-way.
std::string text_to_send(AppState& app);
void download_current(AppState& app);
// "<title><extension>", a name every file system accepts (io/file_name.h).
std::string download_name(const Map& map, std::string_view extension = ".journeymap.json");

void on_storage_changed(AppState& app, const std::string& key);
void reload_from_other_tab(AppState& app);
void keep_mine_as_copy(AppState& app);

// Library actions; each keeps the open map consistent with the library.
void open_from_library(AppState& app, const std::string& id);
void delete_from_library(AppState& app, const std::string& id);
void undo_library_delete(AppState& app);
void refresh_library(AppState& app);

}  // namespace jm
