#include "app/interchange_files.h"

#include "io/csv.h"
#include "io/interchange_update.h"
#include "io/mermaid.h"

#include "ui/new_map_dialog.h"

namespace jm {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    if (suffix.size() > s.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        char c = s[s.size() - suffix.size() + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[i]) return false;
    }
    return true;
}

// Imported text has no id or times of its own: give it a fresh identity.
void stamp_new(Map& map) {
    map.id = new_id(map, "map");
    map.created = map.modified = utc_now_iso();
    if (map.lanes.empty()) map.lanes = default_lanes();
}

template <typename Imported>
ImportResult from_text_import(Imported imported) {
    ImportResult r;
    for (const auto& p : imported.problems) r.problems.push_back({p.where(), p.message});
    r.notices = std::move(imported.notices);
    if (imported.map && r.problems.empty()) {
        r.map = std::move(imported.map);
        stamp_new(*r.map);
    }
    return r;
}

}  // namespace

ImportResult import_file(const std::string& name, const std::string& bytes) {
    if (ends_with(name, ".mmd") || ends_with(name, ".mermaid")) return from_text_import(import_mermaid(bytes));
    if (ends_with(name, ".csv")) return from_text_import(import_csv(bytes));
    LoadResult loaded = load_map_json(bytes);
    ImportResult r;
    r.map = std::move(loaded.map);
    r.problems = std::move(loaded.problems);
    r.notices = std::move(loaded.notices);
    return r;
}

void title_csv_after_file(Map& map, const std::string& name) {
    if (interchange_format_of(name) != InterchangeFormat::Csv) return;
    if (std::string title = title_of_file_name(name); !title.empty()) map.title = std::move(title);
}

}  // namespace jm
