#include "app/session.h"

#include <algorithm>

#include "app/interchange_files.h"
#include "platform/platform.h"
#include "ui/new_map_dialog.h"

namespace jm {

namespace {

constexpr double kAutosaveDelayMs = 1000;   // after the last edit; typing never saves per keystroke
constexpr double kRetryDelayMs = 30000;     // a failed save (storage full) is retried this late, or at the next edit
constexpr const char* kFirstTemplate = "saas-journey";

std::string map_key(const std::string& id) { return std::string(Library::kMapPrefix) + id; }

void show_problems(AppState& app, const std::string& title, std::vector<LoadProblem> problems) {
    app.load_error_title = title;
    app.load_errors = std::move(problems);
    app.show_load_errors = true;
}

void update_unsaved_flag(AppState& app) {
    bool unsaved = app.ed.doc.revision() != app.stored_revision;
    platform::set_unsaved_work(unsaved);
    if (app.other_tab_changed) {
        app.ed.save_status = "Not saved: changed in another tab";
        app.ed.save_problem = true;
    } else if (!app.storage_error.empty()) {
        app.ed.save_status = "Not saved: " + app.storage_error + " - use Download";
        app.ed.save_problem = true;
    } else {
        app.ed.save_status = unsaved ? "Saving..." : "Saved in this browser";
        app.ed.save_problem = false;
    }
}

}  // namespace

void save_now(AppState& app) {
    if (app.other_tab_changed) return;   // never silently overwrite the other tab's work
    const Map& map = app.ed.doc.map;
    std::string text = save_map_json(map);
    app.storage_error = app.library.save(map);
    if (!app.storage_error.empty()) {
        app.failed_revision = app.ed.doc.revision();
        app.failed_at_ms = platform::now_ms();
    } else {
        app.stored_revision = app.ed.doc.revision();
        app.stored_text = text;
        app.library.set_last_open(map.id);
    }
    platform::set_window_title((map.title.empty() ? "Untitled journey" : map.title) + " - Journey Map");
    update_unsaved_flag(app);
}

bool autosave_tick(AppState& app, double now_ms) {
    std::uint64_t rev = app.ed.doc.revision();
    if (rev != app.seen_revision) {
        app.seen_revision = rev;
        app.changed_at_ms = now_ms;
    }
    bool pending = rev != app.stored_revision && !app.other_tab_changed;
    // A save that failed is not retried every frame: a 10 MB map against a full
    // storage would cost a third of a second each time.
    bool waiting_after_failure = !app.storage_error.empty() && rev == app.failed_revision && now_ms - app.failed_at_ms < kRetryDelayMs;
    if (pending && !waiting_after_failure && now_ms - app.changed_at_ms >= kAutosaveDelayMs) {
        save_now(app);
        pending = rev != app.stored_revision && app.storage_error.empty();
    }
    update_unsaved_flag(app);
    return pending && app.storage_error.empty();
}

void switch_to(AppState& app, Map map) {
    app.other_tab_changed = false;
    app.ed.doc.replace(std::move(map));
    app.ed.selection.clear();
    app.ed.view_as_persona.clear();
    app.ed.fit_pending = true;
    app.seen_revision = ~0ull;
    save_now(app);
    app.ed.doc.history.mark_saved();
}

void start_session(AppState& app) {
    std::string last = app.library.last_open();
    if (!last.empty()) {
        LoadResult r = app.library.open(last);
        if (r.ok()) {
            app.ed.doc.replace(std::move(*r.map));
            app.stored_revision = app.ed.doc.revision();
            app.stored_text = app.library.raw_text(last).value_or("");
            app.ed.doc.history.mark_saved();
            update_unsaved_flag(app);
            return;
        }
    }
    std::string error;
    auto map = ui::map_from_template(kFirstTemplate, error);
    if (!map) map = ui::map_from_template("blank", error);
    Map fallback;
    if (!map) {
        fallback.id = new_id(fallback, "map");
        fallback.title = "Untitled journey";
        fallback.lanes = default_lanes();
    }
    switch_to(app, map ? std::move(*map) : std::move(fallback));
    if (!platform::storage_available()) {
        app.storage_error = "this browser offers no storage here (private mode or disabled)";
        update_unsaved_flag(app);
    }
}

void open_file(AppState& app, const std::string& name, const std::string& bytes) {
    ImportResult r = import_file(name, bytes);
    if (!r.map) {
        show_problems(app, "\"" + name + "\" could not be opened", std::move(r.problems));
        return;
    }
    if (app.library.contains(r.map->id)) {
        app.pending_open = std::move(*r.map);
        app.ask_replace = true;
        return;
    }
    switch_to(app, std::move(*r.map));
    app.ed.notify("Opened " + name);
}

void resolve_replace(AppState& app, bool replace) {
    if (!app.pending_open) return;
    Map map = std::move(*app.pending_open);
    app.pending_open.reset();
    if (!replace) {
        map.id = app.library.fresh_id_for(map);
        map.title += " (opened copy)";
    }
    switch_to(app, std::move(map));
}

std::string download_name(const Map& map) { return download_stem(map) + ".journeymap.json"; }

std::string download_stem(const Map& map) {
    std::string name;
    for (char c : map.title.empty() ? std::string("journey-map") : map.title) {
        // Characters that Windows, macOS or mail clients reject in file names.
        if (std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20) c = '-';
        name += c;
    }
    return name;
}

void download_current(AppState& app) {
    platform::download_file(download_name(app.ed.doc.map), "application/json", save_map_json(app.ed.doc.map));
    app.ed.doc.history.mark_saved();
    app.ed.notify("Downloaded " + download_name(app.ed.doc.map));
}

void on_storage_changed(AppState& app, const std::string& key) {
    if (key == Library::kIndexKey || key == Library::kLastKey) return;
    if (key != map_key(app.ed.doc.map.id)) return;
    auto now = app.library.raw_text(app.ed.doc.map.id);
    if (now && *now == app.stored_text) return;
    app.other_tab_changed = true;
    update_unsaved_flag(app);
}

void reload_from_other_tab(AppState& app) {
    LoadResult r = app.library.open(app.ed.doc.map.id);
    app.other_tab_changed = false;
    if (!r.ok()) {
        show_problems(app, "The other tab's version could not be read", std::move(r.problems));
        return;
    }
    switch_to(app, std::move(*r.map));
}

void keep_mine_as_copy(AppState& app) {
    Map mine = app.ed.doc.map;
    mine.id = app.library.fresh_id_for(mine);
    mine.title += " (my copy)";
    switch_to(app, std::move(mine));
}

void open_from_library(AppState& app, const std::string& id) {
    if (id == app.ed.doc.map.id) return;
    if (app.ed.doc.revision() != app.stored_revision) save_now(app);
    LoadResult r = app.library.open(id);
    if (!r.ok()) {
        show_problems(app, "This map in the library is damaged", std::move(r.problems));
        return;
    }
    switch_to(app, std::move(*r.map));
}

void refresh_library(AppState& app) { app.library_entries = app.library.list(); }

void delete_from_library(AppState& app, const std::string& id) {
    auto text = app.library.remove(id);
    if (text) app.deleted.emplace_back(id, *text);
    if (id == app.ed.doc.map.id) {
        // The open map was deleted: open the next one, or a new map.
        refresh_library(app);
        if (!app.library_entries.empty()) open_from_library(app, app.library_entries.front().id);
        else start_session(app);
    }
    refresh_library(app);
}

void undo_library_delete(AppState& app) {
    if (app.deleted.empty()) return;
    auto [id, text] = app.deleted.back();
    app.deleted.pop_back();
    std::string error = app.library.restore(id, text);
    if (!error.empty()) app.ed.notify("Could not restore: " + error);
    refresh_library(app);
}

}  // namespace jm
