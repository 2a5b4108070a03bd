// File > Compare with file... (app/compare_file.h).
#include "app/compare_file.h"

#include "app/interchange_files.h"
#include "app/session.h"
#include "i18n/i18n.h"
#include "io/limits.h"
#include "platform/platform.h"
#include "ui/compare_view.h"

namespace jm {

void pick_file_to_compare(AppState& app) {
    platform::pick_file(".json,.mmd,.mermaid,.csv,application/json,text/csv,text/plain",
                        [&app](const std::string& name, const std::string& bytes, double size) { compare_with_file(app, name, bytes, size); });
}

bool compare_with_file(AppState& app, const std::string& name, const std::string& bytes, double size) {
    // The same checks and the same dialog as Open: a file that cannot be opened cannot be compared either.
    if (size > static_cast<double>(bytes.size()) && size > static_cast<double>(limits::kMaxFileBytes)) {
        show_problems(app, i18n::trf("\"{file}\" could not be opened", {{"file", name}}), {{"", limits::file_too_large(static_cast<std::size_t>(size))}});
        return false;
    }
    ImportResult r = import_file(name, bytes);
    if (!r.map) {
        show_problems(app, i18n::trf("\"{file}\" could not be opened", {{"file", name}}), std::move(r.problems));
        return false;
    }
    ui::begin_compare(app.ed, name, std::move(*r.map), std::move(r.notices));
    return true;
}

void draw_compare(AppState& app) {
    ui::CompareState& cs = app.ed.compare;
    if (cs.request_pick) {
        cs.request_pick = false;
        pick_file_to_compare(app);
    }
    ui::draw_compare_window(app.ed);
}

}  // namespace jm
