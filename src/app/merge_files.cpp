// File > Merge files (app/merge_files.h).
#include "app/merge_files.h"

#include "app/interchange_files.h"
#include "app/session.h"
#include "i18n/i18n.h"
#include "io/content_hash.h"
#include "io/limits.h"
#include "platform/platform.h"
#include "ui/conflicts_panel.h"

namespace jm {

namespace {

// The version the copies started from: the newest ancestor of a copy that this
// browser kept (Library::store_base when it was sent), or the open map itself
// when a copy names its content (sent, and not changed here since). None: a
// two-way merge.
std::optional<Map> common_base(AppState& app, const std::vector<ui::MergeFile>& files) {
    for (const auto& f : files) {
        auto kept = app.library.nearest_base(f.map.lineage);
        if (!kept) continue;
        auto text = app.library.find_base(kept->id, kept->hash);
        if (!text) continue;
        LoadResult r = load_map_json(*text);
        if (r.ok()) return std::move(*r.map);
    }
    const std::string open_hash = content_hash(app.ed.doc.map);
    for (const auto& f : files)
        for (const auto& a : f.map.lineage.bases)
            if (a.hash == open_hash) return app.ed.doc.map;
    return std::nullopt;
}

}  // namespace

void pick_files_to_merge(AppState& app) {
    if (app.ed.doc.read_only) {   // a shared map open to be read takes no merge until it is saved
        app.ed.notify(i18n::tr("This shared map is read-only: Save a copy to edit it"));
        return;
    }
    // The picker reads the files one by one; the merge waits for the last.
    auto inbox = std::make_shared<std::vector<std::pair<std::string, std::string>>>();
    auto too_large = std::make_shared<std::vector<LoadProblem>>();
    platform::pick_files(
        ".json,application/json",
        [inbox, too_large](const std::string& name, const std::string& bytes, double size) {
            if (size > static_cast<double>(bytes.size()) && size > static_cast<double>(limits::kMaxFileBytes))
                too_large->push_back({name, limits::file_too_large(static_cast<std::size_t>(size))});
            else
                inbox->emplace_back(name, bytes);
        },
        [&app, inbox, too_large]() {
            if (!too_large->empty()) {
                show_problems(app, i18n::tr("The files were not merged"), std::move(*too_large));
                return;
            }
            if (!inbox->empty()) merge_files(app, std::move(*inbox));
        });
}

void merge_files(AppState& app, std::vector<std::pair<std::string, std::string>> files) {
    std::vector<ui::MergeFile> copies;
    std::vector<LoadProblem> problems;
    for (auto& [name, bytes] : files) {
        ImportResult r = import_file(name, bytes);
        if (!r.map) {
            for (auto& p : r.problems) problems.push_back({name + (p.path.empty() ? "" : ": " + p.path), p.message});
            continue;
        }
        if (!ui::is_copy_of(*r.map, app.ed.doc.map)) {
            problems.push_back({name, i18n::trf("\"{title}\" is not a copy of the open map \"{open}\" (another map id, and its lineage does not name this map)",
                                                {{"title", r.map->title}, {"open", app.ed.doc.map.title}})});
            continue;
        }
        copies.push_back({name, std::move(*r.map)});
    }
    if (!problems.empty()) {
        show_problems(app, i18n::tr("The files were not merged"), std::move(problems));
        return;
    }
    std::optional<Map> base = common_base(app, copies);
    ui::MergeSession session;
    std::vector<Change> changes = ui::begin_merge(session, app.ed.doc.map, std::move(base), std::move(copies), ++app.merge_serial);
    const std::size_t conflicts = session.result.conflicts.size();
    if (changes.empty() && conflicts == 0) {
        app.ed.notify(i18n::trn("Nothing to merge: the {n} files hold nothing this map does not have", static_cast<long long>(files.size())));
        return;
    }
    app.merge = std::move(session);
    ui::apply_merge_changes(app.ed, *app.merge, std::move(changes));
    app.show_merge = true;
    app.ed.notify(conflicts ? i18n::trn("Merged: {n} conflicts to settle in the Merge panel", static_cast<long long>(conflicts))
                            : i18n::trn("Merged {n} files: every change taken, no conflicts", static_cast<long long>(files.size())));
}

void draw_merge_panel(AppState& app) {
    if (!app.merge) return;
    if (app.merge->result.merged.id != app.ed.doc.map.id) {   // another map was opened: the merge is over
        app.merge.reset();
        return;
    }
    ui::draw_conflicts_panel(app.ed, *app.merge, app.show_merge);
    if (!app.show_merge) app.merge.reset();
}

}  // namespace jm
