#include "app/session.h"

#include <algorithm>

#include "app/interchange_files.h"
#include "i18n/i18n.h"
#include "io/content_hash.h"
#include "io/file_name.h"
#include "io/limits.h"
#include "platform/platform.h"
#include "ui/new_map_dialog.h"

namespace jm {

namespace {

constexpr double kAutosaveDelayMs = 1000;   // after the last edit; typing never saves per keystroke
constexpr double kRetryDelayMs = 30000;     // a failed save (storage full) is retried this late, or at the next edit
constexpr double kSliceBudgetMs = 4;        // serialising a large map takes at most this much of a frame
constexpr std::size_t kSliceBytes = 16 * 1024;   // text made between two looks at the clock
constexpr std::size_t kStoreLaterTouchpoints = 2000;   // a map opened with more is stored by the autosave (open_map)
constexpr const char* kFirstTemplate = "saas-journey";   // i18n: not shown (a template id)
constexpr const char* kSavedText = "Saved in this browser";   // i18n: not shown (the JS API's save state, in English)
#define ICON_LOCK "\xef\x80\xa3"   // U+F023: the browser granted persistent storage (status_bar.cpp explains it)

std::string map_key(const std::string& id) { return std::string(Library::kMapPrefix) + id; }

void update_unsaved_flag(AppState& app) {
    if (app.ed.doc.read_only) {   // a shared map, open to be read (app/share_link.h): nothing of it is to be stored
        platform::set_unsaved_work(false);
        app.save_state = "Shared map: not in this browser's library";   // i18n: not shown (the JS API's save state)
        app.ed.save_status = i18n::tr("Shared map: not in your library");
        app.ed.save_problem = false;
        return;
    }
    bool unsaved = app.ed.doc.revision() != app.stored_revision;
    platform::set_unsaved_work(unsaved);
    // save_state stays in English for the JS API; save_status is shown, in the language in use.
    if (app.other_tab_changed) {
        app.save_state = "Not saved: changed in another tab";   // i18n: not shown (the JS API's save state)
        app.ed.save_status = i18n::tr("Not saved: changed in another tab");
        app.ed.save_problem = true;
    } else if (!app.storage_error.empty()) {
        app.save_state = "Not saved: " + app.storage_error + " - use Download";   // i18n: not shown (the JS API's save state)
        // The reason is one of the storage's fixed texts ("browser storage is full"), or English.
        app.ed.save_status = i18n::trf("Not saved: {reason} - use Download", {{"reason", i18n::tr(app.storage_error.c_str())}});
        app.ed.save_problem = true;
    } else {
        app.save_state = unsaved ? "Saving..." : kSavedText;   // i18n: not shown (the JS API's save state)
        app.ed.save_status = unsaved ? i18n::tr("Saving...") : i18n::tr("Saved in this browser");
        app.ed.save_problem = false;
    }
    if (!unsaved && !app.ed.save_problem && app.persistence == platform::Persistence::Granted) app.ed.save_status += " " ICON_LOCK;
}

void saving_failed(AppState& app, std::uint64_t revision, const std::string& error) {
    if (error == platform::kStorageConflict) {
        app.other_tab_changed = true;   // the other tab's version stays; the user decides
        return;
    }
    app.storage_error = error;
    app.failed_revision = revision;
    app.failed_at_ms = platform::now_ms();
    platform::request_frame_after(kRetryDelayMs + 50);   // the retry is due then, edit or not
}

// The map's text made in one go, for a save that cannot wait (a map just opened,
// the page being hidden), counted as one slice.
std::string whole_text(AppState& app) {
    const double start = platform::now_ms();
    std::string text = save_map_json(app.ed.doc.map);
    const double spent = platform::now_ms() - start;
    app.current_save = {.slices = 1, .slice_ms_max = spent, .text_ms = spent};
    return text;
}

// Puts the map's text in the library (and "last open") as one storage batch. The
// revision counts as stored when the batch is on disk (storage_committed).
void store_text(AppState& app, std::string text, bool real) {
    const double start = platform::now_ms();
    const Map& map = app.ed.doc.map;
    app.slicer = MapTextSlicer();
    app.slicing_revision = ~0ull;
    std::string error = app.library.save_text(map, text);
    if (error.empty()) app.library.set_last_open(map.id);
    int ticket = platform::storage_commit();
    platform::set_window_title((map.title.empty() ? std::string(i18n::tr("Untitled journey")) : map.title) + " - Journey Map");
    app.current_save.store_ms = platform::now_ms() - start;
    app.current_save.bytes = text.size();
    app.last_save = app.current_save;
    app.current_save = {};
    if (!error.empty()) {
        saving_failed(app, app.ed.doc.revision(), error);
        app.commit_ticket = 0;
    } else {
        app.commit_ticket = ticket;
        app.committing_revision = app.ed.doc.revision();
        app.committing_text = std::move(text);
        app.committing_real = real;
    }
    update_unsaved_flag(app);
}

// Opens `map` with a fresh history and stores it; `real` is false only for the
// map made at start, which does not count as the user's first save.
// A large map is stored by the autosave instead, starting at the next frame, its
// text made a slice per frame as after any edit: making the whole text at once
// (11 MB for 10,000 touchpoints) would take longer than reading the file did, and
// the first frame does not need it. Until it is stored the status says "Saving...",
// and a page that is hidden or closed meanwhile stores it at once (flush_autosave).
void open_map(AppState& app, Map map, bool real) {
    app.other_tab_changed = false;
    app.ed.doc.replace(std::move(map));
    app.ed.selection.clear();
    app.ed.view_as_persona.clear();
    app.ed.fit_pending = true;
    if (real && touchpoint_count(app.ed.doc.map) > kStoreLaterTouchpoints) {
        app.seen_revision = app.ed.doc.revision();
        app.changed_at_ms = platform::now_ms() - kAutosaveDelayMs;   // due at the next autosave_tick
        app.slicer = MapTextSlicer();
        app.slicing_revision = ~0ull;
        const Map& m = app.ed.doc.map;
        platform::set_window_title((m.title.empty() ? std::string(i18n::tr("Untitled journey")) : m.title) + " - Journey Map");
        update_unsaved_flag(app);
    } else {
        app.seen_revision = ~0ull;
        store_text(app, whole_text(app), real);
    }
    app.ed.doc.history.mark_saved();
}

}  // namespace

void show_problems(AppState& app, const std::string& title, std::vector<LoadProblem> problems) {
    app.load_error_title = title;
    app.load_errors = std::move(problems);
    app.show_load_errors = true;
}

void save_now(AppState& app) {
    if (app.other_tab_changed || app.ed.doc.read_only) return;   // never silently overwrite the other tab's work; a shared map is saved as a copy only
    store_text(app, whole_text(app), true);
}

void storage_committed(AppState& app, int ticket, const std::string& error) {
    if (ticket == 0) return;
    if (ticket != app.commit_ticket) {
        // A library action's batch (rename, duplicate, delete...), or a save a later one replaced.
        if (!error.empty() && error != platform::kStorageConflict) app.ed.notify(i18n::trf("Not stored in this browser: {reason}", {{"reason", i18n::tr(error.c_str())}}));
        return;
    }
    app.commit_ticket = 0;
    if (error == platform::kStorageFull && app.library.drop_oldest_base()) {
        // The browser reports a full disk only when the batch commits. Kept bases
        // are a convenience and the map is the user's work: the oldest base goes
        // and the save runs again at once (until it fits or no base is left).
        app.committing_text.clear();
        save_now(app);
        update_unsaved_flag(app);
        return;
    }
    if (!error.empty()) {
        saving_failed(app, app.committing_revision, error);
    } else {
        app.storage_error.clear();
        app.stored_revision = app.committing_revision;
        app.stored_text = std::move(app.committing_text);
        if (app.committing_real && !app.persist_asked && app.persistence != platform::Persistence::Granted) {
            app.persist_asked = true;
            platform::storage_request_persist([&app](platform::Persistence p) {
                app.persistence = p;
                update_unsaved_flag(app);
            });
        }
    }
    app.committing_text.clear();
    update_unsaved_flag(app);
}

void flush_autosave(AppState& app) {
    if (app.other_tab_changed) return;
    std::uint64_t rev = app.ed.doc.revision();
    if (rev == app.stored_revision || (app.commit_ticket != 0 && app.committing_revision == rev)) return;
    save_now(app);
}

bool autosave_tick(AppState& app, double now_ms) {
    std::uint64_t rev = app.ed.doc.revision();
    if (rev != app.seen_revision) {
        app.seen_revision = rev;
        app.changed_at_ms = now_ms;
    }
    if (app.slicer.started() && app.slicing_revision != rev) app.slicer = MapTextSlicer();   // the map changed: start over later
    bool pending = rev != app.stored_revision && !app.other_tab_changed && !app.ed.doc.read_only;
    bool writing = app.commit_ticket != 0 && app.committing_revision == rev;   // on its way to the disk
    // A save that failed is not retried every frame: a 10 MB map against a full
    // storage would cost a third of a second each time.
    bool waiting_after_failure = !app.storage_error.empty() && rev == app.failed_revision && now_ms - app.failed_at_ms < kRetryDelayMs;
    bool due = pending && !writing && !waiting_after_failure && now_ms - app.changed_at_ms >= kAutosaveDelayMs;
    if (due) {
        // A large map's text is made a slice per frame, so typing never waits for it.
        // Handing the finished text to the storage (a copy out of the wasm heap) gets
        // a frame of its own.
        const Map& map = app.ed.doc.map;
        if (app.slicer.done()) {
            store_text(app, app.slicer.take(), true);
        } else {
            const double start = platform::now_ms();
            if (!app.slicer.started()) {
                app.slicer.begin(map);
                app.slicing_revision = rev;
                app.current_save = {};
            }
            while (!app.slicer.step(map, kSliceBytes) && platform::now_ms() - start < kSliceBudgetMs) {
            }
            const double spent = platform::now_ms() - start;
            app.current_save.slices++;
            app.current_save.slice_ms_max = std::max(app.current_save.slice_ms_max, spent);
            app.current_save.text_ms += spent;
            // A small map is done in one go: no need to wait for the next frame.
            if (app.slicer.done() && app.current_save.slices == 1) store_text(app, app.slicer.take(), true);
        }
    }
    update_unsaved_flag(app);
    writing = app.commit_ticket != 0 && app.committing_revision == rev;
    // Frames are wanted until the save is made; the disk's answer wakes the page itself.
    return pending && !writing && !waiting_after_failure && app.storage_error.empty() && !app.other_tab_changed;
}

void switch_to(AppState& app, Map map) { open_map(app, std::move(map), true); }

void start_session(AppState& app) {
    app.persistence = platform::storage_persistence();
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
        fallback.title = i18n::tr("Untitled journey");   // the new map's title, in the language it is made in
        fallback.lanes = default_lanes();
    }
    open_map(app, map ? std::move(*map) : std::move(fallback), false);
    if (!platform::storage_available()) {
        // English for the JS API; shown through tr() (update_unsaved_flag).
        app.storage_error = i18n::tr_later("this browser offers no storage here (private mode or disabled)");
        update_unsaved_flag(app);
    }
}

void open_file(AppState& app, const std::string& name, const std::string& bytes, double size) {
    if (size > static_cast<double>(bytes.size()) && size > static_cast<double>(limits::kMaxFileBytes)) {
        show_problems(app, i18n::trf("\"{file}\" could not be opened", {{"file", name}}), {{"", limits::file_too_large(static_cast<std::size_t>(size))}});
        return;
    }
    ImportResult r = import_file(name, bytes);
    if (!r.map) {
        show_problems(app, i18n::trf("\"{file}\" could not be opened", {{"file", name}}), std::move(r.problems));
        return;
    }
    app.opened_name = name;
    app.open_notices = std::move(r.notices);
    title_csv_after_file(*r.map, name);
    if (offer_interchange_update(app, name, *r.map)) return;   // an export of a library map: the dialog asks
    if (app.library.contains(r.map->id)) {
        app.pending_open = std::move(*r.map);
        app.ask_replace = true;   // the notices follow the answer
        return;
    }
    switch_to(app, std::move(*r.map));
    app.ed.notify(i18n::trf("Opened {file}", {{"file", name}}));
    app.show_open_notices = !app.open_notices.empty();
    tell_what_the_format_lacks(app, name);
}

void resolve_replace(AppState& app, bool replace) {
    if (!app.pending_open) return;
    Map map = std::move(*app.pending_open);
    app.pending_open.reset();
    if (!replace) {
        map.id = app.library.fresh_id_for(map);
        map.title = i18n::trf("{title} (opened copy)", {{"title", map.title}});
    }
    switch_to(app, std::move(map));
    app.show_open_notices = !app.open_notices.empty();
}

std::string download_name(const Map& map, std::string_view extension) { return safe_file_name(map.title, extension); }

std::string text_to_send(AppState& app) {
    std::string text = save_map_json(fork_for_sending(app.ed.doc.map));
    // Without the base a copy coming back still merges, two-way: worth a word, not a stop.
    const std::string error = app.library.store_base(text);
    if (!error.empty()) app.ed.notify(i18n::trf("This version was not kept for merging: {reason}", {{"reason", i18n::tr(error.c_str())}}));
    return text;
}

void download_current(AppState& app) {
    platform::download_file(download_name(app.ed.doc.map), "application/json", text_to_send(app));
    app.ed.doc.history.mark_saved();
    app.ed.notify(i18n::trf("Downloaded {file}", {{"file", download_name(app.ed.doc.map)}}));
}

void on_storage_changed(AppState& app, const std::string& key) {
    if (key == Library::kIndexKey || key == Library::kLastKey || app.ed.doc.read_only) return;
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
        show_problems(app, i18n::tr("The other tab's version could not be read"), std::move(r.problems));
        return;
    }
    switch_to(app, std::move(*r.map));
}

void keep_mine_as_copy(AppState& app) {
    Map mine = app.ed.doc.map;
    mine.id = app.library.fresh_id_for(mine);
    mine.title = i18n::trf("{title} (my copy)", {{"title", mine.title}});
    switch_to(app, std::move(mine));
}

void open_from_library(AppState& app, const std::string& id) {
    if (id == app.ed.doc.map.id) return;
    if (app.ed.doc.revision() != app.stored_revision) save_now(app);
    LoadResult r = app.library.open(id);
    if (!r.ok()) {
        show_problems(app, i18n::tr("This map in the library is damaged"), std::move(r.problems));
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
    if (!error.empty()) app.ed.notify(i18n::trf("Could not restore: {reason}", {{"reason", i18n::tr(error.c_str())}}));
    refresh_library(app);
}

}  // namespace jm
